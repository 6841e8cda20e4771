"""Blind round 25b (tests/fixtures/blind-25b-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, 215's targets written in the office's own words beside look-alike targets
of other programmes (Đề án 06, the archive, administrative reform, a health station) with figures below 215's. The
reviewer's verdicts are tests/fixtures/blind-25b-expected.json, in the format of ../shared/plans-reviewed, scored here
as tests/test_plans_reviewed.py scores that folder (its ``verdict``), on the .txt plans and on the same plans laid out
as Word files the way offices type them (tests/layouts.py), and by the index (every defect at its line, nothing
else: helpers_blind ``round_tests``; a wrapped target at the line its quote begins, the .json at its figure's line).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests
from test_blind_plans_23b import _loud, _variant

from checker.rules.loader import LoadedPack

HONG_AN = "phuong-hong-an-chi-tieu-gop-cau-dat-chuan.txt"
VINH_AM = "xa-vinh-am-bieu-chi-tieu-lan-dat-chuan.txt"

test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans, test_plan_as_office_word = (
    round_tests("25b"))


# --------------------------------------------------------------------------- the first run's false alarms, fixed
@pytest.mark.parametrize(("words", "named"), [
    ("KH", True), ("Kế hoạch số", True), ("Đề án", True), ("QĐ", True), ("Tối thiểu", False), ("Trên", False),
    ("", False), ("Đạt", False),
])
def test_a_documents_type_before_a_number(words: str, named: bool) -> None:
    from checker.conventions import names_a_document

    assert names_a_document(words) is named


@pytest.mark.parametrize(("old", "new"), [
    ("Năm 2025\tCăn cứ", "Năm 2025\tCăn cứ"),  # the plan as written
    ("Năm 2025\tCăn cứ", "Năm 2025\tVăn bản giao"),
])
def test_a_column_of_the_rows_sources_gives_no_figure(old: str, new: str, tmp_path: Path,
                                                       packs: list[LoadedPack]) -> None:
    """The Biểu's last column names the document each row comes from ("KH 215", "Đề án 06"): a document's number
    after its type (rules/conventions.yaml ``document_types``), never a figure read with the row's "%" (before: seven
    warnings "Cột chỉ tiêu thành phố giao ghi sai văn bản chỉ đạo: KH 215% so với …")."""
    path = _variant(tmp_path, VINH_AM, 70, old, new)
    assert [f for f in _loud(path, packs) if f[0] != "HP215-TGT-HAILONG"] == []
    lines = (PLANS / VINH_AM).read_text(encoding="utf-8").split("\n")
    lines[80] = lines[80].replace("KH 215", "QĐ 215")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [f for f in _loud(path, packs) if f[0] != "HP215-TGT-HAILONG"] == []


@pytest.mark.parametrize("patient", ["người bệnh tại Trạm Y tế phường", "bệnh nhân tại Trạm Y tế phường",
                                     "người dân khi khám, chữa bệnh tại Trạm Y tế"])
def test_a_health_stations_satisfaction_is_not_215s(patient: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"mức độ hài lòng của người bệnh tại Trạm Y tế phường đạt 88%", "người dân" earlier in its sentence (the e-ID
    look-alike): the health sector's indicator (rules/215-KH-UBND.yaml HP215-TGT-HAILONG ``exclude``), not 215's
    satisfaction with administrative procedures (before: "Chỉ tiêu ghi hai mức khác nhau: đạt 88% ở đây …")."""
    path = _variant(tmp_path, HONG_AN, 38, "người bệnh tại Trạm Y tế phường", patient)
    assert _loud(path, packs) == []


def test_215s_satisfaction_below_its_figure_still_found(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _variant(tmp_path, HONG_AN, 27, "không thấp hơn 92%", "không thấp hơn 85%")
    assert _loud(path, packs) == [("HP215-TGT-HAILONG", "weaker")]


@pytest.mark.parametrize(("old", "new", "want"), [
    ("80% (trừ", "80% (trừ", []),  # the plan as written: the work files are there, and met
    ("80% (trừ", "60% (trừ", [("HP215-TGT-HSCV", "weaker")]),
])
def test_the_work_files_named_with_the_documents(old: str, new: str, want: list[tuple[str, str]], tmp_path: Path,
                                                 packs: list[LoadedPack]) -> None:
    """"văn bản, hồ sơ của các phòng, đơn vị … luân chuyển hoàn toàn trên môi trường mạng, đạt tỷ lệ 80% (trừ văn
    bản, hồ sơ mật)": 215's work-files target in the words offices write it (rules/215-KH-UBND.yaml HP215-TGT-HSCV
    ``match``), read and measured (before: "Thiếu chỉ tiêu: Tỷ lệ hồ sơ công việc …")."""
    assert _loud(_variant(tmp_path, HONG_AN, 30, old, new), packs) == want


def test_the_archives_records_are_not_the_work_files(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The archive's records digitised onto electronic storage, in the same words ("hồ sơ, văn bản lưu trữ …
    trên môi trường điện tử đạt 40%"): another indicator (HP215-TGT-HSCV ``exclude``), no weaker work files."""
    path = _variant(tmp_path, HONG_AN, 37, "tỷ lệ hồ sơ lưu trữ của phường được số hóa đạt 40%",
                    "tỷ lệ hồ sơ, văn bản lưu trữ của phường được số hóa, quản lý trên môi trường điện tử đạt 40%")
    assert _loud(path, packs) == []


@pytest.mark.parametrize("variant", ["one-per-line-form", "docx-line-per-paragraph"])
def test_an_appendix_without_phu_luc_is_no_part_of_the_signature(variant: str, tmp_path: Path,
                                                                  packs: list[LoadedPack]) -> None:
    """The Biểu after the signature opens with its title in capitals over "(Kèm theo Kế hoạch số 87/KH-UBND …)", no
    "Phụ lục" line: the closing ends there (checker/ingest/layout.py ``_tail_zone``; rules/conventions.yaml
    ``appendix_of``), its table is not read as the signature's two columns (before: the rows' numbers set beside
    "TM. ỦY BAN NHÂN DÂN", every target of the table missing once the plan was laid out one block per line)."""
    from layouts import VARIANTS, blocks_of

    path = VARIANTS[variant](blocks_of(PLANS / VINH_AM), tmp_path)
    assert _loud(path, packs) == []
