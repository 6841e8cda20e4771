"""The shipped rule files prepared when the package is built: each YAML file of the built-in rules folder also
written as JSON (``prepared/<file>.json`` in that folder), read without importing a YAML parser and some 30 times
faster (a one-plan run read its YAML in about 0.035 s of CPU, PyYAML's import included; the JSON in 0.001 s).

setup.py writes them (``prepare``) into the wheel with the same reader the checker uses (``libyaml``: PyYAML's C
loader set to YAML 1.2); each names the SHA-256 of the YAML text it was read from, and is used only while the file
still has that text (``read``): a YAML file edited since, a folder given with ``--rules``, an editable install
(which has no prepared folder) and a file whose data JSON cannot carry exactly are all read from their YAML, as
before. Nothing is written at run time.

This module imports no other module of the checker (setup.py loads it by its path, before anything is installed).
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = "prepared"
PATTERNS = ("*.yaml", "*.yml", "units/*.yaml", "units/*.yml")  # the files the loader reads from the rules folder

# YAML 1.2 core schema (what ruamel reads): ``yes``, ``on``, ``1:30`` and ``012`` stay what YAML 1.2 makes of them,
# not what PyYAML's YAML 1.1 would; a date stays text (pydantic validates it)
_CORE_SCHEMA = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$",
     "-+0123456789"),
    ("tag:yaml.org,2002:float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
]


@cache
def libyaml() -> Any:
    """PyYAML's C (libyaml) safe loader set to the YAML 1.2 core schema, or None where PyYAML or libyaml is
    absent (then ruamel's safe loader reads, some three times slower)."""
    try:
        import yaml
    except ImportError:
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class Loader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            """A key written twice is an error (as in ruamel, which then says where), never the last one kept."""
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value != "<<"]
            if len(keys) != len(set(keys)):
                raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
            return super().construct_mapping(node, deep)

    for tag, pattern, first in _CORE_SCHEMA:
        Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))
    Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)
    Loader.add_constructor("tag:yaml.org,2002:int", _int)
    return Loader


def _int(loader: Any, node: Any) -> int:
    """An integer as YAML 1.2 writes it (``0o17`` octal, ``012`` twelve, ``1_000``)."""
    text = loader.construct_scalar(node).replace("_", "")
    sign, digits = (-1, text[1:]) if text[:1] == "-" else (1, text.lstrip("+"))
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def twin(rules: Path, path: Path) -> Path | None:
    """Where the prepared JSON of ``path`` is, if ``path`` is a file of the rules folder ``rules``."""
    try:
        rel = path.relative_to(rules)
    except ValueError:
        return None
    return rules / FOLDER / rel.with_name(rel.name + ".json")


def read(rules: Path, path: Path, text: str) -> tuple[object] | None:
    """``(data,)`` as prepared for ``path``, whose text is ``text``, if there is a prepared file read from that
    very text; else None (read the YAML)."""
    where = twin(rules, path)
    if where is None or not where.is_file():
        return None
    try:
        got = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(got, dict) or got.get("sha256") != digest(text) or "data" not in got:
        return None
    return (got["data"],)


def _same(a: object, b: object) -> bool:
    """Equal and of the same types all the way down (1, 1.0 and True are three values here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def prepare(rules: Path, out: Path) -> list[Path]:
    """Write the prepared JSON of every YAML file of ``rules`` the loader reads into ``out/prepared`` (``out`` is
    the rules folder as the package will hold it); the files written. None where libyaml is absent; none for a
    file libyaml cannot read or whose data would not come back from JSON exactly as read (keys that are not
    text, a set, bytes): the checker reads those from their YAML and says what is wrong with them."""
    loader = libyaml()
    if loader is None:
        return []
    import yaml

    written: list[Path] = []
    for pattern in PATTERNS:
        for path in sorted(rules.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            try:
                data = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
                dumped = json.dumps({"sha256": digest(text), "data": data}, ensure_ascii=False)
            except (yaml.YAMLError, TypeError, ValueError):
                continue
            if not _same(json.loads(dumped)["data"], data):
                continue
            target = twin(out, out / path.relative_to(rules))
            assert target is not None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dumped, encoding="utf-8")
            written.append(target)
    return written
