"""The Word fixtures are made by the scripts beside them (tests/fixtures/plans/word/make_*.py): each script, run
again, writes the very files that are committed, part by part. So the scripts stay the true source of the fixtures
(a change to a generator that would change a plan is seen here, not months later when a fixture is remade), and
their shared pieces (wordkit.py, round3_text.py) can be folded without changing a byte of any plan."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
WORD = PLANS / "word"

# script -> what its command line takes: a folder (it names its files) or the one file to write
SCRIPTS = {
    "make_round3.py": None,
    "make_round4.py": None,
    "make_round9.py": None,
    "make_round12.py": None,  # its .odt and .pdf variants only with --office (made by LibreOffice)
    "make_round15b.py": None,  # its .odt variants only with --office (made by LibreOffice)
    "make_round18b.py": None,  # its .odt variants only with --office (made by LibreOffice)
    "make_round20a.py": None,  # its .odt variants only with --office (made by LibreOffice)
    "make_round21b.py": None,
    "make_round23e.py": None,
    "make_round20b.py": None,  # its fixtures are the .doc / .rtf LibreOffice saves of its .docx (with --office)
    "make_round10.py": None,  # its two LibreOffice plans only with --libreoffice (LibreOffice's bytes vary by version)
    "make_round15a.py": None,  # its PDFs only with --pdf (made by LibreOffice, then pypdf)
    "make_phuong_kinh_mon.py": None,
    "make_round16b.py": None,  # its fixtures are the TEXT converters make of its .docx (with --text): see TEXT_MADE
    "make_phuong_le_thanh_nghi.py": "phuong-le-thanh-nghi-bang-nhiem-vu.docx",
    "make_xa_nguyen_binh_khiem.py": "xa-nguyen-binh-khiem-ky-bang-tab.docx",
}


def test_every_generator_is_listed() -> None:
    assert sorted(p.name for p in WORD.glob("make_*.py")) == sorted(SCRIPTS)

# scripts whose committed fixtures are not their .docx but the text other tools make of them (the converters are not
# installed where the tests run): here, that each .docx it writes is the source of a committed text fixture
TEXT_MADE = {"make_round16b.py"}
# scripts whose committed fixtures are the Word 97-2003 or RTF files LibreOffice saves of each .docx (its bytes vary
# by LibreOffice's version): here, that each .docx it writes is the source of one committed .doc or .rtf
OFFICE_MADE = {"make_round20b.py"}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_generator_writes_the_committed_plans(script: str, tmp_path: Path) -> None:
    target = SCRIPTS[script]
    arg = tmp_path / target if target else tmp_path
    subprocess.run([sys.executable, str(WORD / script), str(arg)], check=True, cwd=tmp_path, timeout=120,
                   capture_output=True)
    made = sorted(tmp_path.glob("*.docx"))
    assert made, f"{script} wrote no .docx"
    if script in OFFICE_MADE:
        assert all(sum((PLANS / f"{p.stem}.{s}").is_file() for s in ("doc", "rtf")) == 1 for p in made), made
        return
    if script in TEXT_MADE:  # the committed fixture is each .docx's text as pandoc, docx2txt or pdftotext give it
        assert all((PLANS / f"{p.stem}.txt").is_file() for p in made), [p.name for p in made]
        return
    for path in made:
        committed = PLANS / path.name
        assert committed.is_file(), f"{script} writes {path.name}, which is not a committed fixture"
        with zipfile.ZipFile(path) as new, zipfile.ZipFile(committed) as old:
            assert new.namelist() == old.namelist(), path.name
            changed = [n for n in new.namelist() if new.read(n) != old.read(n)]
        assert not changed, f"{path.name}: {script} now writes other {', '.join(changed)}"
