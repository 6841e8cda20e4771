"""Page numbers left in a plan's text at its page breaks, found and taken out before the layout is read.

Every page of an administrative document but the first carries its number (NĐ 30/2020, Phụ lục I: Arabic figures,
centred in the top margin; many offices number at the foot). A PDF's text layer keeps it as a line of its own at the
top or the foot of each page, and so does text copied or exported from a PDF (``pdftotext`` also marks each page
break with a form feed). Left in, a lone "2" ends a wrapped sentence in the middle of its target, cuts a table from
its rows, or reads as the number of a heading. The forms a page number is written in are conventions data
(``page_words``, ``page_of``: "2", "- 2 -", "2/7", "Trang 2", "Trang 2 trên 7").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from checker.models import Line
from checker.text import fold

NEAR = 2  # a page's number is at most this far from its place in the file (a cover page, a first page not counted)
# without form feeds, lines of text from one page number to the next: a page of a plan holds 30 to 60 lines (and
# twice as many with a blank line between lines); a table's row numbers alone on their lines come far closer
MIN_PAGE_LINES = 20
MAX_PAGE_LINES = 150
MAX_CHARS = 24  # "Trang 12 trên 120" and its spacing: a longer line is text

Item = tuple[str, Any]  # a PDF page's ("line", text) or ("table", rows), in reading order


@lru_cache(maxsize=1)
def _form() -> re.Pattern[str]:
    from checker.conventions import conventions

    c = conventions()

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))

    dash = "[-\u2013\u2014]"
    word = rf"(?P<word>(?:{alternatives(c.page_words)})\s*)?" if c.page_words else ""
    of = rf"(?P<of>\s*(?:{alternatives(c.page_of)})\s*\d{{1,3}})?" if c.page_of else ""
    return re.compile(rf"\s*(?P<dash>{dash}\s*)?{word}(?P<n>\d{{1,3}}){of}(?P<end>\s*{dash})?\s*")


def _number(text: str) -> tuple[int, bool] | None:
    """The page number ``text`` is, when it is nothing else, and whether its form says so by itself ("Trang 2",
    "- 2 -", "2/7": True) or it is a bare number ("2": False, it may be a table row's number)."""
    text = text.strip()  # centred by spaces in a text layer laid out by position
    if len(text) > MAX_CHARS or not any(ch.isdigit() for ch in text):
        return None
    found = _form().fullmatch(fold(text))
    if found is None:
        return None
    groups = found.groupdict()
    if bool(groups.get("dash")) != bool(groups.get("end")):
        return None  # "- 2": a list's item, not "- 2 -"
    return int(found.group("n")), bool(groups.get("dash") or groups.get("word") or groups.get("of"))


def _count(text: str) -> int | None:
    """The page count a page number written bare as "2/7" gives (7); None for any other form ("Trang 2/7", "- 2 -",
    "2": their words or dashes say what they are)."""
    found = _form().fullmatch(fold(text.strip()))
    if found is None or not found.group("of") or found.group("word") or found.group("dash"):
        return None
    return int(re.sub(r"\D+", " ", found.group("of")).split()[-1])


def page_number(text: str) -> int | None:
    """The page number ``text`` is, when it is nothing else ("2", "- 2 -", "Trang 2/7"); else None."""
    got = _number(text)
    return got[0] if got else None


def _blank(item: Item) -> bool:
    return item[0] == "line" and not str(item[1]).strip()


EDGE_LINES = 2  # a running header or footer takes at most this many lines at the top or the foot of a page
MIN_RUNNING_PAGES = 3  # and is printed on at least this many pages (and on half of them): a first page has none


def _running_key(item: Item, exact: bool = False) -> str | None:
    """A line as a running header or footer repeats it from page to page: folded, its figures (the page number, the
    page count; ``exact``: kept, where the page numbers stand on lines of their own) and spacing left out; None for
    a table or a line without words."""
    if item[0] != "line":
        return None
    folded = fold(str(item[1]))
    key = " ".join((folded if exact else re.sub(r"\d+", "#", folded)).split())
    return key if sum(ch.isalpha() for ch in key) >= 3 else None


def _sides(items: list[Item]) -> tuple[list[int], list[int]]:
    """Indices of a page's lines of text from its top down and from its foot up (blank lines left out)."""
    text = [k for k, item in enumerate(items) if not _blank(item)]
    return text, text[::-1]


def running_lines(pages: Sequence[list[Item]], exact: bool = False) -> list[set[int]]:
    """For each page, the lines that are its running header or footer: text the document's pages repeat at their
    top or foot, the same but for its figures ("Kế hoạch CĐS 6 tháng cuối năm 2025 - Trang 2/6", "UBND phường X -
    Dự thảo"), on three pages or more and on half of them; a second line counts only under (or over) a first that
    does. A PDF prints a Word file's page headers and footers on every page; left in, one cuts a sentence or a
    table that runs over the page break."""
    out: list[set[int]] = [set() for _ in pages]
    sides = [_sides(list(items)) for items in pages]
    for side in (0, 1):
        for depth in range(EDGE_LINES):
            where: dict[str, list[tuple[int, int]]] = {}
            for page_no, items in enumerate(pages):
                order = sides[page_no][side]
                if depth >= len(order) or any(k not in out[page_no] for k in order[:depth]):
                    continue  # the lines nearer the edge are not all furniture: this one is text
                k = order[depth]
                key = _running_key(items[k], exact)
                if key is not None:
                    where.setdefault(key, []).append((page_no, k))
            for spots in where.values():
                if len(spots) >= MIN_RUNNING_PAGES and 2 * len(spots) >= len(pages):
                    for page_no, k in spots:
                        out[page_no].add(k)
    return out


HEAD_LETTERS = 12  # a document's first lines repeated: "UBND XÃ AN LÃO" and longer; a shorter line may recur as text


def _letters(texts: Sequence[str]) -> str:
    """Lines' letters and figures alone, folded: the same header whether its columns are parted by a tab, by spaces
    or by nothing, and whether its lines are repeated one by one or joined into one."""
    return re.sub(r"[\W_]+", "", fold(" ".join(texts)))


def _has_motto(text: str) -> bool:
    """A line holds the national motto (rules/conventions.yaml ``motto``): the header's second column."""
    from checker.conventions import conventions

    return any(_letters([m]) in _letters([text]) for m in conventions().motto)


def head_repeats(pages: Sequence[list[Item]]) -> list[set[int]]:
    """For each page after the first, the lines at its top that repeat the document's own first lines: its header
    (NĐ 30/2020: the issuer and the national motto, side by side in two columns), which a Word file saved as text or
    a PDF's text layer prints again at the top of every page when the header is also the page header. It is told
    from running furniture by what it repeats, not by how often: the first page's own first lines, so one repeat
    after a single page break is found (a plan of two pages), and a table's header row (which Word also repeats on
    every page, and which is content) never matches, the header standing above every table. Two lines or more, or
    one with the motto: a single line of other words repeated on every page (a draft's "UBND phường X - Dự thảo lần
    2" in Word's page header) is running furniture, read once after the last page."""
    out: list[set[int]] = [set() for _ in pages]
    if len(pages) < 2:
        return out
    first = [str(item[1]) for item in pages[0] if item[0] != "table" and str(item[1]).strip()]
    heads = {_letters(first[i:j]) for i in range(min(len(first), EDGE_LINES)) for j in range(i + 1, i + 1 + EDGE_LINES)
             if j <= len(first) and (j - i >= 2 or _has_motto(first[i]))}
    heads = {h for h in heads if sum(ch.isalpha() for ch in h) >= HEAD_LETTERS}
    for page_no, items in enumerate(pages[1:], start=1):
        # (a page's number above it, in a PDF's text layer, is not part of it)
        top = [k for k in _sides(list(items))[0] if page_number(str(items[k][1])) is None][:EDGE_LINES]
        if any(items[k][0] == "table" for k in top):
            top = top[: next(n for n, k in enumerate(top) if items[k][0] == "table")]
        for n in range(len(top), 0, -1):
            if _letters([str(items[k][1]) for k in top[:n]]) in heads:
                out[page_no].update(top[:n])
                break
    return out


def from_pages(pages: Sequence[list[Item]]) -> list[list[Item]]:
    """Each PDF page without its number: the first or the last line of text on the page, when it is only a number
    near the page's place, with the blank lines between it and the page's text. Its running header and footer
    (``running_lines``) are taken out of the page too, and read once after the last page, as the Word reader reads
    a file's running headers and footers after its body: still text of the document (another unit's name left in a
    footer is found), never in the middle of a sentence or a table."""
    out: list[list[Item]] = []
    repeats = head_repeats(pages)  # the document's header repeated at a page's top: read once, at the top
    pages = [[("line", "") if k in found else item for k, item in enumerate(items)]
             for items, found in zip(pages, repeats, strict=True)]
    running = running_lines(pages)
    furniture: dict[str, Item] = {}
    for page_no, items in enumerate(pages):
        for k in sorted(running[page_no]):
            furniture.setdefault(_running_key(items[k]) or "", items[k])
    for page_no, items in enumerate(pages, start=1):
        items = [item for k, item in enumerate(items) if k not in running[page_no - 1] | repeats[page_no - 1]]
        text = [k for k, item in enumerate(items) if not _blank(item)]
        drop: set[int] = set()
        for k in {text[0], text[-1]} if text else set():
            kind, content = items[k]
            n = page_number(content) if kind == "line" else None
            if n is not None and abs(n - page_no) <= NEAR:
                drop.add(k)
        for k in sorted(drop):
            step = 1 if k == text[0] else -1  # the blank lines below a number at the top, above one at the foot
            j = k + step
            while 0 <= j < len(items) and _blank(items[j]):
                drop.add(j)
                j += step
        out.append([item for k, item in enumerate(items) if k not in drop])
    if out and furniture:
        out[-1] += [("line", ""), *furniture.values()]
    return out


def without_running(lines: list[Line], breaks: Sequence[int] = ()) -> list[Line]:
    """``lines`` of a text whose pages are known (form feeds: ``Line.loc.page``; else the page numbers found among
    the lines, ``breaks``: where each stood) without their running headers and footers (``running_lines``: "Kế
    hoạch số 112/KH-UBND ... (tiếp theo)" at the top of every page, a scanning app's "Được quét bằng ..." at the
    foot), nor the blank lines between one and its page's text, read once after the last line instead, with their
    own line numbers, as the PDF reader does (``from_pages``): a page break in the middle of a sentence, a target
    or a table's row then joins its two halves. A table's row (cells between tabs or bars) is never furniture:
    Word repeats a table's header row on each page it runs over."""
    groups: dict[int, list[int]] = {}
    marked = any(ln.loc.page is not None for ln in lines)
    for k, ln in enumerate(lines):
        page = ln.loc.page if marked else (bisect_right(breaks, k) + 1 if breaks else None)
        if page is not None:
            groups.setdefault(page, []).append(k)
    if len(groups) < 2:
        return lines
    order = sorted(groups)
    # (a tab before a line's text is its first-line indent, no cell's border)
    paged: list[list[Item]] = [[("line" if "\t" not in lines[k].text.strip() and "|" not in lines[k].text else "row",
                                 lines[k].text) for k in groups[p]] for p in order]
    # the document's header repeated at a page's top, its columns parted by a tab or not: already read at the top
    repeats = head_repeats(paged)
    copies = {groups[p][j] for p, found in zip(order, repeats, strict=True) for j in found}
    paged = [[("line", "") if j in found else item for j, item in enumerate(items)]
             for items, found in zip(paged, repeats, strict=True)]
    # pages known by their numbers alone on a line: a running line is the same on each, figures and all (lines
    # differing only by a figure, "Nhiệm vụ 3: ...", "Nhiệm vụ 4: ...", are the text's own)
    running = running_lines(paged, exact=not marked) if len(groups) >= MIN_RUNNING_PAGES else []
    drop = {groups[p][j] for p, found in zip(order, running, strict=False) for j in found}
    furniture: dict[str, Line] = {}
    for k in sorted(drop):
        furniture.setdefault(_running_key(("line", lines[k].text)) or "", lines[k])
    drop |= copies
    if not drop:
        return lines
    page_of = {k: p for p, ks in groups.items() for k in ks}
    for k in sorted(drop):  # the margin between a header or footer and its page's text
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and page_of.get(j) == page_of[k] and not lines[j].text.strip():
                drop.add(j)
                j += step
    kept = [ln for k, ln in enumerate(lines) if k not in drop]
    if not furniture:
        return kept
    last = kept[-1].loc if kept else lines[-1].loc
    return [*kept, Line(text="", loc=last), *furniture.values()]


def from_lines(lines: list[Line], page_starts: set[int]) -> tuple[list[Line], list[int]]:
    """``lines`` without the page numbers among them, and the blank lines around each; and where each page number
    stood in the lines kept (a text without form feeds knows its pages by them: ``without_running``).

    A page number is a line that is only a page number (``page_number``) and either is written as one ("Trang 2",
    "- 2 -", "2/7"), or stands next to a page break the text marks (a form feed: the first or last line of text of a
    page), or belongs to a run of numbers going up one by one from page 1, 2 or 3, each some 20 to 150 lines of text
    after the one before, as pages are (blank lines not counted); or it is a lone "2" (the first number a document
    shows: the first page's is not) with no other number within 20 lines of text, as in a text of two pages. A
    table's row numbers alone on their lines come in runs far closer together than pages."""
    numbers = [(i, got) for i, ln in enumerate(lines) if (got := _number(ln.text)) is not None]
    if not numbers:
        return lines, []
    texts = [i for i, ln in enumerate(lines) if ln.text.strip()]
    beside_breaks: set[int] = set()
    for start in page_starts:  # the last line of text before the break and the first after it
        k = bisect_left(texts, start)
        beside_breaks.update(texts[j] for j in (k - 1, k) if 0 <= j < len(texts))
    # "2/7" alone says it is a page's number where the page count recurs ("1/3", "2/3"): once, it is a table's count
    # of one against its total ("1/3" systems with a plan), its cells one to a line
    counts = {i: _count(lines[i].text) for i, _ in numbers}
    shown = Counter(c for c in counts.values() if c is not None)
    drop = {i for i, (_, strong) in numbers
            if (strong and ((count := counts[i]) is None or shown[count] >= 2)) or i in beside_breaks}
    rest = [(i, n) for i, (n, _) in numbers if i not in drop]
    # how far apart, in lines of text: a text spaced out with blank lines (two after every line) does not put its
    # table's row numbers ("1" / its words / its figures / "2" …) a page apart
    at = {i: bisect_left(texts, i) for i, _ in rest}
    # a number with the next (or the one before) a few lines away is a table's row number ("1" / its words / its
    # figures / "2" ...), never a page's: pages are 20 lines apart at least
    close: set[int] = set()
    for a, (i, n) in enumerate(rest):  # in the order of the lines: only the numbers within a page's lines
        for b in range(a + 1, len(rest)):
            j, m = rest[b]
            if at[j] - at[i] >= MIN_PAGE_LINES:
                break
            if m == n + 1:
                close.update((a, b))
    rest = [r for a, r in enumerate(rest) if a not in close]
    following: dict[int, int] = {}  # index in ``rest`` → index of the next page's number
    for a, (i, n) in enumerate(rest):
        for b in range(a + 1, len(rest)):
            j, m = rest[b]
            if at[j] - at[i] > MAX_PAGE_LINES:
                break
            if m == n + 1 and at[j] - at[i] >= MIN_PAGE_LINES:
                following[a] = b
                break
    linked = set(following.values())
    for head, (i, n) in enumerate(rest):
        if head in linked or n > 1 + NEAR:
            continue
        chain = [head]
        while chain[-1] in following:
            chain.append(following[chain[-1]])
        alone = ((head == 0 or at[i] - at[rest[head - 1][0]] >= MIN_PAGE_LINES)
                 and (head == len(rest) - 1 or at[rest[head + 1][0]] - at[i] >= MIN_PAGE_LINES))
        if len(chain) > 1 or (n == 2 and alone and at[i] >= MIN_PAGE_LINES):
            drop.update(rest[c][0] for c in chain)
    if not drop:
        return lines, []
    found = sorted(drop)
    for i in found:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].text.strip():
                drop.add(j)
                j += step
    kept = [i for i in range(len(lines)) if i not in drop]
    return [lines[i] for i in kept], sorted({bisect_left(kept, i) for i in found})
