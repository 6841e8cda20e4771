"""Bodies that no longer exist (district level, merged departments, renamed commune offices) named as live actors.

The list is data (``rules/bodies.yaml``; the city's former districts come from its units registry). A mention is
history, not a finding, when its sentence says so: "thay thế cho Kế hoạch ... của UBND huyện", "cấp huyện cũ",
or a date before the body ceased ("Kế hoạch ngày 28/02/2025 của UBND huyện ...").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from rapidfuzz.distance import Levenshtein

from checker.checks.base import Context, finding, line_pieces, per_plan, short
from checker.checks.units import in_past_report, own_type
from checker.conventions import conventions, spellings
from checker.i18n import msg
from checker.models import UNIT_TYPE_WORDS, Finding, Fix, Plan
from checker.rules.registries import BodiesRegistry, DefunctBody, UnitsRegistry
from checker.rules.schema import OutdatedBodies
from checker.text import UPPER, fold, lost_diacritics, marks_agree, squash, squash_cased, trie_pattern

ID = "outdated-bodies"
# a date, squashed: "01 7 2025" ("01/7/2025"), "01 thang 7 nam 2025" ("ngày 01 tháng 7 năm 2025")
_DATE = re.compile(r"\b(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d{2})\b")
_BY = re.compile(r"\btruoc(?: ngay)? $")
_ITEM = re.compile(r"^(?:[-+•*–]|\d+(?:\.\d+)*\.|[IVXLC]+\.|(?:dd|[a-zđ])\))\s")
_PROPER_NAME = re.compile(rf"(?: [{UPPER}0-9]\w*){{1,4}}")
# each pattern opens with what its match begins with (a space, a capital), so the engine skips to those
_SENTENCE_END = re.compile(r"(?=\s)(?<=[.;!?:])\s+")
_WORD_CHAR = re.compile(r"[a-z0-9]")
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower() and len(c.upper()) == 1)
# two words OCR joined, the second a capitalised name's ("Sở Thông tin vàTruyền thông"): a Vietnamese word never
# has a capital letter after a small one, so the capital opens a word of its own
_JOINED = re.compile(rf"(?=[{UPPER}][{_LOWER}])(?<=[{_LOWER}])")


def _sentences(text: str) -> list[str]:
    """``text`` cut where a sentence ends, but not after a unit type's abbreviation ("sắp xếp X. An Thái, X. An Thọ
    và X. Chiến Thắng của huyện An Lão": one sentence; rules/conventions.yaml ``unit_type_abbreviations``)."""
    pieces = _SENTENCE_END.split(text)
    if len(pieces) < 2 or (abbreviated := _abbreviation_end()) is None:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        if abbreviated.search(fold(out[-1])):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=1)  # the conventions are loaded once
def _abbreviation_end() -> re.Pattern[str] | None:
    """A text that ends with a unit type's abbreviation ("… sắp xếp X."), on the folded text."""
    given = [re.escape(fold(a.abbreviation)) for a in conventions().unit_type_abbreviations]
    return re.compile(rf"(?<![\w.])(?:{'|'.join(given)})$") if given else None


@dataclass
class Text:
    """The plan's non-blank text as one folded string, with where each piece starts and which line it is on."""

    joined: str
    starts: list[int]
    lines: list[int]
    sentence: list[bool]  # the piece opens a sentence (or a list item)
    piece_ocr: list[bool] = field(default_factory=list)  # the piece lost its diacritics (OCR)
    ocr: bool = True  # some piece did: names there are also matched with OCR-sized damage
    recognised: bool = False  # the plan came through OCR: its marks, even where it has some, are not its words'
    ocr_words: dict[str, list[int]] | None = None  # word of an OCR piece → its offsets, built on first use
    firsts: dict[str, list[int]] = field(default_factory=dict)  # a name's first word → where it may begin
    originals: list[str] = field(default_factory=list)  # each piece as written
    holders: list[str] = field(default_factory=list)  # the text of the plan's line each piece is in: the quote
    _cased: str | None = None

    @property
    def cased(self) -> str:
        """``joined`` with the original letters (case kept), offset for offset; built on first use."""
        if self._cased is None:
            self._cased = " ".join(squash_cased(p) for p in self.originals)
        return self._cased

    @classmethod
    def of(cls, plan: Plan) -> Text:
        parts: list[str] = []
        originals: list[str] = []
        starts: list[int] = []
        lines: list[int] = []
        sentence: list[bool] = []
        piece_ocr: list[bool] = []
        holders: list[str] = []
        pos, ended, row = 0, True, None
        for loc, holder, text, line in ((logical.loc, logical.text, *piece) for logical, pieces
                                        in zip(plan.lines, line_pieces(plan), strict=True) for piece in pieces):
            t = text.strip()
            if not t:
                continue
            # a table's row opens a sentence of its own: the rows of a table of tasks run on without a full stop,
            # and a history phrase of one row ("Thay thế máy tính cũ") says nothing of a body named in a later one
            at = (loc.table, loc.row) if loc.table is not None else None
            opens = ended or bool(_ITEM.match(t)) or (at is not None and at != row)
            row = at
            for k, piece in enumerate(_sentences(_JOINED.sub(" ", t))):
                sq = squash(piece)
                if not sq:
                    continue
                parts.append(sq)
                originals.append(piece)
                holders.append(holder)
                piece_ocr.append(lost_diacritics(piece))
                starts.append(pos)
                lines.append(line)
                sentence.append(opens or k > 0)
                pos += len(sq) + 1
                opens = False
            ended = t.endswith((".", ";", "!", "?", ":"))
        return cls(" ".join(parts), starts, lines, sentence, piece_ocr=piece_ocr, ocr=any(piece_ocr),
                   recognised=plan.recognised, originals=originals, holders=holders)

    def near_starts(self, first: str) -> list[int]:
        """Where, in pieces that lost their diacritics, a word OCR-near ``first`` stands (sorted offsets)."""
        if self.ocr_words is None:  # the vocabulary of the OCR pieces, indexed once: word → offsets
            self.ocr_words = {}
            for i, lost in enumerate(self.piece_ocr):
                if not lost:
                    continue
                pos = self.starts[i]
                end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.joined)
                for word in self.joined[pos:end].split(" "):
                    self.ocr_words.setdefault(word, []).append(pos)
                    pos += len(word) + 1
        found = self.firsts.get(first)
        if found is None:
            n0 = len(first)
            found = self.firsts[first] = sorted(
                p for word, ps in self.ocr_words.items()
                if abs(len(word) - n0) <= 1 and _near(word, first) is not None for p in ps)
        return found

    def words_from(self, pos: int) -> Iterator[tuple[str, int]]:
        """The words from offset ``pos``, each with where it ends, read one by one as they are asked for."""
        end = len(self.joined)
        while pos <= end:
            stop = self.joined.find(" ", pos)
            stop = end if stop < 0 else stop
            yield self.joined[pos:stop], stop
            pos = stop + 1

    def piece_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def sentence_start(self, pos: int) -> int:
        i = self.piece_at(pos)
        while i > 0 and not self.sentence[i]:
            i -= 1
        return self.starts[i] if self.starts else 0


class Names:
    """Every name of a registry (squashed) in one compiled pattern: one pass over a plan finds where each occurs
    as whole words, instead of one search per name."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for n in sorted({n for n in names if n}, key=len, reverse=True):
            self.by_first.setdefault(n.split(" ", 1)[0], []).append(n)
        alts = [n for group in self.by_first.values() for n in group]
        self.pattern = re.compile(rf"(?<![a-z0-9])(?={trie_pattern(alts)}(?![a-z0-9]))") if alts else None

    def find(self, joined: str) -> dict[str, list[tuple[int, int]]]:
        """name → its occurrences, left to right, not overlapping one another (as ``re.finditer`` gives)."""
        out: dict[str, list[tuple[int, int]]] = {}
        if self.pattern is None:
            return out
        for m in self.pattern.finditer(joined):
            a = m.start()
            end = joined.find(" ", a)
            for name in self.by_first.get(joined[a : end if end >= 0 else len(joined)], ()):
                b = a + len(name)
                if joined.startswith(name, a) and not _WORD_CHAR.match(joined, b):
                    spans = out.setdefault(name, [])
                    if not spans or spans[-1][1] <= a:
                        spans.append((a, b))
        return out


def _near(word: str, want: str) -> int | None:
    """Edits from ``want`` to ``word`` if OCR-sized (one letter; the first letter kept in short words)."""
    if word == want:
        return 0
    if len(want) <= 2 and word[:1] != want[:1]:
        return None
    d = Levenshtein.distance(word, want, score_cutoff=1)
    return d if d <= 1 else None


def _spans(text: Text, needle: str, exact: dict[str, list[tuple[int, int]]]) -> Iterator[tuple[int, int]]:
    """Where ``needle`` (squashed) occurs as whole words: exactly, or for names of three words or more with
    OCR damage (at most one wrong letter a word, one in eight overall: "phong van hea va thong tin" is found,
    "uy ban nhan dan phuong" is not "uy ban nhan dan quan", nor "hai phong" "hai duong", nor a name written exactly
    another one near it, nor where the word taken for damaged is a word of another known name written exactly:
    "uy ban nhan dan quan le chan" is the district's name, not a damaged "uy ban nhan dan quan ly")."""
    if not needle:
        return
    found = list(exact.get(needle, ()))
    want = needle.split()
    if len(want) >= 3 and text.ocr:  # OCR damage is only looked for in text that lost its diacritics
        budget = max(1, len(needle) // 8)
        for a in text.near_starts(want[0]):  # clean text is matched exactly: no OCR damage looked for there
            # word by word, stopping at the first that is not near (most places: the second word)
            total, b, words, damaged = 0, a, text.words_from(a), []
            for w in want:
                got = next(words, None)
                if got is None or (d := _near(got[0], w)) is None:
                    break
                total += d
                b = got[1]
                if d:
                    damaged.append((b - len(got[0]), b))
            else:
                # never where the plan writes another known name exactly ("huyen Ninh Giang" is not a damaged
                # "huyện Bình Giang")
                if 0 < total <= budget and not any(x < b and a < y for x, y in found) and not any(
                        (a, b) in spans or any(x <= p and q <= y for x, y in spans for p, q in damaged)
                        for name, spans in exact.items() if name != needle):
                    found.append((a, b))
    yield from sorted(found)


def _written(text: Text, name: str, exact: dict[str, list[tuple[int, int]]]) -> Iterator[tuple[int, int]]:
    """``_spans`` of ``name`` where the plan writes its words: within one sentence unless the name has a full stop of
    its own ("P. VH-TT"; never "… Ủy ban nhân dân." and "- Quán triệt …" of the next), and in text with diacritics
    with the same marks (folded, "UBND quản lí" and "UBND quận" are alike; written, they are two words). A plan that
    came through OCR is read by its folded words alone: the marks OCR invents ("UBND huyén") are not the writer's."""
    stops = _SENTENCE_END.search(name) is not None
    cased = squash_cased(name)
    for a, b in _spans(text, squash(name), exact):
        i = text.piece_at(a)
        if not stops and any(text.sentence[j] for j in range(i + 1, text.piece_at(b - 1) + 1)):
            continue
        if text.recognised or text.piece_ocr[i] or marks_agree(text.cased[a:b], cased):
            yield a, b


def _dates_before(text: str, since: dt.date, by: bool = False) -> bool:
    """A date earlier than ``since`` in ``text``; with ``by``, only one written "trước ngày D", D up to ``since``
    (an act done before the body ceased: "bàn giao trước ngày 01/7/2025"; a date after a name may be that of a
    document the live body is asked to act on)."""
    for m in _DATE.finditer(text):
        try:
            when = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if (when <= since and _BY.search(text, 0, m.start())) if by else when < since:
            return True
    return False


@dataclass(frozen=True)
class History:
    """What makes a mention of one body history, compiled once per pack: a phrase before it in its sentence, or
    one right after it."""

    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    given: re.Pattern[str] | None = None  # after the name: one of the registry's ``given_acts``, then its year
    agent: re.Pattern[str] | None = None  # before the name in its sentence: one of the registry's ``given_by``

    @classmethod
    def of(cls, body: DefunctBody, reg: BodiesRegistry) -> History:
        markers = [m for m in conventions().history_markers if len(squash(m).split()) > 1]  # "trước khi sắp xếp"
        before = [p for p in (squash(p) for p in (*reg.history_context, *body.history_context, *markers)) if p]
        after = [p for p in map(squash, reg.history_after) if p]
        # right after the name, or after the proper name that completes it ("UBND thị xã Kinh Môn trước đây");
        # one-word markers only right after it ("cũ" and "cụ thể" fold alike)
        longer = "|".join(re.escape(p) for p in after if " " in p)
        single = "|".join(re.escape(p) for p in after if " " not in p)
        alts = ([rf"(?:[a-z0-9]+\s+){{0,3}}?(?:{longer})"] if longer else []) + ([rf"(?:{single})"] if single else [])
        # as written, and folded for a text that lost its diacritics (read there in the folded text)
        acts = "|".join(re.escape(a) for a in sorted({x for a in reg.given_acts for x in (a.lower(), squash(a))},
                                                     key=len, reverse=True))
        # "do" and up to eight words before the name ("do Phòng …"), as written and folded
        agents = "|".join(re.escape(w) for w in sorted({x for w in reg.given_by for x in (w.lower(), squash(w))},
                                                       key=len, reverse=True))
        return cls(re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, before))})(?![a-z])") if before else None,
                   re.compile(rf"\s*(?:{'|'.join(alts)})(?![a-z])") if alts else None,
                   re.compile(rf"(?:\s+\S+){{0,5}}?\s+(?:{acts})\s+(?:\S+\s+){{0,2}}?n[ăa]m\s+((?:19|20)\d\d)(?!\d)")
                   if acts else None,
                   re.compile(rf"(?<!\w)(?:{agents})(?:\s+\S+){{0,8}}?\s*$") if agents else None)


def _historical(text: Text, a: int, b: int, body: DefunctBody, history: History) -> bool:
    """The sentence around the mention makes it history: a history phrase before it or right after it."""
    before = text.joined[text.sentence_start(a) : a]
    if history.before is not None and history.before.search(before):
        return True
    if history.after is not None and history.after.match(text.joined[b : b + 30]):
        return True
    named = _PROPER_NAME.match(text.cased, b)  # "UBND huyện Hoành Bồ cũ": the body's proper name, then "cũ"
    if named and history.after is not None and history.after.match(text.joined[named.end() : named.end() + 30]):
        return True
    # the clause after it dates the act before the body ceased ("do Trung tâm ... huyện Kim Thành bàn giao trước
    # ngày 01/7/2025"): the rest of its sentence (pieces wrapped from it included), never the next one
    i = text.piece_at(b)
    j = next((k for k in range(i + 1, len(text.starts)) if text.sentence[k]), len(text.starts))
    end = text.starts[j] - 1 if j < len(text.starts) else len(text.joined)
    return (_dates_before(before, body.since) or _dates_before(text.joined[b:end], body.since, by=True)
            or _given_then(text, a, b, end, body, history))


def _given_then(text: Text, a: int, b: int, end: int, body: DefunctBody, history: History) -> bool:
    """The body is the agent of a one-off act dated by a year it still existed in: "do" before it in its sentence,
    the act and "năm YYYY" after it (rules/bodies.yaml ``given_by``, ``given_acts``): "máy tính do Phòng Văn hóa và
    Thông tin huyện Gia Lộc cấp năm 2025" was given before it ceased. Read with the letters as written ("do", not
    "đó"), folded where the text lost them (OCR)."""
    if history.given is None or history.agent is None:
        return False
    piece = text.piece_at(a)
    hay = text.joined if text.recognised or text.piece_ocr[piece] else text.cased.lower()
    if not history.agent.search(hay, text.sentence_start(a), a):
        return False
    m = history.given.match(hay, b, end)
    return m is not None and int(m.group(1)) <= body.since.year


TORN_WITHIN = 3  # lines: how far below a cut name the rest of its long form may go on in a torn table


def _torn(text: Text, b: int, name: str, body: DefunctBody) -> bool:
    """The name ends its line at a comma ("Kinh tế,") and the rest of a longer, current form of it ("Hạ tầng và
    Đô thị" of "Phòng Kinh tế, Hạ tầng và Đô thị": the body's ``exclude``) opens one of the next lines: a table's
    column torn by pdftotext without -layout, the cells of its neighbours read between the lines of one cell
    ("Phòng" / "phòng" / "Kinh tế," / "HĐND và" / "Hạ tầng và"). The long form cut, not the old name."""
    piece = text.piece_at(b)
    end = text.starts[piece + 1] - 1 if piece + 1 < len(text.starts) else len(text.joined)
    if b != end or not text.originals[piece].rstrip().endswith(","):
        return False
    short = squash(name)
    rests = [rest.split()[:2] for e in body.exclude if (full := squash(e)).startswith(short + " ")
             and (rest := full[len(short):].strip())]
    following = [text.joined[text.starts[k]:].split(" ", 2)[:2]
                 for k in range(piece + 1, min(piece + 1 + TORN_WITHIN, len(text.starts)))]
    return any(words == rest for rest in rests for words in following)


def _holding(text: Text, piece: int, end: int) -> str:
    """The text of the plan's line that holds a name, with the next lines' while the name runs on into them (a
    line break inside it: "... Ủy ban nhân dân thành phố / Thủy Nguyên theo quy định.")."""
    quote, k = text.holders[piece], piece + 1
    while k < len(text.starts) and text.starts[k] < end:
        if text.holders[k] != text.holders[k - 1]:
            quote = f"{quote} {text.holders[k]}"
        k += 1
    return quote


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
    """(former district, what it became) from the units registry: "Huyện Cát Hải" → "Đặc khu Cát Hải"; and a
    province merged into the city, whose bodies ("Công an tỉnh Hải Dương", "Sở Tư pháp tỉnh Hải Dương") went with it
    on the same day: "Tỉnh Hải Dương" → "Thành phố Hải Phòng"."""
    if units is None:
        return []
    out = []
    for d in units.former_districts:
        heirs = [u.name for u in units.units if any(d in (f.district, f.name) for f in u.former)]
        what = heirs[0] if len(heirs) == 1 else ", ".join(heirs[:4]) + ("…" if len(heirs) > 4 else "")
        out.append((d, what))
    return out + [(p, f"Thành phố {units.meta.city}") for p in units.former_provinces]


def applies(body: DefunctBody, plan: Plan, utype: str | None) -> bool:
    """The body's list holds for this plan: its unit's type (``utype``, the registry's: ``units.own_type``), not one
    of the units excepted, dated after the body ceased (an undated plan: yes)."""
    h = plan.header
    if body.unit_types and utype not in body.unit_types:
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
    text = per_plan(plan, "bodies-text", lambda: Text.of(plan))
    districts = ctx.cached("districts", lambda: _district_names(ctx.loaded.units))
    exact = ctx.cached("bodies-names", lambda: Names(
        squash(n) for n in (*(d for d, _ in districts),
                            *(x for b in reg.bodies for n in (*b.names, *b.exclude) for x in spellings(n))))
    ).find(text.joined)
    reform = ctx.loaded.units.meta.effective if ctx.loaded.units is not None else None
    seen: set[tuple[str, int]] = set()
    # one mention, one finding however it is wrapped: a name that shares words with one reported ("Trung tâm Văn hóa,
    # Thông tin và Thể thao huyện" of "... huyện Vĩnh Bảo", its district reported first) is that mention, whichever
    # body's list names it ("Công an huyện Bình Giang": the district's and the district police's)
    reported: list[tuple[int, int]] = []
    utype = own_type(plan, ctx)
    for body in reg.bodies:
        if not applies(body, plan, utype):
            continue
        names = [(x, body.replacement) for n in body.names for x in spellings(n)]
        if body.include_former_districts:  # first: "UBND quận X" is reported as "Quận X", with what it became
            names = districts + names
        excluded = [s for e in body.exclude for x in spellings(e) for s in _written(text, x, exact)]
        history = ctx.cached(f"bodies-history:{body.id}", partial(History.of, body, reg))
        for name, replacement in names:
            for a, b in _written(text, name, exact):
                if any(x <= a < y or x < b <= y for x, y in excluded):
                    continue
                if _historical(text, a, b, body, history) or _torn(text, b, name, body):
                    continue
                piece = text.piece_at(a)
                line = text.lines[piece]
                if in_past_report(plan, line, reform):
                    continue  # a report of the first half of 2025: the district and its offices as they were then
                if (body.id, line) in seen or any(x < b and a < y for x, y in reported):
                    continue
                seen.add((body.id, line))
                reported.append((a, b))
                since = f"{body.since.day:02d}/{body.since.month:02d}/{body.since.year}"
                key = "bodies.unit_type" if body.unit_types else "bodies.outdated"
                yield finding(rule, ID, "outdated", plan=plan, line=line, severity=body.severity,
                              message=msg(key, ctx.lang, actual=name, since=since, expected=replacement,
                                          unit_type=UNIT_TYPE_WORDS.get(utype or "", "")),
                              evidence=short(_holding(text, piece, b), around=name), expected=replacement,
                              actual=name,
                              source=body.source,
                              fix=Fix(line=line, old=name, new=replacement) if body.rename else None)
