"""What the tests of a blind round compare: the plans' index (tests/fixtures/plans/index.yaml) and the findings at
error or warning level, each place once, set against the defects the index lists."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
Key = tuple[str, str, int | None]


def loud(path: Path, packs: list[LoadedPack]) -> set[Key]:
    """The findings at error or warning level (id, kind, line), each place once (an outdated body named twice in
    one line, or an office and its former district, is one defect)."""
    result = check_file(path, packs)
    assert result.status == "checked", result
    return {(f.id, f.kind, f.line) for f in [*result.findings, *result.general] if f.severity in ("error", "warning")}


def want(name: str) -> set[Key]:
    return {(d["id"], d["kind"], d.get("line")) for d in INDEX[name].get("defects", [])}


def placed(found: set[Key], wanted: set[Key]) -> set[Key]:
    """The findings, a defect without a place (a target missing) taken at none."""
    return {(i, k, None if (i, k, None) in wanted else line) for i, k, line in found}


def twins_alike(good: list[str]) -> None:
    """Each compliant plan and its defective twin ("-dat-chuan" / "-loi") have the same number of lines."""
    for name in good:
        twin = name.replace("-dat-chuan", "-loi")
        assert len((PLANS / name).read_text(encoding="utf-8").splitlines()) == len(
            (PLANS / twin).read_text(encoding="utf-8").splitlines()), name
