"""SARIF 2.1.0 (for GitHub code scanning and IDEs): one run, rules from the pack, one result per finding.

Paths are relative to the working folder (posix, percent-encoded, base ``%SRCROOT%``), absolute ``file://`` URIs
only for files outside it. Plans that could not be read or that the directive does not apply to are not results:
they are tool notifications of the invocation. Findings accepted by a baseline or a waiver carry a SARIF
``suppressions`` entry; every result carries ``partialFingerprints`` (checker.baseline) so code scanning follows
a finding when lines move.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from checker.baseline import fingerprint, rel_path
from checker.models import Finding, PlanResult, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "checkFingerprint/v1"


def artifact_location(path: str) -> dict[str, str]:
    rel = rel_path(path)
    if rel.startswith("/"):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule_text(rule: dict[str, object], lang: str) -> str:
    text = rule.get("message_en") if lang == "en" and rule.get("message_en") else rule.get("message")
    return str(text or rule.get("id", ""))


def _rules(report: Report) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for r in report.rules:
        rid = str(r.get("id"))
        if rid in seen:
            continue
        seen.add(rid)
        text = _rule_text(r, report.lang)
        props = {k: r[k] for k in ("type", "pack", "source") if r.get(k) is not None}
        props["kind"] = str(r.get("type", ""))
        out.append({
            "id": rid, "name": str(r.get("type") or rid),
            "shortDescription": {"text": text}, "fullDescription": {"text": text}, "help": {"text": text},
            "defaultConfiguration": {"level": LEVELS.get(str(r.get("severity")), "warning")},
            "properties": props,
        })
    # findings whose rule is not in the pack (e.g. WAIVER-EXPIRED) still need a rule descriptor
    for p in report.plans:
        for f in p.findings:
            if f.id not in seen:
                seen.add(f.id)
                out.append({"id": f.id, "name": f.check, "shortDescription": {"text": f.id},
                            "defaultConfiguration": {"level": LEVELS[f.severity]},
                            "properties": {"kind": f.check}})
    return out


def _result(p: PlanResult, f: Finding, index: dict[str, int]) -> dict[str, object]:
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


def _notifications(report: Report) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for p in report.plans:
        if p.status == "checked":
            continue
        out.append({
            "level": "error" if p.status == "unreadable" else "note",
            "message": {"text": f"{p.path}: {p.status}" + (f": {p.reason}" if p.reason else "")},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(p.path)}}],
            "properties": {"status": p.status},
        })
    return out


def as_dict(report: Report) -> dict[str, object]:
    rules = _rules(report)
    index = {str(r["id"]): k for k, r in enumerate(rules)}
    results = [_result(p, f, index) for p in report.plans for f in p.findings]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "check", "rules": rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": _notifications(report)}],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"summary": report.summary(), "lang": report.lang},
        }],
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
