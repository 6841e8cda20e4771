"""A plan whose tabs its editor turned into spaces (vim ``expandtab``, Notepad++ "TAB to Space", ``expand``,
``str.expandtabs``) is read as the plan with its tabs (checker/ingest/tabstops.py): every text fixture of
tests/fixtures/plans with a tab in it (tab-separated header columns, tab tables, tab-separated signature blocks),
expanded to stops of 8 and of 4, gives the error and warning findings the tab original gives, at the same lines:
no false alarm on a compliant plan, every defect of a defective one found where it was. Before the fix, 10 (width
8) and 12 (width 4) of the 21 compliant plans gave false alarms, a tab become a single space joining two cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_office import OFFICE_READ
from ruamel.yaml import YAML

from checker.ingest.tabstops import restored, width_of
from checker.ingest.txt import lines_of
from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX: dict[str, dict[str, object]] = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
TABBED = sorted(n for n in INDEX
                if not n.endswith((".docx", *OFFICE_READ)) and "\t" in (PLANS / n).read_text(encoding="utf-8"))


def _loud(findings: list[Finding]) -> list[tuple[str, str, int | None, str]]:
    return sorted((f.id, f.kind, f.line, f.evidence) for f in findings if f.severity in ("error", "warning"))


def test_the_tab_fixtures_are_many() -> None:
    assert sum(1 for n in TABBED if INDEX[n]["compliant"]) >= 20 and len(TABBED) >= 40


# round 21b left the Đồ Sơn pair at stops of 4 (tests/fixtures/blind-21b-expected.md): the header "STT<tab>Chỉ tiêu<tab>
# Kết quả 6 tháng đầu năm 2025<tab>…" has its first tab a single space ("STT" ends one before a stop) and a single
# space inside a cell at a stop before a figure ("Kết quả 6 tháng"), which was cut as a figure's cell; a header's
# cells are titles (round 22b: tabstops._cut_singles ``header``)
CASES = [(name, width) for name in TABBED for width in (8, 4)]


@pytest.mark.parametrize(("name", "width"), CASES)
def test_expanded_tabs_read_as_tabs(name: str, width: int, packs: list[LoadedPack], tmp_path: Path) -> None:
    expanded = tmp_path / name
    expanded.write_text((PLANS / name).read_text(encoding="utf-8").expandtabs(width), encoding="utf-8")
    original, spaced = check_file(PLANS / name, packs), check_file(expanded, packs)
    assert spaced.status == original.status and spaced.unit == original.unit
    assert _loud(spaced.findings) == _loud(original.findings)


def test_text_laid_out_with_spaces_is_not_taken_for_expanded_tabs() -> None:
    """Columns set with spaces end anywhere (pdftotext -layout, a plan typed with spaces): no tab is put back."""
    laid_out = ["ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "PHƯỜNG LÊ CHÂN               Độc lập - Tự do - Hạnh phúc",
                "1   Hồ sơ công việc được xử lý trên môi trường mạng     75%      80%"]
    assert width_of(laid_out) is None
    lines = lines_of("\n".join(laid_out))
    assert restored(lines) == lines


def test_a_single_space_at_a_stop_is_a_tab_only_where_the_table_says_so() -> None:
    """In a row short of a cell, a figure after words opens a cell ("… theo quy định 100%"); in a row with all its
    cells, a capital at a stop is a word of its cell ("… trên Hệ thống …")."""
    text = ("STT\tChỉ tiêu\tThành phố giao\tXã đăng ký\n"
            "1\tKết quả giải quyết thủ tục hành chính được số hóa theo quy định\t100%\t100%\n"
            "2\tBáo cáo định kỳ, thực hiện trên Hệ thống thông tin báo cáo\t100%\t100%\n"
            "3\tHồ sơ công việc xử lý trên môi trường mạng (trừ hồ sơ mật)\t75%\t78%")
    expanded = text.expandtabs(8)
    assert "định 100%" in expanded and "trên Hệ" in expanded  # a tab and a space, each one space before a stop
    got = [ln.text for ln in restored(lines_of(expanded))]
    assert [t.split("\t") for t in got] == [t.split("\t") for t in text.splitlines()]
