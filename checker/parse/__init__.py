"""Understand stage: ``parse(doc) -> Plan``. Text is read by meaning; structured plans are validated as data."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError

from checker.conventions import document_type_of
from checker.errors import ParseError
from checker.models import DocRef, Document, Header, Plan
from checker.parse.assignments import find_assignments
from checker.parse.citations import FULL, find_references, make_key
from checker.parse.header import (
    _title,
    appendix_start,
    attached_plan,
    copy_start,
    covered_plan,
    find_unit_mentions,
    parse_header,
    parse_recipients,
    parse_signature,
    title_case,
)
from checker.parse.sections import find_sections, section_of_line, sections_from, top_level
from checker.parse.targets import (
    due_by_heading,
    targets_in_items,
    targets_in_rows,
    targets_in_tables,
    text_tables,
    vague_in_objectives,
    without_past,
    without_results,
)
from checker.parse.view import View, items
from checker.text import fold


def parse(doc: Document) -> Plan:
    if doc.structured is not None:
        return parse_structured(doc)
    return parse_text(doc)


def parse_structured(doc: Document) -> Plan:
    """A plan already in data form: validated against the model; citation numbers put in canonical form."""
    data = dict(doc.structured or {})
    data.setdefault("path", doc.path)
    data.setdefault("format", doc.format)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ParseError(doc.path, f"{where}: {err['msg']}", _line_in_file(doc.path, err["loc"])) from None
    implements = [canonical(r).model_copy(update={"implements": True}) for r in plan.implements]
    refs = [canonical(r) for r in plan.references]
    known = {r.number for r in refs}
    refs = implements + [r for r in refs if r.number not in {i.number for i in implements}]
    refs += [r for r in implements if r.number not in known and r not in refs]
    return plan.model_copy(update={"implements": implements, "references": refs})


def _line_in_file(path: str, loc: tuple[int | str, ...]) -> int | None:
    """The line of a bad field in a YAML plan (JSON plans are reported by field only)."""
    if not path.endswith((".yaml", ".yml")):
        return None
    from pathlib import Path

    from checker.errors import RulePackError
    from checker.rules.loader import line_of, load_yaml

    try:
        return line_of(load_yaml(Path(path)), loc)
    except RulePackError:
        return None


def canonical(ref: DocRef) -> DocRef:
    m = FULL.search(fold(ref.number))
    key = make_key(m.group(1), m.group(2), m.group(3), m.group(4)) if m else ref.number
    return ref.model_copy(update={"number": key, "raw_number": ref.raw_number or ref.number,
                                  "raw_date": ref.raw_date or (ref.date.strftime("%d/%m/%Y") if ref.date else None),
                                  "text": ref.text or ref.number})


def parse_text(source: Document) -> Plan:
    view = View.of(source)
    doc = view.doc  # the logical lines (one per block) and the tables of the block model
    sections = find_sections(view)
    line_index = {ln.loc.line: i for i, ln in enumerate(doc.lines)}
    first_roman = next((s for s in sections if s.level == top_level(sections)), None)
    body_start = line_index[first_roman.line or 0] if first_roman else min(len(doc.lines), 40)
    covered = covered_plan(view)
    header = parse_header(view, body_start, covered or 0)
    attached = attached_plan(view)
    if attached is not None:  # the decision's articles (Điều 1. Ban hành kèm theo ...) are not parts of the plan
        sections = sections_from(sections, view.line_no(attached))
    if not header.unit_name and not header.issuer:
        # no header block (or it was lost in extraction): the unit named in the title or the preamble
        mentions = find_unit_mentions(view, 0, body_start)
        if mentions:
            i, utype, name = mentions[0]
            header = header.model_copy(update={"unit_type": utype, "unit_name": title_case(name),
                                               "unit_line": view.line_no(i)})
    preamble_end = view.starts[body_start] if body_start < len(view.starts) else len(view.joined)
    # the plan's own number is not a citation: on its header line, nor where an appendix says it is attached to
    # the plan ("Kèm theo Kế hoạch số 21/KH-UBND ngày 03/10/2025 ...")
    # (a decision's "312/QĐ-UBND" is keyed "312/QD-UBND": compared folded)
    own = fold((header.number or "").replace(" ", "")) if re.match(r"\d", header.number or "") else None
    # (a draft whose day is blank is the same plan on any day of the month and year it gives)
    refs = [r for r in find_references(view, preamble_end) if r.line != header.number_line and not (
        own and fold(r.number.replace(" ", "")) == own and _of_plan_date(r.date, header))]
    heading_idx = {line_index[s.line or 0] for s in sections}  # text sections always have a line
    in_table = {i for i, kind in enumerate(view.kinds) if kind == "table"}
    line_numbers = [ln.loc.line for ln in doc.lines]
    untabled = ["" if i in in_table else t for i, t in enumerate(view.texts)]
    typed = text_tables(untabled, line_numbers, body_start)  # tables typed with wide spacing
    typed_lines = {line for table in typed for row in table for _, line in row}
    typed_idx = {i for i, n in enumerate(line_numbers) if n in typed_lines}
    its = items(view, heading_idx | typed_idx)  # each row of a typed table stands alone
    for it in its:
        it.section = section_of_line(view, sections, it.first)
    # a footnote explains or cites (a past figure, the source of one): the plan sets its targets in its text
    notes = {i for i, ln in enumerate(doc.lines) if ln.loc.footnote is not None}
    text_items = [it for it in its if it.first not in in_table and it.first not in typed_idx and it.first not in notes]
    targets = targets_in_items(text_items, view.texts, line_numbers, [ln.spans for ln in doc.lines],
                               header.dated_from.year if header.dated_from else None)
    cell_sections = {loc.line: k for i, ln in enumerate(doc.lines)
                     for k in (section_of_line(view, sections, i),)  # once per line, for each of its locations
                     for loc in (ln.loc, *(s.loc for s in ln.spans))}
    targets += targets_in_tables(doc, cell_sections)
    for table in typed:
        targets += targets_in_rows(table, cell_sections)
    word_tables = [[[(c.text, c.loc.line) for c in row] for row in t.rows] for t in doc.tables]
    targets = due_by_heading(without_past(vague_in_objectives(without_results(targets, sections), sections),
                                          header.dated_from), sections)
    body_end = appendix_start(view)  # an appendix after the signature does not hide the closing
    copied = copy_start(view)  # nor a copy's own block ("SAO Y BẢN CHÍNH", its number, signer, Nơi nhận)
    body_end = min(body_end, copied) if copied is not None else body_end
    tail_start = max(0, body_end - 60)
    if covered:  # the closing of a cover letter or of a copy's block before the plan is not the plan's
        tail_start = max(tail_start, next(i for i in range(len(view.texts)) if view.line_no(i) >= covered))
    recipients, recipients_line = parse_recipients(view, tail_start, body_end)
    signature = parse_signature(view, tail_start, body_end)
    if attached is not None:  # a plan issued with a decision: its title is its own, its closing the decision's
        body = next((i for i in range(attached + 1, len(view.texts)) if view.kinds[i] == "heading"), len(view.texts))
        title, title_line = _title(view, attached, body)
        named = document_type_of(view.texts[attached])
        header = header.model_copy(update={"doc_type_line": view.line_no(attached), "title": title or None,
                                           "title_line": title_line, "doc_type": named.name if named else None})
        # the closing found is the decision's (before the plan) or none: read it within the decision, as a short
        # file's last lines are the plan's, not the decision's closing
        plan_line = view.line_no(attached)
        if (recipients_line is None and not signature.authority) or (recipients_line or 0) < plan_line:
            recipients, recipients_line = parse_recipients(view, max(0, attached - 60), attached)
            before = [i for i in range(len(view.texts)) if view.line_no(i) < plan_line]
            signature = parse_signature(view, 0, indices=before[-60:])
    return Plan(
        path=doc.path,
        format=doc.format,
        header=header,
        implements=[r for r in refs if r.implements],
        references=refs,
        sections=sections,
        targets=targets,
        assignments=find_assignments(view, sections, word_tables + typed, word_tables),
        recipients=recipients,
        recipients_line=recipients_line,
        signature=signature,
        notes=list(source.notes),
        ocr=source.ocr,
        lines=list(doc.lines),
    )


def _of_plan_date(date: dt.date | None, header: Header) -> bool:
    """A citation's date is the plan's own: none, the header's, or, where the header leaves its day (or month)
    blank, a day of the month (or year) it gives."""
    if date is None or date == header.date:
        return True
    return header.date is None and header.year == date.year and header.month in (None, date.month)
