"""Agreement table: every text plan rendered through every layout variant (tests/layouts.py) gives the same
findings (rule ids and kinds, and the status) as the plan as written.

usage: python benchmarks/layouts.py [--verbose]     (run from the repository root, with the test extras installed)

Prints, per variant, how many plans agree exactly and the share of findings in common (Jaccard over the
multiset of (id, kind)); --verbose also prints each disagreement.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from layouts import VARIANTS, blocks_of, corpus, outcome  # noqa: E402

from checker.rules.loader import load_packs  # noqa: E402


def jaccard(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> float:
    ca, cb = Counter(a), Counter(b)
    union = sum((ca | cb).values())
    return 1.0 if union == 0 else sum((ca & cb).values()) / union


def agreement(verbose: bool = False) -> dict[str, tuple[int, int, float]]:
    packs = load_packs()
    plans = corpus()
    rows: dict[str, tuple[int, int, float]] = {}
    originals = {p: outcome(p, packs) for p in plans}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in VARIANTS.items():
            same, shares = 0, []
            for p in plans:
                folder = Path(tmp) / name / p.stem
                folder.mkdir(parents=True)
                got = outcome(make(blocks_of(p), folder), packs)
                want = originals[p]
                shares.append(jaccard(want[1], got[1]) if want[0] == got[0] else 0.0)
                if got == want:
                    same += 1
                elif verbose:
                    lost = sorted((Counter(want[1]) - Counter(got[1])).elements())
                    extra = sorted((Counter(got[1]) - Counter(want[1])).elements())
                    print(f"  {name:26s} {p.name[:36]:36s} status {want[0]}→{got[0]} lost {lost} extra {extra}")
            rows[name] = (same, len(plans), sum(shares) / len(shares) if shares else 1.0)
    return rows


def main() -> None:
    rows = agreement("--verbose" in sys.argv)
    print(f"{'variant':26s} {'plans agreeing':>15s} {'findings in common':>19s}")
    for name, (same, total, share) in rows.items():
        print(f"{name:26s} {f'{same}/{total}':>15s} {share:>18.1%}")


if __name__ == "__main__":
    main()
