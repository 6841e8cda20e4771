"""Headings and their tree: I., II. (roman), 1., 2. (arabic), 2.1. (dotted), a) (letter)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Literal

from checker.conventions import conventions, expand, row_number_headers, unabbreviated
from checker.ingest.layout import numbered_labels
from checker.models import Section
from checker.parse.header import appendix_start
from checker.parse.view import View
from checker.text import UPPER, fold, letter_counts, squash, squash_cased, trie_pattern

Style = Literal["roman", "arabic", "dotted", "letter", "part", "none"]

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# the number and its separator: "I.", "I:", "I -", "I/" ("1 - Hạ tầng số", "1/ Hạ tầng số": a dash or a slash followed
# by a space, never "1-2" or "25/8")
_ROMAN = re.compile(r"^\s*([IVXl1|]{1,5})\s*(?:[.:]|(?<=[IVX])\)|[-–/](?=\s))\s*(\S.*)$")
# "1.", "1)", "1 -", "1/" and "(1)" (group 1: the opening parenthesis, 2: the number, 3: the title)
# (typed without the space after "1." or "1)" before a capital: "1.Mục tiêu chung")
_ARABIC = re.compile(rf"^\s*(\()?([1-9]\d?)(?(1)\)|\s*(?:[.)]|[-–/](?=\s)))(?:\s+|(?<=[.)])(?=[{UPPER}]))(\S.*)$")
_DOTTED = re.compile(rf"^\s*([1-9]\d?(?:\.\d{{1,2}}){{1,3}})(?:\.?\s+|\.(?=[{UPPER}]))(\S.*)$")
# "II.1.", "II.1.2.": a Roman part's number carried into its points (NĐ 30/2020 leaves the form to the issuer)
_ROMAN_DOTTED = re.compile(r"^\s*([IVXL]{1,5})\.([1-9]\d?(?:\.\d{1,2}){0,2})\.?\s+(\S.*)$")
# "i.", "ii.", "iv.": lower-case Roman numerals numbering the points under a part ("i. Mục tiêu chung")
_ROMAN_ALONE = re.compile(r"^\s*([IVXL]{1,5})\s*[.:)]\s*$")  # "II." with its title on the next line
_NUMBERED_START = re.compile(r"^\s*(?:[IVXL]{1,5}|\d{1,2})\s*[.:)]")  # a line opening with a number of its own
_LOWER_ROMAN = re.compile(r"^\s*(xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\.\s+([^\W\d_].*)$")
_OCR_ONE = re.compile(r"^(\s*)[l|](?=[./-]\s)")  # an OCR'd "1." (or "1/", "1-"): "l. Mục đích"
# "a)", "a/", "a -", "(a)"; "a." before a word, a figure or a sign ("a. Hạ tầng số", "b. 100% hồ sơ …", "c. ≥ 80% …");
# a bracket opened before the letter is closed after it: "(a/", "(a." are no marker
_LETTER = re.compile(rf"^\s*(?!\((?>dd|[a-zđ])\s*+[^\s)])\(?(dd|[a-zđ])\s*(?:[)/]|-(?=\s)|\.(?=\s+(?:[^\W_]|[≥≤<>])))"
                     rf"(?:\s+|(?<=\))(?=[{UPPER}\d]))(\S.*)$")
_SENTENCE_END = re.compile(r"[.;!?…]$")
APPENDIX_TITLE = re.compile(r"^\s*phu luc\b")
# an appendix's label alone: "Phụ lục", "PHỤ LỤC II", "Phụ lục số 01", "Phụ lục 1:" (folded)
APPENDIX_LABEL = re.compile(r"\s*phu luc(?:\s+(?:so\s+)?(?:[ivxl]{1,5}|\d{1,2}))?\s*[.:-]?\s*")


def own_title(title: str) -> str:
    """A part's title squashed, an appendix's label before it left out ("PHỤ LỤC I KẾT QUẢ NĂM 2024 …": "ket qua nam
    2024 …"): what the part is named, to compare with the names of rules/conventions.yaml ``parts``."""
    return APPENDIX_LABEL.sub("", squash(title), count=1)
_INDENT_STEP = 180  # twips (about 3 mm): two Word list paragraphs indented less apart than this are one list
_EMPHASIS = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)|^\s*#{1,6}\s+|(?:\*\*|__)(?=\s*:?\s*$)|(?<=\S)(?:\*\*|__)(?=:)")


def roman_value(numeral: str) -> int | None:
    """Value of a roman numeral, or None when it is not a well-formed one (I..XXXIX)."""
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == numeral else None


def to_roman(n: int) -> str:
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _mostly_upper(text: str) -> bool:
    letters, upper = letter_counts(text)
    return letters > 0 and upper >= 0.7 * letters


_TOP_MARKERS = frozenset({"phan", "chuong"})  # numbered in Roman numerals or words, never below a part (NĐ 30/2020)


def _own_words_upper(text: str) -> bool:
    """The title's own words, its abbreviations left out, in capitals ("MỤC TIÊU (CĐS)"): not an office's name in
    sentence case with its initials after it ("Phòng VH-XH (P. VH-XH)", in capitals by its initials alone)."""
    own = set(unabbreviated(text).split())
    words = [w for w in squash_cased(text).split() if squash(w) in own]
    return bool(words) and _mostly_upper(" ".join(words))


def _title_like(text: str) -> bool:
    t = text.rstrip()
    return len(t) <= 90 and "%" not in t and not t.endswith((".", ";", ","))


def _unstopped(title: str) -> str:
    """A heading's title without the full stop some offices close every heading with ("I. Phòng Văn hóa - Xã
    hội."): one sentence's stop, never a stop inside it."""
    t = title.rstrip()
    return t[:-1] if t.endswith(".") and not t.endswith("..") and ". " not in t else t


def _follows_break(view: View, i: int, heading_idx: set[int]) -> bool:
    """A numbered line is a heading only where the previous text ended (not inside a wrapped sentence)."""
    p = view.prev_nonblank(i)
    if p is None or p in heading_idx:
        return True
    if view.kinds and view.kinds[p] in ("table", "title", "header"):
        # a table's row does not wrap into what follows it (a group's title row, a paragraph); nor does the title
        # block ("KẾ HOẠCH" and its subject): the first part may open right under it ("1. BỐI CẢNH ...")
        return True
    if not view.double_spaced and (view.is_blank(i - 1) or view.after_blank(i)):
        return True
    prev = view.texts[p].rstrip()
    if view.kinds and view.kinds[i] in ("heading", "list_item") and view.kinds[p] in ("paragraph", "heading") and len(
            prev) <= _CELL_LINE:
        return True  # a block of its own after a table's cell set out alone (a PDF's text without its layout)
    # a report form's field whose blank closes its line ("Kỳ báo cáo: từ ngày ......../......../2025", "…: ......%"):
    # a line to fill, not a sentence wrapping into the next point
    return bool(re.search(r"[.:;!?)…]$", prev)) or _mostly_upper(prev) or bool(_BLANK_TO_FILL.search(prev))


_CELL_LINE = 30
_BLANK_TO_FILL = re.compile(r"(?:\.{4,}|…{3,})[^.…]{0,8}$")  # dots to fill, then at most a unit or a year


def _next_point(sections: list[Section], open_levels: list[int], number: str) -> bool:
    """``number`` is the next of the open numbered heading nearest above ("4." after "3. Phát triển dữ liệu
    số"): a heading even where the line before it ends without a full stop (a running header, a page's
    footer line or a title left between two pages)."""
    arabic = [k for k in open_levels if sections[k].style == "arabic"]
    return bool(arabic) and sections[arabic[-1]].number.isdigit() and number.isdigit() and (
        int(number) == int(sections[arabic[-1]].number) + 1)


@lru_cache(maxsize=1)
def _labelled_number() -> re.Pattern[str]:
    """A point's number after its label (conventions ``numbered_labels``): "Nhiệm vụ 6. Đào tạo …", "NỘI DUNG 2:"."""
    return re.compile(rf"^\s*({numbered_labels()})\s+([1-9]\d?)\s*[.:]\s*(\S.*)$", re.IGNORECASE)


def _part_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    conv = conventions()
    markers = "|".join(re.escape(squash(m)) for m in conv.part_markers)
    ordinals = "|".join(re.escape(f) for forms in conv.ordinal_forms() for f in forms)
    # "Phần I", "PHẦN II. MỤC TIÊU", "Phần thứ nhất", "Chương 2": a part, its title here or on the next line
    part = re.compile(rf"^\s*({markers})\s+({ordinals}|[ivxl]{{1,5}}|\d{{1,2}})\s*(?:[.:\-–]\s*(.*))?$")
    letters = "".join(conv.part_letters)
    # "A. MỤC TIÊU" / "B." with the title on the next line
    letter = re.compile(rf"^\s*([{letters}])\s*[.:]\s*(.*)$")
    return part, letter


def _item_text(view: View, i: int, limit: int = 8) -> str:
    """Line ``i`` and its continuation lines (a list item wrapped over several lines), up to the next item."""
    parts = [view.texts[i].strip()]
    j = i + 1
    while j < len(view.texts) and len(parts) < limit:
        t = view.texts[j]
        if not t.strip():
            break
        if (_ROMAN.match(t) or _DOTTED.match(t) or _ROMAN_DOTTED.match(t) or _ARABIC.match(t) or _LETTER.match(t)
                or re.match(r"^\s*[-+*•–]\s", t) or _SENTENCE_END.search(parts[-1])):
            break
        parts.append(t.strip())
        j += 1
    return " ".join(parts)


def heading_title(title: str) -> tuple[str, bool]:
    """The title of a heading ("4. An toàn thông tin: xây dựng ..." → "An toàn thông tin") and whether the
    numbered line reads as a sentence of the body ("3. Công an xã bảo đảm an toàn thông tin.")."""
    t = title.strip()
    if ":" in t:
        t = t.split(":", 1)[0].strip()
    return t, len(t) > 120 or bool(_SENTENCE_END.search(t)) or ";" in t


def names_part(title: str, phrases: list[str]) -> bool:
    """A heading names one of ``phrases`` (squashed); a numbered sentence only where it opens with it
    ("5. Đào tạo, tuyên truyền." does; "3. Công an xã bảo đảm an toàn thông tin." does not)."""
    return _names_part(title, tuple(phrases))


def opens_part_at_top(s: Section, top: int, phrases: list[str]) -> bool:
    """A part's heading whose title opens with one of ``phrases`` (squashed): words that inside a part are a point of
    it (rules/conventions.yaml ``parts_at_top``). A part's heading is one of the plan's top level (``top``), or one
    numbered as a part is (a Roman numeral, "Phần", "Chương": "VI." under "PHẦN II. KẾ HOẠCH")."""
    if not phrases or (s.level != top and s.style not in ("roman", "part")):
        return False
    return title_opens(s.title, phrases)


def title_opens(title: str, phrases: list[str]) -> bool:
    """A heading's title (or a point's lead-in) opens with one of ``phrases`` (squashed): "Về tài chính" with "về tài
    chính", not "Hội nghị về tài chính"."""
    t = expand(squash(heading_title(title)[0]))
    return any(t.startswith(p) for p in phrases)


def title_is(title: str, phrases: list[str]) -> bool:
    """A heading's title (or a point's lead-in) is one of ``phrases`` (squashed), or several of them joined ("và",
    a comma, a dash: "Tổ chức triển khai", "Triển khai và tổ chức" of "tổ chức", "triển khai"), and nothing else:
    "Tài chính", not "Tài chính công" nor "Tổ chức tập huấn"."""
    if not phrases:
        return False
    return _joined_phrases(tuple(phrases)).fullmatch(expand(squash(heading_title(title)[0]))) is not None


@lru_cache(maxsize=64)
def _joined_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """``title_is``'s pattern: one of ``phrases`` or several joined by conventions ``name_joiners``, compiled once."""
    joiners = "|".join(re.escape(j) for j in (squash(w) for w in conventions().name_joiners) if j) or "(?!)"
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?: (?:(?:{joiners}) )?(?:{alternatives}))*")


@lru_cache(maxsize=1)
def _opening_percentage() -> re.Pattern[str]:
    """A percentage opening a folded text, its sign written in any of the forms of conventions ``percent_forms``
    ("100%", "100 %", "100 phần trăm", OCR's "100°/o")."""
    forms = trie_pattern(fold(f) for f in conventions().percent_forms)
    return re.compile(rf"\d{{1,3}}(?:[.,]\d+)?\s*(?:%|{forms})(?!\d)")  # "30/09/2025": no "0/0" sign


@lru_cache(maxsize=8192)  # every section title against every rule's part names
def _names_part(title: str, phrases: tuple[str, ...]) -> bool:
    from checker.text import contains_any

    t, sentence = heading_title(title)
    sq = expand(squash(t))  # "Bảo đảm ATTT mạng" names the part "an toàn thông tin" (conventions ``abbreviations``)
    if not sentence:
        # a letter or two wrong in a word (OCR) but each word where the phrase has one, opening as it does: "TÌNH HÌNH
        # THỰC HIỆN" is not "KINH PHÍ THỰC HIỆN", however close their letters
        return any(p in sq or contains_any(sq, [p], 85) and _initials_in(sq, p) for p in phrases)
    prefix = len(" ".join(sq.split()[:3]))
    return any(0 <= sq.find(p) <= prefix for p in phrases)


_CAPITAL_LETTER_ITEM = re.compile(r"^\s*[A-HĐ]\)\s")


def _lettered_on(view: View, i: int) -> bool:
    """Line ``i`` opens "I)", "V)" or "X)" in a list lettered in capitals "A)" … "H)" a few lines above: the list's
    next letter (the ninth, "I)", after "H)"), not a Roman numeral."""
    if not re.match(r"\s*[IVX]\)", view.texts[i]):
        return False
    above = [k for k in range(i - 1, -1, -1) if view.texts[k].strip()][:10]
    return any(_CAPITAL_LETTER_ITEM.match(view.texts[k]) for k in above)


def _next_part(sections: list[Section]) -> int:
    """The value of the part in capital Roman numerals ("II.", "Phần II") the plan comes to next (1 before any)."""
    return next((v + 1 for sec in reversed(sections) if sec.style in ("roman", "part") and sec.number.isupper()
                 and (v := roman_value(sec.number))), 1)


def _initials_in(hay: str, phrase: str) -> bool:
    """Words of ``hay`` in a row open with the letters the words of ``phrase`` open with (both squashed)."""
    words, want = [w[:1] for w in hay.split()], [w[:1] for w in phrase.split()]
    return any(words[i : i + len(want)] == want for i in range(len(words) - len(want) + 1))


_MARKER = re.compile(r"^\s*(?:[-+*•–]|\d{1,2}(?:\.\d{1,2})*(?:[.)]|\s*[-–/](?=\s))?|(?:dd|[a-zđ])(?:\)|/(?=\s)|-(?=\s))"
                     r"|\((?:dd|[a-zđ])\)|[IVX]{1,4}(?:\.\d{1,2})*(?:[.)]|\s*[-–/](?=\s)))\s*")


# a point lettered with a full stop ("d. Đào tạo …"), which ``_MARKER`` leaves (a word may open so: "a. " is rare)
_LETTER_DOT = re.compile(r"^\s*(?:dd|[a-zđ])\.\s+")
# a point set as a title: a dash or bullet, then a few words with no punctuation closing them
_BULLET_TITLE = re.compile(r"\s*[-–+•]\s+[^\W\d_]")
_TITLE_END = re.compile(r"[.;,!?…]\s*$")


def _marker_alone(cell: str) -> bool:
    """``cell`` is a list item's marker and nothing else ("đ)", "-", "2.", "d."), a row number aside ("1")."""
    m = _MARKER.match(cell) or _LETTER_DOT.match(cell + " ")
    return m is not None and m.end() >= len(cell) and not cell.strip().isdigit()


@lru_cache(maxsize=4096)  # a plan's lines, read once for all the content parts its pack asks for
def lead_ins(text: str) -> tuple[str, ...]:
    """The short titles that open a line's cells before a colon ("- Hạ tầng số: duy trì ...", a table row
    "9 | Hạ tầng số: ..."), a point that is a title alone on its line ("- An toàn, an ninh thông tin mạng", its
    text on the lines below), and the task cells of a table row, read as sentences (only their first words count):
    a part of a plan may be written so instead of as a heading."""
    out: list[str] = []
    cells = [c for c in re.split(r"\t+|\s{3,}|\s\|\s", text.strip()) if c.strip()]
    if len(cells) == 2 and _marker_alone(cells[0]):
        cells = [f"{cells[0]} {cells[1]}"]  # "đ)<tab>Đào tạo …": Word's number followed by a tab, not a cell
    for cell in cells:
        marked = cell
        cell = _MARKER.sub("", cell)
        if len(cells) == 1 and _BULLET_TITLE.match(marked) and ":" not in cell and not _TITLE_END.search(cell) and (
                0 < len(cell.strip()) <= 60):
            out.append(cell.strip())  # "- An toàn, an ninh thông tin mạng" alone on its line, its text below it
        elif ":" in cell:
            head = cell.split(":", 1)[0].strip()
            if 0 < len(head) <= 60:
                out.append(head)
        elif (marked != cell or _LETTER_DOT.match(cell)) and len(cells) == 1 and (m := _title_dash().search(cell)) and (
                not re.search(r"\d", head := cell[:m.start()].strip())) and 0 < len(head) <= 40:
            out.append(_LETTER_DOT.sub("", head))  # "đ) Đào tạo, tuyên truyền - Tổ chức 02 lớp …": title, dash, text
        elif len(cells) >= 3 and re.search(r"[^\W\d_]{3,}", cell):
            out.append(cell.strip().rstrip(".") + ".")  # a sentence: its opening words name the part
    return tuple(out)


@lru_cache(maxsize=1)
def _title_dash() -> re.Pattern[str]:
    """The dash between a point's title and its text (conventions ``title_dashes``), a capital after it."""
    dashes = "|".join(re.escape(d) for d in conventions().title_dashes) or r"(?!)"
    return re.compile(rf"\s(?:{dashes})\s+(?=[{UPPER}])")


@lru_cache(maxsize=1)
def _topic_opening() -> re.Pattern[str]:
    # and as a text that lost its diacritics writes them ("ve dao tao, tuyen truyen …")
    words = "|".join(re.escape(w) for m in conventions().topic_markers for w in {m, fold(m)}) or r"(?!)"
    return re.compile(rf"(?:^|[:;]\s)\s*(?:{words})\s+(?=[^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def topics(text: str) -> tuple[str, ...]:
    """The topics a line's clauses open with (conventions ``topic_markers``), read as sentences (only their first
    words count): "1. Văn phòng …: về hạ tầng số, duy trì …; về đào tạo, tuyên truyền …, mở lớp …" names the parts
    "hạ tầng số" and "đào tạo, tuyên truyền" inside an office's duties."""
    out: list[str] = []
    for m in _topic_opening().finditer(text):
        clause = text[m.end():].split(";", 1)[0].strip().rstrip(".")
        if clause:
            out.append(clause + ".")
    return tuple(out)


def _part_name(text: str, keys: list[str] | None = None) -> bool:
    """The text is the name of a part of a plan ("MỤC TIÊU", "Tổ chức thực hiện:"), possibly qualified."""
    sq = squash(text)
    conv = conventions()
    for key, names in conv.parts.items():
        if keys is not None and key not in keys:
            continue
        for n in names:
            n2 = squash(n)
            if sq == n2 or (sq.startswith(n2 + " ") and len(sq) <= len(n2) + 30):
                return True
    return False


def _lower_roman_parts(view: View, appendix: int) -> set[int]:
    """The lines whose lower-case Roman numerals number the parts of the plan (of one of its "Phần", "Chương", or of
    an appendix): there "i. Mục tiêu", "ii. Nhiệm vụ" in sentence case are parts, not points under the "1.", "2."
    above them. The numerals of the stretch run i, ii, iii … once, enclose points numbered "1." (which restart under
    them), no capital Roman numeral numbers a part there, and none is the next letter of a list ("i." after "h.": a)
    … h) i) skips no letter)."""
    part_re = _part_patterns()[0]
    ends = [i for i, t in enumerate(view.folded) if (i >= appendix and APPENDIX_TITLE.match(view.squashed[i])) or (
        (mp := part_re.match(t.strip().strip("*#_ "))) and mp.group(1) in _TOP_MARKERS)]
    out: set[int] = set()
    for lo, hi in zip([0, *ends], [*ends, len(view.texts)], strict=True):
        run: list[tuple[int, str]] = []
        arabic: list[int] = []
        letter = ""
        for i in range(lo, hi):
            text = view.texts[i]
            if (m := _ROMAN.match(text)) and re.fullmatch(r"[IVXL]+", m.group(1)) and roman_value(m.group(1)):
                run = []
                break
            if (m := _LOWER_ROMAN.match(text)) and letter not in _letters_before(m.group(1)):
                run.append((i, m.group(1)))
            elif m := _LETTER.match(text):
                letter = m.group(1)
            elif _ARABIC.match(text):
                arabic.append(i)
                letter = ""
        numbers = [roman_value(n.upper()) for _, n in run]
        if len(run) >= 2 and numbers == list(range(1, len(run) + 1)) and any(
                run[0][0] < i < run[-1][0] for i in arabic):
            out |= {i for i, _ in run}
    return out


def _open_letters(sections: list[Section], open_levels: list[int]) -> set[str]:
    """The letters of the lettered headings still open ("h" of "h. Dữ liệu số" until a part closes it)."""
    return {sections[k].number for k in open_levels if sections[k].style == "letter"}


def _letters_before(letter: str) -> set[str]:
    """The letter before ``letter`` in a lettered list, Vietnamese ("đ" before "e") or Latin ("d" before "e"); "dd"
    is đ typed without its stroke, after "d"."""
    if letter == "dd":
        return {"d"}
    conv = conventions()
    return {alphabet[k - 1] for alphabet in (conv.list_alphabet, conv.word_alphabet)
            if (k := alphabet.find(letter)) > 0}


@lru_cache(maxsize=1)
def _office_opening() -> re.Pattern[str]:
    """An office's name opening a line, folded (rules/conventions.yaml ``office_words``: "phòng", "công an", …)."""
    words = sorted((re.escape(fold(w)) for w in conventions().office_words), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(words)})\b")


def _office_name(text: str) -> bool:
    """A line that names an office ("Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị"): it opens with an office's
    words and holds no colon (not "Công an phường: bảo đảm …", an office given its work in one line)."""
    return ":" not in text and bool(_office_opening().match(fold(text)))


def find_sections(view: View) -> list[Section]:
    sections: list[Section] = []
    heading_idx: set[int] = set()
    part_re, letter_re = _part_patterns()
    conv = conventions()
    ordinals = {f: k for k, forms in enumerate(conv.ordinal_forms(), start=1) for f in forms}
    skip: set[int] = set()
    open_levels: list[int] = []  # indexes of sections with strictly rising levels: the candidates for parent
    part_order: list[str] = []  # the part markers ("phan", "muc") in the order the plan first uses them
    # the level of "A." parts: 0 over Roman parts ("A. MỤC TIÊU" / "I. Mục tiêu chung"); 1 where the first opens
    # inside a Roman part ("IV. NHIỆM VỤ, GIẢI PHÁP" / "A. NHIỆM VỤ CHUYỂN ĐỔI SỐ" … "D. GIẢI PHÁP" / "V. KINH
    # PHÍ"): groups of that part, beside the Roman parts, so that "V." follows "IV." (the model has no level
    # between a part and its points)
    letter_level: int | None = None
    arabic_form: dict[int, str] = {}  # section index → its arabic form: ".", ")", "-" or "(1)"
    indents: dict[int, int | None] = {}  # section index → its Word list indent (twips), where known
    form = ""
    points: set[str] = set()  # letters read as points of a list since the last heading above letters
    # "1." read as an OCR'd "I." only in a plan that numbers its parts in Roman numerals elsewhere
    # (a numeral before a bracket, "I)", does not count: the ninth letter of a list lettered in capitals may be one)
    genuine_roman = any((m := _ROMAN.match(t)) and re.fullmatch(r"[IVXL]+", m.group(1))
                        and not t[m.end(1):].lstrip().startswith(")") for t in view.texts)
    appendix = appendix_start(view)
    roman_parts = _lower_roman_parts(view, appendix)
    for i, text in enumerate(view.texts):
        if not text.strip() or i in skip:
            continue
        if i >= appendix and APPENDIX_TITLE.match(view.squashed[i]) and len(text.strip()) <= 90:
            # "Phụ lục I", "PHỤ LỤC II" after the signature: a part of its own, at the level of the plan's top
            # parts, whose points are numbered afresh ("1." of an appendix is not a repeat of the body's "1.")
            level = min((sec.level for sec in sections), default=1)
            while open_levels and sections[open_levels[-1]].level >= level:
                open_levels.pop()
            heading_idx.add(i)
            points.clear()
            open_levels.append(len(sections))
            title = text.strip()
            nxt = view.next_nonblank(i)
            if (APPENDIX_LABEL.fullmatch(view.squashed[i]) and nxt is not None and _mostly_upper(view.texts[nxt])
                    and len(view.texts[nxt]) < 160):
                # "PHỤ LỤC" alone, its title in capitals on the next line (NĐ 30/2020, Phụ lục I): one heading
                title = f"{title} {view.texts[nxt].strip()}"
                skip.add(nxt)
            sections.append(Section(number="", style="none", title=title, line=view.line_no(i), level=level,
                                    parent=open_levels[-2] if len(open_levels) > 1 else None))
            continue
        if view.kinds and view.kinds[i] == "table" and sum(1 for c in text.split(" | ") if c.strip()) > 1:
            continue  # a row of a table is not a heading; a row of one cell across it may be (a group's title)
        # "**I. MỤC TIÊU**", "## I. MỤC TIÊU": Markdown's marks are not part of the heading (but a "## 1." heading
        # and the "1." items of a Markdown list are two forms of number: the list's nest under the heading)
        hashed = text.lstrip().startswith("#")
        if "*" in text or "_" in text or "#" in text:  # every mark _EMPHASIS removes holds one of them
            text = _EMPHASIS.sub("", text)
        number, title = "", ""
        style: Style | None = None
        level = 0
        stripped = text.strip().strip("*#_ ").strip()
        mp = part_re.match(view.folded[i].strip().strip("*#_ "))
        ml = letter_re.match(stripped) if not mp else None
        if mp or (ml and (not ml.group(2) or _mostly_upper(ml.group(2)))):
            m = mp or ml
            assert m is not None
            g = 1 if mp else 0  # the part pattern names its marker first
            raw_title = (m.group(2 + g) or "").strip()
            if mp and m.group(3):
                raw_title = stripped[m.start(3):].strip()
            nxt = view.next_nonblank(i)
            if not raw_title and nxt is not None and _mostly_upper(view.texts[nxt]) and len(view.texts[nxt]) < 160:
                raw_title = view.texts[nxt].strip()
                skip.add(nxt)
            if raw_title or mp:
                token = m.group(1 + g)
                level = 0
                if mp:
                    token = token.upper() if token not in ordinals else str(ordinals[token])
                    # "Mục 1." under "Phần thứ nhất": each further part marker a plan uses nests one level deeper
                    if mp.group(1) not in part_order:
                        part_order.append(mp.group(1))
                    level = part_order.index(mp.group(1))
                    # "Mục 1." under "II. MỤC TIÊU" (or "B. MỤC TIÊU"): a part marker numbered in Arabic inside a part
                    # numbered in Roman numerals or letters is its point (NĐ 30/2020, Phụ lục I: phần, chương in Roman
                    # numerals; mục, điều in Arabic, below them)
                    # ("Phần thứ hai" after "I. Mục tiêu chung" under "Phần thứ nhất" is the next part: not a mục)
                    romans = [sections[k].level for k in open_levels if sections[k].style == "roman" or (
                        sections[k].style == "part" and not sections[k].number.isdigit())]
                    # (below them whatever marker the plan used first: a decision's "Điều 1." over its plan's
                    # "I. MỤC TIÊU" / "Mục 1. Mục tiêu chung")
                    if m.group(2).isdigit() and mp.group(1) not in _TOP_MARKERS and romans:
                        level = max(level, max(romans) + 1)
                else:
                    if letter_level is None:
                        letter_level = int(any(sections[k].style == "roman" and sections[k].level == 1
                                               for k in open_levels))
                    level = letter_level
                number, style, title = token, "part", raw_title
        if not style and (m := _ROMAN_DOTTED.match(text)) and _follows_break(view, i, heading_idx):
            number, style, title = f"{m.group(1)}.{m.group(2)}", "dotted", m.group(3)
        if not style and (m := _ROMAN_ALONE.match(text)) and roman_value(m.group(1)) and (
                nxt := view.next_nonblank(i)) is not None and len(view.texts[nxt]) < 160 and (
                _mostly_upper(view.texts[nxt]) or _title_like(_unstopped(view.texts[nxt]))) and (
                not _NUMBERED_START.match(view.texts[nxt])) and _follows_break(view, i, heading_idx):
            # "II." alone on its line, the part's title on the next (as "PHẦN II" over its title); not a sentence's
            # last word wrapped onto a line of its own ("… tiến độ tại Phụ lục" / "III." / "IV. GIẢI PHÁP")
            number, style, title = m.group(1), "roman", view.texts[nxt].strip()
            skip.add(nxt)
            heading_idx.add(nxt)  # the text under it follows a heading
        if not style:
            m = _ROMAN.match(text)
            if m and (genuine_roman or not re.search(r"[1l|]", m.group(1))):
                numeral = m.group(1).replace("1", "I").replace("l", "I").replace("|", "I")
                # "II. MỤC TIÊU"; in sentence case ("I. Mục tiêu chung" under "Phần thứ nhất") where it reads as a
                # title and stands after a break (NĐ 30/2020: Roman numerals number parts, in any case)
                # ("1." read as an OCR'd "I." only in capitals: in sentence case it is an arabic number)
                # ("I. Mục tiêu chung: xây dựng …": a part's name run in before its text, as its title)
                # (a title of abbreviations alone is an office's, "1. P. VH-XH": no OCR'd "I." without a word;
                # nor is one whose own words are in sentence case, "1. Phòng VH-XH (P. VH-XH)")
                # (and only as the part the plan's Roman numbering comes to next: "1. MỤC ĐÍCH" under "I. MỤC ĐÍCH, YÊU
                # CẦU" is its point in capitals, not the part I again)
                if roman_value(numeral) and len(text) <= 160 and (_mostly_upper(m.group(2)) and (
                        numeral == m.group(1) or re.search(r"[a-z]{3}", unabbreviated(m.group(2)))
                        and _own_words_upper(m.group(2)) and roman_value(numeral) == _next_part(sections)) or (
                        numeral == m.group(1) and m.group(2)[:1].isalpha() and not _lettered_on(view, i)
                        and (_title_like(_unstopped(m.group(2)))
                             or _part_name(m.group(2).split(":", 1)[0]) and ":" in m.group(2))
                        and _follows_break(view, i, heading_idx))):
                    number, style, title = numeral, "roman", m.group(2)
        # "i." after "h." (or "h)"), "v." after "u.", "x." after "v.": the list's next letter, not a numeral
        if not style and (m := _LOWER_ROMAN.match(text)) and _follows_break(view, i, heading_idx) and not (
                _letters_before(m.group(1)) & (points | _open_letters(sections, open_levels))):
            number, style, title = m.group(1), "roman", m.group(2)
        if not style and (m := _labelled_number().match(text)) and _follows_break(view, i, heading_idx):
            # "Nhiệm vụ 6. Đào tạo, tuyên truyền …": a point numbered after its label, a list of its own form (as "6."
            # is, its title read on into a wrapped line)
            number, style, title = m.group(2), "arabic", m.group(3)
            form = squash(m.group(1))
        if not style:
            m = _DOTTED.match(text)
            if m and _follows_break(view, i, heading_idx):
                number, style, title = m.group(1), "dotted", m.group(2)
        if not style:
            # an OCR'd "1." in sentence case read as a lower-case L or a bar ("l. Mục đích", "|. Mục đích"): the
            # number 1 (in capitals, "I. MỤC TIÊU", it is the Roman numeral above; after "k." it is a letter)
            m = _ARABIC.match(text if "k" in points else _OCR_ONE.sub(r"\g<1>1", text))
            # "1. 100% thủ tục ..." ("100 phần trăm", "100°/o") is a numbered point; "1. 2025 ..." a wrapped
            # figure, not a heading
            if m and (_follows_break(view, i, heading_idx) or _next_point(sections, open_levels, m.group(2))) and (
                    not re.match(r"\d", m.group(3)) or _opening_percentage().match(fold(m.group(3)))):
                number, style, title = m.group(2), "arabic", m.group(3)
                form = ("#" if hashed else "") + ("(1)" if m.group(1) else text.strip()[len(m.group(2)):].lstrip()[:1])
        if not style:
            m = _LETTER.match(text)
            # "a) Hạ tầng số" is a heading; "a) Tối thiểu 80% hồ sơ ... ." (even wrapped) is a point of a list,
            # and so are the letters after it in the same list ("b) Mạng LAN:" after the point "a) ... .")
            if m and _follows_break(view, i, heading_idx) and _title_like(m.group(2)) and not (
                    _letters_before(m.group(1)) & points):
                item = _item_text(view, i)
                first = text.strip()
                following = view.texts[i + 1].strip() if i + 1 < len(view.texts) else ""
                # (or a block of its own the reader read as a heading: "b) Ứng dụng công nghệ thông tin trong hoạt
                # động của cơ quan nhà nước", longer than 60, its text under it in capitals)
                if item == first or (len(first) <= 60 and following[:1].isupper()) or (
                        bool(view.kinds) and view.kinds[i] == "heading"):
                    number, style, title = m.group(1), "letter", m.group(2)
            if m and not style:
                points.add(m.group(1))
        if (not style and i > 3 and len(stripped) <= 90 and not _SENTENCE_END.search(stripped)
                and not _MARKER.match(text) and not re.match(r"\s*[-+*•–]", text)):
            # an unnumbered heading: the name of a part standing alone on its line, or a short capitalised line
            # between blank lines opening the text under it
            prev = view.prev_nonblank(i)
            # after a blank, a sentence's end or a heading ("A. MỤC TIÊU" over "Mục tiêu chung")
            # (or after a table: its last cell ends no sentence, "100%")
            alone = (prev is None or view.is_blank(i - 1) or prev in heading_idx
                     or bool(re.search(r"[.:;!?)…]$", view.texts[prev].rstrip()))
                     or bool(view.kinds) and view.kinds[prev] == "table")
            nxt = view.next_nonblank(i)
            # a block of its own (the block model), or a line between blank lines (a plain view)
            own_block = bool(view.kinds) and view.kinds[i] in ("paragraph", "heading")
            # a paragraph Word styles as a heading (Heading 2 with no number), or an office's name alone over its
            # duties (the plan organised by offices, as a PDF or a text of it gives it), is one whatever opens the
            # text under it: a bullet ("– Chủ trì …") as well as a capital
            styled = bool(view.kinds) and view.kinds[i] == "heading"
            under = view.texts[nxt].strip() if nxt is not None else ""
            short = (bool(sections) and (own_block or view.is_blank(i - 1)) and nxt == i + 1
                     and len(stripped.split()) <= 12  # syllables: "Đào tạo, tuyên truyền và phát triển nguồn nhân lực"
                     and stripped[:1].isupper()
                     and (styled or under[:1].isupper() or (under[:1] in "-–+•" and _office_name(stripped)))
                     and not view.double_spaced)
            short = short and squash(stripped) not in row_number_headers()  # "STT": a table's cell, one to a line
            if alone and nxt is not None and (_part_name(stripped.rstrip(":")) or short):
                number, style, title = "", "none", stripped.rstrip(":")
                level = 1 if _mostly_upper(stripped) else 3
        if not style:
            continue
        if style != "letter":
            points.clear()
        heading_idx.add(i)
        if style in ("roman", "arabic", "letter", "dotted"):
            level = {"roman": 1, "arabic": 2, "letter": 4}.get(style, 0) or (
                (1 if number[:1] in "IVXL" else 2) + number.count("."))
        if style == "roman" and number.islower():
            # "i." under "I." (or under "1."): one level below the nearest part or point numbered otherwise; but
            # "ii. NHIỆM VỤ" in capitals, under no part numbered in capital Roman numerals, is a part numbered in
            # lower case (NĐ 30/2020 sets a part's title in capitals, a point's in sentence case)
            above = [sections[k].level for k in open_levels if not sections[k].number.islower()]
            level = max(above, default=1) + 1
            if i in roman_parts or _mostly_upper(title) and not any(
                    sections[k].style == "roman" and sections[k].number.isupper() for k in open_levels):
                level = 1
        if style == "arabic":
            # "1)" points under a "(1)" heading (or "(1)" under "1."): another form of arabic number nests deeper
            open_arabic = [k for k in open_levels if sections[k].style == "arabic"]
            same = [k for k in open_arabic if arabic_form.get(k) == form]
            indent = view.indents[i] if view.indents else None
            placed = {k: v for k in open_arabic if (v := indents.get(k)) is not None}
            if indent is not None and placed:
                # Word lists that draw the same "1." (List Number / List Number 2, two levels of one list): the
                # one set further right is the sub-list of the item above it
                same = [k for k, v in placed.items() if abs(v - indent) < _INDENT_STEP]
                outer = [k for k, v in placed.items() if v <= indent - _INDENT_STEP]
                open_arabic = outer if not same else open_arabic
            if same:
                level = sections[same[-1]].level
            elif open_arabic:
                # below the nearest open point, a letter under that number among them: "(1)" under "a)" under
                # "2." (a lettered lead-in, then its numbered points) nests under the letter, so that "b)" after
                # the points is the letter's sibling, not the first of a new list
                level = max(sections[k].level for k in open_levels if k >= open_arabic[-1]) + 1
            arabic_form[len(sections)] = form
            indents[len(sections)] = indent
        # the parent is the nearest earlier section of a lower level (a stack keeps this linear)
        while open_levels and sections[open_levels[-1]].level >= level:
            open_levels.pop()
        parent = open_levels[-1] if open_levels else None
        open_levels.append(len(sections))
        sections.append(
            Section(number=number, style=style, title=title.strip(), line=view.line_no(i), level=level, parent=parent)
        )
    return sections


def sections_from(sections: list[Section], line: int) -> list[Section]:
    """The headings from ``line`` on, their parents renumbered (a parent before ``line`` is dropped: None)."""
    first = next((k for k, s in enumerate(sections) if (s.line or 0) >= line), len(sections))
    return [s.model_copy(update={"parent": s.parent - first if s.parent is not None and s.parent >= first else None})
            for s in sections[first:]]


def top_level(sections: list[Section]) -> int:
    """The level of the plan's top parts (0 for "Phần I"/"A." parts, 1 for Roman ones, more when it has none)."""
    return min((s.level for s in sections), default=1)


_HEADING_LINES: tuple[list[Section] | None, list[int]] = (None, [])  # the last sections' heading lines


def section_of_line(view: View, sections: list[Section], index: int) -> int | None:
    """Index of the innermost section whose heading precedes line ``index`` (the last of the leading run of
    sections whose heading line is at or before it; a binary search where, as found in text, lines rise)."""
    global _HEADING_LINES
    line = view.line_no(index)
    known, lines = _HEADING_LINES
    if known is not sections or len(lines) != len(sections):
        lines = [s.line or 0 for s in sections]
        rising = all(a < b for a, b in zip(lines, lines[1:], strict=False))
        if not rising:  # sections not in text order (not from find_sections): the plain scan
            found = None
            for k, s in enumerate(sections):
                if (s.line or 0) > line:
                    break
                found = k
            return found
        _HEADING_LINES = (sections, lines)
    k = bisect.bisect_right(lines, line) - 1
    return k if k >= 0 else None


def section_ends(sections: list[Section]) -> list[int | None]:
    """For each section, the index of the first later section at its level or above (where the section and its
    children end; None: the end of the plan). One pass with a stack of open sections, whose levels rise."""
    ends: list[int | None] = [None] * len(sections)
    open_: list[int] = []
    for j, s in enumerate(sections):
        while open_ and sections[open_[-1]].level >= s.level:
            ends[open_.pop()] = j
        open_.append(j)
    return ends


def section_span(view: View, sections: list[Section], k: int,
                 ends: list[int | None] | None = None) -> tuple[int, int]:
    """Line indices [start, end) covered by section ``k`` and its children (``ends``: ``section_ends`` of
    ``sections``, given when spans of many sections are wanted)."""
    start = view.index_of_line(sections[k].line or 0)
    nxt = (ends or section_ends(sections))[k]
    end = len(view.doc.lines) if nxt is None else view.index_of_line(sections[nxt].line or 0)
    return start, end
