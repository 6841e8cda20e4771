"""SARIF 2.1.0 (for GitHub code scanning and IDEs): one run, rules from the pack, one result per finding.

Paths are relative to the working folder (posix, percent-encoded, base ``%SRCROOT%``), absolute ``file://`` URIs
only for files outside it. Plans that could not be read or that the directive does not apply to are not results:
they are tool notifications of the invocation. Findings accepted by a baseline or a waiver carry a SARIF
``suppressions`` entry; every result carries ``partialFingerprints`` (checker.baseline) so code scanning follows
a finding when lines move. Findings of the general checks (any administrative document) are results whose
``properties.general`` is true, as is their rule's: a gate on the directive leaves them out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from checker.baseline import fingerprint, rel_path
from checker.clean import one_line
from checker.models import Finding, PlanResult, Report
from checker.report.stream import JsonArray, dumps_at, render_with

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "checkFingerprint/v1"


def artifact_location(path: str) -> dict[str, str]:
    rel = one_line(rel_path(path))  # a URI of valid Unicode on one line, whatever the file is called
    if rel.startswith("/"):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule_text(rule: dict[str, object], lang: str) -> str:
    text = rule.get("message_en") if lang == "en" and rule.get("message_en") else rule.get("message")
    return str(text or rule.get("id", ""))


def _pack_rules(rules: list[dict[str, object]], lang: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for r in rules:
        rid = str(r.get("id"))
        if rid in seen:
            continue
        seen.add(rid)
        text = _rule_text(r, lang)
        props = {k: r[k] for k in ("type", "pack", "source", "general") if r.get(k) is not None}
        props["kind"] = str(r.get("type", ""))
        out.append({
            "id": rid, "name": str(r.get("type") or rid),
            "shortDescription": {"text": text}, "fullDescription": {"text": text}, "help": {"text": text},
            "defaultConfiguration": {"level": LEVELS.get(str(r.get("severity")), "warning")},
            "properties": props,
        })
    return out


def _extra_rule(f: Finding) -> dict[str, object]:
    """A descriptor for a finding whose rule is not in the pack (e.g. WAIVER-EXPIRED)."""
    return {"id": f.id, "name": f.check, "shortDescription": {"text": f.id},
            "defaultConfiguration": {"level": LEVELS[f.severity]}, "properties": {"kind": f.check}}


def _result(p: PlanResult, f: Finding, index: dict[str, int], general: bool = False) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": artifact_location(p.path)}
    if f.line is not None and f.line >= 1:
        region: dict[str, object] = {"startLine": f.line}
        if f.evidence:
            region["snippet"] = {"text": f.evidence}
        physical["region"] = region
    text = f.message
    if f.expected and f.expected not in f.message:
        text += f" — {f.expected}"
    props: dict[str, object] = {"kind": f.kind, "check": f.check}
    if general:
        props["general"] = True  # a general check of any administrative document, not the directive's
    for key in ("evidence", "expected", "actual", "source"):
        value = getattr(f, key)
        if value:
            props[key] = value
    result: dict[str, object] = {
        "ruleId": f.id, "ruleIndex": index[f.id], "level": LEVELS[f.severity], "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint or fingerprint(f, rel_path(p.path))},
        "properties": props,
    }
    if f.suppressed:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.suppressed}]
    return result


def _notification(p: PlanResult) -> dict[str, object]:
    return {
        "level": "error" if p.status == "unreadable" else "note",
        "message": {"text": f"{p.path}: {p.status}" + (f": {p.reason}" if p.reason else "")},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(p.path)}}],
        "properties": {"status": p.status},
    }


class Writer:
    """One run, its results written plan by plan; the rules (the pack's, then any other id met on the way), the
    notifications and the summary after them."""

    def __init__(self, out: TextIO, lang: str = "vi", rules: list[dict[str, object]] | None = None) -> None:
        self.out = out
        self.lang = lang
        self.rules = _pack_rules(rules or [], lang)
        self.index = {str(r["id"]): k for k, r in enumerate(self.rules)}
        self.notifications: list[dict[str, object]] = []
        out.write('{\n  "$schema": ' + json.dumps(SCHEMA) + ',\n  "version": "2.1.0",\n  "runs": [\n    {\n'
                  '      "results": ')
        self.results = JsonArray(out, 3)

    def add(self, p: PlanResult) -> None:
        for general, findings in ((False, p.findings), (True, p.general)):
            for f in findings:
                if f.id not in self.index:
                    self.index[f.id] = len(self.rules)
                    self.rules.append(_extra_rule(f))
                self.results.add(_result(p, f, self.index, general))
        if p.status != "checked":
            self.notifications.append(_notification(p))

    def close(self, summary: dict[str, object]) -> None:
        self.results.close()
        rest: dict[str, object] = {
            "tool": {"driver": {"name": "check", "rules": self.rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": self.notifications}],
            "columnKind": "unicodeCodePoints",
            "properties": {"summary": summary, "lang": self.lang},
        }
        for key, value in rest.items():
            self.out.write(f",\n      {json.dumps(key)}: " + dumps_at(value, 3))
        self.out.write("\n    }\n  ]\n}\n")


def render(report: Report) -> str:
    return render_with(Writer, report)
