"""What a run of ``check`` imports (never how long it takes): a text or JSON run over a text plan imports the modules
it uses and not the readers of other formats, the writers of other reports, nor the options it was not given.

Each run is a fresh interpreter (a module imported by an earlier test would hide one imported too early), the
plan checked in that process (``-j 1 --timeout 0``: no worker, whose imports the parent would not see)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PLAN = ROOT / "tests" / "fixtures" / "plans" / "dac-khu-bach-long-vi-chu-thuong.txt"

RUN = """
import json, sys
from checker.startup import main
sys.argv = ["check", *{args!r}]
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print("\\n" + json.dumps({{"code": code, "modules": sorted(sys.modules)}}), file=sys.stderr)
"""

# never imported by a text or JSON run of a text plan
NEVER = (
    # readers of other formats: PDF (and its OCR), Word, OpenDocument, spreadsheets and other structured files
    "checker.ingest.pdf", "checker.ingest.pdf_grid", "checker.ingest.ocr", "checker.ingest.docx",
    "checker.ingest.odt", "checker.ingest.structured", "checker.ingest.wordproc", "pypdf", "docx", "openpyxl",
    # writers of reports not asked for, and their libraries
    "checker.report.html_report", "checker.report.junit_report", "checker.report.sarif_report",
    "checker.report.github_report", "checker.report.xlsx_report", "checker.report.letters", "checker.report.wordml",
    "jinja2", "xml.etree.ElementTree",
    # options not given, and the subcommands
    "checker.waivers", "checker.diff", "checker.fix", "checker.annotate", "checker.commands", "checker.serve",
    "checker.ruletest", "checker.rules.draft",
)


def imported(args: list[str]) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", RUN.format(args=args)], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    got = json.loads(done.stderr.strip().splitlines()[-1])
    return got["code"], set(got["modules"])


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_text_plan_imports_only_what_it_uses(tmp_path: Path, fmt: str) -> None:
    code, modules = imported([str(PLAN), "--format", fmt, "-o", str(tmp_path / "out"), "-q", "-j", "1",
                              "--timeout", "0"])
    assert code in (0, 1)
    assert "checker.ingest.txt" in modules  # the plan was read
    assert sorted(m for m in NEVER if m in modules) == []


def test_yaml_is_read_by_the_c_loader_alone(tmp_path: Path) -> None:
    """Where PyYAML has libyaml, the rule packs are read without ruamel (only a pack with an error is read again
    by ruamel, for its line numbers)."""
    yaml = pytest.importorskip("yaml")
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml: ruamel reads the packs")
    _, modules = imported([str(PLAN), "--format", "json", "-o", str(tmp_path / "out"), "-q", "-j", "1",
                           "--timeout", "0"])
    assert "yaml._yaml" in modules
    assert sorted(m for m in modules if m.split(".")[0] == "ruamel") == []


def test_one_text_plan_starts_no_worker_and_reads_no_distribution_metadata(tmp_path: Path) -> None:
    """Round 24d: as a user runs it (the default time limit and -j), one text plan is checked in the command's
    process (no multiprocessing), pydantic looks for no plugins (no importlib.metadata), and the checks of zipped
    files and LibreOffice's conversion are not imported (no zipfile, subprocess, tempfile)."""
    code, modules = imported([str(PLAN), "--format", "json", "-o", str(tmp_path / "out"), "-q"])
    assert code in (0, 1)
    unused = ("multiprocessing", "importlib.metadata", "zipfile", "subprocess", "tempfile", "checker.ingest.office")
    assert sorted(m for m in unused if m in modules) == []


def test_pydantic_plugin_loader_stand_in_hands_on_what_it_does_not_have() -> None:
    """The command's stand-in for pydantic's plugin loader answers no plugins; any other name is the real
    loader's, imported then (a later pydantic that asks its loader for more still gets it)."""
    code = ("import sys; from checker.startup import _without_pydantic_plugins as w; w()\n"
            "from pydantic import BaseModel\nclass A(BaseModel):\n    x: int\n"
            "assert A(x=1).x == 1 and 'importlib.metadata' not in sys.modules\n"
            "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP, get_plugins\n"
            "assert PYDANTIC_ENTRY_POINT_GROUP == 'pydantic' and 'importlib.metadata' in sys.modules\n"
            "assert sys.modules['pydantic.plugin._loader'].__file__")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
