"""Plans written by another office (../shared/plans-reviewed), scored as the reviewer reads a report: every known
defect found (a finding of one of its kinds at its line, or naming one of its words), and no other finding at
error or warning level. A false alarm on a compliant plan fails here. Skipped where ../shared is absent.

The same plans are also made at test time into Word files laid out as offices type them (header and signature as
borderless two-column tables, one paragraph per logical paragraph, target tables as Word tables; typed numbers,
or the Roman parts and their headings numbered by Word's automatic numbering) and must give the same verdict:
a finding's paragraph or cell is traced back to the lines of the .txt it was made from."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from checker.models import Finding, PlanResult
from checker.pipeline import check_file
from checker.rules.loader import load_packs

REVIEWED = Path(__file__).resolve().parents[2] / "shared" / "plans-reviewed"
EXPECTED = json.loads((REVIEWED / "expected.json").read_text(encoding="utf-8")) if REVIEWED.is_dir() else {}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _matches(f: Finding, d: dict[str, object], lines: set[int] | None = None) -> bool:
    if f.kind not in d["kinds"]:  # type: ignore[operator]
        return False
    line = d["line"]
    near = lines if lines is not None else {f.line} if f.line is not None else set()
    if isinstance(line, int) and any(abs(n - line) <= 2 for n in near):
        return True
    words = _fold(" ".join([f.id, f.message, f.evidence, f.expected, f.actual]))
    return any(t in words for t in d["tokens"])  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def results() -> dict[str, PlanResult]:
    if not REVIEWED.is_dir():
        pytest.skip("../shared/plans-reviewed is not present")
    packs = load_packs()
    return {name: check_file(REVIEWED / name, packs) for name in EXPECTED}


def verdict(want: dict[str, Any], r: PlanResult, origins: list[set[int]] | None = None
            ) -> tuple[list[str], list[str]]:
    """(defects missed, false alarms) of one run, as score.py counts them; ``origins`` maps a Word file's lines
    (paragraphs and cells) to the .txt lines they were made from."""

    def lines(f: Finding) -> set[int] | None:
        if origins is None:
            return None
        return origins[f.line - 1] if f.line is not None and 0 < f.line <= len(origins) else set()

    missed = [d["what"] for d in want["defects"] if not any(_matches(f, d, lines(f)) for f in r.findings)]
    noise = []
    for f in r.findings:
        at = lines(f)
        allowed = set(want["allowed_lines"]) & (at if at is not None else {f.line})
        if f.severity in ("error", "warning") and not allowed and not any(_matches(f, d, at) for d in want["defects"]):
            noise.append(f"{f.severity} {f.id} line {f.line}: {f.message}")
    return missed, noise


@pytest.mark.parametrize("name", sorted(EXPECTED) or ["(absent)"])
def test_reviewed_plan(name: str, results: dict[str, PlanResult]) -> None:
    want = EXPECTED[name]
    r = results[name]
    assert r.status == want["status"], r.reason
    missed, noise = verdict(want, r)
    assert not missed, f"defects not found: {missed}"
    assert not noise, "false alarms:\n" + "\n".join(noise)


def test_every_finding_at_a_line_quotes_the_words_there(results: dict[str, PlanResult]) -> None:
    """A reviewer reads each finding against the plan: one that names a line quotes the plan's words there (the
    paragraph it is in, when the paragraph is wrapped over several lines of the file), never nothing."""
    for name, r in results.items():
        text = _fold(" ".join((REVIEWED / name).read_text(encoding="utf-8").split()))
        for f in r.findings:
            if f.line is not None:
                assert f.evidence, (name, f)
                assert _fold(" ".join(f.evidence.strip("…").split()[:3])) in text, (name, f)


@pytest.mark.parametrize("auto", [False, True], ids=["typed-numbers", "word-numbering"])
@pytest.mark.parametrize("name", sorted(EXPECTED) or ["(absent)"])
def test_reviewed_plan_as_office_word(name: str, auto: bool, tmp_path: Path) -> None:
    if not REVIEWED.is_dir():
        pytest.skip("../shared/plans-reviewed is not present")
    from layouts import blocks_of, numbered_paragraphs, render_docx

    want = EXPECTED[name]
    origins: list[set[int]] = []
    path = render_docx(blocks_of(REVIEWED / name), tmp_path / "plan.docx", auto_numbering=auto, origins=origins)
    assert numbered_paragraphs(path) >= (3 if auto else 0)  # the parts' numbers are not in the text
    r = check_file(path, load_packs())
    assert r.format == "docx"
    assert r.status == want["status"], r.reason
    missed, noise = verdict(want, r, origins)
    assert not missed, f"defects not found: {missed}"
    assert not noise, "false alarms:\n" + "\n".join(noise)


def test_a_plan_for_another_directive_says_once_which(results: dict[str, PlanResult]) -> None:
    """The plan of the other directive cites it twice (the preamble and the purpose): the reason names it once."""
    for r in results.values():
        if r.status == "not-applicable":
            said = (r.reason or "").split(", không phải")[0]
            numbers = [w for w in said.replace(",", " ").split() if "/" in w]
            assert numbers and len(numbers) == len(set(numbers)), r.reason
