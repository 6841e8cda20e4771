"""``check plan.docx --annotate``: a copy of the Word plan with one comment per finding, for the drafting team.

The copy is ``<name>.checked.docx`` beside the input; the input is never written (nor is any other file: an
existing ``.checked.docx`` is replaced through a temporary file in the same folder). A finding's ``line`` is the
number the Word reader gave its paragraph or cell, so the blocks are walked in the reader's order (the first
page's header; body paragraphs and table cells, each text box before its anchor and each footnote after the
paragraph calling it, ``checker.ingest.docx.reading_order``; running headers and footers) to find it again.
Comments can only anchor in the body: a finding on a footnote is commented on the paragraph calling the note;
findings on a header, footer or text box line, and findings about the whole plan (``line`` None, e.g. a missing
target), on the title paragraph ("KẾ HOẠCH", else the first non-empty body paragraph).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.ingest import OFFICE_FORMATS
from checker.ingest.docx import (
    TXBX,
    P,
    R,
    T,
    W,
    _cells,
    _inside,
    _rows,
    footnotes_of,
    frame_cells,
    page_parts,
    reading_order,
)
from checker.models import Finding, PlanResult, Report
from checker.report.labels import label
from checker.text import squash

AUTHOR = "check"
_TRACKED = {f"{{{W}}}ins", f"{{{W}}}del"}
SUFFIX = ".checked.docx"


@dataclass
class Block:
    """One numbered line of the reader: a paragraph or a table cell, and whether a comment may anchor in it."""

    element: Any
    in_body: bool
    anchor: Any = None  # a footnote's paragraph: the body paragraph calling the note, where its comment goes
    note: bool = False  # a footnote's (read from word/footnotes.xml: --fix leaves it as it is, with a comment)


def output_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + SUFFIX if path.suffix else path.name + SUFFIX)


class _Walker:
    """The Word reader's numbering (checker.ingest.docx), keeping the elements instead of their text."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, parent: Any, in_body: bool, notes: dict[str, Any] | None = None) -> None:
        last = None  # the body's last paragraph or table: a footnote's is commented on the paragraph calling it
        for block, where in reading_order(parent, notes):
            if where is None:
                last = block
            elif where.startswith("note"):
                anchor = last if last is not None and last.tag == P else None
                self.blocks += [Block(el, False, anchor, note=True) for el in _numbered(block)]
                continue
            self.blocks += [Block(el, in_body and where is None) for el in _numbered(block)]


def _numbered(block: Any) -> list[Any]:
    """A paragraph, or a table's cells: what the reader gives a line each (a frame: what it holds)."""
    if block.tag == P:
        return [block]
    frame = frame_cells(block)
    if frame is not None:
        return [el for cell in frame for inner, _ in reading_order(cell) for el in _numbered(inner)]
    return [tc for tr in _rows(block) for tc in _cells(tr)]


def blocks_of(doc: Any) -> list[Block]:
    """Blocks numbered as the reader numbers lines: ``blocks_of(doc)[line - 1]``."""
    w = _Walker()
    before, after = page_parts(doc)
    for root in before:
        w.add(root, False)
    w.add(doc.element.body, True, footnotes_of(doc))
    for root in after:
        w.add(root, False)
    return w.blocks


def _own_runs(p: Any) -> list[Any]:
    return [r for r in p.iter(R) if _owner(r) is p]


def _owner(el: Any) -> Any:
    node = el.getparent()
    while node is not None and node.tag != P:
        node = node.getparent()
    return node


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(T)).strip()


def _anchor_paragraph(block: Block) -> Any:
    """The paragraph to comment on: the block itself, or a cell's first non-empty paragraph."""
    if block.element.tag == P:
        return block.element
    paragraphs = [p for p in block.element.iter(P) if not _inside(p, TXBX)]
    return next((p for p in paragraphs if _text(p)), paragraphs[0] if paragraphs else None)


def title_paragraph(blocks: list[Block]) -> Any:
    body = [b.element for b in blocks if b.in_body and b.element.tag == P]
    for p in body:
        if squash(_text(p)) == "ke hoach":
            return p
    return next((p for p in body if _text(p)), body[0] if body else None)


def comment_text(f: Finding, lang: str) -> str:
    text = f.message
    if f.suppressed:
        text = f"[{f.suppressed}] {text}"
    if f.expected:
        text += ("\nYêu cầu: " if lang != "en" else "\nExpected: ") + f.expected
    return text


def annotate_file(path: Path, findings: list[Finding], lang: str = "vi") -> Path:
    """Write ``<name>.checked.docx`` with a comment per finding; return its path."""
    import docx as python_docx

    out = output_path(path)
    if out.resolve() == path.resolve():
        raise ValueError(f"{path}: the output would overwrite the input")
    doc = python_docx.Document(str(path))
    add_comments(doc, findings, lang)
    fd, tmp = tempfile.mkstemp(prefix=".annotate-", suffix=".docx", dir=out.parent)
    os.close(fd)
    try:
        doc.save(tmp)
        if out.is_symlink():
            out.unlink()  # replace the link, never write through it
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def add_comments(doc: Any, findings: list[Finding], lang: str = "vi", blocks: list[Block] | None = None) -> None:
    """One comment per finding on its paragraph (or the title), on the paragraph's own runs: outside any tracked
    change ``--fix`` made (checker.tracked)."""
    from docx.text.run import Run

    blocks = blocks_of(doc) if blocks is None else blocks
    title = title_paragraph(blocks)
    for f in findings:
        target = None
        if f.line is not None and 1 <= f.line <= len(blocks) and blocks[f.line - 1].in_body:
            target = _anchor_paragraph(blocks[f.line - 1])
        elif f.line is not None and 1 <= f.line <= len(blocks):
            target = blocks[f.line - 1].anchor
        if target is None:
            target = title
        if target is None:  # a document without a body paragraph: give it one
            target = doc.add_paragraph()._p
        runs = [r for r in _own_runs(target) if r.getparent().tag not in _TRACKED] or [target.add_r()]
        doc.add_comment([Run(runs[0], doc.part), Run(runs[-1], doc.part)], text=comment_text(f, lang), author=AUTHOR,
                        initials="CK")


def annotate_report(report: Report) -> list[str]:
    """Annotate every checked Word plan of the report; one status line per plan (written or why not)."""
    lines: list[str] = []
    for p in report.plans:
        if Path(p.path).suffix.lower() in OFFICE_FORMATS and p.status != "unreadable":
            lines.append(f"annotate: {p.path}: chỉ ghi nhận xét được vào tệp .docx (hãy lưu tệp thành .docx)"
                         if report.lang != "en" else f"annotate: {p.path}: comments are written into .docx files only")
            continue
        if p.format != "docx" and not p.path.lower().endswith(".docx"):
            continue
        lines.append(_annotate_one(p, report.lang))
    return lines


def _annotate_one(p: PlanResult, lang: str) -> str:
    """The directive's findings, then the general checks' (marked "[kiểm tra chung]"): a document no directive
    applies to is annotated when the general checks found something."""
    general = [f.model_copy(update={"message": f"[{label('general', lang)}] {f.message}"}) for f in p.general]
    if p.status == "unreadable" or (p.status != "checked" and not general):
        return f"annotate: {p.path}: {label(p.status, lang)}, bỏ qua" if lang != "en" else \
            f"annotate: {p.path}: {p.status}, skipped"
    findings = [*p.findings, *general]
    try:
        out = annotate_file(Path(p.path), findings, lang)
    except Exception as exc:  # a file the reader accepted but python-docx cannot save: report, go on
        return f"annotate: {p.path}: {type(exc).__name__}: {exc}"
    return f"annotate: {out} ({len(findings)})"
