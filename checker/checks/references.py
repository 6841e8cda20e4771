"""Cited legal documents compared with the reference registry (rules/references.yaml): date, issuer, status.

Registry numbers are written as officially ("85/2016/NĐ-CP"); they are keyed with the parser's own regex and
``make_key``, so OCR forms the parser already normalised ("NB-CP", "QDP-TTg") and short forms ("NĐ 85/2016")
find their entry. Every finding names the registry entry and its source, for a reviewer to verify.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz

from checker.checks.base import Context, finding, redate, short, source_text
from checker.checks.citation import directive_key, miscited
from checker.conventions import conventions, issuer_words
from checker.i18n import msg
from checker.models import DocRef, Finding, Fix, Plan, Severity
from checker.parse.citations import FULL, LAW, LETTER_SYMBOL, make_key
from checker.rules.loader import LoadedPack, Registries
from checker.rules.national import (
    OCR_ISSUER,
    RANK,
    Entry,
    NationalIndex,
    build_index,
    data_key,
    family_key,
    province_code,
    split_key,
)
from checker.rules.registries import LegalDoc, ReferencesRegistry
from checker.rules.schema import LegalReferences
from checker.text import fold, squash

ID = "legal-references"


def registry_key(number: str) -> str | None:
    """The parser's canonical key for a number as officially written: "85/2016/NĐ-CP" → "85/2016/ND-CP"."""
    f = fold(number)
    m = FULL.search(f)
    if m:
        return make_key(m.group(1), m.group(2), m.group(3), m.group(4))
    # fold() reads "qh15" as OCR damage ("qhl5"): a law's number is matched on plain lowercase text
    m = LAW.search(number.lower())
    if m:
        return f"{m.group(1).lstrip('0')}/{m.group(2)}/{m.group(3).upper()}"
    plain = "".join(c for c in unicodedata.normalize("NFD", number.replace("Đ", "D").replace("đ", "d"))
                    if not unicodedata.combining(c)).lower().strip()  # no OCR repair: "QLDN1" stays
    m = re.fullmatch(LETTER_SYMBOL, plain)  # a letter's number: "10988/BNV-CQĐP"
    if m:
        return make_key(m.group(1), None, m.group(2), m.group(3))
    return None


def _short_key(key: str) -> str | None:
    """"85/2016/ND-CP" → "85/2016/ND": what "NĐ 85/2016" is keyed as (number, year, kind; no issuer)."""
    m = re.fullmatch(r"(\d+/\d{4}/[A-Za-z]+)-[A-Z0-9&]+", key)
    return m.group(1) if m else None


class RefIndex:
    """Registry entries by canonical key, by short key, and by key with OCR-damaged issuer letters."""

    def __init__(self, reg: ReferencesRegistry) -> None:
        self.exact: dict[str, list[LegalDoc]] = {}
        self.short: dict[str, list[LegalDoc]] = {}
        self.ocr: dict[str, list[LegalDoc]] = {}
        for doc in reg.docs:
            key = registry_key(doc.number)
            if key is None:
                continue
            self.exact.setdefault(key, []).append(doc)
            self.ocr.setdefault(key.translate(OCR_ISSUER), []).append(doc)
            sk = _short_key(key)
            if sk:
                self.short.setdefault(sk, []).append(doc)

    def lookup(self, key: str) -> list[LegalDoc]:
        return self.exact.get(key) or self.short.get(key) or self.ocr.get(key.translate(OCR_ISSUER)) or []


def index_of(loaded: Registries) -> RefIndex | None:
    reg = loaded.references
    return None if reg is None else loaded.cached("references", lambda: RefIndex(reg))


def official_date(d: dt.date) -> str:
    """As NĐ 30/2020 writes dates: a leading zero for days under 10 and months 1 and 2 ("01/7/2016")."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _issuer_words(text: str) -> str:
    """The issuer's words with its initials written out (rules/conventions.yaml ``issuer_abbreviations``)."""
    return issuer_words(squash(text))


def issuer_differs(cited: str, official: str) -> bool:
    """Clearly another body: not a truncation, an abbreviation or OCR damage of the official issuer."""
    a, b = _issuer_words(cited), _issuer_words(official)
    if not a or not b:
        return False
    return fuzz.partial_ratio(a, b) < 60 and fuzz.token_set_ratio(a, b) < 50


def _name(ref: DocRef, doc: LegalDoc | Entry | None = None) -> str:
    if doc is None:
        return f"{ref.kind or 'Văn bản'} {ref.raw_number}"
    return f"{doc.type or ref.kind or 'Văn bản'} {doc.number}"


def _source(doc: LegalDoc) -> str:
    return f"{doc.number}: {doc.source}"


@lru_cache(maxsize=1)
def _history_words() -> tuple[str, ...]:
    """The words telling a citation as history (rules/conventions.yaml citation_history), folded."""
    return tuple(squash(w) for w in conventions().citation_history)


def _historical(plan: Plan, ref: DocRef) -> bool:
    line = ref.line or 0
    # the lines as the plan wraps them (each source line's own words, where a paragraph runs over several), the one
    # before being the nearest with words (a double-spaced text leaves a blank line between)
    before = next((t for k in range(line - 1, max(0, line - 4), -1) if (t := source_text(plan, k))), "")
    # and the notes in brackets closing its clause, on whatever line the wrap puts them: "Nghị định số 61/2018/NĐ-CP
    # … về thực hiện cơ chế một cửa, một / cửa liên thông … (đã được thay thế bởi Nghị định số 118/2025/NĐ-CP …)"
    notes = " ".join(re.findall(r"\(([^()]*)\)", _words_after(plan, ref))) if ref.line else ""
    around = squash(before + " " + source_text(plan, line) + " " + ref.text + " " + notes)
    for until in conventions().until_replaced:  # "… đến khi có quy định thay thế": in force until then
        around = around.replace(squash(until), " ")
    return any(h in around for h in _history_words())


def national_index(loaded: Registries) -> NationalIndex:
    """The verified registry and the imported ones, keyed as the data keys them; built once per pack."""

    def build() -> NationalIndex:
        docs = loaded.references.docs if loaded.references is not None else []
        verified = [(d, k) for d in docs if (k := registry_key(d.number)) is not None]
        cities = (loaded.pack.applies_to.city,) if isinstance(loaded, LoadedPack) else ()
        return build_index(verified, loaded.national, cities)

    return loaded.cached("national", build)


MOTTO = "cong hoa xa hoi chu nghia viet nam"


def home_province(plan: Plan, ctx: Context, nidx: NationalIndex) -> str | None:
    """The province a citation without an issuer is taken to belong to: the pack's city, else the province the
    document's header names ("ỦY BAN NHÂN DÂN / TỈNH BẮC NINH", "UBND TỈNH X / SỞ Y"); none for a commune's or a
    district's own document."""
    if isinstance(ctx.loaded, LoadedPack):
        return province_code(ctx.loaded.pack.applies_to.city)
    h = plan.header
    end = min((n for n in (h.number_line, h.date_line) if n is not None), default=6)
    text = " ".join(squash(ln.text) for ln in plan.lines if ln.loc.line <= end).replace(MOTTO, " ")
    if nidx.names_lower_body(text):  # a commune's (or a district's) own document: its numbers are its own
        return None
    return nidx.province_of(text)


def _province(ref: DocRef, home: str | None, nidx: NationalIndex) -> str | None:
    """The province named in the citation's issuer; none for a body below it ("UBND huyện X"); else ``home``."""
    if not ref.issuer:
        return home
    return nidx.province_of(ref.issuer) or (None if nidx.names_lower_body(ref.issuer) else home)


def _keys(ref: DocRef, province: str | None) -> list[str]:
    """Exact keys to try, most specific first: with the province the citation belongs to, then national."""
    year = ref.date.year if ref.date else None
    keys = [data_key(ref.number, year, province) if province else None, data_key(ref.number, year, None)]
    return [k for k in keys if k is not None]


def _lookup(keys: list[str], nidx: NationalIndex) -> list[Entry]:
    for key in keys:
        found = nidx.lookup(key)
        if found:
            return found
    return []


def _other_years(keys: list[str], ref: DocRef, nidx: NationalIndex) -> list[Entry]:
    """The same number known in another year with the same day and month: the year was likely mistyped."""
    if ref.date is None:
        return []
    for key in keys:
        same_day = [e for e in nidx.family.get(family_key(key), []) if (e.date.day, e.date.month)
                    == (ref.date.day, ref.date.month) and e.date.year != ref.date.year]
        if same_day:
            return same_day
    return []


TITLE_LIKENESS = 90  # rapidfuzz partial_ratio of the registry's title within the words after the number


def _titled(plan: Plan, keys: list[str], ref: DocRef, nidx: NationalIndex) -> list[Entry]:
    """A number without a year, cited with a date of a year the registry does not know it in, but with the title
    the registry gives it written after it ("Nghị quyết số 71/NQ-CP ngày 22/12/2024 của Chính phủ sửa đổi, bổ
    sung, cập nhật Chương trình hành động …"): that document, with a wrong date. Yearless numbers recur every
    year, so the number alone never says which one is meant; its title does."""
    if ref.date is None or ref.line is None or split_key(ref.number)[1]:
        return []
    after = _words_after(plan, ref)
    if not after:
        return []
    for key in keys:
        titled = [e for e in nidx.family.get(family_key(key), []) if e.doc is not None and len(e.doc.title) >= 30
                  and fuzz.partial_ratio(fold(e.doc.title), after) >= TITLE_LIKENESS]
        if titled:
            return titled
    return []


def _words_after(plan: Plan, ref: DocRef) -> str:
    """The words after a citation's number, its date and issuer, up to the end of its clause (";"), over the
    lines it wraps on; folded."""
    assert ref.line is not None
    # four lines with words: a double-spaced text leaves a blank line between each
    text = fold(" ".join([t for n in range(ref.line, ref.line + 8) if (t := source_text(plan, n))][:4]))
    if not ref.text:
        return ""
    # the citation as written where the line holds it whole, else its last words (wrapped over two lines): never
    # another citation's that ends alike ("… 73/2019/NĐ-CP ngày 05/9/2019 … (… bởi Nghị định số 82/2024/NĐ-CP ngày
    # 05/9/2019)": the words after the first are 73/2019's title, not 82/2024's)
    whole = fold(ref.text)
    at = text.find(whole)
    if at >= 0:
        return text[at + len(whole):].split(";")[0].strip()
    tail = whole[-20:]
    at = text.find(tail)
    return text[at + len(tail):].split(";")[0].strip() if at >= 0 else ""


def _misnumbered(keys: list[str], ref: DocRef, nidx: NationalIndex) -> list[Entry]:
    """A number the registry does not know, cited with the very date of one it knows of the same kind and issuer
    whose number is this one miswritten: the year in the number not the date's ("47/2022/NĐ-CP ngày 09/4/2020"
    for 47/2020/NĐ-CP), or two digits swapped ("24/2022/NĐ-CP ngày 24/6/2022" for 42/2022/NĐ-CP). A number one
    digit off is not enough: documents of one day often have consecutive numbers."""
    if ref.date is None:
        return []
    for key in keys:
        head, _, rest = key.partition("@")
        parts = head.split("/")
        if len(parts) < 3 or not parts[0].isdigit() or not re.fullmatch(r"\d{4}", parts[1]):
            continue
        tail = "/".join(parts[2:]) + (f"@{rest}" if rest else "")
        numbers = set(_orders(parts[0])) - {parts[0]}
        tries = [f"{parts[0]}/{ref.date.year}/{tail}"] if parts[1] != str(ref.date.year) else []
        tries += [f"{n.lstrip('0') or '0'}/{parts[1]}/{tail}" for n in sorted(numbers)]
        found = [e for k in tries if k != key for e in nidx.exact.get(k, []) if e.date == ref.date]
        if found:
            return found
    return []


def _renumbered(plan: Plan, ref: DocRef, entries: list[Entry], nidx: NationalIndex) -> list[Entry]:
    """A registered number cited with another registered document's date and title, of its kind and issuer ("NĐ
    45/2020/NĐ-CP (24/6/2022) quy định về việc cung cấp thông tin và dịch vụ công trực tuyến …": 42/2022/NĐ-CP's
    date and title): the number miswritten, not the date. Decided by the facts the citation writes: the other
    document agrees with its date and its title, the number's own documents with neither (a wrong date alone, with
    the number's own title or none, is the date's slip)."""
    if ref.date is None or ref.line is None or not (after := _words_after(plan, ref)):
        return []

    def titled(e: Entry) -> bool:
        return e.doc is not None and len(e.doc.title) >= 30 and fuzz.partial_ratio(fold(e.doc.title), after) >= \
            TITLE_LIKENESS

    if any(e.date == ref.date or titled(e) for e in entries):
        return []
    kinds = {(e.type, "/".join(e.key.split("@")[0].split("/")[2:])) for e in entries}
    issuers = {e.doc.issuer for e in entries if e.doc is not None}
    return [e for found in nidx.exact.values() for e in found
            if e.date == ref.date and (e.type, "/".join(e.key.split("@")[0].split("/")[2:])) in kinds
            and titled(e) and (not issuers or e.doc is None or e.doc.issuer in issuers)]


def _orders(digits: str) -> list[str]:
    """The number with two of its digits swapped (a typing slip), each order once."""
    out = []
    for i in range(len(digits)):
        for j in range(i + 1, len(digits)):
            d = list(digits)
            d[i], d[j] = d[j], d[i]
            out.append("".join(d))
    return out


def _known_number(ref: DocRef, province: str | None, nidx: NationalIndex) -> bool:
    """A number without a year cited without a date ("Nghị quyết 57-NQ/TW"): known when the registry has it in
    some year; with no date there is nothing to compare."""
    base, _ = split_key(ref.number)
    return base in nidx.family or (province is not None and f"{base}@{province}" in nidx.family)


def _date_finding(plan: Plan, rule: LegalReferences, ctx: Context, ref: DocRef, entries: list[Entry]) -> Finding:
    """Graded by the strongest entries: verified → error; unverified, consensus, header → warning."""
    top = entries[0]
    best = [e for e in entries if RANK[e.strength] == RANK[top.strength]]
    right = " / ".join(dict.fromkeys(official_date(e.date) for e in best))
    sev: Severity = "error" if top.strength == "verified" and len({e.date for e in best}) == 1 else "warning"
    key = {"consensus": "refs.date_consensus", "header": "refs.date_header"}.get(top.strength, "refs.date")
    return finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=sev,
                   message=msg(key, ctx.lang, doc=_name(ref, top), actual=ref.raw_date, expected=right,
                               n=top.documents or 0),
                   evidence=short(ref.text), expected=right, actual=ref.raw_date or "", source=top.source,
                   fix=_date_fix(ref, best))


def _wrong_number(plan: Plan, rule: LegalReferences, ctx: Context, ref: DocRef, same: list[Entry],
                  key: str = "refs.wrong_number") -> Finding:
    """The citation's number miswritten for the registered ``same``'s (``_misnumbered``; ``_renumbered``, its
    message ``key`` "refs.renumbered")."""
    known = ", ".join(dict.fromkeys(e.number for e in same))
    return finding(rule, ID, "inconsistent", plan=plan, line=ref.line, severity="warning",
                   message=msg(key, ctx.lang, doc=_name(ref), actual=ref.raw_date, expected=known),
                   evidence=short(ref.text), expected=known, actual=ref.raw_number, source=same[0].source)


def check(plan: Plan, rule: LegalReferences, ctx: Context) -> Iterator[Finding]:
    """Each citation agrees with the registries: date (graded by the entry's strength), issuer, status; one
    document is cited with one date.

    FAIL: "Nghị định 85/2016/NĐ-CP ngày 01/7/2025 của Chính phủ"   (verified 01/7/2016 → error)
    FAIL: a date other than the one many documents agree on (consensus → warning, with how many)
    FAIL: "Quyết định 749/QĐ-TTg ngày 03/6/2021" (749/QĐ-TTg known only of 03/6/2020 → info: check the year)
    FAIL: "Nghị định 85/2016/NĐ-CP ngày 01/7/2016 của Bộ Công an"  (issuer)
    PASS: "Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ";  "NĐ 85/2016"
    PASS: "Quyết định 471/QĐ-UBND ngày 01/12/2025 của UBND tỉnh Hà Tĩnh" (the registry knows 471 of Bắc Ninh only)
    PASS: "(Kế hoạch này thay thế cho Kế hoạch số 60/KH-UBND ngày 28/02/2025 ...)"  (history)
    """
    nidx = national_index(ctx.loaded)
    own_number = ctx.directive_number
    own = directive_key(own_number) if own_number else None
    home = home_province(plan, ctx, nidx)
    unknown_severity = rule.unknown_severity or ("info" if ctx.strict else None)
    cited_keys = {r.number for r in plan.references}
    plan_date = plan.header.date
    reported: set[tuple[str, str]] = set()
    first_date: dict[str, DocRef] = {}
    # the directive cited with its number miswritten is HP215-CITE's finding, not an unknown document
    miswritten = {r.number for r in miscited(plan, ctx.pack.directive, ctx.pack.applies_to.subject)} if own else set()
    for ref in plan.references:
        if ref.number == own or ref.number in miswritten:
            continue
        province = _province(ref, home, nidx)
        keys = _keys(ref, province)
        entries = _lookup(keys, nidx)
        dated = ref.date is not None
        wrong_date = False
        if entries:
            if dated and ref.date not in {e.date for e in entries if RANK[e.strength] == RANK[entries[0].strength]}:
                wrong_date = True
                if renumbered := _renumbered(plan, ref, entries, nidx):
                    yield _wrong_number(plan, rule, ctx, ref, renumbered, "refs.renumbered")
                    continue  # the date and title are the other document's: its own status and issuer not ours
                yield _date_finding(plan, rule, ctx, ref, entries)
            doc = next((e.doc for e in entries if e.doc is not None and e.date == ref.date), entries[0].doc)
            if doc is not None:
                yield from _issuer(plan, rule, ctx, ref, doc, reported)
                yield from _status(plan, rule, ctx, ref, doc, cited_keys, plan_date, reported)
        elif (other := _other_years(keys, ref, nidx)) and ("year", ref.number) not in reported:
            reported.add(("year", ref.number))
            known = ", ".join(list(dict.fromkeys(f"{e.number} ngày {official_date(e.date)}" for e in other))[:3])
            yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=rule.other_year_severity,
                          message=msg("refs.other_year", ctx.lang, doc=_name(ref), actual=ref.raw_date,
                                      expected=known),
                          evidence=short(ref.text), expected=known, actual=ref.raw_date or "",
                          source=other[0].source)
        elif titled := _titled(plan, keys, ref, nidx):
            wrong_date = True
            yield _date_finding(plan, rule, ctx, ref, titled)
        elif (same := _misnumbered(keys, ref, nidx)) and ("number", ref.number) not in reported:
            reported.add(("number", ref.number))
            yield _wrong_number(plan, rule, ctx, ref, same)
        elif (unknown_severity and ("unknown", ref.number) not in reported and not _historical(plan, ref)
              and not (ref.date is None and _known_number(ref, province, nidx))):
            reported.add(("unknown", ref.number))
            yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=unknown_severity,
                          message=msg("refs.unknown", ctx.lang, doc=_name(ref)), evidence=short(ref.text),
                          actual=ref.raw_number)
        if dated:
            first = first_date.setdefault(ref.number, ref)
            if first.date != ref.date and not wrong_date and ("twice", ref.number) not in reported:
                reported.add(("twice", ref.number))
                yield finding(rule, ID, "inconsistent", plan=plan, line=ref.line, severity="warning",
                              message=msg("refs.twice", ctx.lang, doc=_name(ref), actual=ref.raw_date,
                                          expected=first.raw_date, other_line=first.line),
                              evidence=short(ref.text), expected=first.raw_date or "", actual=ref.raw_date or "",
                              source=entries[0].source if entries else None)


def _issuer(plan: Plan, rule: LegalReferences, ctx: Context, ref: DocRef, doc: LegalDoc,
            reported: set[tuple[str, str]]) -> Iterator[Finding]:
    if ref.issuer and issuer_differs(ref.issuer, doc.issuer) and ("issuer", ref.number) not in reported:
        reported.add(("issuer", ref.number))
        yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity="warning",
                      message=msg("refs.issuer", ctx.lang, doc=_name(ref, doc), actual=ref.issuer,
                                  expected=doc.issuer),
                      evidence=short(ref.text), expected=doc.issuer, actual=ref.issuer, source=_source(doc))


def _date_fix(ref: DocRef, best: list[Entry]) -> Fix | None:
    """The registry's date for the cited date: only when its strongest entries agree on one date and were checked
    against the official text (verified, or in part); a consensus or a header's date is not one right answer."""
    if len({e.date for e in best}) != 1 or not ref.raw_date or ref.line is None:
        return None
    top = best[0]
    if top.strength != "verified" and not (top.doc is not None and top.doc.verified == "partial"):
        return None
    return Fix(line=ref.line, old=ref.raw_date, new=redate(ref.raw_date, top.date), after=ref.raw_number)


def _status(plan: Plan, rule: LegalReferences, ctx: Context, ref: DocRef, doc: LegalDoc, cited: set[str],
            plan_date: dt.date | None, reported: set[tuple[str, str]]) -> Iterator[Finding]:
    """Superseded (warning), past its period (info), amended without the amendment cited (info): once per doc."""
    if ("status", ref.number) in reported or _historical(plan, ref):
        return
    key, severity, expected, actual = None, "warning", "", ""
    if doc.status == "superseded" and doc.superseded_by:
        key, expected = "refs.superseded", doc.superseded_by
    elif doc.status == "expired_period" and doc.valid_until and plan_date and plan_date > doc.valid_until:
        key, severity = "refs.expired", "info"
        expected, actual = official_date(doc.valid_until), official_date(plan_date)
    elif doc.status == "amended" and doc.amended_by:
        amending = {registry_key(a) for a in doc.amended_by}
        if not amending & cited:
            key, severity, expected = "refs.amended", "info", ", ".join(doc.amended_by)
    if key is None:
        return
    reported.add(("status", ref.number))
    yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=severity,  # type: ignore[arg-type]
                  message=msg(key, ctx.lang, doc=_name(ref, doc), expected=expected, actual=actual),
                  evidence=short(ref.text), expected=expected, actual=actual or ref.raw_number, source=_source(doc))
