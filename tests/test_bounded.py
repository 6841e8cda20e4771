"""Reproducers of the families of hostile input found by fuzzing (issue 14): crashes, wrong output, hangs, size.

Each test makes its input from the description of the family, runs it through the real pipeline and checks the
one clear answer. Hangs are guarded by a generous alarm (``time_limit``) so that a regression fails instead of
stalling the suite; speed itself is measured by ``benchmarks/fuzz.py``, not asserted here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from fuzz_inputs import lying_zip_bomb, make_docx_bytes
from fuzz_oracle import run, text_lines, verify_outputs
from helpers_docs import sha256

from checker.checks.base import Context
from checker.checks.bodies import _plan_date
from checker.checks.targets import in_target_section
from checker.clean import one_line, safe_text, xml_safe
from checker.errors import IngestError
from checker.ingest import Limits, read
from checker.ingest.safety import time_limit
from checker.models import Finding, Header, Plan, PlanResult, Report, Section
from checker.models import Target as PlanTarget
from checker.pipeline import check_file
from checker.report import FORMATS
from checker.rules.loader import LoadedPack

HANG_GUARD = 60.0  # seconds: far above what any of these takes; only a hang reaches it

PLAN_HEAD = """ỦY BAN NHÂN DÂN PHƯỜNG HOA PHƯỢNG
Số: 12/KH-UBND
Hoa Phượng, ngày 05 tháng 9 năm 2025
KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số 6 tháng cuối năm 2025
Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng;
I. MỤC TIÊU
1. Mục tiêu cụ thể
- Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
"""


def refused(path: Path, match: str, limits: Limits | None = None) -> IngestError:
    before = sha256(path)
    with pytest.raises(IngestError) as err:
        read(path, limits)
    assert match in str(err.value), str(err.value)
    assert "\n" not in str(err.value)
    assert sha256(path) == before
    return err.value


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """``owner.name`` replaced by a wrapper that counts its calls (in the one item of the returned list)."""
    calls = [0]
    original = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def guarded(path: Path, packs: list[LoadedPack]) -> PlanResult:
    with time_limit(HANG_GUARD, str(path), "hang"):
        result = check_file(path, packs)
    assert result.reason != f"{path}: hang"
    return result


@pytest.fixture(scope="module")
def packs(pack: LoadedPack) -> list[LoadedPack]:
    return [pack]


# --------------------------------------------------------------------------- crashes


def test_target_section_out_of_range_is_refused_with_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text("sections:\n  - {title: MỤC TIÊU}\ntargets:\n  - {text: 80% hồ sơ, value: 80, section: 7}\n",
                    encoding="utf-8")
    err = refused(path, "targets.0.section")
    assert err.line == 4 and "không tồn tại" in err.message


def test_in_target_section_is_bounded_on_a_broken_tree(pack: LoadedPack) -> None:
    """A plan built elsewhere (not validated) with an index out of range and a cycle: no IndexError, no hang."""
    cyclic = [Section(title="A", parent=1), Section(title="B", parent=0)]
    plan = Plan(path="x", format="yaml", sections=cyclic)
    ctx = Context(loaded=pack, lang="vi")
    with time_limit(HANG_GUARD, "x", "hang"):
        assert in_target_section(plan, PlanTarget(text="x", value=1, section=0), ctx) is False
        assert in_target_section(plan, PlanTarget(text="x", value=1, section=9), ctx) is False


def test_month_13(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _plan_date(Plan(path="x", format="txt", header=Header(year=2025, month=13))) is None
    data = tmp_path / "thang.json"
    data.write_text(json.dumps({"header": {"year": 2025, "month": 13}}), encoding="utf-8")
    assert "header.month" in str(refused(data, "tháng 13"))
    text = tmp_path / "thang.txt"
    text.write_text(PLAN_HEAD.replace("ngày 05 tháng 9", "ngày 05 tháng 13"), encoding="utf-8")
    result = guarded(text, packs)
    assert result.status == "checked"


@pytest.mark.parametrize("suffix, template", [(".yaml", "header:\n  year: {n}\n"),
                                              (".json", '{{"header": {{"year": {n}}}}}')])
def test_integer_of_5000_digits(tmp_path: Path, suffix: str, template: str) -> None:
    path = tmp_path / f"so{suffix}"
    path.write_text(template.format(n="9" * 5000), encoding="utf-8")
    err = refused(path, "số quá lớn")
    assert err.line == 2 if suffix == ".yaml" else err.line == 1


def test_lone_surrogates_in_a_json_plan_never_reach_a_renderer(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "thay-the.json"
    path.write_text('{"header": {"unit_name": "Hoa\\ud800 Ph\\udfffượng"}, "targets": [{"text": "\\ud800 80% <b>", '
                    '"value": 80}], "implements": [{"number": "215/KH-UBND"}]}', encoding="utf-8")
    result = run(path.read_bytes(), path.name, tmp_path / "run", packs)
    assert result.status == "checked"
    doc = read(path)
    assert "\ufffd" in json.dumps(doc.structured, ensure_ascii=False)


# --------------------------------------------------------------------------- wrong output

HOSTILE = "a\x01b\x85c\u2028d\u2029e\x0bf\x1bg\ud800h\ufffe</x>]]>&<'\"::error::%0A,:\r\nz"


def _report(path: str, text: str) -> Report:
    finding = Finding(id="HP215-X", check="x", kind="missing", severity="error", line=3, message=text,
                      evidence=text, expected=text, actual=text)
    return Report(plans=[
        PlanResult(path=path, status="checked", unit=text, notes=[text], findings=[finding, finding]),
        PlanResult(path=path, status="unreadable", reason=text),
        PlanResult(path=path, status="not-applicable", reason=text),
    ])


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "text"])
def test_no_output_can_be_split_or_injected_even_without_the_door(fmt: str) -> None:
    """Results not made safe at the door (as a library user might build them): every format still holds."""
    report = _report(f"ke{HOSTILE}hoach.txt", HOSTILE)
    out = FORMATS[fmt](report)
    out.encode("utf-8")
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert len(root.findall("testsuite")) == 3
        assert len(root.findall(".//failure")) == 1 and len(root.findall(".//error")) == 1
    elif fmt == "github":
        assert len(out.splitlines()) == 4 and all(line.startswith("::") for line in out.splitlines())
    else:
        assert len(out.splitlines()) == text_lines(report)


def test_junit_well_formed_for_a_legacy_plan_with_control_characters(tmp_path: Path,
                                                                    packs: list[LoadedPack]) -> None:
    """Control bytes in an 8-bit (TCVN3/Windows-1258) file become C0/C1 characters: never in the XML."""
    from checker.ingest import legacy

    text = legacy.encode(PLAN_HEAD, "tcvn3").encode("latin-1") + b"\x01\x02\x85\x9f\x1b tr\x81n\n"
    path = tmp_path / "phong-cu.txt"
    path.write_bytes(text)
    run(text, path.name, tmp_path / "run", packs)


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\r", "\x1c"])
def test_odd_line_breaks_never_split_a_github_annotation(tmp_path: Path, packs: list[LoadedPack], brk: str) -> None:
    body = PLAN_HEAD.replace("Tối thiểu 80%", f"Tối thiểu 60%{brk}::error file=x::injected{brk}")
    path = tmp_path / f"dong{'_' if brk != chr(0x85) else ''}.txt"
    path.write_text(body, encoding="utf-8")
    result = run(path.read_bytes(), path.name, tmp_path / "run", packs)
    assert result.status == "checked"
    doc = read(path)
    assert all(safe_text(ln.text) == ln.text and "\n" not in ln.text for ln in doc.lines)


def test_a_yaml_error_is_one_vietnamese_line_without_the_parser_text(tmp_path: Path,
                                                                      packs: list[LoadedPack]) -> None:
    path = tmp_path / "hong.yaml"
    path.write_text("header:\n  unit_name: [Hoa Phượng\n  title: : :\n", encoding="utf-8")
    result = check_file(path, packs)
    assert result.status == "unreadable" and result.reason
    reason = result.reason
    assert "\n" not in reason and reason.startswith(f"{path}:")
    for raw in ("<unicode string>", "while ", "found ", "expected ", "column", "/tmp/tmp"):
        assert raw not in reason.split(": ", 1)[1], reason
    assert "YAML sai cú pháp" in reason


def test_a_file_name_cannot_add_a_line(tmp_path: Path, packs: list[LoadedPack]) -> None:
    name = "ke\nhoach\x85::error::x\u2028.txt"
    result = run(PLAN_HEAD.encode("utf-8"), name, tmp_path / "run", packs)
    assert result.status == "checked"


# --------------------------------------------------------------------------- hangs


def test_cyclic_sections_are_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "vong.yaml"
    path.write_text("sections:\n  - {title: A, parent: 2}\n  - {title: B, parent: 0}\n  - {title: C, parent: 1}\n"
                    "targets:\n  - {text: 80% hồ sơ, value: 80, section: 0}\n", encoding="utf-8")
    err = refused(path, "vòng cha-con")
    assert "sections.0.parent" in err.message and err.line == 2


def test_alias_bomb_and_self_reference(tmp_path: Path) -> None:
    laughs = tmp_path / "cuoi.yaml"
    laughs.write_text('a: &a ["x","x","x","x","x","x","x","x","x"]\n'
                      + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                                for p, c in zip("abcdefgh", "bcdefghi", strict=True)), encoding="utf-8")
    refused(laughs, "quá lớn")
    self_ref = tmp_path / "tu-tham-chieu.yaml"
    self_ref.write_text("a: &a [*a]\n", encoding="utf-8")
    with pytest.raises(IngestError):
        read(self_ref)


@pytest.mark.parametrize("body", [
    "\n".join(f"{k}. Căn cứ Nghị định số {k}/2020/NĐ-CP ngày 1/1/2020; Kế hoạch số {k} ngày 2/2/2020"
              for k in range(1, 3000)),
    "Kế hoạch số 1" + " " * 4000 + "x\n" + "\n".join("1. 2. 3. 4. 5. 6. 7. 8. 9. 10." * 40 for _ in range(500)),
    ("phường An Dương " * 300 + "\n") * 100,
    ("ĐƠN VỊ " * 700 + "\n") * 5,
    "\n".join(["- Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình."] * 3900),
    "\n".join(["a) Tiêu đề"] * 3900),
], ids=["citations", "numbers", "unit-mentions", "long-caps-lines", "repeated-targets", "repeated-headings"])
def test_repeated_lines_and_numbers_finish(tmp_path: Path, packs: list[LoadedPack], body: str) -> None:
    path = tmp_path / "lap.txt"
    path.write_text(PLAN_HEAD + body + "\n", encoding="utf-8")
    result = guarded(path, packs)
    assert result.status in ("checked", "unreadable", "not-applicable")


def test_long_line_with_legacy_letters_finishes(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "dai.txt"
    path.write_bytes(PLAN_HEAD.encode("utf-8") + ("ñ" * 4000 + " ").encode("latin-1") * 3 + b"\n")
    guarded(path, packs)


# --------------------------------------------------------------------------- size


def test_too_many_lines_or_characters_is_a_clear_answer(tmp_path: Path) -> None:
    limits = Limits()
    many = tmp_path / "nhieu-dong.txt"
    many.write_text(PLAN_HEAD + "- dòng\n" * (limits.max_lines + 1), encoding="utf-8")
    refused(many, "quá lớn để kiểm tra")
    wide = tmp_path / "dong-dai.txt"
    wide.write_text(PLAN_HEAD + "chữ " * limits.max_line_chars + "\n", encoding="utf-8")
    assert refused(wide, "ký tự").line == PLAN_HEAD.count("\n") + 1
    big = tmp_path / "lon.txt"
    big.write_text(("Kế hoạch chuyển đổi số của phường Hoa Phượng. " * 100 + "\n") * 600, encoding="utf-8")
    assert big.stat().st_size > 2 * 1024 * 1024
    refused(big, "quá lớn")


def test_a_docx_of_100000_paragraphs_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "dai.docx"
    path.write_bytes(make_docx_bytes([f"Đoạn {k}" for k in range(100_000)]))
    tracemalloc.start()
    try:
        refused(path, "đoạn văn")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak


@pytest.mark.parametrize("lie", ["packed", "size"])
def test_a_lying_zip_bomb_is_refused_without_growing_memory(tmp_path: Path, lie: str) -> None:
    """Headers that pass the declared checks, a member that inflates to 150 MB: counting what comes out refuses
    it, one chunk at a time (a header claiming 1 KB is caught by its CRC)."""
    path = tmp_path / "bom.docx"
    path.write_bytes(lying_zip_bomb(150, lie))
    tracemalloc.start()
    try:
        refused(path, "quá lớn" if lie == "packed" else "hỏng")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, peak


def test_a_pdf_of_2000_pages_is_refused_before_reading_pages(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "dai.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    refused(path, "2.000 trang")


# --------------------------------------------------------------------------- the helpers themselves


def test_safe_text_maps_breaks_and_replaces_what_is_not_text() -> None:
    assert safe_text("a\r\nb\rc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"
    assert safe_text("x\x00y\x1b\x7f\x9fz\ud800\uffff") == "x y   z\ufffd\ufffd"
    assert safe_text("tab\tok\nđ ỹ \U0001f600") == "tab\tok\nđ ỹ \U0001f600"
    # what shows nothing is dropped: a zero-width space, a word joiner, a stray byte order mark, a soft hyphen, a
    # direction mark
    assert safe_text("80\u200b% 90\u2060% 75\ufeff% tuy\u00adến \u200e\u202bx\u202c") == "80% 90% 75% tuyến x"
    # every other space is the space, one for one (a no-break space, a narrow one, an em space, an ideographic one)
    assert safe_text("Số:\u00a0215 80\u202f% a\u2003b\u3000c") == "Số: 215 80 % a b c"
    assert one_line("  a\n\tb\u2028c ") == "a b c"
    assert xml_safe("a\x01\ud800\ufffeb") == "a\ufffd\ufffd\ufffdb"


def test_the_oracle_fails_on_an_added_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fuzz oracle itself fails when an output gains a line (so the property tests can fail)."""
    report = _report("x.txt", "ok")
    verify_outputs(report, tmp_path / "ok")
    github = FORMATS["github"]
    monkeypatch.setitem(FORMATS, "github", lambda r: github(r) + "::error::injected\n")
    with pytest.raises(AssertionError):
        verify_outputs(report, tmp_path / "bad")


def test_the_oracle_fails_on_an_unescaped_html_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML side of the oracle: a template that stopped escaping (markup from a plan becomes an element) fails."""
    from jinja2 import Environment, PackageLoader

    from checker.report import html_report

    report = _report("x.txt", "Tối thiểu <b>60%</b> hồ sơ")
    verify_outputs(report, tmp_path / "ok")
    unescaped = Environment(loader=PackageLoader("checker.report", "templates"), autoescape=False)
    unescaped.globals.update(html_report.page_environment().globals)
    unescaped.filters.update(html_report.page_environment().filters)
    monkeypatch.setattr(html_report, "page_environment", lambda: unescaped)
    with pytest.raises(AssertionError, match="HTML element"):
        verify_outputs(report, tmp_path / "bad")


def test_dates_stay_dates() -> None:
    assert _plan_date(Plan(path="x", format="txt", header=Header(year=2025, month=9))) == dt.date(2025, 9, 28)


# --------------------------------------------------------------------------- found by the long fuzz run


def test_too_many_lines_refused_before_any_costly_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An 8-bit (legacy-encoded) file of 8,000 lines: refused from its bytes, before the encodings are scored and
    before the layout is inferred (they took 5 s on such a file); a long line before the layout too."""
    from checker.ingest import layout, legacy

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a costly stage ran on a file the limits refuse")

    monkeypatch.setattr(legacy, "decode_bytes", never)
    monkeypatch.setattr(layout, "infer", never)
    many = tmp_path / "phong-cu-dai.txt"
    many.write_bytes((legacy.encode(PLAN_HEAD, "tcvn3").encode("latin-1") + b"\n") * 800)
    assert "dòng (tối đa" in str(refused(many, "quá lớn"))
    wide = tmp_path / "dong-dai.txt"
    wide.write_text(PLAN_HEAD + "Kế hoạch " * 2000 + "\n", encoding="utf-8")
    assert refused(wide, "một dòng dài").line == PLAN_HEAD.count("\n") + 1


def test_a_word_paragraph_of_a_million_characters_is_refused_before_the_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Word file of 40 KB whose one paragraph unpacks to 1.8 million characters took 200 s in the layout model:
    the reader checks the limits as soon as it has the paragraphs."""
    from checker.ingest import layout, legacy

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a costly stage ran on a file the limits refuse")

    monkeypatch.setattr(layout, "blocks_of", never)
    monkeypatch.setattr(legacy, "detect", never)
    path = tmp_path / "doan-dai.docx"
    path.write_bytes(make_docx_bytes(PLAN_HEAD.splitlines() + ["phường Hoa Phượng " * 100_000]))
    assert path.stat().st_size < 100_000
    assert refused(path, "một dòng dài").line == PLAN_HEAD.count("\n") + 1


def test_a_word_file_is_refused_at_its_first_paragraph_over_the_limits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader read (and converted, safe-texted) every paragraph before the limits were checked: a 110 KB Word
    file whose third paragraph was 53,000 characters took 2-3 s to be refused (fuzz seed 300808). It stops at the
    first paragraph over a limit: the paragraphs after it are never read."""
    from checker.ingest import docx

    read_paragraphs = count_calls(monkeypatch, docx._Reader, "paragraph_text")
    path = tmp_path / "doan-dai-giua.docx"
    path.write_bytes(make_docx_bytes(["KẾ HOẠCH", "phường Hoa Phượng " * 400] + ["- Nhiệm vụ số hóa."] * 3000))
    assert refused(path, "một dòng dài").line == 2
    assert read_paragraphs[0] <= 3, read_paragraphs
    read_paragraphs[0] = 0
    path = tmp_path / "nhieu-doan.docx"
    path.write_bytes(make_docx_bytes(["KẾ HOẠCH"] + ["- Nhiệm vụ số hóa."] * 3000))
    assert "ký tự" in str(refused(path, "quá lớn", Limits(max_chars=2000)))
    assert read_paragraphs[0] < 200, read_paragraphs


def test_legacy_encodings_are_told_from_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring each candidate encoding over the whole text made a big legacy file take seconds: the choice is made
    on a head of ``SAMPLE`` characters, and the whole text is then decoded with the encoding chosen."""
    from checker.ingest import legacy

    seen: list[int] = []
    score = legacy.strict_score
    monkeypatch.setattr(legacy, "strict_score", lambda text: seen.append(len(text)) or score(text))
    body = (PLAN_HEAD + "- Bảo đảm 100% cán bộ được tập huấn kỹ năng số, ứng dụng công nghệ thông tin.\n") * 300
    assert len(body) > 4 * legacy.SAMPLE
    for enc in ("tcvn3", "vni"):
        typed = legacy.encode(body, enc)  # type: ignore[arg-type]
        whole = legacy.convert(typed, enc)  # type: ignore[arg-type]
        seen.clear()
        text, notes = legacy.decode_bytes(typed.encode("latin-1"), "cu.txt")
        assert text == whole and notes == [legacy.NOTES[enc]]
        assert seen and max(seen) <= legacy.SAMPLE
        seen.clear()
        assert legacy.convert_if_legacy(typed) == (whole, legacy.NOTES[enc])
        assert seen and max(seen) <= legacy.SAMPLE


def test_many_offices_under_the_execution_part_are_read_in_linear_time(tmp_path: Path, packs: list[LoadedPack],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line was compared with every office heading (lines × headings: 2.5 s for a 1,000-line Word file);
    now each line is looked up once: the number of line lookups stays proportional to the lines."""
    from checker.parse import view

    offices = "".join(f"{k}. Phòng số {k}:\n- Chủ trì nhiệm vụ số {k}.\n" for k in range(1, 1500))
    path = tmp_path / "nhieu-phong.txt"
    path.write_text(PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n" + offices, encoding="utf-8")
    calls = count_calls(monkeypatch, view.View, "line_no")
    result = guarded(path, packs)
    assert result.status == "checked"
    assert calls[0] < 40 * (PLAN_HEAD.count("\n") + 1 + 2 * 1500), calls


def test_a_big_data_plan_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """YAML is read at about 2 s a megabyte on this machine: a data plan over the bound is refused from its size."""
    from checker.ingest import structured

    monkeypatch.setattr(structured, "_compose", lambda text: (_ for _ in ()).throw(AssertionError("parsed")))
    path = tmp_path / "lon.yaml"
    path.write_text("targets:\n" + "  - {text: 80% hồ sơ trực tuyến, value: 80}\n" * 8000, encoding="utf-8")
    assert path.stat().st_size > structured.STRUCTURED_MAX_BYTES
    refused(path, "quá lớn")


# --------------------------------------------------------------------------- linear work


class _Counted(list):  # type: ignore[type-arg]
    """A list that counts the items read from it, by iteration or by index."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            type(self).reads += 1
            yield item

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        type(self).reads += 1
        return super().__getitem__(k)


def _work_of_targets(monkeypatch: pytest.MonkeyPatch, n: int) -> tuple[int, list[PlanTarget]]:
    """Characters the target reader folds, squashes and reads comparators in, and entries of the line map it reads,
    for one sentence of ``n`` figures (a table flattened into one list item repeats its percentage line: each line
    is a figure of one clause)."""
    from checker.parse import targets

    work = 0

    def counted(fn):  # type: ignore[no-untyped-def]
        def wrapper(text: str, *args: object) -> object:
            nonlocal work
            work += len(text)
            return fn(text, *args)
        return wrapper

    for name in ("fold", "squash", "comparator_before"):
        monkeypatch.setattr(targets, name, counted(getattr(targets, name)))
    line = "- Phấn đấu trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình,"
    mapping = _Counted((k * (len(line) + 1), 100 + k) for k in range(n))
    _Counted.reads = 0
    found = targets.targets_in_text(" ".join([line] * n), mapping, None)
    monkeypatch.undo()
    return work + 100 * _Counted.reads, found


def test_a_sentence_of_many_figures_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every figure re-read its whole clause before it (the hedge, the comparator, the run-in reference) and the
    whole line map: a percentage line repeated 999 times took 13-30 s. The work now grows with the text, and each
    figure keeps its own line (found by bisection), its hedge and its comparator."""
    small, found = _work_of_targets(monkeypatch, 100)
    large, found_large = _work_of_targets(monkeypatch, 400)
    assert len(found_large) == 400 and [t.line for t in found_large] == list(range(100, 500))
    assert all(t.hedged and t.comparator == ">" and t.value == 80 for t in found_large)
    assert large / small < 6, (small, large)  # linear: 4; the prefixes read per figure gave 16


def test_a_hedge_glued_to_its_figure_still_hedges_it() -> None:
    """The hedges of a clause are found once for all its figures; a figure written against the hedge ("Phấn
    đấu80%", as OCR or a careless paste leaves it) ends the hedge's word, as reading the text before it did."""
    from checker.parse import targets

    found = targets.targets_in_text("Phấn đấu80% hồ sơ được xử lý trực tuyến", [(0, 7)], None)
    assert [(t.value, t.hedged, t.line) for t in found] == [(80.0, True, 7)]
    found = targets.targets_in_text("Tối thiểu 80% hồ sơ được xử lý trực tuyến", [(0, 7)], None)
    assert [(t.value, t.hedged, t.comparator) for t in found] == [(80.0, False, ">=")]


def test_a_run_of_opening_brackets_between_figures_is_read_in_linear_time() -> None:
    """Between two figures the text without its brackets was taken by a regex that went over the rest of the text
    again from every "(" with no ")" after it: quadratic in a run of "(" (a scanned table's rules); 200,000 of them
    was minutes of work, now a fraction of a second (the generous guard only catches a return of the quadratic)."""
    import random
    import re

    from checker.parse import targets

    rng = random.Random(14)
    for _ in range(2000):
        text = "".join(rng.choice("(()) ab") for _ in range(rng.randint(0, 30)))
        assert targets._without_brackets(text) == re.sub(r"\([^)]*\)", " ", text), text
    with time_limit(HANG_GUARD, "ngoac", "hang"):
        found = targets.targets_in_text("100% hồ sơ " + "(" * 200_000 + " 100%.", [(0, 1)], None)
    assert [(t.value, t.reference_value) for t in found] == [(100.0, 100.0)]


def test_targets_outside_results_read_each_section_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each target walked its section's parents up to the root: targets × depth. The answer is the section's, so it
    is found once per section."""
    from checker.parse import targets

    def reads(depth: int) -> int:
        sections = _Counted(Section(title=f"Mục {k}", level=k + 1, parent=k - 1 if k else None)
                            for k in range(depth))
        many = [PlanTarget(text="80% hồ sơ", value=80, line=k + 1, section=depth - 1) for k in range(depth)]
        _Counted.reads = 0
        assert targets.without_results(many, sections) == many
        return _Counted.reads

    assert reads(800) / reads(200) < 6  # linear: 4; each target walking the whole chain gave 16


def test_a_long_table_without_figures_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row without a figure was joined to every row above it as the table's header, and the columns' roles
    looked for in that growing header: a table of 1,000 task rows took 10-20 s (fuzz seed 300974). A header is read
    over its last few rows; the characters read for the roles grow with the rows."""
    from checker.parse import targets

    read = [0]
    column_roles = targets._column_roles

    def counted(header: list[str]) -> dict[int, str]:
        read[0] += sum(map(len, header))
        return column_roles(header)

    monkeypatch.setattr(targets, "_column_roles", counted)

    def work(n: int) -> tuple[int, list[tuple[float, float | None, int | None]]]:
        read[0] = 0
        rows = [[("Chỉ tiêu", 1), ("Thành phố giao", 1), ("Phường thực hiện", 1)]]
        rows += [[(f"Nhiệm vụ {k}: rà soát quy trình", k + 2), ("Phòng Văn hóa", k + 2), ("Quý IV", k + 2)]
                 for k in range(n)]
        rows += [[("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", n + 2), ("80%", n + 2), ("85%", n + 2)]]
        found = targets.targets_in_rows(rows, {})
        return read[0], [(t.value, t.reference_value, t.line and t.line - n) for t in found]

    (_, alone), (small, found), (large, found_large) = work(0), work(200), work(800)
    assert alone and found == found_large == alone  # the rows of tasks between change nothing
    assert large / small < 6, (small, large)  # linear: 4; the header of every row above gave 16


def lines_run(call: Callable[[], object]) -> int:
    """How many lines of the checker's own code ``call`` runs: a measure of work that a busy machine does not
    change (the tracer looks only into frames of ``checker/``)."""
    count = [0]

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        if event == "line":
            count[0] += 1
        return local

    def scope(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        return local if f"{os.sep}checker{os.sep}" in frame.f_code.co_filename else None

    sys.settrace(scope)
    try:
        call()
    finally:
        sys.settrace(None)
    return count[0]


def test_many_execution_parts_are_read_in_linear_time(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A plan of hundreds of parts named "Tổ chức thực hiện" (fuzz seeds 85904, 45750: 2.7 s): each part's span,
    children and prose were found by going over every line or every part again. Four times the parts must cost
    about four times the work, not sixteen."""

    def work(parts: int) -> int:
        body = "".join(f"{'IVX'[k % 3]}. TỔ CHỨC THỰC HIỆN\n- Văn phòng HĐND và UBND phường tổng hợp số {k}.\n"
                       for k in range(parts))
        path = tmp_path / f"phan-{parts}.txt"
        path.write_text(PLAN_HEAD + body, encoding="utf-8")
        check_file(path, packs)  # the first check of a size builds what later ones reuse
        return lines_run(lambda: check_file(path, packs))

    small, large = work(150), work(600)
    assert large < 6 * small, (small, large)  # measured: 3.7 times; 10.1 times before


@pytest.mark.parametrize("content, field, said", [
    ('{"p01.txt": {"status": "checked", "defects": []}}', "", "không phải kế hoạch dạng dữ liệu"),
    ('[1, 2]', "", "phải là một ánh xạ"),
    ('{"header": {"year": "hai nghìn"}}', "header.year", "phải là số nguyên"),
    ('{"header": {"year": 2025}, "ghi_chu": 1}', "ghi_chu", "trường không có trong mô hình kế hoạch"),
    ('{"targets": [{"text": "a", "value": 80, "comparator": "!!"}]}', "targets.0.comparator", "chỉ nhận: '>='"),
])
def test_a_data_file_that_is_not_a_plan_is_said_in_vietnamese(tmp_path: Path, content: str, field: str,
                                                               said: str) -> None:
    """Another JSON file in the folder of plans (a score sheet, a list) or a data plan with a wrong field: one
    Vietnamese line naming the field, never pydantic's English ("Extra inputs are not permitted")."""
    path = tmp_path / "du-lieu.json"
    path.write_text(content, encoding="utf-8")
    err = refused(path, said)
    assert err.line == 1 and (not field or err.message.startswith(f"{field}: "))
    for english in ("Input should", "Extra inputs", "Field required", "permitted"):
        assert english not in err.message
