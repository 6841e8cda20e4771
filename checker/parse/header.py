"""The document form around the content: header block, title, signature block and Nơi nhận (NĐ 30/2020, Điều 8).

Header blocks are often two columns flattened into one line ("UBND ... CỘNG HÒA ..."), so every pattern here
searches inside lines rather than expecting a part to stand alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.conventions import (
    TYPE_QUALIFIER_WORDS,
    attachment_label,
    conventions,
    document_type_by_symbol,
    document_type_of,
)
from checker.ingest.layout import BODY_IN_CAPITALS, CELL_JOIN, RECIPIENTS, copier, copy_mark, marker_of, names_doc_type
from checker.models import Header, Signature
from checker.parse.citations import parse_date
from checker.parse.view import View
from checker.text import UPPER, contains, fold, in_brackets, opening, squash

UNIT_WORD = re.compile(r"(?=[pxd])\b(phuong|phudng|phwong|phuodng|phieong|xa|dac khu|dac\s+khu)\s+", re.IGNORECASE)
_TYPE = {"xa": "xa", "dac khu": "dac_khu"}
# KH-UBND, BKHCN-CĐS; a joint document's symbol names each issuer (KHLT-ĐU-UBND); a draft leaves the number blank
# with spaces, dots, an ellipsis or a rule ("Số:      /KH-UBND", "Số: ......./KH-UBND", "Số: …/KH-UBND"), or marks
# the place with x's ("Số: xx/KH-UBND", "ngày XX tháng 9"), as its day; a number may carry a letter after its figures
# ("Số: 215a/KH-UBND", a number taken between two issued ones), never in their place
_FILL = r"(?:[\s.…_*]|x{1,4}(?![a-z]))*"
NUMBER = re.compile(r"\bs\w{0,2}\s*:\s*((?:\d+[a-z]?)?)" + _FILL + r"/\s*([a-z]{1,6}\s*-\s*[a-z]{2,8}(?:-[a-z]{2,8})*)")
# a Party document's number (Hướng dẫn 36-HD/VPTW): "Số 12-NQ/ĐU", "Số: 05-CTr/TU", at the start of its column
PARTY_NUMBER = re.compile(r"^[\s#*>]*s[o06]\s*:?\s*(\d*)\s*-\s*([a-z]{1,4}\s*/\s*[a-z&]{1,10})(?![a-z])")
DATE = re.compile(
    rf"ng\w{{1,2}}y(?:\s*(\d{{1,2}}))?{_FILL}th\w{{1,3}}ng(?:\s*(\d{{1,2}}))?{_FILL}n\w{{1,2}}m\s*(\d{{4}})"
)
NUMBER_LABEL = re.compile(r"(?<![a-z])s[o06]\s*:")
# the number without its label's colon ("Số 88/KH-UBND", as typed or as OCR reads "Số:"), taken only where it stands
# alone in its column: "số 215/KH-UBND ngày ..." in a sentence is a citation
NUMBER_BARE = re.compile(
    r"(?:^|\t|\s{2})[\s#*>]*s[o06]\s+(\d+)\s*/\s*([a-z]{1,6}\s*-\s*[a-z]{2,8}(?:-[a-z]{2,8})*)(?=\t|\s{2}|\s*$)")
_LABEL_ALONE = re.compile(r"(?<![a-z])s[o06]\s*:\s*$")  # "Số:" ending its line, its symbol on the next
# "Vĩnh Thuận, ngày 26/9/2025": the date in figures (NĐ 30/2020 writes it "ngày ... tháng ... năm ..."), taken as the
# document's only where the place opens its line or its column and the date ends it (never a citation's "ngày 25/8");
# a draft's day left blank as in words ("ngày     /9/2025", "ngày …/9/2025")
_DATE_NUMERIC = re.compile(r"ng\w{1,2}y\s*(\d{1,2})?" + _FILL + r"[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_PLACE_BEFORE = re.compile(r"(?:^|\t|\s{3,})(?:[^\W\d_]+\s){0,4}[^\W\d_]+,\s*$")


_NUMBER_ENDS = re.compile(
    r"(?<![a-z])s[o06]\s+(\d+)\s*/\s*([a-z]{1,6}\s*-\s*[a-z]{2,8}(?:-[a-z]{2,8})*)\s*$")
_PLACE_OPENS = re.compile(r"^\s*(?:[^\W\d_]+\s){0,4}[^\W\d_]+,\s*$")


def _motto_spans(folded: str) -> list[tuple[int, int]]:
    """Where the national motto's phrases stand in a line: a web page's copy runs the header's two columns into one
    line ("… XÃ VĨNH AM Số 97/KH-UBND CỘNG HÒA … Hạnh phúc Vĩnh Am, ngày 18/9/2025"), and a motto phrase is then
    the boundary between the columns that single spaces no longer show."""
    return [m.span() for m in _motto_re().finditer(folded)]


def _bare_number(folded: str) -> re.Match[str] | None:
    """The number without its label's colon ("Số 97/KH-UBND") alone in its column: between wide gaps, or closing
    the left column just before the motto of a header run into one line."""
    m = NUMBER_BARE.search(folded)
    if m is None:
        spans = _motto_spans(folded)
        m = _NUMBER_ENDS.search(folded, 0, spans[0][0]) if spans else None
    return m


def _after_motto(folded: str, end: int) -> int:
    """Where the column after the motto's last phrase begins, in ``folded[:end]`` (0 where no motto stands there)."""
    ends = [e for _, e in _motto_spans(folded[:end])]
    return ends[-1] if ends else 0


_LABEL = re.compile(r"^[\s#*>]*([^\W\d_][^:]{1,38}):\s*\S")


def _labelled(folded: str) -> bool:
    """The line is a field's label and its value ("Cơ quan ban hành: Ủy ban nhân dân xã Vĩnh Am", "Ký bởi: …"), as a
    web page's or a signature's details give them above the plan: the body named there is not the header's issuer
    (which opens its line: "ỦY BAN NHÂN DÂN XÃ VĨNH AM Số: 97/KH-UBND …" has its colon after the body's name)."""
    m = _LABEL.match(folded)
    return m is not None and "uy ban nhan dan" not in m.group(1) and not m.group(1).startswith("ubnd")


def _numeric_date(folded: str) -> re.Match[str] | None:
    m = _DATE_NUMERIC.search(folded)
    if m is None:
        return None
    placed = _PLACE_BEFORE.search(folded[: m.start()]) or (
        (cut := _after_motto(folded, m.start())) and _PLACE_OPENS.match(folded[cut : m.start()]))
    return m if placed else None


_YEAR_BEFORE_MONTH = re.compile(r"ng\w{1,2}y\s+(\d{4})\s+th\w{1,3}ng\s*\d{0,2}\s*n\w{1,2}m\s*$")
_SYMBOL_FIRST = re.compile(r"^\s*/\s*[^\W\d_]{1,6}\s*-\s*[^\W\d_]{2,8}\s*")
_CAPWORD = re.compile(rf"[{UPPER}][^\s,;:.()]*")


def _words_upper(text: str) -> str:
    """Leading run of ALL-CAPS words (a unit's name in a header line, before the motto column begins)."""
    out: list[str] = []
    for w in text.split():
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or squash(w) in ("cong", "doc"):
            break  # the motto column ("CỘNG HÒA ...", "Độc lập ...") begins
        out.append(w)
    return " ".join(out)


def _capitalised(text: str, limit: int = 5) -> str:
    """Leading run of Capitalised words ("An Hải 6 tháng" → "An Hải")."""
    out = []
    for raw in text.split()[:limit]:
        # "./." closes a document's text (NĐ 30/2020, Phụ lục I): "… của Ủy ban nhân dân xã Hà Bắc./." names Hà Bắc
        w = raw.strip(",.;:()\"'“”‘’*#/")
        if not _CAPWORD.fullmatch(w) or squash(w) in ("cong", "doc"):
            break
        out.append(w)
        if raw.rstrip("\"'“”‘’*#)").endswith((".", ";", ":", "!", "?")):
            break  # "... của Ủy ban nhân dân xã Hà Bắc. Yêu cầu ...": the next sentence's first word is not the name's
    return " ".join(out)


def unit_type(word: str) -> str:
    w = squash(word)
    return _TYPE.get(w, "phuong" if w.startswith("ph") else w)


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def find_unit_mentions(view: View, start: int = 0, end: int | None = None,
                       words: re.Pattern[str] = UNIT_WORD) -> list[tuple[int, str, str]]:
    """(line index, unit type, name) for each "phường X" / "xã X" / "đặc khu X" with a capitalised name (or each
    mention of ``words``: the unit types that no longer exist, "thị trấn X")."""
    end = len(view.texts) if end is None else end
    out = []
    for i in range(start, end):
        motto: list[tuple[int, int]] | None = None  # looked for only in a line that has a unit word
        for m in words.finditer(view.folded[i]):
            if motto is None:
                motto = [(a.start(), a.end()) for a in _motto_re().finditer(view.folded[i])]
            if any(a <= m.start() < b for a, b in motto) or motto_tail(view.folded[i][m.start() :]):
                continue  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" names no commune
            original_after = view.texts[i][m.end() :]
            if i + 1 < len(view.texts) and len(original_after.split()) < 3:
                nxt = view.next_nonblank(i)
                if nxt is not None:
                    original_after += " " + view.texts[nxt]
            name = _capitalised(original_after)
            if name and not name.isdigit():
                out.append((i, unit_type(m.group(1)), name))
    return out


@lru_cache(maxsize=1)  # the conventions are loaded once
def _motto_re() -> re.Pattern[str]:
    squashed = [squash(p) for p in conventions().motto]
    phrases = [r"\W+".join(re.escape(w) for w in p.split()) for p in squashed]
    return re.compile(opening(squashed) + "(?:" + "|".join(phrases) + ")")


@lru_cache(maxsize=1)
def _motto_tails() -> tuple[str, ...]:
    """The national name from a unit word on ("xa hoi chu nghia", of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): a
    narrow column wraps the motto after "CỘNG HÒA", and its next line then opens with "XÃ HỘI", no commune."""
    out = []
    for phrase in (squash(p).split() for p in conventions().motto):
        out += [" ".join(phrase[k : k + 4]) for k in range(1, len(phrase) - 3) if UNIT_WORD.match(phrase[k] + " ")]
    return tuple(out)


def motto_tail(folded: str) -> bool:
    """``folded`` (from a unit word on) is the national name's end, not a unit's name."""
    sq = squash(folded)
    return any(sq.startswith(t) for t in _motto_tails())


@lru_cache(maxsize=1)
def _motto_openings() -> tuple[str, ...]:
    """The first two words of each motto phrase: a column wrapped after them ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" /
    "VIỆT NAM") still begins the motto."""
    return tuple(" ".join(squash(p).split()[:2]) for p in conventions().motto)


def _opens_motto(text: str) -> bool:
    sq = squash(text.strip("#*> "))
    return any(sq == o or sq.startswith(o + " ") for o in _motto_openings())


def _ends_motto(view: View, j: int) -> bool:
    """Line ``j`` is the end of a motto phrase that a line just above breaks off ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"
    ... "NAM": an OCR of a two-column header puts the national name's last word on a line of its own)."""
    words = squash(view.texts[j].strip("#*> ")).split()
    for k in range(max(0, j - 3), j):
        above = squash(view.texts[k]).split()  # the phrase's start, whole or its last words ("VIỆT" alone)
        for phrase in (squash(p).split() for p in conventions().motto):
            n = len(phrase) - len(words)
            m = min(len(above), n)
            if n > 0 and m > 0 and phrase[n:] == words and above[-m:] == phrase[n - m : n]:
                return True
    return False


def _name_goes_on(view: View, i: int, limit: int) -> str:
    """The rest of a unit's name wrapped onto the next line of a narrow column ("ỦY BAN NHÂN DÂN XÃ KIM" /
    "THÀNH"): one or two capitalised words alone in the left column, which neither open the motto nor name a
    body or a level, nor carry a figure; else ""."""
    j = i + 1
    while j < limit and view.is_blank(j):
        j += 1
    if j >= limit:
        return ""
    if view.kinds and view.kinds[j] != "header":
        return ""  # the title ("KẾ HOẠCH") or the body begins
    col = columns(view.texts[j].strip())[0].strip("#*> ")
    words = col.split()
    if (not 1 <= len(words) <= 2 or any(c.isdigit() for c in col) or not _upperish(col) or _opens_motto(col)
            or _ends_motto(view, j)):
        return ""
    sq = squash(col)
    starts = [squash(b) for b in conventions().issuer_bodies] + [w for w, _lv, _t in _level_words()]
    if (any(sq == w or sq.startswith(w + " ") for w in starts) or NUMBER_LABEL.search(fold(col))
            or names_doc_type(col)):
        return ""
    return _words_upper(col)


def _level_words() -> list[tuple[str, str, str | None]]:
    """(squashed word, level, unit type) for every issuer word of rules/conventions.yaml, longest first."""
    out = [(squash(w), lv.level, lv.unit_type) for lv in conventions().issuer_levels for w in lv.words]
    return sorted(out, key=lambda t: -len(t[0]))


def issuer_level(issuer: str) -> tuple[str | None, str | None, str]:
    """(level, unit type, the unit's name as written) of an issuer ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" → province).

    The earliest level word decides (the longest where two start together: "TỈNH ỦY" is the party's)."""
    sq = squash(issuer)
    best: tuple[int, int, str, str | None, str] | None = None
    for word, level, utype in _level_words():
        m = re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", sq)
        if m and (best is None or m.start() < best[0] or (m.start() == best[0] and len(word) > best[1])):
            best = (m.start(), len(word), level, utype, sq[m.end():].strip())
    if best is None:
        return None, None, ""
    return best[2], best[3], best[4]


def _general_issuer(view: View, limit: int) -> tuple[str, int, int, str] | None:
    """The issuer block of any body (province, ministry, Government, Party, steering committee): its first-column
    lines from a body's name to the number line, the motto and the number skipped. (text, first, last index, the
    issuing body's own lines: under a parent body's name, NĐ 30/2020 "cơ quan chủ quản", the last line that
    begins with a body's name: "TỈNH ỦY BẮC NINH" / "BAN CHỈ ĐẠO ...")"""
    bodies = sorted((squash(b) for b in conventions().issuer_bodies), key=len, reverse=True)
    motto = _motto_re()
    lines: list[int] = []
    cols: list[str] = []
    for i in range(min(limit, 14)):
        if view.is_blank(i):
            if lines:
                break
            continue
        col = columns(view.texts[i].strip("#*> "))[0]
        cut = NUMBER_LABEL.search(fold(col))
        col = col[: cut.start()].strip() if cut else col
        mm = motto.search(fold(col))
        col = col[: mm.start()].strip() if mm else col  # the motto column run into this one
        sq = squash(col)
        if lines and _opens_motto(col):
            break  # the motto wrapped in its own column, read down the first
        if not sq or sq in ("ke hoach", "du thao") or DATE.search(fold(col)):
            if lines:
                break
            continue
        if not lines:
            if any(sq == b or sq.startswith(b + " ") for b in bodies) and _upperish(col):
                lines.append(i)
                cols.append(col)
        elif _upperish(col) and len(lines) < 3:
            lines.append(i)
            cols.append(col)
        else:
            break
        if cut:
            break
    if not lines:
        return None
    named = [k for k, c in enumerate(cols) if any(squash(c) == b or squash(c).startswith(b + " ") for b in bodies)]
    return " ".join(cols), lines[0], lines[-1], " ".join(cols[named[-1]:])


def _left_column(squashed: str) -> bool:
    """A header line of the issuer's column: the issuer, the unit's name, the number."""
    return bool(squashed.startswith(("uy ban nhan dan", "ubnd")) or UNIT_WORD.match(squashed)
                or re.match(r"s[o06]\b", squashed))


def _upperish(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def parse_header(view: View, body_start: int, from_line: int = 0) -> Header:
    """Header parts from the lines before the first section (at most the first 40 lines; with ``from_line``, the
    first line of a plan sent under a cover letter, the 40 from there and none before it)."""
    start = next((i for i in range(len(view.texts)) if view.line_no(i) >= from_line), 0) if from_line else 0
    limit = min(body_start, start + 40, len(view.texts))
    mine = [i for i in range(start, limit) if view.line_no(i) >= from_line]  # a header's two columns, in turn
    h: dict[str, object] = {}
    issuer_at: int | None = None  # the logical line of "ỦY BAN NHÂN DÂN"
    top = " ".join(view.squashed[i] for i in mine)
    # a two-column header wraps each column on its own: the motto read down the right column too
    right = " ".join(squash(t if re.match(r"\s{8}", t) else " ".join(columns(t)[1:]))
                     for t in (view.texts[i] for i in mine) if t.strip())
    # text taken from a PDF without its layout may give the two columns' lines in turn ("CỘNG HÒA XÃ HỘI CHỦ
    # NGHĨA" / "PHƯỜNG X" / "VIỆT NAM"): the right column is then the lines that are not the left column's
    others = " ".join(view.squashed[i] for i in mine if not _left_column(view.squashed[i]))
    h["national_motto"] = any(contains(t, "cong hoa xa hoi chu nghia viet nam", 80) and contains(
        t, "doc lap tu do hanh phuc", 78) for t in (top, right, others))
    for i in mine:
        f = view.folded[i]
        sq = view.squashed[i]
        if "doc_type_line" not in h and "issuer" not in h and not _labelled(f) and (
                contains(sq[:40], "uy ban nhan dan", 85) or re.match(r"ubnd (phuong|xa|dac khu)\b", sq)):
            h["issuer"] = _words_upper(view.texts[i].lstrip("#*> ")) or view.texts[i].strip("#*> ")
            h["issuer_line"] = view.line_no(i)
            issuer_at = i
        # the unit's line: "PHƯỜNG X" alone, or after "ỦY BAN NHÂN DÂN" on the same line (Markdown "# ...")
        head = re.match(r"^[\s#*>]*(?:(?:uy ban nhan dan|ubnd)\s+)?", f)
        lead = head.end() if head else 0
        m = UNIT_WORD.match(f[lead:])
        # near the top, or just under the issuer's line wherever it stands (under a mail's forwarding lines, a
        # covering note: "ỦY BAN NHÂN DÂN" / "XÃ HẢI HƯNG" as the 20th and 21st lines)
        near = i - start < 12 or (issuer_at is not None and i - issuer_at <= 2)
        if "unit_name" not in h and m and near and not motto_tail(f[lead:]):
            rest = view.texts[i][lead + m.end() :]
            cut = NUMBER_LABEL.search(fold(rest))  # OCR "XÃ GIA PHÚC S6: 81/KH-UBND": the number glued on
            rest = rest[: cut.start()] if cut else rest
            name = _words_upper(columns(rest)[0] if rest.strip() else rest)  # the left column only
            more = _name_goes_on(view, i, limit) if name and name == columns(rest)[0].strip(" *#") else ""
            if more and len(name.split()) + len(more.split()) <= 4:
                name = f"{name} {more}"
                if h.get("issuer_line") == view.line_no(i):
                    h["issuer"] = f"{h['issuer']} {more}"
            if name:
                h["unit_type"] = unit_type(m.group(1))
                h["unit_name"] = title_case(name)
                h["unit_line"] = view.line_no(i)
                if i > 0 and "issuer" in h and h.get("issuer_line") == view.line_no(i - 1):
                    h["issuer"] = f"{h['issuer']} {view.texts[i][: lead + m.end()].strip()} {name}"
                h.setdefault("issuer_line", view.line_no(i))
        mn = NUMBER.search(f)
        if mn is None and "number" not in h and i < 12:
            mn = _bare_number(f)
        if mn is None and "number" not in h and i + 1 < limit and _LABEL_ALONE.search(f):
            # "Số:" / "/KH-UBND": a draft's blank number, its label and symbol apart (text taken from a PDF)
            mn = NUMBER.search(f"{f} {view.folded[i + 1]}")
            mn = mn if mn is not None and mn.start() < len(f) and not mn.group(1) else None
            f = f if mn is None else f"{f} {view.folded[i + 1]}"
        if "number" not in h and mn:
            symbol = f"{view.texts[i]} {view.texts[i + 1]}" if len(f) > len(view.folded[i]) else view.texts[i]
            h["number"] = f"{mn.group(1)}/{symbol[mn.start(2) : mn.end(2)].replace(' ', '')}"
            h["number_blank"] = not mn.group(1)
            h["number_line"] = view.line_at(i, mn.start())  # a block may join the unit's line and the number's
        mp = None if mn or "number" in h or i >= 12 else PARTY_NUMBER.match(f)
        if mp:
            h["number"] = f"{mp.group(1)}-{view.texts[i][mp.start(2) : mp.end(2)].replace(' ', '')}"
            h["number_blank"] = not mp.group(1)
            h["number_line"] = view.line_at(i, mp.start())
        f = view.folded[i]
        md = DATE.search(f)
        if md is None and "date_line" not in h:
            md = _numeric_date(f)
        if md is None and "date_line" not in h and (moved := _YEAR_BEFORE_MONTH.search(f)):
            # "Tiên Lãng, ngày 2025 tháng 9 năm": a draft's blank day, the year's block read before the month's
            f = f"{f[: moved.start(1)]}{f[moved.end(1) :].strip()} {moved.group(1)}"  # the same length: quoted as is
            md = DATE.search(f)
            f = view.folded[i] if md is None else f
        if md is None and "date_line" not in h and i + 1 < limit and re.search(r"ng\w{1,2}y\s*\d*", f):
            # "Lê Đại Hành, ngày 05 tháng" / "9 năm 2025": the date wrapped in a narrow column
            f = f + " " + view.folded[i + 1]
            md = DATE.search(f)
            if md is not None and md.start() >= len(view.folded[i]):
                md = None
        if md is not None and in_brackets(f, md.start()):
            # "(Bản trình lãnh đạo cho ý kiến, ngày 19 tháng 9 năm 2025)": a note's date (a draft's, a copy's), not the
            # date of signing, which NĐ 30/2020 writes "Địa danh, ngày … tháng … năm …", never in brackets
            md = None
        if "date_line" not in h and md:
            day, month, year = md.group(1), md.group(2), md.group(3)
            original = view.texts[i] + (" " + view.texts[i + 1] if len(f) > len(view.folded[i]) else "")
            h["date_text"] = original[md.start() : md.end()].strip()
            h["date_line"] = view.line_no(i)
            h["year"] = int(year)
            h["month"] = int(month) if month and 1 <= int(month) <= 12 else None
            h["date_blank"] = not (day and month)
            if day and month:
                h["date"] = parse_date(day, month, year)
            before = view.texts[i][: md.start()]
            if mn and mn.end() <= md.start():
                before = view.texts[i][mn.end() : md.start()]
            motto_end = _after_motto(f, md.start())  # a header run into one line: the place follows the motto
            before = view.texts[i][max(motto_end, md.start() - len(before)) : md.start()]
            before = _SYMBOL_FIRST.sub("", before)  # "/KH-UBND Cát Hải, ngày": the number's symbol before the place
            # the place opens the date's column: what stands before it in another column (an inbound stamp's "Ngày:
            # 27/9/2025" OCRed between the header's columns) is not the place
            h["place"] = columns(before)[-1].strip(" ,") or None
        named = document_type_of(view.texts[i]) if "doc_type_line" not in h else None
        run_in = _type_then_title(view.texts[i]) if named is None and "doc_type_line" not in h else None
        if named is not None:  # "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG", "BÁO CÁO", "TỜ TRÌNH", "QUYẾT ĐỊNH"
            h["doc_type"] = named.name
            h["doc_type_line"] = view.line_no(i)
            title, title_line = _title(view, i, body_start)
            title = without_draft_mark(title)
            if title:
                h["title"], h["title_line"] = title, title_line
        elif run_in is not None:  # "KẾ HOẠCH Ứng dụng công nghệ thông tin …": a web page's copy runs them together
            h["doc_type"], h["title"] = run_in
            h["doc_type_line"] = h["title_line"] = view.line_no(i)
        if "doc_type" not in h and "letter_line" not in h and opens_letter_subject(view.folded[i]):
            h["letter_line"] = view.line_no(i)
    if "unit_name" in h:
        h["issuer_level"] = "commune"
    else:
        general = _general_issuer(view, limit)
        if general is not None:
            text, first, last, own = general
            level, utype, name, written = _issuing_body(own)  # the issuing body's level, not its parent's
            if level is None:
                level, utype, name = issuer_level(text)
                written = text
            h["issuer"], h["issuer_line"], h["issuer_level"] = text, view.line_no(first), level
            if level == "commune" and utype and name:
                words = written.split()[-len(name.split()):]
                h["unit_type"], h["unit_name"], h["unit_line"] = utype, title_case(" ".join(words)), view.line_no(last)
    if "doc_type" not in h and h.get("number"):
        by_symbol = document_type_by_symbol(str(h["number"]))  # "312/BC-UBND", "05-KH/ĐU"
        if by_symbol is not None:
            h["doc_type"] = by_symbol.name
    if "doc_type" not in h and "letter_line" in h:
        h["doc_type"] = next((dt.name for dt in conventions().document_types if dt.letter), None)
    h.pop("letter_line", None)
    h["party_motto"] = any(_party_motto_re().search(view.squashed[i]) for i in mine)
    # the mark stands above the header, or just above a covered plan's own header (after the cover's closing)
    around = [*range(max(0, start - 3) if from_line else start, start), *mine]
    if any(_marks_draft(view.squashed[i]) for i in around):
        h["draft"] = True
    noted = [line for i in around if (line := _draft_note_at(view, i)) is not None]
    if noted:
        h["draft"], h["draft_line"] = True, noted[0]
    return Header(**h)  # type: ignore[arg-type]


# a bracket closing a header's line: the draft's mark may stand so under the title, the reader joining it to the
# title's last line ("… 6 tháng cuối năm 2025 (Dự thảo lần 2)")
_BRACKET_END = re.compile(r"\(([^()]{1,40})\)\s*$")


def _draft_bracket(text: str) -> re.Match[str] | None:
    """A draft's mark in brackets closing ``text`` ("… 6 tháng cuối năm 2025 (Dự thảo lần 2)"), or None."""
    m = _BRACKET_END.search(text)
    return m if m and _marks_draft(squash(m.group(1))) else None


def _draft_note_at(view: View, i: int) -> int | None:
    """The source line of a draft's mark typed in brackets closing logical line ``i`` ("(Dự thảo lần 2)" under the
    title, the reader joining it to the title's last line); None where there is none. A mark on a line of its own
    ("DỰ THẢO", a stamp a template may leave, as a text box) is not one."""
    m = _draft_bracket(view.folded[i])
    return view.line_at(i, m.start()) if m else None


def without_draft_mark(title: str) -> str:
    """The trích yếu without a draft's mark in brackets closing it."""
    m = _draft_bracket(title)
    return title[: m.start()].rstrip() if m else title


def _marks_draft(squashed: str) -> bool:
    """The line is a draft's mark (rules/conventions.yaml ``draft_markers``): the marker alone, or followed by its
    round ("DỰ THẢO LẦN 2", ``draft_rounds``) or a figure ("Dự thảo 2"), whatever follows them."""
    rounds = [squash(r) for r in conventions().draft_rounds]
    for marker in (squash(d) for d in conventions().draft_markers):
        rest = squashed[len(marker) :] if squashed.startswith(marker) else None
        if rest == "" or (rest and rest[0] == " " and (rest[1:2].isdigit() or rest.split()[0] in rounds)):
            return True
    return False


def opens_letter_subject(folded: str) -> bool:
    """The line opens a letter's subject ("V/v triển khai ...", rules/conventions.yaml ``letter_subject``)."""
    text = folded.lstrip(" #*>")
    return any(text.startswith(m) and text[len(m) : len(m) + 1] in (" ", "")
               for m in (fold(m) for m in conventions().letter_subject))


@lru_cache(maxsize=1)
def _party_motto_re() -> re.Pattern[str]:
    phrases = [re.escape(squash(p)) for p in conventions().party_motto]
    return re.compile(r"(?<![a-z])(?:" + "|".join(phrases) + r")(?![a-z])") if phrases else re.compile(r"(?!)")


def _issuing_body(own: str) -> tuple[str | None, str | None, str, str]:
    """(level, unit type, the unit's name, the words it is written in) of the issuing body's lines. Bodies issuing
    jointly (a "liên tịch" document: "ĐẢNG ỦY XÃ HỢP TIẾN - UBND XÃ HỢP TIẾN", each name opening with a body's word,
    NĐ 30/2020 Phụ lục I) are read each on its own: the commune's People's Committee among them is the unit."""
    bodies = sorted((squash(b) for b in conventions().issuer_bodies), key=len, reverse=True)
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+", own) if p.strip()]
    joint = len(parts) > 1 and all(any(squash(p) == b or squash(p).startswith(b + " ") for b in bodies) for p in parts)
    for part in parts if joint else []:
        level, utype, name = issuer_level(part)
        if level == "commune" and utype and name:
            return level, utype, name, part
    level, utype, name = issuer_level(own)
    return level, utype, name, own


def _type_then_title(text: str) -> tuple[str, str] | None:
    """The type name in capitals and the trích yếu after it on the same line, in sentence case, as a web page's copy
    of the document runs the title block together ("KẾ HOẠCH Ứng dụng công nghệ thông tin và chuyển đổi số …"), or
    the whole block in capitals on one line ("KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ TRONG …"): the
    type's name and the title; None for any other line (a type with a qualifier of a few words in capitals is a type,
    "KẾ HOẠCH HÀNH ĐỘNG"; "Kế hoạch này …" and "KẾ HOẠCH số 215/KH-UBND …" are sentences)."""
    words = text.strip(" \t#*>_").split()
    for n in range(1, min(4, len(words))):
        name, title = " ".join(words[:n]), " ".join(words[n:])
        if not name.isupper() or (dt := document_type_of(name)) is None:
            continue
        rest = title.split()
        if rest[0][:1].isdigit() or squash(rest[0]) == "so":
            continue
        if len(rest) >= 4 and rest[0][:1].isupper() and rest[0][1:].islower() and not title.isupper():
            return dt.name, title
        if len(rest) > TYPE_QUALIFIER_WORDS and title.isupper():
            return dt.name, title
    return None


def _title(view: View, i: int, body_start: int) -> tuple[str, int | None]:
    """The trích yếu under the type name's line ``i``: the reader's title block after it, where the reader found the
    type name (checker/ingest/layout.py ends the block where the trích yếu ends); else the lines after it up to a
    blank line, a preamble's "Căn cứ" or "Thực hiện", or a closed sentence."""
    if view.kinds and view.kinds[i] == "title":
        lines = [j for j in range(i + 1, min(body_start, len(view.texts), i + 6)) if view.kinds[j] == "title"]
        lines = [j for n, j in enumerate(lines) if j == i + 1 + n]  # the title blocks right after the type name
        if not lines:
            return "", None
        return " ".join(view.texts[k].strip() for k in lines), view.line_no(lines[0])
    lines = []
    j = i + 1
    while j < min(body_start, len(view.texts)) and len(lines) < 5:
        if view.is_blank(j):
            if lines and not view.double_spaced:
                break
            j += 1
            continue
        sq = view.squashed[j]
        if lines and (re.match(r"(th\w{1,2}c h\w{1,3}n|can c\w{0,2})\b", sq) or _marks_draft(sq)):
            break  # a preamble, or the draft's mark under the title ("(Dự thảo lần 2)"): not the trích yếu
        lines.append(j)
        if view.texts[j].rstrip().endswith((".", ";")):
            break
        j += 1
    if not lines:
        return "", None
    return " ".join(view.texts[k].strip() for k in lines), view.line_no(lines[0])


_POSITION = re.compile(r"\b(pho chu tich|chu tich)\b")


@lru_cache(maxsize=1)
def _authority() -> re.Pattern[str]:
    """"TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG": a mark (``signers.marks``: as NĐ 30/2020 writes it, or as older
    templates do, "T/M ỦY BAN NHÂN DÂN"), then a body or a head (``signers.authorities``); on folded text. Group 1
    is the mark as written."""
    signers = conventions().signers
    words = sorted((squash(w) for w in signers.authorities), key=len, reverse=True)
    standard = [fold(m).rstrip(".") for m in signers.marks]
    others = sorted({fold(v) for vs in signers.marks.values() for v in vs}, key=len, reverse=True)
    alts = [rf"{re.escape(m)}\s*[.,]" for m in sorted(standard, key=len, reverse=True)] + [
        rf"{re.escape(v)}(?=\s)" for v in others]
    heads = "|".join(re.escape(w) for w in words)
    return re.compile(rf"{opening([*standard, *others])}\b({'|'.join(alts)})\s*({heads})\b")


def mark_of(written: str) -> str | None:
    """The mark of authority NĐ 30/2020 writes for a mark as written (``signers.marks``: "T/M" → "TM.", "KT," →
    "KT."), with or without its full stop or a comma after it; None where it is no mark of ``signers.marks``."""
    key = fold(written).replace(" ", "").rstrip(".,")
    return next((mark for mark, variants in conventions().signers.marks.items()
                 if key == fold(mark).rstrip(".") or key in (fold(v).replace(" ", "").rstrip(".,") for v in variants)),
                None)


def standard_mark(written: str) -> str | None:
    """The mark of authority NĐ 30/2020 writes for ``written`` (``mark_of``: "T/M" → "TM."), None where it is that
    mark already ("TM.", "TM,") or not a mark of ``signers.marks``."""
    mark, key = mark_of(written), fold(written).replace(" ", "")
    if mark is None or (key[-1:] in (".", ",") and key.rstrip(".,") == fold(mark).rstrip(".")):
        return None
    return mark


def _column_position(text: str) -> str | None:
    """The signer's position written as a column of its own ("THỨ TRƯỞNG"), after a mark or alone."""
    positions = {squash(p) for p in conventions().signers.positions}
    for col in columns(text):
        sq = re.sub(r"^(?:tm|kt|q|tl|tuq) ", "", squash(col))
        if sq in positions:
            return sq
    return None
_NAME = re.compile(rf"^[{UPPER}]\w*(?:\s+[{UPPER}]\w*){{1,4}}$")


def columns(text: str) -> list[str]:
    """The columns of a line of a two-column block (header, signature), split where wide spacing or a tab is."""
    return [c.strip() for c in re.split(r"\t+|\s{3,}", text.strip()) if c.strip()] or [text.strip()]


# "(Ban hành kèm theo Quyết định số ...)" or, as many offices write it, "(Kèm theo Quyết định số ...)", on a squashed
# line; the decision's own article says "Ban hành kèm theo Quyết định này ..."
ISSUED_WITH = r"\bkem theo (?:quyet dinh|qd)\b(?! nay\b)"
_ISSUED_WITH = re.compile(ISSUED_WITH)


def _closes(view: View, i: int) -> bool:
    """Line ``i`` belongs to a document's closing: "Nơi nhận:" or a mark of authority ("TM. ỦY BAN NHÂN DÂN")."""
    return bool(RECIPIENTS.match(view.squashed[i]) or _authority().search(view.folded[i]))


def _first_closing(view: View, start: int = 0) -> int | None:
    """Index of the first closing line (``_closes``) from ``start``, or None."""
    return next((i for i in range(start, len(view.texts)) if _closes(view, i)), None)


def attached_plan(view: View) -> int | None:
    """Index of the "KẾ HOẠCH" line of a plan issued with a decision in the same file: the decision first ("QUYẾT
    ĐỊNH / Ban hành Kế hoạch ...", Điều 1. Ban hành kèm theo ..., its signature and Nơi nhận), then the plan under
    its own header with "(Ban hành kèm theo Quyết định số ... ngày ...)" below its title (NĐ 30/2020: a document
    issued with another has no number, date, signature or Nơi nhận of its own: they are the decision's)."""
    closing = _first_closing(view)
    for i in range(len(view.texts) if closing is None else closing + 1, len(view.texts)):
        if (named := document_type_of(view.texts[i])) is not None and named.plan and any(
                _ISSUED_WITH.search(view.squashed[j]) for j in range(i + 1, min(i + 8, len(view.texts)))):
            return i
    return None


def covered_plan(view: View) -> int | None:
    """Line number of the first line of a plan's own header where a cover letter comes first in the same file: the
    letter (its subject "V/v gửi Kế hoạch ..." under its number, rules/conventions.yaml ``letter_subject``, then
    Kính gửi, its text, Nơi nhận and signature), then the plan with its own issuer, number, date and "KẾ HOẠCH"
    (NĐ 30/2020: the letter is the vehicle, the plan the document sent and checked). So too where a copy's own block
    comes first ("SAO Y BẢN CHÍNH", "Số: 15/SY-UBND", its date, Nơi nhận and signer: ``layout.copy_mark``), as an
    e-office system puts it on the first page of a copy it signs: the copy's number and date are not the plan's. So
    too where the office's Tờ trình asking for the plan to be signed comes first, as the file sent up for signature
    holds it (any type other than the plan's named in the first document's title block: ``_other_document``), even
    where that Tờ trình closes with no Nơi nhận nor mark of authority (its signer's title and name alone)."""
    markers = [fold(m) for m in conventions().letter_subject]
    closing = None
    for i in range(min(len(view.texts), 40)):
        if _closes(view, i):
            closing = i
            break
        if view.squashed[i] in ("ke hoach", "ke hoach:"):
            other = next((k for k in range(i) if _other_document(view.texts[k])), None)
            return None if other is None else _own_header(view, other + 1)  # else a plan first: no cover
    first = next((i for i in range(closing or 0) if copy_mark(view.texts[i]) or _other_document(view.texts[i]) or any(
        view.folded[i].lstrip(" #*>").startswith(m) for m in markers)), None)
    if closing is None or first is None:
        return None
    return _own_header(view, closing + 1)


def _own_header(view: View, start: int) -> int | None:
    """Line number of the first line of the plan's own header from index ``start`` on (its issuer, else its number
    "Số: …", above its "KẾ HOẠCH"), or None."""
    number = None
    for j in range(start, min(len(view.texts), start + 39)):
        if number is None and NUMBER_LABEL.search(view.folded[j]):
            number = j
        elif number is not None and view.squashed[j] in ("ke hoach", "ke hoach:"):
            issuer = next((k for k in range(max(start, number - 4), number)
                           if contains(view.squashed[k][:40], "uy ban nhan dan", 85)), None)
            return view.line_no(issuer if issuer is not None else number)
    return None


def _other_document(text: str) -> bool:
    """The line is a title block's type name of a document other than the plan ("TỜ TRÌNH", "BÁO CÁO": NĐ 30/2020,
    Điều 7; rules/conventions.yaml ``document_types``)."""
    named = document_type_of(text)
    return named is not None and not named.plan


def _a_third_in(view: View) -> int:
    """Index of the line a third of the way through the text, by its characters: a table whose cells came one to
    a line (a .docx walked paragraph by paragraph) makes many short lines of an appendix, not a longer plan."""
    total = sum(len(t) for t in view.texts)
    seen = 0
    for i, t in enumerate(view.texts):
        seen += len(t)
        if 3 * seen >= total:
            return i
    return len(view.texts)


def appendix_start(view: View) -> int:
    """Index of the line where an appendix after the closing begins ("PHỤ LỤC ...", a form to fill in "Biểu mẫu số
    01": rules/conventions.yaml ``attachment_labels``), or the end of the text."""
    closing = _first_closing(view, _a_third_in(view))
    if closing is not None:
        labels = attachment_label()
        for i in range(closing + 2, len(view.texts)):
            if labels.match(view.squashed[i]):
                return i
    return len(view.texts)


def copy_start(view: View) -> int | None:
    """Index of the line where a copy's own block begins after the plan's closing (NĐ 30/2020/NĐ-CP, Điều 25-27, Phụ
    lục I: the copying body's name, "Số: 15/SY-UBND", "SAO Y BẢN CHÍNH", its place and date, Nơi nhận and signer,
    ``copy_forms``, ``copy_symbols``), or None: the plan's closing is the one before it. The block opens with the
    copying body's name in capitals, one or two lines above the form or the number."""
    closing = _first_closing(view, _a_third_in(view))
    if closing is None:
        return None
    i = next((i for i in range(closing + 1, len(view.texts)) if copy_mark(view.texts[i])), None)
    if i is None:
        return None
    start = i
    while start - 1 > closing and i - start < 2 and copier(view.texts[start - 1]) and not _signers_name(view,
                                                                                                    start - 1):
        start -= 1
    return start


def _signers_name(view: View, i: int) -> bool:
    """Line ``i``, in capitals, is a person's name ("VŨ ĐỨC LONG", no body's word in it) under a line that is not in
    capitals (the signer's position, "CHỦ TỊCH", is not a copying body's name): the plan's signer, typed in capitals
    right above the copy's block, not the second line of the copying body's name."""
    text = view.texts[i].strip()
    above = next((view.texts[k] for k in range(i - 1, -1, -1) if view.texts[k].strip()), "")
    return bool(_NAME.match(text)) and not BODY_IN_CAPITALS.search(squash(text)) and not copier(above)


# the archive line of "Nơi nhận" ("- Lưu: VT, VHXH.") with the signer's name after its full stop, the two columns of
# the closing flattened into one line by a single space
_ARCHIVE_THEN_NAME = re.compile(r"^.*?[.;]\s+(\S[^.;]*)$")


def parse_signature(view: View, start: int, end: int | None = None, indices: list[int] | None = None) -> Signature:
    """The signature block in lines ``start``..``end`` of the view, or in ``indices`` (in reading order: a
    two-column closing's right column may come after the lines that follow it)."""
    s: dict[str, object] = {}
    end = len(view.texts) if end is None else end
    order = list(range(start, end)) if indices is None else indices
    deputies = {squash(d) for d in conventions().signers.deputies}
    marks: list[tuple[str, int]] = []
    titles: list[tuple[str, int]] = []  # the positions written as the block's own column, below its mark
    position_at: int | None = None  # the line of the signer's position, where one is found
    authority_at: int | None = None  # the line of the mark of authority ("TM. ỦY BAN NHÂN DÂN"), where one is found
    for i in order:
        f = view.squashed[i]
        ma = _authority().search(view.folded[i])
        if ma:
            marks.append((view.texts[i][ma.start(1) : ma.end(1)].strip(), view.line_no(i)))
        if ma and "authority" not in s:
            s["authority"] = view.texts[i][ma.start() : ma.end()].strip()
            s["line"] = view.line_no(i)
            authority_at = i
        mp = _POSITION.search(f)
        alone = _column_position(view.texts[i])  # a column that is only a position: the signer's, even with no mark
        title = _column_position(_last_column(view, i)) if authority_at is not None else None
        if title:
            titles.append((title, view.line_no(i)))
        pos = mp.group(1) if mp else alone
        if pos and ("position" not in s or pos in deputies):
            if "authority" in s or "kt" in f:
                s["position"] = pos.upper()
                position_at = i
            elif alone:
                s["position"] = alone.upper()
                s.setdefault("line", view.line_no(i))
                position_at = i
    last = True  # no text yet below, in reading order, but the closing's own (its position, "(Đã ký)")
    # the name is below the block's opening (its mark of authority, else the position), never above it: a part's
    # heading in the body ("Chương III") is not a signer where the closing has no name
    # (where the mark itself stands in reading order, or the closing's "Nơi nhận" before it: a Word table of the
    # closing may give its left cell's last line, the name, before the mark of its right cell)
    opened = order.index(authority_at) if authority_at is not None else (
        order.index(position_at) if position_at is not None else None)
    recipients = next((k for k, i in enumerate(order) if RECIPIENTS.match(view.squashed[i])), None)
    if opened is not None and recipients is not None and recipients < opened:
        opened = recipients
    for i in reversed(order[-25:]):
        if opened is not None and order.index(i) < opened:
            break
        # the signature block is the right column of a two-column block ("- Lưu: VT, VHXH.      Nguyễn Văn A")
        t = _last_column(view, i)
        glued = _ARCHIVE_THEN_NAME.match(t) if re.match(r"[-–+\s]*luu\b", view.folded[i]) else None
        t = glued.group(1) if glued else t  # "- Lưu: VT, VHXH. Nguyễn Văn A": the columns joined by one space
        t = _name_after_position(t) or t  # "… TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Phạm Văn Toàn": the closing on one line
        if (t and _NAME.match(t) and (not t.isupper() or _name_in_capitals(view, t, i, position_at, order, last))
                and not contains(squash(t), "uy ban nhan dan")
                and not _POSITION.search(squash(t))):  # a person's name, not "CHỦ TỊCH" or the body
            s["name"] = t
            s.setdefault("line", view.line_no(i))
            break
        closing = _POSITION.search(squash(t)) or _authority().search(view.folded[i])
        last = last and (_no_words_beside(t) or closing is not None)
    return Signature(**s, marks=marks, titles=titles)  # type: ignore[arg-type]


def _last_column(view: View, i: int) -> str:
    """The right column of line ``i`` of a two-column closing: its last column, or for a table's row its last cell
    with text (the closing's table run into the table above it, as LibreOffice joins two tables a section break
    parted on saving a Word 97-2003 file: "Nơi nhận: … | | | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Đỗ Mạnh Cường | |")."""
    text = view.texts[i]
    if not text.strip():
        return ""
    if view.kinds and view.kinds[i] == "table" and CELL_JOIN in text:
        text = next((c for c in reversed(text.split(CELL_JOIN)) if c.strip()), "")
    return columns(text)[-1].strip("*_ ")


def _name_in_capitals(view: View, text: str, i: int, position_at: int | None, order: list[int], last: bool) -> bool:
    """A line in capitals is the signer's name where it is the first text below the signer's position (past blank
    lines and a bracketed "(Đã ký)"), or the last of the closing (``last``: a two-column closing read with its
    right column after), and names no body ("NGUYỄN VĂN AN": NĐ 30/2020 sets the name in lower case, but offices
    often type it in capitals; it is there)."""
    if position_at is None or not 2 <= len(text.split()) <= 5 or BODY_IN_CAPITALS.search(squash(text)):
        return False
    a, b = order.index(position_at), order.index(i)
    return last or a < b and all(_no_words_beside(view.texts[k]) for k in order[a + 1 : b])


# the word opening the archive item of "Nơi nhận" ("Lưu: VT, VP.", "- Lưu VT"), squashed ("luu"); its vowel one or two
# letters, as legacy fonts and OCR garble it
ARCHIVE_WORD = re.compile(r"l\w{1,2}u\b")


def _no_words_beside(text: str) -> bool:
    """A line between the position and the name: blank, "(Đã ký)", or an item of "Nơi nhận" in the left column of a
    two-column closing ("·  Sở Khoa học và Công nghệ;", "- Lưu: VT, VHXH."), with nothing in the right one."""
    cols = columns(text)
    if len(cols) == 1 and (re.match(r"[-–+·•]", cols[0]) or cols[0].endswith(";")
                           or ARCHIVE_WORD.match(squash(cols[0]))):
        return True
    return not re.search(r"\w", re.sub(r"\([^)]*\)", "", cols[-1] if len(cols) > 1 else cols[0]))


def _name_after_position(text: str) -> str | None:
    """The signer's name closing a line after the position in capitals, where the closing's lines run together
    (a web page's copy: "Nơi nhận: - …; - Lưu: VT, VHXH. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Phạm Văn Toàn"); None
    for any other line."""
    words = text.split()
    for n in range(2, 6):
        if len(words) <= n:
            break
        name, before = " ".join(words[-n:]), " ".join(words[:-n])
        if (_NAME.match(name) and not name.isupper() and words[-n - 1].isupper()
                and _position_last().search(squash(before))):
            return name
    return None


@lru_cache(maxsize=1)
def _position_last() -> re.Pattern[str]:
    """A signer's position (conventions ``signers.positions``) ending a squashed text, as a whole word."""
    alts = "|".join(re.escape(squash(p)) for p in conventions().signers.positions)
    return re.compile(rf"(?:^| )(?:{alts})$") if alts else re.compile(r"(?!)")


# the items of "Nơi nhận:" written on its own line, each after a dash: "Nơi nhận: - UBND thành phố; - Sở …; - Lưu: VT."
_INLINE_ITEMS = re.compile(r"(?:^|;)\s*[-–+]\s+")


def _archive(text: str) -> bool:
    """The archive item of "Nơi nhận" ("Lưu: VT, VP.", "Lưu VT"): its word, then a colon or the clerical office."""
    return bool(ARCHIVE_WORD.match(squash(text))) and (":" in text or " vt" in squash(text))


def parse_recipients(view: View, start: int, end: int | None = None) -> tuple[list[str], int | None]:
    """Items of "Nơi nhận:"; in flattened two-column text the signature block shares their lines; a web page's
    copy writes them on the label's line, each after a dash."""
    end = len(view.texts) if end is None else end
    for i in range(start, end):
        if RECIPIENTS.match(view.squashed[i]):
            out: list[str] = []
            inline = view.texts[i].split(":", 1)[1] if ":" in view.texts[i] else ""
            if re.match(r"\s*[-–+]\s", inline):
                for part in _INLINE_ITEMS.split(inline):
                    item = re.split(r"\s{3,}", part.strip(), maxsplit=1)[0].strip(" .")
                    if item:
                        out.append(item)
            undashed = True  # items typed without their dash, one to a line, right under the label
            for j in range(i + 1, min(end, i + 30)):
                t = view.texts[j].strip()
                marker, family = marker_of(t)
                if family == "bullet" or t.startswith(("-", "–", "+")):  # typed, or Word's bullet ("•")
                    item = re.split(r"[;}]|\s{3,}", t[len(marker):].lstrip("-–+ ").strip(), maxsplit=1)[0].strip(" .")
                    if item:
                        out.append(item)
                    undashed = False
                elif (first := re.split(r"\s{3,}", t, maxsplit=1)[0]) and (
                        undashed and first.endswith(";") or _archive(first)):
                    # "UBND thành phố;" … "Lưu: VT." without the dash NĐ 30/2020 sets before each (a list whose
                    # dashes were Word's numbering, lost in the copy): items while each ends as one does; the
                    # archive item closes the list with or without its dash ("- Sở …;" … "Lưu: VT, VP.")
                    out.append(first.rstrip(" .;"))
                else:
                    undashed = False
            return out, view.line_no(i)
    return [], None
