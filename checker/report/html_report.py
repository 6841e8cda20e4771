"""HTML report: an index of all plans and one page per plan. Autoescaped: plan text is untrusted."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.clean import xml_safe
from checker.models import PlanResult, Report
from checker.report.desk import Collector, DeskContext, group_names, verdict
from checker.report.labels import LABELS, summary_line, where
from checker.report.matrix_view import chart, compact_figure
from checker.report.stream import render_with

KINDS = ["missing", "weaker", "inconsistent", "outdated", "incomplete"]


GENERATOR = "check-plans"  # in every page's <meta name="generator">: how a later run knows the pages it wrote
MARKER = f'<meta name="generator" content="{GENERATOR}">'.encode()
OWN_NAME = re.compile(r"(index|\d{3,}-[A-Za-z0-9._-]*)\.html")  # the names page_name() and Writer give


@lru_cache(maxsize=1)
def page_environment() -> Environment:
    """The report pages' templates, autoescaped (plan text is untrusted); ``check serve`` renders with it too.
    One environment per process: templates are compiled once, not for every report written."""
    env = Environment(loader=PackageLoader("checker.report", "templates"),
                      autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
    env.globals["generator"] = GENERATOR
    env.globals["verdict_of"] = verdict
    env.globals["where"] = where  # a finding's location, as every report says it
    env.filters["without"] = _without
    env.filters["cap"] = lambda s: str(s)[:1].upper() + str(s)[1:]  # a column title from a label: "lỗi" → "Lỗi"
    return env


def _without(reason: str | None, path: str) -> str:
    """A reason as the index shows it beside its file: without the file's name again ("a.docx: tệp hỏng")."""
    reason = reason or ""
    return reason[len(path) + 2:] if reason.startswith(path + ": ") else reason


def page_name(k: int, p: PlanResult) -> str:
    """A distinct, safe file name for the ``k``-th plan (from 1)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(p.path).stem)[:60] or "plan"
    return f"{k:03d}-{stem}.html"


def _kind_counts(p: PlanResult) -> dict[str, int]:
    return {k: sum(1 for f in p.findings if f.kind == k) for k in KINDS}


class Writer:
    """Each plan's page written as soon as the plan is checked (when ``out_dir`` is given); the index, from one
    small row per plan, at the end: written to ``out_dir/index.html``, or to ``out`` when there is no folder."""

    def __init__(self, out: TextIO | None, lang: str = "vi", rules: list[dict[str, object]] | None = None,
                 out_dir: Path | None = None, context: DeskContext | None = None) -> None:
        self.out = out
        self.out_dir = out_dir
        self.lang = lang
        self.env = page_environment()
        self.t = LABELS.get(lang, LABELS["vi"])
        self.rows: list[dict[str, object]] = []
        self.desk = Collector(rules or [], context)  # the coverage matrix: one small row per plan
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            remove_earlier_pages(out_dir)

    def add(self, p: PlanResult) -> None:
        name = page_name(len(self.rows) + 1, p)
        counts, kinds = p.counts(), _kind_counts(p)
        self.rows.append({"plan": {"path": p.path, "unit": p.unit, "status": p.status, "reason": p.reason},
                          "page": name, "counts": counts, "kinds": kinds})
        self.desk.add(p)
        if self.out_dir is not None:
            html = self.env.get_template("plan.html").render(p=p, counts=counts, kinds=kinds, t=self.t, lang=self.lang)
            (self.out_dir / name).write_text(xml_safe(html), encoding="utf-8")  # autoescaped; valid Unicode too

    def close(self, summary: dict[str, object]) -> None:
        desk = self.desk.desk()
        html = xml_safe(self.env.get_template("index.html").render(
            rows=self.rows, t=self.t, kinds=KINDS, summary=summary_line(summary, self.lang), lang=self.lang,
            desk=desk, names=[str(r["page"]) for r in self.rows], chart=chart(desk), compact=compact_figure,
            groups=group_names(self.lang)))
        if self.out_dir is not None:
            (self.out_dir / "index.html").write_text(html, encoding="utf-8")
        if self.out is not None:
            self.out.write(html)


def remove_earlier_pages(out_dir: Path) -> list[Path]:
    """Delete the pages an earlier run wrote in ``out_dir`` (so it holds only this run): only files named as this
    module names them AND carrying its generator marker; anything else, even ``001-x.html``, stays."""
    removed: list[Path] = []
    for path in out_dir.iterdir():
        if not OWN_NAME.fullmatch(path.name) or path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open("rb") as fh:
                head = fh.read(2048)
        except OSError:
            continue
        if MARKER in head:
            path.unlink()
            removed.append(path)
    return removed


def write(report: Report, out_dir: Path) -> Path:
    w = Writer(None, report.lang, report.rules, out_dir, DeskContext(list(report.units), report.previous))
    for p in report.plans:
        w.add(p)
    w.close(report.summary())
    return out_dir / "index.html"


def render(report: Report) -> str:
    """The index page alone (for ``--format html`` to a single file)."""
    return render_with(Writer, report)
