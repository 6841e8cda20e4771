"""The reviewer's desk over a whole city: one row per unit, cells that match what each plan says, the units that
sent nothing, the unit that sent two, the last round compared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_batch import city_batch, plan_text, registry_units, write_plan

from checker.errors import CheckerError
from checker.pipeline import check_paths
from checker.report import json_report
from checker.report.desk import Desk, build, load_previous
from checker.rules.loader import load_packs

LEFT_OUT = 3  # units of the registry that send nothing
# a defect → (item, status, the plan's figure in that cell or None)
CELLS = {
    "low-hoso": ("HP215-TGT-HOSO", "weaker", "tối thiểu 70%"),
    "hedged-hoso": ("HP215-TGT-HOSO", "weaker", "đạt 80% (phấn đấu)"),
    "low-hscv": ("HP215-TGT-HSCV", "weaker", "đạt 60%"),
    "no-kynangso": ("HP215-TGT-KYNANGSO", "missing", None),
    "no-giaiphap": ("HP215-SEC-GIAIPHAP", "missing", None),
    "no-congan": ("HP215-UNIT-CONGAN", "missing", None),
    "hailong-90": ("HP215-TGT-HAILONG", "weaker", "đạt 90%"),
}


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Every unit but three sends a plan (txt, md, docx); one unit sends a second, later one; one file is broken."""
    root = tmp_path_factory.mktemp("city")
    units = registry_units()
    sent = units[LEFT_OUT:]
    made = city_batch(root / "nop", sent, formats=("txt", "md", "docx"))
    name, utype, short = sent[0]
    later = write_plan(root / "nop" / "zz-ban-sua.txt", plan_text(utype, short, 900, 28))
    (root / "nop" / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    report = check_paths([root / "nop"], load_packs())
    return {"root": root, "made": made, "left_out": units[:LEFT_OUT], "twice": name, "later": later,
            "report": report, "desk": build(report)}


def test_one_row_per_unit_and_the_registry_is_the_list(city: dict[str, object]) -> None:
    desk = city["desk"]
    assert isinstance(desk, Desk)
    assert len(desk.expected) == len(registry_units()) == 114
    assert len(desk.rows) == 114 - LEFT_OUT
    assert len({r.unit for r in desk.rows}) == len(desk.rows)
    assert all(r.in_registry for r in desk.rows)


def test_cells_say_what_each_plan_says(city: dict[str, object]) -> None:
    desk = city["desk"]
    assert isinstance(desk, Desk)
    col = {it.id: k for k, it in enumerate(desk.items)}
    rows = {r.unit: r for r in desk.rows}
    checked = 0
    for g in city["made"]:  # type: ignore[attr-defined]
        if g.unit == city["twice"]:
            continue
        row = rows[g.unit]
        # "Phấn đấu 80%" replaces "Tối thiểu 70%" when a plan has both defects
        order = sorted(g.defects, key=lambda d: d == "hedged-hoso")
        expected_short = {CELLS[d][0]: CELLS[d] for d in order if d in CELLS}
        for item, k in col.items():
            cell = row.cells[k]
            if item in expected_short:
                _, status, figure = expected_short[item]
                assert cell.status == status, (g.path.name, item, cell)
                if figure:
                    assert cell.figure == figure
            elif g.defects == ():
                assert cell.status == "meets", (g.path.name, item, cell)
        if not g.defects:
            assert row.cells[col["HP215-TGT-HOSO"]].figure == "tối thiểu 85%"
            assert row.cells[col["HP215-TGT-HSCV"]].line is not None
        checked += 1
    assert checked == 114 - LEFT_OUT - 1


def test_summary_counts_and_chart_order(city: dict[str, object]) -> None:
    desk = city["desk"]
    assert isinstance(desk, Desk)
    totals = desk.totals()
    assert all(sum(t.values()) == len(desk.rows) for t in totals)
    worst = desk.weakest()
    assert worst and all(m + w > 0 for _, m, w in worst)
    assert [m + w for _, m, w in worst] == sorted((m + w for _, m, w in worst), reverse=True)
    hoso = next(t for it, t in zip(desk.items, totals, strict=True) if it.id == "HP215-TGT-HOSO")
    low = sum(1 for g in city["made"] if {"low-hoso", "hedged-hoso"} & set(g.defects)  # type: ignore[attr-defined]
              and g.unit != city["twice"])
    assert hoso["weaker"] == low


def test_units_that_sent_nothing_and_the_broken_file(city: dict[str, object]) -> None:
    desk = city["desk"]
    assert isinstance(desk, Desk)
    assert [u["name"] for u in desk.missing] == [name for name, _, _ in city["left_out"]]  # type: ignore[attr-defined]
    assert [Path(p.path).name for _, p in desk.unplaced] == ["hong.docx"]
    assert desk.unplaced[0][1].reason


def test_the_later_plan_of_a_unit_counts(city: dict[str, object]) -> None:
    desk = city["desk"]
    assert isinstance(desk, Desk)
    assert len(desk.duplicates) == 1
    d = desk.duplicates[0]
    assert d.unit == city["twice"] and d.by_date
    assert Path(d.kept.path) == city["later"]
    row = next(r for r in desk.rows if r.unit == city["twice"])
    assert row.plan is d.kept and [q.path for q in row.superseded] == [q.path for q in d.others]


def test_rounds_pair_units_and_count_fixed_new_remaining(tmp_path: Path) -> None:
    units = registry_units()[:2]
    (tmp_path / "r1").mkdir()
    (tmp_path / "r2").mkdir()
    (a_name, a_type, a_short), (b_name, b_type, b_short) = units
    write_plan(tmp_path / "r1" / "a.txt", plan_text(a_type, a_short, 1, 3, ("low-hoso", "no-congan")))
    write_plan(tmp_path / "r1" / "b.txt", plan_text(b_type, b_short, 2, 3))
    write_plan(tmp_path / "r2" / "a-v2.txt", plan_text(a_type, a_short, 1, 9, ("no-congan",)))
    write_plan(tmp_path / "r2" / "b-v2.txt", plan_text(b_type, b_short, 2, 9, ("low-hscv",)))
    packs = load_packs()
    old = tmp_path / "round1.json"
    old.write_text(json_report.render(check_paths([tmp_path / "r1"], packs)), encoding="utf-8")
    report = check_paths([tmp_path / "r2"], packs).model_copy(update={"previous": load_previous(old)})
    rows = {r.unit: r for r in build(report).rows}
    ra, rb = rows[a_name].round, rows[b_name].round
    assert ra is not None and (ra.fixed, ra.new, ra.remaining) == (1, 0, 1)
    assert rb is not None and (rb.fixed, rb.new, rb.remaining) == (0, 1, 0)
    assert [f.id for f in rb.new_findings] == ["HP215-TGT-HSCV"]


def test_a_bad_previous_file_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "old.json"
    bad.write_text('{"plans": [{"findings": 3}]}', encoding="utf-8")
    with pytest.raises(CheckerError) as exc:
        load_previous(bad)
    assert str(exc.value).startswith(f"{bad}: plans[0]") and "--format json" in str(exc.value)
    plan = write_plan(tmp_path / "p.txt", plan_text("xa", registry_units()[-1][2], 1, 3))
    done = subprocess.run([sys.executable, "-m", "checker", str(plan), "--previous", str(bad), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2 and str(bad) in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_previous_json_from_this_tool_round_trips(city: dict[str, object], tmp_path: Path) -> None:
    report = city["report"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(json_report.as_dict(report)), encoding="utf-8")  # type: ignore[arg-type]
    plans = load_previous(path)
    assert [(p.path, len(p.findings)) for p in plans] == [(p.path, len(p.findings))
                                                           for p in report.plans]  # type: ignore[attr-defined]


def test_the_plans_title_and_figures_are_made_safe_like_its_findings() -> None:
    from checker.clean import safe_result
    from checker.models import PlanFacts, PlanResult

    facts = PlanFacts(title="Kế hoạch\x07 chuyển đổi\nsố\u2028năm 2026", number="12/KH-UBND\r",
                      figures={"HP215-TGT-HOSO": "tối thiểu\x1b 70%\n"})
    safe = safe_result(PlanResult(path="a.txt", status="checked", facts=facts)).facts
    assert safe is not None
    assert safe.title == "Kế hoạch  chuyển đổi số năm 2026"
    assert safe.number == "12/KH-UBND"
    assert safe.figures == {"HP215-TGT-HOSO": "tối thiểu  70%"}


def test_a_plan_with_warnings_only_is_to_review_not_compliant(city: dict[str, object]) -> None:
    """The letter of a plan with warnings asks for corrections: the index must not call that plan compliant."""
    from checker.report.desk import verdict

    desk = city["desk"]
    assert isinstance(desk, Desk)
    seen = {verdict(r.plan.status, r.counts) for r in desk.rows}
    assert {"revise", "review", "complies"} <= seen
    for r in desk.rows:
        v = verdict(r.plan.status, r.counts)
        assert (v == "complies") == (r.plan.status == "checked" and not r.counts["error"] and not r.counts["warning"])
        assert (v == "review") == (r.plan.status == "checked" and not r.counts["error"] and r.counts["warning"] > 0)


def test_the_index_says_why_a_file_was_unreadable_without_naming_it_twice(city: dict[str, object],
                                                                           tmp_path: Path) -> None:
    from checker.models import Report
    from checker.report import html_report

    report = city["report"]
    assert isinstance(report, Report)
    broken = next(p for p in report.plans if p.status == "unreadable")
    assert broken.reason and broken.reason.startswith(broken.path + ": ")
    page = html_report.write(report, tmp_path).read_text(encoding="utf-8")
    why = broken.reason[len(broken.path) + 2:]
    assert page.count(why) == 2  # under the units that sent nothing, and in the list of files
    assert f"{broken.path}: {why}" not in page
