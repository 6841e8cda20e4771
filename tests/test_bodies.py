"""outdated-bodies: bodies that no longer exist (rules/bodies.yaml + the city's former districts), history aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks import CHECKS
from checker.checks.base import Context
from checker.checks.bodies import check
from checker.checks.structure import check_unit
from checker.ingest import read
from checker.ingest.txt import lines_of
from checker.models import Document, Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack, load_pack

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def head(unit: str = "PHƯỜNG BẾN ĐÁ", date: str = "ngày 10 tháng 9 năm 2025") -> str:
    return f"ỦY BAN NHÂN DÂN\n{unit}\nSố: 5/KH-UBND\nBến Đá, {date}\nKẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n"


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return load_pack(ROOT / "rules" / "215-KH-UBND.yaml")


def plan_of(text: str) -> Plan:
    return parse(Document(path="t.txt", format="txt", lines=lines_of(text)))


def run(text: str, loaded: LoadedPack, header: str | None = None) -> list[tuple[str, str, int | None]]:
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    return [f.key() for f in check(plan_of((header or head()) + text), rule, Context(loaded=loaded))]


def test_registered() -> None:
    assert CHECKS["outdated-bodies"] is check


@pytest.mark.parametrize("text", [
    "- Duy trì hội nghị trực tuyến của UBND huyện bảo đảm thông suốt.\n",
    "- Duy tri hoi nghi truc tuyen cua UBND\nhuyen dam bao thong suot.\n",  # OCR, wrapped
    "- Báo cáo Sở Thông tin và Truyền thông kết quả thực hiện.\n",
    "1. Phong Van héa va Thong tin\n",  # OCR
    "- Tiếp nhận hồ sơ tại Trung tâm Hành chính công phường.\n",
    "- Phòng Kinh tế tham mưu bố trí kinh phí.\n",  # a phường has Phòng Kinh tế, Hạ tầng và Đô thị
    "- Báo cáo UBND huyện Cát Hải kết quả.\n",  # a former district of the city (units registry)
    "- Báo cáo UBND quận kết quả thực hiện.\n",
    "- Bao cao UBND quan ket qua thuc hien.\n",  # OCR: no diacritics, the folded name alone
    "- Báo cáo Uỷ ban nhân dân quận kết quả.\n",  # the tone on the other vowel: the same word
    "- Tuyên truyền trên hệ thống truyền thanh; phối hợp P. VH-TT thực hiện.\n",  # a name with a full stop
    "- Báo cáo Sở Thông tin và Truyền thống kết quả.\n",  # a tone slipped in a long name: still that name
])
def test_fail(text: str, loaded: LoadedPack) -> None:
    assert run(text, loaded) == [("HP215-BODIES", "outdated", 9)]


def test_expected_replacement(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    (f,) = check(plan_of(head() + "1. Phòng Văn hóa và Thông tin\n"), rule, Context(loaded=loaded))
    assert f.expected == "Phòng Văn hóa - Xã hội" and f.source


def test_phong_kinh_te_severity_is_warning(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    (f,) = check(plan_of(head() + "- Phòng Kinh tế tham mưu.\n"), rule, Context(loaded=loaded))
    assert f.severity == "warning"


@pytest.mark.parametrize("text", [
    "(Kế hoạch này thay thế cho Kế hoạch số 60/KH-UBND ngày 28/02/2025 của Ủy ban nhân dân huyện Cát Hải)\n",
    "- Khai thác dữ liệu các xã (cấp huyện cũ) để tái sử dụng.\n",
    "- Sở Khoa học và Công nghệ (trước đây là Sở Thông tin và Truyền thông).\n",
    "- Phòng Văn hóa - Xã hội chủ trì.\n",
    "- Trung tâm Phục vụ hành chính công phường tiếp nhận hồ sơ.\n",
    "- Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí kinh phí.\n",
    "- Văn phòng HĐND và UBND phường; UBND phường quản lý.\n",
    "- Các cơ quan quản lý nhà nước thành phố Hải Phòng.\n",
    # "lí" for "lý" (both spellings are in use): folded, "UBND quản" is "UBND quận"; written, it is another word
    "- Văn phòng HĐND và UBND phường; UBND phường quản lí hệ thống.\n",
    "- Văn phòng HĐND và UBND quản lí Hệ thống quản lý văn bản và điều hành.\n",
    "- Tổ chức quản lí, vận hành; Ủy ban nhân dân quản lí trực tiếp.\n",
    # a name never runs on over a sentence's end: "… Ủy ban nhân dân." then "- Quán triệt …" on the same line
    "- Báo cáo kết quả thực hiện về Ủy ban nhân dân. - Quán triệt kỹ năng số.\n",
    "- Bao cao ket qua thuc hien ve Uy ban nhan dan. - Quan triet ky nang so.\n",
])
def test_pass(text: str, loaded: LoadedPack) -> None:
    assert run(text, loaded) == []


def test_phong_kinh_te_is_right_for_a_xa(loaded: LoadedPack) -> None:
    assert run("- Phòng Kinh tế tham mưu.\n", loaded, head("XÃ RỪNG THÔNG")) == []
    assert run("- Phòng Kinh tế, Hạ tầng và Đô thị tham mưu.\n", loaded, head("XÃ AN LÃO")) == [
        ("HP215-BODIES", "outdated", 9)]


def test_plan_before_the_change_is_quiet(loaded: LoadedPack) -> None:
    early = head(date="ngày 10 tháng 5 năm 2025")
    assert run("- Báo cáo UBND huyện kết quả.\n", loaded, early) == []


def test_required_unit_not_doubled(loaded: LoadedPack) -> None:
    """The unit check stays quiet when the unit is assigned under its old name (reported here instead)."""
    rule = next(r for r in loaded.pack.rules if r.id == "HP215-UNIT-VHXH")
    text = head() + ("1. Phòng Văn hóa và Thông tin\n- Là cơ quan đầu mối, chủ trì, tham mưu.\n"
                     "2. Công an phường\n- Bảo đảm an ninh.\n")
    assert list(check_unit(plan_of(text), rule, Context(loaded=loaded))) == []


# ------------------------------------------------------------------ seeds (shared, read-only)


def _seed_plan(prefix: str) -> Plan:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not present")
    return parse(read(next(SEEDS.glob(f"{prefix}_*.txt"))))


def test_seed_000(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    got = sorted(check(_seed_plan("000"), rule, Context(loaded=loaded)), key=lambda f: f.line or 0)
    assert [f.key() for f in got] == [("HP215-BODIES", "outdated", 258), ("HP215-BODIES", "outdated", 293)]
    assert got[0].expected == "Phòng Văn hóa - Xã hội"
    assert got[1].actual == "UBND huyện"


def test_seed_003_history_is_quiet(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    assert list(check(_seed_plan("003"), rule, Context(loaded=loaded))) == []


def test_seed_002_former_level_is_quiet(loaded: LoadedPack) -> None:
    """002 is not-applicable in the pipeline; run on its text, "(cấp huyện cũ)" (line 190) stays quiet.

    Its "Trung tâm Hành chính công" (line 250) is the pre-reform name: that one is a finding.
    """
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    got = [(f.line, f.expected) for f in check(_seed_plan("002"), rule, Context(loaded=loaded))]
    assert got == [(250, "Trung tâm Phục vụ hành chính công")]


def test_a_name_on_the_second_line_of_a_wrapped_paragraph_is_quoted(loaded: LoadedPack) -> None:
    """The finding sits on the line the name is on and quotes the paragraph it is in, not nothing: a paragraph
    wrapped over lines of the file is one line of the plan, numbered by its first line."""
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    filler = "tổng hợp, theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ của Kế hoạch; " * 3
    text = head() + ("1. Phòng Văn hóa - Xã hội chủ trì tham mưu triển khai Kế hoạch; " + filler + "\n"
                     "định kỳ báo cáo Ủy ban nhân dân phường và Sở Thông tin và Truyền thông theo quy định.\n")
    found = list(check(plan_of(text), rule, Context(loaded=loaded)))
    assert [f.line for f in found] == [10]
    quote = found[0].evidence
    assert "Sở Thông tin và Truyền thông" in quote and len(quote) <= 220  # the name shown, the quote cut around it
    assert quote.startswith("…") and quote.endswith("theo quy định.")


CENTRE = ("1. Phòng Văn hóa - Xã hội phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện Vĩnh Bảo tổ chức "
          "tuyên truyền.")


@pytest.mark.parametrize("cut", [None, "Văn hóa,", "Thể thao", "huyện", "Vĩnh"])
def test_one_mention_gives_one_finding_however_it_is_wrapped(cut: str | None, loaded: LoadedPack) -> None:
    """A former district's body named in a task ("Trung tâm Văn hóa, Thông tin và Thể thao huyện Vĩnh Bảo") is one
    outdated mention: its district, named inside it, is reported, and the centre whose name shares the word "huyện"
    with it is not reported again, on its line or on the line before (xa-vinh-thuan-den-het-nam-2026.txt)."""
    rule = next(r for r in loaded.pack.rules if r.type == "outdated-bodies")
    text = CENTRE if cut is None else CENTRE.replace(cut + " ", cut + "\n", 1)
    found = list(check(plan_of(head() + text + "\n"), rule, Context(loaded=loaded)))
    assert [f.actual for f in found] == ["Huyện Vĩnh Bảo"]
    assert found[0].line == 9 + text[: text.index("huyện")].count("\n")  # where the district's name begins


def test_ocr_marks_are_not_the_writers(loaded: LoadedPack) -> None:
    """A plan that came through OCR: the marks it invents ("UBND huyén" for "huyện") do not make another word (the
    marks of clean text do: "UBND quản lí" is not "UBND quận"). Seed 000 as rendered one paragraph a line."""
    ocr = "UY BAN NHAN DAN\nPHUONG BEN DA\nSo: 5/KH-UBND\nBen Da, ngay 10 thang 9 nam 2025\nKE HOACH\nThu\n\n" \
          "I. TO CHUC THUC HIEN\n"
    text = "- Duy tri hé théng hoi nghi truc tuyén cia UBND huyén dam bao théng suét, 6n dinh.\n"
    assert run(text, loaded, ocr) == [("HP215-BODIES", "outdated", 9)]
