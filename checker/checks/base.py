"""What every check shares: the context it runs in, the finding constructor, and text windows to search."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

from checker.conventions import expanded
from checker.models import Finding, Fix, Kind, Line, Location, Plan, Severity
from checker.rules.loader import LoadedPack, Registries
from checker.rules.schema import RuleBase, RulePack
from checker.text import all_groups, fold, squash

T = TypeVar("T")


@dataclass
class Context:
    """What a check may consult besides the plan and its rule: the pack and its registries, the language."""

    loaded: Registries  # a directive's pack (LoadedPack) or the general checks (LoadedGeneral)
    lang: str = "vi"
    cited: bool = True  # the plan cites the pack's directive
    strict: bool = False  # also report what is only unknown (a cited document in no registry)

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """An index over the pack's registries, built once per loaded pack and shared by every plan."""
        return self.loaded.cached(key, build)

    @property
    def pack(self) -> RulePack:
        if not isinstance(self.loaded, LoadedPack):
            raise TypeError("general checks have no directive pack")
        return self.loaded.pack

    @property
    def directive_number(self) -> str | None:
        """The number of the directive the plan is checked against; None for the general checks."""
        return self.loaded.pack.directive.number if isinstance(self.loaded, LoadedPack) else None


def recognised_at(findings: Iterator[Finding], plan: Plan, severity: Severity | None) -> Iterator[Finding]:
    """``findings`` at ``severity`` (a rule's ``ocr_severity``) where the plan's text came through character
    recognition (``Plan.recognised``): what it finds there may be the recognition's, not the plan's."""
    if severity is None or not plan.recognised:
        yield from findings
        return
    for f in findings:
        yield f.model_copy(update={"severity": severity})


def requirement(rule: RuleBase, ctx: Context) -> str:
    """What the directive asks, as a rule says it, in the report's language (Vietnamese unless English is asked
    for and the rule has it)."""
    return rule.message if ctx.lang == "vi" or not rule.message_en else rule.message_en


def finding(rule: RuleBase, check: str, kind: Kind, *, line: int | None, message: str, evidence: str = "",
            expected: str = "", actual: str = "", severity: Severity | None = None, plan: Plan | None = None,
            source: str | None = None, fix: Fix | None = None) -> Finding:
    """A finding stamped with the rule's id, severity and source; ``plan`` lends the location of ``line``."""
    loc = None
    if plan is not None and line is not None:
        loc = location_of(plan, line)
    return Finding(id=rule.id, check=check, kind=kind, severity=severity or rule.severity, line=line,
                   message=message, evidence=evidence.strip(), expected=expected, actual=actual, location=loc,
                   source=source or rule.source, fix=fix)


def redate(raw: str, date: dt.date) -> str:
    """``date`` written as ``raw`` writes its date: "01/7/2025" → "01/7/2016", "5 tháng 9 năm 2025" → "25 tháng 8
    năm 2025" (day, month, year in the written order, a leading zero kept where it was written)."""
    values = iter((date.day, date.month, date.year))

    def one(m: re.Match[str]) -> str:
        v = next(values, None)
        if v is None:
            return m.group()
        return f"{v:0{len(m.group())}d}" if m.group().startswith("0") else str(v)

    return re.sub(r"\d+", one, raw)


def _index(plan: Plan) -> tuple[dict[int, list[Line]], dict[int, Location]]:
    """The plan's lines that begin at each line number (a two-column line of the header is two) and the (first)
    location of each line number, built once per plan: O(1) lookups."""
    return per_plan(plan, "line-index", lambda: _line_index(plan))


def _line_index(plan: Plan) -> tuple[dict[int, list[Line]], dict[int, Location]]:
    lines: dict[int, list[Line]] = {}
    locs: dict[int, Location] = {}
    for ln in plan.lines:
        lines.setdefault(ln.loc.line, []).append(ln)
        for loc in (ln.loc, *(s.loc for s in ln.spans)):
            locs.setdefault(loc.line, loc)
    return lines, locs


def location_of(plan: Plan, line: int) -> Location | None:
    return _index(plan)[1].get(line)


def line_text(plan: Plan, line: int | None) -> str:
    """The text of the (first) line that begins at source line ``line``."""
    got = _index(plan)[0].get(line) if line is not None else None
    return got[0].text.strip() if got else ""


def line_whole(plan: Plan, line: int) -> str:
    """Every column of a source line (the header's "Số: ...   Ninh Sơn, ngày ..." is read as two lines)."""
    return "   ".join(t for ln in _index(plan)[0].get(line, []) if (t := ln.text.strip()))


def source_text(plan: Plan, line: int | None) -> str:
    """The words of one source line: the piece of the logical line (a paragraph wrapped over several lines) that
    stands on it ("" for a blank line); built once per plan, one lookup per call."""
    pieces = per_plan(plan, "source-pieces", lambda: _source_pieces(plan))
    return pieces.get(line, "") if line is not None else ""


def _source_pieces(plan: Plan) -> dict[int, str]:
    out: dict[int, str] = {}
    for pieces in line_pieces(plan):
        for text, at in pieces:
            out.setdefault(at, text.strip())
    return out


def line_pieces(plan: Plan) -> list[list[tuple[str, int]]]:
    """Each logical line cut back at its source lines (``Line.pieces``), once per plan for every check."""
    return per_plan(plan, "line-pieces", lambda: [ln.pieces() for ln in plan.lines])


def windows(plan: Plan, size: int = 3) -> Iterator[tuple[Line, str]]:
    """Runs of up to ``size`` consecutive non-blank lines, squashed: where a phrase split by wrapping is found."""
    nonblank = [ln for ln in plan.lines if ln.text.strip()]
    squashed = [expanded(ln.text) for ln in nonblank]  # abbreviations written out: "ATTT", "TTHC"
    for i, ln in enumerate(nonblank):
        yield ln, " ".join(squashed[i : i + size])


def per_plan(plan: Plan, key: str, build: Callable[[], T]) -> T:
    """What ``build`` makes of ``plan``, made once per plan for every rule that reads it (kept with the plan)."""
    memo = plan.derived
    if key not in memo:
        memo[key] = build()
    return cast(T, memo[key])


def find_phrase(plan: Plan, groups: list[list[str]]) -> Line | None:
    """The first line where every group of ``groups`` is present within a short window of text."""
    folded_groups = [[squash(p) for p in g] for g in groups]
    for ln, text in per_plan(plan, "windows", lambda: list(windows(plan))):
        if all_groups(text, folded_groups):
            return ln
    return None


def squash_all(phrases: list[str]) -> list[str]:
    return [squash(p) for p in phrases]


def short(text: str, limit: int = 220, around: str = "") -> str:
    """``text`` on one line, cut to ``limit`` characters; where ``around`` (compared folded) would fall beyond the
    cut, the quote is the part of ``text`` that shows it, with "…" where text was left out."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    at = fold(text).find(fold(around)) if around else -1
    if at < 0 or at + len(around) <= limit - 1:
        return text[: limit - 1] + "…"
    start = max(0, min(at - limit // 3, len(text) - (limit - 2)))
    return "…" + text[start : start + limit - 2] + ("…" if start + limit - 2 < len(text) else "")
