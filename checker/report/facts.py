"""Facts about one plan for the reviewer's desk, gathered while it is checked: which coverage items were judged,
where the plan has each, and its own figure for each quantified target (also when it meets the directive)."""

from __future__ import annotations

from checker.checks.base import Context
from checker.checks.structure import assigned_units, section_line, unit_unread
from checker.checks.targets import figure, judge, matches, unread
from checker.engine import _directive_name as directive_name  # the name the engine gives in its reasons
from checker.models import Plan, PlanFacts
from checker.rules.loader import LoadedPack
from checker.rules.schema import RequiredSection, RequiredUnit, Target

COVERAGE_TYPES = ("target", "required-section", "required-unit")  # the directive items of the matrix


def plan_facts(plan: Plan, loaded: LoadedPack, lang: str = "vi") -> PlanFacts:
    ctx = Context(loaded=loaded, lang=lang)
    judged: list[str] = []
    found: dict[str, int] = {}
    figures: dict[str, str] = {}
    for rule in loaded.pack.rules:
        if not rule.enabled or rule.type not in COVERAGE_TYPES:
            continue
        line: int | None = None
        if isinstance(rule, Target):
            if rule.value is None:
                t = next((t for t in plan.targets if matches(rule, t.text)), None)
                line = None if t is None else (t.line or 0)
            elif (best := judge(plan, rule, ctx)) is not None:
                line = best[0].line or 0
                figures[rule.id] = figure(best[0]) + (" (phấn đấu)" if best[0].hedged else "")
            elif unread(plan, rule):
                continue  # its figure is in a table that came out column by column: not judged
        elif isinstance(rule, RequiredSection):
            line = section_line(plan, rule)
        elif isinstance(rule, RequiredUnit):
            assigned = assigned_units(plan, rule)
            line = (assigned[0].line or 0) if assigned else None
            if line is None and unit_unread(plan, rule) is not None:
                continue  # named in a table of assignments that came out a cell to a line: not judged
        judged.append(rule.id)
        if line is not None:
            found[rule.id] = line
    h = plan.header
    directive = f"{directive_name(loaded)} của {loaded.pack.directive.issuer}"
    return PlanFacts(title=h.title, number=h.number or None, date=h.date, directive=directive, judged=judged,
                     found=found, figures=figures)
