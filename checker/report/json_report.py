"""JSON in the contract's form: version, plans[] with findings[], summary. Extra keys: check, location, source;
plans[].general[] (general checks, apart from the directive's findings) and summary.general.

Written plan by plan (``Writer``), laid out as ``json.dumps(indent=2)`` of the whole document."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.models import Finding, PlanResult, Report
from checker.report.stream import JsonArray, dumps_at, render_with

PlanDict = Callable[[PlanResult], dict[str, object]]


def finding_dict(f: Finding) -> dict[str, object]:
    return {"id": f.id, "kind": f.kind, "severity": f.severity, "line": f.line, "message": f.message,
            "evidence": f.evidence, "expected": f.expected, "actual": f.actual, "check": f.check,
            "location": f.location.model_dump(exclude_none=True) if f.location else None,
            "source": f.source, "fingerprint": f.fingerprint, "suppressed": f.suppressed}


def plan_dict(p: PlanResult) -> dict[str, object]:
    """``findings``: the directive's; ``general``: the general checks of any administrative document, apart, so
    a CI gate on the directive reads ``findings`` alone."""
    return {
        "path": p.path, "status": p.status, "reason": p.reason, "directive": p.directive, "unit": p.unit,
        "format": p.format, "notes": p.notes,
        "findings": [finding_dict(f) for f in p.findings],
        "general": [finding_dict(f) for f in p.general],
    }


def as_dict(report: Report) -> dict[str, object]:
    return {"version": 1, "plans": [plan_dict(p) for p in report.plans], "summary": report.summary()}


class Writer:
    """``{"version": 1, "plans": [...], "summary": {...}}``, one plan at a time."""

    def __init__(self, out: TextIO, lang: str = "vi", rules: list[dict[str, object]] | None = None,
                 to_dict: PlanDict = plan_dict) -> None:
        self.out = out
        self.to_dict = to_dict
        out.write('{\n  "version": 1,\n  "plans": ')
        self.plans = JsonArray(out, 1)

    def add(self, p: PlanResult) -> None:
        self.plans.add(self.to_dict(p))

    def close(self, summary: dict[str, object]) -> None:
        self.plans.close()
        self.out.write(',\n  "summary": ' + dumps_at(summary, 1) + "\n}\n")


def render(report: Report) -> str:
    return render_with(Writer, report)
