"""Baselines: accept today's findings so that only new ones fail, matched by a fingerprint that survives moves.

A fingerprint hashes what a finding is about, not where it sits: the plan (its path relative to the working
folder), the rule id, the kind and the quoted evidence (squashed: no case, diacritics or spacing), or what the
directive expects when nothing is quoted (a missing target). Line numbers are left out, so inserting a paragraph
above a finding does not make it "new". Equal fingerprints are matched as a multiset: two identical findings in
the baseline accept two, not three.

A baseline file is the JSON report (``json_report.Writer``) with a ``fingerprint`` added to every finding; any
earlier JSON result works too, its fingerprints are recomputed from the fields.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from checker.errors import CheckerError
from checker.models import Finding, PlanResult, Report
from checker.text import squash

if TYPE_CHECKING:
    from checker.report.stream import Writer

Baseline = Counter  # fingerprint → how many findings carry it


def rel_path(path: str) -> str:
    """``path`` relative to the working folder, posix form; absolute (posix) if it lies outside it."""
    p = Path(path)
    absolute = p if p.is_absolute() else Path.cwd() / p
    absolute = Path(os.path.normpath(absolute))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def fingerprint_of(plan_key: str, rule: str, kind: str, evidence: str, expected: str) -> str:
    subject = squash(evidence) if evidence.strip() else "expected:" + squash(expected)
    raw = "\x1f".join((plan_key, rule, kind, subject))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]  # any text hashes


def fingerprint(finding: Finding, plan_key: str) -> str:
    """The finding's stable fingerprint within the plan identified by ``plan_key`` (see the module docstring)."""
    return fingerprint_of(plan_key, finding.id, finding.kind, finding.evidence, finding.expected)


def with_fingerprints(report: Report) -> Report:
    """The report with every finding's ``fingerprint`` filled in."""
    plans = []
    for p in report.plans:
        key = rel_path(p.path)
        findings = [f if f.fingerprint else f.model_copy(update={"fingerprint": fingerprint(f, key)})
                    for f in p.findings]
        plans.append(p.model_copy(update={"findings": findings}))
    return report.model_copy(update={"plans": plans})


def plan_dict(p: PlanResult) -> dict[str, object]:
    """One plan in the JSON contract form, each finding with its fingerprint (and ``suppressed`` when set)."""
    from checker.report import json_report  # here, not above: the report formats import this module

    key = rel_path(p.path)
    data = json_report.plan_dict(p)
    findings = data["findings"]
    assert isinstance(findings, list)
    for fd, f in zip(findings, p.findings, strict=True):
        fd["fingerprint"] = f.fingerprint or fingerprint(f, key)
        if f.suppressed:
            fd["suppressed"] = f.suppressed
    return data


def baseline_writer(out: TextIO) -> Writer:
    """A baseline file written plan by plan; suppressed findings are kept (they stay accepted)."""
    from checker.report import json_report

    return json_report.Writer(out, to_dict=plan_dict)


def write_baseline(report: Report, path: Path) -> Path:
    """Write the report as a baseline file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        w = baseline_writer(fh)
        for p in report.plans:
            w.add(p)
        w.close(report.summary())
    return path


def load_baseline(path: Path) -> Baseline:
    """Fingerprints of a previous JSON result; CheckerError (``path: message``) when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckerError(str(path), f"không đọc được tệp baseline: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise CheckerError(str(path), f"tệp baseline không phải JSON hợp lệ: {exc}", line) from None
    if not isinstance(data, dict) or not isinstance(data.get("plans"), list):
        raise CheckerError(str(path), "tệp baseline không phải kết quả JSON của check (thiếu 'plans')")
    out: Baseline = Counter()
    for p in data["plans"]:
        if not isinstance(p, dict):
            continue
        key = rel_path(str(p.get("path", "")))
        for f in p.get("findings") or []:
            if not isinstance(f, dict):
                continue
            fp = f.get("fingerprint")
            if not isinstance(fp, str) or not fp:
                fp = fingerprint_of(key, str(f.get("id", "")), str(f.get("kind", "")),
                                    str(f.get("evidence") or ""), str(f.get("expected") or ""))
            out[fp] += 1
    return out


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """Findings whose fingerprint is in ``baseline`` marked ``suppressed="baseline"`` (each entry used once)."""
    left = Counter(baseline)
    plans: list[PlanResult] = []
    for p in with_fingerprints(report).plans:
        findings = []
        for f in p.findings:
            if f.suppressed is None and f.fingerprint and left[f.fingerprint] > 0:
                left[f.fingerprint] -= 1
                f = f.model_copy(update={"suppressed": "baseline"})
            findings.append(f)
        plans.append(p.model_copy(update={"findings": findings}))
    return report.model_copy(update={"plans": plans})
