"""Reports written plan by plan, so memory stays flat however long the batch.

Every format has a ``Writer(out, lang, rules)`` with ``add(plan)`` and ``close(summary)``; its ``render(report)``
is the same writer over a string buffer, so a streamed report and a rendered one are the same bytes. JSON output
is laid out exactly as ``json.dumps(..., indent=2)`` would lay out the whole document.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Protocol, TextIO

from checker.clean import xml_safe
from checker.models import SEVERITY_RANK, PlanResult, Report


class Writer(Protocol):
    def add(self, p: PlanResult) -> None: ...

    def close(self, summary: dict[str, object]) -> None: ...


WriterFactory = Callable[[TextIO, str, list[dict[str, object]]], Writer]


def render_with(factory: WriterFactory, report: Report) -> str:
    """A whole report through a streaming writer, as a string."""
    buf = io.StringIO()
    w = factory(buf, report.lang, report.rules)
    for p in report.plans:
        w.add(p)
    w.close(report.summary())
    return buf.getvalue()


def dumps_at(obj: object, depth: int) -> str:
    """``obj`` as JSON (indent 2) to be placed ``depth`` levels deep (JSON strings hold no raw newline)."""
    return xml_safe(json.dumps(obj, ensure_ascii=False, indent=2)).replace("\n", "\n" + "  " * depth)


class JsonArray:
    """A JSON array whose items are written one by one, laid out as ``json.dumps(indent=2)`` would at ``depth``
    (the array's own indentation level)."""

    def __init__(self, out: TextIO, depth: int) -> None:
        self.out = out
        self.depth = depth
        self.count = 0
        out.write("[")

    def add(self, item: object) -> None:
        pad = "  " * (self.depth + 1)
        self.out.write(("," if self.count else "") + "\n" + pad + dumps_at(item, self.depth + 1))
        self.count += 1

    def close(self) -> None:
        self.out.write(("\n" + "  " * self.depth if self.count else "") + "]")


class Tally:
    """What the exit code and the summary need, counted plan by plan (``Report.summary()`` of a batch never held
    in memory)."""

    def __init__(self) -> None:
        self.plans = 0
        self.checked = 0
        self.unreadable = 0
        self.findings = {"error": 0, "warning": 0, "info": 0}
        self.general = {"error": 0, "warning": 0, "info": 0}  # general checks: apart (--fail-on-general)

    def add(self, p: PlanResult) -> None:
        self.plans += 1
        self.checked += p.status == "checked"
        self.unreadable += p.status == "unreadable"
        for sev, n in p.counts().items():
            self.findings[sev] += n
        for sev, n in p.counts(general=True).items():
            self.general[sev] += n

    def summary(self) -> dict[str, object]:
        return {"plans": self.plans, "checked": self.checked, "findings": dict(self.findings),
                "general": dict(self.general)}

    def exit_code(self, fail_on: str, fail_on_general: str = "never") -> int:
        """0 clean, 1 findings at ``fail_on`` or above (not suppressed) or general findings at ``fail_on_general``,
        2 nothing could be read."""
        if not self.plans or self.unreadable == self.plans:
            return 2

        def hit(bar: str, counts: dict[str, int]) -> bool:
            return bar != "never" and any(n and SEVERITY_RANK[sev] >= SEVERITY_RANK[bar] for sev, n in counts.items())

        return 1 if hit(fail_on, self.findings) or hit(fail_on_general, self.general) else 0


class TextWriter:
    """A plain-text format: each plan's text as it comes, then a closing text made from the summary."""

    def __init__(self, out: TextIO, lang: str, plan_text: Callable[[PlanResult, str], str],
                 closing: Callable[[dict[str, object], str], str] | None = None) -> None:
        self.out = out
        self.lang = lang
        self.plan_text = plan_text
        self.closing = closing

    def add(self, p: PlanResult) -> None:
        self.out.write(self.plan_text(p, self.lang))

    def close(self, summary: dict[str, object]) -> None:
        if self.closing is not None:
            self.out.write(self.closing(summary, self.lang))
