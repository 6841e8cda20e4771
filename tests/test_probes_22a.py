"""Round 22a: the same plan numbered, bulleted and paged another way (tests/fixtures/probes-22a.md: each rewrite, the
plans it was tried on, false alarms and misses before and after). What the rewrites revealed, pinned on text of its
own:

- points lettered "(a)", "(b)" … "(đ)" are points as "a)" is (before: read as text running on from the line above,
  the targets under "2. Mục tiêu cụ thể" joined into its heading, reported missing; the marker left at a target's
  head, its scope not read);
- parts numbered "I)", "II)" are the plan's parts (before: not headings, the part "Tổ chức thực hiện" not found);
  but "I)" after "A)" … "H)" is the ninth letter of a list lettered in capitals;
- "o" (Word's second-level bullet as text) and "v" (Wingdings' diamond) before an item's capital open a list item
  (before: the recipients' items run into one, the archive and the recipients reported incomplete);
- "▪", "◦", "●", "○" are read as "•", and a recipient's line is one whatever its bullet ("* Công an xã;"; before: taken
  for a cell of a table of assignments, the office's missing assignment "not assessed");
- "1. MỤC ĐÍCH" in capitals under "I. MỤC ĐÍCH, YÊU CẦU" is its point, not an OCR'd part "I." again (before: each
  "1." in capitals a repeated part I);
- a running footer first-line indented by a tab is still furniture (before: a line with a tab was a table's row,
  the scanning app's footer left in the middle of a target);
- "II." alone on its line with the part's title on the next, and a part's title closed by a full stop
  ("I. Phòng Văn hóa - Xã hội."), are the plan's parts (before: not headings, the points under them numbered on).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.structure import unit_unread
from checker.ingest import read
from checker.models import Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack


def _plan(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return parse(read(path))


BRACKETED_LETTERS = """II. MỤC TIÊU
1. Mục tiêu chung
Xây dựng chính quyền số.
2. Mục tiêu cụ thể
(a) 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình;
(b) Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình;
(đ) Tối thiểu 50% cán bộ lãnh đạo của phường được tập huấn, bồi dưỡng kỹ năng số.
"""


def test_points_lettered_in_brackets(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BRACKETED_LETTERS)
    assert [s.title for s in plan.sections] == ["MỤC TIÊU", "Mục tiêu chung", "Mục tiêu cụ thể"]
    got = {t.line: t.text for t in plan.targets}
    assert sorted(got) == [5, 6, 7]
    assert not any(text.startswith("(") for text in got.values())


PARTS_IN_BRACKETS = """I) MỤC TIÊU
1. Mục tiêu chung
Xây dựng chính quyền số.

II) TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội chủ trì, theo dõi, tổng hợp.
"""


def test_parts_numbered_with_a_bracket(tmp_path: Path) -> None:
    plan = _plan(tmp_path, PARTS_IN_BRACKETS)
    assert [(s.style, s.number, s.level) for s in plan.sections] == [
        ("roman", "I", 1), ("arabic", "1", 2), ("roman", "II", 1), ("arabic", "1", 2)]


def test_a_bracket_after_an_arabic_one_is_no_roman_numeral(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "I. MỤC TIÊU\n\n1) MỤC TIÊU CHUNG\nXây dựng chính quyền số.\n")
    assert [(s.style, s.number) for s in plan.sections] == [("roman", "I"), ("arabic", "1")]


LETTER_BULLETS = """III. NHIỆM VỤ
v Về quản trị nội bộ:
o 76% hồ sơ công việc được xử lý trên môi trường mạng;
o Trên 91% văn bản được ký số.

Nơi nhận:
o UBND thành phố;
o Sở Khoa học và Công nghệ;
o Lưu: VT.
"""


def test_letters_that_are_bullets(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(LETTER_BULLETS, encoding="utf-8")
    items = [b.text for b in read(path).blocks if b.text.startswith("•")]
    assert items == ["• Về quản trị nội bộ:", "• 76% hồ sơ công việc được xử lý trên môi trường mạng;",
                     "• Trên 91% văn bản được ký số.", "• UBND thành phố;", "• Sở Khoa học và Công nghệ;",
                     "• Lưu: VT."]


def test_the_letter_o_running_on_is_no_bullet(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Hỗ trợ người dân\no ven biển thực hiện thủ tục.\n", encoding="utf-8")
    assert not any(b.text.startswith("•") for b in read(path).blocks)


POINTS_IN_CAPITALS = """I. MỤC ĐÍCH, YÊU CẦU
1. MỤC ĐÍCH
Triển khai hiệu quả Kế hoạch.
2. YÊU CẦU
Bảo đảm đúng tiến độ.

II. MỤC TIÊU
1. MỤC TIÊU CHUNG
Xây dựng chính quyền số.
"""


def test_points_in_capitals_under_a_part(tmp_path: Path) -> None:
    plan = _plan(tmp_path, POINTS_IN_CAPITALS)
    assert [(s.style, s.number, s.level) for s in plan.sections] == [
        ("roman", "I", 1), ("arabic", "1", 2), ("arabic", "2", 2), ("roman", "II", 1), ("arabic", "1", 2)]


def test_an_ocrd_part_one_is_still_read(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "l. MỤC ĐÍCH, YÊU CẦU\nTriển khai.\n\nII. MỤC TIÊU\nXây dựng.\n")
    assert [(s.style, s.number) for s in plan.sections] == [("roman", "I"), ("roman", "II")]


def _paged(footer: str) -> str:
    words = ["hạ tầng số", "chính quyền số", "dữ liệu số", "an toàn thông tin"]
    to = ["", "gửi Ủy ban nhân dân phường.", "gửi Văn phòng trước phiên giao ban.", "gửi Sở Khoa học và Công nghệ."]
    pages = []
    for k, topic in enumerate(words, start=1):
        head = f"{to[k - 1]}\n" if k > 1 else ""
        body = "".join(f"- Nhiệm vụ {k}.{j} về {topic}.\n" for j in range(1, 6))
        pages.append(head + body + f"Phòng Văn hóa - Xã hội tổng hợp kết quả về {topic} và báo cáo\n\n{footer}\n")
    return "\f".join(pages)


def test_a_running_footer_indented_by_a_tab(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(_paged("\tĐược quét bằng CamScanner"), encoding="utf-8")
    blocks = [b.text for b in read(path).blocks]
    assert "Phòng Văn hóa - Xã hội tổng hợp kết quả về dữ liệu số và báo cáo gửi Sở Khoa học và Công nghệ." in blocks


PART_NUMBER_ALONE = """I.
MỤC TIÊU
1. Mục tiêu chung
Xây dựng chính quyền số.

II.
Phòng Kinh tế
1. Lập dự toán kinh phí.
2. Số hóa hồ sơ đất đai.
"""


def test_a_part_number_alone_on_its_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path, PART_NUMBER_ALONE)
    assert [(s.style, s.number, s.title, s.level) for s in plan.sections] == [
        ("roman", "I", "MỤC TIÊU", 1), ("arabic", "1", "Mục tiêu chung", 2),
        ("roman", "II", "Phòng Kinh tế", 1), ("arabic", "1", "Lập dự toán kinh phí.", 2),
        ("arabic", "2", "Số hóa hồ sơ đất đai.", 2)]


WRAPPED_NUMERAL = """II. MỤC TIÊU
1. Mục tiêu chung: xây dựng chính quyền số.

III. NHIỆM VỤ
Nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp tại Phụ lục II; tiến độ thực hiện theo tháng tại Phụ lục
III.
IV. GIẢI PHÁP
1. Về tài chính: ưu tiên bố trí ngân sách xã.
"""


def test_a_numeral_wrapped_onto_a_line_of_its_own_is_no_part(tmp_path: Path) -> None:
    """The last word of a sentence wrapped alone ("… tại Phụ lục" / "III.", a text wrapped at 60 or a PDF's lines)
    is no part, the more so over a line numbered itself ("IV. GIẢI PHÁP"): found by the fresh-clone CI of the
    merged round (test_layouts_agree, xa-nam-thanh-mien-ba-phu-luc at wrap-60 and as LibreOffice's PDF: 'III' used
    twice, HP215-NUMBERING)."""
    plan = _plan(tmp_path, WRAPPED_NUMERAL)
    assert [(s.style, s.number) for s in plan.sections if s.style == "roman"] == [
        ("roman", "II"), ("roman", "III"), ("roman", "IV")]


def test_a_parts_title_closed_by_a_full_stop(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "I. MỤC TIÊU\nXây dựng.\n\nII. Phòng Kinh tế.\n1. Lập dự toán kinh phí.\n")
    assert [(s.style, s.number, s.level) for s in plan.sections] == [
        ("roman", "I", 1), ("roman", "II", 1), ("arabic", "1", 2)]


def test_the_ninth_capital_letter_is_no_roman_numeral(tmp_path: Path) -> None:
    letters = "".join(f"{c}) Chỉ tiêu thứ {k} được bảo đảm theo quy định;\n" for k, c in enumerate("ABCDĐEGH", start=1))
    plan = _plan(tmp_path, f"II. MỤC TIÊU\n{letters}I) Các hệ thống thông tin được bảo đảm an toàn theo quy định\n")
    assert [(s.style, s.number) for s in plan.sections if s.style == "roman"] == [("roman", "II")]


RECIPIENTS_STARRED = """V. TỔ CHỨC THỰC HIỆN
Phòng Văn hóa - Xã hội chủ trì, theo dõi, tổng hợp, báo cáo; bảo đảm an toàn thông tin.
STT
Nhiệm vụ
Chủ trì
1
Rà soát mạng LAN
Văn phòng

Nơi nhận:
* UBND thành phố;
* Sở Khoa học và Công nghệ;
* Thường trực Đảng ủy xã;
* Công an xã;
* Các phòng, đơn vị;
* Lưu: VT.
"""


@pytest.mark.parametrize("bullet", ["*", "-", "•"])
def test_a_recipient_with_any_bullet_is_no_table_cell(tmp_path: Path, packs: list[LoadedPack], bullet: str) -> None:
    plan = _plan(tmp_path, RECIPIENTS_STARRED.replace("* ", f"{bullet} "))
    rule = next(r for p in packs for r in p.pack.rules if r.id == "HP215-UNIT-CONGAN")
    assert unit_unread(plan, rule) is None


def test_the_ninth_capital_letter_makes_no_plan_roman(tmp_path: Path) -> None:
    letters = "".join(f"{c}) Chỉ tiêu thứ {k} được bảo đảm;\n" for k, c in enumerate("ABCDĐEGHI", start=1))
    plan = _plan(tmp_path, f"1. MỤC ĐÍCH, YÊU CẦU\nTriển khai.\n\n2. MỤC TIÊU\n{letters}")
    assert [(s.style, s.number) for s in plan.sections][:2] == [("arabic", "1"), ("arabic", "2")]
