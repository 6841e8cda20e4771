"""Blind round 23e (tests/fixtures/blind-23e-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans typed in Word (tests/fixtures/plans/word/make_round23e.py): header and
signature in borderless tables with merged cells, parts and points numbered by Word's multilevel list, targets in a
Word table with a two-row merged header, the city's column beside the plan's, each figure a run of its own. The
first run was exact; probes of the same plans as other typists leave them (headers renamed, columns swapped, cells
merged, symbols for the comparators, the header rows repeated, Nơi nhận with Shift+Enter) found:

- a unit-of-measure cell that writes the percent sign with its words ("Tỷ lệ %", "Tỷ lệ (%)", "Phần trăm") left
  the row's bare figures ("100", "Tối thiểu 80") without their sign: every target of Tiên Minh's table was reported
  missing (parse.targets._percent_written_once; ``percent_units`` in rules/conventions.yaml);
- the plan's own cell left empty beside the city's figure was read as adopting the city's figure: a Word or
  OpenDocument table's empty cell is a cell of its own (a paragraph no other cell shares; a cell merged down holds
  the text above it), so the plan set no figure there (parse.targets._left_empty).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import _Cell
from helpers_blind import INDEX, PLANS, loud, want

from checker.rules.loader import LoadedPack

STEMS = ("phuong-hong-an-bang-muc-tieu", "xa-truong-tan-phu-luc-chi-tieu", "xa-tien-minh-cot-dvt")
ROUND = sorted(n for n in INDEX if n.startswith(STEMS))
GOOD = [n for n in ROUND if INDEX[n]["compliant"]]
BAD = [n for n in ROUND if not INDEX[n]["compliant"]]


def test_round_plans_listed() -> None:
    assert len(ROUND) == 6 and len(GOOD) == 3
    assert sum(len(INDEX[n]["defects"]) for n in BAD) == 9


@pytest.mark.parametrize("name", GOOD)
def test_compliant_plan_silent(name: str, packs: list[LoadedPack]) -> None:
    assert loud(PLANS / name, packs) == set()


@pytest.mark.parametrize("name", BAD)
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    assert loud(PLANS / name, packs) == want(name)


def _write(cell: _Cell, text: str) -> None:
    """``cell`` holding ``text`` alone: one paragraph (its format kept), one run."""
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    paragraph = cell.paragraphs[0]
    for run in paragraph._p.findall(qn("w:r")):
        paragraph._p.remove(run)
    paragraph.add_run(text)


def _retyped(tmp_path: Path, name: str, column: int, old: str, new: str) -> Path:
    """``name`` with every cell of the targets table's ``column`` that reads ``old`` retyped ``new``."""
    doc = docx.Document(str(PLANS / name))
    table = max(doc.tables, key=lambda t: len(t.rows))
    changed = 0
    for row in table.rows:
        if row.cells[column].text == old:
            _write(row.cells[column], new)
            changed += 1
    assert changed, (name, old)
    path = tmp_path / name
    doc.save(str(path))
    return path


@pytest.mark.parametrize("unit", ["Tỷ lệ %", "Tỷ lệ (%)", "Phần trăm", "(%)"])
def test_percent_sign_in_a_unit_of_measure_cell_with_words(unit: str, tmp_path: Path,
                                                          packs: list[LoadedPack]) -> None:
    """Tiên Minh's ĐVT column says "Tỷ lệ %" (not "%" alone) beside bare figures ("100", "Tối thiểu 80", "Trên
    90"): the figures are percentages, as with "%"; the compliant plan stays silent, the defective one's "85"
    beside "Trên 90" is still weaker."""
    for name in ("xa-tien-minh-cot-dvt-dat-chuan.docx", "xa-tien-minh-cot-dvt-loi.docx"):
        assert loud(_retyped(tmp_path, name, 2, "%", unit), packs) == want(name), (unit, name)


def test_an_empty_own_cell_beside_the_citys_figure_is_a_missing_target(tmp_path: Path,
                                                                       packs: list[LoadedPack]) -> None:
    """Hồng An's satisfaction cell left empty beside the city's "Trên 90%": the ward set no figure, the target is
    missing (a Word table's empty cell is a paragraph of its own; a cell merged down holds the text above)."""
    path = _retyped(tmp_path, "phuong-hong-an-bang-muc-tieu-dat-chuan.docx", 3, "Trên 92%", "")
    assert ("HP215-TGT-HAILONG", "missing") in {k[:2] for k in loud(path, packs)}


def _merged(tmp_path: Path, name: str, first: tuple[int, int], last: tuple[int, int]) -> Path:
    """``name`` with the targets table's cells from ``first`` to ``last`` (row, column) merged, the top-left text
    kept once."""
    doc = docx.Document(str(PLANS / name))
    table = max(doc.tables, key=lambda t: len(t.rows))
    text = table.cell(*first).text
    _write(table.cell(*first).merge(table.cell(*last)), text)
    path = tmp_path / name
    doc.save(str(path))
    return path


@pytest.mark.parametrize("span", [((2, 2), (2, 3)), ((6, 3), (7, 3))], ids=["across", "down"])
def test_a_merged_figure_cell_is_no_empty_one(span: tuple[tuple[int, int], tuple[int, int]], tmp_path: Path,
                                              packs: list[LoadedPack]) -> None:
    """Hồng An's "100%" written once for the city and the ward (the DVCTT row's two figure cells merged across),
    or once for two rows (the reports' and the digitised results' ward cells merged down): no cell left empty."""
    path = _merged(tmp_path, "phuong-hong-an-bang-muc-tieu-dat-chuan.docx", *span)
    assert loud(path, packs) == set()
