"""Blind round 15b (tests/fixtures/blind-15b-expected.md: the verdicts written before the first run, and that run's
result; the files made by tests/fixtures/plans/word/make_round15b.py): round 14b's other offices' plan structures as
Word files, every number and bullet Word's own (numbering.xml: "Chương %1.", "Nhiệm vụ %1.", "Phần thứ %1." as a
list's level text, "%1)" letters, "–" bullets), headings marked only by bold or by a Heading style with no typed
number. Each .docx is checked as committed and as the .odt LibreOffice makes of it (skipped without LibreOffice).
What the round revealed, pinned on its own:

- a paragraph Word styles as a heading (Heading 2) with no number, an office's name over its duties in bullets, is a
  heading even though the text under it opens with a bullet (before: only a capital after it made it one; the
  offices were not parts at all);
- such an office's name as a sub-heading of the targets part ("III. NHIỆM VỤ, CHỈ TIÊU GIAO CÁC PHÒNG, ĐƠN VỊ") gives
  that office the points under it, as "1. Công an phường: …" does (before: Công an and Phòng Kinh tế, Hạ tầng và Đô
  thị reported not given their work);
- an office named before the lead column's word at a clause's opening ("(Văn phòng HĐND và UBND xã chủ trì)", "…;
  Công an xã chủ trì bảo đảm an ninh mạng, …": rules/conventions.yaml ``assignment_columns.lead``) is given that
  task, as "chủ trì: Công an xã" is (before: Công an reported not given the security work);
- a table's value cell is read after the label as "label: value": a count against a total at the cell's opening
  ("72/120 người") is a share, not a number after the label's last word ("… kỹ năng số 72/120", as "số 3/4" is);
  before: the target reported missing, and "54/120 người" (45%) not found weaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from test_blind_plans_5 import _loud
from test_blind_plans_8 import _plan_text, _save
from test_blind_word_round12 import _found, _path, made_by_office

from checker.ingest import read
from checker.parse import parse
from checker.parse.targets import targets_in_rows
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
SCRIPT = (PLANS / "word" / "make_round15b.py").read_text(encoding="utf-8")
# the plans the script names by their stem ("xa-ha-tay-…-word"), each as "-dat-chuan.docx" and "-loi.docx"
ROUND = [n for n in INDEX if f'"{n.removesuffix(".docx").removesuffix("-dat-chuan").removesuffix("-loi")}"' in SCRIPT]
FORMATS = ["docx", "odt"]


def test_round_plans_listed() -> None:
    assert len(ROUND) == 8 and sum(bool(INDEX[n]["compliant"]) for n in ROUND) == 4


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every plan in every format: the committed .docx, and the .odt LibreOffice makes of it."""
    return made_by_office("make_round15b", ROUND, lambda: tmp_path_factory.mktemp("round15b"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [n for n in ROUND if INDEX[n]["compliant"]])
def test_compliant_plan_silent(name: str, fmt: str, variants: dict[str, Path], packs: list[LoadedPack]) -> None:
    assert _found(_path(variants, name, fmt), packs) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [n for n in ROUND if not INDEX[n]["compliant"]])
def test_defective_plan_found_exactly(name: str, fmt: str, variants: dict[str, Path],
                                      packs: list[LoadedPack]) -> None:
    """The .docx: every defect at its paragraph and nothing else (a defect without a place: its id and kind); the
    .odt numbers its paragraphs as LibreOffice wrote them: the same findings by rule and kind."""
    found = _found(_path(variants, name, fmt), packs)
    want = sorted((d["id"], d["kind"], d.get("line")) for d in INDEX[name]["defects"])
    placed = sorted((i, k, line if (i, k, None) not in want else None) for i, k, line in found)
    if fmt == "docx":
        assert placed == want
    else:
        assert [(i, k) for i, k, _ in placed] == [(i, k) for i, k, _ in want]


# --------------------------------------------------------------------------- a plan organised by the offices
def test_unnumbered_heading_styles_are_the_offices_given_their_bullets() -> None:
    plan = parse(read(PLANS / "phuong-chu-van-an-theo-phong-ban-word-dat-chuan.docx"))
    heads = {s.title: s for s in plan.sections}
    offices = ["Văn phòng HĐND và UBND phường", "Trung tâm Phục vụ hành chính công phường", "Phòng Văn hóa - Xã hội",
               "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
    part = next(k for k, s in enumerate(plan.sections) if s.title.startswith("NHIỆM VỤ, CHỈ TIÊU"))
    assert all(heads[o].parent == part and heads[o].number == "" for o in offices)
    given = {a.unit: a.tasks for a in plan.assignments}
    assert any("an ninh thông tin mạng" in t for t in given["Công an phường"])
    assert any("bố trí kinh phí" in t for t in given["Phòng Kinh tế, Hạ tầng và Đô thị"])
    assert len(given["Trung tâm Phục vụ hành chính công phường"]) == 3


# --------------------------------------------------------------------------- the office before "chủ trì"
SECURITY = "4. Bảo đảm an toàn, an ninh thông tin mạng: phương án bảo đảm an toàn thông tin theo quy định."
POLICE = "3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin."


@pytest.mark.parametrize("task", [
    "4. Bảo đảm an toàn, an ninh thông tin mạng: phương án bảo đảm an toàn thông tin theo quy định; Công an xã chủ trì "
    "bảo đảm an ninh mạng, an toàn thông tin.",
    "4. Bảo đảm an toàn, an ninh thông tin mạng: phương án bảo đảm an ninh mạng, an toàn thông tin (Công an xã chủ "
    "trì).",
])
def test_an_office_named_before_chu_tri_is_given_the_task(tmp_path: Path, packs: list[LoadedPack], task: str) -> None:
    text = _plan_text(tmp_path)
    assert text.count(SECURITY) == 1 and text.count(POLICE) == 1
    pointed = "3. Công an xã thực hiện các nhiệm vụ được giao tại mục II."
    assert _loud(check_file(_save(tmp_path, text.replace(SECURITY, task).replace(POLICE, pointed)),
                            packs).findings) == []
    # the police named nowhere with its work: still found
    found = _loud(check_file(_save(tmp_path, text.replace(POLICE, pointed)), packs).findings)
    assert [(i, k) for i, k, _ in found] == [("HP215-UNIT-CONGAN", "missing")]


# --------------------------------------------------------------------------- a count in a table's value cell
def _rows(value: str) -> list[list[tuple[str, int]]]:
    return [[("TT", 1), ("Chỉ tiêu", 1), ("Phường thực hiện", 1)],
            [("1", 2), ("Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số", 2), (value, 2)]]


@pytest.mark.parametrize(("value", "share"), [("72/120 người", 60.0), ("54/120 người", 45.0), ("Tối thiểu 60%", 60.0)])
def test_a_count_in_a_value_cell_is_a_share(value: str, share: float) -> None:
    found = targets_in_rows(_rows(value), {})
    assert [t.value for t in found] == [share]


# --------------------------------------------------------------------------- the offices' names as lines of text
OFFICES = ("1. Phòng Văn hóa - Xã hội: cơ quan đầu mối, chủ trì, tham mưu, tổng hợp, báo cáo.\n"
           "2. Phòng Kinh tế: tham mưu bố trí kinh phí.\n"
           "3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin.\n"
           "4. Văn phòng HĐND và UBND xã: quản lý văn bản, điều hành.\n"
           "5. Trung tâm Phục vụ hành chính công xã: dịch vụ công trực tuyến.\n")
AS_HEADINGS = ("Phòng Văn hóa - Xã hội\n– Là cơ quan đầu mối, chủ trì, tham mưu, tổng hợp, báo cáo.\n"
               "Phòng Kinh tế\n– Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
               "Công an xã\n– Chủ trì bảo đảm an ninh mạng, an toàn thông tin.\n"
               "Văn phòng HĐND và UBND xã\n– Quản lý văn bản, điều hành.\n"
               "Trung tâm Phục vụ hành chính công xã\n– Dịch vụ công trực tuyến.\n")


def test_an_offices_name_over_its_bullets_is_a_heading_in_text(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The plan organised by offices as a text or a PDF gives it (Word's Heading 2 lost): the office's name alone
    on its line, its duties in "–" bullets under it."""
    text = _plan_text(tmp_path)
    assert text.count(OFFICES) == 1
    path = _save(tmp_path, text.replace(OFFICES, AS_HEADINGS))
    plan = parse(read(path))
    assert {"Phòng Kinh tế", "Công an xã"} <= {s.title for s in plan.sections}
    assert _loud(check_file(path, packs).findings) == []
