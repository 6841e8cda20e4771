"""What the tests of a blind round compare: the plans' index (tests/fixtures/plans/index.yaml) and the findings at
error or warning level, each place once, set against the defects the index lists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
Key = tuple[str, str, int | None]


def loud(path: Path, packs: list[LoadedPack], noted: set[Key] | None = None) -> set[Key]:
    """The findings at error or warning level (id, kind, line), each place once (an outdated body named twice in
    one line, or an office and its former district, is one defect), and those of ``noted`` found at info level."""
    result = check_file(path, packs)
    assert result.status == "checked", result
    return {(f.id, f.kind, f.line) for f in [*result.findings, *result.general]
            if f.severity in ("error", "warning") or (f.id, f.kind, f.line) in (noted or set())}


def want(name: str) -> set[Key]:
    return {(d["id"], d["kind"], d.get("line")) for d in INDEX[name].get("defects", [])}


def noted(name: str) -> set[Key]:
    """The defects the index says the checker notes at info level (``severity: info``: a form NĐ 30/2020 asks and
    offices often leave, never counted against a plan)."""
    return {(d["id"], d["kind"], d.get("line")) for d in INDEX[name].get("defects", []) if d.get("severity") == "info"}


def placed(found: set[Key], wanted: set[Key]) -> set[Key]:
    """The findings, a defect without a place (a target missing) taken at none."""
    return {(i, k, None if (i, k, None) in wanted else line) for i, k, line in found}


def twins_alike(good: list[str]) -> None:
    """Each compliant plan and its defective twin ("-dat-chuan" / "-loi") have the same number of lines."""
    for name in good:
        twin = name.replace("-dat-chuan", "-loi")
        assert len((PLANS / name).read_text(encoding="utf-8").splitlines()) == len(
            (PLANS / twin).read_text(encoding="utf-8").splitlines()), name


def assert_scored(path: Path, expected: dict, packs: list[LoadedPack],  # type: ignore[type-arg]
                  origins: list[set[int]] | None = None) -> None:
    """As score.py reads a report (tests/test_plans_reviewed.py's ``verdict``): the status, every defect found, no
    other finding at error or warning level."""
    from test_plans_reviewed import verdict

    r = check_file(path, packs)
    assert r.status == expected["status"], r.reason
    missed, noise = verdict(expected, r, origins)
    assert not missed, f"defects not found: {missed}"
    assert not noise, "false alarms:\n" + "\n".join(noise)


def assert_scored_as_word(path: Path, expected: dict, packs: list[LoadedPack], folder: Path,  # type: ignore[type-arg]
                          auto: bool) -> None:
    """``assert_scored`` of the plan laid out as a Word file the way offices type it (typed or automatic numbers)."""
    from layouts import blocks_of, render_docx

    origins: list[set[int]] = []
    docx = render_docx(blocks_of(path), folder / "plan.docx", auto_numbering=auto, origins=origins)
    assert_scored(docx, expected, packs, origins)


def blind_round(name: str) -> tuple[dict, list[str], list[str]]:  # type: ignore[type-arg]
    """A round's verdicts (tests/fixtures/blind-<name>-expected.json), its plans sorted, and its compliant ones."""
    import json

    expected = json.loads((PLANS.parent / f"blind-{name}-expected.json").read_text(encoding="utf-8"))
    return expected, sorted(expected), sorted(n for n in expected if not expected[n]["defects"])


def round_tests(name: str, left: dict[str, str] | None = None, pairs: int = 4) -> tuple[Callable[..., None], ...]:
    """The three tests every round of twin pairs runs on its plans (assign them to ``test_…`` names in the round's
    module): ``pairs`` twin pairs (four unless the round says); each plan found at its lines and scored as the
    reviewed plans; the same as a Word file. ``left``: plans whose verdict is not met yet, with the reason (a strict
    xfail)."""
    import pytest

    expected, plans, good = blind_round(name)
    cases = [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=(left or {})[n])) if n in (left or {}) else n
             for n in plans]

    def twin_pairs() -> None:
        twins_alike(good)
        assert (len(plans), len(good)) == (2 * pairs, pairs)

    @pytest.mark.parametrize("plan", cases)
    def found_and_scored(plan: str, packs: list[LoadedPack]) -> None:
        """A compliant plan silent; a defective one every defect at its place and nothing else, by the index and
        as score.py reads the report."""
        assert placed(loud(PLANS / plan, packs, noted(plan)), want(plan)) == want(plan)
        assert_scored(PLANS / plan, expected[plan], packs)

    @pytest.mark.parametrize("auto", [False, True], ids=["typed-numbers", "word-numbering"])
    @pytest.mark.parametrize("plan", cases)
    def as_office_word(plan: str, auto: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
        assert_scored_as_word(PLANS / plan, expected[plan], packs, tmp_path, auto)

    return twin_pairs, found_and_scored, as_office_word
