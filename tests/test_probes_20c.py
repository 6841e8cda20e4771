"""Round 20c: the same plan written another way (tests/fixtures/probes-20c.md: each rewrite, the plans it was tried
on, false alarms and misses before and after). What the rewrites revealed, pinned on text of its own:

- "Đến hết năm 2025, xã bảo đảm toàn bộ thủ tục hành chính …, trong đó tối thiểu 85% hồ sơ …": all of them in words
  after the plan's own unit committing to it ("xã bảo đảm", "UBND phường … cam kết") opens a target, as "xã bảo đảm
  100% thủ tục …" does (before: not read, the next figure's words taken from the clause's start: both targets
  reported missing);
- "gần toàn bộ kết quả …" is nearly all, an estimate, as "gần 100%" is (before: read as all of them);
- a date in words inside a bracketed note over the header ("(Bản trình lãnh đạo … lần 3, ngày 19 tháng 9 năm 2025)")
  is the note's, not the plan's (before: taken as the plan's date, the blank "ngày    tháng 9 năm 2025" of the draft
  under it not reported).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import read
from checker.parse import parse
from checker.parse.targets import targets_in_text


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


def test_a_notes_date_in_brackets_is_not_the_plans(tmp_path: Path) -> None:
    path = tmp_path / "du-thao.txt"
    path.write_text(NOTE_OVER_DRAFT, encoding="utf-8")
    header = parse(read(path)).header
    assert (header.date_line, header.date_blank, header.date) == (6, True, None)
