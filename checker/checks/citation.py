"""The directive cited as the document implemented, with its right number and date; the plan dated after it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checker.checks.base import Context, finding, line_text, redate, short
from checker.i18n import msg
from checker.models import DocRef, Finding, Fix, Plan
from checker.parse.citations import FULL, KIND_CODES, KIND_NAMES, make_key
from checker.rules.schema import Directive, PlanDate, RequiredCitation
from checker.text import contains, fold, squash

ID_CITATION = "required-citation"
ID_DATE = "plan-date"


def directive_key(number: str) -> str:
    m = FULL.search(fold(number))
    if not m:
        return number.upper()
    return make_key(m.group(1), m.group(2), m.group(3), m.group(4))


def citations_of(plan: Plan, number: str, date: dt.date | None = None) -> list[DocRef]:
    """The plan's citations of ``number``; written without its symbol ("Kế hoạch số 215 ngày 25/8/2025") they
    count when the kind and the date agree."""
    key = directive_key(number)
    bare = re.sub(r"^(\d+)/(?:\d{4}/)?([A-Za-z]+)\b.*$", r"\1/\2", key)
    return [r for r in plan.references
            if r.number == key or (date is not None and r.number == bare and r.date == date)]


def cites(plan: Plan, directive: Directive) -> list[DocRef]:
    """Citations that are this very document: same number, and neither another issuer's ("215/KH-UBND … của UBND
    tỉnh Hải Dương") nor another year's (two of day, month, year differ: a Kiên Giang 31/KH-UBND of 2024)."""
    return [r for r in citations_of(plan, directive.number, directive.date)
            if same_date(r.date, directive.date) and same_issuer(r.issuer, directive.issuer)]


def miscited(plan: Plan, directive: Directive, subject: list[list[str]] | None = None) -> list[DocRef]:
    """Citations that are the directive with its number miswritten (another office copying it): the directive's
    kind, its very date and its issuer (written), and either its number with the symbol cut short ("215/KH-UB") or
    its symbol with the digits slipped (two swapped, one mistyped: "251/KH-UBND") and the directive's subject in
    the citation's words (``applies_to.subject``: "... về ứng dụng công nghệ thông tin và chuyển đổi số"), so a
    neighbouring plan of the same day on another matter is never taken for it."""
    key = directive_key(directive.number)
    number, _, symbol = key.partition("/")
    kind = KIND_NAMES.get(KIND_CODES.get(symbol.split("-")[0].lower(), ""))
    out = []
    for r in plan.references:
        if (r.number == key or r.date != directive.date or not r.issuer or not same_issuer(r.issuer, directive.issuer)
                or (kind and r.kind and r.kind != kind)):
            continue
        written, _, written_symbol = r.number.partition("/")
        if written == number and _truncated(written_symbol, symbol):
            out.append(r)
        elif written_symbol == symbol and _slipped(written, number) and _about(plan, r, subject or []):
            out.append(r)
    return out


def _truncated(written: str, symbol: str) -> bool:
    """The directive's symbol cut short after its issuer's first letters ("KH-UB" for "KH-UBND"); a symbol with
    letters of its own ("KH-UBNDT") is another document's."""
    kind = symbol.partition("-")[0]
    return written != symbol and symbol.startswith(written) and len(written) >= len(kind) + 3


def _slipped(written: str, number: str) -> bool:
    """Digits of ``number`` typed wrongly: the same digits in another order, or one digit other."""
    if not (written.isdigit() and number.isdigit()) or len(written) != len(number) or written == number:
        return False
    return sorted(written) == sorted(number) or sum(a != b for a, b in zip(written, number, strict=True)) == 1


_CLAUSE_END = re.compile(r";|\.(?:\s|$)|(?<!\w)(?:so|số)\s*\d+\s*/", re.IGNORECASE)
_OWN_TITLE = re.compile(r"(?<!\w)(?:ve|v/v)(?!\w)")


def _about(plan: Plan, ref: DocRef, subject: list[list[str]]) -> bool:
    """The citation's own words (after its number, to the end of its clause: over the two lines after it, where a
    title wraps) name every group of ``subject``, or name no matter of their own ("Triển khai Kế hoạch số
    251/KH-UBND ngày 25/8/2025 của UBND thành phố trên địa bàn phường."): not "… về phòng, chống thiên tai", nor the
    next citation's words."""
    if not subject or ref.line is None:
        return False
    words = " ".join(line_text(plan, ref.line + k) for k in range(3))
    at = words.find(ref.raw_number) if ref.raw_number else -1
    if at >= 0:
        rest = words[at + len(ref.raw_number):]
        end = _CLAUSE_END.search(rest)
        words = rest[: end.start()] if end else rest
    if all(any(contains(squash(words), squash(w), 90) for w in group) for group in subject):
        return True
    return at >= 0 and not _OWN_TITLE.search(squash(words))


def same_date(written: dt.date | None, date: dt.date | None) -> bool:
    """A citation's date is the directive's, or the directive's miswritten (one of day, month, year wrong)."""
    if written is None or date is None:
        return True
    pairs = ((written.day, date.day), (written.month, date.month), (written.year, date.year))
    return sum(a != b for a, b in pairs) <= 1


_BODY_WORDS = [("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"), ("thanh pho", "tp")]
_PLACE = re.compile(r"\b(?:tinh|tp)\s+(.+)$")
_BODY = re.compile(r"\b(ubnd|hdnd|tinh uy|thanh uy|bo|so|ban)\b")


def _issuer_parts(issuer: str) -> tuple[str | None, str | None]:
    """(body, place) of an issuer, folded: "Ủy ban nhân dân thành phố Hải Phòng" → ("ubnd", "hai phong")."""
    s = _abbreviated(issuer)
    body = _BODY.search(s)
    place = _PLACE.search(s)
    return (body.group(1) if body else None), (place.group(1).strip() or None if place else None)


_LEVEL = re.compile(r"\b(tinh|tp)\b(?! uy)")  # the level an issuer's words name: a province, a city


def same_issuer(written: str | None, issuer: str, level: bool = False) -> bool:
    """The issuer a plan writes after the number is the directive's, or says too little to tell ("của UBND thành
    phố"). Another body ("HĐND") or another place ("UBND tỉnh Hải Dương") is another document. With ``level``,
    the level named without a place must be the directive's too: "của UBND tỉnh" for a city's directive is its
    issuer miswritten (the citation is still the directive's: the number, the date and the title are)."""
    if not written:
        return True
    body, place = _issuer_parts(written)
    want_body, want_place = _issuer_parts(issuer)
    if body and want_body and body != want_body:
        return False
    if place and want_place and not contains(place, want_place, 90):
        return False
    if level and not place:
        got, want = _LEVEL.search(_abbreviated(written)), _LEVEL.search(_abbreviated(issuer))
        return not (got and want and got.group(1) != want.group(1))
    return True


def _abbreviated(issuer: str) -> str:
    s = f" {squash(issuer)} "
    for long, abbr in _BODY_WORDS:
        s = s.replace(f" {long} ", f" {abbr} ")
    return s.strip()


def vn_date(d: object) -> str:
    return f"{d.day}/{d.month}/{d.year}" if d is not None else ""  # type: ignore[attr-defined]


def check_citation(plan: Plan, rule: RequiredCitation, ctx: Context) -> Iterator[Finding]:
    """The plan cites the directive, with the right date and the standard symbol.

    FAIL: "Thực hiện Kế hoạch số 31/KH-UBND ngày 18/02/2025 ..." (another plan, not 215)
    FAIL: "Kế hoạch số 215/KH-UBND ngày 25/9/2025" (wrong date)
    PASS: "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố ..."
    """
    d = ctx.pack.directive
    name = f"Kế hoạch số {d.number} ngày {vn_date(d.date)} của {d.issuer}"
    refs = citations_of(plan, d.number, d.date)
    # the directive copied with its number miswritten, where the plan cites it rightly elsewhere too ("Căn cứ Kế
    # hoạch số 215/KH-UBND …" then "Triển khai … Kế hoạch số 251/KH-UBND ngày 25/8/2025 của UBND thành phố"): the
    # plan names it two ways, one of them another document's number
    wrong = miscited(plan, d, ctx.pack.applies_to.subject)
    for r in wrong[:1]:
        # its digits slipped (another document's number: the rule's severity), or its symbol misspelt ("215/KH-UB":
        # a warning)
        slipped = r.number.partition("/")[0] != directive_key(d.number).partition("/")[0]
        yield finding(rule, ID_CITATION, "inconsistent", plan=plan, line=r.line,
                      severity=None if slipped else "warning",
                      message=msg("cite.wrong_number", ctx.lang, directive=d.number, actual=r.raw_number,
                                  expected=d.number),
                      evidence=short(r.text), expected=d.number, actual=r.raw_number, fix=_symbol_fix(r, d))
    if not refs and not wrong:
        other = plan.implements[0] if plan.implements else None
        instead = ""
        if other is not None:
            instead = msg("cite.instead", ctx.lang, other=f"{other.raw_number} ngày {other.raw_date or '?'}")
        yield finding(rule, ID_CITATION, "missing", plan=plan,
                      line=other.line if other else plan.header.title_line,
                      message=msg("cite.missing", ctx.lang, directive=name, instead=instead),
                      evidence=short(other.text) if other else short(plan.header.title or ""),
                      expected=rule.message, actual=other.raw_number if other else "")
        return
    for r in refs:
        if r.date is not None and r.date != d.date:
            yield finding(rule, ID_CITATION, "inconsistent", plan=plan, line=r.line,
                          message=msg("cite.wrong_date", ctx.lang, directive=d.number, actual=r.raw_date,
                                      expected=vn_date(d.date)),
                          evidence=short(r.text), expected=vn_date(d.date), actual=r.raw_date or "",
                          fix=_date_fix(r, d))
    for r in refs:
        if not same_issuer(r.issuer, d.issuer, level=True):
            yield finding(rule, ID_CITATION, "inconsistent", plan=plan, line=r.line,
                          message=msg("cite.wrong_issuer", ctx.lang, directive=d.number, actual=r.issuer,
                                      expected=d.issuer),
                          evidence=short(r.text), expected=d.issuer, actual=r.issuer or "")
    code = KIND_CODES.get(d.number.split("/")[-1].split("-")[0].lower(), "")
    for r in refs:
        written = r.raw_number
        if "/" not in written and "-" not in written:  # the number alone, no symbol
            yield finding(rule, ID_CITATION, "inconsistent", plan=plan, line=r.line, severity="info",
                          message=msg("cite.symbol", ctx.lang, actual=written, expected=d.number),
                          evidence=short(r.text), expected=d.number, actual=written, fix=_symbol_fix(r, d))
            break
        if code and fold(written).replace("đ", "d") != fold(d.number) and "-" in written.split("/")[0]:
            yield finding(rule, ID_CITATION, "inconsistent", plan=plan, line=r.line, severity="info",
                          message=msg("cite.symbol", ctx.lang, actual=written, expected=d.number),
                          evidence=short(r.text), expected=d.number, actual=written, fix=_symbol_fix(r, d))
            break


def _date_fix(ref: DocRef, directive: Directive) -> Fix | None:
    """The directive's date for a miswritten one, when the citation is the directive's (its issuer, at most one of
    day, month, year wrong); another body's or another year's document of that number is left to a person."""
    if (not ref.raw_date or ref.line is None or not same_date(ref.date, directive.date)
            or not same_issuer(ref.issuer, directive.issuer)):
        return None
    return Fix(line=ref.line, old=ref.raw_date, new=redate(ref.raw_date, directive.date), after=ref.raw_number)


def _symbol_fix(ref: DocRef, directive: Directive) -> Fix | None:
    """The directive's number as it is written ("215/KH-UBND") for "215-KH-UBND" or a bare "215"."""
    return Fix(line=ref.line, old=ref.raw_number, new=directive.number) if ref.line is not None else None


def check_date(plan: Plan, rule: PlanDate, ctx: Context) -> Iterator[Finding]:
    """The plan is not dated before the directive it implements.

    FAIL (directive 25/8/2025): "Hải An, ngày 20 tháng 8 năm 2025"    PASS: "ngày 29 tháng 8 năm 2025"
    """
    d = ctx.pack.directive.date
    h = plan.header
    if h.date is not None:
        if h.date < d:
            yield finding(rule, ID_DATE, "inconsistent", plan=plan, line=h.date_line,
                          message=msg("date.before", ctx.lang, actual=vn_date(h.date), expected=vn_date(d)),
                          evidence=h.date_text or "", expected=f">= {vn_date(d)}", actual=vn_date(h.date))
    elif h.year is not None and h.month is not None and (h.year, h.month) < (d.year, d.month):
        got = f"{h.month}/{h.year}"
        yield finding(rule, ID_DATE, "inconsistent", plan=plan, line=h.date_line,
                      message=msg("date.before", ctx.lang, actual=got, expected=vn_date(d)),
                      evidence=h.date_text or "", expected=f">= {vn_date(d)}", actual=got)
