"""OpenDocument (.odt), Word 97-2003 (.doc) and RTF plans.

Every Word plan of tests/fixtures/plans is converted by LibreOffice at test time (once for the module, one soffice
call per format, into a temporary folder) to .odt and .doc, and must give the same findings as the .docx: rule,
kind, severity and quoted words (the paragraph may differ: a converted file can have one paragraph more or less).
Skipped, saying why, where LibreOffice is absent.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_office import convert

from checker.errors import IngestError
from checker.ingest import office, read
from checker.pipeline import check_file
from checker.rules.loader import LoadedGeneral, LoadedPack, load_general, load_packs

PLANS = Path(__file__).parent / "fixtures" / "plans"
WORD_PLANS = sorted(PLANS.glob("*.docx"))
FORMATS = (".odt", ".doc")
Key = tuple[str, str, str, str]
# Where a converted copy says something else than its .docx, and why (LibreOffice's conversion, not the reader):
# each pinned exactly, so that a new difference fails.
KNOWN: dict[tuple[str, str], set[tuple[str, Key]]] = {
    # LibreOffice's .doc export splits Word's one a) b) c) list into lists that do not continue one another
    # (LibreOffice itself then shows "a) Về thủ tục ..." and, in Phần III, "a) Bố trí ..., a) Rà soát ...")
    ("xa-lai-khe-phan-muc-kieu-de-muc", ".doc"): {
        ("converted", ("HP215-NUMBERING", "inconsistent", "warning",
                       "a) Về hoạt động của các cơ quan nhà nước của xã:")),
    },
}


@pytest.fixture(scope="module")
def checked() -> tuple[list[LoadedPack], LoadedGeneral | None]:
    return load_packs(), load_general([])


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every fixture Word plan as .odt and .doc, by file name."""
    out = tmp_path_factory.mktemp("converted")
    made: dict[str, Path] = {}
    for fmt in FORMATS:
        folder = out / fmt.lstrip(".")
        folder.mkdir()
        made.update({p.name: p for p in convert(WORD_PLANS, fmt.lstrip("."), folder)})
    return made


def findings(path: Path, checked: tuple[list[LoadedPack], LoadedGeneral | None]) -> tuple[str, list[Key]]:
    packs, general = checked
    r = check_file(path, packs, general=general)
    return r.status, sorted((f.id, f.kind, f.severity, f.evidence) for f in [*r.findings, *r.general])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan", WORD_PLANS, ids=lambda p: p.stem)
def test_converted_plan_gives_the_same_findings(plan: Path, fmt: str, converted: dict[str, Path],
                                                checked: tuple[list[LoadedPack], LoadedGeneral | None]) -> None:
    status, want = findings(plan, checked)
    copy = converted[plan.stem + fmt]
    got_status, got = findings(copy, checked)
    assert got_status == status
    differ = {("converted", k) for k in set(got) - set(want)} | {("docx", k) for k in set(want) - set(got)}
    assert differ == KNOWN.get((plan.stem, fmt), set())


def test_doc_read_through_libreoffice_leaves_nothing_beside_it(converted: dict[str, Path]) -> None:
    """The .doc is copied into a private folder, converted there, and read; its folder is as it was."""
    doc = converted["xa-vinh-am-nhan-dam-loi.doc"]
    before = _digest(doc.parent)
    read_doc = read(doc)
    assert read_doc.format == "doc" and read_doc.path == str(doc)
    assert any("LibreOffice" in n for n in read_doc.notes)
    assert read_doc.lines[0].loc.paragraph == 1  # located as the converted .docx's paragraphs
    assert _digest(doc.parent) == before


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_without_libreoffice_a_doc_is_unreadable_saying_what_to_do(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "soffice", lambda: None)
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IngestError) as err:
        read(path)
    assert "Word 97-2003 (.doc)" in err.value.message and "(.docx)" in err.value.message
    assert "LibreOffice" in err.value.message and "\n" not in err.value.message
    rtf = tmp_path / "ke-hoach.rtf"
    rtf.write_text("{\\rtf1 K\\'e1 ho\\'e1ch}", encoding="ascii")
    with pytest.raises(IngestError, match=r"RTF \(\.rtf\).*LibreOffice"):
        read(rtf)


def test_a_conversion_that_fails_or_runs_over_is_one_line(tmp_path: Path) -> None:
    if office.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    broken = tmp_path / "hong.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IngestError, match="Word 97-2003") as err:
        read(broken)
    assert "LibreOffice không chuyển được" in err.value.message
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(IngestError, match="không chuyển xong trong 0.01 giây"):
        office.to_docx(broken, work, seconds=0.01)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.doc", "work"]


def test_rtf_is_read(tmp_path: Path) -> None:
    if office.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    lines = ["ỦY BAN NHÂN DÂN", "KẾ HOẠCH", "Tỷ lệ hồ sơ đạt 60%"]
    rtf = tmp_path / "ke-hoach.rtf"
    rtf.write_text("{\\rtf1\\ansi " + "\\par ".join(map(_rtf, lines)) + "}", encoding="ascii")
    doc = read(rtf)
    assert doc.format == "rtf"
    assert [ln.text for ln in doc.lines][:3] == lines


def _rtf(text: str) -> str:
    r"""Non-ASCII letters as RTF's \uN? escapes."""
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)


def test_annotate_and_fix_say_they_write_docx_only(converted: dict[str, Path], tmp_path: Path) -> None:
    """One clear line each; the batch goes on (the .docx beside it is annotated); nothing written beside the .doc."""
    doc = tmp_path / "ke-hoach.doc"
    doc.write_bytes(converted["xa-vinh-am-nhan-dam-loi.doc"].read_bytes())  # a wrong date: a correction
    word = tmp_path / "khac.docx"
    word.write_bytes((PLANS / "xa-vinh-am-nhan-dam-loi.docx").read_bytes())
    done = subprocess.run([sys.executable, "-m", "checker", str(doc), str(word), "--annotate", "--fix",
                           "--format", "json", "-o", str(tmp_path / "out")], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)
    lines = done.stderr.splitlines()
    assert f"annotate: {doc}: chỉ ghi nhận xét được vào tệp .docx (hãy lưu tệp thành .docx)" in lines, done.stderr
    assert any(ln.startswith(f"fix: {doc}: chỉ sửa được tệp .docx") for ln in lines), done.stderr
    assert any(ln.startswith("annotate:") and "khac.checked.docx" in ln for ln in lines), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.doc", "khac.checked.docx", "khac.docx",
                                                          "khac.fixed.docx"]
