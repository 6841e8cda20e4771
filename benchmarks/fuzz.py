"""Fuzz the whole pipeline at length: ``check`` on many mutated plan files, in process.

    python benchmarks/fuzz.py --count 100000 --jobs 2     # seeds 0..99999, every family, two processes
    python benchmarks/fuzz.py --start 5000 --count 1000 --family structured
    python benchmarks/fuzz.py --seed 123 --show          # make one case again and print what it is

Each case is made from its seed (tests/fuzz_inputs.py), checked, and its outputs verified (tests/fuzz_oracle.py:
never an exception, input unchanged, JSON/SARIF/JUnit/HTML parse back, no added line or element). Prints every
crash and every case over the budget as it happens (seed, family, size, time, what happened), then a summary:
inputs run, crashes, slow cases, the worst time and its seed. ``--log FILE`` appends one JSON line per case.

A case over the budget during the run is timed again alone at the end, after every worker has stopped (best of
two): on a shared machine a case can be slow only because of the load. The summary counts as slow only the cases
still over the budget alone, and gives both times; ``--no-retime`` keeps the times of the run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import make  # noqa: E402
from fuzz_oracle import run  # noqa: E402

from checker.rules.loader import load_packs  # noqa: E402

_state: dict[str, object] = {}  # per process: the packs, the scratch folder, the options


def _setup(family: str | None, show: bool, scratch: Path) -> None:
    """Load the packs, and check one case of each family once, unreported: the first check of a process imports
    the readers and compiles patterns, a cost no later case pays."""
    _state.update(packs=load_packs(), tmp=Path(tempfile.mkdtemp(dir=scratch)), show=False)
    for warm in ("text", "structured", "docx", "pdf"):
        _state["family"] = warm
        one(0)
    _state.update(family=family, show=show)


def _cleanup() -> None:
    tmp = _state.get("tmp")
    if isinstance(tmp, Path):
        shutil.rmtree(tmp, ignore_errors=True)


def one(seed: int) -> dict[str, object]:
    """Make case ``seed``, check it and verify its outputs: one JSON-able entry (``crash`` set if anything
    escaped or a property failed)."""
    family = _state["family"]
    case = make(seed, family if isinstance(family, str) else None)
    if _state["show"]:
        print(f"{case.name}: {len(case.data)} bytes\n{case.data[:2000]!r}", flush=True)
    tmp = _state["tmp"]
    assert isinstance(tmp, Path)
    folder = tmp / str(seed)
    entry: dict[str, object] = {"seed": seed, "family": case.family, "name": case.name, "bytes": len(case.data)}
    packs = _state["packs"]
    assert isinstance(packs, list)
    try:
        out = run(case.data, case.name, folder, packs)
        entry.update(seconds=round(out.seconds, 4), status=out.status, reason=out.reason)
    except Exception as exc:  # the point: anything escaping is a crash to report
        where = traceback.extract_tb(exc.__traceback__)[-1]
        entry["crash"] = f"{type(exc).__name__}: {str(exc)[:200]} at {Path(where.filename).name}:{where.lineno}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return entry


def _worker_init(family: str | None, show: bool, scratch: Path) -> None:
    import atexit

    # the pool ends its workers with SIGTERM: the parent's handler (forked with them) would print a traceback from
    # each one; the parent removes the scratch folder they leave
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _setup(family, show, scratch)
    atexit.register(_cleanup)


def entries(seeds: list[int], jobs: int, family: str | None, show: bool,
            scratch: Path) -> Iterator[dict[str, object]]:
    """The cases run, in this process (``jobs`` 1) or in ``jobs`` processes (in the order they finish); their
    files under ``scratch``, which the caller removes (a worker stopped by the pool leaves its folder)."""
    if jobs <= 1:
        _setup(family, show, scratch)
        try:
            yield from map(one, seeds)
        finally:
            _cleanup()
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(family, show, scratch), maxtasksperchild=2000) as pool:
        yield from pool.imap_unordered(one, seeds, chunksize=4)


def retime(seeds: Iterable[int], family: str | None, scratch: Path) -> dict[int, float]:
    """Each case checked again alone in this process, nothing else of ours running: its best of two times."""
    _setup(family, False, scratch)
    out: dict[int, float] = {}
    try:
        for seed in seeds:
            times = []
            for _ in range(2):
                entry = one(seed)
                if "seconds" not in entry:
                    break
                times.append(float(entry["seconds"]))  # type: ignore[arg-type]
            if times:
                out[seed] = min(times)
    finally:
        _cleanup()
    return out


def _require_extras() -> None:
    """Stop at once, in one line, if a case cannot be made (fpdf2 for the PDF cases is a test extra): otherwise a
    pool whose workers die in their set-up starts new ones forever."""
    try:
        for family in ("text", "structured", "docx", "pdf"):
            make(0, family)
    except ImportError as exc:
        raise SystemExit(f"fuzz.py: {exc}; the cases need the test extras: pip install -e '.[test]'") from None


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, nargs="+", help="these cases only (e.g. the slow ones of an earlier run)")
    ap.add_argument("--family", choices=["text", "structured", "docx", "pdf"])
    ap.add_argument("--budget", type=float, default=2.0, help="seconds; a case over it is reported as slow")
    ap.add_argument("--jobs", type=int, default=1, help="processes running cases at once (default 1)")
    ap.add_argument("--no-retime", dest="retime", action="store_false",
                    help="keep the times of the run (by default a slow case is timed again alone at the end)")
    ap.add_argument("--log", type=Path, help="append one JSON line per case")
    ap.add_argument("--show", action="store_true", help="print the case's bytes (first 2,000) before running it")
    args = ap.parse_args()
    seeds = list(args.seed) if args.seed is not None else list(range(args.start, args.start + args.count))
    if not seeds:
        ap.error("no case to run")
    _require_extras()
    crashes: list[tuple[int, str]] = []
    slow: dict[int, float] = {}  # seed: seconds in the run
    times: dict[int, float] = {}
    names: dict[int, str] = {}
    statuses: Counter[str] = Counter()
    log = args.log.open("a", encoding="utf-8") if args.log else None
    scratch = Path(tempfile.mkdtemp(prefix="check-fuzz-"))
    signal.signal(signal.SIGTERM, _stop)  # stopped: the pool's workers and the scratch folder go too
    begun = time.perf_counter()
    try:
        for n, entry in enumerate(entries(seeds, args.jobs, args.family, args.show, scratch), start=1):
            seed, name = int(entry["seed"]), str(entry["name"])  # type: ignore[call-overload]
            names[seed] = name
            if "crash" in entry:
                crashes.append((seed, str(entry["crash"])))
                print(f"CRASH seed {seed} {name} ({entry['bytes']} bytes): {entry['crash']}", flush=True)
            else:
                seconds = float(entry["seconds"])  # type: ignore[arg-type]
                times[seed] = seconds
                statuses[str(entry["status"])] += 1
                if seconds > args.budget:
                    slow[seed] = seconds
                    print(f"SLOW  seed {seed} {name} ({entry['bytes']} bytes): {seconds:.2f} s "
                          f"[{entry['status']}] {entry.get('reason') or ''}", flush=True)
            if log:
                log.write(json.dumps(entry, ensure_ascii=False) + "\n")
                log.flush()
            if n % 500 == 0:
                worst_seed = max(times, key=times.__getitem__, default=-1)
                print(f"... {n} inputs, {len(crashes)} crashes, {len(slow)} over {args.budget:g} s, worst "
                      f"{times.get(worst_seed, 0.0):.2f} s (seed {worst_seed}), {time.perf_counter() - begun:.0f} s",
                      flush=True)
        elapsed = time.perf_counter() - begun
        alone = retime(sorted(slow), args.family, scratch) if args.retime and slow else {}
    finally:
        if log:
            log.close()
        shutil.rmtree(scratch, ignore_errors=True)
    final = {**times, **alone}
    still_slow = {s: t for s, t in final.items() if t > args.budget}
    ran = len(seeds)
    print(f"inputs: {ran} (seeds {min(seeds)}..{max(seeds)}{', family ' + args.family if args.family else ''}, "
          f"{args.jobs} process{'es' if args.jobs > 1 else ''}, {elapsed:.0f} s)")
    print(f"statuses: {dict(statuses)}")
    print(f"crashes: {len(crashes)}" + "".join(f"\n  seed {s}: {w}" for s, w in sorted(crashes)[:50]))
    if alone:
        print(f"over {args.budget:g} s in the run: {len(slow)}; timed again alone: {len(still_slow)} still over")
        print("".join(f"  seed {s} {names[s]}: {slow[s]:.2f} s in the run, {alone[s]:.2f} s alone"
                      f"{'  SLOW' if alone[s] > args.budget else ''}\n" for s in sorted(alone)[:100]), end="")
    print(f"over {args.budget:g} s: {len(still_slow)}"
          + "".join(f"\n  seed {s}: {t:.2f} s" for s, t in sorted(still_slow.items())[:50]))
    if final:
        worst = max(final, key=final.__getitem__)
        median = sorted(final.values())[len(final) // 2]
        print(f"worst: {final[worst]:.3f} s (seed {worst}, {names[worst]}"
              f"{', timed alone' if worst in alone else ''}); median {median * 1000:.1f} ms, "
              f"mean {sum(final.values()) / len(final) * 1000:.1f} ms")
    return 1 if crashes or still_slow else 0


if __name__ == "__main__":
    sys.exit(main())
