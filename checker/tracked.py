"""Corrections as Word tracked changes: the old words in a ``w:del``, the new in a ``w:ins``, author "check".

The drafter accepts or rejects each in Word (Review → Accept). Words split across runs of different formatting
("25/<b>9</b>/2025") are handled by cutting the runs at the edges of the old words: every run inside them goes into
the deletion with its own formatting, and the insertion takes the formatting of the first. A run holding anything
but text (a field, a tab, a picture) inside the words is not cut: that fix is left for a person.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

from checker.annotate import AUTHOR, add_comments, blocks_of
from checker.fix import locate, replacement
from checker.ingest.docx import TXBX, P, R, T, W, _inside
from checker.models import Finding, Fix

XML_NS = "http://www.w3.org/XML/1998/namespace"
DEL, INS, DEL_TEXT, RPR = f"{{{W}}}del", f"{{{W}}}ins", f"{{{W}}}delText", f"{{{W}}}rPr"
_ID = f"{{{W}}}id"
_TRACKED = {DEL, INS, f"{{{W}}}moveFrom", f"{{{W}}}moveTo"}


class _Ids:
    """Revision ids, unique in the document: after the largest already used."""

    def __init__(self, root: Any) -> None:
        used = [int(v) for el in root.iter() if (v := el.get(_ID)) is not None and v.lstrip("-").isdigit()]
        self.next = max(used, default=0) + 1000

    def take(self) -> str:
        self.next += 1
        return str(self.next)


def _plain_runs(p: Any) -> list[Any]:
    """The paragraph's own runs in reading order, outside earlier tracked changes and text boxes."""
    out = []
    for r in p.iter(R):
        node, ok = r.getparent(), True
        while node is not None and node is not p:
            if node.tag in _TRACKED or node.tag == TXBX or node.tag == P:
                ok = False
                break
            node = node.getparent()
        if ok:
            out.append(r)
    return out


def _run_text(r: Any) -> str | None:
    """A run's text if it holds only text (and its formatting); None if it holds anything else."""
    parts = []
    for child in r:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag != RPR:
            return None
    return "".join(parts)


def _with_text(r: Any, text: str, tag: str = T) -> Any:
    """A copy of run ``r`` (its formatting) holding ``text`` alone."""
    new = copy.deepcopy(r)
    for child in list(new):
        if child.tag != RPR:
            new.remove(child)
    t = new.makeelement(tag, {})
    t.text = text
    if text != text.strip():
        t.set(f"{{{XML_NS}}}space", "preserve")
    new.append(t)
    return new


def _texts(runs: list[Any]) -> str:
    return "".join("".join(t.text or "" for t in r.iter(T)) for r in runs)


def track(p: Any, fix: Fix, ids: _Ids, when: str) -> bool:
    """Replace ``fix.old`` in paragraph ``p`` by ``fix.new`` as a tracked change; False if it is not there (or
    not in plain text runs)."""
    text = _texts(_plain_runs(p))
    where = locate(text, fix)
    if where is None:
        return False
    a, b = where
    new = replacement(text[a:b], fix.new)
    head, tail = _same_ends(text[a:b], new)
    return track_span(p, a + head, b - tail, new[head : len(new) - tail], ids, when)


def _same_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters at the start and at the end ``old`` and ``new`` share, cut back to whole words and
    numbers: "25/9/2025" → "25/8/2025" changes only "9" (in Word: 25/~~9~~8/2025)."""
    def inside_word(left: str, right: str) -> bool:
        return left.isalnum() and right.isalnum()

    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    while head and (inside_word(old[head - 1], old[head : head + 1])
                    or inside_word(new[head - 1], new[head : head + 1])):
        head -= 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    while tail and (inside_word(old[len(old) - tail - 1 : len(old) - tail], old[-tail])
                    or inside_word(new[len(new) - tail - 1 : len(new) - tail], new[-tail])):
        tail -= 1
    if head + tail >= len(old):  # nothing of the old words would be deleted: replace them whole
        return 0, 0
    return head, tail


def track_across(p1: Any, p2: Any, fix: Fix, ids: _Ids, when: str) -> bool:
    """``fix.old`` running from the end of ``p1`` on to the start of ``p2`` (a line broken with Enter): the new
    words go where the old began, the rest of the old words are deleted; both paragraphs stay."""
    t1, t2 = _texts(_plain_runs(p1)), _texts(_plain_runs(p2))
    joined = f"{t1}\n{t2}"
    where = locate(joined, fix, 0, len(t1) + 1)
    if where is None:
        return False
    a, b = where
    new = replacement(joined[a:b], fix.new)
    if a > len(t1):
        return track_span(p2, a - len(t1) - 1, b - len(t1) - 1, new, ids, when)
    if b <= len(t1):
        return track_span(p1, a, b, new, ids, when)
    if not (_plannable(p1, a, len(t1)) and _plannable(p2, 0, b - len(t1) - 1)):
        return False
    return track_span(p1, a, len(t1), new, ids, when) and track_span(p2, 0, b - len(t1) - 1, "", ids, when)


def _pieces(p: Any, a: int, b: int) -> list[tuple[Any, int, int]]:
    """The plain runs of ``p`` overlapping ``[a, b)``, each with where it starts and its length."""
    pos, inside = 0, []
    for r in _plain_runs(p):
        n = len("".join(t.text or "" for t in r.iter(T)))
        if pos < b and a < pos + n:
            inside.append((r, pos, n))
        pos += n
    return inside


def _plannable(p: Any, a: int, b: int) -> bool:
    """The words ``[a, b)`` of ``p`` lie in runs holding only text, all under one parent (not across a link)."""
    inside = _pieces(p, a, b)
    return (bool(inside) and all(_run_text(r) is not None for r, _, _ in inside)
            and all(r.getparent() is inside[0][0].getparent() for r, _, _ in inside))


def track_span(p: Any, a: int, b: int, new: str, ids: _Ids, when: str) -> bool:
    """The text ``[a, b)`` of paragraph ``p``'s plain runs deleted, ``new`` (if any) inserted, both tracked."""
    if not _plannable(p, a, b):
        return False
    inside = _pieces(p, a, b)
    parent = inside[0][0].getparent()
    old_runs = []
    for r, start, n in inside:
        s = _run_text(r) or ""
        lo, hi = max(a - start, 0), min(b - start, n)
        if lo > 0:
            r.addprevious(_with_text(r, s[:lo]))
        if hi < n:
            r.addnext(_with_text(r, s[hi:]))
        middle = _with_text(r, s[lo:hi], DEL_TEXT)
        r.addprevious(middle)
        parent.remove(r)
        old_runs.append(middle)
    stamp = {f"{{{W}}}author": AUTHOR, f"{{{W}}}date": when}
    deletion = p.makeelement(DEL, {_ID: ids.take(), **stamp})
    old_runs[0].addprevious(deletion)
    for r in old_runs:
        deletion.append(r)
    if new:
        insertion = p.makeelement(INS, {_ID: ids.take(), **stamp})
        insertion.append(_with_text(inside[0][0], new))
        deletion.addnext(insertion)
    return True


def _paragraphs(block_element: Any) -> list[Any]:
    if block_element.tag == P:
        return [block_element]
    return [p for p in block_element.iter(P) if not _inside(p, TXBX)]


def fix_docx(data: bytes, fixes: list[Fix], findings: list[Finding], lang: str = "vi") -> tuple[bytes, list[Fix],
                                                                                                 list[Fix]]:
    """The Word file ``data`` with ``fixes`` as tracked changes and a comment for every finding without an applied
    fix (what needs judgement is never changed); returns the new file, the applied and the skipped fixes."""
    import docx as python_docx

    doc = python_docx.Document(io.BytesIO(data))
    blocks = blocks_of(doc)
    ids = _Ids(doc.element)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    applied: list[Fix] = []
    skipped: list[Fix] = []
    for fx in fixes:
        done = False
        if 1 <= fx.line <= len(blocks) and not blocks[fx.line - 1].note:  # a footnote's: a comment, not a change
            here = blocks[fx.line - 1].element
            done = any(track(p, fx, ids, when) for p in _paragraphs(here))
            if not done and fx.line < len(blocks) and here.tag == P and blocks[fx.line].element.tag == P:
                done = track_across(here, blocks[fx.line].element, fx, ids, when)  # a line ended with Enter
        (applied if done else skipped).append(fx)
    add_comments(doc, [f for f in findings if f.fix is None or f.fix not in applied], lang, blocks)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), applied, skipped


def accept_all(root: Any) -> None:
    """Accept every tracked change under ``root`` (what Word's Accept All does to text): drop deletions, keep
    insertions' runs. For tests and for reading a fixed copy as it will read once accepted."""
    for d in list(root.iter(DEL)):
        d.getparent().remove(d)
    for i in list(root.iter(INS)):
        parent = i.getparent()
        k = parent.index(i)
        for child in list(i):
            parent.insert(k, child)
            k += 1
        parent.remove(i)
