"""Text made safe at the door, and kept safe on the way out.

Every reader passes what it read through ``safe_text``: the text that reaches the parser, the checks and the
reports is valid Unicode (no lone surrogates), has no control characters other than tab and newline, and no line
breaks other than ``\\n`` (CR, CR LF, NEL ``\\x85``, VT, FF, the file/group/record separators, U+2028 and U+2029
all become ``\\n``, as ``str.splitlines`` reads them), and no invisible format characters: a word processor's or a
web page's zero-width space, joiners, word joiner, soft hyphen, byte order mark in the text, direction marks, which
show nothing where they stand (a zero-width space between "80" and "%" shows "80%") and are dropped; and no spaces
other than the space: a no-break space (Word's Ctrl+Shift+Space, a web page's ``&nbsp;``, "Số:\u00a0215"), a narrow
or figure space, the other widths of space, read as the space a reader sees (one for one, so columns stay). Every string
that is safe in this sense is also in the XML 1.0 character range, so JUnit and SARIF stay well formed.

``one_line`` is for values a report prints on one line (a path, a reason, a quote): a plan's text or a file's
name can never add a line of its own. ``xml_safe`` is the last guard of the XML writers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.models import Finding, PlanResult

# line breaks other than \n (what str.splitlines treats as one), read as \n
_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# control characters (C0 except tab and newline, DEL, C1) become a space
_CONTROLS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f"
# not characters: lone surrogates and the non-characters XML refuses (U+FFFE, U+FFFF) become U+FFFD
_NONCHARS = "\ud800-\udfff\ufffe\uffff"
# invisible format characters (Unicode category Cf that a text shows nothing for): dropped, as a reader sees them
_INVISIBLE = ((0xAD, 0xAD), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
              (0xFEFF, 0xFEFF))
# spaces other than U+0020 (Unicode category Zs): each read as one space
_SPACES = ((0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))
_UNSAFE = re.compile(f"[{_BREAKS}{_CONTROLS}{_NONCHARS}"
                     + "".join(f"{chr(a)}-{chr(b)}" for a, b in _INVISIBLE + _SPACES) + "]")
_CRLF = re.compile("\r\n")
_TO = {**{ord(c): "\n" for c in _BREAKS}, **{c: " " for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F,
                                                              *range(0x7F, 0x85), *range(0x86, 0xA0))},
       **{c: "\ufffd" for c in (*range(0xD800, 0xE000), 0xFFFE, 0xFFFF)},
       **{c: None for a, b in _INVISIBLE for c in range(a, b + 1)},
       **{c: " " for a, b in _SPACES for c in range(a, b + 1)}}
# what XML 1.0 refuses (its Char: \t \n \r, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF): the same set as the
# complement of those ranges, written as itself (the complement cost 4 ms to compile at every start)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\n\t]+")


def safe_text(text: str) -> str:
    """``text`` with every line break as ``\\n``, control characters and other spaces as spaces, non-characters as
    U+FFFD, invisible format characters dropped."""
    if _UNSAFE.search(text) is None:
        return text
    return _CRLF.sub("\n", text).translate(_TO)


def is_safe(text: str) -> bool:
    return _UNSAFE.search(text) is None


def one_line(text: str) -> str:
    """Safe text on a single line: every line break (and tab) becomes one space."""
    return flat(text).strip()


def flat(text: str) -> str:
    """Safe text on a single line, its indentation kept."""
    return _LINE_BREAKS.sub(" ", safe_text(text))


def xml_safe(text: str) -> str:
    """Characters outside the XML 1.0 range replaced (U+FFFD): what an XML writer must never emit."""
    return _NOT_XML.sub("\ufffd", text)


def safe_result(result: PlanResult) -> PlanResult:
    """A plan's result with every text a report prints on one line and safe: nothing it quotes (a file name,
    the plan's words, a reason) can add a line, an annotation or an element to any output."""
    def safe(findings: list[Finding]) -> list[Finding]:
        return [f.model_copy(update={k: one_line(getattr(f, k)) for k in ("message", "evidence", "expected", "actual")})
                for f in findings]

    fields = {k: one_line(v) for k in ("path", "reason", "directive", "unit", "format")
              if isinstance(v := getattr(result, k), str)}
    facts = result.facts
    if facts is not None:  # the reviewer's desk quotes the plan's title, number and figures too
        facts = facts.model_copy(update={
            **{k: one_line(v) for k in ("title", "number", "directive") if isinstance(v := getattr(facts, k), str)},
            "figures": {k: one_line(v) for k, v in facts.figures.items()}})
    return result.model_copy(update={**fields, "notes": [one_line(n) for n in result.notes],
                                     "findings": safe(result.findings), "general": safe(result.general),
                                     "facts": facts})
