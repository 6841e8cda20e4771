"""Units given work under "Tổ chức thực hiện", whether as numbered sub-headings or as bullets ("- Phòng X: ...")."""

from __future__ import annotations

import re

from checker.conventions import conventions
from checker.models import Assignment, Section
from checker.parse.sections import section_span, top_level
from checker.parse.view import View, items
from checker.text import contains_any, squash

_UNIT_LEAD = re.compile(
    r"^\s*[-+*•]?\s*((?:đề nghị\s+)?(?:phòng|văn phòng|công an|trung tâm|ủy ban|uỷ ban|ban|tổ|các phòng|"
    r"đơn vị|ubnd|ủy ban mặt trận)[^:;.]{2,80}?)\s*(?::|chủ trì|có trách nhiệm|là cơ quan|phối hợp|tham mưu)",
    re.IGNORECASE,
)


def execution_section(sections: list[Section]) -> int | None:
    """The part "Tổ chức thực hiện" under any of its names (rules/conventions.yaml), the highest one first."""
    names = conventions().part("to-chuc-thuc-hien")
    top = top_level(sections)
    for k, s in enumerate(sections):
        if s.level == top and contains_any(squash(s.title), names, 85):
            return k
    for k, s in enumerate(sections):
        if contains_any(squash(s.title), names, 85):
            return k
    return None


def find_assignments(view: View, sections: list[Section]) -> list[Assignment]:
    k = execution_section(sections)
    if k is None:
        return []
    start, end = section_span(view, sections, k)
    children = [j for j, s in enumerate(sections) if s.parent == k]
    heading_idx = {i for i in range(start, end) if any(view.line_no(i) == sections[j].line for j in children)}
    out: list[Assignment] = []
    if children:
        bounds = sorted(heading_idx) + [end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            sec = next(sections[j] for j in children if sections[j].line == view.line_no(a))
            its = items(view, set(), a + 1, b)
            out.append(Assignment(unit=sec.title.rstrip(":. "), line=sec.line, tasks=[it.text for it in its],
                                  task_lines=[view.line_no(it.first) for it in its]))
        return out
    for it in items(view, set(), start + 1, end):
        m = _UNIT_LEAD.match(it.text)
        if m:
            out.append(Assignment(unit=m.group(1).strip(), line=view.line_no(it.first), tasks=[it.text],
                                  task_lines=[view.line_no(it.first)]))
    return out
