"""Blind round 15a (tests/fixtures/blind-15a-expected.md; the files made by tests/fixtures/plans/word/make_round15a.py):
plans as the e-government document systems send them out, signed: the signature stamps as a floating text box, a Word
frame, or annotations added to the PDF (a FreeText annotation, signature widgets drawn by appearance streams); the
system's footer on every page and a running header from page 2; page breaks cutting a target, the targets table and
the signature; a "SAO Y BẢN CHÍNH" copy whose block is the last page; a landscape appendix page of targets. Each
.docx is checked as committed and as the PDF made of it (LibreOffice, then pypdf; skipped where LibreOffice is not
installed): every format gives the verdict of blind-15a-expected.md.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
ROUND = [n for n in INDEX if f'"{n}"' in (PLANS / "word" / "make_round15a.py").read_text(encoding="utf-8")]
FORMATS = ["docx", "pdf"]


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every plan in every format: the committed .docx, and the PDF the signing system sends out."""
    made = {n: PLANS / n for n in ROUND}
    if shutil.which("soffice") or shutil.which("libreoffice"):
        sys.path.insert(0, str(PLANS / "word"))
        try:
            import make_round15a
        finally:
            sys.path.pop(0)
        out = tmp_path_factory.mktemp("round15a")
        made |= {p.name: p for p in make_round15a.pdf_variants([PLANS / n for n in ROUND], out)}
    return made


def _path(variants: dict[str, Path], name: str, fmt: str) -> Path:
    path = variants.get(f"{Path(name).stem}.{fmt}")
    if path is None:
        pytest.skip(f"no .{fmt} without LibreOffice")
    return path


def _found(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, int | None]]:
    result = check_file(path, packs)
    return sorted((f.id, f.kind, f.line) for f in [*result.findings, *result.general]
                  if f.severity in ("error", "warning"))


def test_round_plans_listed() -> None:
    assert len(ROUND) == 6 and sum(INDEX[n]["compliant"] for n in ROUND) == 3


@pytest.mark.parametrize(("name", "fmt"), [(n, f) for n in ROUND if INDEX[n]["compliant"] for f in FORMATS])
def test_compliant_plan_silent(name: str, fmt: str, variants: dict[str, Path], packs: list[LoadedPack]) -> None:
    assert _found(_path(variants, name, fmt), packs) == []


@pytest.mark.parametrize(("name", "fmt"), [(n, f) for n in ROUND if not INDEX[n]["compliant"] for f in FORMATS])
def test_defective_plan_found_exactly(name: str, fmt: str, variants: dict[str, Path],
                                      packs: list[LoadedPack]) -> None:
    """The .docx: every defect at its paragraph and nothing else; the PDF numbers its lines otherwise: the same
    findings by rule and kind."""
    found = _found(_path(variants, name, fmt), packs)
    want = sorted((d["id"], d["kind"], d.get("line")) for d in INDEX[name]["defects"])
    if fmt == "docx":
        assert found == want
    else:
        assert [(i, k) for i, k, _ in found] == [(i, k) for i, k, _ in want]
