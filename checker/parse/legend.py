"""A plan's own abbreviations, as its legend gives them ("Ghi chú: VP - Văn phòng HĐND và UBND phường; …")."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.conventions import conventions
from checker.text import UPPER, fold, squash

# a short form: a first word in capitals (its dots and hyphens kept: "P.KT-HT-ĐT", "TTPVHCC"), at most two words in
# lower case after it ("CA phường"); a meaning opens with a capital and has two words or more
_SHORT = re.compile(rf"[{UPPER}][{UPPER}0-9.&/\-]*[{UPPER}0-9.](?: [^\W\d{UPPER}]\w*){{0,2}}")
_MEANING = re.compile(rf"[{UPPER}]\w*(?:[ ,\-–]+\S+)+")
_BULLET = re.compile(r"^\s*(?:[-+*•–]\s*)+")
ENTRIES_AFTER_OPENER = 20  # a list under its heading ("Chữ viết tắt:") runs at most so many lines


@lru_cache(maxsize=1)
def _openers() -> re.Pattern[str]:
    """A legend's word opening a line, in folded text (a text that lost its diacritics writes "Ghi chu:")."""
    words = sorted({fold(w) for w in conventions().abbreviation_legends.openers}, key=len, reverse=True)
    return re.compile(r"^\s*[(*]?\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*[)*]?\s*:\s*")


@lru_cache(maxsize=1)
def _inline() -> re.Pattern[str]:
    """The words before a short form in brackets ("(sau đây viết tắt là"), in folded text."""
    words = sorted({fold(w) for w in conventions().abbreviation_legends.inline}, key=len, reverse=True)
    return re.compile(r"\(\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*:?\s*[\"“”']?")


_CLOSED = re.compile(rf"({_SHORT.pattern})[\"“”']?\s*\)")  # the short form, as written, and the bracket closing
# a short form alone in brackets right after an office's name ("Phòng Văn hóa - Xã hội (VHXH) là cơ quan đầu mối")
_BRACKETED = re.compile(rf"\s\(\s*({_SHORT.pattern})\s*\)")
# a short form after the legend's words without brackets, up to a comma, semicolon, full stop or the end ("Phòng
# Kinh tế, Hạ tầng và Đô thị viết tắt KTHTĐT, Văn phòng HĐND và UBND viết tắt VP, …")
_BARE_END = re.compile(rf"({_SHORT.pattern})(?=\s*(?:[,;.)]|$))")


@lru_cache(maxsize=1)
def _bare() -> re.Pattern[str]:
    """The legend's words before a short form without brackets, in folded text."""
    words = sorted({fold(w) for w in conventions().abbreviation_legends.inline}, key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in words) + r")\s*:?\s+")


@lru_cache(maxsize=1)
def _office_start() -> re.Pattern[str]:
    # and as a text that lost its marks writes them (OCR: "Phong Kinh te, Ha tang va Do thi viet tat KTHTDT")
    words = sorted({*conventions().office_words, *map(fold, conventions().office_words)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _entry(text: str) -> tuple[str, str] | None:
    """("VP", "Văn phòng HĐND và UBND phường") of "VP - Văn phòng HĐND và UBND phường", "- VP: Văn phòng …"."""
    text = _BULLET.sub("", text).strip().rstrip(".;,")
    cuts = sorted((i, sep) for sep in conventions().abbreviation_legends.separators if (i := text.find(sep)) > 0)
    for i, sep in cuts:
        short, meaning = text[:i].strip(), text[i + len(sep):].strip()
        if _SHORT.fullmatch(short) and _MEANING.fullmatch(meaning) and squash(short) != squash(meaning):
            return short, meaning
    return None


def _unbracketed(text: str, folded: str) -> list[tuple[str, str]]:
    """A paragraph's short forms given without the inline legend's bracket: a short form alone in brackets after an
    office's name, and an office's name "viết tắt" its short form, several in a row parted by commas (each name
    read from the end of the entry before it)."""
    out = [(m.group(1), name) for m in _BRACKETED.finditer(text)
           if (name := _named_before(text[:m.start()])) is not None and _office_start().match(name)]
    after = 0
    for m in _bare().finditer(folded):
        short_form = _BARE_END.match(text, m.end())
        if short_form is None or "(" in text[m.start():m.end()]:
            continue
        short = short_form.group(1)
        short = short[:-1] if short.endswith(".") and "." not in short[:-1] else short  # the sentence's full stop
        if (name := _named_before(text[after:m.start()])) is not None:
            out.append((short, name))
        after = short_form.end()
    return out


def _named_before(text: str) -> str | None:
    """The office's name a short form in brackets follows ("Giao Văn phòng HĐND và UBND phường (sau đây viết tắt
    là VP)"): from the first office word (written with a capital) of its clause to the bracket."""
    clause = re.split(r"[;:]|\.\s", text)[-1]
    start = next((m.start() for m in _office_start().finditer(clause) if clause[m.start()].isupper()), None)
    return clause[start:].strip() if start is not None else None


def legend(texts: list[str]) -> dict[str, str]:
    """The plan's own abbreviations (short form → meaning, as written): a legend's line opening with a legend's
    word (rules/conventions.yaml ``abbreviation_legends``) and its entries parted by semicolons, the entries listed
    on the lines under such an opener alone, and a short form given in brackets after a name."""
    out: dict[str, str] = {}
    for i, text in enumerate(texts):
        folded = fold(text)  # as long as the text: its offsets are the text's
        for m in _inline().finditer(folded):
            short_form = _CLOSED.match(text, m.end())
            if short_form is not None and (name := _named_before(text[: m.start()])) is not None:
                out.setdefault(short_form.group(1), name)
        for short, name in _unbracketed(text, folded):
            out.setdefault(short, name)
        opened = _openers().match(folded)
        if opened is None:
            continue
        rest = text[opened.end():].strip()
        pieces = rest.split(";") if rest else []
        if not rest:  # "Chữ viết tắt:" over its list, an entry a line
            for below in texts[i + 1:i + 1 + ENTRIES_AFTER_OPENER]:
                if _entry(below) is None:
                    break
                pieces.append(below)
        for piece in pieces:
            if (found := _entry(piece)) is not None:
                out.setdefault(*found)
    return out


def spelt_out(text: str, own: dict[str, str]) -> str:
    """``text`` with the plan's own short forms (whole, as written) replaced by their meanings: a task table's
    "VP" is the office its legend names."""
    if not own:
        return text
    keys = sorted(own, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.\-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w\-])")
    return pattern.sub(lambda m: own[m.group(0)], text)
