"""Logical blocks from physical layout: the one model every reader produces (pandoc's AST idea).

A text file, a PDF's text layer and a Word file's paragraphs arrive as *units*: physical lines or paragraphs,
each with its source location. This module turns them into ordered :class:`~checker.models.Block` objects:

- two-column lines of the header and of the signature block are split at their wide run of spaces (or tab)
  into a left and a right column ("ỦY BAN NHÂN DÂN      CỘNG HÒA ...", "- Lưu: VT.      Nguyễn Văn A"), and
  each column is read on its own, left first;
- wrapped lines are joined into paragraphs (a line that starts in lower case, or follows a full-width line,
  continues the paragraph), words hyphenated at a line end are joined again, blank lines separate paragraphs
  unless the extraction put one after every line;
- headings, list items, tables (Markdown pipes, tab-separated rows, Word tables), the recipients ("Nơi
  nhận"), the signature block and an appendix after it are told apart.

Every block keeps ``spans`` that map offsets in its text back to the source, so findings quote the plan's own
words at their real line, paragraph, cell or page. Nothing here depends on wording beyond the conventions of
the form of Vietnamese administrative documents (NĐ 30/2020: header, "Nơi nhận", TM./KT. signatures).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import combinations, islice

from checker.conventions import (
    appendix_reference,
    attachment_label,
    comparator_opening,
    comparator_words,
    conventions,
    document_type_of,
)
from checker.lazy import fact
from checker.models import Block, BlockKind, Line, Location, Span, Table, TableCell
from checker.text import UPPER, fold, letter_counts, squash


def _percent_in_words() -> str:
    """A percent written in words after a figure (rules/conventions.yaml ``percent_forms``: "phần trăm"), as typed
    and without its diacritics, in any case: "4- 100 phần trăm báo cáo …" is a point as "4- 100% báo cáo …" is."""
    forms = {f for w in conventions().percent_forms if all(c.isalpha() or c == " " for c in w) for f in (w, fold(w))}
    words = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return rf"(?i:{words})\b" if words else "(?!)"


# the markers that open a heading or a list item, as typed or as Word's numbering draws them ("I/", "1/", "a/":
# a slash and a space, as many offices type them, is the same marker as "I.", "1.", "a)"; before words, a
# percentage or a comparator and its figure, "4/ 100% báo cáo ...", "2/ ≥ 80% hồ sơ ...", never before another
# number, "15/ 9/2025"); built on first use, the conventions' words in it, not when the module is imported
@lru_cache(maxsize=1)
def marker_pattern() -> re.Pattern[str]:
    """The pattern of a heading's or a list item's marker, its kind the name of the group that matched."""
    return re.compile(_MARKER_FORM.replace(_PERCENT_SLOT, _percent_in_words()))


_PERCENT_SLOT = "(?#percent in words)"  # where ``marker_pattern`` puts the percent written in words
_MARKER_FORM = (
    r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?(?:"  # a Markdown heading ("## I. MỤC TIÊU") or emphasis ("**1. …**") first
    r"(?P<part>(?i:ph[aầ]n|ch[uư][oơ]ng|m[uụ]c|[đd]i[eề]u)\s+(?:[IVXL]{1,6}|\d{1,2}|(?i:th[uứ])\s+\w+)\b"
    r"\s*[.:)-]?)"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3}\.?|[IVXL]{1,6}\.\d{1,2}(?:\.\d{1,2}){0,2}\.?)"  # "2.1.", "II.1."
    r"|(?P<roman>[IVXL]{1,6}\s*(?:[.:)]|[-–/](?=\s+[^\W\d_])))"
    rf"|(?P<arabic>\(\d{{1,2}}\)|\d{{1,2}}\s*(?:[.)]|[-–/](?=\s+(?:[^\W\d_]|[≥≤<>]=?\s*\d"
    rf"|\d{{1,3}}(?:[.,]\d{{1,2}})?\s*(?:%|{_PERCENT_SLOT})))))"
    rf"|(?P<upper>[A-ZĐ]\s*[.)])(?=\s+[{UPPER}])"
    # "i.", "ii.", "iv.": lower-case Roman numerals, as some offices number the points under a part ("i. Mục tiêu
    # chung"), a letter's place otherwise ("i)" is the letter i)
    r"|(?P<lroman>(?:xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\.(?=\s+[^\W\d_]))"
    # "a)", "a/", "a- "; "a.<tab>": Word's list as text; "a. Hạ tầng số", "b. 100% …", "c. ≥ 80% …", "d. một trăm
    # phần trăm …": a letter and a full stop before a word, a figure or a comparator's sign, as many offices letter
    # points (no word of Vietnamese is one Latin letter without a mark); "dd)": đ typed without a Vietnamese keyboard
    # ("(a)", "(đ)": a letter in brackets, as "(1)" is a number)
    rf"|(?P<letter>\((?:dd|[a-zđ])\)"
    rf"|(?:dd|[a-zđ])(?:\s*(?:\)|/(?=\s))|-(?=\s)|\.(?=\t)|\.(?=[ \u00a0]+(?:[^\W_]|[≥≤<>]))))"
    # bullets; "·", "§" and "o" before a tab are the Symbol, Wingdings and Courier bullets of a Word list saved as text
    rf"|(?P<bullet>[-+*•–—▪◦●○·§](?=\s|[{UPPER}\d])|o(?=\t))"
    # then a space, the end or a sign; or, typed without the space, a capital after "1." or "a)" ("1.Mục tiêu
    # chung"), a figure after "a)" ("a)100% thủ tục …")
    rf")(?=\s|$|[^\w\s]|(?<=[.)])[{UPPER}]|(?<=\))\d)"
)
_LEVEL = {"part": 1, "roman": 1, "upper": 1, "arabic": 2, "lroman": 2, "letter": 4}
_ROW_NUMBER = re.compile(rf"^\d{{1,2}}(?:\s*$|\s+(?=[{UPPER}]))")  # a flattened table's row number
_CLOSED = re.compile(r"[.;:!?)…]$")
_FIGURE_ALONE = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s*%?[.;]?$")  # a line holding a figure only
_SENTENCE_END = re.compile(r"[.;!?…]$")
_COMPARATOR_FIRST = re.compile(r"[≥≤<>=]\s*\d")
_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")
_LEADER_FIRST = re.compile(r"(?:\.{4,}|…{2,})\s*\S")  # a line opening with a dot leader (a tab's leader typed)
_AUTHORITY = re.compile(r"(?=[tkq])\b(?:tm|kt|q|tl|tuq)\s*[.,]\s*(?:uy ban|ubnd|chu tich|ban)\b")
# "Nơi nhận" opening a squashed line (any vowel damage): the closing's list of recipients begins
RECIPIENTS = re.compile(r"^\s*n\w{1,2}i nh\w{1,2}n\b")
# a line that is an appendix's heading alone ("PHỤ LỤC", "PHỤ LỤC VI", "Phụ lục số 2"), squashed: never a line of a
# sentence that names one ("Phụ lục I kèm theo")
_APPENDIX_LINE = re.compile(r"(?:phan )?phu luc(?: so)?(?: [ivxlc]{1,6}| \d{1,2}| [a-z])?")
_SIGNATURE_WORDS = re.compile(r"^(?:pho chu tich|chu tich|da ky|ky ten|ky dong dau|chanh van phong|truong ban|"
                              r"pho truong ban|bi thu|pho bi thu)\b")
_NAME = re.compile(rf"^[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{1,4}}$")
# words that make a line in capitals a body's name, not a person's ("UBND XÃ AN LÃO" of a stamp, "CÔNG AN XÃ"), squashed
BODY_IN_CAPITALS = re.compile(r"(?:^| )(?:ubnd|hdnd|uy ban|phuong|dac khu|thanh pho|cong an|van phong)(?: |$)|^xa ")
# a document's number and symbol wrapped at a hyphen in a narrow header column ("Số: 52/KH-" / "UBND", a joint plan's
# "Số: 12/KHLT-ĐU-" / "UBND"): the symbol's parts are capitals (NĐ 30/2020, Phụ lục I: "52/KH-UBND")
_SYMBOL_BROKEN = re.compile(rf"\d/[{UPPER}Đ]{{1,8}}(?:-[{UPPER}Đ]{{1,8}})*-$")
_SYMBOL_REST = re.compile(rf"[{UPPER}]{{2,10}}(?![^\W\d_])")
# Markdown emphasis around words ("**Nơi nhận:**", "*(đã ký)*", "__I. MỤC TIÊU__"): presentation, as bold or italic
# runs are in Word, never part of a heading's title, a target or a unit's name. An opening mark follows no word
# character and precedes one; a closing mark the reverse (so "* item", "5*3*2", "(*)" and "____" are kept).
_EMPHASIS = re.compile(r"(?<![\w*\\])(?:(\*{1,3})(?=[^\s*)\]}])(.+?)(?<=[^\s*\\(\[{])\1(?![\w*])"
                       r"|(_{1,3})(?=[^\s_)\]}])(.+?)(?<=[^\s_\\(\[{])\3(?![\w*]))")
RIGHT_COLUMN = 16  # a column that starts this far right (in characters) is the right column of the form
MIN_GAP = 4  # spaces between two columns of one line


@dataclass
class Unit:
    """A physical line (text, PDF) or paragraph (Word) before layout; or a table read natively (Word)."""

    text: str
    loc: Location
    heading_level: int | None = None  # from a Word heading style or outline level
    table: Table | None = None
    column: str | None = None  # "left"/"right": a cell of a two-column layout table (Word)
    hard: bool = False  # its end is a real break (a Word cell of a layout table)
    indent: int | None = None  # where Word sets a numbered paragraph's text (twips): its list's depth
    marks: int = 0  # emphasis marks taken out of ``text``: the line was this much longer as typed (and wrapped)

    # facts of the line, judged once however many rules ask (a unit is not changed once layout reads it: a changed
    # line is a new unit, ``replace``)
    @fact
    def gapped(self) -> bool:
        """A gap between cells in it (``_CELL_GAP``: a tab, three spaces or more, a cut): plain tests first."""
        text = self.text.strip()
        if "\t" in text or _CUT in text:
            return True
        return _CELL_GAP.search(text) is not None if "\u00a0" in text else "   " in text

    @fact
    def plain(self) -> bool:
        """A line of text: no table, no line of one, no gap between cells in it."""
        return self.table is None and self.loc.table is None and not self.gapped

    @fact
    def part(self) -> _Part:
        """The line as a part of a block: stripped, with its indent and its length as typed."""
        return _part(self.text, self.loc, marks=self.marks)


@dataclass
class _Part:
    text: str  # stripped
    loc: Location
    indent: int = 0
    raw_len: int = 0

    # facts of the line's text, judged once: the joining of lines asks them of each line twice (as the line, then
    # as the line before the next)
    @fact
    def marker(self) -> tuple[str, str | None]:
        return marker_of(self.text)

    @fact
    def upper(self) -> bool:
        return mostly_upper(self.text)


@dataclass
class _Building:
    parts: list[_Part] = field(default_factory=list)
    text: str = ""
    spans: list[Span] = field(default_factory=list)
    indent: int | None = None  # of its first unit, where the reader knows it (Word lists)

    def add(self, part: _Part, joiner: str) -> None:
        if self.parts:
            if joiner in ("", "-"):
                # the hyphen ending the line: a word's, broken there, goes (""); a symbol's stays ("-": "52/KH-UBND")
                self.text = self.text[:-1]
            self.text += joiner
        self.spans.append(Span(start=len(self.text), loc=part.loc))
        self.text += part.text
        self.parts.append(part)


def unmark(text: str) -> str:
    """``text`` without its Markdown emphasis marks (the words stay as written)."""
    if "*" not in text and "_" not in text:
        return text
    for _ in range(3):  # nested marks: "***a***", "**_a_**"
        new = _EMPHASIS.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)
        if new == text:
            break
        text = new
    return text


_OPENER = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3})(?=[^\s*_)\]}])")
_CLOSER = re.compile(r"(?<=[^\s*_\\(\[{])(\*{1,3}|_{1,3})(?![\w*])")
_SPAN_LINES = 3  # an emphasis wrapped over at most this many more lines of one paragraph


# pictographs (Unicode's Miscellaneous Symbols, Dingbats, and the emoji planes), as chat assistants open headings and
# items with them ("✅ V. TỔ CHỨC THỰC HIỆN", "📌 Mục tiêu"), with the variation selector that asks for their colour
_PICTOGRAPHS = "\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff"


@lru_cache(maxsize=1)
def _glyph_bullet() -> re.Pattern[str]:
    """A bullet glyph of another font opening a line (conventions ``bullet_glyphs``, a character of Unicode's private
    use area, where symbol fonts' bullets land, or a pictograph), before the item's text."""
    glyphs = conventions().bullet_glyphs
    signs = re.escape("".join(g for g in glyphs if not (g.isascii() and g.isalpha())))
    # a glyph that is a letter of the text's own alphabet ("o", Word's second-level bullet in Courier New) only
    # before an item's opening capital, figure or sign: "o Sở Khoa học …", never a word "o" running on a line
    letters = re.escape("".join(g for g in glyphs if g.isascii() and g.isalpha()))
    return re.compile(rf"^(\s*(?:#{{1,6}}\s+)?)(?:[{signs}]|[\ue000-\uf8ff]|[{_PICTOGRAPHS}]"
                      rf"|[{letters}](?=[ \t\u00a0]+(?:[{UPPER}\d]|[≥≤<>])))\ufe0f?(?=\s)")


def _bulleted(u: Unit) -> Unit:
    """A unit whose bullet is a glyph of another font ("➢", "Ø", a private-use "\uf0b7", "✅") with the bullet "•";
    in a Markdown heading ("### 📌 Mục tiêu") or before a heading's number the glyph only decorates it, and is left
    out."""
    if u.table is not None or not u.text or (m := _glyph_bullet().match(u.text)) is None:
        return u
    rest = u.text[m.end() :].lstrip()
    if "#" in m.group(1) or marker_of(rest)[1] not in (None, "bullet"):
        return replace(u, text=m.group(1) + rest)  # "✅ V. TỔ CHỨC THỰC HIỆN"
    return replace(u, text=m.group(1) + "•" + u.text[m.end() :])


def _unmarked_all(units: list[Unit]) -> list[Unit]:
    """The units without emphasis marks, their bullets of other fonts read as "•" (``_bulleted``). Marks: those
    opened and closed on one line, then those a wrap put on two lines
    of one paragraph ("**Kế hoạch chuyển đổi số" / "năm 2025**"): an opening mark left on a line, the same mark
    closing on one of the next lines, no blank line between."""
    out = [_unmarked(_bulleted(u)) for u in units]
    for i, u in enumerate(out):
        if u.table is not None or not (m := _last_opener(u.text)):
            continue
        for j in range(i + 1, min(i + 1 + _SPAN_LINES, len(out))):
            v = out[j]
            if v.table is not None or not v.text.strip():
                break
            c = next((c for c in _CLOSER.finditer(v.text) if c.group(1) == m.group(1)), None)
            if c is None:
                continue
            out[i] = replace(u, text=u.text[: m.start()] + u.text[m.end() :], marks=u.marks + len(m.group(1)))
            out[j] = replace(v, text=v.text[: c.start()] + v.text[c.end() :], marks=v.marks + len(c.group(1)))
            break
    return out


def _last_opener(text: str) -> re.Match[str] | None:
    """The last opening mark of a line that no mark closes after it."""
    if "*" not in text and "_" not in text:
        return None
    last = None
    for m in _OPENER.finditer(text):
        last = m
    if last is None or any(c.group(1) == last.group(1) for c in _CLOSER.finditer(text, last.end())):
        return None
    return last


def _unmarked(u: Unit) -> Unit:
    """A unit with its emphasis marks removed, in its text and in the cells of a table read natively."""
    if u.table is not None:
        rows = [[c.model_copy(update={"text": unmark(c.text)}) if ("*" in c.text or "_" in c.text) else c
                 for c in row] for row in u.table.rows]
        return replace(u, table=Table(rows=rows))
    text = unmark(u.text)
    return u if text == u.text else replace(u, text=text, marks=len(u.text) - len(text))


def mostly_upper(text: str) -> bool:
    letters, upper = letter_counts(text)
    return letters >= 2 and upper >= 0.7 * letters


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Ordinal words that open a point of a list written in prose ("Một là, …", "Thứ hai, …"): conventions data.
    The words as written, and folded (matched on the folded line: an OCR without diacritics, "Mot la, …")."""
    words = sorted(conventions().enumeration_openers, key=len, reverse=True)
    if not words:
        return None
    lead = r"^\s*(?:\*\*|__)?("
    return (re.compile(lead + "|".join(re.escape(w) for w in words) + r")\s*,"),
            re.compile(lead + "|".join(re.escape(fold(w)) for w in words) + r")\s*,"))


@lru_cache(maxsize=1)
def numbered_labels() -> str:
    """The words a point's number may follow as its label (conventions ``numbered_labels``), as written and
    without diacritics, as a regular expression's alternatives: "Nhiệm vụ 6. Đào tạo …", "NOI DUNG 2:"."""
    return "|".join(re.escape(w) for m in conventions().numbered_labels for w in {m, fold(m)}) or r"(?!)"


@lru_cache(maxsize=1)
def _labelled_number() -> re.Pattern[str]:
    return re.compile(rf"^\s*((?:{numbered_labels()})\s+[1-9]\d?\s*[.:])(?=\s)", re.IGNORECASE)


def names_doc_type(text: str) -> bool:
    """The line is a document's type name in its title block ("KẾ HOẠCH", "BÁO CÁO", "KẾ HOẠCH HÀNH ĐỘNG"; the
    types of rules/conventions.yaml ``document_types``)."""
    return document_type_of(text) is not None


@lru_cache(maxsize=1)
def _letter_openers() -> re.Pattern[str]:
    conv = conventions()
    words = [*conv.letter_subject, *conv.addressee]
    return re.compile(r"(?:" + "|".join(re.escape(fold(w)) for w in words) + r")(?=[\s:]|$)") if words else re.compile(
        r"(?!)")


@lru_cache(maxsize=1)
def _number_takers() -> re.Pattern[str]:
    """The words a number goes on after (rules/conventions.yaml ``number_takers``) ending a folded line."""
    words = sorted((fold(w) for w in conventions().number_takers), key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")$") if words else re.compile(
        r"(?!)")


def _takes_number(text: str) -> bool:
    """The line ends with a word a number goes on after ("… theo Đề án", "… tại Điều")."""
    return bool(_number_takers().search(fold(text.rstrip(" *_"))))


@lru_cache(maxsize=1)
def _dash_compounds() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Each compound written with a spaced dash (rules/conventions.yaml ``dash_compounds``), folded: its first half
    ending a line, and its dash and second half opening one."""
    out = []
    for compound in conventions().dash_compounds:
        first, _, second = (" ".join(fold(h).split()) for h in compound.partition(" - "))
        if first and second:
            out.append((re.compile(rf"(?<![^\W_]){re.escape(first)}$"),
                        re.compile(rf"^[-–]\s+{re.escape(second)}(?![^\W_])")))
    return tuple(out)


_FIGURE_END = re.compile(r"\d\s*%\s*$")  # a line ending with a figure ("… 60% - 75%")
_DASH_FIGURE = re.compile(r"^[-–]\s*\d{1,3}(?:[.,]\d{1,2})?\s*%")  # a line opening with a dash and a figure ("- 85%")


def _dash_compound(prev: str, text: str) -> bool:
    """``prev`` ends with a dash compound's first half and ``text`` opens with its dash and second half ("… kinh
    tế" / "- xã hội …"): one compound wrapped at its dash."""
    head, tail = " ".join(fold(prev).split()), fold(text.lstrip())
    return any(a.search(head) and b.match(tail) for a, b in _dash_compounds())


def _opens_letter_part(text: str) -> bool:
    """The line opens a letter's subject ("V/v ...") or its addressee ("Kính gửi: ..."), rules/conventions.yaml."""
    return bool(_letter_openers().match(fold(text.lstrip(" *#>"))))


def opens_title(text: str) -> bool:
    """The line opens with a document's type name in capitals and its trích yếu after it, in sentence case ("KẾ
    HOẠCH Ứng dụng công nghệ thông tin …": a web page's copy that put the title block on one line): the title
    opens there, whatever the line before (the header run on to its date, wrapped) leaves."""
    words = text.split()
    caps = next((k for k, w in enumerate(words) if not w.isupper()), len(words))
    return 0 < caps < len(words) and words[caps][:1].isupper() and names_doc_type(" ".join(words[:caps]))


def marker_of(text: str) -> tuple[str, str | None]:
    """The marker a block opens with (as written) and its family, or ("", None)."""
    m = marker_pattern().match(text)
    if not m and (labelled := _labelled_number().match(text)):
        return labelled.group(1), "arabic"  # "Nhiệm vụ 6.": a point numbered after its label, as "6." is
    if not m:
        openers = _openers()
        if openers is None:
            return "", None
        o = openers[0].match(text)
        if o:
            return o.group(1), "ordinal"
        # written without diacritics ("Mot la,"): not a phrase of a text that has them ("Thứ tự," folds alike)
        o = openers[1].match(fold(text))
        word = text[o.start(1) : o.end(1)] if o else ""
        return (word, "ordinal") if word.isascii() and word else ("", None)
    family = m.lastgroup
    return m.group(family or 0).strip(), family


def _expand_cols(text: str, upto: int) -> int:
    """Display column of offset ``upto`` (tabs to the next multiple of 8; any other character one column)."""
    prefix = text[:upto]
    if "\t" not in prefix:
        return len(prefix)
    if "\n" in prefix or "\r" in prefix:  # expandtabs starts a new line at these: here they are one column
        prefix = prefix.replace("\n", " ").replace("\r", " ")
    return len(prefix.expandtabs(8))


_SIGNER_AFTER_GAP = re.compile(r"\S[ \u00a0]{2,3}(\S.*)$")
_PERSON = re.compile(rf"[{UPPER}][^\W\d_A-ZĐ]*(?: [{UPPER}][^\W\d_A-ZĐ]*){{1,4}}")  # "Vũ Thị Hạnh"
_BLANK_FIELD = re.compile(r"(?:\bs\w{0,2}\s*:|\bngay|\bthang)$")
# a list's marker alone before a tab: Word saving a bulleted or numbered list as text writes "·<tab>UBND thành phố;"
# ("o", "§" for the lower levels' bullets): the item's marker, never a column of its own
_MARKER_ONLY = re.compile(r"[·•o§▪◦\-–+*]|\d{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}\.")
_GAP = re.compile(rf"[ \t\u00a0]*\t[ \t\u00a0]*|[ \u00a0]{{{MIN_GAP},}}")


def split_columns(text: str) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """(offset, text) of the left and right column of one header or signature line; either may be None."""
    stripped = text.rstrip()
    if not stripped.strip():
        return None, None
    lead = len(stripped) - len(stripped.lstrip())
    if _expand_cols(stripped, lead) >= RIGHT_COLUMN:
        return None, (lead, stripped[lead:])
    best: re.Match[str] | None = None
    for m in _GAP.finditer(stripped, lead):
        if m.end() >= len(stripped):
            break
        left = stripped[lead : m.start()]
        wide = "\t" in m.group() or _expand_cols(stripped, m.end()) >= RIGHT_COLUMN
        if not wide or _BLANK_FIELD.search(fold(left)) or stripped[m.end()] == "/" or _MARKER_ONLY.fullmatch(left):
            continue  # "Số:      /KH-UBND", "ngày     tháng 9": a field left blank, not a gap between columns
        if best is None or len(m.group()) > len(best.group()):
            best = m
    if best is None:
        # text laid out from a PDF may leave two or three spaces before the signer's title, set right
        # ("- Sở Khoa học và Công nghệ;   CHỦ TỊCH"): its words in capitals say where the right column begins
        signer = _SIGNER_AFTER_GAP.search(stripped, lead)
        if signer and _expand_cols(stripped, signer.start(1)) >= RIGHT_COLUMN and mostly_upper(signer.group(1)) and (
                _SIGNATURE_WORDS.match(squash(signer.group(1))) or _AUTHORITY.match(fold(signer.group(1)))):
            return (lead, stripped[lead : signer.start() + 1]), (signer.start(1), signer.group(1))
        if signer and _expand_cols(stripped, signer.start(1)) >= RIGHT_COLUMN and _PERSON.fullmatch(signer.group(1)):
            # or the signer's name, in the closing's right column beside a recipient ("- Sở Khoa học và Công nghệ;
            # Công   Vũ Thị Hạnh", the recipient wrapped at the column): each word capitalised, nothing after it
            return (lead, stripped[lead : signer.start() + 1]), (signer.start(1), signer.group(1))
        return (lead, stripped[lead:]), None
    return (lead, stripped[lead : best.start()]), (best.end(), stripped[best.end() :])


# two spaces between words within a line: justified text laid out as characters ("Toàn  bộ thủ  tục", pdftotext
# -layout), or typed twice; a block's text has its spacing undone (three or more are a gap between cells, _CELL_GAP)
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2}(?=\S)")


def one_spaced(text: str) -> str:
    """``text`` stripped, two spaces between its words made one (``_DOUBLE_SPACE``)."""
    stripped = text.strip()
    return _DOUBLE_SPACE.sub(" ", stripped) if "  " in stripped or "\u00a0" in stripped else stripped


def _part(text: str, loc: Location, offset: int = 0, marks: int = 0) -> _Part:
    body = text[offset:]
    stripped = one_spaced(body)
    indent = _expand_cols(text, offset + len(body) - len(body.lstrip()))
    return _Part(text=stripped, loc=loc, indent=indent, raw_len=len(text.rstrip()) + marks)


# --------------------------------------------------------------------------- zones


def _doc_type_index(units: list[Unit]) -> int | None:
    seen = 0
    for i, u in enumerate(units):
        if u.table is not None or not u.text.strip():
            continue
        seen += 1
        if seen > 30:
            return None
        left, right = split_columns(u.text)
        for side in (left, right):
            if side and names_doc_type(side[1]):
                return i
    return None


def _tail_zone(units: list[Unit], after: int) -> tuple[int, int]:
    """[start, end) of the closing: recipients and signature (an appendix after it is not part of it)."""
    n = len(units)
    start = None
    # the closing ends the body: it is looked for in the last two thirds of the text before the appendices (a body's
    # table may set "Chủ tịch UBND xã" in a right-hand column); appendices longer than the body do not move it
    body_end = next((i for i in range(after, n) if units[i].table is None and _APPENDIX_LINE.fullmatch(
        squash(units[i].text))), n)
    for i in range(max(after, int(body_end * 0.35)), n):
        u = units[i]
        if u.table is not None:
            continue
        f = fold(u.text)
        if RECIPIENTS.match(squash(u.text)) or _AUTHORITY.search(f):
            start = i
            break
        left, right = split_columns(u.text)
        if right and (RECIPIENTS.match(squash(right[1])) or _SIGNATURE_WORDS.match(squash(right[1]))):
            start = i
            break
    if start is None:
        return n, n
    end = n
    for j in range(start + 1, n):
        u = units[j]
        if u.table is not None and j > start + 1 and not _is_layout_table_unit(u):
            end = j
            break
        left, right = split_columns(u.text)
        if left and attachment_label().match(squash(left[1])) and left[0] < RIGHT_COLUMN:
            end = j
            break
        if right and not left and attachment_label().match(squash(right[1])):  # "PHỤ LỤC" centred, alone on its line
            end = j
            break
        if _annex_reference(u.text):  # an appendix's "(Kèm theo Kế hoạch số …)" under its title, without "Phụ lục":
            # the title in capitals above it opens the appendix ("BIỂU CHỈ TIÊU …", wrapped over a line or two)
            end = j
            while end - 1 > start + 1 and j - end < APPENDIX_TITLE_LINES and copier(units[end - 1].text):
                end -= 1
            break
        if copy_mark(u.text):  # a copy's own block: its body's name, "SAO Y BẢN CHÍNH", "Số: 15/SY-UBND"
            end = j - 1 if j - 1 > start and copier(units[j - 1].text) else j
            break
    return start, end


APPENDIX_TITLE_LINES = 3  # an appendix's title over its "(Kèm theo …)" line: a few lines in capitals at most


def _annex_reference(text: str) -> bool:
    """The line, alone in its column, is an appendix's reference to its document (conventions ``appendix_of``)."""
    pattern = appendix_reference()
    left, right = split_columns(text)
    return pattern is not None and not (left and right) and pattern.match(fold(text).strip()) is not None


def copier(text: str) -> bool:
    """A line wholly in capitals that is not a signer's position: the copying body's name over its copy's number."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and not _SIGNATURE_WORDS.match(squash(text))


@lru_cache(maxsize=1)
def _copy_marks() -> tuple[frozenset[str], re.Pattern[str]]:
    """The forms of a copy ("sao y ban chinh", squashed) and its number ("Số: 15/SY-UBND", folded)."""
    c = conventions()
    labels = "|".join(re.escape(fold(w)) for w in sorted(c.number_labels, key=len, reverse=True))
    symbols = "|".join(re.escape(fold(s)) for s in c.copy_symbols) or "(?!)"
    return (frozenset(squash(f) for f in c.copy_forms),
            re.compile(rf"^(?:{labels})\s*:?\s*[\d.]*\s*/\s*(?:{symbols})\b"))


def copy_mark(text: str) -> bool:
    """A column of ``text`` gives the form of a copy ("SAO Y BẢN CHÍNH", ``copy_forms``) or its number ("Số:
    15/SY-UBND", ``copy_symbols``): the copying body's own block (NĐ 30/2020/NĐ-CP, Điều 25-27, Phụ lục I), after the
    closing of the document copied."""
    forms, number = _copy_marks()
    return any(squash(c) in forms or number.match(fold(c).strip())
               for c in re.split(r"\s{2,}|\t", text) if c.strip())


def _is_layout_table_unit(u: Unit) -> bool:
    return u.column is not None


# --------------------------------------------------------------------------- form zones (header, closing)


def _split_abbreviation(prev: str, nxt: str) -> bool:
    """An abbreviation in capitals hyphenated at the line end ("DV-" / "CTT."): its two halves make one of the
    abbreviations of the conventions, so the hyphen is the line's, not the word's ("KT-" / "HT-ĐT" keeps it)."""
    a = re.search(rf"(?<![^\W\d_])([{UPPER}]{{1,6}})-$", prev)
    b = re.match(rf"([{UPPER}]{{1,8}})(?![^\W\d_])", nxt)
    if not a or not b:
        return False
    return fold(a.group(1) + b.group(1)) in _folded_abbreviations()


@lru_cache(maxsize=1)
def _folded_abbreviations() -> frozenset[str]:
    """The abbreviations of rules/conventions.yaml, folded."""
    return frozenset(fold(k) for k in conventions().abbreviations)


def _zone_blocks(units: list[Unit], kind_of: str) -> list[Block]:
    """Blocks of a header or closing zone: each column read on its own, left column first."""
    left: list[_Part] = []
    right: list[_Part] = []
    for u in units:
        if u.table is not None:
            continue
        if u.column == "right":
            if u.text.strip():
                right.append(_part(u.text, u.loc))
            continue
        if u.column == "left":
            if u.text.strip():
                left.append(_part(u.text, u.loc))
            continue
        lpart, rpart = split_columns(u.text)
        if lpart and lpart[1].strip():
            left.append(_part(u.text[: lpart[0] + len(lpart[1])], u.loc, lpart[0]))
        if rpart and rpart[1].strip():
            right.append(_part(u.text[: rpart[0] + len(rpart[1])], u.loc, rpart[0]))
    out: list[Block] = []
    for column, parts in (("left", left), ("right", right)):
        blocks = _join_form_lines(parts)
        for b in blocks:
            kind = _form_kind(b.text, kind_of, column, out)
            marker, _family = marker_of(b.text)
            out.append(Block(kind=kind, text=b.text, spans=b.spans, marker=marker if kind == "recipients" else "",
                             column=column if right else None))  # type: ignore[arg-type]
    return out


def _join_form_lines(parts: list[_Part]) -> list[_Building]:
    """Lines of one column: each its own block, except a lower-case continuation or a wrapped list item."""
    out: list[_Building] = []
    for p in parts:
        cur = out[-1] if out else None
        if cur is not None:
            prev = cur.parts[-1].text
            first = p.text[:1]
            marker, _ = marker_of(p.text)
            continues = not marker and (first.islower() or (first.isdigit() and not mostly_upper(prev)))
            wrapped_item = (not marker and marker_of(cur.text)[1] == "bullet" and not _CLOSED.search(prev)
                            and not mostly_upper(p.text) and not _NAME.match(p.text))
            if _SYMBOL_BROKEN.search(prev) and _SYMBOL_REST.match(p.text):
                cur.add(p, "-")
                continue
            if _motto_goes_on(cur.text, p.text) or _form_phrase_cut(prev, p.text):
                # "Độc lập - Tự do -" / "Hạnh phúc": one motto, wrapped; "TM. ỦY BAN NHÂN" / "DÂN CHỦ TỊCH …"
                cur.add(p, " ")
                continue
            if continues or wrapped_item:
                cur.add(p, "" if _HYPHEN_BREAK.search(prev) and first.islower() else " ")
                continue
        b = _Building()
        b.add(p, " ")
        out.append(b)
    return out


@lru_cache(maxsize=1)
def _motto_phrases() -> tuple[str, ...]:
    return tuple(squash(p) for p in conventions().motto)


def _motto_goes_on(so_far: str, line: str) -> bool:
    """``line`` goes on the motto that ``so_far`` begins (rules/conventions.yaml ``motto``), wrapped in a narrow
    column ("Độc lập - Tự do -" / "Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")."""
    joined = squash(f"{so_far} {line}")
    return bool(squash(so_far)) and squash(so_far) not in _motto_phrases() and any(
        p == joined or p.startswith(joined + " ") for p in _motto_phrases())


@lru_cache(maxsize=1)
def _form_phrases() -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], ...]], int]:
    """The form's fixed phrases of three words or more (the mottos and the issuing bodies' names: conventions), each
    cut after its second word or a later one: the words before the cut → the rests that may follow them; and the
    most words before a cut."""
    c = conventions()
    cuts: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for words in {tuple(squash(w).split()) for w in [*c.motto, *c.issuer_bodies]}:
        for k in range(2, len(words)):
            cuts.setdefault(words[:k], []).append(words[k:])
    return {head: tuple(rests) for head, rests in cuts.items()}, max(map(len, cuts), default=0)


def _form_phrase_cut(prev: str, line: str) -> bool:
    """A line break falls inside one of the form's fixed phrases (``_form_phrases``): ``prev`` ends with its first two
    words or more, ``line`` opens with the rest ("… Số: 97/KH-UBND CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM …", "… TM.
    ỦY BAN NHÂN" / "DÂN CHỦ TỊCH …": a one-line header or closing wrapped)."""
    cuts, longest = _form_phrases()
    head = squash(prev).split()
    heads = [tuple(head[-k:]) for k in range(2, min(len(head), longest) + 1) if tuple(head[-k:]) in cuts]
    if not heads:
        return False
    rest = tuple(squash(line).split())
    return any(rest[: len(r)] == r for h in heads for r in cuts[h])


def _form_kind(text: str, zone: str, column: str, so_far: list[Block]) -> BlockKind:
    if zone == "header":
        return "header"
    sq = squash(text)
    f = fold(text)
    if RECIPIENTS.match(sq):
        return "recipients"
    if column == "right" and so_far and any(b.kind == "signature" or b.column == "right" for b in so_far):
        return "signature"
    if marker_of(text)[1] == "bullet" and column != "right" and any(b.kind == "recipients" for b in so_far):
        return "recipients"  # "- Chủ tịch, các PCT UBND xã;" under "Nơi nhận" is a recipient, not a signer
    if _AUTHORITY.search(f) or _SIGNATURE_WORDS.match(sq) or (text.startswith("(") and text.endswith(")")):
        return "signature"
    if column == "right":
        return "signature"
    if _NAME.match(text.strip()) and not text.isupper() and any(b.kind == "signature" for b in so_far):
        return "signature"
    if _NAME.match(text.strip()) and so_far and so_far[-1].kind == "signature" and not (
            BODY_IN_CAPITALS.search(sq) or copy_mark(text) or attachment_label().match(sq)):
        return "signature"  # the signer's name typed in capitals ("ĐOÀN THỊ THU HƯỜNG"), a paragraph under the block
    return "recipients" if any(b.kind == "recipients" for b in so_far) else "paragraph"


# --------------------------------------------------------------------------- body


# between two cells: a tab, three spaces or more, or a cut ``_split_touching`` put where a single space was
_CUT = "\x1f"  # a control character: none is left in the text a reader hands on
_CELL_GAP = re.compile(rf"[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{{3,}}|{_CUT}")
_FIGURE = re.compile(r"\d\s*%")


def _tab_cells(text: str) -> list[str]:
    return [c.strip() for c in _CELL_GAP.split(text.strip())]


def _cells_at(text: str) -> list[tuple[int, int, str]]:
    """A typed table line's cells, each with its display start and end column: (start, end, text)."""
    t = text.rstrip()
    body = t.lstrip(" \t\u00a0")
    lead = len(t) - len(body)
    out, pos = [], 0
    for m in [*_CELL_GAP.finditer(body), None]:
        stop = m.start() if m else len(body)
        cell = body[pos:stop].strip()
        if cell:
            out.append((_expand_cols(t, lead + pos), _expand_cols(t, lead + stop), cell))
        pos = m.end() if m else pos
    return out


def _clustered(starts: Iterable[int]) -> list[int]:
    """Where columns start, from where cells start: starts 2 apart or less taken as one (the first of them)."""
    columns: list[int] = []
    for at in sorted(set(starts)):
        if not columns or at - columns[-1] > 2:
            columns.append(at)
    return columns


def _column_starts(texts: list[str]) -> list[int]:
    """Where the cells of a typed table's row start (display columns): those of its last row, else (fewer than
    three cells there) of all its rows, close starts (2 apart) taken as one. The last row first: a page of a PDF
    laid out as text may set the same columns elsewhere than the page before."""
    columns = _clustered(start for start, _, _ in _cells_at(texts[-1])) if texts else []
    return columns if len(columns) >= 3 else _clustered(start for t in texts for start, _, _ in _cells_at(t))


def _left_edge(units: list[Unit]) -> int:
    """Where a typed table's first column starts: its leftmost cell."""
    return min((c[0][0] for c in map(_cells_at, [u.text for u in units]) if c), default=0)


MAX_CARRIED = 40  # lines that carry one row's cells on: a cell is never longer (a bound on hostile input, too)


def _continues(u: Unit, above: Unit, before: list[Unit], after_of: Callable[[], Unit | None], left: int
               ) -> tuple[Unit, str] | None:
    """Whether a line carries on the cells of the row above (text taken from a PDF laid out, as ``pdftotext
    -layout`` writes it: a cell over several lines is several lines, each cell's words under its column).

    It is set in from the table's first column ``left`` (or it carries on that column alone, in lower case), and
    every cell starts under a column and ends before the next one: the columns of the rows ``before`` it or, on
    a page after theirs that sets the columns elsewhere (pages known: a form feed, a PDF), of the row after it
    (``after_of()``, looked for only then).
    Below a line of the same page, each cell is under a cell of the line ``above`` that it carries on (lower
    case, a figure, or a first word that would not have fitted there): a second row of a header, set in under
    empty or short cells, is a row of its own. Columns set with spaces only (tabs are typed, not laid out).
    Returns the row whose columns it is under (``u`` itself for the rows before, or ``after``) and the line's text
    with its cells cut where they run on into the next column (``_cut``); None where it carries on no row."""
    if (u.table is not None or u.loc.table is not None or not before or "\t" in u.text or "\t" in above.text
            or _fixed_gaps([*(b.text for b in before), above.text, u.text])):
        return None
    cells = _cells_at(u.text)
    if not cells:
        return None
    same_page = above.loc.page == u.loc.page  # else the first line of a page: nothing above it to carry on
    columns = _column_starts([b.text for b in before])
    if cells[0][0] <= left + 2:
        # the first column goes on (a table with no numbers): its words alone, in lower case, within the column;
        # the first line of a page too where a row of the table follows it straight away (a row cut by the break)
        after = None if same_page or u.loc.line is None else after_of()
        over = _cells_at(above.text) if same_page or (after is not None and after.loc.line == u.loc.line + 1) else None
        first = cells[0][2][:1]
        return (u, u.text) if (len(cells) == 1 and len(columns) >= 3 and cells[0][1] < columns[1] and over
                               and over[0][0] <= left + 2 and (first.islower() or first == "(")) else None
    choices: list[tuple[list[int], Unit]] = [(columns, u)]
    if u.loc.page is not None and before[-1].loc.page != u.loc.page and (after := after_of()) is not None:
        choices.append((_column_starts([after.text]), after))
    for cols, row in choices:
        text = _cut(u.text, cols)
        pieces = _cells_at(text)
        over = _cells_at(_cut(above.text, cols)) if same_page else None
        if len(cols) >= 3 and all(_under_column(start, end, cols, True) for start, end, _ in pieces) and (
                over is None or all(_wrapped(over, start, piece, cols) for start, _, piece in pieces)):
            return row, text
    return None


MIN_FIXED_GAPS = 8  # gaps between cells, all of one width or its multiples, that say each tab was set as that width
_SPACE_GAP = re.compile(r"(?:^|(?<=\S)) {3,}(?=\S)")  # a line's margin, or three spaces or more between words


def _fixed_gaps(texts: list[str]) -> bool:
    """The lines' gaps between cells (their margins too) are all one width or its multiples: tabs each set as a
    fixed run of spaces (a PDF whose producer drew a line of text with each tab as four spaces), not cells laid out
    under columns. Such a table's line is a row of its own, its empty cells one width each ("    người dân, doanh
    nghiệp                doanh nghiệp đạt trên 90%": an empty first cell, three empty cells), never the rest of the
    row above: the columns of a table laid out (``pdftotext -layout``) leave gaps of every width."""
    gaps = [len(m.group()) for t in texts if "\t" not in t for m in _SPACE_GAP.finditer(t.rstrip())]
    if len(gaps) < MIN_FIXED_GAPS:
        return False
    width = min(gaps)
    return all(g % width == 0 for g in gaps)


def _wrapped(over: list[tuple[int, int, str]], start: int, piece: str, columns: list[int]) -> bool:
    """A cell of the line above starts where ``piece`` does, and the piece goes on in lower case (or a figure), or
    its first word would not have fitted after that cell in its column (up to about the next column's start)."""
    cell = next((c for c in over if abs(c[0] - start) <= 2), None)
    if cell is None:
        return False
    if not piece[:1].isupper():  # a word in lower case, a figure: the sentence of the cell goes on
        return True
    right = next((at for at in columns if at > start + 2), None)
    # a proportional font set out in characters: the column's edge is known give or take a quarter of its width
    return right is None or cell[1] + 1 + len(piece.split()[0]) > right - 1 - max(3, (right - start) // 4)


def _under_column(start: int, end: int, columns: list[int], lenient: bool = False) -> bool:
    """A cell starts under a column and ends before the next one (``lenient``: give or take a quarter of the
    column's width, a proportional font set out in characters)."""
    near = [k for k, at in enumerate(columns) if abs(at - start) <= 2]
    if not near:
        return False
    if near[0] + 1 == len(columns):
        return True
    right = columns[near[0] + 1]
    return end <= right + (max(2, (right - start) // 4) if lenient else 0)


def _next_row(units: list[Unit], j: int, end: int, left: int, columns: list[int] | None = None) -> Unit | None:
    """The next row of a typed table after line ``j`` (a row starting at its first column ``left``; ``columns``: the
    table's, ``_cut_row``), within a page's worth of lines."""
    for k in range(j + 1, min(end, j + 60)):
        if (_is_row(units[k], first=False) or _cut_row(units[k], columns or [])) and (
                cells := _cells_at(units[k].text)) and cells[0][0] <= left + 2:
            return units[k]
    return None


def _cut_row(u: Unit, columns: list[int]) -> bool:
    """A row of a table laid out with spaces whose first cell runs up to the next column with one space between
    ("3. Hồ sơ công việc được 75%                       80%", pdftotext -layout of a narrow column): three cells
    once cut at the ``columns`` of the rows before it (``_cut``)."""
    return (len(columns) >= 3 and u.table is None and u.loc.table is None and u.gapped and "\t" not in u.text
            and len(_tab_cells(_cut(u.text, columns))) >= 3)


def _is_row(u: Unit, first: bool = True) -> bool:
    """A line of a table typed with tabs or wide spacing: three cells or more; after the first row also two
    cells set in from the margin (the cells of the first columns left empty, as under a merged header cell)."""
    if u.table is not None or u.loc.table is not None or not u.gapped:
        return False
    cells = len(_tab_cells(u.text))
    return cells >= 3 or (not first and cells == 2 and bool(_CELL_GAP.match(u.text)))


_ROW_NUMBERED = re.compile(r"^\d{1,2}\.?$")  # a typed table's row number ("1", "12.")
_ROW_NUMBERED_DOTTED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")  # or a task's under its group ("3.2", "1.1.")
_LIST_MARKER = re.compile(r"^(?:[-+*•–]|\d{1,2}(?:\.\d{1,2})*[.)]|(?:dd|[a-zđ])[).]|[IVX]{1,4}\.)\s")


def _set_in(u: Unit) -> bool:
    """A line of a typed table set in from the margin (its first column left empty), not a point of a list: the
    rest of the row above, wrapped in its cells ("1 <tab> Thủ tục ... cung cấp dưới <tab> 100%" then
    "<tab> dạng dịch vụ công trực tuyến toàn trình")."""
    t = u.text.strip().lstrip("#*_ ")  # "## III. NHIỆM VỤ": a heading's Markdown marks are not its text
    return (bool(t) and u.table is None and u.loc.table is None and bool(_CELL_GAP.match(u.text))
            and not _LIST_MARKER.match(t) and marker_of(t)[1] not in ("part", "roman", "upper"))


def _under_a_column(u: Unit, rows: list[Unit]) -> bool:
    """A line set in (by a tab, or with spaces under the columns of a table laid out as text) starts under a column
    of ``rows``: a cell's rest, not a line centred or indented on its own under the table."""
    if "\t" in u.text or any("\t" in r.text for r in rows):
        return True
    cells = _cells_at(u.text)
    return bool(cells) and any(abs(at - cells[0][0]) <= 2 for at in _column_starts([r.text for r in rows]))


# a group's number in a table: "II", "B." (Roman numerals and capital letters, as a table's groups are numbered
# above its rows' 1, 2, 3)
GROUP_NUMBER = re.compile(r"^(?:[IVXL]{1,5}|[A-ZĐ])\.?$")


def _numbered_group(u: Unit) -> bool:
    """A group's title row typed as two cells, its number and its title ("II <tab> PHÁT TRIỂN CHÍNH QUYỀN SỐ": a
    Word table's row whose title cell is merged across the other columns, saved as text)."""
    cells = _tab_cells(u.text) if u.table is None and u.loc.table is None else []
    return len(cells) == 2 and bool(GROUP_NUMBER.match(cells[0])) and not _FIGURE.search(cells[1])


def _subnumbered_group(u: Unit, nxt: Unit) -> bool:
    """A group's title row numbered in Arabic figures, its rows numbered under its number ("1. <tab> Hạ tầng số"
    over "1.1 <tab> Kiểm tra …"): the group of a table whose TT column is numbered "1.", "2.", not a point."""
    cells = _tab_cells(u.text) if u.table is None and u.loc.table is None else []
    m = re.fullmatch(r"(\d{1,2})\.?", cells[0]) if len(cells) == 2 else None
    under = _tab_cells(nxt.text)[:1] if nxt.table is None and nxt.loc.table is None else []
    return (m is not None and not _FIGURE.search(cells[1]) and bool(under)
            and re.fullmatch(rf"{m.group(1)}\.\d{{1,2}}\.?", under[0]) is not None)


def _numbered_start(u: Unit) -> bool:
    """A typed row that opens with its number and a cell ("4 <tab> Báo cáo định kỳ ..."), its other cells on the
    lines set in under it."""
    cells = _tab_cells(u.text) if u.table is None and u.loc.table is None else []
    return len(cells) == 2 and bool(_ROW_NUMBERED.match(cells[0]))


TITLE_LINES = 6  # lines a group's title wraps onto in its column, at most ("5. Đào tạo," / "tuyên" / … / "nhân lực")


def _rest_of_title(title: Unit, u: Unit, nxt: Unit | None = None) -> bool:
    """Line ``u`` goes on with the title of a group's row ``title`` laid out as text (pdftotext -layout), wrapped in
    its narrow column: one cell set in under the title's start, after a group's number and its title ("III
    Phát triển dữ" / "       liệu số"), or, in lower case, under a title set in the first column with its number
    ("1. Hạ tầng" / "số"). On a page after the title's, which may set the columns elsewhere, a numbered group's
    rest in lower case is set in under the second cell of the row after it (``nxt``: "           nhân lực" over
    "13         Bồi dưỡng …")."""
    cells = _cells_at(title.text) if "\t" not in title.text else []
    numbered = len(cells) == 2 and GROUP_NUMBER.match(cells[0][2]) is not None
    if not (numbered or (len(cells) == 1 and title.plain)) or _FIGURE.search(cells[-1][2]):
        return False
    rest = _cells_at(u.text) if u.table is None and u.loc.table is None else []
    if len(rest) != 1:
        return False
    if abs(rest[0][0] - cells[-1][0]) <= 2:
        return numbered or not rest[0][2][:1].isupper()
    below = _cells_at(nxt.text) if nxt is not None and "\t" not in nxt.text else []
    return (numbered and title.loc.page is not None and u.loc.page is not None and u.loc.page > title.loc.page
            and rest[0][2][:1].islower() and len(below) >= 3 and abs(below[1][0] - rest[0][0]) <= 2)


def _past_title(units: list[Unit], k: int, end: int) -> int:
    """The line after a group's title row ``k`` and the lines its title wraps onto (``_rest_of_title``)."""
    n = k + 1
    while n < min(end, k + 1 + TITLE_LINES) and _rest_of_title(units[k], units[n], units[n + 1] if n + 1 < end
                                                                else None):
        n += 1
    return n


def _tab_tables(units: list[Unit], start: int, end: int, double_spaced: bool = False) -> dict[int, int]:
    """Tables typed with tabs or wide spacing: runs of two rows or more, the first a header row (no figure) of
    three cells or more; in a double-spaced extraction the blank line after each row does not end the table.
    A short line between two rows is the title of the rows under it, written across the table (a merged row of
    a Word table saved as text: "1. Hạ tầng số" between "TT  Nhiệm vụ  Chủ trì ..." and "1.1  Rà soát ...").
    {first index: end}."""

    def group_row(k: int) -> bool:
        t = units[k].text.strip()
        nxt = _past_title(units, k, end)
        if double_spaced and nxt + 1 < end and not units[nxt].text.strip():
            nxt += 1
        return (bool(t) and len(t) <= 120 and nxt < end and _is_row(units[nxt], first=False)
                and (units[k].plain or _numbered_group(units[k]) or _subnumbered_group(units[k], units[nxt])))

    def filled(k: int) -> int:  # line k, or the line after it where k is the blank line double spacing puts
        return k + 1 if double_spaced and k + 1 < end and not units[k].text.strip() else k

    def continued(k: int) -> bool:  # the table goes on after line k
        nxt = filled(k + 1)
        return nxt < end and (_is_row(units[nxt], first=False) or _set_in(units[nxt]) or _numbered_start(units[nxt]))

    def rest(k: int, seen: list[Unit]) -> bool:
        # a row's cells wrapped onto the line under it; after the last row only a short rest of a cell, never a
        # sentence (a paragraph set in by a tab) nor a line set in with spaces elsewhere than under a column
        # ("Phụ lục III" centred under a table laid out as text) nor under none of the line above's cells (a
        # cell's lines laid out follow each other: "   NHIỆM VỤ, GIẢI PHÁP" after a cell's last line "      định")
        t = units[k].text.strip()
        above = next((units[n] for n in range(k - 1, start - 1, -1) if units[n].text.strip()), units[k])
        return _set_in(units[k]) and (continued(k) or (len(t) <= 60 and not _SENTENCE_END.search(t)
                                                        and _under_a_column(units[k], seen)
                                                        and _under_a_column(units[k], [above])))

    def opens_row(k: int) -> bool:  # a row's number and first cell, its other cells on the lines set in under it
        return _numbered_start(units[k]) and (n := filled(k + 1)) < end and _set_in(units[n])

    runs: dict[int, int] = {}
    i = start
    while i < end:
        if _is_row(units[i]) and not _FIGURE.search(units[i].text):
            j, rows = i + 1, 1
            seen = [units[i]]
            left = _cells_at(units[i].text)[0][0]
            carried = 0  # lines carrying the last row on
            while j < end:
                above = next(units[k] for k in range(j - 1, i - 1, -1) if units[k].text.strip())
                columns = _column_starts([s.text for s in seen[-5:]])
                if carried < MAX_CARRIED and _continues(units[j], above, seen[-5:],
                                                        partial(_next_row, units, j, end, left, columns), left):
                    j, carried = j + 1, carried + 1  # a cell's text carried on over the next line, under its column
                elif _is_row(units[j], first=False) or _cut_row(units[j], columns):
                    seen.append(units[j])
                    j, rows, carried = j + 1, rows + 1, 0
                elif double_spaced and not units[j].text.strip() and j + 1 < end and (
                        _is_row(units[j + 1], False) or group_row(j + 1) or rest(j + 1, seen) or opens_row(j + 1)):
                    j += 1
                elif group_row(j) and not _set_in(units[j]):
                    j += 1
                elif not units[j].text.strip() and (k := _row_after_gap(units, j, end, left)) is not None:
                    j = k  # blank lines between the rows of a table laid out as text (pdftotext -layout)
                elif rest(j, seen) or opens_row(j):
                    j += 1
                else:
                    break
            if rows >= 2:
                runs[i] = j
                i = j
                continue
        i += 1
    return runs


_ROW_NO = re.compile(r"^(\d{1,2})\.?$")  # a row's number alone on its line
_UNIT_CELL = re.compile(r"^\(?\s*%\s*\)?$")  # a row's unit of measure alone on its line
# a figure alone on its line: a few words before it (a comparator's: "Tối thiểu 80", "≥ 75"), a number up to 100, a
# percent sign or not ("100 %"); read by ``cell_figure``, which takes any comparator's words off first
_CELL_FIGURE = re.compile(r"^[^\d%]{0,14}?(?<![\d.,/])\d{1,3}(?:[.,]\d{1,2})?\s*%?$")


def cell_figure(text: str) -> bool:
    """A cell that holds a figure alone: ``_CELL_FIGURE``, after the comparator phrase it opens with, however long
    (rules/conventions.yaml ``comparators``: "Không thấp hơn 45%", "Bằng hoặc cao hơn 80%"), and without the bound
    that closes it (``figure_bounds``: "Từ 75% trở lên")."""
    words = text.split()
    for bound in conventions().figure_bounds:
        n = len(bound.split())
        if len(words) > n and squash(" ".join(words[-n:])) == squash(bound):
            words = words[:-n]
            break
    return _CELL_FIGURE.match(_sign_of_percent(" ".join(words[comparator_opening(words):]))) is not None


def _sign_of_percent(cell: str) -> str:
    """A cell's closing percent in another form as the sign ("100 phần trăm", "85 o/o": conventions
    ``percent_forms``): "100%"."""
    low = cell.lower()
    form = next((f for f in conventions().percent_forms if low.endswith(f.lower())), None)
    return cell if form is None else cell[: len(cell) - len(form)].rstrip() + "%"


STACKED_HEADER_LINES = 10  # a header's cells, each alone on its line (some wrapped over two)
STACKED_ROW_LINES = 25  # the lines of one row: its number, its words, its unit and its figures


@lru_cache(maxsize=1)
def _column_words() -> tuple[frozenset[str], dict[str, re.Pattern[str]]]:
    """The words of a targets table's header cells (rules/conventions.yaml, table_columns): the numbering column's,
    and one pattern per role, an own phrase holding an ignored word ("phường thực hiện") read first."""
    cols = conventions().table_columns

    def words(phrases: Iterable[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(p) for p in sorted({squash(w) for w in phrases}, key=len, reverse=True) if p)
        return re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])")

    ignore = words(cols.ignore)
    own_first = [o for o in cols.own if ignore.search(squash(o))]
    return frozenset(squash(w) for w in cols.ignore[:3]), {  # "STT", "TT", "số thứ tự"
        "own-first": words(own_first or ["\0"]), "ignore": ignore, "reference": words(cols.reference),
        "own": words(cols.own)}


def _header_role(text: str) -> str | None:
    sq = squash(text)
    roles = _column_words()[1]
    for role in ("own-first", "ignore", "reference", "own"):
        if roles[role].search(sq):
            return "own" if role == "own-first" else role
    return None


def _stacked_roles(header: list[str]) -> list[tuple[str, str]]:
    """The figure columns of a header flattened one cell per line, in order: "reference" (the parent's: "TP
    giao") or "own" ("Phường đăng ký"), with their words; a cell wrapped over two lines is read once ("Phường" /
    "đăng ký"; "Đơn vị" / "tính" is the unit of measure, not "tỉnh")."""
    roles: list[tuple[str, str]] = []
    for k, text in enumerate(header):
        role = _header_role(text)
        if k and _header_role(f"{header[k - 1]} {text}") == "ignore":
            role = "ignore"  # the end of a cell wrapped over two lines ("Đơn vị" / "tính")
        if role in ("reference", "own"):
            if roles and roles[-1][0] == role:
                roles[-1] = (role, f"{roles[-1][1]} {text}")
            else:
                roles.append((role, text))
    return roles


Stacked = tuple[int, list[list[tuple[str, int]]]]  # where the table ends; its rows of (cell text, unit index)


def _stacked_rows(texts: list[str], j: int, roles: int) -> tuple[int, list[list[tuple[str, int]]], bool]:
    """The rows from line ``j`` (the row numbered 1): each from its number to the next number, its words, its unit
    ("%") and its figures (at most ``roles``) alone on their lines; a page's number or running header between two
    rows set aside. Returns where the rows end, the rows (number, words, unit, figures) and whether a unit is
    written."""
    rows: list[list[tuple[str, int]]] = []
    has_unit = False
    n = 1
    while j < len(texts) and (m := _ROW_NO.match(texts[j])) and int(m.group(1)) == n:
        words: list[tuple[str, int]] = []
        unit: tuple[str, int] | None = None
        figures: list[tuple[str, int]] = []
        end = j + 1
        while end < min(len(texts), j + STACKED_ROW_LINES):
            t = texts[end]
            if t == "\0" or ((nxt := _ROW_NO.match(t)) is not None and int(nxt.group(1)) == n + 1):
                break
            if t and _UNIT_CELL.match(t) and words and not figures:
                unit = (t, end)
            elif t and cell_figure(t) and words:
                if len(figures) < roles:
                    figures.append((t, end))
            elif t and not figures:
                words.append((t, end))
            elif t and len(figures) == roles:
                break  # the text after the table's last row
            end += 1
        if not words:
            break
        has_unit = has_unit or unit is not None
        missing = roles - len(figures)  # a row giving fewer figures: the last columns' (the unit's)
        rows.append([(texts[j], j), (" ".join(w for w, _ in words), words[0][1]), unit or ("", words[0][1]),
                     *[("", words[0][1])] * missing, *figures])
        j, n = end, n + 1
    while j > 0 and not texts[j - 1]:
        j -= 1  # the blank lines after the last row are not the table's
    return j, rows, has_unit


def _stacked_tables(units: list[Unit], start: int, end: int) -> dict[int, Stacked]:
    """Tables flattened one cell per line, as an OCR or a copy from a PDF gives a Word table: "TT" / "Chỉ tiêu" /
    "TP giao" / "Phường đăng ký", then each row: its number alone ("1"), its words over one line or more, its unit
    ("%") and its figures, each alone on its line. Only a header that names the parent's or the unit's column,
    and two rows or more with figures. {first index: (end, rows)}, the header first among the rows."""
    texts = [u.text.strip() if u.table is None and u.loc.table is None else "\0" for u in units[:end]]
    numbering = _column_words()[0]
    out: dict[int, Stacked] = {}
    k = start
    while k < end:
        if len(texts[k]) > 12 or squash(texts[k]) not in numbering:
            k += 1
            continue
        header: list[str] = []
        j = k + 1
        while j < end and len(header) < STACKED_HEADER_LINES:
            t = texts[j]
            if t and (t == "\0" or any(ch.isdigit() for ch in t) or len(t.split()) > 6):
                break
            if t:
                header.append(t)
            j += 1
        roles = _stacked_roles(header)
        first = _ROW_NO.match(texts[j]) if j < end else None
        if not roles or first is None or first.group(1) != "1":
            k += 1
            continue
        stop, rows, has_unit = _stacked_rows(texts, j, len(roles))
        if sum(1 for r in rows if any(c for c, _ in r[3:])) < 2:
            k += 1
            continue
        head = [(texts[k], k), ("", k), ("Đơn vị tính" if has_unit else "", k), *[(w, k) for _, w in roles]]
        out[k] = (stop, [head, *rows])
        k = stop
    return out


GAP_LINES = 2  # blank lines a table laid out as text leaves between two of its rows (a row's padding)


def _row_after_gap(units: list[Unit], j: int, end: int, left: int) -> int | None:
    """The index of the row that follows the blank line ``j`` and at most one more: a line of three cells or more
    whose first cell starts at the table's first column ``left`` (a row, not a paragraph set in), else None."""
    for k in range(j + 1, min(end, j + GAP_LINES + 1)):
        if units[k].text.strip():
            cells = _cells_at(units[k].text) if _is_row(units[k]) else []
            return k if cells and abs(cells[0][0] - left) <= 2 else None
    return None


def _wraps_into(row: list[TableCell], cells: list[str]) -> bool:
    """``cells`` (first column empty) are the rest of ``row`` (numbered: "3", "3.2"), wrapped in its cells: no column
    holds a figure in both (a sub-row under a numbered row gives its own figures where the row has them)."""
    if len(cells) != len(row) or cells[0] or not _ROW_NUMBERED_DOTTED.match(row[0].text):
        return False
    return not any(_FIGURE.search(a.text) and _FIGURE.search(b) for a, b in zip(row, cells, strict=True))


def _joined_row(row: list[TableCell], cells: list[str]) -> list[TableCell]:
    """``row`` with each cell's wrapped rest joined to it (the cell keeps where it began)."""
    return [c.model_copy(update={"text": cell_joined(c.text, more)}) if more else c
            for c, more in zip(row, cells, strict=True)]


# a date whose year a narrow column broke ("Trước 15/12/202" / "5": a word wider than its column is cut anywhere)
_YEAR_CUT = re.compile(r"\b\d{1,2}/(?:\d{1,2}/)?(\d{1,3})$")


def cell_joined(cell: str, piece: str) -> str:
    """A cell's text with the ``piece`` its next line carries on joined: with no space after a word broken at a
    hyphen ("KT-" then "XH": "KT-XH"; Vietnamese is not hyphenated at line ends, a hyphen there is written) or
    inside a date's year cut by the column ("15/12/202" then "5"), else with one."""
    if not cell:
        return piece
    year = _YEAR_CUT.search(cell)
    rest = re.match(r"\d+(?!\w)", piece) if year else None
    if _HYPHEN_BREAK.search(cell) or (year and rest and re.fullmatch(r"20\d\d", year.group(1) + rest.group())):
        return f"{cell}{piece}"
    return f"{cell} {piece}".strip()


def _placed_cells(texts: list[str], pages: list[int | None] | None = None) -> list[list[str]]:
    """The cells of a typed table's rows, each in its column. Tabs and wide spacing drop empty cells, but leave
    their trace. Where the cells of every row start at as many places as the table has columns (columns
    aligned with spaces), each cell goes to the column it starts under. Otherwise a shorter row has its
    empty cells where its gaps are wider than the table's gap between two cells (one more tab, or one more
    gap's width of spaces), the margin before its first cell included (the columns under a merged header cell);
    any others at its end. A page of a PDF laid out as text (``pages``, one per row) that sets the columns elsewhere
    and leaves some empty in all its rows has its cells put by what they hold (``_page_columns``)."""
    parsed: list[tuple[list[str], list[str], list[int]]] = []  # cells, gaps before each (margin first), starts
    for t in texts:
        t = t.rstrip()
        body = t.lstrip(" \t\u00a0")
        lead = len(t) - len(body)
        cells, gaps, starts, pos = [], [t[:lead]], [], 0
        for m in _CELL_GAP.finditer(body):
            cells.append(body[pos : m.start()].strip())
            starts.append(_expand_cols(t, lead + pos))
            gaps.append(m.group())
            pos = m.end()
        cells.append(body[pos:].strip())
        starts.append(_expand_cols(t, lead + pos))
        parsed.append((cells, gaps, starts))
    width = max(len(cells) for cells, _, _ in parsed)
    # where cells start, in every row: as many places as columns when aligned
    columns = _clustered(at for _, _, starts in parsed for at in starts)
    if len(columns) == width and len(parsed) >= 2:
        return [_under_columns(cells, starts, columns) for cells, _, starts in parsed]
    # columns set with spaces (tabs put a cell at the next stop, wherever the cell before it ended; tabs drawn each
    # as a fixed run of spaces put it a run after the cell before: rows of such a table align only by chance)
    spaced = not any("\t" in t for t in texts) and not _fixed_gaps(texts)
    aligned = _aligned_runs([[(at, at + len(c)) for c, at in zip(cells, starts, strict=True) if c]
                             for cells, _, starts in parsed], width) if spaced else {}
    by_page = _page_columns(
        [[(at, c) for c, at in zip(cells, starts, strict=True) if c] for cells, _, starts in parsed],
        [_under_columns(cells, starts, aligned[r]) for r, (cells, _, starts) in enumerate(parsed)
         if r in aligned and r],  # the header (row 0) holds words in every column: left out
        pages, width, aligned) if spaced and pages else {}
    unit = min((len(g) for _, gaps, _ in parsed for g in gaps[1:] if "\t" not in g), default=MIN_GAP)

    def size(gap: str) -> float:  # in gaps between two cells
        return float(gap.count("\t")) if "\t" in gap else len(gap.replace("\u00a0", " ")) / unit

    # the margin every row shares (a text set in as a whole, "    1<tab>…" and "    <tab>mạng …") is no cell's gap:
    # a row's own margin is what it adds to it ("<tab>": its first cell left empty)
    shared = len(os.path.commonprefix([gaps[0] for _, gaps, _ in parsed]))
    margin = min(size(gaps[0][shared:]) for _, gaps, _ in parsed)
    out: list[list[str]] = []
    for r, (cells, gaps, starts) in enumerate(parsed):
        if r in by_page:
            out.append(by_page[r])
            continue
        if r in aligned:
            out.append(_under_columns(cells, starts, aligned[r]))
            continue
        empties = [0] * len(cells)
        excess = [size(gaps[0][shared:]) - margin] + [size(g) - 1 for g in gaps[1:]]
        for _ in range(width - len(cells)):
            k = max(range(len(excess)), key=lambda n: excess[n])
            if excess[k] < 0.9:
                break
            empties[k] += 1
            excess[k] -= 1
        row: list[str] = []
        for k, cell in enumerate(cells):
            row += [""] * empties[k] + [cell]
        out.append(row + [""] * (width - len(row)))
    return out


def _cell_kind(text: str) -> str:
    """What a cell holds, to tell its column: a row's number, a unit of measure ("%"), a figure, words."""
    if _ROW_NUMBERED.match(text):
        return "number"
    if _UNIT_CELL.match(text):
        return "unit"
    return "figure" if cell_figure(text) or _FIGURE.search(text) else "words"


MAX_PAGE_PLACINGS = 1000  # ways of leaving a page's empty columns out tried at most (a bound on hostile input)


def _page_columns(rows: list[list[tuple[int, str]]], placed: list[list[str]], pages: list[int | None], width: int,
                  aligned: dict[int, list[int]]) -> dict[int, list[str]]:
    """The rows of a page after the table's first (a PDF laid out as text) whose cells start at fewer places than
    the table has columns (three or more, starts 2 apart taken as one): the page sets the columns elsewhere and
    leaves some empty in all its rows (a "Ghi chú" column, last or second). Which ones is told by what the cells
    hold: each place goes, in order, to the column whose cells in the rows already ``placed`` (the header left out)
    hold the same (a row's number, a unit, a figure, words), the most of them in all; even, the empty columns last.
    ``rows``: each row's cells (start, text); returns each such row placed in the table's columns."""
    held = [[_cell_kind(row[c]) for row in placed if c < len(row) and row[c]] for c in range(width)]
    out: dict[int, list[str]] = {}
    for page in dict.fromkeys(pages):
        mine = [r for r, at in enumerate(pages) if at == page and r not in aligned and rows[r]]
        if page is None or page == pages[0] or not mine or not placed:
            continue
        columns = _clustered(start for r in mine for start, _ in rows[r])
        if not 3 <= len(columns) < width:
            continue
        at = {r: [_nearest(columns, start) for start, _ in rows[r]] for r in mine}
        if any(len(set(at[r])) < len(at[r]) for r in mine):
            continue  # two cells of a row under one place: not columns
        kinds = [[_cell_kind(text) for r in mine for (_, text), k in zip(rows[r], at[r], strict=True) if k == j]
                 for j in range(len(columns))]
        best = max(islice(combinations(range(width), len(columns)), MAX_PAGE_PLACINGS),
                   key=partial(_kinds_held, kinds, held))
        for r in mine:
            row = [""] * width
            for (_, text), k in zip(rows[r], at[r], strict=True):
                row[best[k]] = text
            out[r] = row
    return out


def _nearest(columns: list[int], start: int) -> int:
    return min(range(len(columns)), key=lambda k: abs(columns[k] - start))


def _kinds_held(kinds: list[list[str]], held: list[list[str]], cols: tuple[int, ...]) -> float:
    """How well the cells of a page's places (``kinds``, place by place) match what the table's columns ``cols``
    hold on the page before (``held``): for each cell, the share of its column's cells of its kind."""
    return sum(held[c].count(kind) / len(held[c]) for j, c in enumerate(cols) for kind in kinds[j] if held[c])


def _split_touching(lines: list[Unit], left: int) -> list[Unit]:
    """The rows of a table laid out with spaces whose text runs up to the next column's with one or two spaces
    between (``pdftotext -layout`` of a narrow column: "Văn bản được ký Trên 90%"), cut there: at a space within
    two characters of where a column starts in the rows that have every cell (those of its page, where it has
    some; a page with none, its last columns left empty, by where its own rows' cells start, when they start at
    as many places as the table has columns; and only where the line's own cells start at those columns; failing
    that, where the rows of its page start, at fewer places, when the page leaves some columns empty in all its
    rows). Other lines as they are."""
    cells_of = [_cells_at(u.text) for u in lines]
    width = max(map(len, cells_of), default=0)
    if width < 3 or any("\t" in u.text for u in lines) or _fixed_gaps([u.text for u in lines]):
        return lines  # tabs typed, or each set as a fixed run of spaces: no column to cut at
    full: dict[int | None, list[str]] = {}
    for u, cells in zip(lines, cells_of, strict=True):
        if len(cells) == width:
            full.setdefault(u.loc.page, []).append(u.text)
    every = [t for texts in full.values() for t in texts]
    # a page with no row that has every cell (its last columns left empty): where its rows' cells start
    starts_of: dict[int | None, list[int]] = {}
    for u, cells in zip(lines, cells_of, strict=True):
        if u.loc.page not in full and not u.plain:
            starts_of.setdefault(u.loc.page, []).extend(c[0] for c in cells)
    columns_of = {page: columns for page, starts in starts_of.items()
                  if len(columns := _clustered(starts)) == width}
    fewer_of = {page: columns for page, starts in starts_of.items()
                if 3 <= len(columns := _clustered(starts)) < width}
    out = []
    for u, cells in zip(lines, cells_of, strict=True):
        if not every or not cells or len(cells) > width or cells[0][0] > left + 2 or u.plain:
            out.append(u)  # a group's title across the table stays whole
            continue
        columns = columns_of.get(u.loc.page) or _column_starts(full.get(u.loc.page) or every)
        if len(cells) == width:
            # a row with as many cells as the table's fullest rows, one of them two cells run together: the table
            # has a column more than any row fills, where the page's other rows start their cells
            columns = _clustered(c[0] for v, cs in zip(lines, cells_of, strict=True)
                                 if v.loc.page == u.loc.page and not v.plain and len(cs) >= 3 for c in cs)
            if len(columns) != width + 1:
                out.append(u)
                continue
        if not _starts_under(cells, columns):
            # a page that sets the columns elsewhere and leaves some empty in all its rows: its own places
            columns = fewer_of.get(u.loc.page, [])
        if not columns or not _starts_under(cells, columns):
            out.append(u)  # its columns are not those (a page that sets them elsewhere)
            continue
        text = _cut(u.text, columns)
        out.append(u if text == u.text else Unit(text=text, loc=u.loc))
    return out


def _starts_under(cells: list[tuple[int, int, str]], columns: list[int]) -> bool:
    return all(any(abs(at - start) <= 2 for at in columns) for start, _, _ in cells)


# how a cell opens: a capital, a figure, a comparator, "%", a figure in brackets ("(34,9%)" under "29/83")
_CELL_OPENING = re.compile(rf"[{UPPER}\d≥≤<>%]|\(\d")


def ends_with_comparator(text: str) -> bool:
    """``text`` ends with a comparator ("Trên", "Tối thiểu", "≥"): the figure after it is the same cell's ("Trên
    90% Trên 95%" of two columns one space apart is cut before the second "Trên", not after the first)."""
    words = squash(text)
    return any(words == w or words.endswith(f" {w}") if w[0].isalnum() else text.rstrip().endswith(w)
               for w, _ in comparator_words())


def _cut(text: str, columns: list[int]) -> str:
    """``text`` (set out with spaces) with a cell cut (``_CUT``) where it runs on past a column's start with one
    or two spaces before it, the next word opening a cell (a capital, a figure: "ký Trên 90%"), at most four
    characters before that start or two after (a proportional font set out in characters), never between a
    comparator and its figure (``ends_with_comparator``); a word in lower case
    after one space only where it starts just at a column's start (no word of the cell before reaches there:
    "toàn thông tin viên", "viên" under the next column's start); the same length: the columns stay put."""
    for start, end, _ in _cells_at(text):
        for at in (at for at in columns if at > start + 2):  # the columns after the cell's own
            cuts = [p for p in range(at - 4, at + 3) if start + 2 < p < end and text[p - 1] == " "
                    and (_CELL_OPENING.match(text, p) or p == at and text[p].isalpha() and text[p - 2] != " ")
                    and text[p - 3 : p - 1].count(" ") < 2  # one or two spaces
                    and not (text[p].isdigit() and ends_with_comparator(text[start : p - 1]))]
            if cuts:
                p = cuts[0]  # the first: "Trên 90%" is one cell, not "Trên" and "90%"
                text = text[: p - 1] + _CUT + text[p:]
    return text


Carried = tuple[Unit, Unit | None, str]  # the row a line carries on, the row it is aligned with (None: that row), it


def _carried_on(typed: list[Unit], left: int) -> tuple[list[Unit], list[Carried]]:
    """The lines of a typed table (its first column at ``left``) without those that carry the cells of a row on
    (``_continues``), and those."""
    lines: list[Unit] = []
    carried: list[Carried] = []
    rows: list[Unit] = []  # the rows so far (their columns)
    run = 0  # lines carrying the last row on
    for k, u in enumerate(typed):
        aligned = None
        if lines and not lines[-1].plain and run < MAX_CARRIED:
            aligned = _continues(u, typed[k - 1], rows[-5:], partial(
                _next_row, typed, k, len(typed), left, _column_starts([r.text for r in rows[-5:]])), left)
        elif lines and run < TITLE_LINES and _rest_of_title(lines[-1], u, typed[k + 1] if k + 1 < len(typed) else None):
            aligned = (u, u.text)  # a group's title wrapped in its column: one cell, its rest joined to it
        if aligned is None:
            if not u.plain:
                rows.append(u)
            lines.append(u)
            run = 0
        else:
            carried.append((lines[-1], None if aligned[0] is u else aligned[0], aligned[1]))
            run += 1
    return lines, carried


def _carry(cells: list[str], aligned: str, aligned_cells: list[str], line: str) -> None:
    """Add to a row's placed ``cells`` the pieces of a ``line`` that carries them on, each to the column of the
    cell of the ``aligned`` row (placed as ``aligned_cells``) that starts nearest it (``cell_joined``)."""
    starts = [start for start, _, _ in _cells_at(aligned)]
    filled = [k for k, c in enumerate(aligned_cells) if c]
    if len(starts) != len(filled) or not filled:
        return
    at = dict(zip(filled, starts, strict=True))
    for start, _, piece in _cells_at(line):
        k = min(at, key=lambda c: abs(at[c] - start))
        if k < len(cells):
            cells[k] = cell_joined(cells[k], piece)


def _aligned_runs(cells: list[list[tuple[int, int]]], width: int) -> dict[int, list[int]]:
    """Rows whose cells (start, end) are aligned in columns: runs of consecutive rows, two or more, one of which
    has every cell (rows typed with spaces, not laid out, may align by chance) or, three or more, from the table's
    first (its header: a header in two tiers has the columns of the cells under its merged cell), whose cells start
    at ``width`` places in all (starts 2 apart taken as one), none running past the next place; each row with those
    places.
    A table over two pages of a PDF laid out as text may have its columns at other places on each page: each
    page's rows are a run."""
    out: dict[int, list[int]] = {}
    r = 0
    while r < len(cells):
        k, columns = r, list[int]()
        while k < len(cells):
            merged = _clustered([*columns, *(start for start, _ in cells[k])])
            # every row of the run under the places the new row adds: a header's cell over two columns
            # ("Nội dung nhiệm vụ" over the place of "Phối hợp" below) says the rows were not aligned
            if len(merged) > width or not all(_under_column(start, end, merged)
                                              for row in cells[r : k + 1] for start, end in row):
                break
            columns, k = merged, k + 1
        full = any(len(cells[n]) == width for n in range(r, k))
        if len(columns) == width and k - r >= 2 and (full or r == 0):
            out.update({n: columns for n in range(r, k)})
        r = max(k, r + 1)
    return out


def _under_columns(cells: list[str], starts: list[int], columns: list[int]) -> list[str]:
    """A row's cells put in the columns (their start positions) they start under, in order."""
    row = [""] * len(columns)
    prev = -1
    for k, (cell, start) in enumerate(zip(cells, starts, strict=True)):
        col = max([c for c, at in enumerate(columns) if at <= start + 1] or [0])
        col = min(max(col, prev + 1), len(columns) - (len(cells) - k))  # in order, room left for the rest
        row[col] = cell
        prev = col
    return row


def _table_block(rows: list[list[TableCell]]) -> Block:
    """A table's block, each cell's words one space apart (a cell is one piece of text: spacing typed or justified
    inside it is no gap between cells)."""
    return Block(kind="table", rows=[[c.model_copy(update={"text": " ".join(c.text.split())}) if "  " in c.text else c
                                      for c in row] for row in rows])


def pipe_cells(text: str) -> list[str]:
    """The cells of a Markdown table's row, each as one line (its ``<br>`` line breaks as spaces)."""
    return [" ".join(cell_lines(c)) if "<" in c else one_spaced(c) for c in _raw_cells(text)]


def _raw_cells(text: str) -> list[str]:
    return text.strip().strip("|").split("|")


class _Body:
    """Joins physical lines into paragraphs, headings and list items."""

    def __init__(self, units: list[Unit], double_spaced: bool, blank_after_lines: bool) -> None:
        self.units = units
        self.double_spaced = double_spaced
        # a blank line after (nearly) every line: between two rows of a typed table it ends nothing, even where
        # the blank lines between paragraphs are real breaks
        self.blank_after_lines = blank_after_lines
        self.tables = max((u.loc.table or 0 for u in units), default=0)
        typed = [u for u in units if u.table is None and u.text.strip() and "\t" not in u.text.strip()
                 and u.loc.table is None]
        # as typed: where the lines were wrapped (a row of a table or a two-column line set out with spaces is as
        # long as its columns, not the width the text was wrapped at)
        lengths = sorted(len(u.text.rstrip()) + u.marks for u in typed if u.plain) or sorted(
            len(u.text.rstrip()) + u.marks for u in typed)
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        before = [a.part.raw_len for a, u in zip(typed, typed[1:], strict=False)
                  if u.part.text[:1].islower() and not u.part.marker[1]]
        cont, slack = len(before), min(14, self.width // 5)
        # wrapped: lines go on in lower case often enough, or each line they go on from reaches the width (a text of
        # short paragraphs rewrapped at a wide width wraps a few of them only, always at that width)
        self.wrapped = cont >= 3 and self.width <= 160 and (cont >= 0.08 * len(typed) or (
            min(before) >= max(20, self.width - slack) and max(before) <= self.width + slack))
        self.room = self._wrap_room(units)

    def _wrap_room(self, units: list[Unit]) -> int | None:
        """The most room a full line leaves where the text really wraps (the next line goes on in lower case): the
        width less the line and the next line's first word. A text wrapped word by word at one width (a monospace
        rewrap) leaves none, a proportional font set out in characters or a line typed by hand some; a line that
        leaves more than this was not wrapped there. None where no wrap is seen."""
        room: int | None = None
        for a, b in zip(units, units[1:], strict=False):
            nxt = b.part.text
            if not (nxt[:1].islower() and a.plain and b.plain) or b.part.marker[1]:
                continue
            part = a.part
            if self.full(part) and not _HYPHEN_BREAK.search(part.text):
                left = self.width - part.raw_len - 1 - len(nxt.split()[0])
                room = left if room is None else max(room, left)
        return room

    def full(self, part: _Part) -> bool:
        """The line reaches the wrapping width, give or take one long word (14 characters, a fifth of a narrow
        width: at 45 columns a 31-character title line is not full)."""
        return self.wrapped and part.raw_len >= max(20, self.width - min(14, self.width // 5))

    def joins(self, cur: _Building, p: _Part, unit: Unit) -> str | None:
        """The joiner (" " or "" for a hyphenated word) when ``p`` continues ``cur``, else None."""
        if unit.heading_level is not None:
            return None
        prev_part = cur.parts[-1]
        prev = prev_part.text
        if prev.rstrip().endswith("./.") or RECIPIENTS.match(squash(p.text)):
            return None  # "./." closes a document's text (NĐ 30/2020); "Nơi nhận:" opens its closing
        if _opens_letter_part(p.text) or opens_title(p.text):
            return None  # "V/v ..." under a letter's number, "Kính gửi:", "KẾ HOẠCH Ứng dụng …": each a block
        if _LEADER_FIRST.match(p.text):
            return " "  # "... tối thiểu" / "........ 82,5%": a dot leader joins a label to its value, wrapped or not
        if _form_phrase_cut(prev, p.text):
            return " "  # "… CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM …": a one-line header wrapped inside the motto
        if len(cur.parts) == 1 and self._heading_like(prev_part):
            # a heading's title goes on over a full line in lower case, or in a figure its sentence waits for
            # ("… ký số trên" / "90% văn bản")
            figure = p.text[:1].isdigit() and not _CLOSED.search(prev) and not prev_part.upper
            if not (self.full(prev_part) and (p.text[:1].islower() or figure)):
                return None
        marker, family = p.marker
        first = p.text[:1]
        rest = p.text[len(marker):].lstrip()[:1] if marker else ""
        if _HYPHEN_BREAK.search(prev) and (first.islower() or _split_abbreviation(prev, p.text)):
            return ""
        # the line before is full and stops mid-sentence: the wrap goes on whatever this line opens with
        mid_sentence = self.full(prev_part) and not _CLOSED.search(prev) and not prev_part.upper
        if marker:
            if family in ("arabic", "dotted") and mid_sentence and _takes_number(prev):
                return " "  # "… theo Đề án" / "06. Số hóa …": Đề án 06 wrapped after its type's name, not a point
            if (family == "bullet" and rest.islower() and not _CLOSED.search(prev) and self.full(prev_part)):
                return " "  # "kinh tế" / "- xã hội": a wrapped dash, not a list item
            if family == "bullet" and mid_sentence and _FIGURE_END.search(prev) and _DASH_FIGURE.match(p.text):
                return " "  # "… : 60% - 75%" / "- 85% (tương ứng …)": a series of figures wrapped at its dash
            if family == "bullet" and not _CLOSED.search(prev) and _dash_compound(prev, p.text) and (
                    rest.islower() or marker_of(cur.text)[0] != marker):
                # "… giao Phòng Văn hóa" / "- Xã hội là …": a compound's dash, however short the line; not after an
                # item with the same dash ("- Phát triển kinh tế" / "- Xã hội hóa …": two items)
                return " "
            if family == "roman" and mid_sentence and not p.upper and _unit_type_abbreviation(marker):
                return " "  # "… trên cơ sở sắp xếp các" / "X. Thái Minh, …": a commune's type abbreviated, not part X
            if family == "part" and mid_sentence and (rest.islower() or first.islower() or (
                    not rest and _SENTENCE_END.search(p.text))):
                # "… ghi tại" / "Mục II." or "Mục II của …" or "mục 2.2.": a part named in a sentence, not its
                # heading (a heading's label has a capital); a label alone with no full stop ("Phần thứ nhất", its
                # title on the next line) is the heading
                return " "
            return None
        if first.islower() or first in "(,;%":
            return " "
        if _open_bracket(cur.text) and not p.upper:
            return " "  # inside an open parenthesis a line's end is a wrap ("(Chủ trì:" / "Phòng Kinh tế; ...)")
        if _COMPARATOR_FIRST.match(p.text):
            # "… toàn trình:" / "≥ 85%.": the figure the sentence was waiting for, also after the year it is set for
            # ("… : năm 2025" / "> 90%, năm 2026 …"); after a figure, a table's next cell
            return " " if re.search(r"[^\W\d_]$|:$|\b(?:năm|nam)\s+\d{4}$", prev) else None
        if re.fullmatch(r"\d{1,2}\.?", cur.text.strip()):
            return " "  # a table row's number on a line of its own, then the row's words
        if _FIGURE_ALONE.match(_sign_of_percent(p.text)) and ends_with_comparator(prev):
            return " "  # "… kỹ năng số % Tối thiểu" / "50": the figure its comparator waits for, not a row's number
        if _ROW_NUMBER.match(p.text):
            return None
        if first.isdigit():
            return None if prev_part.upper else " "
        if p.upper != prev_part.upper:
            if mid_sentence and _SENTENCE_END.search(p.text) and len(p.text.split()) <= 3:
                return " "  # "… cung cấp" / "DVCTT.": an abbreviation ends the wrapped sentence, not a heading
            return None
        if p.indent > prev_part.indent + 1 and not prev_part.marker[0]:
            return None  # an indented first line opens a paragraph
        if self.full(prev_part) and not prev.endswith(":"):
            if _SENTENCE_END.search(prev) and (self._fits(prev_part, p) or self._title_line(p)):
                return None  # a sentence ends the line and the next one starts afresh: a new block
            if len(cur.parts) == 1 and self._not_wrapped(prev_part, p):
                return None  # a title alone on its line, near the width but not wrapped: a paragraph starts under it
            return " "
        return None

    def _fits(self, prev: _Part, p: _Part) -> bool:
        """The first word of ``p`` would have fitted on the line before: that line was not wrapped there."""
        word = p.text.split()[0] if p.text.split() else ""
        return prev.raw_len + 1 + len(word) <= self.width

    def _not_wrapped(self, prev: _Part, p: _Part) -> bool:
        """``prev`` (a title: no closing punctuation, no comma) ends where the text was not wrapped: the first word
        of ``p`` (a capital) would have fitted after it with more room left than the text leaves at any of its real
        wraps (``room``). A heading of 50 characters rewrapped at 60 columns, over the first line of its paragraph."""
        words = p.text.split()
        if self.room is None or not words or not p.text[:1].isupper() or _CLOSED.search(prev.text) or (
                prev.text.endswith(",")):
            return False
        left = self.width - prev.raw_len - 1 - len(words[0])
        return left >= 0 and left > self.room

    def _title_line(self, p: _Part) -> bool:
        """A short line with no closing punctuation: the title of a point (an unnumbered heading), never the last
        line of a wrapped sentence."""
        return not self.full(p) and not _CLOSED.search(p.text) and not p.text.endswith(",")

    def _heading_like(self, line: _Part) -> bool:
        """A block of one line ``line`` is a heading's: a part's number opens it, or it is in capitals."""
        if line.marker[1] in ("part", "roman", "upper"):
            return True
        return line.upper and len(line.text) <= 120

    def blocks(self, start: int, end: int, appendix: bool = False) -> list[Block]:
        units = self.units
        out: list[Block] = []
        cur: _Building | None = None
        tab_runs = _tab_tables(units, start, end, self.blank_after_lines)
        stacked = _stacked_tables(units, start, end)

        def flush() -> None:
            nonlocal cur
            if cur is not None and cur.text.strip():
                out.append(_classify(cur, appendix and not out))
            cur = None

        i = start
        while i < end:
            u = units[i]
            if u.table is not None:
                flush()
                out.append(_table_block(u.table.rows))
                i += 1
                continue
            if i in stacked:  # a table flattened one cell per line
                flush()
                j, flat = stacked[i]
                self.tables += 1
                out.append(_table_block([[TableCell(text=t, loc=units[at].loc.model_copy(
                    update={"table": self.tables, "row": r, "cell": c})) for c, (t, at) in enumerate(row, start=1)]
                    for r, row in enumerate(flat, start=1)]))
                i = j
                continue
            if i in tab_runs:
                flush()
                j = tab_runs[i]
                self.tables += 1
                typed = [units[k] for k in range(i, j) if units[k].text.strip()]
                left = _left_edge(typed)
                lines, carried = _carried_on(_split_touching(typed, left), left)
                # a group's title row across the table stays one cell; the others are placed in their columns
                title = {id(u): u.plain and not _set_in(u) for u in lines}
                placed = iter(_placed_cells([u.text for u in lines if not title[id(u)]],
                                            [u.loc.page for u in lines if not title[id(u)]]))
                cells_of = {id(u): [u.text.strip()] if title[id(u)] else next(placed) for u in lines}
                for row, aligned, line in carried:  # lines laid out under the columns (pdftotext -layout)
                    ref = aligned or row
                    _carry(cells_of[id(row)], ref.text, list(cells_of[id(ref)]), line)
                rows: list[list[TableCell]] = []
                for unit in lines:
                    cells = cells_of[id(unit)]
                    if rows and _wraps_into(rows[-1], cells):  # typed: the rest of a row on a line set in
                        rows[-1] = _joined_row(rows[-1], cells)
                        continue
                    r = len(rows) + 1
                    rows.append([TableCell(text=cell, loc=unit.loc.model_copy(update={"table": self.tables, "row": r,
                                                                                      "cell": c}))
                                 for c, cell in enumerate(cells, start=1)])
                out.append(_table_block(rows))
                i = j
                continue
            if u.loc.table is not None:  # a Markdown pipe table, read by the text reader
                flush()
                number = u.loc.table
                rows = []
                while i < end and units[i].loc.table == number and units[i].table is None:
                    t = units[i].text
                    if t.strip() and not re.fullmatch(r"\s*\|?[\s:|-]*-{3,}[\s:|-]*", t):
                        rows.append([TableCell(text=c, loc=units[i].loc.model_copy(update={"cell": k}))
                                     for k, c in enumerate(pipe_cells(t), start=1)])
                    i += 1
                if rows:
                    out.append(_table_block(rows))
                continue
            if not u.text.strip():
                if not self.double_spaced:
                    flush()
                i += 1
                continue
            p = u.part
            if cur is not None:
                joiner = self.joins(cur, p, u)
                if joiner is not None:
                    cur.add(p, joiner)
                    i += 1
                    continue
                flush()
            cur = _Building(indent=u.indent)
            cur.add(p, " ")
            if u.heading_level is not None:
                out.append(_classify(cur, appendix and not out, u.heading_level))
                cur = None
            i += 1
        flush()
        return out


@lru_cache(maxsize=1)  # the conventions are loaded once
def _unit_abbreviations() -> frozenset[str]:
    return frozenset(fold(a.abbreviation) for a in conventions().unit_type_abbreviations)


def _unit_type_abbreviation(marker: str) -> bool:
    """``marker`` ("X.") is also a unit type's abbreviation (rules/conventions.yaml ``unit_type_abbreviations``)."""
    return fold(marker) in _unit_abbreviations()


def _open_bracket(text: str) -> bool:
    """``text`` leaves a parenthesis open: the bracket of its marker ("a)", "(1)") aside, which closes none."""
    m = marker_pattern().match(text)
    body = text[m.end() :] if m else text
    return body.count("(") > body.count(")")


def _classify(b: _Building, appendix: bool = False, style_level: int | None = None) -> Block:
    text = b.text
    marker, family = marker_of(text)
    m = marker_pattern().match(text)
    rest = text[m.end() :].strip() if m else text
    kind: BlockKind = "paragraph"
    level: int | None = None
    if appendix and attachment_label().match(squash(text)):
        kind = "appendix"
    elif style_level is not None:
        kind, level = "heading", style_level
    elif family in ("part", "roman", "upper"):
        kind, level = "heading", _LEVEL[family]
    elif family == "dotted":
        # "2.1." under "2.", "II.1." under "II." (a Roman part's number carried into its points)
        kind, level = "heading", (1 if marker[:1] in "IVXL" else 2) + marker.rstrip(".").count(".")
    elif family in ("arabic", "lroman", "letter"):
        title_like = len(rest) <= 100 and "%" not in rest and not rest.endswith((".", ";", ","))
        kind, level = ("heading" if title_like else "list_item"), _LEVEL[family]
    elif family in ("bullet", "ordinal"):
        kind = "list_item"
    elif mostly_upper(text) and len(text) <= 160:
        kind, level = "heading", 1
    return Block(kind=kind, text=text, spans=b.spans, marker=marker, level=level, indent=b.indent)


# --------------------------------------------------------------------------- the whole document


def _blank_after_lines(units: list[Unit]) -> bool:
    """Blank lines after nearly every line: double spacing, or one-line paragraphs each followed by a blank."""
    plain = [u for u in units if u.table is None]
    blank = sum(1 for u in plain if not u.text.strip())
    return len(plain) > 20 and blank > 0.4 * len(plain)


def _double_spaced(units: list[Unit], blank_after_lines: bool) -> bool:
    """A blank line after every line, as some extractions give: then a blank line separates nothing. Known by
    blank lines after nearly every line (``blank_after_lines``) *and* inside paragraphs (a line after a blank one
    that can only continue the line before it: it starts in lower case, or the line before ends with a hyphenated
    word). A plan with a blank line between its paragraphs, one line each, is not double-spaced: its blank lines
    are real breaks."""
    if not blank_after_lines:
        return False
    plain = [u for u in units if u.table is None]
    inside = 0
    for a, gap, b in zip(plain, plain[1:], plain[2:], strict=False):
        prev, nxt = a.text.strip(), b.text.strip()
        if gap.text.strip() or not prev or not nxt or marker_of(nxt)[1]:
            continue
        if nxt[:1].islower() or (_HYPHEN_BREAK.search(prev) and not mostly_upper(prev)):
            inside += 1
    return inside >= 2


_MOTTO = "cong hoa xa hoi chu nghia viet nam"


def _next_document(units: list[Unit]) -> int | None:
    """Where a second document begins in the same file: after a closing (Nơi nhận, the signer's authority) a new
    header (the issuer and the national motto, NĐ 30/2020 Phụ lục I) followed by a document type ("KẾ HOẠCH"): a
    decision and the plan it issues, or a cover letter and the plan it sends. None for one document."""
    n = len(units)
    closing = next((i for i, u in enumerate(units) if u.table is None and (
        RECIPIENTS.match(squash(u.text)) or _AUTHORITY.search(fold(u.text)))), None)
    if closing is None:
        return None
    for i in range(closing + 1, min(n, closing + 40)):
        sq = squash(units[i].text)
        if not (sq.startswith(("uy ban nhan dan", "ubnd ")) or _MOTTO in sq) or _AUTHORITY.search(fold(units[i].text)):
            continue
        if marker_of(units[i].text.strip())[1] is not None:
            continue  # "- UBND thành phố Hải Phòng;": a recipient in the list under "Nơi nhận", not an issuer's header
        near = [u for u in units[i : i + 16] if u.table is None and u.text.strip()][:12]
        ahead = [squash(u.text) for u in near]
        # the motto wrapped in a narrow right column ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"): that column's lines
        right = " ".join(squash(side[1]) for u in near if (side := split_columns(u.text)[1]))
        if (any(_MOTTO in a for a in ahead) or _MOTTO in right) and any(
                side and names_doc_type(side[1])
                for u in units[i : i + 16] for side in split_columns(u.text)):
            return i
    return None


def _letter_header_end(units: list[Unit]) -> int:
    """A letter has no document type: its header (issuer, motto, number, date, and the subject "V/v ..." under the
    number) ends where its addressee line begins ("Kính gửi"); 0 where the file opens otherwise."""
    subject = False
    addressee = [fold(w) for w in conventions().addressee]
    for i, u in enumerate(units[:30]):
        left = split_columns(u.text)[0]
        text = fold((left[1] if left else u.text).lstrip(" *#>"))
        if subject and any(text.startswith(w) for w in addressee):
            return i
        subject = subject or (_opens_letter_part(text) and not any(text.startswith(w) for w in addressee))
    return 0


def blocks_of(units: list[Unit]) -> list[Block]:
    """The document's logical blocks in reading order (of each document, where a file holds two: a decision and
    the plan it issues, a cover letter and the plan it sends)."""
    split = _next_document(units)
    if split is not None:
        return _blocks_of_one(units[:split], first=True) + blocks_of(units[split:])
    return _blocks_of_one(units)


def _as_double_spaced(units: list[Unit]) -> list[Unit]:
    """A text with two blank lines or more after nearly every line (some converters' output) spaced as a text with
    one: each run of ``r`` blank lines, ``b = (r + 1) / s`` line breaks of the text before it was spaced ``s``
    lines a line, becomes the ``2b - 1`` a double-spaced text has (a line break one blank line, a paragraph's break
    three), so that what reads double spacing reads it. Other texts as they are."""
    runs: list[int] = []  # the blank lines after each line of text
    for u in units:
        if u.table is not None or u.loc.table is not None:
            runs.append(-1)
        elif not u.text.strip():
            if runs and runs[-1] >= 0:
                runs[-1] += 1
        else:
            runs.append(0)
    after = [r for r in runs if r > 0]
    if len(runs) <= 20 or not after:
        return units
    step = Counter(after).most_common(1)[0][0]  # the blank lines after a line that only wraps
    if step < 2 or sum(1 for r in after if r == step) <= 0.4 * len(runs):
        return units
    out: list[Unit] = []
    blank: list[Unit] = []
    for u in units:
        if u.table is None and u.loc.table is None and not u.text.strip():
            blank.append(u)
            continue
        if blank:
            out += blank[:max(1, 2 * round((len(blank) + 1) / (step + 1)) - 1)] if out else blank
            blank = []
        out.append(u)
    return out + blank


def _blocks_of_one(units: list[Unit], first: bool = False) -> list[Block]:
    """One document's blocks; ``first``: the first of two in a file, a cover letter if it has no type."""
    units = _unmarked_all(_as_double_spaced(units))
    out: list[Block] = []
    k = _doc_type_index(units)
    header_end = k if k is not None else _letter_header_end(units) if first else 0
    if header_end:
        out.extend(_zone_blocks(units[:header_end], "header"))
    blank_after = _blank_after_lines(units)
    body = _Body(units, _double_spaced(units, blank_after), blank_after)
    tail_start, tail_end = _tail_zone(units, header_end + 1)
    if k is not None:
        title_end = _title_end(units, k, tail_start, body)
        out.extend(_title_blocks(units, k, title_end))
    else:
        title_end = header_end
    out.extend(body.blocks(title_end, tail_start))
    if tail_start < len(units):
        out.extend(_zone_blocks(units[tail_start:tail_end], "closing"))
        if tail_end < len(units):
            out.extend(body.blocks(tail_end, len(units), appendix=True))
    return out


TITLE_LINES = 6  # the trích yếu: one or a few lines (more at a narrow width)
SENTENCE_LINES = 12  # the lines a paragraph under the title block is read over, to see whether it closes as a sentence


def _title_end(units: list[Unit], k: int, limit: int, body: _Body) -> int:
    """Where the title block ends (NĐ 30/2020, Phụ lục I): the type name's line ``k`` and the trích yếu under it, one
    or a few lines, up to a blank line (not in a text with a blank line after every line) or what opens the text
    (``_ends_title``)."""
    j = k + 1
    end = min(limit, len(units))
    lines: list[str] = []
    while j < end and len(lines) < TITLE_LINES:
        u = units[j]
        t = u.text.strip()
        if u.table is not None:
            break
        if not t:
            # a blank line after every line separates nothing; after nearly every line (one-line paragraphs each
            # followed by one), nothing before a line going on in lower case or with a figure (the subject's rest)
            if lines and not body.double_spaced and not (body.blank_after_lines and _goes_on_after(units, j, end)):
                break
            j += 1
            continue
        if _ends_title(units, j, end, lines, body):
            break
        lines.append(t)
        j += 1
    return j


def _goes_on_after(units: list[Unit], j: int, end: int) -> bool:
    """The first line after the blank line ``j`` goes on: in lower case or a figure, not a point of a list."""
    nxt = next((u.text.strip() for u in units[j + 1:end] if u.text.strip()), "")
    return bool(nxt) and not nxt[:1].isupper() and not marker_of(nxt)[1]


def _ends_title(units: list[Unit], j: int, end: int, lines: list[str], body: _Body) -> bool:
    """Line ``j`` (after the title's ``lines``) is not the trích yếu's: a part's heading or a list's point, an addressee
    ("Kính gửi:"), the grounds or the text opening ("Căn cứ ...", "Thực hiện ...": rules/conventions.yaml
    ``preamble_openers``, in a capital), a line in capitals under a subject that is not, or a sentence-paragraph (a
    capital, its lines closed by a full stop or a colon). The trích yếu is a subject, never a sentence: its first
    line may open with "Thực hiện ..." and is still the title unless its lines close as the text's lead-in or one of
    its grounds do (a colon, a semicolon: "... ban hành Kế hoạch như sau:", "Căn cứ ...;"; a subject closed by a
    full stop, "Thực hiện Kế hoạch số 215 ... của Ủy ban nhân dân thành phố.", is still read as the title)."""
    t = units[j].text.strip()
    if marker_of(t)[1] or _opens_letter_part(t):
        return True
    opener = _preamble_opener().match(fold(t.lstrip(" *#>")))
    if not lines:
        return bool(opener) and _closing(units, j, end, body) in (":", ";")
    if _CLOSED.search(lines[-1]) and not lines[-1].endswith(")"):
        return True
    if not t[:1].isupper():
        return False  # in lower case, a figure, "(Ban hành kèm theo ...)", a rule under the title: the subject goes on
    if opener or (mostly_upper(t) and not mostly_upper(lines[0])):
        return True
    return _closing(units, j, end, body) is not None


def _closing(units: list[Unit], j: int, end: int, body: _Body) -> str | None:
    """How the paragraph from line ``j`` closes as a sentence (its last character: a full stop, semicolon, colon ...):
    a line ending so before a line that is not full (a line that stops short of the width ends a title's line, not a
    wrapped sentence's) or before what opens another block (a blank line, a heading, an opener, an addressee); None
    where it does not."""
    for m in range(j, min(end, j + SENTENCE_LINES)):
        u = units[m]
        t = u.text.strip()
        if not t and body.double_spaced:
            continue
        if u.table is not None or not t:
            return None
        if m > j and (marker_of(t)[1] or _opens_letter_part(t) or (
                t[:1].isupper() and _preamble_opener().match(fold(t.lstrip(" *#>"))))):
            return None
        if _SENTENCE_END.search(t) or t.endswith(":"):
            return t[-1]
        if not body.full(u.part):
            return None
    return None


_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _preamble_opener() -> re.Pattern[str]:
    """The words that open a document's grounds or text (rules/conventions.yaml ``preamble_openers``) at the start of
    a folded line: words of several syllables with any one to three letters for each vowel (an OCR's "Thyc hign",
    "Can ctr"), one syllable as it is written ("Theo", "Nhằm")."""
    alts = []
    for phrase in conventions().preamble_openers:
        words = fold(phrase).split()
        if len(words) > 1:
            alts.append(r"\s+".join(_VOWELS.sub(lambda _m: r"\w{1,3}", re.escape(w)) for w in words))
        elif words:
            alts.append(re.escape(words[0]))
    return re.compile(r"(?:" + "|".join(alts) + r")(?![^\W_])") if alts else re.compile(r"(?!)")


def _title_blocks(units: list[Unit], k: int, end: int) -> list[Block]:
    out: list[Block] = []
    lpart, rpart = split_columns(units[k].text)
    side = lpart if lpart and names_doc_type(lpart[1]) else rpart
    if side is None:
        side = (0, units[k].text)
    out.append(Block(kind="title", text=one_spaced(side[1]), spans=[Span(start=0, loc=units[k].loc)]))
    b = _Building()
    for j in range(k + 1, end):
        if units[j].text.strip():
            b.add(_part(units[j].text, units[j].loc), " ")
    if b.parts:
        out.append(Block(kind="title", text=b.text, spans=b.spans))
    return out


_FORM = re.compile(r"^\s*(?:uy ban nhan dan|ubnd|cong hoa|doc lap|so\s*:|n\w{1,2}i nh\w{1,2}n|chu tich|"
                   r"(?:tm|kt|q|tl|tuq)\s*[.,]\s*\w)")


@lru_cache(maxsize=1)
def _party_form() -> re.Pattern[str]:
    """The first words of a Party document's header (Hướng dẫn 36-HD/VPTW): its motto ("ĐẢNG CỘNG SẢN VIỆT NAM")
    and its committees ("ĐẢNG BỘ …", "ĐẢNG ỦY …"): rules/conventions.yaml ``party_motto`` and the Party level's
    ``issuer_levels`` words."""
    conv = conventions()
    words = [*conv.party_motto, *(w for lv in conv.issuer_levels if lv.level == "party" for w in lv.words)]
    return re.compile(r"^\s*(?:" + "|".join(re.escape(squash(w)) for w in words) + r")\b") if words else re.compile(
        r"(?!)")


def is_form_table(rows: list[list[TableCell]], first_row: list[str]) -> bool:
    """Two or three columns whose first row holds the header (issuer, motto, "Số:"; a Party committee and the
    Party's motto) or the closing ("Nơi nhận", TM./KT., CHỦ TỊCH): the form of the document laid out as a
    (borderless) table."""
    width = max((len(r) for r in rows), default=0)
    if not 2 <= width <= 3 or len(rows) > 8:
        return False
    return any(_FORM.search(" ".join(fold(unmark(t)).split())) or _party_form().search(squash(unmark(t)))
               for t in first_row)


# a line break inside a cell of a Markdown pipe table, where a cell is one line of text: HTML's <br>
CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def cell_lines(cell: str) -> list[str]:
    """The lines of a Markdown table cell, as its author broke them (``<br>``)."""
    return [one_spaced(t) for t in CELL_BREAK.split(cell) if t.strip()]


def _form_units(lines: list[Line], table: Table) -> list[Unit] | None:
    """A Markdown table that lays out the header or the closing (as a Word table does: ``is_form_table``): each
    line of each cell a unit of its column, as the Word reader gives them; None for any other table. Each unit is
    found on its line, as a header typed in two columns is (a Markdown file has lines; Word's table cells do not)."""
    rows = [ln for ln in lines if ln.loc.row is not None]
    if not rows or not all(ln.text.lstrip().startswith("|") for ln in rows):
        return None  # not a Markdown table (a PDF's, a table typed with bars only between cells)
    cells = [[cell_lines(c) for c in _raw_cells(ln.text)] for ln in rows]
    if not is_form_table(table.rows, [t for c in cells[0] for t in c]):
        return None
    return [Unit(text=t, loc=Location(line=ln.loc.line, page=ln.loc.page), column="left" if k == 1 else "right",
                 hard=True) for ln, row in zip(rows, cells, strict=True) for k, cell in enumerate(row, start=1)
            for t in cell]


def units_of(lines: list[Line], tables: list[Table] | None = None) -> list[Unit]:
    """Units from a reader's physical lines; the lines of a table the reader read (Word cells, Markdown rows)
    become one table unit."""
    tables = tables or []
    of_table: dict[int, list[Line]] = {}  # each table's lines, gathered in one pass
    for ln in lines:
        if ln.loc.table is not None:
            of_table.setdefault(ln.loc.table, []).append(ln)
    out: list[Unit] = []
    done: set[int] = set()
    for ln in lines:
        number = ln.loc.table
        if number is not None and 0 < number <= len(tables):
            if number not in done:
                done.add(number)
                form = _form_units(of_table[number], tables[number - 1])
                out += form or [Unit(text="", loc=ln.loc, table=tables[number - 1])]
            continue
        out.append(Unit(text=ln.text, loc=ln.loc))
    return out


def infer(lines: list[Line], tables: list[Table] | None = None) -> list[Block]:
    return blocks_of(units_of(lines, tables))


# --------------------------------------------------------------------------- blocks as logical lines


CELL_JOIN = " | "  # between the cells of a table's row on its logical line


def logical_lines(blocks: list[Block]) -> list[Line]:
    """One line per block (a table: one per row, its cells joined by " | "), each with its spans."""
    out: list[Line] = []
    for b in blocks:
        if b.kind == "table":
            for row in b.rows:
                if not row:
                    continue
                text, spans = "", []
                for cell in row:
                    if text:
                        text += CELL_JOIN
                    spans.append(Span(start=len(text), loc=cell.loc))
                    text += cell.text
                out.append(Line(text=text, loc=row[0].loc, spans=spans))
            continue
        if b.text.strip():
            out.append(Line(text=b.text, loc=b.loc, spans=list(b.spans)))
    return out


def tables_of(blocks: list[Block]) -> list[Table]:
    return [Table(rows=b.rows) for b in blocks if b.kind == "table"]


def tables_from_lines(lines: list[Line], count: int) -> list[Table]:
    """Tables rebuilt from a reader's cell lines (each with its table, row and cell), so that both views carry
    the same (possibly converted) text."""
    rows: dict[int, dict[int, list[TableCell]]] = {}
    for line in lines:
        loc = line.loc
        if loc.table is None or loc.row is None:
            continue
        rows.setdefault(loc.table, {}).setdefault(loc.row, []).append(TableCell(text=line.text, loc=loc))
    tables: list[Table] = []
    for number in range(1, count + 1):
        by_row = rows.get(number, {})
        tables.append(Table(rows=[by_row[r] for r in sorted(by_row)]))
    return tables
