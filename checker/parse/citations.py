"""Legal references however they are written: "Nghị định số 85/2016/NĐ-CP ngày 01/7/2016", "NĐ 85/2016",
"Quyết định 749/QĐ-TTg", "02-KH/BCĐTW", OCR forms ("NB-CP", "QDP-TTg", "s6"), dates as d/m/yyyy or in words."""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from checker.models import DocRef
from checker.parse.view import View
from checker.text import fold, squash

# OCR misreadings of the document-type code (Đ read as B, P; an extra P) → the code itself
KIND_CODES: dict[str, str] = {
    "nd": "ND", "nb": "ND", "np": "ND", "qd": "QD", "qdp": "QD", "qp": "QD", "qb": "QD", "nq": "NQ",
    "kh": "KH", "ct": "CT", "tt": "TT", "cv": "CV", "tb": "TB", "kl": "KL", "hd": "HD", "ctr": "CTr",
    "qh": "QH", "l": "L", "cd": "CD", "da": "DA",
}
KIND_NAMES: dict[str, str] = {
    "ND": "Nghị định", "QD": "Quyết định", "NQ": "Nghị quyết", "KH": "Kế hoạch", "CT": "Chỉ thị",
    "TT": "Thông tư", "CV": "Công văn", "TB": "Thông báo", "KL": "Kết luận", "HD": "Hướng dẫn",
    "CTr": "Chương trình", "QH": "Luật", "L": "Luật", "CD": "Công điện", "DA": "Đề án",
}
_WORD_KINDS: dict[str, str] = {
    "nghi dinh": "ND", "quyet dinh": "QD", "nghi quyet": "NQ", "ke hoach": "KH", "chi thi": "CT",
    "thong tu": "TT", "luat": "L", "nd": "ND", "qd": "QD", "nq": "NQ", "ct": "CT", "kh": "KH",
}
_CODES = "|".join(sorted(KIND_CODES, key=len, reverse=True))
# a number not inside a word or a symbol: its first digit first, so the engine skips to digits (a pattern that
# opens with a lookbehind is tried at every position); the patterns of words open with a lookahead of their first
# letters for the same reason (``text.opening``)
FULL = re.compile(
    rf"(\d(?<![\w/]\d)\d{{0,4}})\s*(?:/\s*(\d{{4}})\s*)?[/-]\s*({_CODES})\s*[-/]\s*([a-z&]{{1,9}}\d{{0,2}})(?![\w])"
)
LAW = re.compile(r"(\d(?<![\w/]\d)\d{0,3})\s*/\s*(\d{4})\s*/\s*(qh\d{2})(?!\w)")
SHORT = re.compile(
    r"(?=[nqct])\b(nghi dinh|quyet dinh|nghi quyet|chi thi|thong tu|nd|qd|nq|ct)"  # first letters first: see FULL
    r"\s*(?:so\s*)?(\d{1,4})\s*/\s*(\d{4})(?![\w/])"
)
# "Kế hoạch số 215 ngày 25/8/2025": a number without its symbol, recognised only when a date follows it
BARE = re.compile(
    r"(?=[kqcn])\b(ke hoach|quyet dinh|chi thi|nghi quyet|kh|qd|ct|nq)"
    r"\s*(?:so\s*)?(\d{1,5})(?=\s*(?:,\s*)?ng\w{1,2}y\s*\d)"
)
# "Công văn số 1234/BKHCN-CĐS": the issuer's code, then its unit's (no type code); only after the word "công văn"
LETTER_SYMBOL = r"(\d{1,6})\s*/\s*([a-z&]{2,12})\s*-\s*([a-z&]{1,12}\d{0,2})(?![\w/])"
LETTER = re.compile(rf"(?=c)\b(?:cong van|cv)\s*(?:so\s*)?{LETTER_SYMBOL}")
# a date's parts, folded: "ngày" (its vowel garbled by OCR or a legacy font: \w{1,2}), then day, month and year
# separated by a slash, a dot or a dash, or by the words "tháng" and "năm"; groups 1-3 day, month, year
_DAY_WORD = r"ng\w{1,2}y\s*"
_BY_FIGURES = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_BY_WORDS = r"(\d{1,2})\s*th\w{1,3}ng\s*(\d{1,2})\s*n\w{1,2}m\s*(\d{4})"
_EITHER = r"(\d{1,2})\s*(?:[/.-]|th\w{1,3}ng)\s*(\d{1,2})\s*(?:[/.-]|n\w{1,2}m)\s*(\d{4})"
DATE_NUM = re.compile(rf"^[\s,]*(?:ban hanh\s*)?{_DAY_WORD}{_BY_FIGURES}")
DATE_WORDS = re.compile(rf"^[\s,]*(?:ban hanh\s*)?{_DAY_WORD}{_BY_WORDS}")
# the date in brackets after the number, as a table's cell or a list of grounds writes it: "Kế hoạch số 215/KH-UBND
# (25/8/2025) của UBND thành phố", "(ngày 25/8/2025)", "(ban hành ngày 25 tháng 8 năm 2025)"
# the date written before the number, "số" alone between them: "Chỉ thị ngày 23/02/2024 số 09/CT-TTg", "Nghị quyết
# của Ủy ban Thường vụ Quốc hội ngày 16/6/2025 số 1669/NQ-UBTVQH15" (the order of a document's own header)
DATE_BEFORE = re.compile(rf"{_DAY_WORD}{_EITHER}\s*,?\s*s[o6]\s*$")
DATE_BRACKETS = re.compile(rf"^[\s,]*\(\s*(?:ban hanh\s*)?(?:{_DAY_WORD})?{_EITHER}\s*\)")
# a table of the documents cited (Số, ký hiệu | Ngày ban hành | Cơ quan ban hành | Trích yếu): the date alone in the
# cell right after the number's, in figures or in words ("08/4/2020", "ngày 8 tháng 4 năm 2020", "8 tháng 4 năm 2020");
# so too where the table's cells stand one to a line, the number's and the date's joined by the reader into one line
# ("2 Nghị định số 45/2020/NĐ-CP 08/4/2020"): the date alone after the number, closing the line
DATE_CELL = re.compile(rf"^[ \t]*(?:\|[ \t]*)?(?:{_DAY_WORD})?{_EITHER}[ \t]*(?=\||\n|$)")
# the issuer after "của", up to what follows its name: the title ("về ..."), punctuation, or a verb whose object
# follows ("của thành phố giao các chỉ tiêu: ...", "đề ra các"; "yêu cầu" whatever follows, a quotation
# mark: "của thành phố yêu cầu “tối thiểu 80% ...”"), or where the sentence places it
# ("... của UBND thành phố trên địa bàn xã", "... tại phường X": "tại" before a unit's level, never "Tài chính"; "…
# của thành phố trong một kế hoạch": "trong" what holds it),
# a clause that says what for ("... phù hợp với điều kiện của xã", "nhằm", "đối với") or another document joined to
# it ("... của UBND thành phố và Kế hoạch số 01-KH/BCĐ ..."), or the document's date where the issuer comes before it
# ("Kế hoạch số 215/KH-UBND của UBND thành phố ngày 25/8/2025"); a colon never stands in a name
# ("… tại P. Việt Hòa": a unit's type abbreviated, rules/conventions.yaml `unit_type_abbreviations`)
_ISSUER = (
    r"^[\s,]*c\w{0,3}a\s+([^;,.():\"“”]{3,90}?)"
    r"(?=\s+(?:ve|v|sua|sta|phe|ban|quy|huong|thuc|trien|tang|dieu|tren dia ban|yeu cau|trong"
    r"|ng\w{1,2}y\s*\d{1,2}"
    r"|tai (?:phuong|xa|dac khu|cac|dia phuong))\b|\s+tai (?:ABBREVIATED)\s|[;,.(:\"“”]"
    r"|\n\s*\n\s*[-+*]|$"
    r"|\s+(?:giao|de ra|dat ra|xac dinh)\s+(?:cac|cho|nhiem vu|chi tieu|muc tieu)\b"
    r"|\s+(?:phu hop|nham|doi voi)\b"
    r"|\s+va\s+(?:cac\s+)?(?:ke hoach|quyet dinh|nghi quyet|nghi dinh|thong tu|chi thi|cong van|van ban|kh|qd|nd)\b)"
)


@lru_cache(maxsize=1)  # the conventions are loaded once
def issuer_pattern() -> re.Pattern[str]:
    """The issuer after "của" (``_ISSUER``), in a folded text."""
    from checker.conventions import conventions

    abbreviated = "|".join(re.escape(fold(a.abbreviation)) for a in conventions().unit_type_abbreviations)
    return re.compile(_ISSUER.replace("ABBREVIATED", abbreviated or "(?!)"))
# a Căn cứ line set as an old template sets it: the document's number and title, then its date right-aligned after a
# tab (a dotted leader in Word) closing the line: "Nghị định số 45/2020/NĐ-CP của Chính phủ về …<tab>ngày 08/4/2020;"
DATE_AFTER_TAB = re.compile(rf"\t[\t .…_·-]*{_DAY_WORD}{_EITHER}\s*[;.,]?\s*$")
_IMPLEMENTS = re.compile(r"^(?:de\s+)?th\w{1,2}c\s+h\w{1,3}n\b")
# a clause ends at ; . : or a blank line, and a new one starts on a line opening with "Thực hiện" / "Căn cứ"
_BOUNDARY = re.compile(r"[;.:]\s|\n\s*\n|\n(?=[ \t]*(?:th\w{1,2}c h\w{1,3}n|c\w{1,2}n c\w{1,3})\b)")
_SPACE = re.compile(r"\s+")


def make_key(number: str, year: str | None, kind: str, issuer: str) -> str:
    """Canonical key: "85/2016/ND-CP", "215/KH-UBND", "57-NQ/TW" style kept apart by the party form."""
    kind = KIND_CODES.get(kind.lower(), kind.upper())
    issuer = issuer.upper()
    number = number.lstrip("0") or "0"
    if year:
        return f"{number}/{year}/{kind}-{issuer}" if issuer else f"{number}/{year}/{kind}"
    return f"{number}/{kind}-{issuer}"


def parse_date(d: str, m: str, y: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _after(view: View, end: int) -> tuple[date | None, str | None, str | None, int]:
    """Date and issuer written right after a number; returns them and where the citation ends."""
    when, raw_date, size = _date_at(view, end, DATE_CELL)
    if size:
        end += size
    else:
        when, raw_date = _date_after_tab(view, end)
    rest = view.joined_folded[end : end + 120]
    issuer = None
    mi = issuer_pattern().match(rest)
    if mi:
        stop = mi.end(1)
        if rest[stop : stop + 1] == ":" and "\n" in rest[mi.start(1) : stop]:
            # the words before a colon that opens the next line are that line's label ("Kính gửi:" under a
            # letter's subject "V/v ... của UBND thành phố"), not the end of the issuer's name
            stop = rest.rindex("\n", mi.start(1), stop)
        issuer = re.sub(r"\s+", " ", view.joined[end + mi.start(1) : end + stop]).strip()
        end += stop
        if raw_date is None:  # the date after the issuer: "… của UBND thành phố ngày 25/8/2025"
            when, raw_date, size = _date_at(view, end)
            end += size
    return when, raw_date, issuer, end


def _date_at(view: View, pos: int, *more: re.Pattern[str]) -> tuple[date | None, str | None, int]:
    """The date written at ``pos`` (in figures, in words, in brackets), its text and the length it takes; 0 if none."""
    rest = view.joined_folded[pos : pos + 160]
    for pattern in (DATE_NUM, DATE_WORDS, DATE_BRACKETS, *more):
        if m := pattern.match(rest):
            raw = view.joined[pos + m.start(1) : pos + m.end(3)]
            return parse_date(m.group(1), m.group(2), m.group(3)), raw, m.end()
    return None, None, 0


def _date_after_tab(view: View, end: int) -> tuple[date | None, str | None]:
    """The date closing the line of a number after a tab (``DATE_AFTER_TAB``), where no other document's number
    stands between them: that document's date."""
    stop = view.joined_folded.find("\n", end)
    line = view.joined_folded[end : stop if stop >= 0 else len(view.joined_folded)]
    m = DATE_AFTER_TAB.search(line)
    if m is None or any(p.search(line, 0, m.start()) for p in (FULL, LAW, SHORT)):
        return None, None
    return parse_date(m.group(1), m.group(2), m.group(3)), view.joined[end + m.start(1) : end + m.end(3)]


def _date_before(view: View, start: int, floor: int) -> tuple[date | None, str | None]:
    """The date written just before a number, "số" alone between them (``DATE_BEFORE``), after ``floor`` (where
    the citation before it ends: its own date is never taken twice)."""
    low = max(floor, start - 60)
    m = DATE_BEFORE.search(view.joined_folded, low, start)
    if m is None:
        return None, None
    return parse_date(m.group(1), m.group(2), m.group(3)), view.joined[m.start(1) : m.end(3)]


def _kind_before(view: View, start: int) -> str | None:
    before = squash(view.joined_folded[max(0, start - 30) : start])
    for word, code in _WORD_KINDS.items():
        if re.search(rf"\b{word}(?: so| s)?$", before):
            return code
    return None


class _Taken:
    """Positions of the text already taken by a citation: marking costs the matches' length, a lookup O(1)."""

    def __init__(self, size: int) -> None:
        self.marks = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)

    def covers(self, pos: int) -> bool:
        return bool(self.marks[pos])


class _Boundaries:
    """Clause boundaries, found once; ``last_end(start)`` is what scanning ``text[:start]`` for the last boundary
    gives, in O(log n). Only a boundary that runs across ``start`` can end differently when the scan stops there
    (a blank-line run cut short); it is matched again within ``text[:start]``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(b.start(), b.end()) for b in _BOUNDARY.finditer(text)]
        self.ends = [e for _, e in self.spans]

    def last_end(self, start: int) -> int:
        k = bisect.bisect_right(self.ends, start) - 1
        best = self.ends[k] if k >= 0 else 0
        if k + 1 < len(self.spans) and self.spans[k + 1][0] < start:
            cut = _BOUNDARY.match(self.text, self.spans[k + 1][0], start)
            if cut:
                best = cut.end()
        return best


def find_references(view: View, preamble_end: int) -> list[DocRef]:
    """Every citation in the text; those in the preamble that open a "Thực hiện ..." clause implement it."""
    text = view.joined_folded
    found: list[tuple[int, int, str, str]] = []  # start, number end, key, kind
    taken = _Taken(len(text))
    for m in FULL.finditer(text):
        found.append((m.start(), m.end(), make_key(m.group(1), m.group(2), m.group(3), m.group(4)),
                      KIND_CODES[m.group(3)]))
        taken.add(m.start(), m.end())
    for m in LAW.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)}/{m.group(2)}/{m.group(3).upper()}", "QH"))
        taken.add(m.start(), m.end())
    for m in SHORT.finditer(text):
        if taken.covers(m.start(2)):
            continue
        code = _WORD_KINDS[m.group(1)]
        found.append((m.start(2), m.end(), make_key(m.group(2), m.group(3), code, ""), code))
        taken.add(m.start(2), m.end())
    for m in BARE.finditer(text):
        if taken.covers(m.start(2)):
            continue
        code = _WORD_KINDS[m.group(1)]
        found.append((m.start(2), m.end(), f"{m.group(2).lstrip('0') or '0'}/{code}", code))
        taken.add(m.start(2), m.end())
    for m in LETTER.finditer(text):
        if taken.covers(m.start(1)):
            continue
        found.append((m.start(1), m.end(), make_key(m.group(1), None, m.group(2), m.group(3)), "CV"))
    found.sort()
    refs: list[DocRef] = []
    prev_end = 0
    boundaries = _Boundaries(text)
    cited_end = 0  # where the citation before ends, its date and issuer included
    for start, num_end, key, code in found:
        when, raw_date, issuer, end = _after(view, num_end)
        if when is None and raw_date is None:
            when, raw_date = _date_before(view, start, cited_end)
        cited_end = max(cited_end, end)
        kind = _kind_before(view, start) or code
        line_idx = view.index_at(start)
        seg_start = boundaries.last_end(start)
        segment = squash(text[max(seg_start, prev_end) : start])
        implements = start < preamble_end and seg_start >= prev_end and bool(_IMPLEMENTS.match(segment))
        quote_start = max(seg_start, view.starts[line_idx], start - 40)
        if quote_start > 0 and view.joined[quote_start - 1].isalnum():  # the quote starts at a word, never inside
            space = _SPACE.search(view.joined, quote_start, start)
            quote_start = space.end() if space else start
        quote = re.sub(r"\s+", " ", view.joined[quote_start:end]).strip()
        refs.append(
            DocRef(kind=KIND_NAMES.get(kind, kind), number=key,
                   raw_number=re.sub(r"\s+", "", view.joined[start:num_end]), date=when, raw_date=raw_date,
                   issuer=issuer, text=quote, line=view.line_of_offset(start), implements=implements)
        )
        prev_end = num_end
    return refs
