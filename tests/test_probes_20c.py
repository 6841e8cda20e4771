"""Round 20c: the same plan written another way (tests/fixtures/probes-20c.md: each rewrite, the plans it was tried
on, false alarms and misses before and after). What the rewrites revealed, pinned on text of its own:

- "Đến hết năm 2025, xã bảo đảm toàn bộ thủ tục hành chính …, trong đó tối thiểu 85% hồ sơ …": all of them in words
  after the plan's own unit committing to it ("xã bảo đảm", "UBND phường … cam kết") opens a target, as "xã bảo đảm
  100% thủ tục …" does (before: not read, the next figure's words taken from the clause's start: both targets
  reported missing);
- "gần toàn bộ kết quả …" is nearly all, an estimate, as "gần 100%" is (before: read as all of them);
- a date in words inside a bracketed note over the header ("(Bản trình lãnh đạo … lần 3, ngày 19 tháng 9 năm 2025)")
  is the note's, not the plan's (before: taken as the plan's date, the blank "ngày    tháng 9 năm 2025" of the draft
  under it not reported);
- a table's figure cell with its percent in words ("100 phần trăm", "Tối thiểu 85 phần trăm"), as a Word table taken
  out one cell to a line gives it, is a figure's cell, as "100%" is (before: not one, the table not read, every target
  in it reported missing);
- points grouped under a point of a list above them ("- Về thủ tục hành chính và dịch vụ công trực tuyến:" over "+ 100%
  thủ tục đủ điều kiện …", the "-" and "+" that offices nest) carry the group's subject, as under a lettered heading
  "a) Về …:" (before: "100% thủ tục đủ điều kiện …" not the DVCTT target, reported missing);
- "dưới dạng" (in the form of), "trên địa bàn" are prepositions, not comparators: a form's "Nội dung: Thủ tục … được
  cung cấp dưới dạng DVCTT toàn trình. Mức: 100%." is 100% (before: with the subject abbreviated, "dưới" close
  enough to the level's label to be read as the lead-in's "below": 'dưới 100%', an error);
- a table of the documents cited with its "Ngày ban hành" cell in words ("8 tháng 4 năm 2021", "ngày 8 tháng 4 năm
  2021") gives the citation its date, as "08/4/2021" does (before: no date read, a wrong year not reported).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.targets import _label, matches
from checker.ingest import read
from checker.ingest.layout import cell_figure
from checker.parse import parse
from checker.parse.targets import lead_comparator, targets_in_text
from checker.rules.loader import LoadedPack
from checker.text import fold


def _targets(text: str) -> list[tuple[float, str, bool, str]]:
    return [(t.value, t.comparator, t.implicit, t.text.split()[0]) for t in
            targets_in_text(text, [(0, 1)], 0, year_from=2025)]


@pytest.mark.parametrize("subject", ["phường bảo đảm", "UBND xã Tân Liên cam kết thực hiện", "đặc khu đạt"])
def test_all_in_words_after_the_units_commitment_opens_a_target(subject: str) -> None:
    text = (f"Đến hết năm 2025, {subject} toàn bộ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực "
            "tuyến toàn trình, trong đó tối thiểu 85% hồ sơ được xử lý trực tuyến toàn trình.")
    assert [t[:3] for t in _targets(text)] == [(100.0, ">=", True), (85.0, ">=", False)]


def test_all_in_words_after_another_subject_is_not_a_target() -> None:
    """The words before it name something else: "toàn bộ" is no target's opening there."""
    text = ("Đến hết năm 2025, doanh nghiệp viễn thông hỗ trợ toàn bộ thiết bị cho bộ phận một cửa, trong đó tối "
            "thiểu 85% hồ sơ được xử lý trực tuyến toàn trình.")
    assert [t[:3] for t in _targets(text)] == [(85.0, ">=", False)]


def test_nearly_all_in_words_is_an_estimate() -> None:
    text = "Năm 2025, gần toàn bộ kết quả giải quyết được số hóa, trên 92% văn bản được ký số."
    assert [t[:2] for t in _targets(text)] == [(100.0, "~"), (92.0, ">")]


NOTE_OVER_DRAFT = """DỰ THẢO
(Bản trình lãnh đạo Ủy ban nhân dân phường cho ý kiến, lần 2, ngày 19 tháng 9 năm 2025)

ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HẢI AN                                 Độc lập - Tự do - Hạnh phúc
Số:      /KH-UBND                             Hải An, ngày      tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số năm 2025

I. MỤC TIÊU
"""


@pytest.mark.parametrize("note", ["lần 2", "lần 2 (sau góp ý của Văn phòng)"])
def test_a_notes_date_in_brackets_is_not_the_plans(tmp_path: Path, note: str) -> None:
    """Also where the note holds a bracket of its own before the date: the brackets are counted, not only the last
    one opened looked for."""
    path = tmp_path / "du-thao.txt"
    path.write_text(NOTE_OVER_DRAFT.replace("lần 2", note), encoding="utf-8")
    header = parse(read(path)).header
    assert (header.date_line, header.date_blank, header.date) == (6, True, None)


@pytest.mark.parametrize("cell", ["100 phần trăm", "Tối thiểu 85 phần trăm", "Trên 90 Phần trăm", "80 o/o"])
def test_a_cell_with_its_percent_in_words_is_a_figures(cell: str) -> None:
    assert cell_figure(cell) and cell_figure(cell.replace("phần trăm", "%").replace("Phần trăm", "%"))


@pytest.mark.parametrize("cell", ["phần trăm", "Tỷ lệ phần trăm hồ sơ", "Năm 2025 phần trăm"])
def test_words_about_percent_are_no_figure(cell: str) -> None:
    assert not cell_figure(cell)


GROUPED = """I. MỤC TIÊU
1. Chỉ tiêu cụ thể đến hết năm 2025
- Về thủ tục hành chính và dịch vụ công trực tuyến:
   + 100% thủ tục đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình;
   + Tối thiểu 85% hồ sơ được xử lý trực tuyến toàn trình.
- Về an toàn thông tin:
   + 100% hệ thống thông tin được phê duyệt cấp độ.
"""


def test_points_carry_their_groups_subject(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "nhom.txt"
    path.write_text(GROUPED, encoding="utf-8")
    plan = parse(read(path))
    first, second, third = plan.targets
    assert (first.group, second.group, third.group) == (
        "Về thủ tục hành chính và dịch vụ công trực tuyến",) * 2 + ("Về an toàn thông tin",)
    rule = next(r for p in packs for r in p.pack.rules if r.id == "HP215-TGT-DVCTT")
    assert not matches(rule, first.text) and matches(rule, f"{_label(plan, first)} {first.text}")


@pytest.mark.parametrize("lead", ["Thủ tục đủ điều kiện được cung cấp dưới dạng DVCTT, mức",
                                  "Hồ sơ trên địa bàn xã được xử lý trực tuyến đạt mức",
                                  "Trên cơ sở chỉ tiêu giao, xã đăng ký các mức"])
def test_a_preposition_is_no_lists_comparator(lead: str) -> None:
    assert lead_comparator(fold(lead)) in (None, "=")


def test_a_comparator_before_the_levels_still_is() -> None:
    assert lead_comparator(fold("Trên địa bàn xã, bảo đảm đạt tối thiểu các mức sau")) == ">="


CITED = """ỦY BAN NHÂN DÂN
XÃ HÀ TÂY
Số: 91/KH-UBND                                Hà Tây, ngày 16 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số năm 2025

Căn cứ các văn bản sau đây:
STT\tSố, ký hiệu\tNgày ban hành\tCơ quan ban hành
1\tNghị định số 45/2020/NĐ-CP\t{date}\tChính phủ
2\tKế hoạch số 215/KH-UBND\t25/8/2025\tUBND thành phố Hải Phòng

I. MỤC TIÊU
"""


@pytest.mark.parametrize("written", ["8 tháng 4 năm 2021", "ngày 08 tháng 4 năm 2021", "08/4/2021"])
def test_a_cited_documents_date_cell_in_words(tmp_path: Path, written: str) -> None:
    path = tmp_path / "can-cu.txt"
    path.write_text(CITED.format(date=written), encoding="utf-8")
    refs = [r for r in parse(read(path)).references if r.number.startswith("45/2020")]
    assert [str(r.date) for r in refs] == ["2021-04-08"]


CONTENTS = """\
II. NHIỆM VỤ
- Hạ tầng số
Duy trì hội nghị truyền hình trực tuyến của phường.
- An toàn, an ninh thông tin mạng
Phương án bảo đảm an toàn hệ thống thông tin theo cấp độ.
- Đào tạo, tuyên truyền và phát triển nguồn nhân lực
Mở lớp cho cán bộ, công chức của phường.
"""


def test_a_content_part_titled_by_a_point_alone_on_its_line(packs: list[LoadedPack]) -> None:
    """The contents written as points with nothing after their titles ("- An toàn, an ninh thông tin mạng", its
    text on the line below), as offices write "a) Hạ tầng số" with a dash (the lead's probe after the round: one
    compliant plan so rewritten gave two contents missing, errors): the point's title names the part."""
    from checker.checks.structure import section_line
    from checker.ingest.txt import lines_of
    from checker.models import Document

    plan = parse(Document(path="t.txt", format="txt", lines=lines_of(CONTENTS)))
    rules = {r.id: r for p in packs for r in p.pack.rules}
    for rule_id in ("HP215-SEC-ATTT", "HP215-SEC-NHANLUC"):
        assert section_line(plan, rules[rule_id]) is not None, rule_id  # type: ignore[arg-type]
    # a sentence after a dash is no title: "- Bảo đảm an toàn thông tin cho hệ thống." names no part
    told = parse(Document(path="t.txt", format="txt", lines=lines_of(
        "II. NHIỆM VỤ\n- Duy trì hạ tầng mạng nội bộ.\n- Kiểm tra định kỳ, báo cáo kết quả.\n")))
    assert section_line(told, rules["HP215-SEC-ATTT"]) is None  # type: ignore[arg-type]
