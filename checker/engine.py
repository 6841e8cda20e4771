"""Check stage: decide which rule pack applies to a plan, run its checks, return findings. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.checks import CHECKS
from checker.checks.base import Context, short
from checker.checks.citation import cites, miscited, vn_date
from checker.checks.references import index_of
from checker.conventions import conventions, expand, expanded
from checker.i18n import msg
from checker.models import DocRef, Finding, Plan
from checker.parse.header import columns, opens_letter_subject
from checker.rules.loader import LoadedGeneral, LoadedPack
from checker.rules.schema import GeneralRule, Rule
from checker.text import contains, contains_any, fold, marks_agree, squash, squash_cased


@dataclass
class Verdict:
    loaded: LoadedPack | None
    status: str  # checked | not-applicable
    reason: str | None
    cited: bool = False


def _directive_name(loaded: LoadedPack) -> str:
    d = loaded.pack.directive
    return f"Kế hoạch số {d.number} ngày {vn_date(d.date)}"


def _in_scope(plan: Plan, loaded: LoadedPack) -> bool:
    """Same city, period and subject as the pack's directive (judged on the title and the opening text)."""
    a = loaded.pack.applies_to
    opening = " ".join(squash(ln.text) for ln in plan.lines[:60]) or squash(plan.header.title or "")
    title = squash(plan.header.title or "") + " " + opening
    period_ok = not a.period or contains_any(title, [squash(p) for p in a.period], 88)
    subject_ok = _about(title, a.subject)
    city_ok = contains(" ".join(squash(ln.text) for ln in plan.lines), squash(a.city), 90)
    if not city_ok and loaded.units is not None and plan.header.unit_name:
        city_ok = any(squash(u.short_name) == squash(plan.header.unit_name) for u in loaded.units.units)
    return period_ok and subject_ok and city_ok


def _official_numbers(packs: list[LoadedPack]) -> Callable[[str, str], str]:
    """A cited number as the registry writes it ("01-KH/BCP" in OCR → "01-KH/BCĐ"), else as the plan wrote it."""
    indexes = [idx for idx in map(index_of, packs) if idx is not None]

    def official(key: str, raw: str) -> str:
        for idx in indexes:
            docs = idx.lookup(key)
            if docs:
                return docs[0].number
        return raw

    return official


def _citing(plan: Plan, lp: LoadedPack) -> list[DocRef]:
    """The plan's citations of the pack's directive: right, or with its number miswritten (``miscited``: the
    directive's date, issuer and subject; HP215-CITE reports the number)."""
    d = lp.pack.directive
    return cites(plan, d) or miscited(plan, d, lp.pack.applies_to.subject)


def _rank(lp: LoadedPack) -> tuple[int, int, str]:
    """Among packs that could apply: the highest ``priority``, then the latest directive, then the pack's id;
    never the file name or the load order."""
    return (-lp.pack.priority, -lp.pack.directive.date.toordinal(), lp.pack.pack)


def _implemented(plan: Plan, packs: list[LoadedPack]) -> str:
    official = _official_numbers(packs)
    named = (official(r.number, r.raw_number) + (f" ngày {r.raw_date}" if r.raw_date else "") for r in plan.implements)
    return ", ".join(dict.fromkeys(named))  # a document cited twice (the preamble and the purpose) named once


_PARTY_NUMBER = re.compile(r"^\s*\d*\s*-\s*[^\W\d_]+\s*/")  # "05-KH/ĐU" (Hướng dẫn 36-HD/VPTW), not "05/KH-UBND"


def _directives_for(plan: Plan, packs: list[LoadedPack]) -> str:
    """The directive(s) the document is measured against in a reason: those it cites, else every pack's."""
    named = [lp for lp in packs if _citing(plan, lp)] or packs
    return ", ".join(_directive_name(lp) for lp in named)


def _carries_plan(plan: Plan) -> bool:
    """A letter that sets out a plan's content itself: parts named as a plan's objectives and its execution
    (rules/conventions.yaml ``parts``: "1. Về mục tiêu, chỉ tiêu …" … "4. Tổ chức thực hiện"): the plan sent in a
    letter's form (HP215-FORM says so), not correspondence about it."""
    conv = conventions()
    titles = [re.sub(r"^ve ", "", squash(s.title)) for s in plan.sections]
    return all(any(t.startswith(n) for t in titles for n in conv.part(key) + conv.part_at_top(key))
               for key in ("muc-tieu", "to-chuc-thuc-hien"))


def _not_a_plan(plan: Plan, packs: list[LoadedPack], lang: str) -> str | None:
    """Why the document is not the plan a directive asks a unit to issue, by the conventions of administrative
    documents (NĐ 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW for the Party's): a Party committee's own document (its
    motto or its number's form, no People's Committee among its issuers); a document of another type (a report, a
    submission, a decision with no plan issued with it, a letter that does not set out a plan's parts). None for a
    plan, and where the type is not known (judged as a plan, as before)."""
    h = plan.header
    directive = _directives_for(plan, packs)
    number = f"Số {h.number}" if h.number else ""
    if h.issuer_level == "party" and (h.party_motto or _PARTY_NUMBER.match(h.number or "")):
        about = ": " + short(h.title, 90) if h.title else ""
        issuer = " ".join((h.issuer or "").split())
        return msg("status.not_a_plan.party", lang, issuer=issuer, number=number, about=about, directive=directive)
    body = _subordinate_issuer(plan)
    if body is not None:
        issuer = " ".join((h.issuer or "").split())
        return msg("status.not_a_plan.subordinate", lang, body=body, issuer=issuer, number=number, directive=directive)
    kind = next((dt for dt in conventions().document_types if dt.name == h.doc_type), None)
    if kind is None or kind.plan or (kind.letter and _carries_plan(plan)):
        return None
    subject = short(h.title, 90) if h.title else ""
    if kind.letter:
        line = next((ln.text for ln in plan.lines[:40] if ln.text.strip() and opens_letter_subject(fold(ln.text))), "")
        subject = short(line, 90)
    about = ", ".join(p for p in (number, subject) if p)
    return msg("status.not_a_plan", lang, kind=kind.name.lower(), about=f" ({about})" if about else "",
               directive=directive)


def _subordinate_issuer(plan: Plan) -> str | None:
    """The body that issues the document when the header names it under its governing body (NĐ 30/2020/NĐ-CP,
    Phụ lục I: the governing body above, the issuing body below): a school or health station of the commune
    (rules/conventions.yaml ``subordinate_issuers``), as written; None where the commune's body issues it. Looked
    for in the two lines after the issuer's first (its name may take the second), compared with the marks, or
    without them where the line has none (OCR)."""
    h = plan.header
    if h.issuer_line is None or h.issuer_level != "commune":
        return None
    start = next((i for i, ln in enumerate(plan.lines) if ln.loc.line == h.issuer_line), None)
    if start is None:
        return None
    for ln in plan.lines[start + 1 : start + 3]:
        left = columns(ln.text)[0]
        if any(opens_with(left, opener) for opener in conventions().subordinate_issuers):
            return left
    return None


def opens_with(line: str, opener: str) -> bool:
    """``line`` opens with the words of ``opener`` and goes on (a body's name after them): words compared folded,
    then by their diacritics as checker.text.marks_agree compares a name (old or new tone placement alike, "hoà"
    and "hòa"; a line without marks, OCR, agrees), never "Trương" for "Trường"."""
    words, wanted = squash_cased(line).split(), squash_cased(opener).split()
    return (len(words) > len(wanted) and [fold(w) for w in words[: len(wanted)]] == [fold(w) for w in wanted]
            and marks_agree(" ".join(words[: len(wanted)]), opener))


def _years(squashed: str) -> set[int]:
    """The years a text names, a span "2026 - 2030" as every year in it."""
    out: set[int] = set()
    for m in re.finditer(r"\b(20\d\d)(?:\s*-\s*(20\d\d))?\b", squashed):
        first = int(m.group(1))
        out.update(range(first, int(m.group(2) or first) + 1))
    return out


def _other_period(title: str, lp: LoadedPack, dated: dt.date | None = None) -> set[int]:
    """The years the plan's title (squashed) gives as its own period when none of them is a year of the
    directive's period (``applies_to.period``): a plan "… năm 2026" is not one for "6 tháng cuối năm 2025". Not a
    period over before the plan was issued (a plan dated 15/9/2025 "… 6 tháng cuối năm 2024"): no plan is made for
    a past period; its title is last year's, copied (the form check tells it)."""
    own = _years(title)
    directive = set().union(*(_years(squash(p)) for p in lp.pack.applies_to.period))
    if dated is not None and own and max(own) < dated.year:
        return set()
    return own if own and directive and not own & directive else set()


def _mentions_only(plan: Plan, lp: LoadedPack, refs: list[DocRef]) -> bool:
    """A plan that names the directive only among its grounds (no "Thực hiện …" of it) and whose own title is of
    another subject ("Cải cách hành chính năm 2026", the directive's subject words nowhere in it, nor its number):
    a plan of its own, not one implementing the directive."""
    title = squash(plan.header.title or "")
    if not title or any(r.implements for r in refs):
        return False
    if contains(title, squash(lp.pack.directive.number), 95):
        return False
    return not _about(title, lp.pack.applies_to.subject)


def _about(squashed: str, subject: list[list[str]]) -> bool:
    """The text (squashed) names a phrase of every group of the directive's ``subject``, its abbreviations written
    out on both sides: "Thực hiện CĐS, Đề án 06 …" is about chuyển đổi số (rules/conventions.yaml ``abbreviations``)."""
    hay = expand(squashed)
    return all(contains_any(hay, [expanded(p) for p in g], 88) for g in subject)


def assess(plan: Plan, packs: list[LoadedPack], lang: str = "vi", round_pack: LoadedPack | None = None) -> Verdict:
    """Which pack applies.

    With a round (``--directive``): that pack, for every plan; one that does not cite its directive is flagged, and
    the reason names what it implements instead. Otherwise: the pack whose directive the plan cites (number, date
    and issuer: ``cites``); for a plan that cites no directive of its own, one whose scope (city, period, subject)
    it shares, flagged for not citing it; else none, with the reason.
    """
    other = _not_a_plan(plan, [round_pack] if round_pack is not None else packs, lang)
    if other is not None:  # a report, a submission, a decision, a letter, a Party document: never the plan
        return Verdict(None, "not-applicable", other)
    if round_pack is not None:
        if _citing(plan, round_pack):
            return Verdict(round_pack, "checked", None, cited=True)
        name = _directive_name(round_pack)
        if plan.implements:
            other = _implemented(plan, packs)
            return Verdict(round_pack, "checked", msg("status.other_round", lang, other=other, directive=name))
        return Verdict(round_pack, "checked", msg("status.no_citation", lang, directive=name))
    citing = {id(lp): refs for lp in packs if (refs := _citing(plan, lp))}
    cited = [lp for lp in packs if id(lp) in citing]
    if cited and all(_mentions_only(plan, lp, citing[id(lp)]) for lp in cited):
        title = short(plan.header.title or "", 90)
        return Verdict(None, "not-applicable", msg("status.not_applicable.mentions", lang, title=title,
                                                   directive=", ".join(_directive_name(lp) for lp in cited)))
    own = squash(plan.header.title or "")
    dated = plan.header.date
    if cited and all(_other_period(own, lp, dated) and not any(r.implements for r in citing[id(lp)]) for lp in cited):
        return Verdict(None, "not-applicable", msg("status.not_applicable.period", lang,
                                                   title=short(plan.header.title or "", 90),
                                                   years=", ".join(map(str, sorted(_years(own)))),
                                                   directive=", ".join(_directive_name(lp) for lp in cited)))
    if cited:
        # a directive the plan implements ("Thực hiện …") before one it only mentions
        implemented = [lp for lp in cited if any(r.implements for r in citing[id(lp)])]
        return Verdict(min(implemented or cited, key=_rank), "checked", None, cited=True)
    name = ", ".join(_directive_name(lp) for lp in packs)
    if plan.implements:
        hint = msg("status.round_hint", lang, ids=" | ".join(lp.pack.directive.number for lp in packs))
        return Verdict(None, "not-applicable",
                       msg("status.not_applicable.other", lang, other=_implemented(plan, packs), directive=name)
                       + hint)
    in_scope = [lp for lp in packs if _in_scope(plan, lp)]
    if in_scope:
        lp = min(in_scope, key=_rank)
        return Verdict(lp, "checked", msg("status.no_citation", lang, directive=_directive_name(lp)))
    return Verdict(None, "not-applicable", msg("status.not_applicable.scope", lang, directive=name))


def run(plan: Plan, loaded: LoadedPack, lang: str = "vi", cited: bool = True, strict: bool = False) -> list[Finding]:
    """All findings of one pack's enabled rules on one plan, in line order (plan-level findings first)."""
    return _run(plan, loaded.pack.rules, Context(loaded=loaded, lang=lang, cited=cited, strict=strict))


def run_general(plan: Plan, general: LoadedGeneral, lang: str = "vi", applied: LoadedPack | None = None,
                strict: bool = False) -> list[Finding]:
    """The general checks (any administrative document) on one plan; those of a type the applied directive pack
    already runs are left to the pack, so nothing is reported twice."""
    covered = {r.type for r in applied.pack.rules if r.enabled} if applied is not None else set()
    rules = [r for r in general.general.rules if r.type not in covered]
    return _run(plan, rules, Context(loaded=general, lang=lang, strict=strict))


def _run(plan: Plan, rules: list[Rule] | list[GeneralRule], ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if not rule.enabled:
            continue
        check = CHECKS.get(rule.type)
        if check is None:
            continue
        out.extend(check(plan, rule, ctx))
    return sorted(out, key=lambda f: (f.line if f.line is not None else 0, f.id))
