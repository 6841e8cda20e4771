"""Round 26c: causes left by earlier rounds (tests/fixtures/layout-disagreements.yaml and a false alarm found by the
lead), each pinned here by a small text written for the test (not taken from any plan)."""

from __future__ import annotations

import textwrap

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block


def _blocks(lines: list[str]) -> list[Block]:
    ln, tables = pipe_tables(lines_of("\n".join(lines) + "\n"))
    return layout.infer(ln, tables)


# a sentence that wraps at 110 columns after a comma, the next line opening with a name (a capital)
MERGED = ("a) Cụ thể hóa các nhiệm vụ được giao cho phù hợp với điều kiện của xã mới sau khi hợp nhất các xã "
          "Bình Minh, Hồng Phong và một phần xã Tân Tiến.")
LONG = [
    "Triển khai các nền tảng số dùng chung của thành phố tới từng phòng, ban chuyên môn và bộ phận một cửa của xã, "
    "bảo đảm kết nối thông suốt.",
    "Rà soát, cập nhật dữ liệu dân cư, đất đai và hộ kinh doanh trên địa bàn; làm sạch dữ liệu trước khi đồng bộ lên "
    "hệ thống của thành phố.",
    "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức, viên chức và thành viên tổ công nghệ số cộng đồng ở các thôn, "
    "tổ dân phố.",
]
# one line each, most near the width (a plan's target and task lines)
SHORT = ["- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình trên tổng số hồ sơ đạt tối thiểu 80%;",
         "- Tỷ lệ văn bản đi của Ủy ban nhân dân xã được ký số, phát hành trên môi trường điện tử đạt 100%;",
         "- Tỷ lệ người dân, doanh nghiệp hài lòng khi thực hiện thủ tục hành chính trên môi trường số đạt trên 90%;",
         "1. Hạ tầng số"]


def test_a_text_of_short_paragraphs_rewrapped_wide_joins_a_line_wrapped_before_a_name() -> None:
    """Rewrapped at 110 columns, a plan of short paragraphs wraps a few of them only (under one line in twelve goes on
    in lower case), each at that width: the text is wrapped, and "… các xã Bình Minh," / "Hồng Phong và …" is one
    sentence (the former "xã Tân Tiến" is read in it, with "hợp nhất", not as the plan's own unit)."""
    lines = ["KẾ HOẠCH", "Chuyển đổi số của xã năm 2025", "I. MỤC ĐÍCH, YÊU CẦU"]
    lines += textwrap.wrap(MERGED, 110)
    assert lines[-1].startswith("Hồng Phong")  # the case this test is about
    for k, p in enumerate(LONG):
        lines += [*SHORT, *textwrap.wrap(p, 110)] if k else textwrap.wrap(p, 110)
    lines += SHORT * 6
    texts = [b.text for b in _blocks(lines)]
    assert MERGED in texts
    assert all(p in texts for p in LONG)
