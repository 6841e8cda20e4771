"""Headings and their tree: I., II. (roman), 1., 2. (arabic), 2.1. (dotted), a) (letter)."""

from __future__ import annotations

import re
from typing import Literal

from checker.models import Section
from checker.parse.view import View

Style = Literal["roman", "arabic", "dotted", "letter"]

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN = re.compile(r"^\s*([IVXl1|]{1,5})\s*[.:]\s*(\S.*)$")
_ARABIC = re.compile(r"^\s*([1-9]\d?)\s*[.)]\s+(\S.*)$")
_DOTTED = re.compile(r"^\s*([1-9]\d?(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$")
_LETTER = re.compile(r"^\s*([a-zđ])\s*\)\s+(\S.*)$")


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
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _title_like(text: str) -> bool:
    t = text.rstrip()
    return len(t) <= 90 and "%" not in t and not t.endswith((".", ";", ","))


def _follows_break(view: View, i: int, heading_idx: set[int]) -> bool:
    """A numbered line is a heading only where the previous text ended (not inside a wrapped sentence)."""
    p = view.prev_nonblank(i)
    if p is None or p in heading_idx:
        return True
    if not view.double_spaced and view.is_blank(i - 1):
        return True
    prev = view.texts[p].rstrip()
    return bool(re.search(r"[.:;!?)…]$", prev)) or _mostly_upper(prev)


def find_sections(view: View) -> list[Section]:
    sections: list[Section] = []
    heading_idx: set[int] = set()
    for i, text in enumerate(view.texts):
        if not text.strip():
            continue
        number, title = "", ""
        style: Style | None = None
        m = _ROMAN.match(text)
        if m:
            numeral = m.group(1).replace("1", "I").replace("l", "I").replace("|", "I")
            if roman_value(numeral) and _mostly_upper(m.group(2)) and len(text) <= 160:
                number, style, title = numeral, "roman", m.group(2)
        if not style:
            m = _DOTTED.match(text)
            if m and _follows_break(view, i, heading_idx):
                number, style, title = m.group(1), "dotted", m.group(2)
        if not style:
            m = _ARABIC.match(text)
            if m and _follows_break(view, i, heading_idx) and not re.match(r"\d", m.group(2)):
                number, style, title = m.group(1), "arabic", m.group(2)
        if not style:
            m = _LETTER.match(text)
            # "a) Hạ tầng số" is a heading; "a) Tối thiểu 80% hồ sơ ... ." is an item of a list
            if m and _follows_break(view, i, heading_idx) and _title_like(m.group(2)):
                number, style, title = m.group(1), "letter", m.group(2)
        if not style:
            continue
        heading_idx.add(i)
        level = {"roman": 1, "arabic": 2, "letter": 4}.get(style, 0) or 2 + number.count(".")
        parent = None
        for j in range(len(sections) - 1, -1, -1):
            if sections[j].level < level:
                parent = j
                break
        sections.append(
            Section(number=number, style=style, title=title.strip(), line=view.line_no(i), level=level, parent=parent)
        )
    return sections


def section_of_line(view: View, sections: list[Section], index: int) -> int | None:
    """Index of the innermost section whose heading precedes line ``index``."""
    line = view.line_no(index)
    found = None
    for k, s in enumerate(sections):
        if (s.line or 0) <= line:
            found = k
        else:
            break
    return found


def section_span(view: View, sections: list[Section], k: int) -> tuple[int, int]:
    """Line indices [start, end) covered by section ``k`` and its children."""
    lines = [ln.loc.line for ln in view.doc.lines]
    start = lines.index(sections[k].line or 0)
    end = len(lines)
    for s in sections[k + 1 :]:
        if s.level <= sections[k].level:
            end = lines.index(s.line or 0)
            break
    return start, end
