"""Targets in other units (hours, days, VND, counts), maxima, figures compared exactly, ``exact:`` phrases, and
the plan's own column of the city's targets compared with the directive."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PACK_FILE, plan_from_text

from checker.checks.base import Context
from checker.checks.targets import check
from checker.errors import RulePackError
from checker.rules.loader import LoadedPack, load_pack
from checker.rules.schema import Target
from checker.text import contains, squash

PLAN = """I. MỤC TIÊU
2. Chỉ tiêu cụ thể
{items}
"""


def _targets(items: str) -> list[tuple[str, str, float]]:
    return [(t.unit, t.comparator, t.value) for t in plan_from_text(PLAN.format(items=items)).targets]


def test_units_are_read() -> None:
    assert _targets("- Khôi phục hệ thống trong vòng 24 tiếng khi có sự cố.") == [("giờ", "<=", 24)]
    assert _targets("- Giải quyết hồ sơ không quá 05 ngày làm việc.") == [("ngày", "<=", 5)]
    assert _targets("- Bố trí tối thiểu 1.500 triệu đồng cho chuyển đổi số.") == [("VND", ">=", 1.5e9)]
    assert _targets("- Tổ chức ít nhất 02 lớp tập huấn kỹ năng số.") == [("count", ">=", 2)]


def test_dates_and_years_are_not_figures() -> None:
    assert _targets("- Ngày 25/8/2025 ban hành kế hoạch; trong năm 2025 triển khai 03 nhiệm vụ.") == []


def test_a_duration_inside_a_percentage_target_keeps_it_whole() -> None:
    got = plan_from_text(PLAN.format(items="- 100% hệ thống có giải pháp phục hồi trong vòng 24 giờ.")).targets
    assert [(t.unit, t.value) for t in got] == [("%", 100), ("giờ", 24)]
    assert all("phục hồi" in t.text for t in got)


def _rule(**kw: object) -> Target:
    base: dict[str, object] = {"id": "T-1", "type": "target", "message": "m", "match": [["phục hồi"]]}
    return Target.model_validate(base | kw)


def _judge(rule: Target, items: str, pack: LoadedPack) -> list[tuple[str, str]]:
    plan = plan_from_text(PLAN.format(items=items))
    return [(f.kind, f.message) for f in check(plan, rule, Context(loaded=pack))]


def test_a_maximum_allows_less_not_more(pack: LoadedPack) -> None:
    rule = _rule(comparator="<=", value=24, unit="giờ")
    assert _judge(rule, "- Phục hồi hoạt động trong vòng 12 giờ.", pack) == []
    assert _judge(rule, "- Phục hồi hoạt động trong vòng 24 tiếng.", pack) == []
    (got,) = _judge(rule, "- Phục hồi hoạt động trong vòng 72 giờ.", pack)
    assert got[0] == "weaker" and "tối đa 72 giờ" in got[1] and "tối đa 24 giờ" in got[1] and "vượt" in got[1]
    assert [k for k, _ in _judge(rule, "- Phục hồi hoạt động tối thiểu 12 giờ.", pack)] == ["weaker"]


def test_a_strict_maximum(pack: LoadedPack) -> None:
    rule = _rule(comparator="<", value=5, unit="ngày")
    assert _judge(rule, "- Phục hồi hồ sơ dưới 03 ngày.", pack) == []
    assert [k for k, _ in _judge(rule, "- Phục hồi hồ sơ không quá 05 ngày.", pack)] == ["weaker"]


def test_a_percentage_rule_ignores_a_duration(pack: LoadedPack) -> None:
    rule = _rule(value=100)
    assert _judge(rule, "- 100% hệ thống có giải pháp phục hồi trong vòng 24 giờ.", pack) == []


def test_unit_is_validated_and_aliases_accepted() -> None:
    assert _rule(value=24, unit="tiếng", comparator="<=").unit == "giờ"
    with pytest.raises(ValueError):
        _rule(value=24, unit="phút")


def test_unit_error_in_a_pack_names_its_line(tmp_path: Path) -> None:
    text = PACK_FILE.read_text(encoding="utf-8").replace("    value: 80\n", "    value: 80\n    unit: giây\n", 1)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    assert exc.value.line is not None and "unit: giây" in text.splitlines()[exc.value.line - 1]
    assert ".unit (HP215-TGT-HOSO)" in exc.value.message


def test_figures_never_fuzzy_match_and_exact_phrases() -> None:
    assert not contains(squash("trong vòng 72 tiếng"), squash("24 tiếng"))
    assert not contains(squash("trong vòng 124 tiếng"), squash("24 tiếng"))
    assert contains(squash("trong vòng 24 tiếng"), squash("24 tiếng"))
    assert not contains(squash("sử dụng hợp đồng điện tử"), squash("exact: hóa đơn điện tử"))
    assert contains(squash("dùng hóa đơn điện tử"), squash("exact: hóa đơn điện tử"))


def test_the_city_column_is_compared_with_the_directive(pack: LoadedPack) -> None:
    rule = next(r for r in pack.pack.rules if r.id == "HP215-TGT-HOSO")
    assert isinstance(rule, Target)
    table = """| TT | Chỉ tiêu của phường | Chỉ tiêu thành phố |
|---|---|---|
| 1 | Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình | {city} |"""
    assert _judge(rule, table.format(city="80%"), pack) == []
    (got,) = _judge(rule, table.format(city="70%"), pack)
    assert got[0] == "inconsistent" and "70%" in got[1] and "80%" in got[1]
    # a table flattened into text: the city's figure on a line of its own
    flat = "1\nHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt tối thiểu 85%\n70%\n"
    assert [k for k, _ in _judge(rule, flat, pack)] == ["inconsistent"]


def test_the_shipped_pack_is_unchanged_by_units() -> None:
    assert all(r.unit == "%" for r in load_pack(PACK_FILE).pack.rules if isinstance(r, Target))
