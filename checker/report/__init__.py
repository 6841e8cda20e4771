"""Report stage: ``FORMATS[name](report) -> str``; HTML also writes one page per plan."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from checker.models import Report
from checker.report import json_report, text

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "html": lambda report: _html().render(report),
}

def _html() -> ModuleType:  # the module; jinja2 is imported only when HTML is asked for
    from checker.report import html_report

    return html_report


# the file each format is written to when several are asked for in one run
FILENAMES: dict[str, str] = {"text": "report.txt", "json": "report.json", "html": "index.html"}


def _register_optional() -> None:
    """Formats in their own modules (CI formats) join the registry if present."""
    import importlib

    for name, module, filename in (
        ("sarif", "checker.report.sarif_report", "report.sarif"),
        ("junit", "checker.report.junit_report", "junit.xml"),
        ("github", "checker.report.github_report", "github-annotations.txt"),
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        FORMATS[name] = mod.render
        FILENAMES[name] = filename


_register_optional()
