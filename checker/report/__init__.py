"""Report stage: ``FORMATS[name](report) -> str``; ``writer(name)`` writes the same plan by plan (streaming);
HTML also writes one page per plan."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from checker.models import Report
from checker.report import github_report, json_report, junit_report, sarif_report, text
from checker.report.stream import WriterFactory

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "html": lambda report: _html().render(report),
    "sarif": sarif_report.render,
    "junit": junit_report.render,
    "github": github_report.render,
}


def writer(name: str) -> WriterFactory:
    """The streaming writer of a format (checker.report.stream)."""
    module = _html() if name == "html" else MODULES[name]
    factory: WriterFactory = module.Writer
    return factory


MODULES: dict[str, ModuleType] = {"text": text, "json": json_report, "sarif": sarif_report, "junit": junit_report,
                                  "github": github_report}


def _html() -> ModuleType:  # the module; jinja2 is imported only when HTML is asked for
    from checker.report import html_report

    return html_report


# the file each format is written to when several are asked for in one run
FILENAMES: dict[str, str] = {"text": "report.txt", "json": "report.json", "html": "index.html",
                             "sarif": "report.sarif", "junit": "junit.xml", "github": "github-annotations.txt",
                             "xlsx": "tong-hop.xlsx"}


# formats written only as files in the output folder (a workbook is not text for stdout)
FOLDER_ONLY = ("xlsx",)
CHOICES = sorted([*FORMATS, *FOLDER_ONLY])
