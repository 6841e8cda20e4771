"""Plans written blind (before reading the checker), issue 8 part C: what they revealed, pinned.

- a hedge word that only opens the plan's time frame ("Phấn đấu đến hết năm 2025, xã X bảo đảm: 100% …") hedges
  none of the targets it introduces, as the directive's own "Mục tiêu cụ thể đến hết năm 2025" does; a hedge that
  opens a list ("Phấn đấu đạt các chỉ tiêu sau: …; …") hedges none of them either, in one paragraph as over lines;
- a sentence that opens with its figure ("… (trừ hồ sơ mật). 100% báo cáo …") is a clause of its own: the first
  target's exclusion does not leak into it;
- two Word plans as offices type them (header and signature as borderless tables, automatic numbering, a target
  table with the city column before the plan's, one paragraph of targets) give no false alarm.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.parse.targets import targets_in_text
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

docx = pytest.importorskip("docx")


def _targets(text: str) -> list[tuple[float, bool, list[str]]]:
    return [(t.value, t.hedged, t.exclusions) for t in targets_in_text(text, [(0, 1)], None)]


def test_time_frame_lead_in_hedges_no_target() -> None:
    text = ("Phấn đấu đến ngày 31/12/2025, xã Bình Giang bảo đảm: 100% thủ tục hành chính đủ điều kiện được cung cấp "
            "dưới dạng dịch vụ công trực tuyến toàn trình; tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực "
            "tuyến toàn trình.")
    assert [h for _, h, _ in _targets(text)] == [False, False]
    assert [h for _, h, _ in _targets("Phấn đấu đến hết năm 2025, tối thiểu 88% hồ sơ được xử lý trực tuyến.")] == [
        False]


def test_hedge_on_the_figure_hedges_it() -> None:
    assert [h for _, h, _ in _targets("Phấn đấu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến.")] == [True]


def test_a_lists_lead_in_hedges_none_of_its_targets() -> None:
    """"Phấn đấu đạt các chỉ tiêu sau: …; …" is the plan's verb for its list, read as over the same targets set out on
    lines of their own, which no hedge reaches (left by round 21c: the one paragraph gave eight targets "weaker", the
    lines none); a hedge inside the list, on a figure, still hedges that figure."""
    listed = ("Phấn đấu đạt các chỉ tiêu sau: 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến; "
              "tối thiểu 85% hồ sơ được xử lý trực tuyến; phấn đấu 80% hồ sơ công việc được xử lý trên môi trường "
              "mạng.")
    assert [h for _, h, _ in _targets(listed)] == [False, False, True]


def test_a_hedged_lead_in_gives_the_same_verdict_in_one_paragraph_as_over_lines(packs: list[LoadedPack],
                                                                                tmp_path: Path) -> None:
    plan = Path(__file__).parent / "fixtures" / "plans" / "xa-an-hung-can-cu-nhieu-van-ban-dat-chuan.txt"
    lines = plan.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.endswith("xã phấn đấu đạt các chỉ tiêu sau:")) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    points = " ".join(lines[start:end]).split("+ ")[1:]
    paragraph = "; ".join(p.strip().rstrip(".") for p in points) + "."
    joined = tmp_path / plan.name
    joined.write_text("\n".join([*lines[:start], paragraph, *lines[end:]]), encoding="utf-8")

    def loud(path: Path) -> list[tuple[str, str]]:
        return sorted((f.id, f.kind) for f in check_file(path, packs).findings if f.severity in ("error", "warning"))

    assert loud(plan) == loud(joined) == []

def test_exclusion_stays_in_its_sentence() -> None:
    text = ("80% hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật). 100% báo cáo định kỳ về chỉ tiêu "
            "kinh tế - xã hội được thực hiện trên Hệ thống thông tin báo cáo của thành phố.")
    assert [(v, ex) for v, _, ex in _targets(text)] == [(80, ["hồ sơ mật"]), (100, [])]


def _cells(cell: object, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]  # type: ignore[attr-defined]
    for ln in lines[1:]:
        cell.add_paragraph(ln)  # type: ignore[attr-defined]


def _header(d: object, left: list[str], right: list[str]) -> None:
    t = d.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _cells(t.cell(0, 0), left)
    _cells(t.cell(0, 1), right)


_TASKS = [
    ("Hạ tầng số", "Duy trì hội nghị truyền hình trực tuyến, mạng truyền số liệu chuyên dùng, mạng LAN, thiết bị."),
    ("Phát triển Chính quyền số", "Sử dụng hệ thống quản lý văn bản và điều hành, bảo đảm trên 90% văn bản được ký "
     "số và xử lý trên môi trường mạng (trừ văn bản mật), trợ lý ảo rà soát văn bản; vận hành hệ thống giải quyết "
     "thủ tục hành chính, dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến, số hóa kết quả, ứng dụng Smart "
     "Hải Phòng."),
    ("Phát triển dữ liệu số", "Kết nối Kho dữ liệu dùng chung; số hóa hồ sơ chuyên ngành."),
    ("Bảo đảm an toàn, an ninh thông tin mạng", "Xác định cấp độ an toàn hệ thống thông tin; diễn tập."),
    ("Đào tạo, tuyên truyền, phát triển nguồn nhân lực", "Bồi dưỡng kỹ năng số; tuyên truyền chuyển đổi số."),
]


def _ward_with_target_table(path: Path, hoso: str = "Tối thiểu 85%") -> None:
    """Phường Lê Chân: typed Roman parts, sub-parts in Word's automatic numbering (List Number), a target table
    TT | Chỉ tiêu thành phố giao | Nội dung | Đơn vị tính | Kế hoạch của phường | Ghi chú, offices as bullets,
    KT. CHỦ TỊCH beside Nơi nhận in a borderless table."""
    d = docx.Document()
    _header(d, ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ CHÂN", "Số: 156/KH-UBND"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lê Chân, ngày 05 tháng 9 năm 2025"])
    for t in ["KẾ HOẠCH", "Ứng dụng công nghệ thông tin, chuyển đổi số trong các cơ quan nhà nước phường Lê Chân",
              "6 tháng cuối năm 2025",
              "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng về ứng dụng công nghệ "
              "thông tin và chuyển đổi số trong các cơ quan nhà nước thành phố 6 tháng cuối năm 2025, UBND phường Lê "
              "Chân ban hành Kế hoạch thực hiện như sau:", "I. MỤC TIÊU",
              "Mục tiêu chung: hoàn thành các chỉ tiêu chuyển đổi số thành phố giao cho phường.",
              "Chỉ tiêu cụ thể đến hết năm 2025 (chi tiết tại bảng dưới đây):"]:
        d.add_paragraph(t)
    rows = [
        ("TT", "Chỉ tiêu thành phố giao", "Nội dung chỉ tiêu", "Đơn vị tính", "Kế hoạch của phường", "Ghi chú"),
        ("1", "100%", "Thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình",
         "%", "100%", ""),
        ("2", "Tối thiểu 80%", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", hoso,
         "Cao hơn thành phố"),
        ("3", "75%", "Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)", "%", "80%", ""),
        ("4", "100%", "Báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên Hệ thống thông tin báo cáo "
         "của thành phố, kết nối Hệ thống thông tin báo cáo Chính phủ", "%", "100%", ""),
        ("5", "100%", "Kết quả giải quyết thủ tục hành chính được số hóa theo quy định", "%", "100%", ""),
        ("6", "Trên 90%", "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính", "%",
         "Trên 90%", ""),
        ("7", "Tối thiểu 50%", "Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số", "%",
         "Tối thiểu 65%", ""),
        ("8", "Theo quy định", "Hệ thống thông tin được thực hiện phương án bảo đảm an toàn thông tin", "",
         "Theo quy định", ""),
    ]
    table = d.add_table(rows=len(rows), cols=6)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            table.cell(i, j).text = v
    d.add_paragraph("II. NHIỆM VỤ, GIẢI PHÁP")
    for title, body in [*_TASKS, ("Giải pháp tài chính", "Bố trí kinh phí từ ngân sách phường.")]:
        d.add_paragraph(title, style="List Number")
        d.add_paragraph(body)
    d.add_paragraph("III. KINH PHÍ THỰC HIỆN")
    d.add_paragraph("Ngân sách phường năm 2025 và các nguồn hợp pháp khác.")
    d.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    for u in ["Phòng Văn hóa - Xã hội: là cơ quan đầu mối, chủ trì, tham mưu, kiểm tra, tổng hợp, báo cáo.",
              "Phòng Kinh tế, Hạ tầng và Đô thị: tham mưu bố trí kinh phí.",
              "Công an phường: bảo đảm an ninh mạng, an toàn thông tin.",
              "Văn phòng HĐND và UBND phường: quản lý văn bản, điều hành, hội nghị trực tuyến.",
              "Trung tâm Phục vụ hành chính công phường: dịch vụ công trực tuyến."]:
        d.add_paragraph(u, style="List Bullet")
    _header(d, ["Nơi nhận:", "- UBND thành phố;", "- Sở Khoa học và Công nghệ;", "- Đảng ủy phường;", "- Lưu: VT."],
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(đã ký)", "", "Hoàng Văn Minh"])
    d.save(str(path))


def _commune_in_one_paragraph(path: Path) -> None:
    """Xã Kim Thành: Heading 1 parts, sub-parts as Heading paragraphs in List Number, every target in one
    paragraph after 'Phấn đấu đến hết năm 2025, xã Kim Thành đạt:', abbreviations, offices in one paragraph,
    TM. ỦY BAN NHÂN DÂN in a borderless table."""
    d = docx.Document()
    _header(d, ["UBND XÃ KIM THÀNH", "", "Số: 64/KH-UBND"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
             "Kim Thành, ngày 10 tháng 9 năm 2025"])
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Ứng dụng CNTT và chuyển đổi số trong cơ quan nhà nước xã Kim Thành 6 tháng cuối năm 2025")
    d.add_paragraph("Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND xã Kim Thành "
                    "xây dựng Kế hoạch như sau:")
    d.add_heading("I. MỤC ĐÍCH, YÊU CẦU", level=1)
    d.add_paragraph("Triển khai kịp thời, đồng bộ các nhiệm vụ chuyển đổi số của xã.")
    d.add_heading("II. CHỈ TIÊU", level=1)
    d.add_paragraph(
        "Phấn đấu đến hết năm 2025, xã Kim Thành đạt: 100% TTHC đủ điều kiện được cung cấp dưới dạng DVCTT toàn "
        "trình; trên 85% hồ sơ TTHC được xử lý trực tuyến toàn trình; tối thiểu 76% hồ sơ công việc được xử lý trên "
        "môi trường mạng (trừ hồ sơ mật); 100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên Hệ "
        "thống thông tin báo cáo của thành phố, kết nối Hệ thống thông tin báo cáo Chính phủ; 100% kết quả giải "
        "quyết TTHC được số hóa theo quy định; mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC "
        "trên 90%; 100% CBCCVC được tập huấn, bồi dưỡng kỹ năng số.")
    d.add_paragraph("Các hệ thống thông tin của xã được thực hiện phương án bảo đảm an toàn thông tin theo quy định.")
    d.add_heading("III. NHIỆM VỤ, GIẢI PHÁP", level=1)
    for title, body in _TASKS:
        d.add_heading(title, level=2).style = d.styles["List Number"]
        d.add_paragraph(body)
    d.add_heading("IV. KINH PHÍ THỰC HIỆN", level=1)
    d.add_paragraph("Ngân sách xã năm 2025.")
    d.add_heading("V. TỔ CHỨC THỰC HIỆN", level=1)
    d.add_paragraph("Giao Phòng Văn hóa - Xã hội chủ trì, tham mưu, kiểm tra, tổng hợp, báo cáo; Phòng Kinh tế bố "
                    "trí kinh phí; Công an xã bảo đảm an ninh mạng, an toàn thông tin; Văn phòng HĐND và UBND xã "
                    "quản lý văn bản, điều hành, hội nghị trực tuyến; Trung tâm Phục vụ hành chính công xã thực hiện "
                    "dịch vụ công trực tuyến.")
    _header(d, ["Nơi nhận:", "- UBND thành phố;", "- Sở Khoa học và Công nghệ;", "- Lưu: VT, VHXH."],
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Thị Thu"])
    d.save(str(path))


@pytest.mark.parametrize("build", [_ward_with_target_table, _commune_in_one_paragraph])
def test_word_plans_as_offices_type_them_are_silent(build: object, tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.docx"
    build(path)  # type: ignore[operator]
    r = check_file(path, packs)
    assert r.status == "checked" and r.unit is not None
    assert [f"{f.severity} {f.id} line {f.line}" for f in r.findings if f.severity in ("error", "warning")] == []


def test_word_table_reads_the_plans_column_not_the_citys(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """One defect: the ward's own column lowered below the city's (which still says 'Tối thiểu 80%')."""
    path = tmp_path / "ke-hoach.docx"
    _ward_with_target_table(path, hoso="Tối thiểu 70%")
    loud = [(f.id, f.kind) for f in check_file(path, packs).findings if f.severity in ("error", "warning")]
    assert loud == [("HP215-TGT-HOSO", "weaker")]
