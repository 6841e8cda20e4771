"""Issue 4: a readable plan gives the same findings (ids and kinds) whether it arrives as .txt, .docx or .pdf.

The Word and PDF versions are made at test time from the seed texts: one paragraph (one PDF line) per line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check_file
from checker.rules.loader import load_packs

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
READABLE = ["000", "001", "002", "003"]


def as_docx(text: str, path: Path) -> Path:
    from layouts import render_docx_lines

    return render_docx_lines(text, path)


def as_pdf(text: str, path: Path) -> Path:
    from layouts import render_pdf

    return render_pdf(text, path)


def kinds(path: Path) -> tuple[str, list[tuple[str, str]]]:
    r = check_file(path, load_packs())
    return r.status, sorted((f.id, f.kind) for f in r.findings)


@pytest.mark.parametrize("name", READABLE)
def test_txt_docx_pdf_agree(name: str, tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    src = next(SEEDS.glob(f"{name}_*.txt"))
    text = src.read_text(encoding="utf-8")
    from_txt = kinds(src)
    assert from_txt[0] in ("checked", "not-applicable")
    assert kinds(as_docx(text, tmp_path / "plan.docx")) == from_txt
    assert kinds(as_pdf(text, tmp_path / "plan.pdf")) == from_txt


def test_docx_findings_point_at_paragraphs(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    src = next(SEEDS.glob("001_*.txt"))
    packs = load_packs()
    r = check_file(as_docx(src.read_text(encoding="utf-8"), tmp_path / "plan.docx"), packs, round_pack=packs[0])
    hscv = next(f for f in r.findings if f.id == "HP215-TGT-HSCV")
    assert hscv.location is not None and hscv.location.paragraph == hscv.line
