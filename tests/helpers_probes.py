"""What the tests of a probe round share: a rule of the packs by its id, and a plan of the test's own text parsed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.ingest import read
from checker.models import Plan
from checker.parse import parse
from checker.rules.loader import LoadedPack


def pack_rule(packs: list[LoadedPack], rule_id: str) -> Any:
    return next(r for p in packs for r in p.pack.rules if r.id == rule_id)


def parsed(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return parse(read(path))
