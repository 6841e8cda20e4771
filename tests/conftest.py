"""Shared test helpers: plans from text, the default pack, and the shared seeds (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Document, Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack, load_pack

ROOT = Path(__file__).resolve().parents[1]
PACK_FILE = ROOT / "rules" / "215-KH-UBND.yaml"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def plan_from_text(text: str, path: str = "t.txt") -> Plan:
    lines, tables = pipe_tables(lines_of(text))
    return parse(Document(path=path, format="txt", lines=lines, tables=tables))


@pytest.fixture(scope="session")
def pack() -> LoadedPack:
    return load_pack(PACK_FILE)


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
