"""Fuzz the whole pipeline at length: ``check`` on many mutated plan files, in process.

    python benchmarks/fuzz.py --count 100000            # seeds 0..99999, every family
    python benchmarks/fuzz.py --start 5000 --count 1000 --family structured
    python benchmarks/fuzz.py --seed 123 --show          # make one case again and print what it is

Each case is made from its seed (tests/fuzz_inputs.py), checked, and its outputs verified (tests/fuzz_oracle.py:
never an exception, input unchanged, JSON/SARIF/JUnit parse back, no added line or element). Prints every crash
and every case over the budget as it happens (seed, family, size, time, what happened), then a summary: inputs
run, crashes, slow cases, the worst time and its seed. ``--log FILE`` appends one JSON line per case.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import make  # noqa: E402
from fuzz_oracle import run  # noqa: E402

from checker.rules.loader import load_packs  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, nargs="+", help="these cases only (e.g. the slow ones of an earlier run)")
    ap.add_argument("--family", choices=["text", "structured", "docx", "pdf"])
    ap.add_argument("--budget", type=float, default=2.0, help="seconds; a case over it is reported as slow")
    ap.add_argument("--log", type=Path, help="append one JSON line per case")
    ap.add_argument("--show", action="store_true", help="print the case's bytes (first 2,000) before running it")
    args = ap.parse_args()
    seeds = list(args.seed) if args.seed is not None else range(args.start, args.start + args.count)
    packs = load_packs()
    crashes: list[tuple[int, str]] = []
    slow: list[tuple[int, float]] = []
    statuses: Counter[str] = Counter()
    worst = (0.0, -1, "")
    total_time = 0.0
    log = args.log.open("a", encoding="utf-8") if args.log else None
    tmp = Path(tempfile.mkdtemp(prefix="check-fuzz-"))
    begun = time.perf_counter()
    try:
        for n, seed in enumerate(seeds, start=1):
            case = make(seed, args.family)
            if args.show:
                print(f"{case.name}: {len(case.data)} bytes\n{case.data[:2000]!r}")
            folder = tmp / str(seed)
            entry: dict[str, object] = {"seed": seed, "family": case.family, "name": case.name,
                                        "bytes": len(case.data)}
            try:
                out = run(case.data, case.name, folder, packs)
                entry.update(seconds=round(out.seconds, 4), status=out.status, reason=out.reason)
                statuses[out.status] += 1
                total_time += out.seconds
                if out.seconds > worst[0]:
                    worst = (out.seconds, seed, case.name)
                if out.seconds > args.budget:
                    slow.append((seed, out.seconds))
                    print(f"SLOW  seed {seed} {case.name} ({len(case.data)} bytes): {out.seconds:.2f} s "
                          f"[{out.status}] {out.reason or ''}", flush=True)
            except Exception as exc:  # the point: anything escaping is a crash to report
                where = traceback.extract_tb(exc.__traceback__)[-1]
                what = f"{type(exc).__name__}: {str(exc)[:200]} at {Path(where.filename).name}:{where.lineno}"
                crashes.append((seed, what))
                entry.update(crash=what)
                print(f"CRASH seed {seed} {case.name} ({len(case.data)} bytes): {what}", flush=True)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            if log:
                log.write(json.dumps(entry, ensure_ascii=False) + "\n")
                log.flush()
            if n % 500 == 0:
                print(f"... {n} inputs, {len(crashes)} crashes, {len(slow)} over {args.budget:g} s, "
                      f"worst {worst[0]:.2f} s (seed {worst[1]}), {time.perf_counter() - begun:.0f} s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if log:
            log.close()
    ran = len(seeds)
    print(f"inputs: {ran} (seeds {seeds[0]}..{seeds[-1]}{', family ' + args.family if args.family else ''})")
    print(f"statuses: {dict(statuses)}")
    print(f"crashes: {len(crashes)}" + "".join(f"\n  seed {s}: {w}" for s, w in crashes[:50]))
    print(f"over {args.budget:g} s: {len(slow)}" + "".join(f"\n  seed {s}: {t:.2f} s" for s, t in slow[:50]))
    print(f"worst: {worst[0]:.3f} s (seed {worst[1]}, {worst[2]}); mean {total_time / max(ran, 1) * 1000:.1f} ms")
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
