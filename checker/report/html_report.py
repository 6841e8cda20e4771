"""HTML report: an index of all plans and one page per plan. Autoescaped: plan text is untrusted."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.models import PlanResult, Report
from checker.report.labels import LABELS, summary_line

KINDS = ["missing", "weaker", "inconsistent", "outdated", "incomplete"]


GENERATOR = "check-plans"  # in every page's <meta name="generator">: how a later run knows the pages it wrote
MARKER = f'<meta name="generator" content="{GENERATOR}">'.encode()
OWN_NAME = re.compile(r"(index|\d{3,}-[A-Za-z0-9._-]*)\.html")  # the names page_names() and write() give


def _env() -> Environment:
    env = Environment(loader=PackageLoader("checker.report", "templates"),
                      autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
    env.globals["generator"] = GENERATOR
    return env


def page_names(report: Report) -> list[str]:
    """A distinct, safe file name per plan."""
    names: list[str] = []
    for k, p in enumerate(report.plans, start=1):
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(p.path).stem)[:60] or "plan"
        names.append(f"{k:03d}-{stem}.html")
    return names


def _kind_counts(p: PlanResult) -> dict[str, int]:
    return {k: sum(1 for f in p.findings if f.kind == k) for k in KINDS}


def render_pages(report: Report) -> dict[str, str]:
    """File name → HTML for the index and every plan page."""
    env = _env()
    t = LABELS.get(report.lang, LABELS["vi"])
    names = page_names(report)
    rows = [{"plan": p, "page": n, "counts": p.counts(), "kinds": _kind_counts(p)}
            for p, n in zip(report.plans, names, strict=True)]
    pages = {"index.html": env.get_template("index.html").render(
        rows=rows, t=t, kinds=KINDS, summary=summary_line(report.summary(), report.lang), lang=report.lang)}
    for p, name in zip(report.plans, names, strict=True):
        pages[name] = env.get_template("plan.html").render(
            p=p, counts=p.counts(), kinds=_kind_counts(p), t=t, lang=report.lang)
    return pages


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
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_earlier_pages(out_dir)
    for name, html in render_pages(report).items():
        (out_dir / name).write_text(html, encoding="utf-8")
    return out_dir / "index.html"


def render(report: Report) -> str:
    """The index page alone (for ``--format html`` to a single file)."""
    return render_pages(report)["index.html"]
