"""A document's lines prepared for parsing: folded forms, logical items, and a joined text with line offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from checker.models import Document
from checker.text import UPPER, fold, squash

BULLET = re.compile(r"^\s*(?:[-+*•–—]\s*(?=\S)|[a-zđ]\)\s+)")  # "- item", "a) item"
ROW_NUMBER = re.compile(rf"^\s*\d{{1,2}}(?:\s*$|\s+(?=[{UPPER}]))")
ENDS_SENTENCE = re.compile(r"[.:;!?)…]\s*$")


@dataclass
class Item:
    """A logical item: a bullet, a numbered entry or a paragraph, possibly wrapped over several lines."""

    first: int  # index into View.lines
    last: int
    text: str
    section: int | None = None

    @property
    def line_numbers(self) -> range:
        return range(self.first, self.last + 1)


@dataclass
class View:
    doc: Document
    texts: list[str] = field(default_factory=list)  # original (NFC) text per line
    folded: list[str] = field(default_factory=list)  # fold() per line, same length as texts[i]
    squashed: list[str] = field(default_factory=list)
    double_spaced: bool = False
    joined: str = ""  # original lines joined by "\n"
    joined_folded: str = ""
    starts: list[int] = field(default_factory=list)  # offset of each line in joined

    @classmethod
    def of(cls, doc: Document) -> View:
        v = cls(doc=doc)
        v.texts = [ln.text for ln in doc.lines]
        v.folded = [fold(t) for t in v.texts]
        v.squashed = [squash(t) for t in v.texts]
        blank = sum(1 for t in v.texts if not t.strip())
        # some extractions put an empty line after every line; then a blank line separates nothing
        v.double_spaced = len(v.texts) > 20 and blank > 0.4 * len(v.texts)
        offset = 0
        for t in v.texts:
            v.starts.append(offset)
            offset += len(t) + 1
        v.joined = "\n".join(v.texts)
        v.joined_folded = "\n".join(v.folded)
        return v

    @classmethod
    def of_lines(cls, plan: object) -> View:
        """A view over a parsed plan's lines (checks that scan text use it)."""
        from checker.models import Document, Plan

        assert isinstance(plan, Plan)
        return cls.of(Document(path=plan.path, format=plan.format, lines=plan.lines))

    def line_no(self, index: int) -> int:
        """1-based source line (or paragraph) number of line ``index``."""
        return self.doc.lines[index].loc.line

    def index_at(self, offset: int) -> int:
        """Index of the line that contains ``offset`` of the joined text."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def is_blank(self, i: int) -> bool:
        return not self.texts[i].strip()

    def prev_nonblank(self, i: int) -> int | None:
        j = i - 1
        while j >= 0 and self.is_blank(j):
            j -= 1
        return j if j >= 0 else None

    def next_nonblank(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.texts) and self.is_blank(j):
            j += 1
        return j if j < len(self.texts) else None


def items(view: View, heading_lines: set[int], start: int = 0, end: int | None = None) -> list[Item]:
    """Group lines ``start..end`` into items: each bullet, numbered row or heading starts one."""
    end = len(view.texts) if end is None else end
    out: list[Item] = []
    cur: list[int] = []

    def flush() -> None:
        if cur:
            text = " ".join(view.texts[i].strip() for i in cur)
            out.append(Item(first=cur[0], last=cur[-1], text=re.sub(r"\s+", " ", text)))
            cur.clear()

    for i in range(start, end):
        t = view.texts[i]
        if not t.strip():
            if not view.double_spaced:
                flush()
            continue
        if re.fullmatch(r"\s*\|?[\s:|-]*-{3,}[\s:|-]*", t):
            continue  # a Markdown table's separator row
        starts_item = (i in heading_lines or bool(BULLET.match(t)) or bool(ROW_NUMBER.match(t))
                       or t.lstrip().startswith("|"))
        if not starts_item and cur and view.double_spaced:
            # in double-spaced text a new paragraph starts after a finished sentence with a capital letter
            prev = view.texts[cur[-1]]
            if ENDS_SENTENCE.search(prev) and t.lstrip()[:1].isupper():
                starts_item = True
        if starts_item:
            flush()
        cur.append(i)
        if i in heading_lines:
            flush()
    flush()
    return out
