"""Bodies that no longer exist (district level, merged departments, renamed commune offices) named as live actors.

The list is data (``rules/bodies.yaml``; the city's former districts come from its units registry). A mention is
history, not a finding, when its sentence says so: "thay thế cho Kế hoạch ... của UBND huyện", "cấp huyện cũ",
or a date before the body ceased ("Kế hoạch ngày 28/02/2025 của UBND huyện ...").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from checker.checks.base import Context, finding, line_text, short
from checker.conventions import conventions
from checker.i18n import msg
from checker.models import UNIT_TYPE_WORDS, Finding, Fix, Plan
from checker.rules.registries import BodiesRegistry, DefunctBody, UnitsRegistry
from checker.rules.schema import OutdatedBodies
from checker.text import diacritics_share, squash

ID = "outdated-bodies"
_DATE = re.compile(r"\b(\d{1,2}) (\d{1,2}) ((?:19|20)\d{2})\b")
_ITEM = re.compile(r"^(?:[-+•*–]|\d+(?:\.\d+)*\.|[IVXLC]+\.|[a-zđ]\))\s")
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+")


@dataclass
class Text:
    """The plan's non-blank text as one folded string, with where each piece starts and which line it is on."""

    joined: str
    starts: list[int]
    lines: list[int]
    sentence: list[bool]  # the piece opens a sentence (or a list item)
    tokens: list[tuple[int, int, str]]  # words: start, end, text
    positions: dict[str, list[int]] | None = None  # word → indices into tokens, built on first use
    firsts: dict[str, list[int]] = field(default_factory=dict)  # a name's first word → where it may begin
    piece_ocr: list[bool] = field(default_factory=list)  # the piece lost its diacritics (OCR)
    ocr: bool = True  # some piece did: names there are also matched with OCR-sized damage

    @classmethod
    def of(cls, plan: Plan) -> Text:
        parts: list[str] = []
        starts: list[int] = []
        lines: list[int] = []
        sentence: list[bool] = []
        piece_ocr: list[bool] = []
        pos, ended = 0, True
        for ln in (piece for logical in plan.lines for piece in logical.pieces()):
            t = ln.text.strip()
            if not t:
                continue
            opens = ended or bool(_ITEM.match(t))
            for k, piece in enumerate(_SENTENCE_END.split(t)):
                sq = squash(piece)
                if not sq:
                    continue
                parts.append(sq)
                piece_ocr.append(diacritics_share(piece) < 0.3)
                starts.append(pos)
                lines.append(ln.loc.line)
                sentence.append(opens or k > 0)
                pos += len(sq) + 1
                opens = False
            ended = t.endswith((".", ";", "!", "?", ":"))
        joined = " ".join(parts)
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", joined)]
        return cls(joined, starts, lines, sentence, tokens, piece_ocr=piece_ocr, ocr=any(piece_ocr))

    def piece_at(self, pos: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def sentence_start(self, pos: int) -> int:
        i = self.piece_at(pos)
        while i > 0 and not self.sentence[i]:
            i -= 1
        return self.starts[i] if self.starts else 0


def _near(word: str, want: str) -> int | None:
    """Edits from ``want`` to ``word`` if OCR-sized (one letter; the first letter kept in short words)."""
    if word == want:
        return 0
    if len(want) <= 2 and word[:1] != want[:1]:
        return None
    d = Levenshtein.distance(word, want, score_cutoff=1)
    return d if d <= 1 else None


def _spans(text: Text, needle: str) -> Iterator[tuple[int, int]]:
    """Where ``needle`` (squashed) occurs as whole words: exactly, or for names of three words or more with
    OCR damage (at most one wrong letter a word, one in eight overall: "phong van hea va thong tin" is found,
    "uy ban nhan dan phuong" is not "uy ban nhan dan quan", nor "hai phong" "hai duong")."""
    if not needle:
        return
    found: list[tuple[int, int]] = []
    if needle in text.joined:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", text.joined):
            found.append((m.start(), m.end()))
    want = needle.split()
    if len(want) >= 3 and text.ocr:  # OCR damage is only looked for in text that lost its diacritics
        budget = max(1, len(needle) // 8)
        toks = text.tokens
        if text.positions is None:  # the plan's vocabulary, indexed once: word → where it stands
            text.positions = {}
            for j, tok in enumerate(toks):
                text.positions.setdefault(tok[2], []).append(j)
        starts = text.firsts.get(want[0])
        if starts is None:
            n0 = len(want[0])
            starts = text.firsts[want[0]] = sorted(
                j for word, js in text.positions.items()
                if abs(len(word) - n0) <= 1 and _near(word, want[0]) is not None for j in js)
        for j in starts:
            if j > len(toks) - len(want):
                break
            if not text.piece_ocr[text.piece_at(toks[j][0])]:
                continue  # clean text is matched exactly: OCR damage is not looked for where there is none
            total = 0
            for k, w in enumerate(want):
                d = _near(toks[j + k][2], w)
                if d is None:
                    break
                total += d
            else:
                a, b = toks[j][0], toks[j + len(want) - 1][1]
                if 0 < total <= budget and not any(x < b and a < y for x, y in found):
                    found.append((a, b))
    yield from sorted(found)


def _dates_before(text: str, since: dt.date) -> bool:
    for m in _DATE.finditer(text):
        try:
            if dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) < since:
                return True
        except ValueError:
            continue
    return False


def _historical(text: Text, a: int, b: int, body: DefunctBody, reg: BodiesRegistry) -> bool:
    """The sentence around the mention makes it history: a history phrase before it or right after it."""
    before = text.joined[text.sentence_start(a) : a]
    after = text.joined[b : b + 30]
    markers = [m for m in conventions().history_markers if len(squash(m).split()) > 1]  # "trước khi sắp xếp"
    before_words = [squash(p) for p in (*reg.history_context, *body.history_context, *markers)]
    if any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", before) for p in before_words if p):
        return True
    if any(re.match(rf"\s*{re.escape(squash(p))}(?![a-z])", after) for p in reg.history_after if squash(p)):
        return True
    return _dates_before(before, body.since)


def _plan_date(plan: Plan) -> dt.date | None:
    h = plan.header
    if h.date is not None:
        return h.date
    if h.year and h.month:
        try:
            return dt.date(h.year, h.month, 28)
        except ValueError:  # "tháng 13", a year out of range: no date to compare with
            return None
    return None


def _district_names(units: UnitsRegistry | None) -> list[tuple[str, str]]:
    """(former district, what it became) from the units registry: "Huyện Cát Hải" → "Đặc khu Cát Hải"."""
    if units is None:
        return []
    out = []
    for d in units.former_districts:
        heirs = [u.name for u in units.units if any(f.district == d for f in u.former)]
        what = heirs[0] if len(heirs) == 1 else ", ".join(heirs[:4]) + ("…" if len(heirs) > 4 else "")
        out.append((d, what))
    return out


def _applies(body: DefunctBody, plan: Plan) -> bool:
    h = plan.header
    if body.unit_types and h.unit_type not in body.unit_types:
        return False
    if h.unit_name and squash(h.unit_name) in {squash(u) for u in body.except_units}:
        return False
    when = _plan_date(plan)
    return when is None or when >= body.since


def check(plan: Plan, rule: OutdatedBodies, ctx: Context) -> Iterator[Finding]:
    """A body that no longer exists is named as a live actor (history mentions are fine).

    FAIL: "Duy trì hệ thống hội nghị trực tuyến của UBND huyện"  (district level ended 01/7/2025)
    FAIL: "1. Phòng Văn hóa và Thông tin" → Phòng Văn hóa - Xã hội;  "Sở Thông tin và Truyền thông" → Sở KH&CN
    PASS: "(Kế hoạch này thay thế cho Kế hoạch số 60/KH-UBND ngày 28/02/2025 của UBND huyện Cát Hải)"
    PASS: "75% ở cấp xã (cấp huyện cũ 80%)"
    """
    reg = ctx.loaded.bodies
    if reg is None or not plan.lines:
        return
    text = Text.of(plan)
    seen: set[tuple[str, int]] = set()
    for body in reg.bodies:
        if not _applies(body, plan):
            continue
        names = [(n, body.replacement) for n in body.names]
        if body.include_former_districts:  # first: "UBND quận X" is reported as "Quận X", with what it became
            names = ctx.cached("districts", lambda: _district_names(ctx.loaded.units)) + names
        excluded = [s for e in body.exclude for s in _spans(text, squash(e))]
        for name, replacement in names:
            for a, b in _spans(text, squash(name)):
                if any(x <= a < y or x < b <= y for x, y in excluded):
                    continue
                if _historical(text, a, b, body, reg):
                    continue
                line = text.lines[text.piece_at(a)]
                if (body.id, line) in seen:
                    continue
                seen.add((body.id, line))
                since = f"{body.since.day:02d}/{body.since.month:02d}/{body.since.year}"
                key = "bodies.unit_type" if body.unit_types else "bodies.outdated"
                utype = UNIT_TYPE_WORDS.get(plan.header.unit_type or "", "")
                yield finding(rule, ID, "outdated", plan=plan, line=line, severity=body.severity,
                              message=msg(key, ctx.lang, actual=name, since=since, expected=replacement,
                                          unit_type=utype),
                              evidence=short(line_text(plan, line)), expected=replacement, actual=name,
                              source=body.source,
                              fix=Fix(line=line, old=name, new=replacement) if body.rename else None)
