"""Round 23a: false alarms and misses that earlier rounds found and left (probes-22a.md, probes-22c.md,
leftovers-22b.md "Left"), each fixed by meaning and pinned here on a short plan of this round's own.

- The document's header (NĐ 30/2020: the issuer and the national motto in two columns) repeated at the top of every
  page, its columns parted by a tab as a Word file saved as text or pdftotext lays it out, was read as a table's row,
  never furniture, and stayed in the text; and a plan of two pages kept it whatever its form, running furniture
  being found by repetition on three pages or more (a first page has none, so two pages show it once). The repeat
  is now told by what it repeats: the first page's own first lines (ingest.pages.head_repeats), at any number of
  pages; a table's header row repeated by Word over a page break is content and stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.conventions import spellings
from checker.ingest import pages
from checker.ingest.txt import lines_of
from checker.parse.sections import _LETTER
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

HEADER = "UBND PHƯỜNG NAM ĐỒ SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"


def _page(k: int) -> str:
    return "\n".join(f"Nội dung {k}.{i}: các phòng triển khai nhiệm vụ chuyển đổi số." for i in range(1, 25)) + "\n"


def _texts(text: str) -> list[str]:
    return [ln.text for ln in lines_of(text)]


def test_a_tab_columned_header_repeated_on_every_page_is_read_once() -> None:
    text = HEADER + "\nKẾ HOẠCH\n" + _page(1) + "\f" + HEADER + _page(2) + "\f" + HEADER + _page(3)
    got = _texts(text)
    assert got.count("UBND PHƯỜNG NAM ĐỒ SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert got.count("\tĐộc lập - Tự do - Hạnh phúc") == 1
    assert got[0].startswith("UBND PHƯỜNG NAM ĐỒ SƠN")  # read at the top, where it stands
    assert "Nội dung 3.1: các phòng triển khai nhiệm vụ chuyển đổi số." in got


def test_the_header_joined_into_one_line_at_a_page_top_is_its_repeat() -> None:
    joined = "UBND PHƯỜNG NAM ĐỒ SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
    text = HEADER + "\nKẾ HOẠCH\n" + _page(1) + "\f" + joined + "\n" + _page(2) + "\f" + joined + "\n" + _page(3)
    assert joined not in _texts(text)


def test_a_plan_of_two_pages_drops_its_repeated_header() -> None:
    spaced = ("ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "PHƯỜNG NAM ĐỒ SƠN        Độc lập - Tự do - Hạnh phúc\n")
    for header in (HEADER, spaced):
        text = header + "\nKẾ HOẠCH\n" + _page(1) + "\f" + header + _page(2)
        got = _texts(text)
        assert len(got) == len(_texts(header + "\nKẾ HOẠCH\n" + _page(1) + "\f" + _page(2)))
        assert sum("Hạnh phúc" in t for t in got) == 1


def test_a_tables_header_row_repeated_over_a_page_break_stays() -> None:
    row = "STT\tChỉ tiêu\tKết quả"
    text = HEADER + "\nKẾ HOẠCH\n" + row + "\n" + _page(1) + "\f" + row + "\n" + _page(2) + "\f" + row + "\n" + _page(3)
    assert _texts(text).count(row) == 3


def test_a_pdf_page_repeating_the_header_under_its_number() -> None:
    first: list[pages.Item] = [("line", "UBND PHƯỜNG NAM ĐỒ SƠN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                               ("line", "Độc lập - Tự do - Hạnh phúc"), ("line", "KẾ HOẠCH"), ("line", "Mục tiêu")]
    second: list[pages.Item] = [("line", "- 2 -"), *first[:2], ("line", "Giải pháp")]
    got = pages.from_pages([first, second])
    assert got == [first, [("line", "Giải pháp")]]


WARD = """\
UBND PHƯỜNG AN BIÊN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                             Độc lập - Tự do - Hạnh phúc

Số: 52/KH-UBND                           An Biên, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số trong cơ quan nhà nước
phường An Biên 6 tháng cuối năm 2025

    Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố tại P. An Biên, UBND phường ban hành
Kế hoạch như sau.

I. MỤC TIÊU
1. Mục tiêu chung
Xây dựng {own} trở thành đơn vị đi đầu về chuyển đổi số.
2. Mục tiêu cụ thể đến hết năm 2025
a) 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình;
b) tối thiểu 85% hồ sơ thủ tục hành chính của phường được xử lý trực tuyến toàn trình;
c) 100% kết quả giải quyết thủ tục hành chính được số hóa;
d) trên 90% người dân, doanh nghiệp hài lòng khi giải quyết thủ tục hành chính;
đ) tối thiểu 80% hồ sơ công việc của phường được xử lý trên môi trường mạng (trừ hồ sơ mật);
e) trên 90% văn bản của phường được ký số và xử lý trên môi trường mạng (trừ văn bản mật);
g) 100% báo cáo định kỳ được thực hiện trên Hệ thống thông tin báo cáo của thành phố;
h) tối thiểu 60% cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số.

II. NHIỆM VỤ
1. Hạ tầng số: duy trì điểm cầu hội nghị truyền hình trực tuyến của phường; nâng cấp mạng nội bộ.
2. Phát triển Chính quyền số: vận hành Hệ thống quản lý văn bản và điều hành, chữ ký số; tiếp nhận hồ sơ
trên Hệ thống thông tin giải quyết thủ tục hành chính của thành phố.
3. Phát triển dữ liệu số
Số hóa hồ sơ hộ tịch lưu tại P. Vĩnh Niệm (cũ); đồng bộ lên Kho dữ liệu dùng chung.
4. Đảm bảo an toàn, an ninh thông tin mạng
Xác định cấp độ an toàn hệ thống thông tin; diễn tập ứng cứu sự cố.
5. Đào tạo, tuyên truyền và phát triển nguồn nhân lực
Tập huấn kỹ năng số cho cán bộ, công chức; tuyên truyền trên đài truyền thanh phường.

III. GIẢI PHÁP VÀ KINH PHÍ
1. Giải pháp: gắn trách nhiệm người đứng đầu.
2. Kinh phí: ngân sách phường.

IV. TỔ CHỨC THỰC HIỆN
1. P. VH-XH là cơ quan đầu mối, tham mưu, kiểm tra, tổng hợp, báo cáo UBND phường và Sở Khoa học và Công nghệ.
2. Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí kinh phí.
3. Văn phòng HĐND và UBND phường bảo đảm vận hành hệ thống quản lý văn bản và điều hành.
4. Trung tâm Phục vụ hành chính công phường tiếp nhận hồ sơ thủ tục hành chính trực tuyến.
5. Công an phường chủ trì bảo đảm an ninh mạng, an toàn thông tin.

Nơi nhận:                                     TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                                   CHỦ TỊCH
- Sở Khoa học và Công nghệ;
- Lưu: VT.
                                                 Nguyễn Văn Bình
"""


def _loud(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, int | None]]:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return {(f.id, f.line) for f in check_file(path, packs).findings if f.severity in ("error", "warning")}


def test_the_ward_plan_of_this_round_is_compliant(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"P. An Biên" (its own ward), "tại P. An Biên" after the 215's issuer, "P. VH-XH" (the office), "hồ sơ …
    lưu tại P. Vĩnh Niệm (cũ)" (its former ward, history: the full stop of "P." ends no sentence before "(cũ)"):
    nothing."""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(WARD.format(own="P. An Biên"), encoding="utf-8")
    result = check_file(path, packs)
    # (the 215's issuer read on into "… thành phố tại P": another document's, the plan judged not to implement it)
    assert result.status == "checked"
    assert _loud(WARD.format(own="P. An Biên"), tmp_path, packs) == set()


@pytest.mark.parametrize("other", ["P. An Dương", "P.An Dương", "phường An Dương"])
def test_another_ward_named_p_dot_as_the_plans_own(other: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _loud(WARD.format(own=other), tmp_path, packs) == {("HP215-UNITNAME", 15)}


def test_an_office_after_p_dot_is_no_ward(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"P. Kinh tế" is the Phòng Kinh tế (no ward is named so); a ward's name the plan also writes after "Phòng" is
    an office's there too."""
    text = WARD.format(own="P. An Dương").replace("Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng An Dương")
    assert ("HP215-UNITNAME", 15) not in _loud(text, tmp_path, packs)


@pytest.mark.parametrize(("text", "letter"), [
    ("a) Hạ tầng số", "a"), ("a. Hạ tầng số", "a"), ("a/ Hạ tầng số", "a"), ("(a) Hạ tầng số", "a"),
    ("(đ) Hạ tầng số", "đ"), ("(dd) Hạ tầng số", "dd"),
    ("(a/ Hạ tầng số", None), ("(a. Hạ tầng số", None), ("(b - Hạ tầng số", None),
])
def test_a_letters_bracket_opened_is_closed(text: str, letter: str | None) -> None:
    """A letter's marker is "a)", "a.", "a/" or "(a)": a bracket opened before the letter is closed after it."""
    m = _LETTER.match(text)
    assert (m.group(1) if m else None) == letter



def test_a_bodys_name_is_found_whichever_word_joins_its_halves() -> None:
    """rules/conventions.yaml ``name_joiners``: "và" and a dash between the halves of a body's name, one for
    another, in the matcher instead of each name listed twice in rules/bodies.yaml."""
    assert spellings("Phòng Văn hóa và Thông tin") == ("Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Thông tin")
    assert spellings("Sở Thông tin - Truyền thông") == ("Sở Thông tin - Truyền thông", "Sở Thông tin và Truyền thông")
    assert spellings("Phòng TC-KH") == ("Phòng TC-KH",)  # a dash inside initials joins no halves


@pytest.mark.parametrize("body", ["Phòng Văn hóa - Thông tin", "Phòng Văn hóa và Thông tin",
                                  "Sở Thông tin - Truyền thông", "Phòng Tài chính và Kế hoạch", "Sở TT - TT"])
def test_a_defunct_body_written_with_the_other_joiner(body: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = WARD.format(own="phường An Biên").replace(
        "Tập huấn kỹ năng số cho cán bộ, công chức;", f"{body} tập huấn kỹ năng số cho cán bộ, công chức;")
    assert _loud(text, tmp_path, packs) == {("HP215-BODIES", 35)}


MEANS = "III. GIẢI PHÁP VÀ KINH PHÍ\n1. Giải pháp: gắn trách nhiệm người đứng đầu.\n2. Kinh phí: ngân sách phường.\n"


@pytest.mark.parametrize(("means", "found"), [
    ("III. ĐIỀU KIỆN BẢO ĐẢM\n1. Tài chính\nNgân sách phường bố trí theo dự toán năm 2025.\n2. Tổ chức triển khai\n"
     "Gắn trách nhiệm người đứng đầu; kiểm tra, đôn đốc hằng tháng.\n3. Nguồn nhân lực\nBố trí công chức phụ trách.\n",
     False),
    ("III. ĐIỀU KIỆN BẢO ĐẢM\n- Tài chính: ngân sách phường theo dự toán năm 2025.\n"
     "- Triển khai và tổ chức: gắn trách nhiệm người đứng đầu.\n", False),
    # one kind and the directive's task 5 (no kind of its Giải pháp): a part of means, as the lead ruled (session 21)
    ("III. ĐIỀU KIỆN BẢO ĐẢM\n1. Tài chính\nNgân sách phường bố trí theo dự toán năm 2025.\n2. Nguồn nhân lực\n"
     "Bố trí công chức phụ trách.\n", True),
], ids=["sub-headings", "lead-ins", "one-kind-only"])
def test_kinds_of_solutions_without_their_topic_word(means: str, found: bool, tmp_path: Path,
                                                     packs: list[LoadedPack]) -> None:
    text = WARD.format(own="phường An Biên").replace(MEANS, means)
    assert (("HP215-SEC-GIAIPHAP", None) in _loud(text, tmp_path, packs)) is found


@pytest.mark.parametrize("office", ["Phòng Văn hóa và Xã hội", "Phòng Văn hóa - Xã hội"])
def test_the_office_assigned_work_whichever_word_joins_its_halves(office: str, tmp_path: Path,
                                                                  packs: list[LoadedPack]) -> None:
    """The required-unit rules read an office's name in its every spelling too (rules/215-KH-UBND.yaml lists
    "Phòng Văn hóa - Xã hội" once)."""
    text = WARD.format(own="phường An Biên").replace("1. P. VH-XH là", f"1. {office} là")
    assert _loud(text, tmp_path, packs) == set()
