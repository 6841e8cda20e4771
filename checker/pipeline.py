"""The whole path for a batch: find plan files, read, understand, check; one bad file never stops the batch."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from checker.clean import safe_result
from checker.engine import assess, run, run_general
from checker.errors import CheckerError
from checker.i18n import msg
from checker.ingest import Limits, os_reason, read, received
from checker.models import UNIT_TYPE_WORDS, Plan, PlanResult, Report
from checker.parse import parse
from checker.report.facts import plan_facts
from checker.rules.loader import LoadedGeneral, LoadedPack
from checker.rules.schema import RuleBase
from checker.text import squash, vietnamese_score

NOT_PLANS = ("readme", "changelog", "license", "licence", "contributing")  # skipped when walking folders
READABLE_SCORE = 0.75  # below this share of Vietnamese syllables, text is garbled, not OCR-damaged


def discover(paths: list[Path]) -> Iterator[Path]:
    """Files named, and under folders named (recursively, without following folder links) the files a plan may
    be sent as (``ingest.received``: those read, and documents in formats none reads, reported with what to do)."""
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if (not name.startswith(".") and received(f) and not name.endswith(".checked.docx")
                            and ".fixed." not in name
                            and not name.lower().startswith(NOT_PLANS)):
                        yield f
        else:
            yield p


def check_file(path: Path, packs: list[LoadedPack], limits: Limits | None = None, lang: str = "vi",
               round_pack: LoadedPack | None = None, general: LoadedGeneral | None = None,
               strict: bool = False) -> PlanResult:
    """The result for one file; every text in it safe and on one line (``checker.clean.safe_result``)."""
    return safe_result(_check_file(path, packs, limits, lang, round_pack, general, strict))


def _check_file(path: Path, packs: list[LoadedPack], limits: Limits | None, lang: str,
                round_pack: LoadedPack | None, general: LoadedGeneral | None, strict: bool) -> PlanResult:
    try:
        doc = read(path, limits)
        if doc.structured is None:
            text = "\n".join(ln.text for ln in doc.lines)
            score = vietnamese_score(text)
            if score < READABLE_SCORE:
                why = "status.unreadable.garbled" if any(c.isalpha() for c in text) else "status.unreadable.no_words"
                return PlanResult(path=str(path), status="unreadable", format=doc.format, notes=doc.notes,
                                  reason=msg(why, lang, score=score))
        plan = parse(doc)
    except CheckerError as exc:
        return PlanResult(path=str(path), status="unreadable", reason=str(exc))
    except OSError as exc:
        return PlanResult(path=str(path), status="unreadable", reason=f"{path}: {os_reason(exc)}")
    except RecursionError:
        return PlanResult(path=str(path), status="unreadable", reason=f"{path}: cấu trúc lồng nhau quá sâu")
    verdict = assess(plan, packs, lang, round_pack)
    unit = unit_label(plan, [verdict.loaded] if verdict.loaded else packs)
    extra = run_general(plan, general, lang, verdict.loaded, strict) if general is not None else []
    if verdict.loaded is None:
        return PlanResult(path=str(path), status="not-applicable", reason=verdict.reason, unit=unit,
                          format=plan.format, notes=plan.notes, general=extra)
    findings = run(plan, verdict.loaded, lang, verdict.cited, strict)
    return PlanResult(path=str(path), status="checked", reason=verdict.reason, unit=unit, format=plan.format,
                      directive=verdict.loaded.pack.directive.number, notes=plan.notes, findings=findings,
                      general=extra, facts=plan_facts(plan, verdict.loaded, lang))


def unit_label(plan: Plan, packs: list[LoadedPack]) -> str | None:
    """The issuing unit as the registry names it ("Phường Phù Liễn" for OCR "PHUONG PHU LIEN")."""
    h = plan.header
    if not h.unit_name:
        # a province's, ministry's or Party body's document: its issuer as written, never a guessed commune
        return " ".join(h.issuer.split()) if h.issuer and h.issuer_level not in (None, "commune") else None
    # exact spelling first: Xã Cẩm Giang and Xã Cẩm Giàng are two units that fold to the same letters
    for same in (lambda a, b: a.casefold() == b.casefold(), lambda a, b: squash(a) == squash(b)):
        for lp in packs:
            if lp.units is not None:
                for u in lp.units.units:
                    if same(u.short_name, h.unit_name) and (h.unit_type in (None, u.type)):
                        return u.name
    return f"{UNIT_TYPE_WORDS.get(h.unit_type or '', '').capitalize()} {h.unit_name}".strip()


def _describe(r: RuleBase, pack: str) -> dict[str, object]:
    return {"id": r.id, "type": getattr(r, "type", ""), "severity": r.severity, "message": r.message,
            "label": getattr(r, "label", None),
            "message_en": r.message_en, "source": r.source, "pack": pack}


def rule_descriptions(packs: list[LoadedPack], general: LoadedGeneral | None = None) -> list[dict[str, object]]:
    """What the reports say about each rule (SARIF rules, JUnit test cases); the general checks' marked so."""
    rules = [_describe(r, lp.pack.pack) for lp in packs for r in lp.pack.rules]
    if general is not None:
        rules += [{**_describe(r, general.general.general), "general": True} for r in general.general.rules]
    return rules


def check_paths(paths: list[Path], packs: list[LoadedPack], limits: Limits | None = None,
                lang: str = "vi", round_pack: LoadedPack | None = None, general: LoadedGeneral | None = None,
                strict: bool = False) -> Report:
    """Check every plan under ``paths`` in this process, as one Report (the command streams instead:
    checker.session); with ``round_pack`` (``--directive``) every plan against that pack."""
    results = [check_file(p, packs, limits, lang, round_pack, general, strict) for p in discover(paths)]
    return Report(plans=results, lang=lang, rules=rule_descriptions(packs, general),  # type: ignore[arg-type]
                  units=expected_units(packs))


def expected_units(packs: list[LoadedPack]) -> list[dict[str, str]]:
    """Every unit of the packs' registries (each once): the units expected to send a plan."""
    seen: dict[str, dict[str, str]] = {}
    for lp in packs:
        if lp.units is not None:
            for u in lp.units.units:
                seen.setdefault(u.name, {"name": u.name, "type": u.type, "code": u.code or ""})
    return list(seen.values())

