"""Legacy Vietnamese encodings (TCVN3/ABC and VNI) to Unicode: detection, conversion and byte decoding."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Literal

from checker.errors import IngestError
from checker.text import fold, nfc, vietnamese_score

Encoding = Literal["tcvn3", "vni"]

NOTES: dict[str, str] = {
    "tcvn3": "đã chuyển mã TCVN3 (ABC) sang Unicode",
    "vni": "đã chuyển mã VNI sang Unicode",
    "cp1258": "đã giải mã Windows-1258 sang Unicode",
}

# --------------------------------------------------------------------------- TCVN3 (TCVN 5712:1993, VN3)
# VN3 is the 8-bit set of the ABC fonts (.VnTime, .VnArial, ...): ASCII plus the Vietnamese letters in
# 0xA1-0xFE. It has only lower-case toned letters; the upper-case fonts (.VnTimeH, ...) draw upper-case
# glyphs at the same code points. In Word files and extracted text each byte arrives as the Latin-1
# character with the same number, so the table is keyed by that character.
# Written out position by position (the chart has gaps), from the VN3 chart.
_TCVN3_CHART: str = """
A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ  A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ
B5 à  B6 ả  B7 ã  B8 á  B9 ạ
BB ằ  BC ẳ  BD ẵ  BE ắ  C6 ặ
C7 ầ  C8 ẩ  C9 ẫ  CA ấ  CB ậ
CC è  CE ẻ  CF ẽ  D0 é  D1 ẹ
D2 ề  D3 ể  D4 ễ  D5 ế  D6 ệ
D7 ì  D8 ỉ  DC ĩ  DD í  DE ị
DF ò  E1 ỏ  E2 õ  E3 ó  E4 ọ
E5 ồ  E6 ổ  E7 ỗ  E8 ố  E9 ộ
EA ờ  EB ở  EC ỡ  ED ớ  EE ợ
EF ù  F1 ủ  F2 ũ  F3 ú  F4 ụ
F5 ừ  F6 ử  F7 ữ  F8 ứ  F9 ự
FA ỳ  FB ỷ  FC ỹ  FD ý  FE ỵ
"""


def _parse_chart(chart: str) -> dict[str, str]:
    items = chart.split()
    return {chr(int(code, 16)): letter for code, letter in zip(items[::2], items[1::2], strict=True)}


TCVN3_TO_UNICODE: dict[str, str] = _parse_chart(_TCVN3_CHART)
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)
UNICODE_TO_TCVN3: dict[str, str] = {u: b for b, u in TCVN3_TO_UNICODE.items()}

# --------------------------------------------------------------------------- VNI
# VNI (VNI-Times, VNI-Helve, ...) writes a toned vowel as its base letter followed by one "mark" byte that
# carries the tone, or the circumflex/breve together with the tone. A few letters are single bytes
# (ơ ư đ, i with a tone, ỵ). Upper-case text uses the upper-case mark bytes.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

# mark byte (lower, upper) -> combining marks it adds to the base vowel
_VNI_TONES: dict[tuple[str, str], str] = {
    ("ù", "Ù"): _ACUTE,
    ("ø", "Ø"): _GRAVE,
    ("û", "Û"): _HOOK,
    ("õ", "Õ"): _TILDE,
    ("ï", "Ï"): _DOT,
}
_VNI_CIRC: dict[tuple[str, str], str] = {
    ("â", "Â"): _CIRC,
    ("á", "Á"): _CIRC + _ACUTE,
    ("à", "À"): _CIRC + _GRAVE,
    ("å", "Å"): _CIRC + _HOOK,
    ("ã", "Ã"): _CIRC + _TILDE,
    ("ä", "Ä"): _CIRC + _DOT,
}
_VNI_BREVE: dict[tuple[str, str], str] = {
    ("ê", "Ê"): _BREVE,
    ("é", "É"): _BREVE + _ACUTE,
    ("è", "È"): _BREVE + _GRAVE,
    ("ú", "Ú"): _BREVE + _HOOK,
    ("ü", "Ü"): _BREVE + _TILDE,
    ("ë", "Ë"): _BREVE + _DOT,
}
# single-byte letters
_VNI_SINGLE: dict[str, str] = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "î": "ỵ", "Î": "Ỵ",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
}  # fmt: skip


def _build_vni() -> dict[str, str]:
    """Every two-character VNI sequence (base + mark) and the Unicode letter it stands for."""
    pairs: dict[str, str] = {}

    def add(bases: str, marks: dict[tuple[str, str], str]) -> None:
        for base in bases:
            for (low, up), combining in marks.items():
                letter = unicodedata.normalize("NFC", base + combining)
                pairs[base + low] = letter
                pairs[base + up] = letter
                # a base written in one case and the mark in the other still means the same letter

    add("aeouyAEOUY", _VNI_TONES)
    add("aeoAEO", _VNI_CIRC)
    add("aA", _VNI_BREVE)
    for (low, up), combining in _VNI_TONES.items():  # ơ ư with a tone
        for raw, base in (("ô", "o"), ("Ô", "O"), ("ö", "u"), ("Ö", "U")):
            letter = unicodedata.normalize("NFC", base + _HORN + combining)
            pairs[raw + low] = letter
            pairs[raw + up] = letter
    return pairs


VNI_PAIRS: dict[str, str] = _build_vni()
_VNI_ALL: dict[str, str] = {**_VNI_SINGLE, **VNI_PAIRS}
# one pass, longest sequence first, so a letter made from a pair is never read again as a single byte
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI_ALL), key=len, reverse=True)))
UNICODE_TO_VNI: dict[str, str] = {}
for _seq, _letter in VNI_PAIRS.items():
    if _seq[0].islower() == _seq[1].islower() or not _seq[0].isalpha():
        UNICODE_TO_VNI.setdefault(_letter, _seq)
for _raw, _letter in _VNI_SINGLE.items():
    UNICODE_TO_VNI.setdefault(_letter, _raw)
for _plain in "ìÌíÍ":
    UNICODE_TO_VNI[_plain] = _plain


# --------------------------------------------------------------------------- conversion


def convert(text: str, encoding: Encoding, upper: bool = False) -> str:
    """Text typed in a legacy encoding (as Latin-1 characters) to NFC Unicode.

    ``upper`` is for the upper-case-only fonts (.VnTimeH and the like), whose lower-case codes draw capitals.
    """
    if encoding == "tcvn3":
        out = text.translate(_TCVN3_TABLE)
    elif encoding == "vni":
        out = _VNI_PATTERN.sub(lambda m: _VNI_ALL[m.group(0)], text)
    else:  # pragma: no cover - guarded by the type
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    if upper:
        out = out.upper()
    return nfc(out)


def encode(text: str, encoding: Encoding) -> str:
    """Unicode Vietnamese to how it looks in a legacy font (the inverse of ``convert``; used by tests)."""
    table = UNICODE_TO_TCVN3 if encoding == "tcvn3" else UNICODE_TO_VNI
    out: list[str] = []
    for ch in nfc(text):
        if encoding == "tcvn3" and not ch.isascii() and ch.isupper() and ch not in table:
            ch = ch.lower()  # VN3 has no upper-case toned letters: the text would be set in an H font
        out.append(table.get(ch, ch))
    return "".join(out)


def font_encoding(font: str | None) -> tuple[Encoding, bool] | None:
    """The legacy encoding a font name implies (and whether it is an upper-case-only font), or None."""
    if not font:
        return None
    name = font.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return "tcvn3", name.endswith("H")
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni", False
    return None


# --------------------------------------------------------------------------- detection

_VIET_LETTERS = set(
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    "fjwz"  # foreign words and abbreviations
)
_WORD = re.compile(r"\S+")
_STRIP = re.compile(r"^[^\w]+|[^\w]+$")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
# characters that only a legacy font puts inside words (no Vietnamese word in Unicode contains them)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_UNICODE_LATIN1_LETTERS = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_MARKERS = set(TCVN3_TO_UNICODE) - _UNICODE_LATIN1_LETTERS
_VNI_MARKERS = ({s[1] for s in VNI_PAIRS} | set(_VNI_SINGLE)) - _UNICODE_LATIN1_LETTERS


def _legacy_words(text: str, markers: set[str]) -> tuple[int, int]:
    """(words that contain a non-ASCII character, of them words that contain a marker character)."""
    nonascii = marked = 0
    for w in _WORD.findall(text):
        if w.isascii():
            continue
        nonascii += 1
        if any(c in markers for c in w):
            marked += 1
    return nonascii, marked


def strict_score(text: str) -> float:
    """Share of non-ASCII words that are well-formed Vietnamese syllables written in Vietnamese letters.

    Stricter than ``vietnamese_score`` (which folds diacritics away, so Latin-1 garbage like "Céng" passes):
    here a word must consist of Vietnamese letters only.
    """
    total = good = 0
    for raw in _WORD.findall(text):
        w = _STRIP.sub("", raw)
        if not w or w.isascii():
            continue
        total += 1
        low = w.lower()
        if all(c in _VIET_LETTERS for c in low) and _SYLLABLE.fullmatch(fold(low)):
            good += 1
    return good / total if total else 0.0


def _out_of_latin1(text: str) -> float:
    """Share of non-ASCII letters beyond Latin-1: high for real Vietnamese, ~0 for legacy-font text."""
    # counted per distinct character (a few hundred), not per character of the text
    counts = Counter(_NON_ASCII.findall(text))
    letters = sum(n for c, n in counts.items() if c.isalpha())
    if not letters:
        return 0.0
    return sum(n for c, n in counts.items() if c.isalpha() and ord(c) > 0xFF) / letters


SAMPLE = 30_000  # characters scored to tell an encoding (about ten pages): the choice costs the same on any file


def _head(text: str) -> str:
    """The first ``SAMPLE`` characters of ``text``, cut at a line break when there is one in the second half."""
    if len(text) <= SAMPLE:
        return text
    cut = text.rfind("\n", SAMPLE // 2, SAMPLE)
    return text[: cut if cut > 0 else SAMPLE]


def _candidates(text: str) -> list[tuple[Encoding, float]]:
    """Each legacy encoding the text plausibly uses, with the strict score of its head converted."""
    out: list[tuple[Encoding, float]] = []
    text = _head(text)
    if _out_of_latin1(text) > 0.05:
        return out  # already Unicode Vietnamese (đ ư ơ ạ ... are all beyond Latin-1)
    for enc, markers in (("tcvn3", _TCVN3_MARKERS), ("vni", _VNI_MARKERS)):
        nonascii, marked = _legacy_words(text, markers)
        if nonascii < 3 or marked < max(3, 0.3 * nonascii):
            continue
        distinct = {c for c in text if c in markers}
        if len(distinct) < 3:
            continue
        out.append((enc, strict_score(convert(text, enc))))  # type: ignore[arg-type]
    return out


def detect(text: str) -> Encoding | None:
    """Which legacy encoding ``text`` is in: marker characters present and conversion makes it Vietnamese."""
    best = _best(text)
    return best[0] if best else None


def _best(text: str) -> tuple[Encoding, str] | None:
    cands = _candidates(text)
    if not cands:
        return None
    before = strict_score(_head(text))
    enc, after = max(cands, key=lambda c: c[1])
    if after < 0.8 or after < before + 0.3:
        return None
    return enc, convert(text, enc)


def convert_if_legacy(text: str) -> tuple[str, str] | None:
    """Converted text and a note when ``text`` is clearly in a legacy encoding; None otherwise.

    Only when conversion clearly improves the text (strict score up by 0.3 or more, not worse by
    ``vietnamese_score``) and the result scores at least 0.8 on both measures. Clean Unicode, OCR text without
    diacritics and legacy text mangled beyond repair are left alone.
    """
    best = _best(text)
    if best is None:
        return None
    enc, converted = best
    after = vietnamese_score(converted)
    if after < 0.8 or after < vietnamese_score(text):
        return None
    return converted, NOTES[enc]


def decode_bytes(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode text bytes that are not UTF-8: Windows-1258, or TCVN3/VNI 8-bit bytes; else IngestError."""
    head = _head(data.decode("latin-1")).encode("latin-1")  # scored: the head; decoded: the whole
    options: list[tuple[float, float, str]] = []  # (strict, vietnamese, encoding)
    try:
        cp = nfc(head.decode("cp1258"))
        options.append((strict_score(cp), vietnamese_score(cp), "cp1258"))
    except UnicodeDecodeError:
        pass
    for enc in ("tcvn3", "vni"):
        conv = convert(head.decode("latin-1"), enc)  # type: ignore[arg-type]
        options.append((strict_score(conv), vietnamese_score(conv), enc))
    strict, score, best = max(options, key=lambda o: (o[0], o[1]))
    refused = IngestError(path, "không giải mã được tệp văn bản (không phải UTF-8, Windows-1258, TCVN3 hay VNI); "
                                "hãy lưu lại tệp dưới dạng UTF-8")
    if strict < 0.8 or score < 0.8:
        raise refused
    if best != "cp1258":
        return convert(data.decode("latin-1"), best), [NOTES[best]]  # type: ignore[arg-type]
    try:
        return nfc(data.decode("cp1258")), [NOTES[best]]
    except UnicodeDecodeError:  # a byte Windows-1258 lacks, after the head
        raise refused from None
