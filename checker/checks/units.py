"""Administrative unit names: the issuer is a current unit of the city, and no other unit is named as its own.

Names are compared folded (no case, no diacritics: OCR "Phu Lien" is Phù Liễn) and, where the plan has
diacritics, also syllable by syllable with the tone mark's placement ignored (Thuỷ = Thủy, Hoà = Hòa).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz, process

from checker.checks.base import Context, finding, line_whole, per_plan, short
from checker.conventions import conventions
from checker.i18n import msg
from checker.ingest.layout import marker_pattern
from checker.models import UNIT_TYPE_WORDS, Finding, Plan
from checker.parse.header import UNIT_WORD, find_unit_mentions, unit_type
from checker.parse.sections import own_title, section_ends
from checker.parse.targets import wrapped_from
from checker.parse.view import View
from checker.rules.registries import AdminUnit, UnitsRegistry
from checker.rules.schema import UnitNames
from checker.text import diacritics_share, fold, opening, squash

ID = "unit-names"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=4096)  # the plan's own name, met at each mention of it
def syllables(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each syllable as (letters with their non-tone marks, tone marks): tone placement no longer matters."""
    out = []
    for syl in name.lower().split():
        decomposed = unicodedata.normalize("NFD", syl)
        tones = frozenset(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append((base, tones))
    return tuple(out)


def has_diacritics(text: str) -> bool:
    return not text.isascii() and any(ord(c) > 127 and c.isalpha() for c in text)


class UnitIndex:
    """Lookups into a units registry by folded name."""

    def __init__(self, reg: UnitsRegistry) -> None:
        self.reg = reg
        self.current: dict[str, list[AdminUnit]] = {}
        for u in reg.units:
            self.current.setdefault(squash(u.short_name), []).append(u)
        self.former: dict[str, list[tuple[str, AdminUnit]]] = {}
        for u in reg.units:
            for f in u.former:
                short_name = f.name.split(" ", 1)[1] if " " in f.name else f.name
                for prefix in ("Phường ", "Xã ", "Thị Trấn ", "Thị trấn "):
                    if f.name.startswith(prefix):
                        short_name = f.name[len(prefix):]
                self.former.setdefault(squash(short_name), []).append((f.name, u))
        self.names = list(self.current)

    def lookup(self, name: str, utype: str | None = None) -> AdminUnit | None:
        units = self.current.get(squash(name), [])
        # Xã Cẩm Giang and Xã Cẩm Giàng fold alike: the exact spelling decides between them
        units = [u for u in units if u.short_name.casefold() == name.casefold()] or units
        if utype:
            typed = [u for u in units if u.type == utype]
            units = typed or units
        if len(units) > 1 and has_diacritics(name):  # same letters, other tones: xã Cẩm Giang, xã Cẩm Giàng
            written = syllables(name)
            units = [u for u in units if syllables(u.short_name) == written[: len(u.short_name.split())]] or units
        return units[0] if units else None

    def twin(self, name: str, own: AdminUnit) -> AdminUnit | None:
        """Another current unit spelled exactly as ``name``, whose name folds like the plan's own."""
        if not has_diacritics(name):
            return None
        words = name.split()[: len(own.short_name.split())]
        written = syllables(" ".join(words))
        return next((u for u in self.current.get(squash(own.short_name), [])
                     if u.name != own.name and syllables(u.short_name) == written), None)

    def suggest(self, name: str) -> AdminUnit | None:
        best = process.extractOne(squash(name), self.names, scorer=fuzz.ratio, score_cutoff=80)
        return self.current[best[0]][0] if best else None


def index(ctx: Context) -> UnitIndex | None:
    reg = ctx.loaded.units
    return None if reg is None else ctx.cached("units", lambda: UnitIndex(reg))


def own_type(plan: Plan, ctx: Context) -> str | None:
    """The type of the plan's unit as the registry holds it: a header that writes another type's word before a
    registered name ("PHƯỜNG VĨNH BẢO" of Xã Vĩnh Bảo, no ward of that name) is the registry's unit, misnamed; the
    header's own type where the registry has no unit of that name."""
    h = plan.header
    idx = index(ctx)
    own = idx.lookup(h.unit_name, h.unit_type) if idx is not None and h.unit_name else None
    return own.type if own is not None else h.unit_type


def check(plan: Plan, rule: UnitNames, ctx: Context) -> Iterator[Finding]:
    """The issuing unit is a current unit of the city; the body names no other unit as the plan's own.

    FAIL (issuer phường An Hải): "Chỉ đạo thực hiện Kế hoạch Chuyển đổi số phường An Dương"
    PASS: "phối hợp với phường An Dương trong ..." (a neighbour in a coordination task)
    """
    idx = index(ctx)
    h = plan.header
    if idx is None or not h.unit_name:
        return
    city = idx.reg.meta.city
    own = idx.lookup(h.unit_name, h.unit_type)
    line = h.unit_line or h.issuer_line or h.title_line
    if own is None:
        former = idx.former.get(squash(h.unit_name))
        if former:
            name, into = former[0]
            yield finding(rule, ID, "outdated", plan=plan, line=line,
                          message=msg("unit.former", ctx.lang, actual=name, expected=into.name,
                                      since=idx.reg.meta.effective or ""),
                          evidence=h.issuer or h.unit_name, expected=into.name, actual=h.unit_name,
                          source=_source(idx))
            return
        hint_unit = idx.suggest(h.unit_name)
        hint = msg("unit.hint", ctx.lang, name=hint_unit.name) if hint_unit else ""
        yield finding(rule, ID, "inconsistent", plan=plan, line=line,
                      message=msg("unit.unknown", ctx.lang, actual=h.unit_name, city=city, hint=hint),
                      evidence=h.issuer or h.unit_name, expected=hint_unit.name if hint_unit else city,
                      actual=h.unit_name, source=_source(idx))
        return
    if h.unit_type and own.type != h.unit_type:
        # the registry holds the name only under another type ("PHƯỜNG VĨNH BẢO": Xã Vĩnh Bảo): the unit misnamed
        written = f"{UNIT_TYPE_WORDS.get(h.unit_type, h.unit_type)} {h.unit_name}"
        yield finding(rule, ID, "inconsistent", plan=plan, line=line,
                      message=msg("unit.type", ctx.lang, actual=written, expected=own.name),
                      evidence=h.issuer or written, expected=own.name, actual=written, source=_source(idx))
    clean = not plan.lost_diacritics or not plan.lines
    own_key = squash(own.short_name)
    reported: set[tuple[int, str]] = set()
    if clean:
        for f in _spelling(plan, rule, ctx, own, h.unit_name, line, h.issuer or ""):
            reported.add((line or 0, own_key))
            yield f
    for f in _place(plan, rule, ctx, idx, own):
        reported.add((h.date_line or 0, squash(f.actual)))
        yield f
    view = View.of_lines(plan)
    former_words = _former_words()
    if former_words is not None:
        for i, utype, name in find_unit_mentions(view, words=former_words):
            # "UBND thị trấn Phú Thái": a type of unit that no longer exists, whatever its name became
            at = _written_at(view.folded[i], name, former_words)
            yield from _former_mention(plan, rule, ctx, idx, view, i, utype, name, reported, view.line_at(i, at), at)
    neighbour = [squash(p) for p in rule.neighbour_context]
    not_neighbour = [re.compile(rf"(?<![a-z0-9]){re.escape(squash(p))}(?![a-z0-9])") for p in rule.neighbour_not]
    compared = [squash(p) for p in rule.compared_context]
    addressee = [squash(p) for p in rule.addressee_context]
    mentions = [(i, utype, name, UNIT_WORD) for i, utype, name in find_unit_mentions(view)]
    times: dict[tuple[int, str, str], int] = {}  # how often the line named it before
    for i, utype, name, words in mentions + _abbreviated_mentions(view, idx):
        nth = times[i, name, words.pattern] = times.get((i, name, words.pattern), -1) + 1
        at = _written_at(view.folded[i], name, words, nth)  # where the name is written in the logical line
        at_line = view.line_at(i, at)
        numbered = _numbered_former(idx, view.folded[i], at, name)
        if numbered is not None:  # "phường Đông Hải 2": a former ward whose name is the current one's and a number
            yield from _former_mention(plan, rule, ctx, idx, view, i, utype, numbered, reported, at_line, at or None)
            continue
        key = squash(name)
        if (key == own_key or key.startswith(own_key + " ")) and idx.twin(name, own) is None:
            if key == own_key and _other_type(idx, view, i, at, utype, own) and (
                    at_line, own_key) not in reported:
                reported.add((at_line, own_key))
                written = f"{UNIT_TYPE_WORDS.get(utype, utype)} {name}"
                yield finding(rule, ID, "inconsistent", plan=plan, line=at_line,
                              message=msg("unit.type", ctx.lang, actual=written, expected=own.name),
                              evidence=short(view.texts[i]), expected=own.name, actual=written,
                              source=_source(idx))
                continue
            if clean and has_diacritics(name) and (at_line, own_key) not in reported:
                reported.add((at_line, own_key))
                yield from _spelling(plan, rule, ctx, own, name, at_line, view.texts[i])
            continue
        prefix = _best_prefix(idx, name, utype)
        if prefix is None:
            yield from _former_mention(plan, rule, ctx, idx, view, i, utype, name, reported, at_line, at or None)
            continue
        other, named = prefix
        if other.name == own.name:
            continue
        # the former unit is the current one's namesake as far as the name matched it ("An Hai" of "phuong An Hai,
        # Le Loi, Nam Son ... (cu)", the names of a list without diacritics read on as one)
        if any(into.name == own.name for _, into in idx.former.get(squash(other.short_name), [])) and historical(
                sentence_around(view, i, at)):
            continue  # the plan's own former unit told as history ("xã Hùng Thắng ... (cũ)"), a current one's namesake
        # the words just before the mention (a logical line is a whole paragraph; its start says nothing here)
        context = squash(view.texts[i][max(0, at - 60) : at + len(name) + 8])
        for phrase in not_neighbour:  # "phù hợp với điều kiện của xã X": no partner named
            context = phrase.sub(" ", context)
        if any(re.search(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])", context) for n in neighbour):
            continue  # short function words ("với", "các phường"): whole words, exactly, never fuzzily
        if _compared(view, i, at, compared):
            continue  # a unit the plan measures itself against, not its own
        if _addressed(view.texts[i], view.folded[i], at, name, addressee):
            continue  # a recipient told why it is sent the plan ("- UBND xã An Lão (để phối hợp);"), not the issuer
        if (at_line, squash(other.short_name)) in reported:
            continue
        reported.add((at_line, squash(other.short_name)))
        written = f"{UNIT_TYPE_WORDS.get(utype, utype)} {named}"
        yield finding(rule, ID, "inconsistent", plan=plan, line=at_line,
                      message=msg("unit.other", ctx.lang, actual=written, expected=own.name),
                      evidence=short(view.texts[i]), expected=own.name, actual=written, source=_source(idx))
    yield from _city_addressees(plan, rule, ctx, own)


def _other_type(idx: UnitIndex, view: View, i: int, at: int, utype: str, own: AdminUnit) -> bool:
    """The plan's own unit named with another type's word ("báo cáo Ủy ban nhân dân xã Nam Đồng" in a plan of
    Phường Nam Đồng), as the header's type is checked (``own_type``): no current unit of that name has that type,
    no former unit of that name and type is the plan's own (a ward formed from the commune of its name, "xã X (cũ)"),
    the word is not the end of another level's ("UBND thị xã Kinh Môn", the former town, in a plan of Phường Kinh
    Môn: rules/conventions.yaml ``issuer_levels``), and the sentence does not tell history."""
    if utype == own.type or utype not in UNIT_TYPE_WORDS:
        return False
    kind, before = fold(UNIT_TYPE_WORDS[utype]).split(), fold(view.folded[i][:at]).split()
    for level in conventions().issuer_levels:  # "thị xã Kinh Môn": the word of another level that ends in "xã"
        for longer in (fold(w).split() for w in level.words):
            if len(longer) > len(kind) and longer[-len(kind):] == kind and before[-(len(longer) - len(kind)):] == (
                    longer[: len(longer) - len(kind)]):
                return False
    key = squash(own.short_name)
    if any(u.type == utype for u in idx.current.get(key, [])):
        return False
    word = fold(UNIT_TYPE_WORDS[utype])
    if any(fold(name).startswith(word + " ") for name, _ in idx.former.get(key, [])):
        return False
    return not historical(sentence_around(view, i, at))


def _city_addressees(plan: Plan, rule: UnitNames, ctx: Context, own: AdminUnit) -> Iterator[Finding]:
    """An item of Tổ chức thực hiện that opens with the bodies the city's own plan gives work to ("Các sở, ban,
    ngành, Ủy ban nhân dân các xã, phường, đặc khu căn cứ Kế hoạch này …", rules/conventions.yaml
    ``city_addressees``): the city's sentence copied into a commune's plan, work given to bodies it does not direct."""
    phrases = _city_phrases()
    for a in plan.assignments if phrases else ():
        head = squash(a.unit).removeprefix("cac ")
        hit = next((p for p in phrases if head == p or head.startswith(p + " ")), None)
        if hit is None:
            continue
        written = a.unit.strip()
        yield finding(rule, ID, "inconsistent", plan=plan, line=a.line,
                      message=msg("unit.city_addressee", ctx.lang, actual=short(written, 70), expected=own.name),
                      evidence=short(written), expected=own.name, actual=short(written, 70))


@lru_cache(maxsize=1)  # the conventions are loaded once
def _city_phrases() -> tuple[str, ...]:
    """rules/conventions.yaml ``city_addressees``, squashed, without a leading "các"."""
    return tuple(squash(p).removeprefix("cac ") for p in conventions().city_addressees)


@lru_cache(maxsize=1)  # the conventions are loaded once
def _share() -> re.Pattern[str]:
    """A share in folded text, its sign in any form of conventions ``percent_forms`` ("91%", "91 phần trăm",
    OCR's "91°/o"); not a date's "0/0" ("30/09")."""
    forms = "|".join(re.escape(fold(f)) for f in sorted({"%", *conventions().percent_forms}, key=len, reverse=True))
    return re.compile(rf"\d\s?(?:{forms})(?!\d)")


def _compared(view: View, i: int, at: int, phrases: list[str]) -> bool:
    """The mention is of a unit the plan compares itself with: a phrase of ``phrases`` ("so với") earlier in its
    sentence, or the mention inside a parenthesis that gives figures ("86% (xã Thanh Hà đạt 91%, …)", the sign in
    any of its forms: "91 phần trăm"): a result set beside the plan's own, not the plan's unit."""
    start, _ = sentence_bounds(view, i, at)
    text = view.texts[i]
    head = text[start - view.starts[i] : at]
    if phrases and any(re.search(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])", squash(head)) for p in phrases):
        return True
    opened = head.rfind("(")
    if opened < 0 or ")" in head[opened:]:
        return False
    close = text.find(")", at)
    return bool(_share().search(fold(text[start - view.starts[i] + opened : close if close >= 0 else len(text)])))


def _addressed(text: str, folded: str, at: int, name: str, purposes: list[str]) -> bool:
    """The mention of ``name`` written from ``at`` is followed by a parenthesis opening with a purpose of
    ``purposes`` ("(để phối hợp)", "(p/h)"): Nơi nhận's way of saying why a unit is sent the plan, a neighbour
    asked to work with it."""
    end = folded.find(fold(name), at)
    m = re.match(r"\s*\(([^()]*)\)", text[end + len(name):]) if end >= 0 else None
    return m is not None and any(re.match(rf"{re.escape(p)}(?![a-z0-9])", squash(m.group(1))) for p in purposes)


_NUMBER_AFTER = re.compile(r"\s+(\d{1,2})\b(?![/.,]\d)")


def _numbered_former(idx: UnitIndex, folded: str, at: int, name: str) -> str | None:
    """The name with the number written after it ("Đông Hải" of "phường Đông Hải 2 rà soát …", the mention at
    ``at`` of the folded line) where the registry knows a former unit by that name and number and no current one;
    None otherwise (a name's capitalised words stop at a figure: "phường An Hải 6 tháng" is An Hải)."""
    written = fold(name)
    start = folded.find(written, at)
    m = _NUMBER_AFTER.match(folded, start + len(written)) if start >= 0 else None
    if m is None:
        return None
    numbered = f"{name} {m.group(1)}"
    return numbered if squash(numbered) in idx.former and idx.lookup(numbered) is None else None


_TYPE_ABBREVIATION = re.compile(r"^[a-z]{1,2}\.\s*")  # "P. Lê Thanh Nghị", "X. Tân Minh": the type abbreviated


def _place(plan: Plan, rule: UnitNames, ctx: Context, idx: UnitIndex, own: AdminUnit) -> Iterator[Finding]:
    """The place of the place-and-date line is the issuing unit's name (NĐ 30/2020/NĐ-CP, Phụ lục I: the name of
    the commune-level unit where the body sits): a former unit's (a template kept from before the merger) is
    outdated, another current unit's (a copied plan) inconsistent; any other place (the city, a village) is not
    judged here."""
    h = plan.header
    if not h.place or h.date_line is None:
        return
    folded = fold(h.place)
    typed = UNIT_WORD.match(folded) or _TYPE_ABBREVIATION.match(folded)
    name = h.place[typed.end() :].strip() if typed else h.place.strip()
    key = squash(name)
    if not key or key == squash(own.short_name) or any(u.name == own.name for u in idx.current.get(key, [])):
        return
    other = idx.lookup(name)
    if other is not None:
        yield finding(rule, ID, "inconsistent", plan=plan, line=h.date_line,
                      message=msg("unit.place", ctx.lang, actual=name, expected=own.name),
                      evidence=short(line_whole(plan, h.date_line) or h.place), expected=own.name, actual=name,
                      source=_source(idx))
        return
    former = idx.former.get(key)
    if former:
        into = ", ".join(sorted({u.name for _, u in former}))
        yield finding(rule, ID, "outdated", plan=plan, line=h.date_line, severity="warning",
                      message=msg("unit.place_former", ctx.lang, actual=name, expected=into,
                                  since=idx.reg.meta.effective or ""),
                      evidence=short(line_whole(plan, h.date_line) or h.place), expected=into, actual=name,
                      source=_source(idx))


def sentence_around(view: View, i: int, at: int) -> str:
    """The sentence of logical line ``i`` (a paragraph as the reader joined it) that holds its offset ``at``."""
    start, end = sentence_bounds(view, i, at)
    return view.joined[start:end]


def sentence_bounds(view: View, i: int, at: int) -> tuple[int, int]:
    """Where that sentence begins and ends in the joined text: within its logical line, whose wrapped lines the
    reader joined (checker/ingest/layout.py), between the full stops or semicolons around ``at``, and within its
    cell in a table's row: a task cell's "… của các xã trước sắp xếp" tells no history of the body its Phối hợp
    cell names ("UBND xã Nam Tân")."""
    text = view.texts[i]
    pos = min(len(text), max(0, at))
    cell = text.rfind(_CELLS, 0, pos)
    stops = _stops(text)  # (the full stop of "P. Lê Chân" ends no sentence)
    start = max([k for k in stops if k < pos] + [cell + len(_CELLS) - 1 if cell >= 0 else -1]) + 1
    ends = [e for e in (next((k for k in stops if k >= pos), -1), text.find(_CELLS, pos)) if e >= 0]
    end = min(ends) if ends else len(text)
    return view.starts[i] + start, view.starts[i] + end


_CELLS = " | "  # the cells of a table's row as one logical line


def _stops(text: str) -> list[int]:
    """Where ``text``'s full stops and semicolons are, but the full stop of a unit type's abbreviation ("P.")."""
    found = _abbreviations()
    abbreviated = {m.end(1) - 1 for m in found[0].finditer(fold(text))} if found else set()
    return [k for k, ch in enumerate(text) if ch in ".;" and k not in abbreviated]


def table_lead(view: View, i: int) -> str:
    """For a row of a table, the sentence that introduces the table ("Kết quả ... của các xã trước sắp xếp như
    sau:", the line before its first row, ending with a colon): what it says of the table, history or not, it says
    of every row (a header "TT | Nội dung | Xã Ngô Quyền | Xã Tân Trào" names the former communes it reports on).
    The same of a list's item and the sentence that introduces the list ("Năm 2024, tại ba xã trước sắp xếp:" over
    "- tỷ lệ … đạt 66%, trong đó xã Đại Đồng đạt 71%;"), its items marked alike (dashes, bullets, or "a)" as a
    layout letters them: ingest/layout ``marker_pattern``'s kind). "" for a line outside a table or a list, or one
    no such sentence introduces. A view over a plan's lines knows no block kinds: a row is a line whose cells the
    reader joined with " | " (checker/ingest/layout.py)."""

    def row(j: int) -> bool:
        return view.kinds[j] == "table" if view.kinds else _CELLS in view.texts[j]

    def marked(j: int) -> str | None:
        m = marker_pattern().match(view.texts[j])
        return m.lastgroup if m and m.lastgroup in ("bullet", "letter") else None

    kind = marked(i)
    within = row if row(i) else (lambda j: marked(j) == kind) if kind else None
    if within is None:
        return ""
    j = i
    while j >= 0 and (view.is_blank(j) or within(j)):
        j -= 1
    if j < 0 or not view.texts[j].rstrip().endswith(":"):
        return ""
    text = view.texts[j].rstrip()
    start = max(text.rfind(".", 0, len(text) - 1), text.rfind(";", 0, len(text) - 1)) + 1
    return text[start:]


def historical(sentence: str) -> bool:
    """The sentence tells history ("trước khi sắp xếp", "(cũ)", "trước ngày 01/7/2025"): words compared with
    their diacritics where the text has them ("cũ" is not "cụ"), folded where OCR lost them."""
    low = " ".join(sentence.lower().split())
    plain = diacritics_share(sentence) < 0.2
    for marker in conventions().history_markers:
        m = marker.lower()
        hay, needle = (fold(low), fold(m)) if plain else (low, m)
        if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", hay):
            return True
    return False


def past_report(plan: Plan, since: dt.date | None) -> list[tuple[int, float]]:
    """The lines (first, last) of the parts that report a period ended before the reform (``since``): a part named as
    a report of results (rules/conventions.yaml ``parts: ket-qua``) whose title tells history or dates it before the
    reform ("I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025", "Phần I" / "KẾT QUẢ … NĂM 2024", "… ĐẾN 30/6/2025"), its
    title read whole where a PDF's narrow column wrapped it over two lines. What it names it names as it was then:
    the former units the figures are theirs, the district they reported to, the province that set their targets."""
    names = conventions().part("ket-qua")
    sections = plan.sections
    ends = section_ends(sections)
    spans: list[tuple[int, float]] = []
    for k, s in enumerate(sections):
        if s.line is None or not any(own_title(s.title).startswith(n) for n in names):  # an appendix's too
            continue
        title, j = s.title, k
        while j + 1 < len(sections) and wrapped_from(sections, j + 1) == j:
            j += 1
            title += " " + sections[j].title
        end = ends[j]
        last = float("inf") if end is None else (sections[end].line or s.line) - 1
        if historical(title) or _dated_before(title, since) or (
                not _names_start(title) and _reports_before(plan, s.line, last, since)):
            spans.append((s.line, last))
    return spans


def _names_start(title: str) -> bool:
    """The title says when its period begins (rules/conventions.yaml ``period_starts``: "… TỪ KHI VẬN HÀNH CHÍNH
    QUYỀN HAI CẤP"): it names its period, and is not titled only as an assessment."""
    folded = f" {squash(title)} "
    return any(f" {squash(w)} " in folded for w in conventions().period_starts)


def _reports_before(plan: Plan, first: int, last: float, since: dt.date | None) -> bool:
    """A part titled only as an assessment ("I. ĐÁNH GIÁ TÌNH HÌNH") dates what it reports in its text: every date
    written in it falls on or before the reform ("Kết quả đến ngày 30/6/2025", plans "ngày 18/02/2025" of the former
    district, "hoạt động từ ngày 01/7/2025"), one before it, and no later year is named. A part reporting the months
    since the reform ("từ ngày 01/7/2025 đến ngày 31/8/2025") or looking ahead ("năm 2026") is not history."""
    if since is None:
        return False
    text = fold(" ".join(x.text for x in plan.lines if first <= x.loc.line <= last))
    dates = list(_dates_in(text))
    later = any(int(y) > since.year for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))
    return bool(dates) and min(dates) < since and max(dates) <= since and not later


def in_past_report(plan: Plan, line: int | None, since: dt.date | None) -> bool:
    """The line stands in a part that reports a period ended before the reform (``past_report``)."""
    return line is not None and any(a <= line <= b for a, b in per_plan(
        plan, f"past-report:{since}", lambda: past_report(plan, since)))


@lru_cache(maxsize=1)  # the conventions are loaded once
def _abbreviations() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None:
    """The abbreviations of unit types written before a unit's name ("P. Lê Chân"; rules/conventions.yaml,
    ``unit_type_abbreviations``): a pattern of the folded text, and for each (as ``find_unit_mentions`` types it) the
    type it stands for and the office word it also abbreviates (squashed)."""
    given = conventions().unit_type_abbreviations
    if not given:
        return None
    alternatives = "|".join(re.escape(fold(a.abbreviation)) for a in sorted(given, key=lambda a: -len(a.abbreviation)))
    types = {unit_type(fold(a.abbreviation)): (unit_type(a.type), squash(a.also)) for a in given}
    return re.compile(rf"(?<![\w.])({alternatives})\s*"), types


def _abbreviated_mentions(view: View, idx: UnitIndex) -> list[tuple[int, str, str, re.Pattern[str]]]:
    """The units named by their type's abbreviation ("P. Lê Chân" for phường Lê Chân), as ``find_unit_mentions``
    gives them. "P." is also Phòng ("P. Kinh tế", "P. VH-XH"): a name after it is a unit's only where the units
    registry knows a unit of that type, current or former, by the name's first words, and the plan never writes
    those words after the office word ("Phòng …")."""
    found = _abbreviations()
    if found is None:
        return []
    words, types = found
    out = []
    text = ""
    for i, abbreviated, name in find_unit_mentions(view, words=words):
        utype, office = types[abbreviated]
        known = next((p for p in (" ".join(name.split()[:n]) for n in range(len(name.split()), 0, -1))
                      if _known_as(idx, p, utype)), None)
        if known is None:
            continue
        text = text or squash(view.joined)
        if not office or not re.search(rf"(?<![a-z0-9]){re.escape(f'{office} {squash(known)}')}(?![a-z0-9])", text):
            out.append((i, utype, name, words))
    return out


def _known_as(idx: UnitIndex, name: str, utype: str) -> bool:
    """The registry knows a unit of type ``utype`` by ``name``, now or before the merger."""
    current = idx.lookup(name, utype)
    kinds = _TYPE_FOLD.get(utype, {utype})
    return (current is not None and current.type == utype) or any(
        squash(f.split(" ", 1)[0]) in kinds for f, _ in idx.former.get(squash(name), []))


@lru_cache(maxsize=1)
def _former_words() -> re.Pattern[str] | None:
    """The words of the unit types the reform abolished (rules/conventions.yaml, ``former_unit_words``)."""
    squashed = [squash(w) for w in conventions().former_unit_words]
    words = [r"\s+".join(map(re.escape, w.split())) for w in squashed]
    return re.compile(rf"{opening(squashed)}\b({'|'.join(words)})\s+", re.IGNORECASE) if words else None


def _written_at(folded_line: str, name: str, words: re.Pattern[str] = UNIT_WORD, nth: int = 0) -> int:
    """Offset of the ``nth`` "<unit word> <name>" (from 0) in a folded logical line (0 when not found): a unit
    named twice in one paragraph is judged where each mention is written ("(gồm phường A, …); UBND phường A …")."""
    first = fold(name.split()[0]) if name.split() else ""
    found = [m.start() for m in words.finditer(folded_line) if folded_line.startswith(first, m.end())]
    return found[min(nth, len(found) - 1)] if found else 0


def _former_mention(plan: Plan, rule: UnitNames, ctx: Context, idx: UnitIndex, view: View, i: int, utype: str,
                    name: str, reported: set[tuple[int, str]], line: int | None = None,
                    at: int | None = None) -> Iterator[Finding]:
    """A former unit (merged on 1/7/2025) named as if it still existed; "phường X cũ" is history, not a finding."""
    words = name.split()
    kinds = _TYPE_FOLD.get(utype, {squash(utype).split(" ", 1)[0]})  # "thi tran": "Thị Trấn X" in the registry
    for n in range(len(words), 0, -1):
        key = squash(" ".join(words[:n]))
        former = [(f, u) for f, u in idx.former.get(key, []) if squash(f.split(" ", 1)[0]) in kinds]
        if not former:
            continue
        line = view.line_no(i) if line is None else line
        # where the mention is written ("Kế hoạch ... của thị trấn Kẻ Sặt": not the first "ke" of the line)
        at = view.folded[i].find(fold(words[0])) if at is None else at
        sentence = sentence_around(view, i, at)
        start, _ = sentence_bounds(view, i, at)
        before = view.joined[start : view.starts[i] + max(0, at)]  # its words before the mention
        if (line, key) in reported or historical(sentence) or historical(table_lead(view, i)) or _dated_before(
                before, idx.reg.meta.effective) or in_past_report(plan, line, idx.reg.meta.effective):
            return
        if _formation(idx, view.texts[i], at, {u.name for _, u in former}):
            return
        reported.add((line, key))
        into = ", ".join(sorted({u.name for _, u in former}))
        written = f"{UNIT_TYPE_WORDS.get(utype, _word_as_written(view.texts[i], utype))} {' '.join(words[:n])}"
        yield finding(rule, ID, "outdated", plan=plan, line=line, severity="warning",
                      message=msg("unit.former", ctx.lang, actual=written, expected=into,
                                  since=idx.reg.meta.effective or ""),
                      evidence=short(view.texts[i]), expected=into, actual=written, source=_source(idx))
        return


_TYPE_FOLD = {"phuong": {"phuong"}, "xa": {"xa"}, "dac_khu": {"dac", "huyen"}}
# a current unit's type and name closing the words before a bracket ("Phường Lê Thanh Nghị (gồm …"), folded
_NAMED_LAST = re.compile(r"(?<!\w)(xa|phuong|dac khu)\s+([^\W\d][\w]*(?:\s+[^\W\d][\w]*){0,4})\s*$",
                         re.IGNORECASE)


def _formation(idx: UnitIndex, text: str, at: int, into: set[str]) -> bool:
    """The mention is inside a bracket that tells the formation of the unit named right before it, one the
    registry says the former unit was merged into ("Phường Lê Thanh Nghị (gồm phường Thanh Bình, …)", "(trên cơ sở
    …)": rules/conventions.yaml ``formation_brackets``): its history, as "(cũ)" would say. The same former unit
    listed after another unit's name, or named elsewhere as a live body, is still reported."""
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return False
    inside = squash(text[opened + 1 : at])
    if not any(inside == m or inside.startswith(m + " ") for m in map(squash, conventions().formation_brackets)):
        return False
    named = _NAMED_LAST.search(fold(text[:opened]))
    if named is None:
        return False
    utype = "dac_khu" if named.group(1).lower() == "dac khu" else named.group(1).lower()
    unit = idx.lookup(text[named.start(2) : named.end(2)], utype)
    return unit is not None and unit.name in into
_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)"
                   r"|ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)")


def _dated_before(text: str, since: dt.date | None) -> bool:
    """A date before ``since`` in ``text``: the words before a former unit's name in its sentence date what it did
    or issued before the merger ("Kế hoạch số 05/KH-UBND ngày 20/01/2025 của UBND thị trấn ...": its own name)."""
    return since is not None and any(d < since for d in _dates_in(fold(text)))


def _dates_in(folded: str) -> Iterator[dt.date]:
    """The dates written in ``folded`` ("20/01/2025", "ngày 20 tháng 01 năm 2025"), left to right; none that is no
    day of the calendar."""
    for m in _DATE.finditer(folded):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        try:
            yield dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue


def _word_as_written(text: str, folded_word: str) -> str:
    """A unit type word as the line writes it ("thị trấn" for "thi tran")."""
    at = fold(text).find(folded_word)
    return text[at : at + len(folded_word)] if at >= 0 else folded_word


def _best_prefix(idx: UnitIndex, name: str, utype: str) -> tuple[AdminUnit, str] | None:
    """The current unit whose name the mention starts with, and those words as written ("An Dương 6 tháng" → An
    Dương; "HỒNG CHÂU CHỦ TỊCH", a signature's lines read on as one, → Hồng Châu, "HỒNG CHÂU")."""
    words = name.split()
    for n in range(len(words), 0, -1):
        u = idx.lookup(" ".join(words[:n]), utype)
        if u is not None and u.type == utype:
            return u, " ".join(words[:n])
    return None


def _spelling(plan: Plan, rule: UnitNames, ctx: Context, own: AdminUnit, written: str, line: int | None,
              evidence: str) -> Iterator[Finding]:
    """With diacritics written, they must be the official ones (tone placement aside): Phù Liên ≠ Phù Liễn (info
    on a scan read by OCR)."""
    words = written.split()[: len(own.short_name.split())]
    candidate = " ".join(words)
    if not has_diacritics(candidate) or fold(candidate) != fold(own.short_name):
        return
    if syllables(candidate) != syllables(own.short_name):
        # a scan read by OCR: a mark misread ("NGUYÊN" for "NGUYỄN") is the recognition's as likely as the plan's
        yield finding(rule, ID, "inconsistent", plan=plan, line=line, severity="info" if plan.ocr else "warning",
                      message=msg("unit.spelling", ctx.lang, actual=candidate, expected=own.short_name),
                      evidence=short(evidence), expected=own.short_name, actual=candidate, source=rule.source)


def _source(idx: UnitIndex) -> str:
    return f"rules/units: {idx.reg.meta.legal_basis or idx.reg.meta.city}"[:200]
