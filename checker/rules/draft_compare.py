"""How close a drafted pack comes to a hand-written one (``benchmarks/draft_vs_hand.py`` prints it).

A hand rule is *found* when a drafted rule of the same kind stands for the same requirement: for a target, the hand
rule recognises the drafted rule's sentence (the directive's own words) in the same unit; for a content part, the
hand rule names one of the drafted titles; for a unit, the hand rule's name is in the drafted unit's name. A found
target's *threshold is right* when value, comparator and unit are the same. *Phrases work* when the drafted rule
recognises the hand rule's message (the requirement in other words). *Extras* are drafted rules no hand rule finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.checks.targets import matches
from checker.conventions import conventions, expanded, squashed_spellings
from checker.parse.sections import names_part
from checker.rules.schema import RequiredSection, RequiredUnit, RulePack, Target
from checker.text import all_groups


@dataclass
class KindScore:
    hand: int = 0
    drafted: int = 0
    found: list[str] = field(default_factory=list)  # hand ids
    missed: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)  # drafted ids
    right: list[str] = field(default_factory=list)  # targets: hand ids whose threshold the draft has right
    wrong: list[str] = field(default_factory=list)  # targets: "HAND-ID: hand ≠ draft"
    phrases_work: list[str] = field(default_factory=list)  # targets: hand ids the drafted phrases recognise


@dataclass
class Comparison:
    targets: KindScore
    sections: KindScore
    units: KindScore


def _bound(r: Target) -> str:
    return f"{r.comparator}{r.value:g}{r.unit}"


def compare(drafted: RulePack, hand: RulePack) -> Comparison:
    return Comparison(_targets(drafted, hand), _named(drafted, hand, RequiredSection),
                      _named(drafted, hand, RequiredUnit))


def _targets(drafted: RulePack, hand: RulePack) -> KindScore:
    ds = [r for r in drafted.rules if isinstance(r, Target)]
    hs = [r for r in hand.rules if isinstance(r, Target) and r.enabled]
    score = KindScore(hand=len(hs), drafted=len(ds))
    paired: set[str] = set()
    for h in hs:
        mine = [d for d in ds if d.unit == h.unit and matches(h, d.message)]
        if not mine:
            score.missed.append(h.id)
            continue
        score.found.append(h.id)
        paired.update(d.id for d in mine)
        if any((d.value, d.comparator, d.unit) == (h.value, h.comparator, h.unit) for d in mine):
            score.right.append(h.id)
        else:
            score.wrong.append(f"{h.id}: {_bound(h)} ≠ {', '.join(_bound(d) for d in mine)}")
        if any(matches(d, h.message) for d in mine):
            score.phrases_work.append(h.id)
    score.extras = [d.id for d in ds if d.id not in paired]
    return score


def _names(h: RequiredSection | RequiredUnit, alt: str) -> bool:
    """Content parts: the hand rule names the drafted title. Units: the hand rule's name is in the drafted name."""
    if isinstance(h, RequiredSection):
        return all(names_part(alt, conventions().synonyms(g)) for g in h.match)
    return all_groups(expanded(alt), [squashed_spellings(g) for g in h.match], 88)


def _named(drafted: RulePack, hand: RulePack, kind: type[RequiredSection] | type[RequiredUnit]) -> KindScore:
    ds = [r for r in drafted.rules if isinstance(r, kind)]
    hs = [r for r in hand.rules if isinstance(r, kind) and r.enabled]
    score = KindScore(hand=len(hs), drafted=len(ds))
    paired: set[str] = set()
    for h in hs:
        mine = [d for d in ds if any(_names(h, alt) for alt in d.match[0])]
        (score.found if mine else score.missed).append(h.id)
        paired.update(d.id for d in mine)
    score.extras = [d.id for d in ds if d.id not in paired]
    return score
