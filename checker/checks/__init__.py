"""Check registry: rule ``type`` → check function ``(plan, rule, ctx) -> Iterator[Finding]``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from checker.checks import bodies, citation, form, references, structure, targets, units
from checker.models import Finding, Plan

Check = Callable[[Plan, Any, Any], Iterator[Finding]]

CHECKS: dict[str, Check] = {
    "required-citation": citation.check_citation,
    "plan-date": citation.check_date,
    "target": targets.check,
    "required-section": structure.check_section,
    "section-numbering": structure.check_numbering,
    "required-unit": structure.check_unit,
    "unit-names": units.check,
    "legal-references": references.check,
    "outdated-bodies": bodies.check,
    "document-form": form.check,
}
