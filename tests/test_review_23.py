"""Session 23's review, found by the fresh-clone CI: what the merged rounds did together."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"


def test_a_citation_in_force_until_replaced_is_looked_up(tmp_path: Path, packs: list[LoadedPack]) -> None:
    # round 23c's Nguyễn Trãi plan cites a decision of the former thành phố Chí Linh "(văn bản còn được áp dụng đến
    # khi có quy định thay thế)": in force, so looked up in the registry (an info: not in it). Laid out one line per
    # paragraph (tests/layouts.py), "thay thế" came into the citation's lines and it was taken as told replaced,
    # history: nothing said (test_layouts_agree failed). A citation told as replaced is still history.
    lines = (PLANS / "phuong-nguyen-trai-hai-cot-ke-thua-dat-chuan.txt").read_text(encoding="utf-8").split("\n")
    at = next(k for k, t in enumerate(lines) if "2315/QĐ-UBND" in t)
    joined = " ".join(t.strip() for t in lines[at : at + 3])
    assert "đến khi có quy định thay thế" in joined
    path = tmp_path / "p.txt"
    path.write_text("\n".join([*lines[:at], joined, "", "", *lines[at + 3 :]]), encoding="utf-8")
    refs = [f for f in check_file(path, packs).findings if f.id == "HP215-REFS"]
    assert [(f.severity, f.line) for f in refs] == [("info", at + 1)]
    replaced = joined.replace("(văn bản còn được áp dụng đến khi có quy định thay thế)", "(đã được thay thế)")
    path.write_text("\n".join([*lines[:at], replaced, "", "", *lines[at + 3 :]]), encoding="utf-8")
    assert not [f for f in check_file(path, packs).findings if f.id == "HP215-REFS"]
