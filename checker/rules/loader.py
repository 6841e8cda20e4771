"""Load YAML rule packs and registries with ruamel, so every error names the file, the line and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from checker.errors import RulePackError
from checker.rules.registries import BodiesRegistry, ReferencesRegistry, UnitsRegistry
from checker.rules.schema import RulePack

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


def _yaml() -> YAML:
    """Round-trip YAML (it knows every node's line) that leaves dates as text for pydantic to validate, so an
    impossible date is reported at its line like any other bad value."""
    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return yaml


def load_yaml(path: Path) -> object:
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


def _fast_load(path: Path) -> object:
    """The C (libyaml) safe loader: several times faster than round-trip, but it knows no lines."""
    yaml = YAML(typ="safe")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return yaml.load(path.read_text(encoding="utf-8"))


def load_model(path: Path, model: type[M]) -> M:
    """Validate a YAML file; on any problem, re-read it round-trip so the error names the line."""
    try:
        return model.model_validate(_fast_load(path))
    except (ValidationError, YAMLError, OSError, UnicodeDecodeError, ValueError):
        pass
    data = load_yaml(path)
    try:
        return model.model_validate(plain(data))
    except ValidationError as exc:
        err = exc.errors()[0]
        raw = err["loc"]
        # pydantic names the union member (the rule's type) after a list index; it is not a key in the file
        loc = tuple(p for k, p in enumerate(raw) if not (k and isinstance(raw[k - 1], int) and p in TYPE_TAGS))
        where = ".".join(str(p) for p in loc)
        raise RulePackError(str(path), f"{where}: {err['msg']}", line_of(data, loc)) from None


TYPE_TAGS = {
    "required-citation", "target", "required-section", "required-unit", "section-numbering", "plan-date",
    "unit-names", "outdated-bodies", "legal-references", "document-form",
}


class LoadedPack:
    """A validated pack with the registries it points at, loaded once."""

    def __init__(self, path: Path, pack: RulePack) -> None:
        self.path = path
        self.pack = pack
        self._cache: dict[str, object] = {}
        base = path.parent
        self.units = load_model(base / pack.applies_to.units, UnitsRegistry) if pack.applies_to.units else None
        self.references = load_model(base / pack.references, ReferencesRegistry) if pack.references else None
        self.bodies = load_model(base / pack.bodies, BodiesRegistry) if pack.bodies else None


    def cached(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` once per loaded pack (an index over a registry), then the same object for every plan."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]


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
