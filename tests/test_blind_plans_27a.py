"""Blind round 27a (tests/fixtures/blind-27a-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, targets given for more than one date (the figure reached, interim
milestones, the end of 2025, 2026 or "giai đoạn 2026 – 2030"), in wordings and layouts no earlier fixture used: a tab
table with one column per date (Kết quả đến 30/6/2025 | Đến hết Quý III/2025 | Đến hết Quý IV/2025 | Năm 2026),
milestones in words ("đến hết tháng 12 năm 2025", "phấn đấu đến năm 2026 đạt 100%", "giai đoạn 2026 – 2030 duy trì"),
"Nâng tỷ lệ … từ X% (kết quả đến 30/6/2025) lên Y% …", figures and dates paired by "lần lượt … tương ứng"; units of
the former Hải Dương and of the former quận An Dương. Scored twice: by the index (every defect at its line, nothing
else) and as the reviewed folder is scored (tests/fixtures/blind-27a-expected.json, tests/test_plans_reviewed.py's
``verdict``), also laid out as Word files. What the round revealed, pinned on its own:

- a rise whose starting level is dated in brackets or by a few words before "lên" ("từ 67,4% (kết quả đến 30/6/2025)
  lên tối thiểu 80%", "từ 58% hiện nay lên 75%") took the level reached for the target, and the bracket's past date
  then dropped the real one as a result already reached (parse/targets ``_rise``, ``_past_rise``);
- "phấn đấu đến năm 2026 đạt 100%" and "giai đoạn 2026 – 2030 duy trì trên 95%" were no dates: the later figure read
  as a second level for 2025, an inconsistency warning instead of the end-of-2025 figure's weaker error (parse/targets
  ``_DEADLINE_BY_YEAR``);
- figures paired with dates by "lần lượt" / "tương ứng" were read with no date, the first (an interim milestone) as
  the target, and "60% - 75% - 85% (tương ứng …)" as a range (rules/conventions.yaml ``respectively``, parse/targets
  ``_respective_dates``);
- a milestone in brackets after a target's words ("số hóa 100% kết quả … trước ngày 31 tháng 12 năm 2025 (đến hết
  tháng 9 năm 2025 đạt 85%)") took those words, and the target was reported missing (parse/targets ``_bounds``);
- found by test_layouts_agree: rewrapped at 80 columns, "… (trừ hồ sơ mật): 60% - 75%" / "- 85% (tương ứng …)" read
  its second line as a list item of its own (ingest/layout ``joins``: a series of figures wrapped at its dash);
- found by test_rewrites: a figure opened by its sign on the line after the year it is set for ("…: năm 2025" /
  "> 90%, năm 2026 …") was cut from its point (ingest/layout ``joins``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers_blind import PLANS, loud, round_tests

from checker.ingest import read
from checker.parse import parse
from checker.parse.targets import deadline, targets_in_text
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("27a")


# --------------------------------------------------------------------------- each fix on its own
def _targets(line: str, tmp_path: Path) -> list[tuple[float, date | None]]:
    """The targets a one-point plan of 26/9/2025 keeps (after the results already reached are taken out)."""
    path = tmp_path / "plan.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nPHƯỜNG AN HẢI\nAn Hải, ngày 26 tháng 9 năm 2025\nKẾ HOẠCH\nVề chuyển đổi số\n"
                    "I. CHỈ TIÊU\n" + line + "\n", encoding="utf-8")
    return [(t.value, t.due) for t in parse(read(path)).targets]


@pytest.mark.parametrize("line", [
    "1. Nâng tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình từ 67,4% (kết quả đến 30/6/2025) lên "
    "tối thiểu 80% vào ngày 31/12/2025.",
    "1. Nâng tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng từ 58% hiện nay lên 80%.",
    "1. Nâng mức độ hài lòng của người dân từ 88,6% (6 tháng đầu năm 2025) lên 80%.",
])
def test_a_rise_from_a_dated_level_is_the_level_it_rises_to(line: str, tmp_path: Path) -> None:
    assert [v for v, _ in _targets(line, tmp_path)] == [80.0]


def test_a_level_with_its_bound_is_no_rise(tmp_path: Path) -> None:
    """"từ 75% trở lên": 75% or more, the target itself."""
    assert [v for v, _ in _targets("1. Hồ sơ công việc được xử lý trên môi trường mạng đạt từ 75% trở lên.",
                                   tmp_path)] == [75.0]


@pytest.mark.parametrize(("before", "when"), [
    ("phan dau den nam 2026 dat ", date(2026, 12, 31)),
    ("giai doan 2026 - 2030 duy tri tren ", date(2030, 12, 31)),
    ("giai doan tu nam 2026 den nam 2030 duy tri ", date(2030, 12, 31)),
])
def test_a_later_year_or_period_dates_the_figure(before: str, when: date) -> None:
    assert deadline(before) == when


def test_the_end_of_2025_figure_is_judged_beside_a_later_years(packs: list[LoadedPack]) -> None:
    """"Duy trì tỷ lệ 96% … đến hết năm 2025; phấn đấu đến năm 2026 đạt 100%": the 2025 figure weaker, not two
    levels of the same date."""
    found = loud(PLANS / "phuong-an-hai-nang-tu-len-loi.txt", packs)
    assert ("HP215-TGT-DVCTT", "weaker", 27) in found
    assert not any(i == "HP215-TGT-DVCTT" and k == "inconsistent" for i, k, _ in found)


def _dues(text: str) -> list[tuple[float, date | None]]:
    return [(t.value, t.due) for t in targets_in_text(text, [(0, 1)], None, year_from=2025)]


@pytest.mark.parametrize(("text", "want"), [
    ("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình lần lượt đạt 65%, 80% và 90% tương ứng với "
     "các mốc 30/9/2025, 31/12/2025 và 31/12/2026.", [65.0, 80.0, 90.0]),
    ("Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật): 60% - 75% - 85% (tương ứng Quý III/2025, Quý "
     "IV/2025, năm 2026).", [60.0, 75.0, 85.0]),
    ("Kết quả giải quyết thủ tục hành chính được số hóa lần lượt đạt 90% và 100% vào cuối Quý III và cuối Quý IV năm "
     "2025.", [90.0, 100.0]),
    ("Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số đạt 30%, 50% và 75%, lần lượt vào các thời điểm 30/9/2025, "
     "31/12/2025 và 31/12/2026.", [30.0, 50.0, 75.0]),
])
def test_figures_paired_with_dates_respectively(text: str, want: list[float]) -> None:
    dates = [date(2025, 9, 30), date(2025, 12, 31), date(2026, 12, 31)] if len(want) == 3 else [
        date(2025, 9, 30), date(2025, 12, 31)]
    assert _dues(text) == list(zip(want, dates, strict=True))


def test_respectively_without_as_many_dates_pairs_nothing() -> None:
    """"lần lượt" with fewer dates than figures: no pairing, the figures read as before."""
    got = _dues("Hồ sơ trực tuyến và hồ sơ công việc lần lượt đạt 80% và 75% vào 31/12/2025.")
    assert [v for v, _ in got] == [80.0, 75.0] and got[0][1] is None


def test_a_milestone_in_brackets_leaves_the_target_its_words() -> None:
    texts = {t.value: t.text for t in targets_in_text(
        "đ) Về số hóa: số hóa 100% kết quả giải quyết thủ tục hành chính theo quy định trước ngày 31 tháng 12 năm 2025 "
        "(đến hết tháng 9 năm 2025 đạt 85%).", [(0, 1)], None, year_from=2025)}
    assert "kết quả giải quyết thủ tục hành chính" in texts[100.0]
    assert "kết quả" not in texts[85.0]


def test_the_same_share_in_brackets_keeps_its_words_after_it() -> None:
    """"ít nhất 3/4 hồ sơ công việc của phường (75%) được xử lý …": the bracket repeats the share, no milestone."""
    found = targets_in_text("Hồ sơ công việc: ít nhất 3/4 hồ sơ công việc của phường (75%) được xử lý trên môi "
                            "trường mạng.", [(0, 1)], None, year_from=2025)
    assert any("hồ sơ công việc" in t.text and "môi trường mạng" in t.text for t in found)


def test_a_series_wrapped_at_its_dash_is_one_sentence(packs: list[LoadedPack], tmp_path: Path) -> None:
    """Found by test_layouts_agree: rewrapped at 80 columns, "2.3. Hồ sơ công việc … (trừ hồ sơ mật): 60% - 75%" /
    "- 85% (tương ứng Quý III/2025, Quý IV/2025, năm 2026)." read its second line as a list item of its own, the first
    line's "60% - 75%" as a range (HP215-TGT-HSCV weaker)."""
    from layouts import disagreements

    plan = PLANS / "xa-ninh-giang-lan-luot-tuong-ung-dat-chuan.txt"
    assert disagreements(plan, packs, tmp_path, ["blank-between-paragraphs", "double-spaced"]) == {}


def test_a_short_item_ending_with_a_figure_and_a_dash_item_stay_two(tmp_path: Path) -> None:
    """A line not filled to the wrap ("- Ký số: đạt 95%") is a whole item; the dash item after it is another."""
    got = _targets("- Văn bản được ký số và xử lý trên môi trường mạng: đạt 95%\n- 85% cán bộ, công chức được bồi "
                   "dưỡng kỹ năng số.", tmp_path)
    assert sorted(v for v, _ in got) == [85.0, 95.0]


def test_a_figure_with_its_sign_after_the_year_it_is_set_for(packs: list[LoadedPack], tmp_path: Path) -> None:
    """Found by test_rewrites ("trên 90%" written "> 90%"): "2.6. Mức độ hài lòng …: năm 2025" / "> 90%, năm 2026 >
    92%, …" ended the point at the line's end, its figure read without its subject (HP215-TGT-HAILONG missing)."""
    path = tmp_path / "plan.txt"
    path.write_text((PLANS / "xa-ninh-giang-lan-luot-tuong-ung-dat-chuan.txt").read_text(encoding="utf-8")
                    .replace("năm 2025\ntrên 90%", "năm 2025\n> 90%"), encoding="utf-8")
    assert "năm 2025\n> 90%" in path.read_text(encoding="utf-8")
    assert loud(path, packs) == set()
