"""Metamorphic suite (issue 8): every plan — the reviewed plans of another office, the project's own plans and
fixtures, the readable seeds — rendered through every layout variant of ``tests/layouts.py`` (rewrapped,
hyphenated, blank-line spaced, list markers swapped, two-column or one-per-line header and signature, tables
aligned with spaces, Markdown with bold and italics and pipe tables, Word with typed and with automatic numbering,
PDF; and the Word rendering saved as PDF by LibreOffice, as offices make their PDFs, all plans converted in one
soffice call per session, skipped where LibreOffice is absent) gives exactly the findings (ids and kinds) and the
status of the plan as written. The plans under ../shared are skipped where ../shared is absent;
benchmarks/layouts.py prints the table.

The (plan, variant) pairs that still disagree are listed, as measured, in tests/fixtures/layout-disagreements.yaml:
a new disagreement fails here, and so does a listed one that has gone (the list only shrinks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from layouts import (
    OFFICE_PDF,
    OFFICE_PDF_TEXT,
    ROOT,
    VARIANTS,
    corpus,
    disagreements,
    office_pdfs,
    outcome,
    pdftotext_layout,
)
from ruamel.yaml import YAML

PLANS = corpus()
KNOWN: dict[str, list[str]] = dict(
    YAML(typ="safe").load((ROOT / "tests" / "fixtures" / "layout-disagreements.yaml").read_text(encoding="utf-8"))
    ["disagreements"] or {})


def _name(p: Path) -> str:
    return p.name if not p.is_relative_to(ROOT) else str(p.relative_to(ROOT))


def test_corpus_has_the_project_plans() -> None:
    own = [p for p in PLANS if p.is_relative_to(ROOT)]
    assert len(own) >= 6 and all(p.is_file() for p in own)


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_every_layout_gives_the_same_findings(plan: Path, packs: object, tmp_path: Path) -> None:
    differ = disagreements(plan, packs, tmp_path)
    new = {name: pair for name, pair in differ.items() if name not in KNOWN.get(plan.name, [])}
    assert not new, "\n".join(f"{name}: as written {want}, rendered {got}" for name, (want, got) in new.items())
    gone = [name for name in KNOWN.get(plan.name, []) if name not in differ and name in VARIANTS]
    assert not gone, f"these variants agree now: delete them from layout-disagreements.yaml: {gone}"


@pytest.fixture(scope="session")
def saved_as_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Every plan's Word rendering saved as PDF by LibreOffice: one soffice call for the session."""
    return office_pdfs(PLANS, tmp_path_factory.mktemp("office-pdf"))


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_word_saved_as_pdf_by_libreoffice_gives_the_same_findings(plan: Path, packs: object,
                                                                  saved_as_pdf: dict[Path, Path]) -> None:
    """As offices make PDFs: the .docx (header and signature tables, Word tables, automatic numbering) saved as
    PDF by LibreOffice, its table cells wrapped over several lines in their narrow columns."""
    want, got = outcome(plan, packs), outcome(saved_as_pdf[plan], packs)
    if OFFICE_PDF in KNOWN.get(plan.name, []):
        assert got != want, f"{OFFICE_PDF} agrees now: delete it from layout-disagreements.yaml"
    else:
        assert got == want, f"as written {want}, saved as PDF {got}"


@pytest.fixture(scope="session")
def pdf_as_text(saved_as_pdf: dict[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    return pdftotext_layout(saved_as_pdf, tmp_path_factory.mktemp("pdftotext"))


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_text_of_the_office_pdf_gives_the_same_findings(plan: Path, packs: object,
                                                       pdf_as_text: dict[Path, Path]) -> None:
    """The text a reviewer extracts from that PDF with ``pdftotext -layout``: the columns set out with spaces,
    each table cell wrapped over several lines under its column, the columns set elsewhere on the next page,
    text of two columns a space apart, a form feed and the page number at each page break."""
    want, got = outcome(plan, packs), outcome(pdf_as_text[plan], packs)
    if OFFICE_PDF_TEXT in KNOWN.get(plan.name, []):
        assert got != want, f"{OFFICE_PDF_TEXT} agrees now: delete it from layout-disagreements.yaml"
    else:
        assert got == want, f"as written {want}, text of the PDF {got}"


def test_known_disagreements_name_real_plans_and_variants() -> None:
    names = {p.name for p in PLANS}
    for plan, variants in KNOWN.items():
        assert plan in names or not (ROOT.parent / "shared").is_dir(), plan
        assert set(variants) <= {*VARIANTS, OFFICE_PDF, OFFICE_PDF_TEXT}, variants


def test_variants_change_the_layout(tmp_path: Path) -> None:
    """The variants are not the same file: each gives a different rendering of one plan."""
    from layouts import blocks_of

    plan = ROOT / "plans" / "phuong-hai-an-dat.txt"
    blocks = blocks_of(plan)
    texts = {}
    for name, make in VARIANTS.items():
        sub = tmp_path / name
        sub.mkdir()
        path = make(blocks, sub)
        texts[name] = path.read_bytes()
    assert len(set(texts.values())) == len(texts)
    assert texts["wrap-60"] != plan.read_bytes()


def test_word_fields_controls_and_tracked_changes_read_as_shown(tmp_path: Path) -> None:
    """Fields (simple and complex) and content controls read as the text they show; tracked insertions read,
    tracked deletions not; the field codes never."""
    import zipfile

    from layouts import blocks_of, render_docx, render_docx_fields

    from checker.ingest import Limits
    from checker.ingest import docx as word

    blocks = blocks_of(ROOT / "plans" / "phuong-hai-an-dat.txt")
    plain = render_docx(blocks, tmp_path / "plain.docx")
    shown = render_docx_fields(blocks, tmp_path / "fields.docx")
    xml = zipfile.ZipFile(shown).read("word/document.xml").decode("utf-8")
    for construct in ("<w:fldSimple", "<w:instrText", "<w:sdt>", "<w:ins ", "<w:delText"):
        assert construct in xml
    got = [line.text for line in word.read(shown, Limits()).lines]
    assert got == [line.text for line in word.read(plain, Limits()).lines]
    words = " ".join(got)
    assert "MERGEFIELD" not in words and "DOCPROPERTY" not in words and "nội dung cũ" not in words
