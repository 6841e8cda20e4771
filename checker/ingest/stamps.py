"""The text of a digital signature's stamp, taken out of a plan's lines before the layout is read.

E-office systems (VNPT iOffice, Viettel eDoc, …) draw the signature of a signed PDF with a box of text beside its
image: "Ký bởi: Ủy ban nhân dân xã …" / "Email: …@haiphong.gov.vn" / "Cơ quan: Thành phố Hải Phòng" / "Thời gian ký:
26.09.2025 08:15:34 +07:00". A PDF's text layer, ``pdftotext`` and copy-paste give it as lines of the page: above the
header, between the header's two columns (the place of the place-and-date line then read as "Cơ quan: Thành phố Thủy
… Lê Ích Mộc"), in the signature block beside Nơi nhận. None of it is the plan's: the certificate names whatever body
it was issued to, perhaps one gone since 1/7/2025 ("Cơ quan: Tỉnh Hải Dương"). The words that open a stamp and its
labels are conventions data (``signature_stamp_opens``, ``signature_stamp_labels``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.models import Line
from checker.text import fold

MAX_LINES = 8  # a stamp's box: its four or five labels, each wrapped at most once
MAX_WRAPPED = 45  # the words of a label wrapped in the narrow box; a longer line in that column is text
SHIFT = 2  # a column laid out by position starts within this many characters of the line above's
_SEGMENT = re.compile(r"\S+(?: \S+)*")  # a column's words on a line: two spaces or more end it
# a text whose words are set two spaces apart (a copy spaced out, "Cơ  quan:  Tỉnh  Hải  Dương"): three spaces or more
_SPACED_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")
_GAP = re.compile(r"(?<=\S) +(?=\S)")
_SIGNED_AT = re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b")  # the signing time, to the second: the stamp's last words


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from checker.conventions import conventions

    def label(words: list[str]) -> re.Pattern[str]:
        alternatives = "|".join(r"\s+".join(map(re.escape, fold(w).split()))
                                for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:{alternatives})\s*:" if alternatives else r"(?!)")

    c = conventions()
    return label(c.signature_stamp_opens), label(c.signature_stamp_labels)


def _segments(lines: list[Line]) -> re.Pattern[str]:
    """How a line's columns part: at two spaces, or at three where the text sets its words two spaces apart (more
    of its gaps between words two spaces than one)."""
    gaps = [len(g) for ln in lines for g in _GAP.findall(ln.text)]
    return _SPACED_SEGMENT if gaps.count(2) > gaps.count(1) else _SEGMENT


def _at(text: str, column: int, segment: re.Pattern[str] = _SEGMENT) -> re.Match[str] | None:
    """The column's words on a line: the run of words that starts within ``SHIFT`` characters of ``column``."""
    return next((m for m in segment.finditer(text) if abs(m.start() - column) <= SHIFT), None)


def _across(text: str, column: int, segment: re.Pattern[str] = _SEGMENT) -> bool:
    """Words of the line run across ``column`` (start well before it, end after it): text the stamp's box lies over
    on the page, read between the box's lines."""
    return any(m.start() < column - SHIFT and m.end() > column + SHIFT for m in segment.finditer(text))


def _stamp(lines: list[Line], k: int, opened: re.Match[str],
           segment: re.Pattern[str] = _SEGMENT) -> list[tuple[int, int, int]] | None:
    """The stamp opened on line ``k`` by ``opened``: (line, start, end) of each of its runs, down to the one that
    gives the signing time; None when its column goes on into other text before that time is given."""
    opens, labels = _labels()
    runs = [(k, opened.start(), opened.end())]
    if _SIGNED_AT.search(opened.group()):
        return runs
    seen = 1  # the stamp's lines read, its first one included
    for j in range(k + 1, len(lines)):
        if not lines[j].text.strip():
            continue  # a blank line between a stamp's lines: a copy spaced out (each line a paragraph), not its end
        if seen == MAX_LINES - 1:
            return None
        seen += 1
        run = _at(lines[j].text, opened.start(), segment)
        if run is None:
            if _across(lines[j].text, opened.start(), segment):
                continue  # another column's words drawn across the stamp's box (the motto under it): not its end
            return None
        labelled = labels.match(fold(run.group())) is not None
        if not labelled and (len(run.group()) > MAX_WRAPPED or opens.match(fold(run.group()))):
            return None
        runs.append((j, run.start(), run.end()))
        if _SIGNED_AT.search(run.group()):
            return runs
    return None


def without_stamps(lines: list[Line]) -> list[Line]:
    """``lines`` with every signature stamp's runs blanked where they stand: the other columns of their lines keep
    their places, every line its number."""
    opens, _ = _labels()
    segment = _segments(lines)
    out = list(lines)
    for k, line in enumerate(lines):
        if ":" not in line.text:
            continue
        for run in segment.finditer(line.text):
            if not opens.match(fold(run.group())):
                continue
            for j, start, end in _stamp(lines, k, run, segment) or []:
                text = out[j].text
                out[j] = out[j].model_copy(update={"text": (text[:start] + " " * (end - start) + text[end:]).rstrip()})
    return out
