"""JSON in the contract's form: version, plans[] with findings[], summary. Extra keys: check, location, source."""

from __future__ import annotations

import json

from checker.models import Report


def as_dict(report: Report) -> dict[str, object]:
    plans = []
    for p in report.plans:
        plans.append({
            "path": p.path, "status": p.status, "reason": p.reason, "directive": p.directive, "unit": p.unit,
            "format": p.format, "notes": p.notes,
            "findings": [
                {"id": f.id, "kind": f.kind, "severity": f.severity, "line": f.line, "message": f.message,
                 "evidence": f.evidence, "expected": f.expected, "actual": f.actual, "check": f.check,
                 "location": f.location.model_dump(exclude_none=True) if f.location else None,
                 "source": f.source, "fingerprint": f.fingerprint, "suppressed": f.suppressed}
                for f in p.findings
            ],
        })
    return {"version": 1, "plans": plans, "summary": report.summary()}


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
