"""What must hold for any input file, checked on one fuzzed case (used by the tests and ``benchmarks/fuzz.py``):

- ``check`` never raises (bad input is one ``unreadable`` line), and the input file is never modified;
- every output is valid: JSON and SARIF parse back, JUnit is well-formed XML 1.0, HTML is written;
- nothing a plan contains (or its file name) adds a line to the text and GitHub outputs, or an element to JUnit:
  the counts of lines and elements are those the results call for.
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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
    _html(report, folder)


def _html(report: Report, folder: Path) -> None:
    from checker.report import html_report

    index = html_report.write(report, folder)
    index.read_text(encoding="utf-8")


def text_lines(report: Report) -> int:
    """Lines the text report has for these results (checker/report/text.py's layout)."""
    n = 1  # the summary
    for p in report.plans:
        n += 2 + bool(p.reason) + len(p.notes) + (p.status == "checked" and not p.findings)
        for f in p.findings:
            n += 1 + bool(f.evidence) + bool(f.expected and f.expected not in f.message)
    return n
