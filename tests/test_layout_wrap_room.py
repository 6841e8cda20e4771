"""An unnumbered heading near the width a text was wrapped at (issue 8, tests/layouts.py "wrap-60" and
"hyphenated-60"): "Đào tạo, tuyên truyền và phát triển nguồn nhân lực" (50 characters) rewrapped at 60 columns
fills most of its line, stops without punctuation, and the paragraph under it opens with a capital. A line that
wraps never leaves room for the next line's first word (a rewrap puts every word that fits on the line); this
heading leaves room for "Cử" and more. The text's own wraps tell how much room a wrap may leave (none in a
rewrap, some in a proportional font set out in characters): a line leaving more was not wrapped there. A capital
that opens a line inside a paragraph (a name the wrap put there) still goes on with it. The texts are written here
(not taken from any plan); tests/test_layouts_agree.py checks the same on every plan rewrapped."""

from __future__ import annotations

import textwrap

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block

HEADING = "Đào tạo, tuyên truyền và phát triển nguồn nhân lực"
PARAGRAPHS = [
    "Rà soát, khắc phục lỗ hổng bảo mật; cài đặt phần mềm phòng, chống mã độc trên tất cả máy tính của các "
    "phòng, ban và bộ phận tiếp nhận hồ sơ.",
    "Duy trì hoạt động ổn định hệ thống hội nghị truyền hình trực tuyến; bảo đảm kết nối thông suốt với điểm "
    "cầu của thành phố và các thôn, tổ dân phố.",
    HEADING,
    "Cử cán bộ, công chức, viên chức tham gia tập huấn, bồi dưỡng kỹ năng số; học tập trên nền tảng học trực "
    "tuyến mở.",
    "Phối hợp với các doanh nghiệp viễn thông trên địa bàn và Trung tâm Phục vụ hành chính công xã hướng dẫn "
    "người dân cài đặt ứng dụng công dân số.",
]


def _blocks(width: int) -> list[Block]:
    lines = ["KẾ HOẠCH", "Chuyển đổi số của xã năm 2025", "", "II. NHIỆM VỤ"]
    for p in PARAGRAPHS:
        lines += textwrap.wrap(p, width)
    ln, tables = pipe_tables(lines_of("\n".join(lines) + "\n"))
    return layout.infer(ln, tables)


def test_a_heading_near_the_width_is_not_the_first_line_of_the_paragraph_under_it() -> None:
    texts = [b.text for b in _blocks(60)]
    assert HEADING in texts
    assert PARAGRAPHS[3] in texts


def test_a_capital_opening_a_wrapped_line_goes_on_with_its_paragraph() -> None:
    """"... viễn thông trên địa bàn và" / "Trung tâm Phục vụ ...": the name did not fit, the line wraps there,
    though the line stops without punctuation like a title would."""
    wrapped = textwrap.wrap(PARAGRAPHS[4], 60)
    assert wrapped[1].startswith("Trung tâm")  # the case this test is about
    texts = [b.text for b in _blocks(60)]
    assert PARAGRAPHS[4] in texts and PARAGRAPHS[1] in texts
