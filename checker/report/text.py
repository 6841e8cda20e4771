"""The terminal summary: findings grouped by plan, each with its line, quote and what the directive asks."""

from __future__ import annotations

from checker.models import Report
from checker.report.labels import label, summary_line


def render(report: Report) -> str:
    lang = report.lang
    out: list[str] = []
    for p in report.plans:
        head = f"{p.path}"
        if p.unit:
            head += f" — {p.unit}"
        head += f" [{label(p.status, lang)}]"
        out.append(head)
        if p.reason:
            out.append(f"    {p.reason}")
        for note in p.notes:
            out.append(f"    ({note})")
        if p.status == "checked" and not p.findings:
            out.append(f"    {label('no_findings', lang)}")
        for f in p.findings:
            where = f"{label('line', lang)} {f.line}" if f.line is not None else label("whole_plan", lang)
            out.append(f"  {where}: {label(f.severity, lang)} [{label(f.kind, lang)}] {f.id}: {f.message}")
            if f.evidence:
                out.append(f"      {label('evidence', lang)}: “{f.evidence}”")
            if f.expected and f.expected not in f.message:
                out.append(f"      {label('expected', lang)}: {f.expected}")
        out.append("")
    out.append(summary_line(report.summary(), lang))
    return "\n".join(out) + "\n"
