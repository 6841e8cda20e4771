"""What the lead's probes of session 26 found, each pinned on its own (every compliant plan of the fixtures rewritten
in one office habit at a time, tests/test_rewrites.py's way, the loud findings read):

- a lettered list typed in Word's Latin alphabet ("a) … d) e) f)", as Word's automatic letters typed out or taken
  out by a converter) was reported as skipping "đ" (HP215-NUMBERING): a list that writes no "đ" is judged in the
  alphabet it reads right in (rules/conventions.yaml ``list_alphabet``, then ``word_alphabet``), the Vietnamese one
  first; a list that skips a letter in both is still reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
LETTERED = PLANS / "phuong-chi-linh-chu-cai-d.txt"  # points a) … k) (with đ) and parts a) … e) (with đ)


def _numbering(text: str, tmp_path: Path, packs: list[LoadedPack]) -> list[str]:
    path = tmp_path / LETTERED.name
    path.write_text(text, encoding="utf-8")
    return [f"{f.line} {f.actual}>{f.expected}" for f in check_file(path, packs).findings if f.id == "HP215-NUMBERING"]


def _latin(text: str) -> str:
    """Every lettered point typed in the Latin alphabet: the n-th letter of the Vietnamese one as Word's n-th."""
    latin = dict(zip("đeghik", "efghij", strict=True))
    return re.sub(r"(?m)^([đeghik])\)", lambda m: latin[m.group(1)] + ")", text)


def test_a_list_lettered_in_the_latin_alphabet_is_no_gap(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = LETTERED.read_text(encoding="utf-8")
    assert _numbering(text, tmp_path, packs) == []
    assert "e) Đào tạo, tuyên truyền\nBồi dưỡng" in _latin(text)
    assert _numbering(_latin(text), tmp_path, packs) == []


@pytest.mark.parametrize(("old", "new", "want"), [
    ("d) An toàn, an ninh", "e) An toàn, an ninh", "33 e>d"),  # a b c e đ e: "e" for "d", the Vietnamese list
    ("c) Dữ liệu số", "d) Dữ liệu số", "31 d>c"),  # a b d d đ e: repeated, wrong in either alphabet
])
def test_a_list_wrong_in_either_alphabet_is_still_reported(old: str, new: str, want: str, tmp_path: Path,
                                                          packs: list[LoadedPack]) -> None:
    found = _numbering(LETTERED.read_text(encoding="utf-8").replace(old, new), tmp_path, packs)
    assert want in found, found


def test_a_latin_list_that_skips_a_letter_is_reported(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """a) b) c) d) f) g): "e" missing in the Latin alphabet, "f" no letter of the Vietnamese one."""
    text = _latin(LETTERED.read_text(encoding="utf-8")).replace("e) Đào tạo", "f) Đào tạo").replace(
        "f) Giải pháp", "g) Giải pháp")
    assert _numbering(text, tmp_path, packs), "a gap in a Latin list"
