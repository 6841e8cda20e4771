"""Check stage: decide which rule pack applies to a plan, run its checks, return findings. No I/O."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.checks import CHECKS
from checker.checks.base import Context
from checker.checks.citation import cites, miscited, vn_date
from checker.checks.references import index_of
from checker.i18n import msg
from checker.models import DocRef, Finding, Plan
from checker.rules.loader import LoadedGeneral, LoadedPack
from checker.rules.schema import GeneralRule, Rule
from checker.text import contains, contains_any, squash


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
    subject_ok = all(contains_any(title, [squash(p) for p in g], 88) for g in a.subject)
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


def assess(plan: Plan, packs: list[LoadedPack], lang: str = "vi", round_pack: LoadedPack | None = None) -> Verdict:
    """Which pack applies.

    With a round (``--directive``): that pack, for every plan; one that does not cite its directive is flagged, and
    the reason names what it implements instead. Otherwise: the pack whose directive the plan cites (number, date
    and issuer: ``cites``); for a plan that cites no directive of its own, one whose scope (city, period, subject)
    it shares, flagged for not citing it; else none, with the reason.
    """
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
