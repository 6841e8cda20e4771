"""The plan's shape: required content parts, heading numbering, and the units assigned work."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from checker.checks.base import (
    Context,
    find_phrase,
    finding,
    line_text,
    per_plan,
    recognised_at,
    requirement,
    short,
    squash_all,
)
from checker.checks.bodies import applies
from checker.checks.units import own_type
from checker.conventions import conventions, expanded, squashed_spellings
from checker.i18n import msg
from checker.ingest.layout import CELL_JOIN, marker_of
from checker.models import Assignment, Finding, Line, Plan, Section
from checker.parse.assignments import assignment_parts, execution_section
from checker.parse.sections import (
    APPENDIX_TITLE,
    lead_ins,
    names_part,
    opens_part_at_top,
    roman_value,
    section_ends,
    title_is,
    title_opens,
    to_roman,
    top_level,
    topics,
)
from checker.rules.loader import LoadedPack
from checker.rules.schema import RequiredSection, RequiredUnit, SectionNumbering
from checker.text import contains_any, fold, ocr_words, squash

ID_SECTION = "required-section"
ID_NUMBERING = "section-numbering"
ID_UNIT = "required-unit"


def section_line(plan: Plan, rule: RequiredSection) -> int | None:
    """The line of the plan's heading for the content part ``rule`` asks for (0 for an unnumbered one)."""
    # every group named by one heading; "Mục đích, chỉ tiêu" is the part Mục tiêu
    wanted = [conventions().synonyms(g) for g in rule.match]
    # a heading's title, not a numbered sentence of the body ("3. Công an xã bảo đảm an toàn thông tin.")
    s = next((s for s in plan.sections if all(names_part(s.title, g) for g in wanted)), None)
    if s is None:  # or a top part opening with a name only a part has ("IV. TỔ CHỨC TRIỂN KHAI THỰC HIỆN")
        tops, top = [conventions().top_synonyms(g) for g in rule.match], top_level(plan.sections)
        s = next((s for s in plan.sections if all(opens_part_at_top(s, top, t) for t in tops)), None)
    if s is not None:
        return s.line or 0
    # or as the title of a point or of a table row: "- Hạ tầng số: ...", "9 | An toàn thông tin: ...", or the topic
    # a clause opens with ("…; về đào tạo, tuyên truyền và phát triển nguồn nhân lực, mở lớp …")
    return next((line for line, heads in per_plan(plan, "lead-ins", lambda: _lead_ins(plan))
                 if any(all(names_part(head, g) for g in wanted) for head in heads)), None)


def _kinds_line(plan: Plan, rule: RequiredSection) -> int | None:
    """The line of the part whose points name ``rule.kinds_min`` of the kinds ``rule.kinds`` of the part the rule asks
    for, whatever that part is headed: the directive's Giải pháp are "về tài chính", "về triển khai và tổ chức", "về
    hợp tác và công nghệ", and "III. ĐIỀU KIỆN BẢO ĐẢM" over "1. Về tài chính: …", "2. Về tổ chức triển khai: …" (or
    such points among the tasks) is that part. The points are the part's sub-headings and the lead-ins of its lines,
    each opening with a kind ("Hội nghị về tổ chức bộ máy" names none)."""
    if not rule.kinds:
        return None
    kinds = [[squash(p) for p in g] for g in rule.kinds]
    # a kind also as a point's whole title without its topic word ("1. Tài chính", "2. Tổ chức triển khai")
    markers = [squash(m) + " " for m in conventions().topic_markers]
    bare = [[p[len(m):] for p in g for m in markers if p.startswith(m)] for g in kinds]
    starts = [s.line or 0 for s in plan.sections]
    points: list[tuple[int | None, tuple[str, ...]]] = [(s.parent, (s.title,)) for s in plan.sections]
    for line, heads in per_plan(plan, "lead-ins", lambda: _lead_ins(plan)):
        if line not in starts:  # a heading's own line is counted as the heading
            points.append((bisect_left(starts, line) - 1 if starts and line > starts[0] else None, heads))
    named: dict[int | None, set[int]] = {}
    for part, heads in points:
        named.setdefault(part, set()).update(i for i, g in enumerate(kinds)
                                             if any(title_opens(h, g) or title_is(h, bare[i]) for h in heads))
    parts = [k for k, found in named.items() if len(found) >= rule.kinds_min]
    return None if not parts else (0 if parts[0] is None else starts[parts[0]])


def _lead_ins(plan: Plan) -> list[tuple[int, tuple[str, ...]]]:
    """(line, its lead-ins) of the plan's lines that have some: read once per plan for all its parts; a short title
    alone on its line over a point is its own lead-in (``_title_over_points``)."""
    lines = plan.lines
    return [(ln.loc.line, h) for k, ln in enumerate(lines)
            if (h := lead_ins(ln.text) + topics(ln.text) or _title_over_points(ln, lines[k + 1 : k + 2]))]


def _title_over_points(ln: Line, below: list[Line]) -> tuple[str, ...]:
    """The line as a title where it is a few words alone on their line, capitalised, closing no sentence and
    introducing nothing, right over a point of a list (a dash, a bullet, a letter or a number): the sub-heading an
    office sets in bold without a number over the points of a content part ("Chính quyền số" over "- Trên 90% văn bản
    được ký số …" or "a) Trên 90% …"), its bold lost in a text."""
    t = ln.text.strip()
    if not below or marker_of(below[0].text.strip())[1] is None or not 0 < len(t) <= 60 or not t[:1].isupper():
        return ()
    if re.search(r"[.;:,!?…]\s*$|\s{3}|\t|\d", t) or CELL_JOIN in t:
        return ()
    return (t,)


def office_names(rule: RequiredUnit) -> list[list[str]]:
    """The office names of ``rule`` (squashed, by group), each in every spelling of the words joining its halves
    ("phòng văn hóa - xã hội" is "phòng văn hóa và xã hội": conventions ``spellings``)."""
    return [squashed_spellings(g) for g in rule.match]


def assigned_units(plan: Plan, rule: RequiredUnit) -> list[Assignment]:
    """The plan's assignments to the unit ``rule`` names: office names compared exactly where the plan has its
    diacritics ("công xã" is not "công an"), with OCR-sized damage only where it lost them."""
    wanted = office_names(rule)
    ocr = plan.lost_diacritics
    return [a for a in plan.assignments if all(names_office(expanded(a.unit), g, ocr) for g in wanted)]


def check_section(plan: Plan, rule: RequiredSection, ctx: Context) -> Iterator[Finding]:
    """A content part the directive asks for is a heading of the plan, or clearly present in its text.

    FAIL: no heading about "hạ tầng số" and no item about its systems     PASS: "1. Hạ tầng số"
    """
    if section_line(plan, rule) is not None or _kinds_line(plan, rule) is not None:
        return
    if rule.body_match and find_phrase(plan, rule.body_match) is not None:
        return
    yield finding(rule, ID_SECTION, "missing", plan=plan, line=None,
                  message=msg("section.missing", ctx.lang, requirement=requirement(rule, ctx)), expected=rule.message)


def _value(s: Section, after: Section | None = None, ocr: bool = False, alphabet: str | None = None) -> int | None:
    """The heading's number as a count (I = 1, c = 3), a letter in ``alphabet`` (the Vietnamese one unless said).
    In a text that lost its diacritics, a "d" after a "d" of the same list is its "đ" (the Vietnamese alphabet has
    both)."""
    if s.style == "roman":
        return roman_value(s.number.upper())  # "iv." under a part: lower-case Roman numerals count alike
    if s.style == "letter":
        alphabet = alphabet or conventions().list_alphabet
        if ocr and after is not None and after.number == s.number == "d" and "đ" in alphabet:
            return alphabet.index("đ") + 1
        letter = "đ" if s.number == "dd" and "đ" in alphabet else s.number  # "dd)": đ typed without its stroke
        return alphabet.find(letter) + 1 or None
    last = s.number.split(".")[-1]
    return int(last) if last.isdigit() else None


def _label(s: Section, v: int, alphabet: str | None = None) -> str:
    if s.style == "roman":
        return to_roman(v).lower() if s.number.islower() else to_roman(v)
    if s.style == "letter":
        alphabet = alphabet or conventions().list_alphabet
        return alphabet[v - 1] if 0 < v <= len(alphabet) else str(v)
    prefix = s.number.rsplit(".", 1)[0] + "." if "." in s.number else ""
    return f"{prefix}{v}"


def _outline_parent(plan: Plan, s: Section) -> int | None:
    """The heading ``s`` is numbered under: its parent, past a table's group row set over the rows below it ("Chỉ tiêu
    năm 2025 | | ", a heading for the targets it groups, no part of the numbered outline: "b)" after it goes on from
    the "a)" before it)."""
    k = s.parent
    while k is not None and plan.sections[k].style == "none" and CELL_JOIN in plan.sections[k].title:
        k = plan.sections[k].parent
    return k


def check_numbering(plan: Plan, rule: SectionNumbering, ctx: Context) -> Iterator[Finding]:
    """Headings under one parent are numbered 1, 2, 3 (I, II, III) without gaps or repeats (findings at
    ``ocr_severity`` on a text that came through character recognition: "III." may be read "II.").

    FAIL: "I. MỤC TIÊU" … "III. NHIỆM VỤ" … "III. GIẢI PHÁP"   PASS: "I.", "II.", "III."
    PASS (a text without diacritics, OCR): "c)", "d)", "d)", "e)" (the second "d)" is "đ)")
    PASS (Word's automatic letters typed out, the Latin alphabet): "a)" … "d)", "e)", "f)"   FAIL: "c)", "e)", "g)"
    """
    yield from recognised_at(_numbering(plan, rule, ctx), plan, rule.ocr_severity)


def _numbering(plan: Plan, rule: SectionNumbering, ctx: Context) -> Iterator[Finding]:
    groups: dict[tuple[int | None, str], list[Section]] = {}
    continuous = [squash(m) for m in conventions().continuous_markers]
    appendix: int | None = None  # the appendix ("Phụ lục …", after the closing or before it) the headings below are in
    for k, s in enumerate(plan.sections):
        if s.style == "none" and APPENDIX_TITLE.match(squash(s.title)):
            appendix = k
        # "Điều 5" under "Chương II" follows "Điều 4" under "Chương I": one run through the document
        marker = next((m for m in continuous if s.style == "part" and squash(line_text(plan, s.line)).startswith(
            m + " ")), None) if continuous else None
        # an appendix numbers its own groups ("I. HẠ TẦNG SỐ" of its table of tasks is not the plan's part "I."
        # again): a heading at the top of the outline after an appendix's title is numbered under that title
        parent = _outline_parent(plan, s)
        parent = appendix if parent is None and k != appendix else parent
        groups.setdefault((None, marker) if marker else (parent, s.style), []).append(s)
    written = [ln for ln in plan.lines if ln.text.strip()]
    ordered = all(a.loc.line <= b.loc.line for a, b in pairwise(written))
    for (_, _style), secs in groups.items():
        if len(secs) >= 3 and {s.number for s in secs} == {"1"}:
            # every point under one heading numbered "1.": an automatic list restarted at each item, as a converter
            # writes Word's numbering (pandoc: a list broken by the bullets between its items) or as Markdown is
            # typed; the document numbers them 1, 2, 3 — a drafter's repeat is one number among others ("1." "2."
            # "2.")
            continue
        found = _list_numbering(plan, rule, ctx, secs, written, ordered)
        if _style == "letter" and found and not {s.number for s in secs} & {"đ", "dd"}:
            # a list that writes no "đ" may count in Word's Latin alphabet (automatic letters typed out or converted
            # to text: "d)" then "e)"): it is judged in the alphabet it reads right in, the Vietnamese one first
            latin = _list_numbering(plan, rule, ctx, secs, written, ordered, conventions().word_alphabet)
            found = latin if len(latin) < len(found) else found
        yield from found


def _list_numbering(plan: Plan, rule: SectionNumbering, ctx: Context, secs: list[Section], written: list[Line],
                    ordered: bool, alphabet: str | None = None) -> list[Finding]:
    """The gaps and repeats of one list of headings, its letters counted in ``alphabet`` (the Vietnamese one)."""
    out: list[Finding] = []
    ocr = plan.lost_diacritics
    prev: Section | None = None
    pv = 0  # prev's count
    seen: dict[int, Section] = {}
    for s in secs:
        v = _value(s, prev, ocr, alphabet)
        if v is None:
            continue
        if v == 1 and prev is not None and (_after_lead_in(written, ordered, s, prev.line or 0)
                                            or (pv > 1 and _right_below(written, prev, s))):
            seen, prev, pv = {}, None, 0  # "… gồm:" then "1." again: a list of its own, not a repeat
        repeated = v in seen
        if repeated:
            out.append(finding(rule, ID_NUMBERING, "inconsistent", plan=plan, line=s.line,
                               message=msg("numbering.repeat", ctx.lang, actual=s.number, prev_line=seen[v].line),
                               evidence=line_text(plan, s.line) or s.title,
                               expected=_label(s, len(seen) + 1, alphabet), actual=s.number))
        elif prev is None and v != 1:
            out.append(finding(rule, ID_NUMBERING, "inconsistent", plan=plan, line=s.line,
                               message=msg("numbering.start", ctx.lang, actual=s.number,
                                           expected=_label(s, 1, alphabet)),
                               evidence=line_text(plan, s.line) or s.title, expected=_label(s, 1, alphabet),
                               actual=s.number))
        elif prev is not None and v > pv + 1:
            out.append(finding(rule, ID_NUMBERING, "inconsistent", plan=plan, line=s.line,
                               message=msg("numbering.gap", ctx.lang, prev=prev.number, actual=s.number,
                                           expected=_label(s, pv + 1, alphabet)),
                               evidence=line_text(plan, s.line) or s.title, expected=_label(s, pv + 1, alphabet),
                               actual=s.number))
        seen.setdefault(v, s)
        prev, pv = s, pv + 1 if repeated else v  # a repeat holds the place of the number it should have had
    return out


def _right_below(written: list[Line], heading: Section, s: Section) -> bool:
    """``s`` is written right below ``heading``, nothing but the heading's own title (wrapped) between them: "2. Chỉ
    tiêu cụ thể đến hết năm 2025" then "1. 100% thủ tục …", "2. Tối thiểu 80% …": a list under the heading typed in
    its style, counting from 1 again (a drafter's repeat follows a heading's text, never a heading over a "2." or
    later starting over at once). A heading is a title, not a sentence: a point that ends like one or reads "label:
    text" ("3. Trưởng Công an xã: thành viên.") is an item of a list, and "1." after it is a repeat."""
    if heading.line is None or s.line is None or ":" in heading.title or heading.title.rstrip()[-1:] in ".;,!?":
        return False
    title = squash(heading.title)
    between = [ln for ln in written if heading.line < ln.loc.line < s.line]
    return all(squash(ln.text) in title for ln in between)


def _after_lead_in(written: list[Line], ordered: bool, s: Section, after: int) -> bool:
    """The last line written before ``s`` (since line ``after``) is a lead-in ending with a colon ("Tổ giúp việc
    gồm:", "Nhiệm vụ của Ban Chỉ đạo:", "… như sau:"): the numbered points after it are the list it opens.
    ``written``: the plan's lines that are not blank, in its order; ``ordered``: their line numbers never go back."""
    if s.line is None:
        return False
    if ordered:  # the line before s found at once (a plan of thousands of headings)
        k = bisect_left(written, s.line, key=lambda ln: ln.loc.line)
        last = written[k - 1] if k and written[k - 1].loc.line > after else None
    else:
        last = next((ln for ln in reversed(written) if after < ln.loc.line < s.line), None)
    return last is not None and last.text.rstrip().endswith(":")


def _replaced_by_outdated(plan: Plan, rule: RequiredUnit, ctx: Context) -> bool:
    """The unit is assigned under a name that no longer exists: the outdated-bodies check reports that."""
    return _outdated_name_of(plan, rule, ctx, [a.unit for a in plan.assignments])


def _outdated_name_of(plan: Plan, rule: RequiredUnit, ctx: Context, units: list[str]) -> bool:
    """One of ``units`` is a name, no longer in use, of the office ``rule`` names (the registry's bodies replaced by
    it)."""
    bodies = ctx.loaded.bodies
    if bodies is None:
        return False
    wanted = [p for g in office_names(rule) for p in g]
    utype = own_type(plan, ctx)  # the registry's type of the plan's unit: one lookup, not one per body
    for body in bodies.bodies:
        if not applies(body, plan, utype) or not contains_any(squash(body.replacement), wanted, 88):
            continue  # a phường's list ("Phòng KT") says nothing of a xã's Phòng Kinh tế
        # initials ("p kt") only as written: near them in letters is any office's; the other spellings of its
        # joining words exactly ("p van hoa thong tin", the dash squashed away, is near "an toan thong tin")
        written = squash_all(body.names)
        names = [(n, 85 if len(n) > 8 else 100) for n in written]
        names += [(n, 100) for n in squashed_spellings(body.names) if n not in written]
        if any(contains_any(squash(unit), [n], t) for unit in units for n, t in names):
            return True
    return False


@lru_cache(maxsize=1)
def _above_commune() -> re.Pattern[str]:
    """A word of the province level right after an office's name (rules/conventions.yaml ``higher_level_after_office``):
    "Công an thành phố", "Văn phòng UBND tỉnh" are the city's or the province's, not the ward's own."""
    words = sorted({squash(w) for w in conventions().higher_level_after_office}, key=len, reverse=True)
    return re.compile(r" (?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else re.compile(r"(?!)")


def _own_office(hay: str, name: str) -> bool:
    """``hay`` (squashed) names the office ``name`` of the plan's own level somewhere: not only as the city's ("cong an
    thanh pho")."""
    at = hay.find(name)
    while at >= 0:
        if not _above_commune().match(hay, at + len(name)):
            return True
        at = hay.find(name, at + 1)
    return False


def names_office(hay: str, wanted: list[str], ocr: bool) -> bool:
    """``hay`` (squashed) names one of the offices ``wanted`` of the plan's own level (``_own_office``): exactly, or
    in OCR text with at most one wrong letter a word, never the first ("cong an" is in "cong au", not in "cong
    xa")."""
    return any(_own_office(hay, w) for w in wanted) or (ocr and any(ocr_words(hay, w) for w in wanted))


# where a sentence ends: its full stop, or a line opening with a list marker ("- ", "+ ", "2. ", "b) "); a
# semicolon parts the clauses of one item, whose office and work may stand in different clauses. A capital alone
# before its stop is an initial, not a sentence's end ("P. Kinh tế tham mưu bố trí KP": the office as offices
# shorten it)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\b[A-ZĐ]\.)\s+"
                             r"|\n[ \t]*(?=[-+•*–][ \t]|\d{1,2}[.)][ \t]|(?:dd|[a-zđ])\)[ \t])")


def _part_sentences(plan: Plan) -> list[str]:
    """The sentences (" - " clauses) of the parts that give work (the execution part under any of its names, the
    funds part: ``assignment_parts`` of the conventions), text expanded; made once per plan, in one pass over
    the lines for all the parts."""
    if not plan.lines:
        return []
    ends = section_ends(plan.sections)
    numbers = [ln.loc.line for ln in plan.lines]
    rising = all(a <= b for a, b in zip(numbers, numbers[1:], strict=False))
    heads = {sec.line for sec in plan.sections}
    out: list[str] = []
    for k in assignment_parts(plan.sections):
        start = plan.sections[k].line or 0
        nxt = ends[k]
        stop = plan.sections[nxt].line if nxt is not None else None
        if rising:  # lines in order (every reader): the part's lines found by bisection
            lo = bisect_left(numbers, start)
            hi = len(numbers) if stop is None else bisect_left(numbers, stop, lo)
            part = plan.lines[lo:hi]
        else:
            part = [ln for ln in plan.lines if start <= ln.loc.line and (stop is None or ln.loc.line < stop)]
        # sentences of the raw text (expanded text has no punctuation left to split at): a recipient "- Công an xã;"
        # under Nơi nhận is a sentence of its own, not one with the security work of another office above it; each
        # read with the heading it stands under, which may name the work ("4. Bảo đảm an toàn, an ninh thông tin
        # mạng" over "- ... (Chủ trì: Công an phường)")
        groups: list[list[str]] = []
        for ln in part:
            if ln.loc.line in heads or not groups:
                groups.append([])
            groups[-1].append(ln.text)
        for g in groups:
            head = expanded(g[0]) if len(g[0]) <= 160 else ""
            out += [f"{head} {expanded(s)}" for chunk in _rows_apart(g) for s in _SENTENCE_BREAK.split(chunk)
                    if s.strip() and not _marks_among(s)]
    return out


def _rows_apart(lines: list[str]) -> list[str]:
    """The lines joined into runs of prose, each row of a table (its cells joined by the reader's " | ") a run of
    its own: a header naming the offices ("TT | Nhiệm vụ | … | Công an phường") gives none of them the task of a
    row under it."""
    out: list[str] = []
    prose: list[str] = []
    for text in lines:
        if CELL_JOIN not in text:
            prose.append(text)
            continue
        if prose:
            out.append("\n".join(prose))
            prose = []
        out.append(text)
    return [*out, "\n".join(prose)] if prose else out


def _prose_assigns(plan: Plan, wanted: list[list[str]], roles: list[str], ocr: bool) -> bool:
    """Assignments written as prose: the unit named together with its role in one sentence of a part that gives
    work."""
    return any(all(names_office(sentence, g, ocr) for g in wanted) and (not roles or contains_any(sentence, roles, 87))
               for sentence in per_plan(plan, "part-sentences", lambda: _part_sentences(plan)))


CUT_CELL = 30  # an office's name alone on a line no longer than this: a cell of a table cut a cell to a line
CUT_AROUND = 5  # lines either side of it, most of them (CUT_SHORT) as short: the table's other cells
CUT_SHORT = 8
CUT_NEAR = 60  # lines either side where the office's role may stand, in the column of tasks
MARKED_CELL = 60  # an office's name alone on a line no longer than this, over marks ("CT", "PH") one to a line


def _short_parts(ln: Line) -> int:
    """How many of the lines a logical line joins (its spans) are no longer than CUT_CELL: a cell wrapped over two
    lines ("Phòng Văn hóa" / "- Xã hội") is two of the table's short lines, as the reader found them."""
    starts = sorted({0, *(sp.start for sp in ln.spans if 0 < sp.start < len(ln.text))})
    return sum(len(ln.text[a:b].strip()) <= CUT_CELL for a, b in zip(starts, [*starts[1:], len(ln.text)],
                                                                        strict=True))


def _unbulleted(text: str) -> str:
    """A recipient's line without its bullet, whichever the office typed ("- ", "+ ", "* ", "• ")."""
    marker, family = marker_of(text)
    return text[len(marker):].lstrip() if family == "bullet" else text


def unit_unread(plan: Plan, rule: RequiredUnit) -> int | None:
    """The office is not found assigned, but it is named alone in a cell of a table whose cells came out one to a
    line, column by column (text taken from a PDF without its layout, as ``pdftotext`` without ``-layout`` writes
    it), its role's words within CUT_NEAR lines: which task is whose cannot be told; so too an office in the header
    of a table of marks cut a cell to a line (``_marks_below``: an empty cell leaves no line). Not judged, rather
    than said to be missing: the line of its name, or None."""
    wanted = office_names(rule)
    roles = squash_all(rule.roles)
    lines = plan.lines
    listed = tuple(plan.recipients)
    for k, ln in enumerate(lines):
        if len(ln.text.strip()) > MARKED_CELL:
            continue
        if plan.recipients_line is not None and (ln.loc.line == plan.recipients_line or (
                0 < ln.loc.line - plan.recipients_line <= 30 and _unbulleted(ln.text.strip()).startswith(listed))):
            continue  # "Nơi nhận:" or a recipient under it ("- Công an xã;"): never a cell of a table of assignments
        long = len(ln.text.strip()) > CUT_CELL  # a long name: a cell only of a table of marks
        # a name wrapped in its narrow column: "Phòng" / "Kinh tế," / "Hạ tầng và Đô thị"; a long one is whole
        cell = lines[k : k + (1 if long else 3)]
        texts = [" ".join(squash(x.text) for x in cell[:n]) for n in range(1, len(cell) + 1)
                 if all(len(x.text.strip()) <= (MARKED_CELL if long else CUT_CELL) for x in cell[:n])]
        if not any(all(names_office(t, g, plan.lost_diacritics) for g in wanted) for t in texts):
            continue
        if long and not _marks_below(lines[k + 1 : k + CUT_NEAR + 1]):
            continue
        around = lines[max(0, k - CUT_AROUND) : k + CUT_AROUND + 1]
        if not long and sum(_short_parts(x) for x in around) < CUT_SHORT and not _marks_below(
                lines[k + 1 : k + CUT_NEAR + 1]):
            continue
        near = " ".join(expanded(x.text) for x in lines[max(0, k - CUT_NEAR) : k + CUT_NEAR + 1])
        if not roles or contains_any(near, roles, 87):
            return ln.loc.line
    return None


def _marks_among(text: str) -> bool:
    """A run of lines holding a mark alone on its line ("CT", "PH"): the cells of a table of tasks by offices cut one
    to a line and run together, no sentence (an office's name and a task of another row meet in it)."""
    marks = _marks()
    return "\n" in text and any(squash(t) in marks for t in text.split("\n"))


@lru_cache(maxsize=1)  # the conventions are loaded once
def _marks() -> frozenset[str]:
    """The marks a table of tasks by offices gives (rules/conventions.yaml ``assignment_columns.marks``), squashed."""
    return frozenset(squash(m) for m in conventions().assignment_columns.marks)


def _marks_below(lines: list[Line]) -> bool:
    """Lines that are a mark alone ("CT", "PH", "x": conventions ``assignment_columns.marks``), two or more, below an
    office's name: the cells of a table of tasks by offices (a column per office) cut one to a line, where an empty
    cell leaves no line, so which office a mark is for cannot be told, however long the offices' names are."""
    marks = _marks()
    return sum(squash(ln.text) in marks for ln in lines) >= 2


def _headings_over(plan: Plan, a: Assignment) -> list[str]:
    """The titles of the headings a unit's tasks stand under: the work they name ("4. Bảo đảm an toàn, an ninh thông
    tin mạng" over "- Xác định cấp độ ... (Chủ trì: Công an phường ...)") is the work of the tasks."""
    lines = sorted(plan.sections[k].line or 0 for k in range(len(plan.sections)))
    out = []
    for ln in set(a.task_lines):
        k = bisect_right(lines, ln) - 1
        if k >= 0:
            out += [s.title for s in plan.sections if s.line == lines[k]]
    return out


_LIST_OPENER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)/]|[a-zđ]\)|[-+•*–§])?\s*", re.IGNORECASE)
_SUBJECT_BREAK = re.compile(r"[;:.(|\t]")  # where the clause holding a sentence's subject opens (not a comma:
# "Phòng Kinh tế, Hạ tầng và Đô thị" is one office)


@lru_cache(maxsize=1)  # the conventions are loaded once
def _plan_lead() -> tuple[re.Pattern[str], list[str], list[str], re.Pattern[str], re.Pattern[str]]:
    """The conventions' ``plan_lead``: its words as a pattern over folded text, the plan's and the fields' words
    squashed, the predicates closing the text before the word, the opening of a subject (an opener, then an
    office's word: ``office_words``)."""
    pl = conventions().plan_lead

    def alternatives(words: list[str]) -> str:
        return "|".join(sorted((re.escape(fold(w)) for w in words), key=len, reverse=True)) or "(?!)"

    return (re.compile(rf"(?<!\w)(?:{alternatives(pl.words)})(?!\w)"), squash_all(pl.plan), squash_all(pl.field),
            re.compile(rf"(?:^|(?<=[\s,:;(]))(?:{alternatives(pl.predicates)})[\s,]*$"),
            re.compile(rf"(?:(?:{alternatives(pl.subject_openers)})\s+)?(?:{alternatives(conventions().office_words)})"
                       r"\s+\w"))


def _subject(before: str) -> str | None:
    """The office a sentence makes the đầu mối, from its text ``before`` the word: what stands before the predicate
    ("là", "là cơ quan", "chủ trì, làm"), back to its clause's opening, the list marker and a colon after it taken
    off ("1. Văn phòng HĐND và UBND xã: là cơ quan" → "Văn phòng HĐND và UBND xã"); "" where the word opens its item
    or cell (the office is its heading's or its row's); None where the word stands after other words ("báo cáo về cơ
    quan đầu mối") or no office's name opens the clause."""
    _, _, _, predicate, opener = _plan_lead()
    text = before.rstrip(" ,")
    while (m := predicate.search(fold(text))) and m.start() < len(text):
        text = text[: m.start()].rstrip(" ,")
    text = text.rstrip()
    if text.endswith(":"):
        text = text[:-1]
    clause = _LIST_OPENER.sub("", _SUBJECT_BREAK.split(text)[-1], count=1).strip()
    if not clause:
        return ""
    return clause if opener.match(fold(clause)) else None


def _plan_scope(after: str, others: list[str]) -> bool:
    """The clause after the word (to ";" or ".") makes the đầu mối the plan's: it speaks of following the plan
    through, opens with no field's word and names no other office's work."""
    _, plan_words, field, _, _ = _plan_lead()
    clause = f" {squash(re.split(r'[;.]', after, maxsplit=1)[0])} "
    return (not any(clause.startswith(f" {w} ") for w in field) and any(f" {w} " in clause for w in plan_words)
            and not any(f" {w} " in clause for w in others))


def _plan_leads(plan: Plan, others: list[str]) -> list[tuple[int, str]]:
    """Where the plan names an office the đầu mối of the whole plan (conventions ``plan_lead``): its line and the
    office's name as written; in a table's row or under an office's heading, the office leading that row or item."""
    word, opener = _plan_lead()[0], _plan_lead()[4]
    out: list[tuple[int, str]] = []
    for ln in plan.lines:
        folded = fold(ln.text)
        for m in word.finditer(folded):
            if not _plan_scope(ln.text[m.end():], others):
                continue
            start = folded.rfind(". ", 0, m.start()) + 1
            subject = _subject(ln.text[start : m.start()])
            line = ln.line_at(m.start())
            if subject:
                out.append((line, subject))
            elif subject == "":  # the lead of the row or item, an office by its name (not a table's caption)
                out += [(line, a.unit) for a in plan.assignments
                        if a.leads and (a.line == line or line in a.task_lines) and opener.match(fold(a.unit))]
    return out


def _rival_lead(plan: Plan, rule: RequiredUnit, ctx: Context) -> Finding | None:
    """The đầu mối of the whole plan given to the office ``rule`` names in one place and to another office in another
    (the plan against itself): at the other office's first such line. Only for a rule whose roles hold the đầu mối
    (conventions ``plan_lead.words``); the other required offices' work (their rules' roles) names a field."""
    if not contains_any(" ".join(squash_all(rule.roles)), squash_all(conventions().plan_lead.words), 100):
        return None
    others = [r for o in (ctx.pack.rules if isinstance(ctx.loaded, LoadedPack) else [])
              if isinstance(o, RequiredUnit) and o.id != rule.id for r in squash_all(o.roles)]
    wanted, ocr = office_names(rule), plan.lost_diacritics
    leads = [(line, name, all(names_office(expanded(name), g, ocr) for g in wanted))
             for line, name in per_plan(plan, "plan-leads", lambda: _plan_leads(plan, others))]
    own = next(((line, name) for line, name, ok in leads if ok), None)
    # a former name of the office itself ("Phòng Văn hóa và Thông tin") is the outdated-bodies check's to tell
    rival = next(((line, name) for line, name, ok in leads
                  if not ok and not _outdated_name_of(plan, rule, ctx, [name])), None)
    if own is None or rival is None:
        return None
    return finding(rule, ID_UNIT, "inconsistent", plan=plan, line=rival[0], severity="warning",
                   message=msg("unit.lead_twice", ctx.lang, unit=short(own[1], 60), line=own[0],
                               other=short(rival[1], 60)),
                   evidence=line_text(plan, rival[0]), expected=rule.message, actual=short(rival[1], 160))


def check_unit(plan: Plan, rule: RequiredUnit, ctx: Context) -> Iterator[Finding]:
    """A unit the directive gives a role is assigned work, and its tasks include that role.

    FAIL: Tổ chức thực hiện names no "Công an"        FAIL: "3. Công an phường" with no security task
    PASS: "3. Công an phường — Chủ trì bảo đảm an ninh mạng, an toàn thông tin"
    """
    if (rival := _rival_lead(plan, rule, ctx)) is not None:
        yield rival  # the office's own role stands where the plan names it; the other office's is the defect
        return
    wanted = office_names(rule)
    roles = squash_all(rule.roles)
    ocr = plan.lost_diacritics
    assigned = assigned_units(plan, rule)
    if assigned and (not roles or any(contains_any(expanded(" ".join([a.unit, *a.tasks, *_headings_over(plan, a)])),
                                                   roles, 87) for a in assigned)):
        return
    if _prose_assigns(plan, wanted, roles, ocr):
        return
    if assigned:
        a = assigned[0]
        yield finding(rule, ID_UNIT, "missing", plan=plan, line=a.line, severity=rule.role_severity,
                      message=msg("unit.role", ctx.lang, unit=a.unit, roles=", ".join(rule.roles)),
                      evidence=short(a.unit), expected=rule.message, actual=short(" ".join(a.tasks), 160))
        return
    if _replaced_by_outdated(plan, rule, ctx):
        return
    if (cut := unit_unread(plan, rule)) is not None:
        yield finding(rule, ID_UNIT, "missing", plan=plan, line=cut, severity="info", evidence=line_text(plan, cut),
                      message=msg("unit.unread", ctx.lang, requirement=requirement(rule, ctx)), expected=rule.message)
        return
    k = execution_section(plan.sections)
    line = plan.sections[k].line if k is not None else None
    yield finding(rule, ID_UNIT, "missing", plan=plan, line=line, evidence=line_text(plan, line),
                  message=msg("unit.missing", ctx.lang, requirement=requirement(rule, ctx)), expected=rule.message)
