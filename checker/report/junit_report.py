"""JUnit XML (for CI test tabs): a test suite per plan, a test case per rule of the pack.

A rule with findings at error or warning fails (``type`` = the highest severity, ``message`` = the first finding's
message, text = every finding with its line); info-only findings and accepted (baseline, waiver) findings go to
``system-out`` of a passing case. An unreadable plan is a suite with one ``error``; a plan the directive does not
apply to, a suite with one skipped case. Built with ElementTree, so plan text is always escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.models import SEVERITY_RANK, Finding, PlanResult, Report


def _line(f: Finding) -> str:
    where = f"line {f.line}" if f.line is not None else "plan"
    tag = f" ({f.suppressed})" if f.suppressed else ""
    text = f"{where}: [{f.severity}]{tag} {f.id}: {f.message}"
    if f.evidence:
        text += f"\n    “{f.evidence}”"
    if f.expected and f.expected not in f.message:
        text += f"\n    → {f.expected}"
    return text


def _rule_ids(report: Report, p: PlanResult) -> list[str]:
    """The plan's pack's rules (with several packs: those whose rules raised its findings), then any other ids."""
    packs: dict[str, list[str]] = {}
    for r in report.rules:
        packs.setdefault(str(r.get("pack")), []).append(str(r.get("id")))
    found = {f.id for f in p.findings}
    chosen = [ids for ids in packs.values() if found & set(ids)] if len(packs) > 1 else list(packs.values())
    ids = list(dict.fromkeys(i for group in (chosen or packs.values()) for i in group))
    return ids + [i for i in dict.fromkeys(f.id for f in p.findings) if i not in ids]


def _suite(report: Report, p: PlanResult) -> ET.Element:
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
        for rid in _rule_ids(report, p):
            counts["tests"] += 1
            case = ET.SubElement(suite, "testcase", classname=p.path, name=rid)
            mine = [f for f in p.findings if f.id == rid]
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


def as_element(report: Report) -> ET.Element:
    root = ET.Element("testsuites", name="check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for p in report.plans:
        suite = _suite(report, p)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render(report: Report) -> str:
    root = as_element(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
