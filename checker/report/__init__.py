"""Report stage: ``FORMATS[name](report) -> str``; ``writer(name)`` writes the same plan by plan (streaming);
HTML also writes one page per plan."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping
from types import ModuleType

from checker.models import Report
from checker.report.stream import WriterFactory

Renderer = Callable[[Report], str]

# each format's module, imported when that format is asked for: a run writing JSON never imports the XML writer
# (JUnit) nor jinja2 (HTML)
MODULES: dict[str, str] = {"text": "checker.report.text", "json": "checker.report.json_report",
                           "sarif": "checker.report.sarif_report", "junit": "checker.report.junit_report",
                           "github": "checker.report.github_report", "html": "checker.report.html_report"}


def module(name: str) -> ModuleType:
    """The module of format ``name``, imported on first use."""
    return importlib.import_module(MODULES[name])


class _Renderers(MutableMapping[str, Renderer]):
    """``FORMATS``: each format's ``render``, its module imported when the format is first asked for; one set here
    (a test's stand-in) is returned as it is."""

    def __init__(self) -> None:
        self._given: dict[str, Renderer] = {}

    def __getitem__(self, name: str) -> Renderer:
        if name in self._given:
            return self._given[name]
        if name not in MODULES:
            raise KeyError(name)
        render: Renderer = module(name).render
        return render

    def __setitem__(self, name: str, render: Renderer) -> None:
        self._given[name] = render

    def __delitem__(self, name: str) -> None:
        del self._given[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*MODULES, *self._given]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*MODULES, *self._given]))


FORMATS: MutableMapping[str, Renderer] = _Renderers()


def writer(name: str) -> WriterFactory:
    """The streaming writer of a format (checker.report.stream)."""
    factory: WriterFactory = module(name).Writer
    return factory


# the file each format is written to when several are asked for in one run
FILENAMES: dict[str, str] = {"text": "report.txt", "json": "report.json", "html": "index.html",
                             "sarif": "report.sarif", "junit": "junit.xml", "github": "github-annotations.txt",
                             "xlsx": "tong-hop.xlsx"}


# formats written only as files in the output folder (a workbook is not text for stdout)
FOLDER_ONLY = ("xlsx",)
CHOICES = sorted([*FORMATS, *FOLDER_ONLY])
