"""Units given work under "Tổ chức thực hiện", whether as numbered sub-headings or as bullets ("- Phòng X: ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.conventions import conventions
from checker.models import Assignment, Section
from checker.parse.sections import section_span, top_level
from checker.parse.view import View, items
from checker.text import UPPER, contains_any, squash

_UNIT_WORDS = (r"(?:đề nghị\s+)?(?:phòng|văn phòng|công an|trung tâm|ủy ban|uỷ ban|ban|tổ|các phòng|đơn vị|ubnd|"
               r"ủy ban mặt trận)")


# a clause of a paragraph: up to a semicolon or the end of a sentence ("... báo cáo. Công an phường ...")
_CLAUSE = re.compile(rf"(?:[^;.]|\.(?!\s+[{UPPER}]))+")


@lru_cache(maxsize=1)
def _unit_lead() -> re.Pattern[str]:
    """An office's name opening a point or a clause, up to a colon or a verb that gives it work (conventions)."""
    verbs = "|".join(re.escape(v) for v in conventions().assignment_verbs)
    return re.compile(rf"^\s*[-+*•]?\s*(?:giao\s+(?:cho\s+)?)?({_UNIT_WORDS}[^:;.]{{2,80}}?)\s*(?::|{verbs})",
                      re.IGNORECASE)


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
                                          task_lines=[row[task_cols[0]][1] if task_cols else row[k][1]]))
    return out


def find_assignments(view: View, sections: list[Section],
                     tables: list[list[list[Cell]]] | None = None) -> list[Assignment]:
    in_tables = assignments_in_tables(tables or [])
    k = execution_section(sections)
    if k is None:
        return in_tables
    return _in_execution_part(view, sections, k) + in_tables


def _in_execution_part(view: View, sections: list[Section], k: int) -> list[Assignment]:
    start, end = section_span(view, sections, k)
    # the part ends where the closing begins: offices listed under "Nơi nhận" are not given work
    end = next((i for i in range(start + 1, end) if re.match(r"^n\w{1,2}i nh\w{1,2}n\b", view.squashed[i])), end)
    children = [j for j, s in enumerate(sections) if s.parent == k]
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
    for it in items(view, set(), start + 1, end):
        # a point per office, or several offices in one paragraph, a clause each ("...; Công an phường bảo đảm ...")
        raw = view.texts[it.first]
        for n, c in enumerate(_CLAUSE.finditer(raw)):
            clause = " ".join(c.group(0).split())
            m = _unit_lead().match(clause)
            if not m:
                continue
            line = view.line_no(it.first) if n == 0 else view.line_at(it.first, c.start() + len(c.group(0))
                                                                       - len(c.group(0).lstrip()))
            out.append(Assignment(unit=m.group(1).strip(), line=line, tasks=[it.text if n == 0 else clause],
                                  task_lines=[line]))
    return out
