"""The shipped rule files prepared as JSON when the package is built (checker.rules.prepared, setup.py): read as
exactly the data their YAML holds, and only while the YAML is the text they were read from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from checker.rules import loader, prepared
from checker.rules.loader import load_all, load_general

yaml = pytest.importorskip("yaml")
if prepared.libyaml() is None:
    pytest.skip("PyYAML without libyaml: nothing is prepared", allow_module_level=True)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The rules folder as a wheel holds it: the YAML and its prepared JSON, as the shipped folder."""
    rules = tmp_path / "builtin_rules"
    shutil.copytree(ROOT / "rules", rules)
    prepared.prepare(ROOT / "rules", rules)
    monkeypatch.setattr(loader, "DEFAULT_RULES", rules)
    return rules


def _yaml_files(rules: Path) -> list[Path]:
    return sorted(p for pattern in prepared.PATTERNS for p in rules.glob(pattern))


def test_every_shipped_yaml_is_prepared_as_the_same_data(shipped: Path) -> None:
    files = _yaml_files(shipped)
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = prepared.read(shipped, path, text)
        assert found is not None, path.name
        assert prepared._same(found[0], yaml.load(text, Loader=prepared.libyaml())), path.name  # noqa: S506


def test_the_packs_load_from_the_prepared_files_alike(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_yaml: list[str] = []
    load = yaml.load
    monkeypatch.setattr(yaml, "load", lambda text, Loader: read_yaml.append(text) or load(text, Loader=Loader))
    packs, general = load_all([]), load_general([])
    assert read_yaml == []  # every file came from its prepared JSON
    monkeypatch.setattr(loader, "DEFAULT_RULES", ROOT / "rules")
    loader._REGISTRIES.clear()
    packs_yaml, general_yaml = load_all([]), load_general([])
    assert read_yaml  # the checkout has no prepared files: its YAML was read
    assert [p.pack for p in packs] == [p.pack for p in packs_yaml]
    assert general is not None and general_yaml is not None and general.general == general_yaml.general


def test_an_edited_yaml_file_is_read_from_its_yaml(shipped: Path) -> None:
    pack = shipped / "215-KH-UBND.yaml"
    edited = pack.read_text(encoding="utf-8").replace("\nrules:", "\nrules: 3\nx:", 1)
    pack.write_text(edited, encoding="utf-8")
    assert prepared.read(shipped, pack, edited) is None
    with pytest.raises(loader.RulePackError):
        load_all([])


def test_a_rules_folder_given_is_never_read_prepared(shipped: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(shipped, mine)  # prepared files and all: --rules reads the YAML
    pack = mine / "215-KH-UBND.yaml"
    assert prepared.read(shipped, pack, pack.read_text(encoding="utf-8")) is None


def test_data_json_cannot_carry_is_not_prepared(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "numbers.yaml").write_text("1: one\n2: two\n", encoding="utf-8")  # keys that are not text
    (rules / "plain.yaml").write_text("a: 1\nb: [1.5, true, null, '012', 012]\n", encoding="utf-8")
    written = prepared.prepare(rules, rules)
    assert [p.name for p in written] == ["plain.yaml.json"]
    got = prepared.read(rules, rules / "plain.yaml", (rules / "plain.yaml").read_text(encoding="utf-8"))
    assert got is not None and prepared._same(got[0], {"a": 1, "b": [1.5, True, None, "012", 12]})
