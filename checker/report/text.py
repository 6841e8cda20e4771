"""The terminal summary: findings grouped by plan, each with its line, quote and what the directive asks."""

from __future__ import annotations

from typing import TextIO

from checker.clean import flat
from checker.models import Finding, PlanResult, Report
from checker.report.labels import label, summary_line, where
from checker.report.stream import TextWriter, render_with


def plan_text(p: PlanResult, lang: str) -> str:
    out: list[str] = []
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
        out.extend(_finding(f, p.format, lang))
    if p.general:
        out.append(f"  — {label('general_head', lang)}:")
        for f in p.general:
            out.extend(_finding(f, p.format, lang))
    out.append("")
    return "\n".join(map(flat, out)) + "\n"  # each entry one line, whatever text it quotes


def Writer(out: TextIO, lang: str = "vi", rules: list[dict[str, object]] | None = None) -> TextWriter:
    return TextWriter(out, lang, plan_text, lambda summary, lang: summary_line(summary, lang) + "\n")


def render(report: Report) -> str:
    return render_with(Writer, report)


def _finding(f: Finding, fmt: str | None, lang: str) -> list[str]:
    out = [f"  {where(f, fmt, lang)}: {label(f.severity, lang)} [{label(f.kind, lang)}] {f.id}: {f.message}"]
    if f.evidence:
        out.append(f"      {label('evidence', lang)}: “{f.evidence}”")
    if f.expected and f.expected not in f.message:
        out.append(f"      {label('expected', lang)}: {f.expected}")
    return out
