"""A target written as a change ("tăng 10% so với năm 2024", "tăng thêm 5%", "nâng lên 3 điểm %"; blind round 7c,
xa-viet-khe-chu-so-bang-chu-nhom-chi-tieu.txt) does not state the level the directive asks: the finding quotes the
change as the plan writes it, never as a level reached ("đạt 10%"). A level after "tăng lên", "nâng lên" is a level,
and a change beside the level it reaches ("tối thiểu 50% (tăng 15% so với năm 2024)") is no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_blind_plans_5 import _loud
from test_blind_plans_6b import _write

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

SUBJECT = "cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số"


@pytest.mark.parametrize(("kynangso", "change"), [
    (f"Tỷ lệ {SUBJECT} tăng 10% so với năm 2024.", "tăng 10% so với năm 2024"),
    (f"Tỷ lệ {SUBJECT} tăng thêm 10%.", "tăng thêm 10%"),
    (f"Tỷ lệ {SUBJECT} tăng ít nhất 10% so với cùng kỳ năm 2024.", "tăng ít nhất 10% so với cùng kỳ năm 2024"),
    (f"Tỷ lệ {SUBJECT} nâng lên 10 điểm % so với năm 2024.", "nâng lên 10 điểm % so với năm 2024"),
    (f"Tỷ lệ {SUBJECT} tăng 10 điểm phần trăm.", "tăng 10 điểm phần trăm"),
    # a change as high as the level asked still states no level
    (f"Tỷ lệ {SUBJECT} tăng 60% so với năm 2024.", "tăng 60% so với năm 2024"),
], ids=["over-a-year", "more", "at-least-over-a-year", "points", "points-in-words", "as-high-as-the-level"])
def test_a_change_is_quoted_as_a_change(tmp_path: Path, packs: list[LoadedPack], kynangso: str, change: str) -> None:
    findings = check_file(_write(tmp_path, kynangso=kynangso), packs).findings
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert (f.kind, f.severity, f.actual, f.expected) == ("weaker", "error", change, "tối thiểu 50%")
    assert f.message == (f"Chỉ tiêu chỉ ghi mức tăng ('{change}'), không nêu mức phải đạt mà văn bản chỉ đạo yêu "
                         "cầu (tối thiểu 50%)")
    assert "đạt" not in f.actual and "thấp hơn" not in f.message
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error")]


@pytest.mark.parametrize("kynangso", [
    f"Tỷ lệ {SUBJECT}: tối thiểu 55% (tăng 15% so với năm 2024).",
    f"Tỷ lệ {SUBJECT} nâng lên 55%.",
    f"Tỷ lệ {SUBJECT} tăng lên 55% so với năm 2024.",
], ids=["level-and-its-change", "raised-to", "increased-to"])
def test_a_level_is_judged_as_a_level(tmp_path: Path, packs: list[LoadedPack], kynangso: str) -> None:
    assert _loud(check_file(_write(tmp_path, kynangso=kynangso), packs).findings) == []
