"""The shipped rule files prepared as JSON when the package is built (checker.rules.prepared, setup.py): read as
exactly the data their YAML holds, and only while the YAML is the text they were read from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from checker import conventions
from checker.errors import RulePackError
from checker.rules import construct, loader, prepared
from checker.rules.loader import load_all, load_general, load_model

yaml = pytest.importorskip("yaml")
if prepared.libyaml() is None:
    pytest.skip("PyYAML without libyaml: nothing is prepared", allow_module_level=True)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The rules folder as a wheel holds it: the YAML, its prepared JSON and model trees, as the shipped folder."""
    rules = tmp_path / "builtin_rules"
    shutil.copytree(ROOT / "rules", rules)
    prepared.prepare(ROOT / "rules", rules)
    construct.prepare(ROOT / "rules", rules)
    monkeypatch.setattr(loader, "DEFAULT_RULES", rules)
    loader._REGISTRIES.clear()
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


def _validated(path: Path, model: type[construct.BaseModel]) -> construct.BaseModel:
    return model.model_validate(loader.plain(loader.load_yaml(path)))


def test_every_shipped_file_read_in_a_run_has_its_model_tree(shipped: Path) -> None:
    trees = sorted(p.name for p in (shipped / prepared.FOLDER).rglob("*" + construct.SUFFIX))
    assert trees == sorted(f"{n}{construct.SUFFIX}" for n in (
        "215-KH-UBND.yaml", "general.yaml", "conventions.yaml", "references.yaml", "bodies.yaml", "haiphong.yaml"))


@pytest.mark.parametrize(("name", "model"), [
    ("215-KH-UBND.yaml", "RulePack"), ("general.yaml", "GeneralPack"), ("conventions.yaml", "Conventions"),
    ("units/haiphong.yaml", "UnitsRegistry"), ("references.yaml", "ReferencesRegistry"),
    ("bodies.yaml", "BodiesRegistry"),
])
def test_a_model_built_from_its_tree_is_the_validated_model(shipped: Path, monkeypatch: pytest.MonkeyPatch,
                                                            name: str, model: str) -> None:
    cls = {m.__name__: m for m in construct.roots()}[model]
    path = shipped / name
    monkeypatch.setattr(cls, "model_validate", None)  # built from the tree, never validated
    built = load_model(path, cls)
    monkeypatch.undo()
    want = _validated(path, cls)
    assert built == want
    assert construct.to_tree(built) == construct.to_tree(want)  # the fields given too, all the way down
    assert built.model_dump_json() == want.model_dump_json()


def test_a_tree_is_used_only_for_its_text_and_its_model(shipped: Path) -> None:
    pack = shipped / "215-KH-UBND.yaml"
    text = pack.read_text(encoding="utf-8")
    assert construct.load(shipped, pack, text, construct.roots()[0]) is not None
    assert construct.load(shipped, pack, text + "\n", construct.roots()[0]) is None  # edited since the build
    assert construct.load(shipped, pack, text, construct.roots()[1]) is None  # asked for as another model
    assert construct.load(ROOT / "rules", ROOT / "rules" / pack.name, text, construct.roots()[0]) is None  # checkout


def test_an_edited_shipped_file_still_names_its_line_and_field(shipped: Path) -> None:
    pack = shipped / "215-KH-UBND.yaml"
    lines = pack.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if line.lstrip().startswith("value: 80"))
    lines[at] = lines[at].replace("value: 80", "value: tám mươi")
    pack.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_all([])
    assert str(err.value).startswith(f"{pack}:{at + 1}: rules[")
    assert ".value (HP215-" in str(err.value) and "\n" not in str(err.value)


def test_the_conventions_come_from_their_tree(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conventions.Conventions, "model_validate", None)
    got = conventions.load(shipped / "conventions.yaml")
    monkeypatch.undo()
    assert got == _validated(shipped / "conventions.yaml", conventions.Conventions)


def test_what_a_tree_cannot_carry_is_refused() -> None:
    for value in ({1: "a"}, {"!d": "x"}, (1, 2), {1.5}, b"x"):
        with pytest.raises(TypeError):
            construct.to_tree(value)
