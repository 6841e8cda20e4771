"""``check diff OLD NEW``: what changed between two revisions of a plan, and which findings were fixed or added.

Both files are read and parsed (any readable format: a .docx revision can be compared with its .txt draft). Plans
are compared by content, never by line, so moving a paragraph is not a change:

* targets are paired by what they measure: the pack's target rule they match (checker.checks.targets.matches),
  else their text without figures; a pair whose figure, comparator or firmness differs is "changed";
* sections by title, assigned units by name (squashed text), references by number (a new date is "changed");
* header, signature and recipients through deepdiff, line numbers excluded.

Findings of both revisions are paired by fingerprint (checker.baseline, with the plan left out of the hash):
``fixed`` (only in OLD), ``new`` (only in NEW), ``remaining``. Exit code: 1 when NEW has new findings at
``--fail-on`` (default error), else 0; 2 when a file cannot be read or no pack applies to it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from checker.baseline import fingerprint
from checker.checks.targets import figure, matches
from checker.engine import assess
from checker.errors import CheckerError
from checker.ingest import read
from checker.models import Finding, Plan, PlanResult
from checker.models import Target as PlanTarget
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.rules.schema import Target as TargetRule
from checker.text import squash

Change = Literal["added", "removed", "changed"]

WORDS: dict[str, dict[str, str]] = {
    "vi": {"target": "chỉ tiêu", "section": "mục", "unit": "đơn vị được giao", "reference": "văn bản viện dẫn",
           "header": "thể thức", "added": "thêm", "removed": "bỏ", "changed": "đổi", "fixed": "đã khắc phục",
           "new": "mới", "remaining": "còn lại", "changes": "Thay đổi nội dung", "findings": "Phát hiện",
           "none": "không có", "line": "dòng", "title": "So sánh hai phiên bản kế hoạch"},
    "en": {"target": "target", "section": "section", "unit": "assigned unit", "reference": "reference",
           "header": "form", "added": "added", "removed": "removed", "changed": "changed", "fixed": "fixed",
           "new": "new", "remaining": "remaining", "changes": "Content changes", "findings": "Findings",
           "none": "none", "line": "line", "title": "Comparing two revisions of a plan"},
}


@dataclass
class PlanChange:
    area: str  # target | section | unit | reference | header
    change: Change
    what: str  # the rule id, title, unit, number or field path
    old: str | None = None
    new: str | None = None
    old_line: int | None = None
    new_line: int | None = None


@dataclass
class DiffResult:
    old: str
    new: str
    changes: list[PlanChange] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    new_findings: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def dump(fs: list[Finding]) -> list[dict[str, object]]:
            return [f.model_dump(mode="json", exclude_none=True) for f in fs]

        return {
            "version": 1, "old": self.old, "new": self.new, "changes": [asdict(c) for c in self.changes],
            "findings": {"fixed": dump(self.fixed), "new": dump(self.new_findings), "remaining": dump(self.remaining)},
            "summary": {"changes": len(self.changes), "fixed": len(self.fixed), "new": len(self.new_findings),
                        "remaining": len(self.remaining)},
        }


# --------------------------------------------------------------------------- plan content


def _figure(t: PlanTarget) -> str:
    return figure(t) + (" (phấn đấu)" if t.hedged else "")


def _target_groups(plan: Plan, rules: list[TargetRule]) -> dict[str, list[PlanTarget]]:
    groups: dict[str, list[PlanTarget]] = {}
    for t in plan.targets:
        rule = next((r for r in rules if matches(r, t.text)), None)
        key = rule.id if rule else " ".join(re.sub(r"[\d.,%]+", " ", squash(t.text)).split())
        groups.setdefault(key, []).append(t)
    return groups


def _targets(old: Plan, new: Plan, rules: list[TargetRule]) -> list[PlanChange]:
    a, b = _target_groups(old, rules), _target_groups(new, rules)
    out: list[PlanChange] = []
    for key in dict.fromkeys([*a, *b]):
        olds, news = a.get(key, []), b.get(key, [])
        for k in range(max(len(olds), len(news))):
            to, tn = (olds[k] if k < len(olds) else None), (news[k] if k < len(news) else None)
            fo, fn = (_figure(to) if to else None), (_figure(tn) if tn else None)
            if fo == fn:
                continue
            change: Change = "changed" if to and tn else ("removed" if to else "added")
            out.append(PlanChange("target", change, key, fo, fn, getattr(to, "line", None), getattr(tn, "line", None)))
    return out


def _keyed(area: str, old: dict[str, tuple[str, int | None]], new: dict[str, tuple[str, int | None]],
           value_old: dict[str, str] | None = None, value_new: dict[str, str] | None = None) -> list[PlanChange]:
    out: list[PlanChange] = []
    for key in dict.fromkeys([*old, *new]):
        if key not in new:
            out.append(PlanChange(area, "removed", old[key][0], old_line=old[key][1]))
        elif key not in old:
            out.append(PlanChange(area, "added", new[key][0], new_line=new[key][1]))
        elif value_old is not None and value_new is not None and value_old.get(key) != value_new.get(key):
            out.append(PlanChange(area, "changed", new[key][0], value_old.get(key), value_new.get(key),
                                  old[key][1], new[key][1]))
    return out


def _refs(plan: Plan) -> tuple[dict[str, tuple[str, int | None]], dict[str, str]]:
    names: dict[str, tuple[str, int | None]] = {}
    dates: dict[str, str] = {}
    for r in [*plan.implements, *plan.references]:
        if r.number not in names:
            names[r.number] = (r.raw_number, r.line)
            dates[r.number] = r.date.isoformat() if r.date else (r.raw_date or "")
    return names, dates


LINE_FIELDS = re.compile(r"(line|_line|lines|parent|section)'\]$")


def _form(old: Plan, new: Plan) -> list[PlanChange]:
    def view(p: Plan) -> dict[str, object]:
        return p.model_dump(mode="json", include={"header", "signature", "recipients"})

    from deepdiff import DeepDiff  # imported when two rounds are compared, not at every start

    dd = DeepDiff(view(old), view(new), ignore_order=True, exclude_regex_paths=[LINE_FIELDS.pattern])
    out: list[PlanChange] = []
    for path, item in dd.get("values_changed", {}).items():
        out.append(PlanChange("header", "changed", _path(path), str(item["old_value"]), str(item["new_value"])))
    for path, item in dd.get("type_changes", {}).items():
        out.append(PlanChange("header", "changed", _path(path), _opt(item["old_value"]), _opt(item["new_value"])))
    changes: tuple[tuple[str, Literal["added", "removed"]], ...] = (
        ("iterable_item_added", "added"), ("iterable_item_removed", "removed"))
    for kind, change in changes:
        for path, value in dd.get(kind, {}).items():
            out.append(PlanChange("header", change, _path(path), None if change == "added" else str(value),
                                  str(value) if change == "added" else None))
    return out


def _path(path: str) -> str:
    """DeepDiff's ``root['header']['date']`` as ``header.date``."""
    return ".".join(a or b for a, b in re.findall(r"\['([^']+)'\]|\[(\d+)\]", path))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def compare_plans(old: Plan, new: Plan, rules: list[TargetRule]) -> list[PlanChange]:
    # a unit's heading under Tổ chức thực hiện is reported once, as an assigned unit, not also as a section
    units = {squash(a.unit) for a in old.assignments + new.assignments}
    sections_old = {squash(s.title): (s.title, s.line) for s in old.sections
                    if s.title.strip() and squash(s.title) not in units}
    sections_new = {squash(s.title): (s.title, s.line) for s in new.sections
                    if s.title.strip() and squash(s.title) not in units}
    units_old = {squash(a.unit): (a.unit, a.line) for a in old.assignments}
    units_new = {squash(a.unit): (a.unit, a.line) for a in new.assignments}
    refs_old, dates_old = _refs(old)
    refs_new, dates_new = _refs(new)
    return (_targets(old, new, rules) + _keyed("section", sections_old, sections_new)
            + _keyed("unit", units_old, units_new) + _keyed("reference", refs_old, refs_new, dates_old, dates_new)
            + _form(old, new))


# --------------------------------------------------------------------------- findings


def classify(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(fixed, new, remaining), paired by fingerprint with the plan left out (the two files differ in name)."""
    left = Counter(fingerprint(f, "") for f in old)
    added: list[Finding] = []
    remaining: list[Finding] = []
    for f in new:
        fp = fingerprint(f, "")
        if left[fp] > 0:
            left[fp] -= 1
            remaining.append(f)
        else:
            added.append(f)
    fixed: list[Finding] = []
    for f in old:
        fp = fingerprint(f, "")
        if left[fp] > 0:
            left[fp] -= 1
            fixed.append(f)
    return fixed, added, remaining


def _plan(path: Path) -> Plan:
    return parse(read(path))


def _checked(path: Path, packs: list[LoadedPack], lang: str) -> PlanResult:
    result = check_file(path, packs, None, lang)
    if result.status != "checked":
        raise CheckerError(str(path), result.reason or result.status)
    return result


def diff_paths(old: Path, new: Path, packs: list[LoadedPack], lang: str = "vi") -> DiffResult:
    """Compare two revisions; CheckerError when either cannot be read or is not a plan any pack applies to."""
    plan_old, plan_new = _plan(old), _plan(new)
    verdict = assess(plan_new, packs, lang)
    chosen = [verdict.loaded] if verdict.loaded else packs
    rules = [r for lp in chosen for r in lp.pack.rules if isinstance(r, TargetRule)]
    result_old, result_new = _checked(old, packs, lang), _checked(new, packs, lang)
    fixed, added, remaining = classify(list(result_old.findings), list(result_new.findings))
    return DiffResult(old=str(old), new=str(new), changes=compare_plans(plan_old, plan_new, rules), fixed=fixed,
                      new_findings=added, remaining=remaining)


# --------------------------------------------------------------------------- output


def render_text(d: DiffResult, lang: str = "vi") -> str:
    w = WORDS.get(lang, WORDS["vi"])
    out = [f"{d.old} → {d.new}", f"{w['changes']}:"]
    marks = {"added": "+", "removed": "-", "changed": "~"}
    for c in d.changes:
        line = f"  {marks[c.change]} {w[c.area]} {w[c.change]}: {c.what}"
        if c.change == "changed":
            line += f": {c.old} → {c.new}"
        where = [f"{w['line']} {n}" for n in (c.old_line, c.new_line) if n is not None]
        out.append(line + (f" ({' → '.join(where)})" if where else ""))
    if not d.changes:
        out.append(f"  {w['none']}")
    out.append(f"{w['findings']}: {len(d.fixed)} {w['fixed']}, {len(d.new_findings)} {w['new']}, "
               f"{len(d.remaining)} {w['remaining']}")
    for label_key, items in (("fixed", d.fixed), ("new", d.new_findings)):
        for f in items:
            at = f"{w['line']} {f.line}" if f.line is not None else "—"
            out.append(f"  [{w[label_key]}] {f.severity} {f.id} ({at}): {f.message}")
    return "\n".join(out) + "\n"


def render_json(d: DiffResult, lang: str = "vi") -> str:
    return json.dumps(d.as_dict(), ensure_ascii=False, indent=2) + "\n"


def render_html(d: DiffResult, lang: str = "vi") -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("checker.report", "templates"),
                      autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("diff.html").render(d=d, w=WORDS.get(lang, WORDS["vi"]), lang=lang)


RENDERERS = {"text": render_text, "json": render_json, "html": render_html}
