"""Shared test helpers: plans from text, the default pack, and the shared seeds (skipped where absent)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Document, Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack, load_pack, load_packs

ROOT = Path(__file__).resolve().parents[1]
PACK_FILE = ROOT / "rules" / "215-KH-UBND.yaml"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def plan_from_text(text: str, path: str = "t.txt") -> Plan:
    lines, tables = pipe_tables(lines_of(text))
    return parse(Document(path=path, format="txt", lines=lines, tables=tables))


@pytest.fixture(scope="session", autouse=True)
def ocr_page_time() -> Iterator[None]:
    """A scanned page given ten minutes to be read by OCR in the tests (``CHECK_OCR_PAGE_SECONDS``, unless set): under
    a load of about 10 on two cores a page's Tesseract runs outlast the minute the checker gives them, and the tests
    judge what is read, not how fast. The limit itself is tested on a clock of the test's own (tests/test_ocr.py)."""
    from checker.ingest import ocr

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ocr.PAGE_SECONDS_ENV, os.environ.get(ocr.PAGE_SECONDS_ENV) or "600")
        yield


@pytest.fixture(scope="session")
def pack() -> LoadedPack:
    return load_pack(PACK_FILE)


@pytest.fixture(scope="session")
def packs() -> list[LoadedPack]:
    """Every built-in pack, as a run without --rules loads them (loaded once: no test changes a pack)."""
    return load_packs()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


CACHES = ("__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache")  # written by Python and the tools, not tests


def tree_state() -> set[str] | None:
    """``git status`` of the checkout, ignored files included (``reports/*`` is ignored), caches left out; None
    outside a git checkout."""
    if shutil.which("git") is None:
        return None
    done = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--ignored", "--untracked-files=all"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return {line for line in done.stdout.splitlines() if not any(c in line for c in CACHES)}


@pytest.fixture(scope="session", autouse=True)
def tree_untouched() -> Iterator[None]:
    """Tests never write into the working tree: the run fails if ``git status`` of the checkout changed."""
    before = tree_state()
    yield
    after = tree_state()
    if before is not None and after is not None and after != before:
        changed = "\n".join(sorted(after ^ before))
        pytest.fail(f"the test run changed the working tree (use tmp_path, pass -o to check):\n{changed}")
