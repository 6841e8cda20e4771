"""Text helpers shared by every stage: NFC, a length-preserving fold for matching, OCR-tolerant search.

Folding keeps one output character per input character, so an offset found in the folded text is an offset in
the original: findings can always quote the plan's own words. It lowercases, removes Vietnamese diacritics
(đ → d) and undoes the OCR habit of reading letters as digits inside words (``s6`` → ``so``, ``1y`` → ``ly``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "6": "o", "4": "a"})
_MIXED_TOKEN = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")
_NON_WORD = re.compile(r"[^a-z0-9%]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch.isascii():
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0]
    if base.isascii():
        return base.lower()
    if ch in "–—‐‑−":
        return "-"
    if ch in "“”„«»":
        return '"'
    if ch in "‘’":
        return "'"
    if unicodedata.category(ch).startswith("Z"):
        return " "
    return ch.lower()[:1] or ch


def _undigit(match: re.Match[str]) -> str:
    tok = match.group(0)
    # a token mixing letters and digits is an OCR misreading, not a number ("s6", "T6i", "1y")
    if any(c.isdigit() for c in tok) and not tok[0].isdigit() or (tok[0] == "1" and len(tok) <= 3):
        return tok.translate(_OCR_DIGITS)
    return tok


def fold(text: str) -> str:
    """Lowercase ASCII skeleton of ``text``, one character per character (``len(fold(t)) == len(t)``)."""
    out = "".join(_fold_char(c) for c in text)
    return _MIXED_TOKEN.sub(_undigit, out)


def squash(text: str) -> str:
    """Folded words separated by single spaces: the form phrases are compared in."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def contains(hay: str, needle: str, threshold: float = 84.0) -> bool:
    """``needle`` occurs in ``hay`` (both squashed), allowing OCR-sized damage: about one wrong letter in six.

    Needles under 6 characters must match exactly; 6-7 characters allow one wrong letter.
    """
    if not needle:
        return False
    if needle in hay:
        return True
    if len(needle) < 6 or len(hay) < len(needle) - 2:
        return False
    if len(needle) < 8:
        # short phrases: compared with runs of as many whole words, so "cong an" is not found in "phong van"
        k = needle.count(" ") + 1
        words = hay.split()
        return any(fuzz.ratio(needle, " ".join(words[i : i + k]), score_cutoff=80) > 0
                   for i in range(len(words) - k + 1))
    return fuzz.partial_ratio(needle, hay, score_cutoff=threshold) > 0


def contains_any(hay: str, needles: list[str], threshold: float = 84.0) -> bool:
    return any(contains(hay, n, threshold) for n in needles)


def all_groups(hay: str, groups: list[list[str]], threshold: float = 84.0) -> bool:
    """Every group has at least one alternative in ``hay``: the way a concept is recognised by meaning."""
    return all(contains_any(hay, g, threshold) for g in groups)


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ng|nh|ch|[cmnpt])?"
)
_ALPHA_TOKEN = re.compile(r"[^\W\d_]{2,}")


def vietnamese_score(text: str) -> float:
    """Share of words that are possible Vietnamese syllables once folded (1.0 for clean text).

    OCR without diacritics keeps most syllables valid; text in a legacy font garbled by extraction does not.
    """
    words = _ALPHA_TOKEN.findall(text)
    if not words:
        return 0.0
    good = 0
    for w in words:
        f = fold(w)
        if _SYLLABLE.fullmatch(f) or w.isupper():
            good += 1
    return good / len(words)


_VN_LETTERS = set("ăâêôơưđ")


def diacritics_share(text: str) -> float:
    """Share of words carrying Vietnamese diacritics: about half in clean text, near none in OCR that lost them."""
    words = _ALPHA_TOKEN.findall(text)
    if not words:
        return 0.0
    marked = sum(1 for w in words if any(c.lower() in _VN_LETTERS or unicodedata.normalize("NFD", c) != c
                                         for c in w))
    return marked / len(words)
