"""Time per plan of the checks themselves, in one process (no start-up, no output), measured, never asserted.

    python benchmarks/inprocess.py                      # 40 plans a run, 3 runs, median ms per plan
    python benchmarks/inprocess.py --plans 40 --profile 25   # and where the time goes (cProfile, top 25)

Each run reads, parses and checks its own fresh plans of real length (benchmarks/plans.py, a different seed per run,
so no cache holds a plan from an earlier run), as `check` does for each file of a batch (general checks on); a
warm-up run on other plans goes first (rule packs loaded, first-use caches filled), and is not counted. Machines
are shared and noisy: compare medians of runs made in the same session, as ratios.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import plans as gen  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=40, help="plans per run")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile one more run, print the top N")
    args = ap.parse_args()

    from checker.pipeline import check_file
    from checker.rules.loader import load_general, load_packs

    packs, general = load_packs(), load_general()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)

        def batch(seed: int, n: int) -> list[Path]:
            return gen.generate(tmp / f"s{seed}", n, seed=seed)

        def one_run(files: list[Path]) -> float:
            start = time.perf_counter()
            for f in files:
                check_file(f, packs, general=general)
            return (time.perf_counter() - start) * 1000 / len(files)

        one_run(batch(1, 5))  # warm-up
        runs = [one_run(batch(215 + k, args.plans)) for k in range(args.repeat)]
        lengths = sorted(len(p.read_text(encoding="utf-8").splitlines()) for p in batch(215, args.plans))
        print(f"{args.plans} plans a run ({lengths[0]}-{lengths[-1]} lines, median {statistics.median(lengths)})")
        print("runs (ms per plan): " + ", ".join(f"{r:.1f}" for r in runs))
        print(f"median: {statistics.median(runs):.1f} ms per plan")
        if args.profile:
            files = batch(900, args.plans)
            prof = cProfile.Profile()
            prof.enable()
            for f in files:
                check_file(f, packs, general=general)
            prof.disable()
            stats = pstats.Stats(prof)
            stats.sort_stats("tottime").print_stats(args.profile)
            stats.sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
