"""Four limits of how a plan's targets were read, each on a plan of the fixtures changed as another office writes:

- a vague quantity in a targets table's level cell ("Phần lớn", "Đa số", "Cơ bản" in the column "Chỉ tiêu của
  phường") is read as the same words opening a target in prose are: weaker than the directive's figure, at the
  row's line (before: "missing" where the row had no figure, or the city's column adopted where it had one);
- the city's targets recited in a part before the plan's targets ("1. BỐI CẢNH …": "Kế hoạch của thành phố đặt ra
  cho cấp xã … các chỉ tiêu … như sau:" over a list) are the city's, not the commune's: a target the commune sets
  no figure for is missing (before: the recited figure stood as the commune's). The rule chosen: the parent's
  figures restated (a lead-in that names the parent with an attribution word and no word by which the plan takes
  them on, rules/conventions.yaml ``restated_parent``, ``restated_not``, now on a list's lead-in line as in one
  sentence) count as the plan's own only in its targets part, where giving the city's targets is how a plan takes
  them on; a plan that adopts them anywhere ("xã phấn đấu đạt các chỉ tiêu như Kế hoạch 215 đã giao …:",
  "xã thực hiện các chỉ tiêu sau:") is judged by them. "đặt ra" is no "đạt" ("restated_not"): compared with
  diacritics where the text keeps them;
- a list's lead-in carrying a comparator ("…, xã bảo đảm đạt tối thiểu các mức sau:") gives it to every bare figure
  of its points ("- Hồ sơ …: 80%"), on their own lines as in the same sentence (rules/conventions.yaml
  ``list_levels``); not "Trên cơ sở …" ("on") nor "các chỉ tiêu cao hơn như sau:" (higher than the city's); a
  "phấn đấu" in a lead-in on its own line hedges none of the points, as the compliant plans of the fixtures write
  it ("Đến hết năm 2025, xã phấn đấu hoàn thành toàn bộ chỉ tiêu thành phố giao:");
- "đầy đủ" is not read as 100%: see ``test_day_du_is_not_a_quantity``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rewrites import KINDS, _sub
from test_targets_vague import _loud

from checker.ingest import read
from checker.parse import parse
from checker.parse import targets as reader
from checker.parse.targets import targets_in_text
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.text import fold

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
TABLE = PLANS / "phuong-gia-vien-markdown-bang.md"
RECITED = PLANS / "xa-thuong-hong-nhac-chi-tieu-thanh-pho-dat-chuan.txt"
RECITED_DEFECTIVE = PLANS / "xa-thuong-hong-nhac-chi-tieu-thanh-pho-loi.txt"
CITY_LEAD = "Kế hoạch của thành phố đặt ra cho cấp xã, phường, đặc khu các chỉ tiêu chủ yếu đến hết năm 2025 như sau:"
OWN_LEAD = "xã Thượng Hồng bảo đảm đạt tối thiểu các mức sau:"
OWN_SKILLS = "- Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số: 55%."


def _changed(tmp_path: Path, source: Path, *pairs: tuple[str, str]) -> Path:
    """``source`` with each ``old`` replaced by ``new`` (each written once in it)."""
    text = source.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 1. a vague quantity in a table cell

SKILLS_ROW = "| Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số | Tối thiểu 70% |"


@pytest.mark.parametrize(("cell", "hedged"), [("Phần lớn", False), ("Đa số", False), ("Cơ bản", True),
                                              ("Phấn đấu phần lớn", True)])
@pytest.mark.parametrize("city_column", [True, False], ids=["beside-the-city-figure", "alone"])
def test_a_vague_table_cell_reads_as_prose(tmp_path: Path, packs: list[LoadedPack], cell: str, hedged: bool,
                                           city_column: bool) -> None:
    text = TABLE.read_text(encoding="utf-8").replace(SKILLS_ROW, SKILLS_ROW.replace("Tối thiểu 70%", cell))
    if not city_column:  # the table without its column "Chỉ tiêu thành phố giao" (the fourth)
        text = "\n".join("|".join(c for k, c in enumerate(ln.split("|")) if k != 4) if ln.startswith("|") else ln
                          for ln in text.split("\n"))
        assert "Chỉ tiêu thành phố giao" not in text and "Tối thiểu 50%" not in text
    path = tmp_path / TABLE.name
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(next(ln for ln in text.split("\n") if f"| {cell} |" in ln)) + 1
    findings = check_file(path, packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error", line)]
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert f.actual == cell and f"'{cell}'" in f.message  # as prose: "Chỉ tiêu chỉ ghi 'Phần lớn', ..."
    (t,) = [t for t in parse(read(path)).targets if t.vague]
    assert (t.vague, t.hedged, t.reference_value) == (cell, hedged, 50 if city_column else None)


def test_a_vague_word_in_prose_gives_the_same_finding(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The row's level written as a point of the plan's targets: the same finding."""
    prose = _changed(tmp_path, RECITED, (OWN_SKILLS, "- Phần lớn cán bộ, công chức, viên chức được tập huấn, bồi "
                                                     "dưỡng kỹ năng số."))
    findings = check_file(prose, packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error", 31)]
    assert [f.actual for f in findings if f.id == "HP215-TGT-KYNANGSO"] == ["Phần lớn"]


def test_words_in_a_level_cell_that_are_no_quantity(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Theo quy định" beside the city's figure adopts it, as before; "Cơ bản hoàn thành" is a hedged 100%."""
    path = _changed(tmp_path, TABLE, (SKILLS_ROW, SKILLS_ROW.replace("Tối thiểu 70%", "Theo quy định")))
    assert _loud(check_file(path, packs).findings) == []
    path = _changed(tmp_path, TABLE, (SKILLS_ROW, SKILLS_ROW.replace("Tối thiểu 70%", "Cơ bản hoàn thành")))
    assert _loud(check_file(path, packs).findings) == [("HP215-TGT-KYNANGSO", "weaker", "warning", 27)]


# --------------------------------------------------------------------------- 2. the city's figures recited


def test_recited_city_figure_is_not_the_communes(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = parse(read(RECITED))
    assert sorted(t.line for t in plan.targets if t.restated) == [13, 14, 15, 16, 17]
    path = _changed(tmp_path, RECITED, (OWN_SKILLS + "\n", ""))
    findings = check_file(path, packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "missing", "error", 20)]
    # the figure the user sees at line 17 is named, and why it is not the commune's
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert f.message.endswith("; dòng 17 chỉ nhắc lại chỉ tiêu cấp trên giao (tối thiểu 50%), Kế hoạch chưa tự đặt "
                              "chỉ tiêu này")


@pytest.mark.parametrize("lead", ["Xã Thượng Hồng phấn đấu đạt các chỉ tiêu như Kế hoạch 215 đã giao cho cấp xã "
                                  "đến hết năm 2025 như sau:", "Xã Thượng Hồng thực hiện các chỉ tiêu sau:"],
                         ids=["phan-dau-nhu-da-giao", "thuc-hien"])
def test_city_figures_adopted_are_the_communes(tmp_path: Path, packs: list[LoadedPack], lead: str) -> None:
    path = _changed(tmp_path, RECITED, (OWN_SKILLS + "\n", ""), (CITY_LEAD, lead))
    assert not any(t.restated for t in parse(read(path)).targets)
    assert _loud(check_file(path, packs).findings) == []


def test_city_figures_given_in_the_targets_part_stay_the_plans(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The targets part itself gives the city's figures ("Kế hoạch số 215/KH-UBND của thành phố giao các chỉ tiêu
    sau:" over the list): the plan takes them on there, as before."""
    lead = "Trên cơ sở chỉ tiêu thành phố giao và điều kiện thực tế, " + OWN_LEAD
    path = _changed(tmp_path, RECITED, (lead, "Kế hoạch số 215/KH-UBND của thành phố giao các chỉ tiêu sau:"))
    assert all(t.restated for t in parse(read(path)).targets if t.line is not None and 25 <= t.line <= 31)
    assert _loud(check_file(path, packs).findings) == []


def test_the_defective_twin_quotes_no_recited_figure_as_the_plans(packs: list[LoadedPack]) -> None:
    """The lowered figures of the defective twin: no "ở dòng 17, Kế hoạch ghi tối thiểu 50%" (the city's figure,
    recited), and the lead-in's "tối thiểu" read with the point's "40%"."""
    findings = {f.id: f for f in check_file(RECITED_DEFECTIVE, packs).findings}
    assert findings["HP215-TGT-KYNANGSO"].actual == "tối thiểu 40%"
    assert "dòng 17" not in findings["HP215-TGT-KYNANGSO"].message
    assert "dòng 14" not in findings["HP215-TGT-HOSO"].message


# --------------------------------------------------------------------------- 3. a lead-in with a comparator


def test_a_lead_ins_comparator_applies_to_its_points() -> None:
    plan = parse(read(RECITED))
    own = {t.line: t.comparator for t in plan.targets if not t.restated and t.line in (27, 31)}
    assert own == {27: ">=", 31: ">="}
    listed = ("Xã bảo đảm đạt tối thiểu các mức sau: hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: 85%; "
              "hồ sơ công việc được xử lý trên môi trường mạng: 80%; mức độ hài lòng đạt trên 92%.")
    assert [(t.value, t.comparator) for t in targets_in_text(listed, [(0, 1)], None)] == [
        (85, ">="), (80, ">="), (92, ">")]


@pytest.mark.parametrize(("lead", "comparator"), [
    ("Trên cơ sở chỉ tiêu thành phố giao và điều kiện thực tế, xã bảo đảm đạt tối thiểu các mức sau:", ">="),
    ("Xã phấn đấu đạt và vượt các chỉ tiêu sau:", ">="),
    ("Trên cơ sở chỉ tiêu thành phố giao, xã xác định các chỉ tiêu sau:", None),  # "trên" is "on"
    ("Xã triển khai trên các lĩnh vực sau:", None),
    ("Trên cơ sở kết quả đã đạt được, phường đăng ký các chỉ tiêu cao hơn như sau:", None),  # than the city's
])
def test_which_lead_ins_carry_a_comparator(lead: str, comparator: str | None) -> None:
    assert reader.lead_comparator(fold(lead)) == comparator


def test_phan_dau_in_a_lead_in_hedges_no_point(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _changed(tmp_path, RECITED, (OWN_LEAD, OWN_LEAD.replace("bảo đảm đạt", "phấn đấu đạt")))
    assert not any(t.hedged for t in parse(read(path)).targets)
    assert _loud(check_file(path, packs).findings) == []


# --------------------------------------------------------------------------- 4. "đầy đủ"


def test_day_du_is_not_a_quantity() -> None:
    """"đầy đủ" stays no quantity. After a verb and before a noun it reads "fully, properly" of the action as often
    as "all" of the noun, in the same construction ("triển khai đầy đủ các nhiệm vụ", "cập nhật đầy đủ thông tin",
    "bố trí đầy đủ kinh phí" beside "bảo đảm đầy đủ chữ ký số cho cán bộ"): only the noun tells, and a task's
    "thực hiện đầy đủ chế độ báo cáo định kỳ …" read as 100% would hide a target the plan never sets."""
    assert targets_in_text("Bảo đảm đầy đủ chữ ký số cho cán bộ, công chức.", [(0, 1)], None) == []
    assert targets_in_text("Triển khai đầy đủ các nhiệm vụ thành phố giao.", [(0, 1)], None) == []


# --------------------------------------------------------------------------- the compliant plans in other words


COMPLIANT = [
    (RECITED, ((CITY_LEAD, "Xã Thượng Hồng thực hiện các chỉ tiêu sau:"), (OWN_SKILLS + "\n", ""))),
    (RECITED, ((OWN_LEAD, OWN_LEAD.replace("bảo đảm đạt", "phấn đấu đạt")),)),
    (TABLE, ((SKILLS_ROW, SKILLS_ROW.replace("Tối thiểu 70%", "Theo quy định")),)),
]


@pytest.mark.parametrize("k", range(len(COMPLIANT)))
@pytest.mark.parametrize("g", range(len(KINDS)))
def test_compliant_variants_in_other_words(tmp_path: Path, packs: list[LoadedPack], k: int, g: int) -> None:
    """Each compliant plan above in one wording of each kind of tests/test_rewrites.py (the wording chosen by the
    plan and the kind, as there)."""
    source, pairs = COMPLIANT[k]
    path = _changed(tmp_path, source, *pairs)
    pattern, replacement = KINDS[g][(k + g) % len(KINDS[g])]
    text = _sub(pattern, replacement, path.read_bytes().decode("utf-8"))
    path.write_bytes(text.encode("utf-8"))
    assert _loud(check_file(path, packs).findings) == [], f"{pattern} → {replacement}"
