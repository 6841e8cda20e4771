"""LibreOffice for tests that open our Word and Excel files as a person would; skipped, saying why, without it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

# plans in Word 97-2003 and RTF: check reads them through LibreOffice (checker/ingest/office.py)
OFFICE_READ = (".doc", ".rtf")


def needs_office(name: str) -> None:
    """Skip, saying why, a plan ``check`` reads through LibreOffice where LibreOffice is absent."""
    if name.endswith(OFFICE_READ):
        soffice()


def soffice() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui "
                    "libreoffice-writer-nogui)")
    return office


def convert(files: list[Path], to: str, out_dir: Path) -> list[Path]:
    """Convert with LibreOffice headless (its own profile under ``out_dir``, so parallel runs do not clash);
    return the converted files, asserting LibreOffice reported no error and wrote each one."""
    office = soffice()
    if any(f.suffix == ".xlsx" for f in files) and not _has_calc(office):
        pytest.skip("LibreOffice Calc is not installed (Debian: apt-get install libreoffice-calc-nogui)")
    profile = (out_dir / "lo-profile").resolve()
    done = subprocess.run([office, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                           "--convert-to", to, "--outdir", str(out_dir), *map(str, files)],
                          capture_output=True, text=True, timeout=300, check=False)
    made = [out_dir / (f.stem + "." + to.split(":")[0]) for f in files]
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and all(m.is_file() and m.stat().st_size > 0 for m in made), done.stderr
    return made


def _has_calc(office: str) -> bool:
    """Calc's filter library beside the soffice program (a writer-only install has no spreadsheet import)."""
    program = Path(office).resolve().parent
    return any((p / "libscfiltlo.so").exists() or (p / "scalc").exists() or (p / "scalc.exe").exists()
               for p in (program, program.parent / "program"))


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext, else pypdf)."""
    tool = shutil.which("pdftotext")
    if tool:
        return subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
