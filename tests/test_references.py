"""legal-references: citations compared with rules/references.yaml (date, issuer, status, one date per document)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks import CHECKS
from checker.checks.base import Context
from checker.checks.references import check, issuer_differs, official_date, registry_key
from checker.ingest import read
from checker.ingest.txt import lines_of
from checker.models import Document, Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack, load_pack

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN ĐÁ\nSố: 5/KH-UBND\nBến Đá, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\nThử\n\nI. CĂN CỨ\n"


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return load_pack(ROOT / "rules" / "215-KH-UBND.yaml")


def plan_of(text: str) -> Plan:
    return parse(Document(path="t.txt", format="txt", lines=lines_of(text)))


def run(text: str, loaded: LoadedPack) -> list[tuple[str, str, int | None]]:
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    return [f.key() for f in check(plan_of(HEAD + text), rule, Context(loaded=loaded))]


def test_registered() -> None:
    assert CHECKS["legal-references"] is check


def test_registry_keys_match_parser() -> None:
    assert registry_key("85/2016/NĐ-CP") == "85/2016/ND-CP"
    assert registry_key("52-NQ/TW") == "52/NQ-TW"
    assert registry_key("116/2025/QH15") == "116/2025/QH15"
    assert official_date(__import__("datetime").date(2016, 7, 1)) == "01/7/2016"


def test_every_registry_entry_has_a_key(loaded: LoadedPack) -> None:
    assert loaded.references is not None
    assert all(registry_key(d.number) for d in loaded.references.docs)


def test_wrong_date_verified_is_error(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    plan = plan_of(HEAD + "- Nghị định 85/2016/NĐ-CP ngày 01/7/2025 của Chính phủ về an toàn thông tin.\n")
    (f,) = list(check(plan, rule, Context(loaded=loaded)))
    assert (f.kind, f.line, f.severity, f.expected) == ("outdated", 9, "error", "01/7/2016")
    assert "01/7/2016" in f.message and "85/2016/NĐ-CP" in (f.source or "")


def test_the_quote_of_a_citation_starts_at_a_word(loaded: LoadedPack) -> None:
    """A citation deep in a long sentence is quoted from a few words before it, starting at a word (never "g thông
    tin ..." cut from "an toàn hệ thống")."""
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    plan = plan_of(HEAD + "- Phối hợp triển khai đánh giá, phân loại, phê duyệt cấp độ an toàn hệ thống thông tin theo "
                   "quy định tại Nghị định 85/2016/NĐ-CP ngày 01/7/2025 của Chính phủ.\n")
    (f,) = list(check(plan, rule, Context(loaded=loaded)))
    first = f.evidence.split()[0]
    assert f"{first} " in "Phối hợp triển khai đánh giá, phân loại, phê duyệt cấp độ an toàn hệ thống thông tin theo "
    assert f" {first} " in " hệ thống thông tin theo " and "Nghị định 85/2016/NĐ-CP ngày 01/7/2025" in f.evidence


def test_wrong_date_unverified_is_warning(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    plan = plan_of(HEAD + "- Nghị định số 82/2024/NĐ-CP ngày 10/8/2024 của Chính phủ.\n")
    (f,) = list(check(plan, rule, Context(loaded=loaded)))
    assert (f.kind, f.severity) == ("outdated", "warning")


def test_right_date_and_ocr_forms_pass(loaded: LoadedPack) -> None:
    text = ("- Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ.\n"
            "- Nghi dinh s6 64/2007/NB-CP ngay 10/4/2007 cua Chinh phu.\n"
            "- Quyet dinh s6 942/QDP-TTg ngay 15/6/2021 cta Thi tuéng Chinh pha.\n"
            "- Theo NĐ 85/2016 về cấp độ.\n")
    assert run(text, loaded) == []


def test_short_form_with_wrong_date(loaded: LoadedPack) -> None:
    assert run("- Theo Nghị định 85/2016 ngày 01/7/2025.\n", loaded) == [("HP215-REFS", "outdated", 9)]


def test_issuer_clearly_different(loaded: LoadedPack) -> None:
    got = run("- Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Bộ Công an.\n", loaded)
    assert got == [("HP215-REFS", "outdated", 9)]
    assert not issuer_differs("Thi tuéng Chinh pha", "Thủ tướng Chính phủ")
    assert not issuer_differs("UBND thanh", "UBND thành phố Hải Phòng")


def test_unknown_is_info(loaded: LoadedPack) -> None:
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    plan = plan_of(HEAD + "- Quyết định số 123/QĐ-XYZ ngày 02/01/2025 của Bộ Gì Đó.\n")
    (f,) = list(check(plan, rule, Context(loaded=loaded)))
    assert (f.kind, f.severity, f.line) == ("outdated", "info", 9)
    assert "rules/references.yaml" in f.message


def test_history_is_quiet(loaded: LoadedPack) -> None:
    assert run("(Kế hoạch này thay thế cho Kế hoạch số 60/KH-UBND ngày 28/02/2025 của UBND huyện X)\n",
               loaded) == []


def test_directive_itself_is_skipped(loaded: LoadedPack) -> None:
    assert run("- Kế hoạch số 215/KH-UBND ngày 25/9/2025 của UBND thành phố.\n", loaded) == []


def test_cited_twice_with_two_dates(loaded: LoadedPack) -> None:
    text = ("- Quyết định số 123/QĐ-XYZ ngày 02/01/2025 của Bộ Gì Đó.\n"
            "- Quyết định số 123/QĐ-XYZ ngày 03/01/2025 của Bộ Gì Đó.\n")
    assert run(text, loaded) == [("HP215-REFS", "outdated", 9), ("HP215-REFS", "inconsistent", 10)]


def test_amended_without_amendment_is_info(loaded: LoadedPack) -> None:
    assert run("- Nghị định số 73/2019/NĐ-CP ngày 05/9/2019 của Chính phủ.\n", loaded) == [
        ("HP215-REFS", "outdated", 9)]
    text = ("- Nghị định số 82/2024/NĐ-CP ngày 10/7/2024 của Chính phủ sửa đổi Nghị định số 73/2019/NĐ-CP "
            "ngày 05/9/2019.\n")
    assert run(text, loaded) == []


def test_expired_period_only_after_its_end(loaded: LoadedPack) -> None:
    text = "- Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ.\n"
    assert run(text, loaded) == []
    later = HEAD.replace("năm 2025", "năm 2026")
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    got = [(f.key(), f.severity) for f in check(plan_of(later + text), rule, Context(loaded=loaded))]
    assert got == [(("HP215-REFS", "outdated", 9), "info")]


# ------------------------------------------------------------------ seeds (shared, read-only)


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not present")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _seed_findings(prefix: str, loaded: LoadedPack) -> list:
    rule = next(r for r in loaded.pack.rules if r.type == "legal-references")
    return list(check(parse(read(_seed(prefix))), rule, Context(loaded=loaded)))


def test_seed_003_wrong_date_of_85_2016(loaded: LoadedPack) -> None:
    got = _seed_findings("003", loaded)
    assert [(f.key(), f.expected) for f in got] == [(("HP215-REFS", "outdated", 179), "01/7/2016")]
    assert not any(345 <= (f.line or 0) <= 347 for f in got)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_correct_citations_are_quiet(prefix: str, loaded: LoadedPack) -> None:
    assert _seed_findings(prefix, loaded) == []
