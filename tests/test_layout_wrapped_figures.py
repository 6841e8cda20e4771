"""A numbered task whose line is wrapped just before a figure ("… ký số trên" / "90% văn bản …"): the figure's
line continues the task (issue 8: a target or its comparator wrapped over lines). Measured on a plan of the
project's corpus rewrapped at 85 characters, where the target was lost; here on a small plan written for this
test. A figure that opens a line after a closed sentence, a colon, or a heading in capitals stays apart; and a
part's name alone on its line ("Phần thứ nhất") after a full line is the part's heading, not a wrap."""

from __future__ import annotations

import textwrap

import pytest

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block

_PROSE = ("Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố về ứng dụng công nghệ "
          "thông tin và chuyển đổi số, Ủy ban nhân dân phường xây dựng kế hoạch thực hiện trên địa bàn với các "
          "nội dung cụ thể như sau, bảo đảm đồng bộ, thống nhất và phù hợp với điều kiện thực tế của địa phương.")


def _plan(task: list[str]) -> str:
    lines = ["KẾ HOẠCH", "Chuyển đổi số của phường năm 2025", ""]
    lines += textwrap.wrap(_PROSE, 80) + [""] + textwrap.wrap(_PROSE, 80) + ["", "II. NHIỆM VỤ"]
    lines += task + ["Mục 3. Dữ liệu số: kho dữ liệu dùng chung; số hóa hồ sơ chuyên ngành."]
    return "\n".join(lines) + "\n"


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def test_a_figure_wrapped_to_the_next_line_continues_the_task() -> None:
    task = ["Mục 2. Phát triển chính quyền số: quản lý văn bản và điều hành điện tử, ký số trên",
            "90% văn bản (trừ văn bản mật); trợ lý ảo rà soát văn bản."]
    headings = [b.text for b in _blocks(_plan(task)) if b.kind == "heading"]
    assert any(t.endswith("ký số trên 90% văn bản (trừ văn bản mật); trợ lý ảo rà soát văn bản.") for t in headings)


@pytest.mark.parametrize("first", [
    "Mục 2. Phát triển chính quyền số, quản lý văn bản và điều hành điện tử theo quy định:",
    "Mục 2. Phát triển chính quyền số, quản lý văn bản và điều hành điện tử theo quy định.",
    "MỤC 2. PHÁT TRIỂN CHÍNH QUYỀN SỐ, QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH ĐIỆN TỬ, KÝ SỐ",
])
def test_a_figure_after_a_closed_line_opens_its_own_block(first: str) -> None:
    blocks = _blocks(_plan([first, "90% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)."]))
    assert any(b.text.startswith("90% văn bản") for b in blocks)


def test_a_part_alone_on_its_line_after_a_full_line_is_a_heading() -> None:
    """The subtitle fills its line and stops without a full stop; "Phần thứ nhất" below it opens the part."""
    lines = _plan([]).splitlines()
    at = lines.index("II. NHIỆM VỤ")
    lines[at:at] = ["Thực hiện Kế hoạch của thành phố về ứng dụng công nghệ thông tin và chuyển đổi số của",
                    "phường Thiên Hương, giai đoạn sáu tháng cuối năm 2025 và định hướng đến năm 2026",
                    "Phần thứ nhất", "MỤC TIÊU, CHỈ TIÊU", "Hoàn thành các chỉ tiêu thành phố giao."]
    blocks = _blocks("\n".join(lines) + "\n")
    assert ("heading", "Phần thứ nhất") in [(b.kind, b.text) for b in blocks]


def test_a_part_named_in_lower_case_at_a_line_start_goes_on_with_the_sentence() -> None:
    """"… đo bằng các chỉ tiêu tại" / "mục 2.2.": wrapped just before it, a reference to a part written in lower
    case goes on with its sentence (a heading's label has a capital); it is not a heading numbered 2.2 (before: a
    false 'numbering' warning, the first heading of its level numbered 2)."""
    lines = _plan([]).splitlines()
    at = lines.index("II. NHIỆM VỤ")
    lines[at:at] = ["1.2. Yêu cầu",
                    "Nhiệm vụ gắn với cơ quan chủ trì, thời hạn hoàn thành; kết quả được đo bằng các chỉ tiêu tại",
                    "mục 2.2."]
    blocks = _blocks("\n".join(lines) + "\n")
    assert not [b.text for b in blocks if b.text.startswith("mục")]
    assert any(b.text.endswith("các chỉ tiêu tại mục 2.2.") for b in blocks)
