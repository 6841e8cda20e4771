"""Blind round 18b (tests/fixtures/blind-18b-expected.md: the verdicts written before the first run, and that run's
result; the Word files made by tests/fixtures/plans/word/make_round18b.py): drafts at their working stage, as a ward
drafter checks them before signing: the number, the day and the signer's name blank, "DỰ THẢO" above the header or
in the page header, notes, alternatives, placeholders, Word comments and highlights left in, the office's Tờ trình
before the plan. Each .docx is checked as committed and as the .odt LibreOffice makes of it (skipped without
LibreOffice). What the round revealed, pinned on its own:

- the file an office sends up for signature, its Tờ trình first (its own header, "TỜ TRÌNH", Kính gửi, Nơi nhận,
  TRƯỞNG PHÒNG) and the plan after it, was read as the Tờ trình, "không áp dụng", and the plan never checked: a
  document of another type (rules/conventions.yaml ``document_types``) before the plan's own header is a cover, as
  a letter or a copy's block is (header.covered_plan);
- a draft's number left blank with dots, an ellipsis or a rule ("Số: ......./KH-UBND", "Số: …/KH-UBND") was read as
  no number at all (an error: "Thiếu thành phần thể thức: số, ký hiệu"), and a day left blank in figures
  ("ngày     /9/2025") as no date: both are a draft's blanks, as "Số:      /KH-UBND" and "ngày      tháng 9" are;
- a document that says it is a draft ("DỰ THẢO", "DỰ THẢO LẦN 2" in the page header, "Dự thảo lần 3 - …" above the
  header, rules/conventions.yaml ``draft_markers`` and ``draft_rounds``) is known as one (its signer's name is then
  not asked for). Its blank number and day stay warnings, "Dự thảo chưa ký", as the reviewers' verdict has it
  (../shared/plans-reviewed, xa-tien-lang-draft.txt: an unsigned draft's blanks are a defect): the round made them
  information where the draft says it is one; the lead kept them warnings on merging (a draft sent as the plan is
  not yet a plan issued, and a gate must stop it). A good draft gives those two warnings and nothing else.
"""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from test_blind_word_round12 import _path, made_by_office

from checker.i18n import msg
from checker.ingest import read
from checker.models import Finding
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
SCRIPT = (PLANS / "word" / "make_round18b.py").read_text(encoding="utf-8")
WORD = [n for n in INDEX if f'"{n.removesuffix(".docx").removesuffix("-dat-chuan").removesuffix("-loi")}"' in SCRIPT]
TEXT = ["xa-yet-kieu-ban-nhap-ghi-chu-dat-chuan.txt", "xa-yet-kieu-ban-nhap-ghi-chu-loi.txt"]
CASES = [(n, "docx") for n in WORD] + [(n, "odt") for n in WORD] + [(n, "txt") for n in TEXT]
GOOD = [n for n in WORD + TEXT if "-dat-chuan" in n]  # the good drafts (index: their blanks their only defects)
DRAFT = ("HP215-FORM", "incomplete", "warning")  # "Dự thảo chưa ký": a draft's blank number and day


def test_round_plans_listed() -> None:
    assert len(WORD) == 4 and all(n in INDEX for n in TEXT)
    # the good drafts: a draft's blank number and day their only defects (the lead's decision on merging)
    assert len(GOOD) == 3 and not any(INDEX[n]["compliant"] for n in GOOD)
    assert all({(d["id"], d["kind"]) for d in INDEX[n]["defects"]} == {DRAFT[:2]} for n in GOOD)


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every Word plan as committed and as the .odt LibreOffice makes of it; the text plans as they are."""
    return made_by_office("make_round18b", WORD, lambda: tmp_path_factory.mktemp("round18b")) | {
        n: PLANS / n for n in TEXT}


def _blank(f: Finding) -> bool:
    return (f.id, f.kind, f.severity) == DRAFT and f.message in (msg("form.draft_number", "vi", actual=f.actual),
                                                                 msg("form.draft_date", "vi", actual=f.actual))


def _blanks(path: Path, packs: list[LoadedPack]) -> int:
    """How many of the plan's findings are a draft's blank number or day (warnings)."""
    return sum(_blank(f) for f in check_file(path, packs).findings)


def _loud(path: Path, packs: list[LoadedPack], blanks: bool = True) -> list[tuple[str, str, int | None]]:
    """The findings at error or warning level (id, kind, line), a draft's blank number and day among them or not."""
    result = check_file(path, packs)
    return sorted((f.id, f.kind, f.line) for f in [*result.findings, *result.general]
                  if f.severity in ("error", "warning") and (blanks or not _blank(f)))


def _beyond(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, int | None]]:
    """The findings at error or warning level but a draft's blank number and day."""
    return _loud(path, packs, blanks=False)


@pytest.mark.parametrize(("name", "fmt"), [c for c in CASES if c[0] in GOOD])
def test_compliant_draft_silent(name: str, fmt: str, variants: dict[str, Path], packs: list[LoadedPack]) -> None:
    """Nothing at error or warning level but the draft's blank number and day."""
    path = _path(variants, name, fmt) if fmt != "txt" else variants[name]
    assert check_file(path, packs).status == "checked"
    assert _beyond(path, packs) == [] and _blanks(path, packs) == 2


@pytest.mark.parametrize(("name", "fmt"), [c for c in CASES if c[0] not in GOOD])
def test_defective_draft_found_exactly(name: str, fmt: str, variants: dict[str, Path],
                                       packs: list[LoadedPack]) -> None:
    """Every defect at its place and nothing else (a defect without a place: its id and kind); the .odt numbers its
    paragraphs as LibreOffice wrote them: the same findings by rule and kind."""
    path = _path(variants, name, fmt) if fmt != "txt" else variants[name]
    want = sorted((d["id"], d["kind"], d.get("line")) for d in INDEX[name]["defects"])
    placed = sorted((i, k, line if (i, k, None) not in want else None) for i, k, line in _loud(path, packs))
    if fmt == "odt":
        assert [(i, k) for i, k, _ in placed] == [(i, k) for i, k, _ in want]
    else:
        assert placed == want


# --------------------------------------------------------------------------- the Tờ trình before the plan
PLAN = PLANS / "xa-yet-kieu-ban-nhap-ghi-chu-dat-chuan.txt"


def _cover(kind: str, symbol: str) -> str:
    """An office's document of ``kind`` before the plan, as the file sent up for signature holds it."""
    return (f"UBND XÃ YẾT KIÊU\nPHÒNG VĂN HÓA - XÃ HỘI\nSố:      /{symbol}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nYết Kiêu, ngày      tháng 9 năm 2025\n\n"
            f"{kind}\nVề việc ban hành Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số năm 2025\n\n"
            "Kính gửi: Chủ tịch Ủy ban nhân dân xã Yết Kiêu.\n\n"
            "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố, Phòng Văn hóa - Xã hội "
            "đã xây dựng dự thảo Kế hoạch, kính trình Chủ tịch xem xét, ký ban hành./.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VHXH.\nTRƯỞNG PHÒNG\n\n\nNguyễn Thị Lan\n\n")


@pytest.mark.parametrize(("kind", "symbol", "closing"), [
    ("TỜ TRÌNH", "TTr-VHXH", "Nơi nhận:\n- Như trên;\n- Lưu: VHXH.\nTRƯỞNG PHÒNG"),
    ("BÁO CÁO", "BC-VHXH", "Nơi nhận:\n- Như trên;\n- Lưu: VHXH.\nTRƯỞNG PHÒNG"),
    ("TỜ TRÌNH", "TTr-VHXH", "TRƯỞNG PHÒNG")])  # no Nơi nhận, no TM./KT.: the signer's title and name alone
def test_the_document_before_the_plan_is_a_cover(tmp_path: Path, packs: list[LoadedPack], kind: str,
                                                  symbol: str, closing: str) -> None:
    path = tmp_path / "to-trinh-kem-du-thao.txt"
    cover = _cover(kind, symbol).replace("Nơi nhận:\n- Như trên;\n- Lưu: VHXH.\nTRƯỞNG PHÒNG", closing)
    text = cover + PLAN.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    result = check_file(path, packs)
    assert result.status == "checked"
    plan = parse(read(path))
    assert plan.header.doc_type == "Kế hoạch" and plan.header.number == "/KH-UBND"
    assert _beyond(path, packs) == [] and _blanks(path, packs) == 2


# --------------------------------------------------------------------------- a draft's blanks written otherwise
@pytest.mark.parametrize("number", ["Số: ......./KH-UBND", "Số: …/KH-UBND", "Số: ____/KH-UBND", "Số:…./KH-UBND"])
def test_a_number_left_blank_with_dots_is_a_drafts_blank(tmp_path: Path, packs: list[LoadedPack],
                                                          number: str) -> None:
    path = tmp_path / "so-de-trong.txt"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("Số:        /KH-UBND", number, 1), encoding="utf-8")
    header = parse(read(path)).header
    assert header.number == "/KH-UBND" and header.number_blank and header.number_line == 6
    assert _beyond(path, packs) == [] and _blanks(path, packs) == 2


@pytest.mark.parametrize("day", ["ngày     /9/2025", "ngày …/9/2025", "ngày ..../9/2025"])
def test_a_day_left_blank_in_figures_is_a_drafts_blank(tmp_path: Path, packs: list[LoadedPack], day: str) -> None:
    path = tmp_path / "ngay-de-trong.txt"
    text = PLAN.read_text(encoding="utf-8").replace("ngày      tháng 9 năm 2025", day, 1)
    path.write_text(text, encoding="utf-8")
    header = parse(read(path)).header
    assert header.date_blank and header.date_line == 9 and header.month == 9 and header.year == 2025
    assert _beyond(path, packs) == [] and _blanks(path, packs) == 2


# --------------------------------------------------------------------------- a draft that says it is one
@pytest.mark.parametrize(("mark", "draft"), [
    ("DỰ THẢO", True), ("DỰ THẢO LẦN 2", True), ("Dự thảo lần 3 - Phòng VH-XH, ngày 19/9/2025", True),
    ("Dự thảo 2", True), ("(Dự thảo)", True),
    ("Dự thảo Kế hoạch do Phòng Văn hóa - Xã hội soạn", False), ("", False)])
def test_a_draft_that_says_so_is_known_as_one(tmp_path: Path, packs: list[LoadedPack], mark: str, draft: bool) -> None:
    """A draft's mark with its round ("DỰ THẢO LẦN 2", "Dự thảo 2") says it is a draft as "DỰ THẢO" does; "Dự thảo"
    opening a sentence does not. Its blank number and day are warnings either way (an unsigned draft sent as the
    plan is no plan issued)."""
    path = tmp_path / "du-thao.txt"
    text = PLAN.read_text(encoding="utf-8")
    assert text.startswith("DỰ THẢO\n")
    path.write_text(mark + text.removeprefix("DỰ THẢO"), encoding="utf-8")
    assert parse(read(path)).header.draft is draft
    blanks = [(f.line, f.severity) for f in check_file(path, packs).findings if (f.id, f.kind) == DRAFT[:2]]
    assert blanks == [(6, "warning"), (9, "warning")]


# --------------------------------------------------------------------------- a figure crossed out in Word
def _struck(tmp_path: Path, tag: str, plan: str) -> Path:
    """``plan`` with "75% " before its online dossiers' "85% (hoặc 90%)", in a run whose properties carry ``tag``."""
    with zipfile.ZipFile(PLANS / plan) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    doc = parts["word/document.xml"].decode("utf-8")
    at = doc.rfind("<w:r>", 0, doc.index("85% (hoặc 90%)"))
    run = f'<w:r><w:rPr>{tag}<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">75% </w:t></w:r>'
    parts["word/document.xml"] = (doc[:at] + run + doc[at:]).encode("utf-8")
    path = tmp_path / plan
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _office(path: Path) -> list[Path]:
    """The .odt LibreOffice makes of ``path`` (none without LibreOffice), by the round's generator."""
    sys.path.insert(0, str(PLANS / "word"))
    try:
        module = importlib.import_module("make_round18b")
    finally:
        sys.path.pop(0)
    return list(module.office_variants([path], path.parent / "odt"))


@pytest.mark.parametrize("tag", ["<w:strike/>", "<w:dstrike/>"])
def test_a_figure_struck_through_is_crossed_out(tmp_path: Path, packs: list[LoadedPack], tag: str) -> None:
    """A reviewer crossing "75%" out of a draft and typing "85%" after it (Font → Strikethrough, not Track
    Changes): the target read is 85% (before: "tối thiểu 75%", an error weaker and a warning inconsistent)."""
    path = _struck(tmp_path, tag, "phuong-duong-kinh-du-thao-gop-y-word-dat-chuan.docx")
    assert _beyond(path, packs) == []
    for odt in _office(path):  # LibreOffice's .odt of it: a span styled line-through
        assert _beyond(odt, packs) == []
    # not struck: the same run is the text, and the figure under the city's is found
    found = _beyond(_struck(tmp_path, "", "phuong-duong-kinh-du-thao-gop-y-word-dat-chuan.docx"), packs)
    assert ("HP215-TGT-HOSO", "weaker", 26) in found
