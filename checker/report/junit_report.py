"""JUnit XML (for CI test tabs): a test suite per plan, a test case per rule of the pack.

A rule with findings at error or warning fails (``type`` = the highest severity, ``message`` = the first finding's
message, text = every finding with its line); info-only findings and accepted (baseline, waiver) findings go to
``system-out`` of a passing case. An unreadable plan is a suite with one ``error``; a plan the directive does not
apply to, a suite with one skipped case. A document with findings of the general checks gets a second suite,
"general: PATH", that a gate on the directive can leave out. Built with ElementTree, so plan text is always escaped.
"""

from __future__ import annotations

import shutil
import tempfile
import xml.etree.ElementTree as ET
from typing import TextIO

from checker.clean import xml_safe
from checker.models import SEVERITY_RANK, Finding, PlanResult, Report
from checker.report.stream import render_with


def _line(f: Finding) -> str:
    where = f"line {f.line}" if f.line is not None else "plan"
    tag = f" ({f.suppressed})" if f.suppressed else ""
    text = f"{where}: [{f.severity}]{tag} {f.id}: {f.message}"
    if f.evidence:
        text += f"\n    “{f.evidence}”"
    if f.expected and f.expected not in f.message:
        text += f"\n    → {f.expected}"
    return text


def _rule_ids(rules: list[dict[str, object]], p: PlanResult) -> list[str]:
    """The plan's pack's rules (with several packs: those whose rules raised its findings), then any other ids."""
    packs: dict[str, list[str]] = {}
    for r in rules:
        if not r.get("general"):
            packs.setdefault(str(r.get("pack")), []).append(str(r.get("id")))
    found = {f.id for f in p.findings}
    chosen = [ids for ids in packs.values() if found & set(ids)] if len(packs) > 1 else list(packs.values())
    ids = list(dict.fromkeys(i for group in (chosen or packs.values()) for i in group))
    return ids + [i for i in dict.fromkeys(f.id for f in p.findings) if i not in ids]


def _suite(rules: list[dict[str, object]], p: PlanResult) -> ET.Element:
    suite = ET.Element("testsuite", name=p.path)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if p.unit or p.directive:
        props = ET.SubElement(suite, "properties")
        for name, value in (("unit", p.unit), ("directive", p.directive)):
            if value:
                ET.SubElement(props, "property", name=name, value=value)
    if p.status == "unreadable":
        case = ET.SubElement(suite, "testcase", classname=p.path, name="read")
        ET.SubElement(case, "error", type="unreadable", message=p.reason or "unreadable").text = p.reason or ""
        counts.update(tests=1, errors=1)
    elif p.status == "not-applicable":
        case = ET.SubElement(suite, "testcase", classname=p.path, name="applicable")
        ET.SubElement(case, "skipped", message=p.reason or "not applicable")
        counts.update(tests=1, skipped=1)
    else:
        return _cases(suite, p.path, _rule_ids(rules, p), p.findings)
    for key, count in counts.items():
        suite.set(key, str(count))
    return suite


def _cases(suite: ET.Element, path: str, rule_ids: list[str], findings: list[Finding]) -> ET.Element:
    """One test case per rule: failing with its error and warning findings, info and accepted ones as output."""
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for rid in rule_ids:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=path, name=rid)
        mine = [f for f in findings if f.id == rid]
        failing = [f for f in mine if f.suppressed is None and f.severity in ("error", "warning")]
        if failing:
            worst = max(failing, key=lambda f: SEVERITY_RANK[f.severity])
            failure = ET.SubElement(case, "failure", type=worst.severity, message=failing[0].message)
            failure.text = "\n".join(_line(f) for f in failing)
            counts["failures"] += 1
        rest = [f for f in mine if f not in failing]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in rest)
    for key, count in counts.items():
        suite.set(key, str(count))
    return suite


def _general_suite(rules: list[dict[str, object]], p: PlanResult) -> ET.Element:
    """The general checks of one document, a suite of their own named "general: PATH" (a gate on the directive
    leaves suites of that name out): one case per general rule, failing like the directive's rules do."""
    ids = [str(r.get("id")) for r in rules if r.get("general")]
    ids += [i for i in dict.fromkeys(f.id for f in p.general) if i not in ids]
    return _cases(ET.Element("testsuite", name=f"general: {p.path}"), p.path, ids, p.general)


TOTALS = ("tests", "failures", "errors", "skipped")


class Writer:
    """Suites are written plan by plan to a spool (memory, then disk past 1 MB); the root element, which carries
    the totals, and the spooled suites are written out at the end."""

    def __init__(self, out: TextIO, lang: str = "vi", rules: list[dict[str, object]] | None = None) -> None:
        self.out = out
        self.rules = rules or []
        self.spool = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self.totals = dict.fromkeys(TOTALS, 0)

    def add(self, p: PlanResult) -> None:
        for suite in [_suite(self.rules, p)] + ([_general_suite(self.rules, p)] if p.general else []):
            for key in TOTALS:
                self.totals[key] += int(suite.get(key, "0"))
            ET.indent(suite, level=1)
            # ElementTree escapes markup but writes any character: the XML 1.0 range is ours to keep
            self.spool.write("\n  " + xml_safe(ET.tostring(suite, encoding="unicode")))

    def close(self, summary: dict[str, object]) -> None:
        root = ET.Element("testsuites", {"name": "check", **{k: str(v) for k, v in self.totals.items()}})
        head = ET.tostring(root, encoding="unicode")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.spool.tell():
            self.out.write(head + "\n")
        else:
            self.out.write(head.replace(" />", ">"))
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, self.out)
            self.out.write("\n</testsuites>\n")
        self.spool.close()


def render(report: Report) -> str:
    return render_with(Writer, report)
