"""The form of a Kế hoạch (NĐ 30/2020/NĐ-CP, Điều 8): header, number, place and date, title, signature, Nơi nhận.

Missing parts are grouped (one finding for the header, one for the signature block) so that a plan whose header
was lost in extraction gets one clear finding rather than a flood. A blank number or day is an unsigned draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import (
    Context,
    finding,
    line_pieces,
    line_text,
    per_plan,
    recognised_at,
    short,
    source_text,
)
from checker.conventions import Collective, appendix_reference, attachment_label, conventions
from checker.i18n import msg
from checker.models import Finding, Line, Plan
from checker.parse.citations import FULL, make_key
from checker.parse.header import ARCHIVE_WORD, ISSUED_WITH, columns, mark_of, standard_mark
from checker.rules.schema import DocumentForm
from checker.text import fold, squash

ID = "document-form"
HEADER_PARTS = ("motto", "issuer", "number", "date", "doc-type", "title")
PART_NAMES: dict[str, dict[str, str]] = {
    "motto": {"vi": "quốc hiệu và tiêu ngữ", "en": "national motto"},
    "issuer": {"vi": "tên cơ quan ban hành", "en": "issuing body"},
    "number": {"vi": "số, ký hiệu (Số: …/{symbol})", "en": "number and symbol (Số: …/{symbol})"},
    "date": {"vi": "địa danh và thời gian ban hành", "en": "place and date of issue"},
    "place": {"vi": "địa danh", "en": "place of issue"},
    "doc-type": {"vi": "tên loại văn bản (KẾ HOẠCH)", "en": "document type (KẾ HOẠCH)"},
    "title": {"vi": "trích yếu nội dung", "en": "title (trích yếu)"},
    "signature": {"vi": "quyền hạn ký (TM./KT.)", "en": "signing authority (TM./KT.)"},
    "position": {"vi": "chức vụ người ký", "en": "signer's position"},
    "name": {"vi": "họ tên người ký", "en": "signer's name"},
    "recipients": {"vi": "nơi nhận", "en": "recipients (Nơi nhận)"},
}
_LOST_HEADER = {"vi": " (cả phần đầu văn bản: có thể bị mất khi trích xuất, kiểm tra bản gốc)",
                "en": " (the whole header: possibly lost in extraction, check the original)"}


def _part(key: str, lang: str, symbol: str) -> str:
    names = PART_NAMES[key]
    return names.get(lang, names["vi"]).format(symbol=symbol)


def _first_line(plan: Plan) -> int | None:
    return next((ln.loc.line for ln in plan.lines if ln.text.strip()), None)


def _plan_type(name: str) -> bool:
    """The type named is the plan's (rules/conventions.yaml ``document_types``, ``plan``)."""
    return any(dt.plan for dt in conventions().document_types if dt.name == name)


def _missing_header(plan: Plan, require: list[str]) -> list[str]:
    h = plan.header
    present = {
        "motto": h.national_motto,
        "issuer": h.issuer_line is not None,
        "number": h.number is not None,
        "date": h.date_line is not None,
        "doc-type": h.doc_type_line is not None and (h.doc_type is None or _plan_type(h.doc_type)),
        "title": bool(h.title),
    }
    out = [p for p in HEADER_PARTS if p in require and not present[p]]
    if "date" in require and h.date_line is not None and not h.place:
        out.append("place")
    return out




def check(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """Every part of the form is there, filled in, with the standard symbol (findings at ``ocr_severity`` on a
    text that came through character recognition: it may lose or misread parts).

    FAIL: no "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" (one finding lists every lost part)
    FAIL: "Số:   /KH-UBND   Cát Hải, ngày    tháng 9 năm 2025"  (draft: number and day blank, warnings)
    FAIL: "Số: 41/KH-UB" (info: symbol)     FAIL: Nơi nhận without "- Lưu: VT, VHXH."
    PASS: the full header, "Số: 41/KH-UBND  P. X, ngày 29 tháng 8 năm 2025", "KẾ HOẠCH" + title,
          "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / <name>", "Nơi nhận: … - Lưu: VT, VHXH."
    """
    if rule.issuers and not _issued_by(plan, rule.issuers):
        return
    yield from recognised_at(_check(plan, rule, ctx), plan, rule.ocr_severity)


def _issued_by(plan: Plan, issuers: list[str]) -> bool:
    """The issuer found in the header (above the place and date, as NĐ 30/2020 lays it out) begins with one of
    these words ("Bộ" is a ministry, not "ĐẢNG BỘ …")."""
    h = plan.header
    in_header = h.issuer_line is not None and (h.date_line is None or h.issuer_line <= h.date_line)
    issuer = squash(h.issuer or "")
    return in_header and any(issuer == squash(i) or issuer.startswith(squash(i) + " ") for i in issuers)


def _check(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """The parts of the form, checked one by one."""
    lang, h, require = ctx.lang, plan.header, rule.require
    if not plan.lines:
        return
    missing = _missing_header(plan, list(require))
    letter = _letter_subject(plan) if "doc-type" in missing else None
    if letter is not None:  # a letter sent where a plan is asked for: its type, not two missing parts
        missing = [p for p in missing if p not in ("doc-type", "title")]
        yield finding(rule, ID, "inconsistent", plan=plan, line=letter.loc.line,
                      message=msg("form.letter", lang, actual=short(letter.text, 90), expected=rule.symbol),
                      evidence=short(letter.text), expected=f"KẾ HOẠCH, Số: …/{rule.symbol}", actual=short(letter.text))
    if missing:
        all_lost = all(p in missing for p in ("motto", "issuer", "number", "date"))
        parts = ", ".join(_part(p, lang, rule.symbol) for p in missing)
        line = h.doc_type_line if all_lost and h.doc_type_line else _first_line(plan)
        yield finding(rule, ID, "incomplete", plan=plan, line=line, severity="warning" if all_lost else None,
                      message=msg("form.missing", lang, parts=parts) + (_LOST_HEADER[lang] if all_lost else ""),
                      evidence=short(line_text(plan, line)), expected=rule.message, actual=parts)
    if "number" in require and h.number is not None:
        yield from _number(plan, rule, ctx)
        yield from _appendix_of(plan, rule, ctx)
        yield from _appendix_period(plan, rule, ctx)
    if "date" in require and h.date_blank and h.date_line is not None:
        yield finding(rule, ID, "incomplete", plan=plan, line=h.date_line, severity="warning",
                      message=msg("form.draft_date", lang, actual=h.date_text or ""),
                      evidence=short(line_text(plan, h.date_line)), expected="ngày … tháng … năm …",
                      actual=h.date_text or "")
    if h.draft_line is not None and not (h.number_blank or h.date_blank):
        # "(Dự thảo lần 2)" typed under the title though its number and day are written: sent before it was signed
        # (a draft whose blanks remain is told by them, the mark beside them is the same draft; a "DỰ THẢO" line
        # alone, a template's stamp left on a plan numbered and dated, is not reported: xa-duong-an-mau-o-dieu-khien)
        mark = short(source_text(plan, h.draft_line))
        yield finding(rule, ID, "incomplete", plan=plan, line=h.draft_line, severity="warning",
                      message=msg("form.draft_mark", lang, actual=mark), evidence=mark,
                      expected="văn bản đã ký, không còn dấu dự thảo", actual=mark)
    if "signature" in require or "signer" in require:
        s = plan.signature
        marks = (("signature", s.authority),) if "signature" in require else ()
        lacking = [p for p, v in (*marks, ("position", s.position), ("name", s.name)) if not v]
        if h.draft or h.number_blank or h.date_blank:
            lacking = [p for p in lacking if p != "name"]  # a draft is not signed yet: no name is expected
        if lacking:
            parts = ", ".join(_part(p, lang, rule.symbol) for p in lacking)
            yield finding(rule, ID, "incomplete", plan=plan, line=s.line,
                          message=msg("form.signature", lang, parts=parts), evidence=short(line_text(plan, s.line)),
                          expected="TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH) / họ tên",
                          actual=parts)
        for mark, line in s.marks if "signature" in require else ():
            standard = standard_mark(mark)
            if standard is not None:  # "T/M ỦY BAN NHÂN DÂN": the authority is there, in an older template's form
                yield finding(rule, ID, "inconsistent", plan=plan, line=line, severity="info",
                              message=msg("form.mark", lang, actual=mark, expected=standard),
                              evidence=short(line_text(plan, line)), expected=standard, actual=mark)
        if "signature" in require and (h.doc_type is None or _plan_type(h.doc_type)):
            yield from _signed_for(plan, rule, ctx)
    if "title" in require:
        yield from _title_period(plan, rule, ctx)
    yield from _recipients(plan, rule, ctx)


# what names a year without naming the plan's period: a date ("25/8/2025", "ngày 12 tháng 6 năm 2024") and a
# document's number ("150/2025/NĐ-CP"), read folded
_NOT_PERIOD = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}"
                         r"|\d+\s*/\s*\d{4}\s*/")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def period_years(text: str) -> set[int]:
    """The years a text names as a period ("6 tháng cuối năm 2024", "năm 2026", "giai đoạn 2026 - 2030" by its
    ends), not in a date or a document's number."""
    return {int(y) for y in _YEAR.findall(_NOT_PERIOD.sub(" ", fold(text)))}


def _title_period(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """The trích yếu of a plan checked against a directive names the directive's period, not another year's: "… 6
    tháng cuối năm 2024" under "Thực hiện Kế hoạch số 215/KH-UBND …" (for 6 tháng cuối năm 2025) is last year's
    plan's title copied. A title naming no year, or the directive's year among others, says nothing against it."""
    title, at = plan.header.title, plan.header.title_line
    if ctx.directive_number is None or not title or at is None:
        return
    period = ctx.pack.applies_to.period
    wanted = set().union(*(period_years(p) for p in period)) if period else set()
    own = period_years(title)
    if not wanted or not own or own & wanted:
        return
    year = min(own)  # the line of the title that names it (a title wraps over two or three lines)
    line = next((k for k in range(at, at + 4) if year in period_years(source_text(plan, k))), at)
    yield finding(rule, ID, "inconsistent", plan=plan, line=line,
                  message=msg("form.title_period", ctx.lang, actual=title, expected=period[0]),
                  evidence=short(source_text(plan, line) or line_text(plan, line)), expected=period[0],
                  actual=short(title))


def _collective(plan: Plan) -> Collective | None:
    """The collective body (``signers.collective``) that the header names as the plan's issuer."""
    issuer = squash(plan.header.issuer or "")
    return next((c for c in conventions().signers.collective
                 if issuer == squash(c.body) or issuer.startswith(squash(c.body) + " ")), None)


def _written(plan: Plan, mark: str, line: int) -> str:
    """The signature's column that opens with ``mark`` on source line ``line`` as the plan writes it ("KT. CHỦ
    TỊCH" beside "Nơi nhận:"), or the mark alone."""
    on_line = [c for ln in plan.lines if ln.loc.line == line for c in columns(ln.text)]
    return next((c for c in on_line if fold(c).startswith(fold(mark))), mark)


def _signed_for(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """A collective body's plan signed as NĐ 30/2020 (Phụ lục I) asks: for the body ("TM. ỦY BAN NHÂN DÂN"), a
    deputy for the head ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), never by delegation ("TL.", "TUQ.": ``delegated``).

    FAIL: "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"   FAIL: "TM. ỦY BAN NHÂN DÂN / PHÓ CHỦ TỊCH"
    PASS: "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH", "TM. Ủy ban nhân dân / KT. Chủ tịch / Phó Chủ tịch thường trực"
    NOTE (``head_alone``, info): "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" with no "TM. ỦY BAN NHÂN DÂN" above; a block
    without any mark is reported as lacking it (``form.signature``)
    """
    body, s, lang, signers = _collective(plan), plan.signature, ctx.lang, conventions().signers
    if body is None or not s.marks:
        return
    marks = [(mark_of(m), m, line) for m, line in s.marks]
    for_body = f"{signers.for_body} {body.body.upper()}"
    delegated = next(((m, line) for std, m, line in marks if std in signers.delegated), None)
    if delegated is not None:
        mark, line = delegated
        written = _written(plan, mark, line)
        yield finding(rule, ID, "inconsistent", plan=plan, line=line,
                      message=msg("form.delegated", lang, body=body.body, actual=written, expected=for_body),
                      evidence=written, expected=for_body, actual=mark)
        return
    for_head = next(((m, line) for std, m, line in marks if std in signers.for_head), None)
    deputy = next((line for title, line in s.titles if title == squash(body.deputy)), None)
    if for_head is None and deputy is not None:  # the deputy signs as if the head
        kt = f"{signers.for_deputy} {body.head.upper()}"
        yield finding(rule, ID, "inconsistent", plan=plan, line=deputy,
                      message=msg("form.deputy", lang, actual=body.deputy.upper(), expected=kt),
                      evidence=short(line_text(plan, deputy)), expected=f"{kt} / {body.deputy.upper()}",
                      actual=body.deputy.upper())
    elif (for_head is not None and signers.head_alone is not None
          and not any(std == signers.for_body for std, _, _ in marks)
          and not (plan.header.number and _issued_with(plan, plan.header.number))):
        mark, line = for_head
        written = _written(plan, mark, line)
        yield finding(rule, ID, "incomplete", plan=plan, line=line, severity=signers.head_alone,
                      message=msg("form.head_alone", lang, body=body.body, actual=written, expected=for_body),
                      evidence=written, expected=f"{for_body} / {written}", actual=written)


def _letter_subject(plan: Plan) -> Line | None:
    """The subject line of a letter ("V/v triển khai thực hiện Kế hoạch số 215/KH-UBND ..."), in the header zone
    (before the first part), where the document has no type name (rules/conventions.yaml ``letter_subject``)."""
    first_part = min((s.line for s in plan.sections if s.line), default=None)
    markers = [fold(m) for m in conventions().letter_subject]
    for ln in plan.lines[:40]:
        if first_part is not None and ln.loc.line >= first_part:
            break
        text = fold(ln.text).lstrip(" #*>")
        if any(text.startswith(m) and text[len(m) : len(m) + 1] in (" ", "") for m in markers):
            return ln
    return None


def _number(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    h = plan.header
    number = h.number or ""
    if h.number_blank:
        yield finding(rule, ID, "incomplete", plan=plan, line=h.number_line, severity="warning",
                      message=msg("form.draft_number", ctx.lang, actual=number),
                      evidence=short(line_text(plan, h.number_line)), expected=f"Số: …/{rule.symbol}", actual=number)
    symbol = number.split("/", 1)[1] if "/" in number else ""
    if symbol and rule.symbol and squash(symbol) != squash(rule.symbol) and not _issued_with(plan, number):
        yield finding(rule, ID, "incomplete", plan=plan, line=h.number_line, severity="info",
                      message=msg("form.symbol", ctx.lang, actual=symbol, expected=rule.symbol),
                      evidence=short(line_text(plan, h.number_line)), expected=rule.symbol, actual=symbol)


def _bare_number(number: str) -> str:
    """A document's number as the citations parser keys it (DocRef.number: "05 /KH-UBND." as "5/KH-UBND", its
    leading zero a way of writing the same number), or folded without its spaces and a closing dot where the parser
    reads no number in it."""
    bare = re.sub(r"\s+", "", fold(number)).rstrip(".")
    m = FULL.fullmatch(bare)
    return make_key(m.group(1), m.group(2), m.group(3), m.group(4)) if m else bare


def _appendix_of(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """An appendix that says it goes with another document ("(Kèm theo Kế hoạch số 121/KH-UBND …)" under a plan
    numbered 112/KH-UBND): one of the two numbers is wrong, or the appendix is another plan's. Not where the plan's
    number is blank (an unsigned draft) or the appendix's is ("số      /KH-UBND"), nor where the appendix is a copy of
    a document the plan cites elsewhere (the city's Kế hoạch 215's own appendix of targets, attached as it stands)."""
    h = plan.header
    own = _bare_number(h.number or "")
    if h.number_blank or not re.match(r"\d+/", own):
        return
    cited = {(_bare_number(r.raw_number or r.number), r.line) for r in (*plan.implements, *plan.references)}
    if ctx.directive_number:  # the general checks have no directive
        cited.add((_bare_number(ctx.directive_number), None))
    for _, at, text, m in _appendix_references(plan):
        if (given := _bare_number(m.group(1))) == own:
            continue
        if any(number == given and line != at for number, line in cited):
            continue
        written = text[m.start(1) : m.end(1)] if len(text) == len(fold(text)) else given
        yield finding(rule, ID, "inconsistent", plan=plan, line=at, severity="warning",
                      message=msg("form.appendix_of", ctx.lang, actual=written, expected=h.number),
                      evidence=short(text), expected=h.number or "", actual=written)


def _pieces(plan: Plan) -> list[tuple[str, int]]:
    """The plan's non-blank source lines in order, each its piece of its logical line and its line number (built
    once per plan)."""
    return per_plan(plan, "form-pieces", lambda: [(text.strip(), at) for pieces in line_pieces(plan)
                                                  for text, at in pieces if text.strip()])


def _appendix_references(plan: Plan) -> list[tuple[int, int, str, re.Match[str]]]:
    """Each source line that opens an appendix's reference to its document ("(Kèm theo Kế hoạch số 116/KH-UBND …)"),
    wherever the wrap put it in its logical line (a title wrapped onto the line above is read with it as one
    paragraph), read on to the lines after it (a number wrapped onto the next): its index among ``_pieces``, its
    line, the text read and the match (rules/conventions.yaml ``appendix_of``); read once per plan."""

    def read() -> list[tuple[int, int, str, re.Match[str]]]:
        pattern, pieces = appendix_reference(), _pieces(plan)
        out: list[tuple[int, int, str, re.Match[str]]] = []
        if pattern is None:
            return out
        for k, (_, at) in enumerate(pieces):
            text = " ".join(t for t, _ in pieces[k : k + 2])
            if (m := pattern.match(fold(text))) is not None:
                out.append((k, at, text, m))
        return out

    return per_plan(plan, "appendix-references", read)


def _appendix_period(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    """The title of an appendix of the plan (the lines above its "(Kèm theo Kế hoạch số …)", up to a blank line)
    names a period after the directive's and the plan's own: "CHỈ TIÊU … NĂM 2026" under a plan for "6 tháng cuối
    năm 2025" (the plan against itself). Silent for the directive's or the trích yếu's years ("…, định hướng năm
    2026"), for earlier years (an appendix of past results, "KẾT QUẢ NĂM 2024"), and for dates ("ĐẾN 31/12/2025")."""
    if ctx.directive_number is None:  # the general checks have no directive, nor its period
        return
    period = ctx.pack.applies_to.period
    wanted = set().union(*(period_years(p) for p in period)) if period else set()
    if not wanted:
        return
    allowed = wanted | period_years(plan.header.title or "")
    pieces, label = _pieces(plan), attachment_label()
    for k, _, _, _ in _appendix_references(plan):
        above: list[tuple[str, int]] = []  # the title: up to three lines above, back to its label ("PHỤ LỤC II")
        for text, at in reversed(pieces[max(0, k - 3) : k]):
            above.insert(0, (text, at))
            if label.match(squash(text)):
                break
        title = " ".join(t for t, _ in above)
        years = period_years(title)
        if not years or years & allowed or min(years) <= max(wanted):
            continue
        line = next((at for t, at in above if period_years(t) & years), above[-1][1])
        yield finding(rule, ID, "inconsistent", plan=plan, line=line, severity="warning",
                      message=msg("form.appendix_period", ctx.lang, actual=short(title),
                                  expected=plan.header.title or period[0]),
                      evidence=short(title), expected=period[0], actual=short(title))


def _issued_with(plan: Plan, number: str) -> bool:
    """The plan says it is issued with the document numbered ``number`` ("(Ban hành kèm theo Quyết định số
    312/QĐ-UBND ...)"): that number, and its symbol, are the decision's, not the plan's own."""
    wanted = squash(number)
    return any(re.search(rf"{ISSUED_WITH}(?: so)? {re.escape(wanted)}\b", squash(ln.text))
               for ln in plan.lines)


def _recipients(plan: Plan, rule: DocumentForm, ctx: Context) -> Iterator[Finding]:
    if "recipients" in rule.require and plan.recipients_line is None:
        part = _part("recipients", ctx.lang, rule.symbol)
        yield finding(rule, ID, "incomplete", plan=plan, line=plan.signature.line,
                      message=msg("form.missing", ctx.lang, parts=part), expected="Nơi nhận: … - Lưu: VT, …",
                      evidence=short(line_text(plan, plan.signature.line)), actual=part)
        return
    if "archive" in rule.require and plan.recipients_line is not None:
        if not any(ARCHIVE_WORD.match(squash(r)) for r in plan.recipients):
            yield finding(rule, ID, "incomplete", plan=plan, line=plan.recipients_line,
                          message=msg("form.archive", ctx.lang), evidence=short(line_text(plan, plan.recipients_line)),
                          expected="- Lưu: VT, …", actual="; ".join(plan.recipients[-2:]))
