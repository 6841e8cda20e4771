"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

``::error file=PATH,line=N,title=ID::MESSAGE``: the path relative to the working folder (the checkout), no
``line`` for a finding about the whole plan. Data escape ``%``, CR and LF; properties also ``:`` and ``,`` (as the
Actions toolkit does), so plan text can never end the command or inject another. Accepted findings (baseline,
waiver) become notices; unreadable plans an error on the file, plans out of scope a notice. Findings of the
general checks carry "(kiểm tra chung)" in their title; they do not change the exit code (``--fail-on-general``).
"""

from __future__ import annotations

from typing import TextIO

from checker.baseline import rel_path
from checker.clean import safe_text
from checker.models import Finding, PlanResult, Report
from checker.report.labels import label
from checker.report.stream import TextWriter, render_with

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Workflow-command data: ``%``, CR and LF escaped as the runner unescapes them; every other character a
    reader may take as a line break (NEL, VT, FF, U+2028, U+2029, ...) and every control character made safe."""
    return safe_text(text.replace("%", "%25").replace("\r", "%0D")).replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


def _finding(p: PlanResult, f: Finding, lang: str, general: bool = False) -> str:
    message = f.message
    if f.expected and f.expected not in f.message:
        message += f"\n{label('expected', lang).capitalize()}: {f.expected}"
    title = f.id if not f.suppressed else f"{f.id} ({f.suppressed})"
    if general:
        title += f" ({label('general', lang)})"
    name = "notice" if f.suppressed else COMMANDS[f.severity]
    return command(name, message, file=rel_path(p.path), line=f.line, title=title)


def plan_lines(p: PlanResult, lang: str) -> str:
    out: list[str] = []
    if p.status == "unreadable":
        out.append(command("error", p.reason or "unreadable", file=rel_path(p.path), title="unreadable"))
    elif p.status == "not-applicable":
        out.append(command("notice", p.reason or "not applicable", file=rel_path(p.path), title="not-applicable"))
    out.extend(_finding(p, f, lang) for f in p.findings)
    out.extend(_finding(p, f, lang, general=True) for f in p.general)
    return "".join(line + "\n" for line in out)


def Writer(out: TextIO, lang: str = "vi", rules: list[dict[str, object]] | None = None) -> TextWriter:
    return TextWriter(out, lang, plan_lines)


def render(report: Report) -> str:
    return render_with(Writer, report)
