"""What must hold for any input file, checked on one fuzzed case (used by the tests and ``benchmarks/fuzz.py``):

- ``check`` never raises (bad input is one ``unreadable`` line), and the input file is never modified;
- every output is valid: JSON and SARIF parse back, JUnit is well-formed XML 1.0, the HTML pages parse back;
- nothing a plan contains (or its file name) adds a line to the text and GitHub outputs, or an element to JUnit:
  the counts of lines and elements are those the results call for, and the same as for the same results with
  the markup characters of every plan text made plain (HTML: the same elements and attributes, in order).
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from checker.ingest import Limits
from checker.models import Report
from checker.pipeline import check_paths
from checker.report import FORMATS
from checker.rules.loader import LoadedPack


@dataclass
class Outcome:
    seconds: float  # reading, understanding and checking the file (not rendering)
    status: str
    reason: str | None


def run(data: bytes, name: str, folder: Path, packs: list[LoadedPack], limits: Limits | None = None) -> Outcome:
    """Check one file made of ``data``; AssertionError if a property fails (any other exception is a crash)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    start = time.perf_counter()
    report = check_paths([path], packs, limits)
    seconds = time.perf_counter() - start
    assert path.read_bytes() == data, "the input file was modified"
    assert len(report.plans) == 1
    verify_outputs(report, folder / "out")
    p = report.plans[0]
    return Outcome(seconds, p.status, p.reason)


def verify_outputs(report: Report, folder: Path) -> None:
    """Every format renders, encodes as UTF-8 and parses back, with exactly the lines and elements it should."""
    rendered = {fmt: render(report) for fmt, render in FORMATS.items() if fmt != "html"}
    for text in rendered.values():
        text.encode("utf-8")  # strict: no lone surrogate survives
    data = json.loads(rendered["json"])
    assert len(data["plans"]) == len(report.plans)
    sarif = json.loads(rendered["sarif"])
    assert len(sarif["runs"][0]["results"]) == sum(len(p.findings) for p in report.plans)
    root = ET.fromstring(rendered["junit"].encode("utf-8"))
    assert len(root.findall("testsuite")) == len(report.plans)
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))
    github = rendered["github"]
    commands = sum(1 for p in report.plans if p.status != "checked") + sum(len(p.findings) for p in report.plans)
    assert len(github.splitlines()) == commands, "a GitHub annotation was split or added"
    assert all(line.startswith("::") for line in github.splitlines())
    assert len(rendered["text"].splitlines()) == text_lines(report), "the text report has a line too many"
    plain = neutral(report)
    assert len(root.findall(".//*")) == len(ET.fromstring(FORMATS["junit"](plain).encode("utf-8")).findall(".//*"))
    assert len(github.splitlines()) == len(FORMATS["github"](plain).splitlines())
    _html(report, folder)


# the fields that carry a plan's own words (or its file name); everything else is the tool's
FREE_TEXT = {"path", "reason", "unit", "notes", "message", "evidence", "expected", "actual", "source", "directive",
             "format", "fingerprint"}


MARKUP = str.maketrans({"<": "(", ">": ")", "&": "+", '"': "`", "'": "`"})


def neutral(report: Report) -> Report:
    """The same results with the markup characters of every plan text replaced by plain ones (``<`` by ``(``,
    quotes by a backquote): what the layout must be, since the pages may depend on the words (a unit found in the
    registry) but never on markup."""

    def walk(obj: object, key: str | None = None) -> object:
        if isinstance(obj, dict):
            return {k: walk(v, k) for k, v in obj.items()}
        if isinstance(obj, list):
            return [walk(v, key) for v in obj]
        return obj.translate(MARKUP) if isinstance(obj, str) and key in FREE_TEXT else obj

    return Report.model_validate(walk(report.model_dump()))


class _Tags(HTMLParser):
    """The elements of an HTML page, in order, with their attribute names (values are the plan's or the tool's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(a for a, _ in attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def html_tags(folder: Path) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Each page the HTML report wrote (index first, then the plans' pages in order), parsed back."""
    pages = [folder / "index.html"] + sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    out = []
    for page in pages:
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        out.append(parser.tags)
    return out


def _html(report: Report, folder: Path) -> None:
    """The HTML pages parse back to exactly the elements and attributes of the same results without markup."""
    from checker.report import html_report

    html_report.write(report, folder / "plan")
    html_report.write(neutral(report), folder / "neutral")
    got, want = html_tags(folder / "plan"), html_tags(folder / "neutral")
    assert len(got) == len(report.plans) + 1
    assert got == want, "a plan text added or changed an HTML element"


def text_lines(report: Report) -> int:
    """Lines the text report has for these results (checker/report/text.py's layout)."""
    n = 1  # the summary
    for p in report.plans:
        n += 2 + bool(p.reason) + len(p.notes) + (p.status == "checked" and not p.findings)
        for f in p.findings:
            n += 1 + bool(f.evidence) + bool(f.expected and f.expected not in f.message)
    return n
