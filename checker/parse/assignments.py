"""Units given work under "Tổ chức thực hiện", whether as numbered sub-headings or as bullets ("- Phòng X: ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.conventions import conventions, expanded
from checker.ingest.layout import RECIPIENTS, marker_of
from checker.models import Assignment, Section
from checker.parse.legend import legend, spelt_out
from checker.parse.sections import opens_part_at_top, section_ends, section_span, top_level
from checker.parse.view import Item, View, items
from checker.text import UPPER, contains_any, fold, squash


@lru_cache(maxsize=2)
def _unit_words(folded: bool = False) -> str:
    """The opening of an office's name (conventions ``office_words``), "Đề nghị" before it allowed; ``folded``:
    without diacritics, to match folded text."""
    words = [fold(w) if folded else w for w in ("đề nghị", *conventions().office_words)]
    return rf"(?:{re.escape(words[0])}\s+)?(?:" + "|".join(re.escape(w) for w in words[1:]) + ")"


# a clause of a paragraph: up to a semicolon or the end of a sentence ("... báo cáo. Công an phường ...")
_CLAUSE = re.compile(rf"(?:[^;.]|\.(?!\s+[{UPPER}]))+")


@lru_cache(maxsize=2)
def _unit_lead(folded: bool = False) -> re.Pattern[str]:
    """An office's name opening a point or a clause, up to a colon or a verb that gives it work (conventions);
    ``folded``: without diacritics, to match folded text."""
    verbs = "|".join(re.escape(fold(v) if folded else v) for v in conventions().assignment_verbs)
    return re.compile(rf"^\s*[-+*•]?\s*(?:giao\s+(?:cho\s+)?)?({_unit_words(folded)}[^:;.]{{2,80}}?)\s*"
                      rf"(?::|{verbs})", re.IGNORECASE)


def execution_sections(sections: list[Section]) -> list[int]:
    """Every part named as "Tổ chức thực hiện" under any of its names (rules/conventions.yaml), the top-level ones
    if any: a plan may have "Nhiệm vụ và phân công thực hiện" and "Tổ chức thực hiện", and both give work."""
    names, at_top = conventions().part("to-chuc-thuc-hien"), conventions().part_at_top("to-chuc-thuc-hien")
    top = top_level(sections)

    def named(s: Section) -> bool:
        return contains_any(squash(s.title), names, 85) or opens_part_at_top(s, top, at_top)

    found = [k for k, s in enumerate(sections) if s.level == top and named(s)]
    if found:
        return found
    # none at the top ("Phần I" / "Phần II" parts, the execution part a Roman part inside one): the part named so at
    # the highest level it is named at, not the first point whose words are a name of it ("2. Phân công nhiệm vụ cụ
    # thể, rõ người, rõ việc …" among the aims, before "VI. TỔ CHỨC THỰC HIỆN")
    levels = [s.level for s in sections if named(s)]
    return next(([k] for k, s in enumerate(sections) if named(s) and s.level == min(levels)), [])


def execution_section(sections: list[Section]) -> int | None:
    """The part "Tổ chức thực hiện": of several parts named so, the first that is not also another part
    ("Nhiệm vụ và phân công thực hiện" is the tasks part first)."""
    found = execution_sections(sections)
    others = _other_part_names()
    pure = next((k for k in found if not contains_any(squash(sections[k].title), others, 85)), None)
    if pure is not None:
        return pure
    return found[0] if found else None


@lru_cache(maxsize=1)
def _other_part_names() -> list[str]:
    """The names of every part but "Tổ chức thực hiện" (rules/conventions.yaml), folded."""
    return [squash(n) for key, names in conventions().parts.items() if key != "to-chuc-thuc-hien" for n in names]


def assignment_parts(sections: list[Section]) -> list[int]:
    """The parts whose prose gives offices work: the execution parts, and the other parts conventions name
    (``assignment_parts``: the funds part says who arranges the funds)."""
    keys = [k for k in conventions().assignment_parts if k != "to-chuc-thuc-hien"]
    names = [n for key in keys for n in conventions().part(key)]
    at_top = [n for key in keys for n in conventions().part_at_top(key)]
    top = top_level(sections)
    more = [k for k, s in enumerate(sections) if s.level == top and (
        names and contains_any(squash(s.title), names, 85) or opens_part_at_top(s, top, at_top))]
    return sorted(set(execution_sections(sections)) | set(more))


Cell = tuple[str, int]  # text, source line


def _role(cell: str) -> str | None:
    cols = conventions().assignment_columns
    sq = squash(cell)
    for role, words in (("lead", cols.lead), ("support", cols.support), ("task", cols.task)):
        if any(sq == squash(w) or sq.startswith(squash(w) + " ") for w in words):
            return role
    return None


def assignments_in_tables(tables: list[list[list[Cell]]]) -> list[Assignment]:
    """Tables of tasks (Nhiệm vụ | Chủ trì | Phối hợp | Thời gian), in the body or an appendix: each office named
    in the lead or support column is given the row's task."""
    out: list[Assignment] = []
    for rows in tables:
        roles: dict[int, str] = {}
        for row in rows:
            found = {k: r for k, c in enumerate(row) if (r := _role(c[0]))}
            if "lead" in found.values() or "support" in found.values():
                roles = found  # a header row
                continue
            if not roles:
                continue
            task_cols = [k for k, r in roles.items() if r == "task" and k < len(row)]
            task = " ".join(row[k][0] for k in task_cols) or " ".join(c[0] for c in row)
            for k, r in sorted(roles.items()):
                if r in ("lead", "support") and k < len(row) and row[k][0].strip():
                    out.append(Assignment(unit=row[k][0].strip(), line=row[k][1], tasks=[task],
                                          task_lines=[row[task_cols[0]][1] if task_cols else row[k][1]],
                                          leads=r == "lead"))
    return out


def _office_column(cell: str) -> bool:
    """A header cell that names an office (a matrix's column), not a role ("Chủ trì") nor a task; compared squashed
    (as OCR without diacritics writes it: "Cong an phuong") with its abbreviations written out ("CA phường":
    rules/conventions.yaml ``abbreviations``), by the words an office's name opens with (``office_words``)."""
    return bool(_unit_start().match(expanded(cell))) and _role(cell) is None


@lru_cache(maxsize=1)
def _unit_start() -> re.Pattern[str]:
    return re.compile(rf"{fold(_unit_words())}\b")


def _short_form_rejoined(cell: str, own: dict[str, str]) -> str:
    """A header cell holding one of the plan's short forms broken by its narrow column ("TTPVHC" / "C", read "TTPVHC
    C"): the short form, whole; any other cell as written."""
    joined = "".join(cell.split())
    return joined if joined != cell.strip() and joined in own else cell.strip()


def assignments_in_matrices(tables: list[list[list[Cell]]], own: dict[str, str] | None = None) -> list[Assignment]:
    """Tables of tasks by offices (TT | Nhiệm vụ | Văn phòng HĐND và UBND | Phòng Văn hóa - Xã hội | Công an phường
    | ...): under a header row naming two offices or more, each office is given the task of each row whose cell in
    its column holds a mark (conventions ``assignment_columns.marks``: "CT", "PH", "x"); an empty cell, none. The
    rows' cells in their columns (``text_tables(positional=True)``, a Word table's cells). A column headed by the
    plan's own short form of an office (``own``: its legend, "Công an phường viết tắt CA") is that office's."""
    marks = {squash(m) for m in conventions().assignment_columns.marks}
    leads = {squash(m) for m in conventions().assignment_columns.lead_marks}
    out: list[Assignment] = []
    for rows in tables:
        header: dict[int, str] = {}
        task_col: int | None = None
        for row in rows:
            heads = [_short_form_rejoined(c[0], own or {}) for c in row]
            offices = {k: h for k, h in enumerate(heads) if _office_column(spelt_out(h, own or {}))}
            if len(offices) >= 2:
                header = offices
                task_col = next((k for k, c in enumerate(row) if _role(c[0]) == "task"), None)
                continue
            if not header:
                continue
            marked = [k for k in header if k < len(row) and squash(row[k][0]) in marks]
            if not marked:
                continue
            others = [c for k, c in enumerate(row) if k not in header and c[0].strip()]
            task = (row[task_col] if task_col is not None and task_col < len(row)
                    else max(others or row, key=lambda c: len(c[0])))
            out += [Assignment(unit=header[k], line=row[k][1], tasks=[task[0]], task_lines=[task[1]],
                               leads=squash(row[k][0]) in leads) for k in marked]
    return out


def find_assignments(view: View, sections: list[Section], tables: list[list[list[Cell]]] | None = None,
                     matrices: list[list[list[Cell]]] | None = None) -> list[Assignment]:
    own = legend(view.texts)  # the plan's own abbreviations: its task table's "VP" is the office its legend names
    in_tables = assignments_in_tables(tables or []) + assignments_in_matrices(matrices or [], own)
    ends = section_ends(sections)
    children: dict[int | None, list[int]] = {}
    for j, sec in enumerate(sections):
        children.setdefault(sec.parent, []).append(j)
    names = conventions().part("to-chuc-thuc-hien")

    def offices(k: int) -> list[Assignment]:
        # a part inside the execution part that is itself named so ("Chương IV. TỔ CHỨC THỰC HIỆN" / "Điều 12.
        # Trách nhiệm của các cơ quan, đơn vị" / "1. Phòng Văn hóa - Xã hội: ..."): its points are the offices
        inner = [j for j in children.get(k, [])
                 if children.get(j) and contains_any(squash(sections[j].title), names, 85)]
        own = _in_execution_part(view, sections, k, ends, children.get(k, []))
        skip = {sections[j].line for j in inner}
        return [a for a in own if a.line not in skip] + [a for j in inner for a in offices(j)]

    out = [a for k in execution_sections(sections) for a in offices(k)]
    found = out + in_tables + labelled_assignments(view) + target_assignments(view, sections)
    return [a.model_copy(update={"unit": spelt_out(a.unit, own)}) for a in found] if own else found


def target_assignments(view: View, sections: list[Section]) -> list[Assignment]:
    """Offices named at the opening of a target's point, answerable for it ("a) Trung tâm Phục vụ hành chính công
    đặc khu chủ trì, bảo đảm 100% thủ tục hành chính …", "c) Văn phòng HĐND và UBND đặc khu bảo đảm 80% …"): the
    targets part (rules/conventions.yaml ``parts``, ``muc-tieu``) gives them that work, as the execution part
    would. Only the point's subject: an office named further on ("100% hồ sơ tiếp nhận tại Trung tâm …") is a
    place, not the one given the target. A sub-heading of that part that is an office's name alone (Word's
    Heading 2 "Công an phường" over its duties and targets in bullets) gives that office the points under it."""
    names = conventions().part("muc-tieu")
    ends = section_ends(sections)
    seen: set[int] = set()
    out: list[Assignment] = []
    for k, sec in enumerate(sections):
        if not contains_any(squash(sec.title), names, 85):
            continue
        start, end = section_span(view, sections, k, ends)
        for j in range(k + 1, len(sections) if (stop := ends[k]) is None else stop):
            title = sections[j].title.rstrip(":. ")
            if sections[j].parent == k and len(title) <= 80 and ":" not in title and _office_column(title):
                a, b = section_span(view, sections, j, ends)
                its = items(view, set(), a + 1, _recipients_at(view, a + 1, b))
                out.append(Assignment(unit=title, line=sections[j].line, tasks=[it.text for it in its],
                                      task_lines=[view.line_no(it.first) for it in its]))
        for it in items(view, set(), start + 1, _recipients_at(view, start + 1, end)):
            if it.first in seen:
                continue
            seen.add(it.first)
            marker, _ = marker_of(it.text)
            point = it.text[len(marker):]
            m = _office_lead(point)
            unit = point[m.start(1) : m.end(1)].strip() if m else ""
            head = point.split(":", 1)[0].strip() if not m and ":" in point else ""
            if 0 < len(head) <= 80 and _office_column(head):
                unit = head  # an office's name abbreviated before its work ("CA phường: …": ``abbreviations``)
            if unit:
                line = view.line_no(it.first)
                out.append(Assignment(unit=unit, line=line, tasks=[it.text], task_lines=[line]))
    return out


def _office_lead(text: str) -> re.Match[str] | None:
    """An office's name opening ``text`` (``_unit_lead``), matched as written, and folded where the text lost its
    marks (OCR: "Trung tam Phuc vu ..."); folding keeps every offset, so the office's name is taken as written."""
    folded = fold(text)
    return _unit_lead().match(text) or (_unit_lead(folded=True).match(folded) if len(folded) == len(text) else None)


@lru_cache(maxsize=1)
def _lead_label() -> re.Pattern[str]:
    """A task's office named after a label, as a table's column would name it: "(Chủ trì: Công an phường; phối
    hợp: ...)", "Đơn vị thực hiện: Phòng Kinh tế". The labels are the column names of rules/conventions.yaml."""
    cols = conventions().assignment_columns
    labels = "|".join(sorted((re.escape(w) for w in (*cols.lead, *cols.support)), key=len, reverse=True))
    return re.compile(rf"(?:^|[(;,.]\s*)(?:{labels})\s*:\s*({_unit_words()}[^;:()]{{2,80}})", re.IGNORECASE)


@lru_cache(maxsize=2)
def _lead_after(folded: bool = False) -> re.Pattern[str]:
    """A task's office named before the lead column's word, at a clause's opening: "(Văn phòng HĐND và UBND xã chủ
    trì)", "…; Công an xã chủ trì bảo đảm an ninh mạng …" (the words of rules/conventions.yaml
    ``assignment_columns.lead``, as a table would head the column); ``folded``: without diacritics, to match folded
    text (OCR: "Cong an xa chu tri")."""
    lead = "|".join(sorted((re.escape(fold(w) if folded else w) for w in conventions().assignment_columns.lead),
                           key=len, reverse=True))
    return re.compile(rf"(?:^|[(;.]\s*)({_unit_words(folded)}[^;:().]{{2,80}}?)\s+(?:{lead})\b", re.IGNORECASE)


def _recipients_at(view: View, start: int, end: int) -> int:
    """The line where "Nơi nhận" begins the closing, in ``start``..``end`` (``end`` when it does not)."""
    return next((i for i in range(start, end) if RECIPIENTS.match(view.squashed[i])), end)


def labelled_assignments(view: View) -> list[Assignment]:
    """Offices given a task by a label inside the task's own text, anywhere in the body (not in "Nơi nhận")."""
    end = _recipients_at(view, 0, len(view.texts))
    out: list[Assignment] = []
    for it in items(view, set(), 0, end):
        raw = view.texts[it.first]
        # the office before "chủ trì" matched as written, or folded where the text lost its marks (OCR; folding
        # then changes case only, every offset kept: the office's name is taken as written)
        folded = fold(raw)
        after = _lead_after(folded=True).finditer(folded) if folded == raw.lower() else _lead_after().finditer(raw)
        for m in (*_lead_label().finditer(raw), *after):
            unit = " ".join(raw[m.start(1):m.end(1)].split()).rstrip(". ")
            line = view.line_at(it.first, m.start(1))
            out.append(Assignment(unit=unit, line=line, tasks=[it.text], task_lines=[line]))
    return out


def _in_execution_part(view: View, sections: list[Section], k: int, ends: list[int | None],
                       children: list[int]) -> list[Assignment]:
    """Offices given work in part ``k`` (``ends``: ``section_ends``; ``children``: the parts under ``k``)."""
    start, end = section_span(view, sections, k, ends)
    # the part ends where the closing begins: offices listed under "Nơi nhận" are not given work
    end = _recipients_at(view, start + 1, end)
    by_line: dict[int | None, Section] = {}  # a child heading by its line (the first): linear, not lines × children
    for j in children:
        by_line.setdefault(sections[j].line, sections[j])
    heading_idx = {i for i in range(start, end) if view.line_no(i) in by_line}
    out: list[Assignment] = []
    if children:
        bounds = sorted(heading_idx) + [end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            sec = by_line[view.line_no(a)]
            its = items(view, set(), a + 1, b)
            out.append(Assignment(unit=sec.title.rstrip(":. "), line=sec.line, tasks=[it.text for it in its],
                                  task_lines=[view.line_no(it.first) for it in its]))
        return out
    points = items(view, set(), start + 1, end)
    for k, it in enumerate(points):
        # a point per office, or several offices in one paragraph, a clause each ("...; Công an phường bảo đảm ...")
        raw = view.texts[it.first]
        for n, c in enumerate(_CLAUSE.finditer(raw)):
            clause = " ".join(c.group(0).split())
            m = _office_lead(clause)
            if not m:
                continue
            line = view.line_no(it.first) if n == 0 else view.line_at(it.first, c.start() + len(c.group(0))
                                                                       - len(c.group(0).lstrip()))
            # the lead-in is the item's last clause (a rewrapped text may join it to the point before)
            last = raw.rstrip().endswith(":") and c.end() >= len(raw.rstrip()) - 1
            below = _points_below(points, k) if last else []
            out.append(Assignment(unit=clause[m.start(1):m.end(1)].strip(), line=line,
                                  tasks=[it.text if n == 0 else clause, *(b.text for b in below)],
                                  task_lines=[line, *(view.line_no(b.first) for b in below)]))
    return out


def _points_below(points: list[Item], k: int) -> list[Item]:
    """The points under the lead-in ``points[k]`` that names an office and ends with a colon ("Giao Phòng Kinh tế:"
    over "- tham mưu bố trí kinh phí …;", dashes or any list's markers): its work, up to the next point without a
    marker ("Các thôn, tổ dân phố:") or an office's, or through a point that ends with the next lead-in."""
    out: list[Item] = []
    for it in points[k + 1:]:
        text = it.text.strip()
        marker = marker_of(text)[0]
        if not marker or _office_lead(text[len(marker):]):
            break
        out.append(it)
        if text.endswith(":"):  # the point ends with the next lead-in (a rewrapped text joined them): the last one
            break
    return out
