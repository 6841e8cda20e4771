"""Cited legal documents compared with the reference registry (rules/references.yaml): date, issuer, status.

Registry numbers are written as officially ("85/2016/NĐ-CP"); they are keyed with the parser's own regex and
``make_key``, so OCR forms the parser already normalised ("NB-CP", "QDP-TTg") and short forms ("NĐ 85/2016")
find their entry. Every finding names the registry entry and its source, for a reviewer to verify.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.checks.base import Context, finding, line_text, short
from checker.checks.citation import directive_key
from checker.i18n import msg
from checker.models import DocRef, Finding, Plan, Severity
from checker.parse.citations import FULL, LAW, make_key
from checker.rules.loader import LoadedPack
from checker.rules.registries import LegalDoc, ReferencesRegistry
from checker.rules.schema import LegalReferences
from checker.text import fold, squash

ID = "legal-references"
HISTORY = ("thay the", "truoc day", "het hieu luc", "bai bo", "da duoc thay")  # a citation told as history
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "cp": "chinh phu", "ttg": "thu tuong chinh phu",
    "tp": "thanh pho", "tw": "trung uong", "bct": "bo chinh tri", "bchtw": "ban chap hanh trung uong",
    "btv": "ban thuong vu", "kh": "khoa hoc", "cn": "cong nghe", "bkhcn": "bo khoa hoc va cong nghe",
    "ubtvqh": "uy ban thuong vu quoc hoi", "qh": "quoc hoi",
}
_OCR_ISSUER = str.maketrans({"P": "D", "B": "D"})  # Đ read as P or B in an issuer code ("01-KH/BCP")


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
            self.ocr.setdefault(key.translate(_OCR_ISSUER), []).append(doc)
            sk = _short_key(key)
            if sk:
                self.short.setdefault(sk, []).append(doc)

    def lookup(self, key: str) -> list[LegalDoc]:
        return self.exact.get(key) or self.short.get(key) or self.ocr.get(key.translate(_OCR_ISSUER)) or []


def index_of(loaded: LoadedPack) -> RefIndex | None:
    reg = loaded.references
    return None if reg is None else loaded.cached("references", lambda: RefIndex(reg))


def index(ctx: Context) -> RefIndex | None:
    return index_of(ctx.loaded)


def official_date(d: dt.date) -> str:
    """As NĐ 30/2020 writes dates: a leading zero for days under 10 and months 1 and 2 ("01/7/2016")."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _issuer_words(text: str) -> str:
    return " ".join(_ABBREVIATIONS.get(w, w) for w in squash(text).split())


def issuer_differs(cited: str, official: str) -> bool:
    """Clearly another body: not a truncation, an abbreviation or OCR damage of the official issuer."""
    a, b = _issuer_words(cited), _issuer_words(official)
    if not a or not b:
        return False
    return fuzz.partial_ratio(a, b) < 60 and fuzz.token_set_ratio(a, b) < 50


def _name(ref: DocRef, doc: LegalDoc | None = None) -> str:
    kind = doc.type if doc is not None else (ref.kind or "Văn bản")
    return f"{kind} {doc.number if doc is not None else ref.raw_number}"


def _source(doc: LegalDoc) -> str:
    return f"{doc.number}: {doc.source}"


def _historical(plan: Plan, ref: DocRef) -> bool:
    line = ref.line or 0
    around = squash(line_text(plan, line - 1) + " " + line_text(plan, line) + " " + ref.text)
    return any(h in around for h in HISTORY)


def check(plan: Plan, rule: LegalReferences, ctx: Context) -> Iterator[Finding]:
    """Each citation agrees with the registry: date, issuer, status; one document is cited with one date.

    FAIL: "Nghị định 85/2016/NĐ-CP ngày 01/7/2025 của Chính phủ"   (registry: 01/7/2016, verified → error)
    FAIL: "Nghị định 85/2016/NĐ-CP ngày 01/7/2016 của Bộ Công an"  (issuer)
    FAIL: "Quyết định 123/QĐ-XYZ ngày 1/1/2025"                     (unknown: info, add it to the registry)
    PASS: "Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ";  "NĐ 85/2016"
    PASS: "(Kế hoạch này thay thế cho Kế hoạch số 60/KH-UBND ngày 28/02/2025 ...)"  (history)
    """
    idx = index(ctx)
    if idx is None:
        return
    own = directive_key(ctx.pack.directive.number)
    cited_keys = {r.number for r in plan.references}
    plan_date = plan.header.date
    reported: set[tuple[str, str]] = set()
    first_date: dict[str, DocRef] = {}
    for ref in plan.references:
        if ref.number == own:
            continue
        docs = idx.lookup(ref.number)
        dated = ref.date is not None
        wrong_date = False
        if not docs:
            if ("unknown", ref.number) not in reported and not _historical(plan, ref):
                reported.add(("unknown", ref.number))
                yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=rule.unknown_severity,
                              message=msg("refs.unknown", ctx.lang, doc=_name(ref)), evidence=short(ref.text),
                              actual=ref.raw_number)
        else:
            same = [d for d in docs if d.date == ref.date]
            doc = same[0] if same else docs[0]
            if dated and not same:
                wrong_date = True
                right = " / ".join(official_date(d.date) for d in docs)
                sev: Severity = "error" if len(docs) == 1 and doc.verified is True else "warning"
                yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity=sev,
                              message=msg("refs.date", ctx.lang, doc=_name(ref, doc), actual=ref.raw_date,
                                          expected=right),
                              evidence=short(ref.text), expected=right, actual=ref.raw_date or "",
                              source=_source(doc))
            if ref.issuer and issuer_differs(ref.issuer, doc.issuer) and ("issuer", ref.number) not in reported:
                reported.add(("issuer", ref.number))
                yield finding(rule, ID, "outdated", plan=plan, line=ref.line, severity="warning",
                              message=msg("refs.issuer", ctx.lang, doc=_name(ref, doc), actual=ref.issuer,
                                          expected=doc.issuer),
                              evidence=short(ref.text), expected=doc.issuer, actual=ref.issuer, source=_source(doc))
            yield from _status(plan, rule, ctx, ref, doc, cited_keys, plan_date, reported)
        if dated:
            first = first_date.setdefault(ref.number, ref)
            if first.date != ref.date and not wrong_date and ("twice", ref.number) not in reported:
                reported.add(("twice", ref.number))
                yield finding(rule, ID, "inconsistent", plan=plan, line=ref.line, severity="warning",
                              message=msg("refs.twice", ctx.lang, doc=_name(ref), actual=ref.raw_date,
                                          expected=first.raw_date, other_line=first.line),
                              evidence=short(ref.text), expected=first.raw_date or "", actual=ref.raw_date or "",
                              source=_source(docs[0]) if docs else None)


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
