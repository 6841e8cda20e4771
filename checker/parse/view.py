"""A document's lines prepared for parsing: folded forms, logical items, and a joined text with line offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from checker.models import Block, Document, Line
from checker.text import fold, squash


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
    """The plan's logical lines: one per block (a paragraph unwrapped, a heading, a list item, a table row).

    ``doc`` is the document as the heuristics see it: its ``lines`` are the logical lines (each with ``spans``
    back to the source) and its ``tables`` the tables of the block model; ``source`` is the document as read.
    """

    doc: Document
    source: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # block kind per logical line
    indents: list[int | None] = field(default_factory=list)  # a Word list paragraph's indent per logical line
    texts: list[str] = field(default_factory=list)  # original (NFC) text per line
    folded: list[str] = field(default_factory=list)  # fold() per line, same length as texts[i]
    squashed: list[str] = field(default_factory=list)
    double_spaced: bool = False
    # the source's blank lines (page, line), where blank lines part the text (not after every line): what a view
    # over blocks no longer holds
    blank_lines: frozenset[tuple[int | None, int]] = frozenset()
    joined: str = ""  # original lines joined by "\n"
    joined_folded: str = ""
    starts: list[int] = field(default_factory=list)  # offset of each line in joined
    _items: list[str | None] | None = field(default=None, repr=False)  # item text per line (None: blank)
    _line_index: dict[int, int] | None = field(default=None, repr=False)  # source line -> first logical line

    @classmethod
    def of(cls, doc: Document) -> View:
        """A view over the document's logical blocks (inferred from its lines when the reader gave none)."""
        from checker.ingest import layout

        blocks = doc.blocks or layout.infer(doc.lines, doc.tables)
        lines: list[Line] = []
        kinds: list[str] = []
        indents: list[int | None] = []
        for b in blocks:
            got = layout.logical_lines([b])
            lines += got
            kinds += [b.kind] * len(got)
            indents += [b.indent] * len(got)
        logical = Document(path=doc.path, format=doc.format, lines=lines, tables=layout.tables_of(blocks),
                           blocks=blocks, notes=list(doc.notes))
        v = cls._over(logical)
        v.source, v.blocks, v.kinds, v.indents = doc, blocks, kinds, indents
        blank = [(ln.loc.page, ln.loc.line) for ln in doc.lines if not ln.text.strip() and ln.loc.line]
        if not (len(doc.lines) > 20 and len(blank) > 0.4 * len(doc.lines)):
            v.blank_lines = frozenset(blank)
        return v

    def after_blank(self, index: int) -> bool:
        """Logical line ``index`` stands after a blank line of the source (a view over blocks has none of them)."""
        loc = self.doc.lines[index].loc
        return (loc.page, loc.line - 1) in self.blank_lines

    @classmethod
    def _over(cls, doc: Document) -> View:
        """A view whose lines are ``doc.lines`` as they are (already logical)."""
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
        return cls._over(Document(path=plan.path, format=plan.format, lines=plan.lines))

    def line_no(self, index: int) -> int:
        """1-based source line (or paragraph) number where logical line ``index`` begins."""
        return self.doc.lines[index].loc.line

    def index_of_line(self, line: int) -> int:
        """Index of the first logical line that begins at source line ``line`` (ValueError if none does)."""
        if self._line_index is None:
            self._line_index = {}
            for i, ln in enumerate(self.doc.lines):
                self._line_index.setdefault(ln.loc.line, i)
        if line not in self._line_index:
            raise ValueError(f"no logical line begins at line {line}")
        return self._line_index[line]

    def line_at(self, index: int, offset: int) -> int:
        """Source line of the character at ``offset`` of logical line ``index``."""
        return self.doc.lines[index].line_at(offset)

    def line_of_offset(self, offset: int) -> int:
        """Source line of the character at ``offset`` of the joined text."""
        i = self.index_at(offset)
        return self.line_at(i, offset - self.starts[i])

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
    """The items of lines ``start..end``: every logical line (a paragraph, heading, list item or table row) is one.

    ``heading_lines`` is kept for callers that name their headings; in a logical view each is a line already.
    """
    del heading_lines
    end = len(view.texts) if end is None else end
    if view._items is None:  # each line's spacing undone once per view, not once per caller
        view._items = [re.sub(r"\s+", " ", t.strip()) if t.strip() else None for t in view.texts]
    texts = view._items
    return [Item(first=i, last=i, text=t) for i in range(start, end) if (t := texts[i]) is not None]
