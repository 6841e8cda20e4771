"""The fast reader of rule packs (libyaml through PyYAML) reads exactly what ruamel reads (YAML 1.2), and anything it
would read differently or refuse goes to ruamel, whose error names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from checker.errors import RulePackError
from checker.rules.loader import _fast_load, load_model
from checker.rules.prepared import libyaml as _libyaml
from checker.rules.registries import UnitsRegistry

yaml = pytest.importorskip("yaml")
if _libyaml() is None:
    pytest.skip("PyYAML without libyaml: ruamel's safe loader reads the packs", allow_module_level=True)


def ruamel_safe(text: str) -> object:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    reader = YAML(typ="safe")
    reader.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return reader.load(text)


@pytest.mark.parametrize("path", sorted((ROOT / "rules").rglob("*.y*ml")), ids=lambda p: p.name)
def test_every_shipped_yaml_reads_the_same(path: Path) -> None:
    assert _fast_load(path) == ruamel_safe(path.read_text(encoding="utf-8"))


SCALARS = ["yes", "no", "on", "off", "y", "n", "true", "False", "TRUE", "1:30", "1:30.5", "012", "08", "0o17",
           "-0o7", "0x1F", "0b101", "1_000", "-12", "+5", "-0", "1.5", "1.", "1e3", "1e-3", ".5", ".inf", "-.inf",
           "~", "null", "NULL", "", "2025-08-25", "2025-08-25 10:00:00", "'012'", "!!str 12", "0o", "abc"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_are_yaml_1_2(tmp_path: Path, scalar: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"a: {scalar}\nb:\n  - {scalar}\n", encoding="utf-8")
    fast, slow = _fast_load(path), ruamel_safe(path.read_text(encoding="utf-8"))
    assert fast == slow
    assert isinstance(fast, dict) and isinstance(slow, dict) and type(fast["a"]) is type(slow["a"])


def test_a_key_written_twice_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (ROOT / "rules" / "units" / "haiphong.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("  city:"))
    lines.insert(k + 1, lines[k])  # meta.city twice
    path = tmp_path / "units.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load(path.read_text(encoding="utf-8"), Loader=_libyaml())
    with pytest.raises(RulePackError) as exc:
        load_model(path, UnitsRegistry)
    assert str(exc.value).startswith(f"{path}:") and exc.value.line in (k + 1, k + 2)
