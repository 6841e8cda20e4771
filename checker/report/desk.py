"""The reviewer's desk: the batch seen unit by unit. One row per unit that sent a plan (its later plan by date
when it sent two), a cell per directive item (target, content part, unit to assign): meets, weaker, missing or not
judged, with the plan's own figure; the units of the registry that sent nothing; what changed since the last
round (``--previous``). The HTML index, the workbook and the letters all read this one view.

Built from small per-plan pieces (``unit_row``) so that a caller streaming plans can collect rows as it goes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from checker.errors import CheckerError
from checker.models import Finding, PlanResult, Report
from checker.report.facts import COVERAGE_TYPES
from checker.text import squash

GROUPS = {"target": "Chỉ tiêu", "required-section": "Nội dung", "required-unit": "Phân công"}
GROUPS_EN = {"target": "Targets", "required-section": "Content", "required-unit": "Assigned units"}
STATUSES = ("meets", "weaker", "missing", "not-judged")


def group_names(lang: str) -> dict[str, str]:
    return GROUPS_EN if lang == "en" else GROUPS


def verdict(status: str, counts: dict[str, int]) -> str:
    """A plan in one word: revise (an error), review (warnings only: the letter still asks for them), complies,
    or other (not checked)."""
    if status != "checked":
        return "other"
    return "revise" if counts.get("error") else "review" if counts.get("warning") else "complies"


@dataclass(frozen=True)
class Item:
    """A directive item: one column of the matrix."""

    id: str
    type: str
    label: str
    message: str
    severity: str
    source: str


@dataclass(frozen=True)
class Cell:
    status: str  # meets | weaker | missing | not-judged
    figure: str = ""  # the plan's own figure for a target
    line: int | None = None  # where the plan has the item (None: nowhere, or not known)
    note: str = ""  # the finding's message when the item falls short


@dataclass(frozen=True)
class Round:
    """This plan against the same unit's plan of the last round (findings paired as ``check diff`` pairs them)."""

    fixed: int
    new: int
    remaining: int
    previous_path: str
    new_findings: tuple[Finding, ...] = ()


@dataclass
class UnitRow:
    unit: str  # the registry's name, else the plan's own, else the file name
    plan: PlanResult
    index: int  # the plan's position in the batch (its page is numbered from it)
    cells: list[Cell]
    in_registry: bool
    code: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # findings by severity (the plan may be kept without them)
    superseded: list[PlanResult] = field(default_factory=list)  # earlier plans of the same unit
    round: Round | None = None

    @property
    def date(self) -> dt.date | None:
        return self.plan.facts.date if self.plan.facts else None


@dataclass
class Duplicate:
    unit: str
    kept: PlanResult
    others: list[PlanResult]
    by_date: bool  # False: the dates do not decide, the file read last counts


@dataclass
class Desk:
    items: list[Item]
    rows: list[UnitRow]
    expected: list[dict[str, str]]  # the registry
    missing: list[dict[str, str]]  # registry units with no checked plan
    duplicates: list[Duplicate]
    unplaced: list[tuple[int, PlanResult]]  # (position, plan) of files with no unit: unreadable ones
    has_previous: bool

    def totals(self) -> list[dict[str, int]]:
        """Per item, how many units meet it, fall short, miss it, were not judged on it (the summary row)."""
        out = []
        for k in range(len(self.items)):
            counts = dict.fromkeys(STATUSES, 0)
            for r in self.rows:
                counts[r.cells[k].status] += 1
            out.append(counts)
        return out

    def weakest(self, limit: int = 10) -> list[tuple[Item, int, int]]:
        """The items most often missed or weakened: (item, missing, weaker), worst first, none at zero."""
        ranked = [(it, t["missing"], t["weaker"]) for it, t in zip(self.items, self.totals(), strict=True)
                  if t["missing"] + t["weaker"]]
        ranked.sort(key=lambda x: (-(x[1] + x[2]), -x[1], x[0].id))
        return ranked[:limit]


def coverage_items(rules: list[dict[str, object]]) -> list[Item]:
    """The directive items of the matrix, from the rule descriptions: targets, then content parts, then units."""
    items: dict[str, Item] = {}
    prefix = _common_prefix([str(r["id"]) for r in rules if r.get("type") in COVERAGE_TYPES])
    for r in rules:
        if r.get("type") in COVERAGE_TYPES and str(r["id"]) not in items:
            rid = str(r["id"])
            items[rid] = Item(id=rid, type=str(r["type"]), label=str(r.get("label") or rid[len(prefix):] or rid),
                              message=str(r.get("message") or ""), severity=str(r.get("severity") or ""),
                              source=str(r.get("source") or ""))
    order = {t: k for k, t in enumerate(COVERAGE_TYPES)}
    return sorted(items.values(), key=lambda it: order[it.type])


def _common_prefix(ids: list[str]) -> str:
    """"HP215-" of HP215-TGT-HOSO, HP215-SEC-CQS: a column shows the rest when a rule has no label."""
    if len(ids) < 2:
        return ""
    first, last = min(ids), max(ids)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[: first.rfind("-", 0, n) + 1] if "-" in first[:n] else ""


def cells_of(plan: PlanResult, items: list[Item]) -> list[Cell]:
    """The plan's cell for every item: judged from its findings and the facts gathered while it was checked."""
    facts = plan.facts
    if plan.status != "checked" or facts is None:
        return [Cell("not-judged") for _ in items]
    by_rule: dict[str, list[Finding]] = {}
    for f in plan.findings:
        by_rule.setdefault(f.id, []).append(f)
    out: list[Cell] = []
    for it in items:
        if it.id not in facts.judged:
            out.append(Cell("not-judged"))
            continue
        found = facts.found.get(it.id)
        figure = facts.figures.get(it.id, "")
        fs = by_rule.get(it.id, [])
        if not fs:
            out.append(Cell("meets", figure, found or None))
            continue
        # a unit assigned without its role, a target present but lower: the item is there, only short
        status = "missing" if found is None and all(f.kind == "missing" for f in fs) else "weaker"
        line = found or next((f.line for f in fs if f.line), None)
        out.append(Cell(status, figure or next((f.actual for f in fs if f.actual), ""), line,
                        "; ".join(dict.fromkeys(f.message for f in fs))))
    return out


def _unit_key(plan: PlanResult, registry: dict[str, dict[str, str]]) -> str | None:
    """The registry's key of the plan's unit (its exact name: Xã Cẩm Giang and Xã Cẩm Giàng are two units)."""
    return plan.unit.casefold() if plan.unit and plan.unit.casefold() in registry else None


def _later(a: PlanResult, b: PlanResult) -> bool:
    """Whether ``b`` supersedes ``a``: a checked plan over one that is not, then the later date."""
    rank_a, rank_b = a.status == "checked", b.status == "checked"
    if rank_a != rank_b:
        return rank_b
    da, db = (a.facts.date if a.facts else None), (b.facts.date if b.facts else None)
    if da and db and da != db:
        return db > da
    return True  # same date or no date: the one read last


@dataclass
class DeskContext:
    """What the desk knows besides the plans: the units expected to send one (the registry), the last round."""

    units: list[dict[str, str]] = field(default_factory=list)
    previous: list[PlanResult] | None = None


class Collector:
    """The desk gathered plan by plan: a streamed batch keeps one small row per plan (its cells, counts and
    facts; its findings only with ``keep_findings``, for the workbook); ``desk()`` settles units at the end."""

    def __init__(self, rules: list[dict[str, object]], context: DeskContext | None = None,
                 keep_findings: bool = False) -> None:
        self.context = context or DeskContext()
        self.items = coverage_items(rules)
        self.registry = {u["name"].casefold(): u for u in self.context.units}
        self.previous = None if self.context.previous is None else _previous_index(self.context.previous)
        self.keep_findings = keep_findings
        self.rows: list[UnitRow] = []

    def add(self, plan: PlanResult) -> UnitRow:
        key = _unit_key(plan, self.registry)
        row = unit_row(plan, len(self.rows), self.items, self.registry[key] if key else None, self.previous)
        if not self.keep_findings:
            row.plan = plan.model_copy(update={"findings": []})
        self.rows.append(row)
        return row

    def desk(self) -> Desk:
        kept: dict[str, UnitRow] = {}
        dups: dict[str, list[UnitRow]] = {}
        rows: list[UnitRow] = []
        unplaced: list[tuple[int, PlanResult]] = []
        for row in self.rows:
            key = _unit_key(row.plan, self.registry)
            if key is None:
                if row.plan.status == "checked" or row.plan.unit:
                    rows.append(row)
                else:
                    unplaced.append((row.index, row.plan))
            elif key in kept:
                dups.setdefault(key, [kept[key]]).append(row)
                if _later(kept[key].plan, row.plan):
                    kept[key] = row
            else:
                kept[key] = row
        duplicates = []
        for key, same in dups.items():
            winner = kept[key]
            winner.superseded = [r.plan for r in same if r is not winner]
            dates = {r.plan.facts.date for r in same if r.plan.facts and r.plan.facts.date}
            duplicates.append(Duplicate(self.registry[key]["name"], winner.plan, winner.superseded,
                                        by_date=len(dates) > 1))
        rows += kept.values()
        rows.sort(key=lambda r: (not r.in_registry, squash(r.unit), r.index))
        checked = {key for key, row in kept.items() if row.plan.status == "checked"}
        missing = [u for key, u in self.registry.items() if key not in checked]
        return Desk(items=self.items, rows=rows, expected=list(self.context.units), missing=missing,
                    duplicates=duplicates, unplaced=unplaced, has_previous=self.previous is not None)


def build(report: Report) -> Desk:
    """The desk of a whole report (its ``units`` and ``previous`` as the context)."""
    collector = Collector(report.rules, DeskContext(list(report.units), report.previous), keep_findings=True)
    for p in report.plans:
        collector.add(p)
    return collector.desk()


def unit_row(plan: PlanResult, index: int, items: list[Item], unit: dict[str, str] | None,
             previous: dict[str, PlanResult] | None = None) -> UnitRow:
    """One plan's row."""
    name = unit["name"] if unit else (plan.unit or Path(plan.path).name)
    row = UnitRow(unit=name, plan=plan, index=index, cells=cells_of(plan, items), in_registry=unit is not None,
                  code=unit.get("code", "") if unit else "", counts=plan.counts())
    if previous is not None:
        old = previous.get(_round_key(plan))
        if old is not None and plan.status == "checked":
            from checker.diff import classify  # --previous only

            fixed, added, remaining = classify(list(old.findings), list(plan.findings))
            row.round = Round(len(fixed), len(added), len(remaining), old.path, tuple(added))
    return row


def _round_key(plan: PlanResult) -> str:
    """Plans of two rounds are paired by unit, or by file name when the unit is not known."""
    return "unit:" + plan.unit.casefold() if plan.unit else "file:" + Path(plan.path).name.lower()


def _previous_index(plans: list[PlanResult]) -> dict[str, PlanResult]:
    out: dict[str, PlanResult] = {}
    for p in plans:
        key = _round_key(p)
        if key not in out or _later(out[key], p):
            out[key] = p
    return out


def load_previous(path: Path) -> list[PlanResult]:
    """The plans of an earlier JSON report (``check --format json``): what the last round found."""
    where = "plans"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        out: list[PlanResult] = []
        for i, p in enumerate(data["plans"]):
            where = f"plans[{i}]"
            findings: list[Finding] = []
            for j, f in enumerate(p.get("findings") or []):
                where = f"plans[{i}].findings[{j}]"
                findings.append(Finding.model_validate({k: v for k, v in f.items() if v is not None or k == "line"}))
            where = f"plans[{i}]"
            out.append(PlanResult(path=str(p["path"]), status=p.get("status", "checked"), unit=p.get("unit"),
                                  findings=findings))
        return out
    except OSError as exc:
        raise CheckerError(str(path), f"không đọc được kết quả đợt trước: {exc.strerror or exc}") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise CheckerError(str(path), f"{where}.{field}: {err['msg']} (cần báo cáo --format json của check)") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CheckerError(str(path), f"{where}: không phải báo cáo JSON của check (--format json): "
                                      f"{type(exc).__name__} {exc}") from None
