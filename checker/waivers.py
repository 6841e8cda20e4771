"""Waivers: findings a reviewer has accepted, for a reason, until a date (a YAML file, errors as file:line).

.. code-block:: yaml

    waivers:
      - rule: HP215-TGT-HSCV          # rule id (a glob: "HP215-TGT-*")
        plan: "plans/phuong-*.docx"   # path glob, relative to the working folder (no "/": the file name)
        # or unit: "Phường An Hải"    # the issuing unit as the report names it
        reason: "chỉ tiêu đã được thành phố điều chỉnh cho phường"
        accepted_by: "Nguyễn Văn A, Sở KH&CN"
        until: 2025-12-31             # last day the waiver holds

A matching waiver whose ``until`` is today or later suppresses the finding (``suppressed="waiver"``): the finding
is still shown but not counted nor failing. An expired waiver waives nothing; the plan it would have matched gets
one ``info`` finding ``WAIVER-EXPIRED`` (kind ``outdated``) naming the rule, the date and who accepted it, so the
reviewer renews or removes it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.baseline import rel_path
from checker.models import Finding, PlanResult, Report
from checker.rules.loader import load_model
from checker.text import squash

EXPIRED_ID = "WAIVER-EXPIRED"


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(min_length=1)
    plan: str | None = None
    unit: str | None = None
    reason: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    until: dt.date

    @model_validator(mode="after")
    def _scope(self) -> Waiver:
        if not self.plan and not self.unit:
            raise ValueError("a waiver needs 'plan' (path glob) or 'unit'")
        return self

    def covers_plan(self, p: PlanResult) -> bool:
        if self.unit and not (p.unit and squash(p.unit) == squash(self.unit)):
            return False
        if self.plan:
            rel = rel_path(p.path)
            candidates = [rel, Path(p.path).as_posix()] if "/" in self.plan else [Path(p.path).name]
            if not any(fnmatch.fnmatchcase(c, self.plan) for c in candidates):
                return False
        return True

    def covers(self, f: Finding) -> bool:
        return fnmatch.fnmatchcase(f.id, self.rule)


class WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    waivers: list[Waiver] = Field(default_factory=list)


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers of ``path``; RulePackError (``file:line: field: message``) when the file is not valid."""
    return list(load_model(path, WaiverFile).waivers)


def _expired(w: Waiver, lang: str) -> Finding:
    if lang == "en":
        message = f"waiver for {w.rule} expired on {w.until.isoformat()} (accepted by {w.accepted_by}): not applied"
        expected = "renew the waiver (a later 'until') or fix the finding"
    else:
        message = (f"Miễn trừ cho {w.rule} đã hết hạn ngày {w.until.strftime('%d/%m/%Y')} "
                   f"(người chấp nhận: {w.accepted_by}): không còn áp dụng")
        expected = "gia hạn miễn trừ (ngày 'until' mới) hoặc khắc phục phát hiện"
    return Finding(id=EXPIRED_ID, check="waiver", kind="outdated", severity="info", line=None, message=message,
                   evidence=w.reason, expected=expected, actual=w.until.isoformat())


def apply_waivers(report: Report, waivers: list[Waiver], today: dt.date | None = None) -> Report:
    """Findings covered by a current waiver marked ``suppressed="waiver"``; expired ones reported (see above)."""
    today = today or dt.date.today()
    plans: list[PlanResult] = []
    for p in report.plans:
        mine = [w for w in waivers if w.covers_plan(p)]
        expired: list[Waiver] = []
        findings = _waive(p.findings, mine, today, expired)
        general = _waive(p.general, mine, today, expired)  # the general checks' findings are waived alike
        findings.extend(_expired(w, report.lang) for w in expired)
        plans.append(p.model_copy(update={"findings": findings, "general": general}))
    return report.model_copy(update={"plans": plans})


def _waive(found: list[Finding], mine: list[Waiver], today: dt.date, expired: list[Waiver]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        hits = [w for w in mine if w.covers(f)]
        if f.suppressed is None and any(w.until >= today for w in hits):
            f = f.model_copy(update={"suppressed": "waiver"})
        elif f.suppressed is None:
            expired.extend(w for w in hits if w not in expired)
        out.append(f)
    return out
