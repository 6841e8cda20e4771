"""How close `check rules draft` comes to the hand-written packs (measured, never asserted).

    python benchmarks/draft_vs_hand.py            # needs ../shared/seeds

Drafts a pack from seeds 000 and 003 (ward plans that copy the targets of 215/KH-UBND) and from seed 001 (its
"Chỉ tiêu thành phố" column is 31/KH-UBND), and compares each draft with the hand-written pack: rules found, thresholds
right, misses, extras (checker.rules.draft_compare says what each means). Then each 215 draft's target rules are used
to check the *other* 215 seed, beside the hand pack's target rules: findings a compliant seed should not get measure
how well the drafted phrases carry over to another office's wording.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.checks.base import Context  # noqa: E402
from checker.checks.targets import check  # noqa: E402
from checker.ingest import read  # noqa: E402
from checker.parse import parse  # noqa: E402
from checker.rules.draft import draft_file  # noqa: E402
from checker.rules.draft_compare import KindScore, compare  # noqa: E402
from checker.rules.loader import LoadedPack, load_pack  # noqa: E402
from checker.rules.schema import RulePack, Target  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
HAND_215 = ROOT / "rules" / "215-KH-UBND.yaml"
HAND_31 = ROOT / "tests" / "fixtures" / "packs" / "31-KH-UBND.yaml"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def line(kind: str, s: KindScore) -> str:
    if not s.hand:
        return f"  {kind:<9} the hand pack has none (drafted {s.drafted})"
    out = f"  {kind:<9} hand {s.hand:>2}  drafted {s.drafted:>2}  found {len(s.found):>2}/{s.hand:<2}"
    if kind == "targets":
        out += f"  threshold right {len(s.right):>2}/{len(s.found):<2}  phrases recognise hand wording " \
               f"{len(s.phrases_work):>2}/{len(s.found):<2}"
    out += f"  extras {len(s.extras)}"
    return out


def transfer(drafted: RulePack, plan_path: Path, hand: LoadedPack) -> tuple[list[str], list[str]]:
    """Target findings on a plan from the draft's target rules and from the hand pack's (kind and rule id)."""
    plan = parse(read(plan_path))
    loaded = LoadedPack(HAND_215, drafted)  # registries resolved as the shipped pack's
    got = [f"{f.kind}:{f.id}" for r in drafted.rules if isinstance(r, Target)
           for f in check(plan, r, Context(loaded=loaded))]
    want = [f"{f.kind}:{f.id}" for r in hand.pack.rules if isinstance(r, Target)
            for f in check(plan, r, Context(loaded=hand))]
    return got, want


def main() -> int:
    if not SEEDS.is_dir():
        print(f"{SEEDS} is not present", file=sys.stderr)
        return 2
    hand215, hand31 = load_pack(HAND_215), load_pack(HAND_31)
    drafts: dict[str, RulePack] = {}
    for prefix, hand in (("000", hand215), ("003", hand215), ("001", hand31)):
        drafted = draft_file(seed(prefix))
        pack = RulePack.model_validate(drafted.data)
        drafts[prefix] = pack
        c = compare(pack, hand.pack)
        d = pack.directive
        print(f"seed {prefix} → draft {pack.pack} ({d.number}, {d.date}, {d.issuer}) vs {hand.pack.pack}")
        for n in drafted.notes:
            print(f"  note: {n}")
        print(line("targets", c.targets))
        print(line("sections", c.sections))
        print(line("units", c.units))
        print(f"    targets missed: {', '.join(c.targets.missed) or '-'}")
        print(f"    thresholds wrong: {'; '.join(c.targets.wrong) or '-'}")
        print(f"    target extras: {', '.join(c.targets.extras) or '-'}")
        for kind, s in (("sections", c.sections), ("units", c.units)):
            if s.hand:
                print(f"    {kind} missed: {', '.join(s.missed) or '-'}; extras: {', '.join(s.extras) or '-'}")
    print("carry-over: the draft of one 215 seed checks the other's targets (hand pack beside it)")
    for source, other in (("000", "003"), ("003", "000")):
        got, want = transfer(drafts[source], seed(other), hand215)
        print(f"  draft({source}) on {other}: {len(got)} target findings {sorted(got)}")
        print(f"  hand 215  on {other}: {len(want)} target findings {sorted(want)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
