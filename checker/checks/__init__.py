"""Check registry: rule ``type`` → check function ``(plan, rule, ctx) -> Iterator[Finding]``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from checker.checks import citation, structure, targets, units
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
}


def _register_optional() -> None:
    """Check families that live in their own modules (reference data, document form)."""
    import importlib

    for module, names in (
        ("checker.checks.references", ("legal-references",)),
        ("checker.checks.bodies", ("outdated-bodies",)),
        ("checker.checks.form", ("document-form",)),
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for name in names:
            CHECKS[name] = mod.check


_register_optional()
