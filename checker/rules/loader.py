"""Load YAML rule packs and registries: read fast (libyaml through PyYAML, else ruamel's safe loader) and validated;
only when that fails, read again with ruamel round-trip, so every error names the file, the line and the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from checker.errors import RulePackError
from checker.rules import construct, prepared
from checker.rules.national import NationalRegistry
from checker.rules.registries import BodiesRegistry, ReferencesRegistry, UnitsRegistry
from checker.rules.schema import GeneralPack, RulePack
from checker.text import squash

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def _default_rules() -> Path:
    """The built-in pack: inside the installed package (wheel, pipx: ``checker/builtin_rules``, mapped from the
    repository's ``rules/`` by setup.py), else the checkout's ``rules/`` (editable install, source tree)."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "builtin_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


DEFAULT_RULES = _default_rules()


def line_of(data: object, loc: tuple[int | str, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that ruamel knows the position of."""
    line: int | None = None
    node = data
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None and isinstance(key, str) and isinstance(node, dict) and key in node:
                line = lc.key(key)[0] + 1
                node = node[key]
            elif lc is not None and isinstance(key, int) and isinstance(node, list) and key < len(node):
                line = lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
    return line


def plain(obj: object) -> object:
    """ruamel's round-trip containers → plain dicts and lists (for pydantic)."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    return obj


def _yaml(typ: str = "rt") -> Any:  # ruamel.yaml.YAML
    """ruamel's reader that leaves dates as text for pydantic to validate, so an impossible date is reported at its
    line like any other bad value: round-trip (it knows every node's line) or, with ``typ="safe"``, the faster
    safe loader."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    yaml = YAML(typ=typ)
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return yaml


def load_yaml(path: Path) -> object:
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(str(path), f"không đọc được tệp: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RulePackError(str(path), "tệp không phải UTF-8") from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RulePackError(str(path), f"YAML lỗi: {getattr(exc, 'problem', exc)}",
                            mark.line + 1 if mark is not None else None) from None


class _Unread(ValueError):
    """The fast reader could not read the file: the round-trip reader reads it again and says where."""


def _fast_load(path: Path, text: str | None = None) -> object:
    """A file of the shipped rules folder as prepared when the package was built, if unchanged since
    (checker.rules.prepared: JSON, no YAML parser imported); else the C (libyaml) safe loader: several times faster
    than round-trip, but it knows no lines. A generated registry in JSON (a subset of YAML) is read by the json
    module, some 30 times faster still."""
    text = path.read_text(encoding="utf-8") if text is None else text
    if path.suffix == ".json":
        return json.loads(text)
    found = prepared.read(DEFAULT_RULES, path, text)
    if found is not None:
        return found[0]
    loader = prepared.libyaml()
    if loader is not None:
        import yaml

        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
        except yaml.YAMLError as exc:
            raise _Unread(str(exc)) from None
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml("safe").load(text)
    except YAMLError as exc:
        raise _Unread(str(exc)) from None


def load_model(path: Path, model: type[M]) -> M:
    """Validate a YAML file; on any problem, re-read it round-trip so the error names the line. A shipped file
    unchanged since the package was built is built as the model it was validated to then (checker.rules.construct)."""
    try:
        text = path.read_text(encoding="utf-8")
        built = construct.load(DEFAULT_RULES, path, text, model)
        return built if built is not None else model.model_validate(_fast_load(path, text))
    except (ValidationError, OSError, UnicodeDecodeError, ValueError):
        pass
    data = load_yaml(path)
    if model is RulePack:
        _duplicate_ids(path, data)
    try:
        return model.model_validate(plain(data))
    except ValidationError as exc:
        err = exc.errors()[0]
        raw = err["loc"]
        # pydantic names the union member (the rule's type) after a list index; it is not a key in the file
        loc = tuple(p for k, p in enumerate(raw) if not (k and isinstance(raw[k - 1], int) and p in TYPE_TAGS))
        if err["type"] == "union_tag_invalid":  # a wrong ``type:`` is reported at that key, not at "- id:"
            loc = (*loc, "type")
        raise RulePackError(str(path), f"{named_path(data, loc)}: {err['msg']}", line_of(data, loc)) from None


def named_path(data: object, loc: tuple[int | str, ...]) -> str:
    """``rules[10].type (HP215-X)``: keys by name, list items 1-based, and the rule's id when it has one."""
    out, node, rule_id = "", data, None
    for key in loc:
        if isinstance(key, int):
            out += f"[{key + 1}]"
            node = node[key] if isinstance(node, list) and key < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                rule_id = node["id"]
        else:
            out += f".{key}" if out else key
            node = node.get(key) if isinstance(node, dict) else None
    return f"{out} ({rule_id})" if rule_id else out


def _duplicate_ids(path: Path, data: object) -> None:
    """A rule id used twice is reported at the second one, naming the first."""
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list):
        return
    first: dict[str, int] = {}
    for k, rule in enumerate(rules):
        rid = rule.get("id") if isinstance(rule, dict) else None
        if not isinstance(rid, str):
            continue
        if rid in first:
            raise RulePackError(str(path), f"rules[{k + 1}].id: mã quy tắc '{rid}' trùng với rules[{first[rid] + 1}]",
                                line_of(data, ("rules", k, "id")))
        first[rid] = k


TYPE_TAGS = {
    "required-citation", "target", "required-section", "required-unit", "section-numbering", "plan-date",
    "unit-names", "outdated-bodies", "legal-references", "document-form",
}


def registry_path(pack_file: Path, pack: RulePack, name: str, key: tuple[str | int, ...]) -> Path:
    """A registry a pack names: relative to the pack's folder, else in the shared registry folder the pack names
    (``registries``, relative to the pack), else in the shipped rules folder; so several packs share one set. A
    name found nowhere is an error at the line of the key that names it."""
    shared = [pack_file.parent / pack.registries] if pack.registries else []
    tried = [folder / name for folder in [pack_file.parent, *shared, DEFAULT_RULES]]
    for candidate in tried:
        if candidate.is_file():
            return candidate
    data = load_yaml(pack_file)
    where = ".".join(str(k) for k in key)
    raise RulePackError(str(pack_file), f"{where}: không tìm thấy danh mục '{name}' (đã tìm: "
                        + ", ".join(str(t) for t in dict.fromkeys(tried)) + ")", line_of(data, key))


_REGISTRIES: dict[tuple[Path, int, int, type[BaseModel]], BaseModel] = {}


def _registry(path: Path, model: type[M]) -> M:
    """A registry file read and validated once per process (the pack and the general checks share the references,
    national and bodies registries), again only if the file changed."""
    try:
        st = path.stat()
    except OSError:
        return load_model(path, model)  # the error names the file
    key = (path.resolve(), st.st_mtime_ns, st.st_size, model)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = load_model(path, model)
    return _REGISTRIES[key]  # type: ignore[return-value]


class Registries:
    """The registries a pack points at, loaded once, and the indexes built over them for every plan."""

    def __init__(self, path: Path, units: Path | None, references: Path | None, national: list[Path],
                 bodies: Path | None) -> None:
        self.path = path
        self._cache: dict[str, object] = {}
        self.units = _registry(units, UnitsRegistry) if units else None
        self.references = _registry(references, ReferencesRegistry) if references else None
        self.national = [_registry(p, NationalRegistry) for p in national]
        self.bodies = _registry(bodies, BodiesRegistry) if bodies else None

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` once per loaded pack (an index over a registry), then the same object for every plan."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]


class LoadedPack(Registries):
    """A validated directive pack with the registries it points at."""

    def __init__(self, path: Path, pack: RulePack) -> None:
        def find(name: str | None, *key: str | int) -> Path | None:
            return registry_path(path, pack, name, key) if name else None

        super().__init__(path, find(pack.applies_to.units, "applies_to", "units"), find(pack.references, "references"),
                         [registry_path(path, pack, n, ("national", k)) for k, n in enumerate(pack.national)],
                         find(pack.bodies, "bodies"))
        self.pack = pack


class LoadedGeneral(Registries):
    """The general checks for any Vietnamese administrative document (rules/general.yaml), with their registries
    (beside the file, else in the shipped rules folder)."""

    def __init__(self, path: Path, general: GeneralPack) -> None:
        def find(name: str | None) -> Path | None:
            if not name:
                return None
            here = path.parent / name
            return here if here.is_file() else DEFAULT_RULES / name

        super().__init__(path, None, find(general.references), [p for n in general.national if (p := find(n))],
                         find(general.bodies))
        self.general = general


GENERAL_FILE = "general.yaml"


def load_general(where: list[Path] | None = None) -> LoadedGeneral | None:
    """The general pack (``general.yaml``) of the first rules folder given that has one, else the shipped one."""
    folders = [w if w.is_dir() else w.parent for w in (where or [])] + [DEFAULT_RULES]
    path = next((f / GENERAL_FILE for f in folders if (f / GENERAL_FILE).is_file()), None)
    return LoadedGeneral(path, load_model(path, GeneralPack)) if path is not None else None


def is_pack(path: Path) -> bool:
    """A rule pack file starts with a top-level ``pack:`` key (registries beside it do not)."""
    try:
        with path.open(encoding="utf-8") as fh:
            return any(line.startswith("pack:") for line in fh)
    except (OSError, UnicodeDecodeError):
        return False


def load_pack(path: Path) -> LoadedPack:
    return LoadedPack(path, load_model(path, RulePack))


def load_packs(where: Path | None = None) -> list[LoadedPack]:
    """Every pack in a folder (or the one file given); raise RulePackError on the first invalid one."""
    where = where or DEFAULT_RULES
    if where.is_file():
        return [load_pack(where)]
    if not where.is_dir():
        raise RulePackError(str(where), "không tìm thấy thư mục bộ quy tắc")
    files = sorted(p for p in where.glob("*.y*ml") if is_pack(p))
    if not files:
        raise RulePackError(str(where), "không có bộ quy tắc nào (tệp YAML có khóa 'pack:')")
    return [load_pack(p) for p in files]


def load_all(where: list[Path]) -> list[LoadedPack]:
    """The packs of several folders or files (``--rules`` repeated); the shipped ones when none is given."""
    if not where:
        return load_packs()
    packs = [lp for w in where for lp in load_packs(w)]
    seen: dict[str, Path] = {}
    for lp in packs:
        if lp.pack.pack in seen and seen[lp.pack.pack] != lp.path:
            raise RulePackError(str(lp.path), f"pack: bộ quy tắc '{lp.pack.pack}' đã có ở {seen[lp.pack.pack]}")
        seen[lp.pack.pack] = lp.path
    return packs


def round_of(packs: list[LoadedPack], directive: str | None) -> LoadedPack | None:
    """The pack ``--directive`` names (pack id, directive number or short name), or an error listing them."""
    if directive is None:
        return None
    found = find_pack(packs, directive)
    if found is None:
        known = ", ".join(f"{lp.pack.directive.number} ({lp.pack.pack})" for lp in packs)
        raise RulePackError("--directive", f"không có bộ quy tắc cho '{directive}'; có: {known}")
    return found


def find_pack(packs: list[LoadedPack], wanted: str) -> LoadedPack | None:
    """The pack ``--directive`` names: by pack id ("215-KH-UBND"), the directive's number ("215/KH-UBND") or
    its short name, compared without case or diacritics."""
    key = squash(wanted)
    for lp in packs:
        names = [lp.pack.pack, lp.pack.directive.number, lp.pack.directive.short or ""]
        if any(n and squash(n) == key for n in names):
            return lp
    return None
