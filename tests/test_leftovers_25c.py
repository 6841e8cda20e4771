"""Round 25c: the leftovers of session 24 (the legend of abbreviations round 24a left, round 24c's year opening a
paragraph of aims, round 24b's unit formed "(gồm …)", the index of provinces compiled once, three review points),
each pinned here on a short text of this round's own (tests/fixtures/leftovers-25c.md records each item).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from checker import batch
from checker.checks.references import national_index
from checker.engine import opens_with
from checker.ingest import Limits
from checker.parse.legend import legend, spelt_out
from checker.parse.targets import targets_in_text
from checker.pipeline import check_file
from checker.rules import national
from checker.rules.loader import LoadedPack, load_packs
from checker.rules.national import NationalIndex

# --------------------------------------------------------------------------- 1. a plan's own legend of abbreviations

PLAN = ("UBND PHƯỜNG NAM ĐỒ SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 57/KH-UBND\tNam Đồ Sơn, ngày 12 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\n"
        "Ứng dụng công nghệ thông tin, chuyển đổi số 6 tháng cuối năm 2025 của phường Nam Đồ Sơn\n\n"
        "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND phường ban hành Kế "
        "hoạch:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Triển khai đồng bộ các nhiệm vụ chuyển đổi số của thành phố giao cho phường.\n\n"
        "II. NHIỆM VỤ VÀ PHÂN CÔNG\n"
        "{before}"
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n"
        "| 1 | Vận hành hệ thống quản lý văn bản và điều hành, họp trực tuyến | VP | P.VH-XH | Thường xuyên |\n"
        "| 2 | Cập nhật tin, bài trên cổng thông tin điện tử của phường | VP | CAP | Hằng tháng |\n"
        "| 3 | Bảo đảm an ninh mạng, an toàn thông tin | CAP | VP | Thường xuyên |\n"
        "{after}\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Phòng Văn hóa - Xã hội theo dõi, tổng hợp, báo cáo kết quả thực hiện.\n\n"
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n"
        "- UBND thành phố;\tCHỦ TỊCH\n"
        "- Lưu: VT.\n"
        "\tTrần Văn Minh\n")
NOTE = "Ghi chú: VP - Văn phòng HĐND và UBND phường; CAP - Công an phường; P.VH-XH - Phòng Văn hóa - Xã hội.\n"
LISTED = "Chữ viết tắt:\n- VP: Văn phòng HĐND và UBND phường\n- CAP: Công an phường\n\n"


def _office(tmp_path: Path, packs: list[LoadedPack], before: str = "", after: str = "") -> set[str]:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN.format(before=before, after=after), encoding="utf-8")
    return {f.id for f in check_file(path, packs).findings if f.id in ("HP215-UNIT-VANPHONG", "HP215-UNIT-CONGAN")}


def test_a_legend_under_the_table_names_the_offices_its_cells_abbreviate(tmp_path: Path,
                                                                        packs: list[LoadedPack]) -> None:
    assert _office(tmp_path, packs) == {"HP215-UNIT-VANPHONG", "HP215-UNIT-CONGAN"}  # "VP", "CAP" alone: no office
    assert _office(tmp_path, packs, after=NOTE) == set()
    assert _office(tmp_path, packs, before=LISTED) == set()


def test_a_short_form_given_in_brackets_after_the_name() -> None:
    assert legend(["Giao Văn phòng HĐND và UBND phường (sau đây viết tắt là VP) chủ trì, phối hợp;",
                   "Trung tâm Phục vụ hành chính công phường (viết tắt: TTPVHCC) bảo đảm …"]) == {
        "VP": "Văn phòng HĐND và UBND phường", "TTPVHCC": "Trung tâm Phục vụ hành chính công phường"}


def test_a_legend_that_lost_its_diacritics_is_read_alike() -> None:
    """OCR without diacritics ("Ghi chu: VP - Van phong …"): the same legend, as test_layouts_agree renders it."""
    assert legend(["Ghi chu: VP - Van phong HDND va UBND phuong; CA phuong - Cong an phuong."]) == {
        "VP": "Van phong HDND va UBND phuong", "CA phuong": "Cong an phuong"}


def test_a_note_that_is_no_legend_gives_no_abbreviation() -> None:
    assert legend(["Ghi chú: Các phòng báo cáo kết quả trước ngày 05/12/2025.",
                   "Ghi chú: số liệu năm 2024 - theo báo cáo của UBND phường."]) == {}
    own = {"VP": "Văn phòng HĐND và UBND phường"}
    assert spelt_out("VP", own) == "Văn phòng HĐND và UBND phường"
    assert spelt_out("P.VP; VPN; VP-1", own) == "P.VP; VPN; VP-1"  # whole short forms only
    assert legend(["Các phòng chuyên môn (viết tắt là các phòng) phối hợp."]) == {}  # no short form in capitals


# --------------------------------------------------------------------------- 2. a year opening a sentence of aims


def _dues(text: str) -> list[tuple[float, str | None]]:
    found = targets_in_text(text, [(0, 7)], None, year_from=2025)
    return [(t.value, t.due.isoformat() if t.due else None) for t in found]


def test_a_later_year_opening_a_sentence_dates_every_clause_of_it() -> None:
    assert _dues("Năm 2026, phấn đấu 95% hồ sơ thủ tục hành chính được xử lý trực tuyến; 90% hồ sơ công việc được "
                 "xử lý trên môi trường mạng; 80% cán bộ có kỹ năng số.") == [
        (95, "2026-12-31"), (90, "2026-12-31"), (80, "2026-12-31")]


def test_the_years_frame_ends_with_its_sentence_or_at_a_year_of_its_own() -> None:
    assert _dues("Đến năm 2026, 95% hồ sơ được xử lý trực tuyến. Tỷ lệ hồ sơ công việc trên môi trường mạng đạt "
                 "90%.") == [(95, "2026-12-31"), (90, None)]
    assert _dues("Năm 2026, 95% hồ sơ được xử lý trực tuyến; năm 2025 đạt 85% hồ sơ công việc trên môi trường "
                 "mạng.")[-1] == (85, "2025-12-31")  # its own year
    assert _dues("Năm 2025, 85% hồ sơ được xử lý trực tuyến; 90% hồ sơ công việc trên môi trường mạng.") == [
        (85, None), (90, None)]


# --------------------------------------------------------------------------- 3. a unit's formation in brackets

WARD = ("UBND PHƯỜNG LÊ THANH NGHỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 77/KH-UBND\tLê Thanh Nghị, ngày 15 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
        "Ứng dụng công nghệ thông tin, chuyển đổi số 6 tháng cuối năm 2025\n\n"
        "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng;\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n{body}\n\nII. NHIỆM VỤ\n1. Cung cấp dịch vụ công trực tuyến toàn trình.\n")


def _former(tmp_path: Path, packs: list[LoadedPack], body: str) -> list[str]:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(WARD.format(body=body), encoding="utf-8")
    return [f.actual for f in check_file(path, packs).findings if f.id == "HP215-UNITNAME" and f.kind == "outdated"]


def test_the_units_formation_in_brackets_after_its_name_is_history(tmp_path: Path, packs: list[LoadedPack]) -> None:
    for opener in ("gồm", "trên cơ sở", "sáp nhập từ"):
        body = f"Phường Lê Thanh Nghị ({opener} phường Thanh Bình, phường Tân Bình) phấn đấu hoàn thành các chỉ tiêu."
        assert _former(tmp_path, packs, body) == [], opener


def test_a_former_unit_not_merged_into_the_unit_or_named_as_a_live_body_is_still_reported(
        tmp_path: Path, packs: list[LoadedPack]) -> None:
    # Ngọc Châu was merged into another ward: the bracket lists it wrongly
    assert _former(tmp_path, packs, "Phường Lê Thanh Nghị (gồm phường Thanh Bình, phường Ngọc Châu) phấn đấu.") == [
        "phường Ngọc Châu"]
    # "gồm" after no unit's name tells no formation
    assert _former(tmp_path, packs, "Tổ công nghệ số (gồm phường Thanh Bình) hoạt động hằng tháng.") == [
        "phường Thanh Bình"]
    # the same former unit named again, in the same paragraph, as a body given work
    assert _former(tmp_path, packs, "Phường Lê Thanh Nghị (gồm phường Thanh Bình, phường Tân Bình); UBND phường Tân "
                   "Bình chủ trì triển khai.") == ["phường Tân Bình"]


# --------------------------------------------------------------------------- 4. the index of provinces, compiled once


def test_a_province_known_already_does_not_make_the_pattern_again() -> None:
    index = NationalIndex()
    for code in ("HAI_PHONG", "BAC_NINH"):
        index.add_province(code)
    assert index.province_of("UBND tỉnh Bắc Ninh") == "BAC_NINH"
    made = index._province_re
    index.add_province("BAC_NINH")  # an entry of a province already known (each verified document's key adds one)
    assert index._province_re is made
    index.add_province("HA_NAM")  # a new one: the pattern is made again, with it
    assert index.province_of("UBND tỉnh Hà Nam") == "HA_NAM" and index._province_re is not made
    assert index.province_of("UBND phường Ninh Xá, tỉnh Bắc Ninh") is None  # a body below the province


def test_the_index_is_built_with_one_pattern_of_provinces(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    compile_ = national.re.compile

    def counted(pattern: str, *args: object) -> re.Pattern[str]:
        made.append(pattern)
        return compile_(pattern, *args)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(national.re, "compile", counted)
    index = national_index(load_packs()[0])
    assert index.provinces
    assert sum(1 for p in made if "tinh" in p and "thanh pho" in p) == 1, len(made)


# --------------------------------------------------------------------------- 5a. a subordinate issuer's header line


def test_a_schools_header_is_read_by_the_projects_comparison_of_marks() -> None:
    assert opens_with("TRƯỜNG THCS HỒNG CHÂU", "Trường") and opens_with("TRUONG THCS HONG CHAU", "Trường")  # OCR
    # the tone of "oa", "uy" set on either vowel (old and new placement) is one spelling
    assert opens_with("Nhà văn hoá xã Hồng Châu", "Nhà văn hóa") and opens_with("Trạm Y tế xã Thuỷ Đường", "Trạm Y tế")
    # a commune's own header, or a name that only folds like a school's, is no school
    for line in ("XÃ TRƯỜNG SƠN", "TRƯƠNG ĐỊNH", "ỦY BAN NHÂN DÂN", "Trường"):
        assert not any(opens_with(line, o) for o in ("Trường", "Trạm Y tế", "Trung tâm Y tế", "Bệnh viện")), line


# --------------------------------------------------------------------------- 5b. an appendix's number, keyed


def test_an_appendixs_number_is_compared_by_the_citations_key(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Số: 57/KH-UBND" and "(Kèm theo Kế hoạch số 057/KH-UBND …)" are one number (the citations parser's key drops
    the leading zero); "58/KH-UBND" is another plan's."""
    def warned(number: str) -> list[int | None]:
        path = tmp_path / "ke-hoach.txt"
        appendix = f"Phụ lục\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số {number} ngày 12/9/2025 của UBND phường)\n"
        path.write_text(PLAN.format(before="", after=NOTE) + "\n" + appendix, encoding="utf-8")
        found = check_file(path, packs).findings
        return [f.line for f in found if f.id == "HP215-FORM" and f.kind == "inconsistent"]

    assert warned("057/KH-UBND") == [] and warned("57 /KH-UBND") == []
    assert len(warned("58/KH-UBND")) == 1


# --------------------------------------------------------------------------- 5c. one .txt checked in the process


def test_the_in_process_time_limit_stops_the_heaviest_known_text(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Round 14's hostile "citations" text (3,000 lines of citations: about 14 s here, its longest regular expression
    call 0.1 ms; no text the size limits admit holds one call longer than a few ms) is stopped by the timer in the
    command's process soon after its limit, as the worker pool's kill would: the alarm is taken between calls."""
    path = tmp_path / "can-cu.txt"
    path.write_text("UBND PHƯỜNG HOA PHƯỢNG\nKẾ HOẠCH\n" + "\n".join(
        f"{k}. Căn cứ Nghị định số {k}/2020/NĐ-CP ngày 1/1/2020; Kế hoạch số {k} ngày 2/2/2020"
        for k in range(1, 3000)) + "\n", encoding="utf-8")
    began = time.perf_counter()
    result = batch._in_process(path, batch.Job(packs, Limits(), "vi"), 1.0)
    took = time.perf_counter() - began
    assert result.status == "unreadable" and "1" in (result.reason or ""), result
    assert took < 3.0, took
