"""Text helpers shared by every stage: NFC, a length-preserving fold for matching, OCR-tolerant search.

Folding keeps one output character per input character, so an offset found in the folded text is an offset in
the original: findings can always quote the plan's own words. It lowercases, removes Vietnamese diacritics
(đ → d) and undoes the OCR habit of reading letters as digits inside words (``s6`` → ``so``, ``1y`` → ``ly``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein


def _class_ranges(chars: list[str]) -> str:
    """``chars`` (ascending) as a regex class's body, runs of consecutive code points as ranges ("À-Ö"): the same
    letters, a third of the length to parse (every pattern that holds the class compiles faster: issue 9)."""
    out: list[str] = []
    k = 0
    while k < len(chars):
        j = k
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(chars[k] if j == k else chars[k] + chars[j] if j == k + 1 else f"{chars[k]}-{chars[j]}")
        k = j + 1
    return "".join(out)


# the capital letters of Vietnamese text, for regex classes ("[A-ZÀ-Ỹ]" would also take á, ế, ... which lie between)
UPPER = "A-Z" + _class_ranges([c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and len(c.lower()) == 1])
_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "6": "o", "4": "a"})
_NON_WORD = re.compile(r"[^a-z0-9%]+")
# texts remembered by the folding memos: a few plans' worth (a plan of 900 lines folds about 1,000 distinct texts),
# so a batch's memory stays flat however many plans it holds; 65,536 grew a worker by about 50 MB over its first
# hundred plans, for the same hit rate
MEMO = 4096


# letters that look like "Đ" / "đ" and stand for them in Vietnamese text: the Latin eth ("Ð" U+00D0, "ð" U+00F0: the
# letter a Western font's code page has where a Vietnamese one has "Đ", as old font converters, PDFs of VNI-typed
# documents and OCR give it: "NÐ-CP", "ÐẠI SƠN") and the African D ("Ɖ" U+0189, "ɖ" U+0256); one for one, so
# lengths and offsets stay
_D_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ"})
_D_LOOKALIKE = re.compile("[\u00d0\u00f0\u0189\u0256]")


def nfc(text: str) -> str:
    """``text`` in NFC, with the look-alikes of "Đ" and "đ" read as those letters."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_D_LOOKALIKES) if _D_LOOKALIKE.search(text) else text


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
    low = ch.lower()
    return low if len(low) == 1 else ch


# one character for one character over the ranges Vietnamese text uses (Latin, Vietnamese, punctuation);
# anything else is kept as it is, so lengths still match
_FOLD_TABLE = {c: _fold_char(chr(c)) for r in ((0, 0x250), (0x1E00, 0x1F00), (0x2000, 0x2070)) for c in range(*r)}
# the same table as a list indexed by code point (str.translate reads it without hashing each character; a code
# point past its end raises IndexError, a LookupError: kept as it is, as a code point missing from the dict is)
_FOLD_LIST = [_FOLD_TABLE.get(c, chr(c)) for c in range(max(_FOLD_TABLE) + 1)]
# a digit next to a letter: where alone ``_MIXED`` can match (a token mixing the two, "1y"); opening with the digit,
# the pattern lets the engine skip to digits
_LETTER_DIGIT = re.compile(r"[0-9](?:(?<=[a-z][0-9])|(?=[a-z]))")
# the folded characters as ``squash`` reads them: a word character (a-z, 0-9, %) as it is, any other a space (the
# characters past the table are kept: a text holding one is squashed by ``_NON_WORD``)
_SPACED = [c if c.isascii() and (c.isalnum() and not c.isupper() or c == "%") else " "
           for c in map(chr, range(len(_FOLD_LIST)))]
_CODE_DIGITS = re.compile(r"[a-z]{2,}\d{2,}$")
_MIXED = re.compile(r"\b(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]+|\b1[a-z]{1,2}\b")


# the letters OCR reads for digits inside a figure ("l00%", "8O%", "2O25", "8S/2016", "1l8/KH"), read back as the
# digits they stand for where the token can only be a number: before a percent sign, in a date or a document's
# number and symbol (a "/" after it, or a figure and "/" before it), after "ngày", "tháng", "năm", "số"
_LETTER_DIGITS = str.maketrans("olis", "0115")
_CONFUSED = re.compile(r"[0-9olis]+")
_NUMBER_AFTER = re.compile(r"\s?(?:%|°|o/o(?![a-z0-9])|phan tram)|/(?!o(?![a-z0-9]))[0-9a-z]|\s(?:thang|nam)\b")
_NUMBER_BEFORE = re.compile(r"(?:[0-9]/|\b(?:ngay|thang|nam|so:?)\s)$")


def _a_number(match: re.Match[str]) -> bool:
    """The token of ``match`` (digits and letters OCR takes for digits) stands where only a number can."""
    text, a, b = match.string, match.start(), match.end()
    return bool(_CONFUSED.fullmatch(match.group(0))) and (
        _NUMBER_AFTER.match(text, b) is not None or _NUMBER_BEFORE.search(text, max(0, a - 6), a) is not None)


def _undigit(match: re.Match[str]) -> str:
    tok = match.group(0)
    if _a_number(match):
        return tok.translate(_LETTER_DIGITS)
    # a token mixing letters and digits is an OCR misreading, not a number ("s6", "T6i", "1y"); "5g" is kept
    if _CODE_DIGITS.search(tok):
        return tok  # a code ending in a number ("QH15", "UBTVQH15") is not a misreading
    # a figure glued to the word after it ("100phần trăm", "10ngày") is a number: an OCR'd "l" is one "1" alone
    if not tok[0].isdigit() or (tok[0] == "1" and not tok[1:2].isdigit()):
        return tok.translate(_OCR_DIGITS)
    return tok


@lru_cache(maxsize=MEMO)
def fold(text: str) -> str:
    """Lowercase ASCII skeleton of ``text``, one character per character (``len(fold(t)) == len(t)``)."""
    folded = text.translate(_FOLD_LIST)
    # an OCR misreading mixes letters with a digit: a text with no digit next to a letter has none to undo
    return _MIXED.sub(_undigit, folded) if _LETTER_DIGIT.search(folded) else folded


@lru_cache(maxsize=MEMO)
def squash(text: str) -> str:
    """Folded words separated by single spaces: the form phrases are compared in."""
    folded = fold(text)
    spaced = folded.translate(_SPACED)
    if spaced.isascii():  # every character was one of the table's (C loops: no pattern tried at each character)
        return " ".join(spaced.split())
    return _NON_WORD.sub(" ", folded).strip()


def opening(words: Iterable[str], also: str = "") -> str:
    """A lookahead for the characters ``words`` begin with (and the class ``also``: "\\s"), to put first in a
    pattern whose every match begins with one of them: the engine then skips to those characters (a pattern opening
    with a word boundary, a lookbehind or an alternation is tried at every position). Nothing where a word is empty
    (the pattern may match anywhere)."""
    words = list(words)
    if not words or not all(words):
        return ""
    return "(?=[" + also + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression (a non-capturing group) matching any of ``words``, written as a trie so the
    engine follows one branch per character instead of trying every word in turn."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(trie)})"


# the characters that fold to a word character of ``squash`` (a-z, 0-9, %): whether a character separates words
# does not depend on its neighbours (the OCR digit fix turns word characters into word characters), so runs of
# the others are what ``squash`` turns into one space, found in the original text without folding it
_WORD_FOLDED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789%")
_NON_WORD_ORIGINAL = re.compile(
    "[^" + re.escape("".join(chr(c) for c, f in enumerate(_FOLD_LIST) if f in _WORD_FOLDED)) + "]+")


def in_brackets(text: str, at: int) -> bool:
    """The offset stands inside a parenthesis opened before it and not yet closed, counting nested ones: an aside or a
    note ("(xã Thanh Hà đạt 91%, …)", "(Bản trình (dự thảo 2) ngày 5 tháng 9 …)")."""
    return text.count("(", 0, at) > text.count(")", 0, at)


def squash_cased(text: str) -> str:
    """``squash`` with the original letters kept (case, diacritics): the same words at the same offsets."""
    return _NON_WORD_ORIGINAL.sub(" ", text).strip()


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng (combining, as NFD gives them)


@lru_cache(maxsize=MEMO)
def marks(word: str) -> tuple[str, str]:
    """A word's diacritics wherever they sit: (its modified letters' marks, ă â ê ô ơ ư đ; its tone). "Ủy" and "Uỷ",
    "hòa" and "hoà" have the same; "quận" and "quản" do not (â and a)."""
    d = unicodedata.normalize("NFD", word.lower())
    combining = sorted(c for c in d if unicodedata.combining(c))
    return "".join(c for c in combining if c not in _TONES) + "đ" * d.count("đ"), "".join(
        c for c in combining if c in _TONES)


def marks_agree(written: str, name: str) -> bool:
    """``written`` (the plan's words, found where ``name`` folds alike) are ``name``'s words by their diacritics too,
    word by word where both carry some: "UBND quản lí" is not "UBND quận", nor "Ủy ban nhân dân quản" "Ủy ban nhân
    dân quận"; a word written with none (OCR, typing without accents) agrees with any. A name of three words or more
    allows one word that only a tone sets apart, as a slip of the keyboard does ("Sở Thông tin và Truyền thống")."""
    slips = 1 if len(name.split()) >= 3 else 0  # tone slips allowed
    for w, n in zip(written.split(), name.split(), strict=False):
        got, want = marks(w), marks(n)
        if got == want or not any(got) or not any(want):
            continue
        if got[0] != want[0] or not slips:
            return False
        slips -= 1
    return True


def contains(hay: str, needle: str, threshold: float = 84.0) -> bool:
    """``needle`` occurs in ``hay`` (both squashed), allowing OCR-sized damage: about one wrong letter in six.

    Needles under 6 characters must match exactly; 6-7 characters allow one wrong letter. A needle with a figure
    ("24 tieng") or written ``exact: …`` in a rule (squashed: "exact …") matches only as whole words, exactly: a
    number never fuzzy-matches another ("72 tieng"), nor "hoa don" "hop dong".
    """
    if not needle:
        return False
    whole = _exactly(needle)
    if whole is not None:
        return whole.search(hay) is not None
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


def ocr_words(hay: str, needle: str) -> bool:
    """The words of ``needle`` occur in a row in ``hay`` (both squashed), each exactly or with one wrong letter,
    never the first: OCR damage of short words ("hé so" for "hồ sơ", "cong au" for "công an", not "cong xa")."""
    words, want = hay.split(), needle.split()
    for i in range(len(words) - len(want) + 1):
        if all(a[:1] == b[:1] and Levenshtein.distance(a, b, score_cutoff=1) <= 1
               for a, b in zip(words[i : i + len(want)], want, strict=True)):
            return True
    return False


EXACT = "exact "  # the squashed form of a rule phrase written "exact: …"


@lru_cache(maxsize=4096)
def _exactly(needle: str) -> re.Pattern[str] | None:
    """The pattern a needle must match as whole words (written ``exact: …``, or with a figure); None when it may
    match fuzzily. Cached: the same needles are looked for in every line."""
    exact = needle.startswith(EXACT)
    if exact or any(c.isdigit() for c in needle):
        return _whole_words(needle[len(EXACT):] if exact else needle)
    return None


@lru_cache(maxsize=4096)
def _whole_words(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])")


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
    words = Counter(_ALPHA_TOKEN.findall(text))  # each distinct word judged once
    if not words:
        return 0.0
    return sum(n for w, n in words.items() if _is_syllable(w)) / words.total()


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    return bool(_SYLLABLE.fullmatch(fold(word))) or word.isupper()


# letters that carry a Vietnamese diacritic (ă â ê ô ơ ư đ, and any letter with a tone mark), upper and lower case
_MARKED = frozenset(
    c for c in map(chr, range(0xC0, 0x1EFA))
    if c.isalpha() and (c.lower() in "ăâêôơưđ" or unicodedata.normalize("NFD", c) != c)
)

# from a word's first marked letter to its end: one match per word that has one, the engine skipping to marked
# letters (words joined by single spaces hold no spaces)
_MARKED_WORD = re.compile("[" + re.escape("".join(sorted(_MARKED))) + "][^ ]*")


def letter_counts(text: str) -> tuple[int, int]:
    """(letters, capital letters) of ``text``, counted by C loops (no Python code per character)."""
    letters = "".join(filter(str.isalpha, text))
    return len(letters), sum(map(str.isupper, letters))


# below this share of words with diacritics a text is OCR (or typing) that lost them: clean Vietnamese has about
# 0.85, OCR without diacritics 0 to 0.2 (stray accents it invents: "héa", "théng")
OCR_SHARE = 0.3


def lost_diacritics(text: str) -> bool:
    """The text lost its diacritics (OCR, unaccented typing): names in it are matched with OCR-sized damage."""
    if text.isascii():  # no marked letter at all: share 0
        return True
    words = _ALPHA_TOKEN.findall(text)  # ``diacritic_counts``, inline: it is asked of every sentence of a plan
    return not words or len(_MARKED_WORD.findall(" ".join(words))) / len(words) < OCR_SHARE


def diacritics_share(text: str) -> float:
    """Share of words carrying Vietnamese diacritics: about half in clean text, near none in OCR that lost them."""
    return share_of(*diacritic_counts(text))


def diacritic_counts(text: str) -> tuple[int, int]:
    """(words, words with a diacritic) of ``text``: counts of texts joined by a space or a line break add up."""
    words = _ALPHA_TOKEN.findall(text)
    if not words:
        return 0, 0
    return len(words), len(_MARKED_WORD.findall(" ".join(words)))


def share_of(words: int, marked: int) -> float:
    return marked / words if words else 0.0
