"""Where the start-up of one `check` run goes, measured (never asserted): the parts of "one plan end to end".

    python benchmarks/startup.py                 # 9 runs of each step, medians
    python benchmarks/startup.py --repeat 15

Each step is a fresh process, its bytecode cached as an installed package has it (as in bench.py), timed from
outside (wall seconds, medians of ``--repeat`` runs, interleaved so a busy moment spreads over every step):
- the interpreter alone (``python -c pass``: start-up and site);
- pydantic's import (``from pydantic import BaseModel``), which the models of every stage need;
- the whole command line's import (``import checker.cli``: pydantic, click, rapidfuzz, the checker's modules and
  the pydantic model classes they declare);
- the same, then the rule packs loaded;
- the same, then one plan checked in that process (no worker, no output);
- the command as a user runs it on one plan (``python -m checker PLAN --format json -o OUT -q``).
Each step's share is its difference from the one before; each median is also given as a multiple of the
interpreter's, measured in the same run (on a shared machine the ratio moves less than the seconds). Inside one
process it also times, once, how long the pydantic model classes take to build (the metaclass's share of the import)
and the first plan against the second (caches filled on first use). Plans from benchmarks/plans.py (real length).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import child_env, load  # noqa: E402

import plans as gen  # noqa: E402

PACKS = "from checker.rules.loader import load_all, load_general; p = load_all([]); g = load_general([])"
PLAN = PACKS + ("; from checker.pipeline import check_file; from pathlib import Path; "
                "check_file(Path({!r}), p, general=g)")

# the pydantic share and the first plan against the second, inside one process
INSIDE = """
import time
import pydantic._internal._model_construction as m
spent = [0.0]
new = m.ModelMetaclass.__new__
def timed_new(mcs, *a, **k):
    t = time.perf_counter(); cls = new(mcs, *a, **k); spent[0] += time.perf_counter() - t; return cls
m.ModelMetaclass.__new__ = timed_new
t0 = time.perf_counter()
import checker.cli
t1 = time.perf_counter()
from checker.rules.loader import load_all, load_general
p = load_all([]); g = load_general([])
from checker.pipeline import check_file
from pathlib import Path
plans = {plans!r}
t2 = time.perf_counter(); check_file(Path(plans[0]), p, general=g)
t3 = time.perf_counter(); check_file(Path(plans[1]), p, general=g)
t4 = time.perf_counter()
print(t1 - t0, spent[0], t3 - t2, t4 - t3)
"""


def run(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=child_env(cwd), capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}...: exit {done.returncode}\n{done.stderr.decode(errors='replace')}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    py = sys.executable
    print(f"load average before: {load()}; medians of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plans = gen.generate(tmp / "plans", 2)
        steps = {
            "interpreter (python -c pass)": [py, "-c", "pass"],
            "+ pydantic import": [py, "-c", "from pydantic import BaseModel"],
            "+ the rest of import checker.cli": [py, "-c", "import checker.cli"],
            "+ rule packs loaded": [py, "-c", "import checker.cli; " + PACKS],
            "+ one plan checked in-process": [py, "-c", "import checker.cli; " + PLAN.format(str(plans[0]))],
            "check PLAN --format json (end to end)": [py, "-m", "checker", str(plans[0]), "--format", "json",
                                                      "-o", str(tmp / "out"), "-q"],
        }
        for cmd in steps.values():
            run(cmd, tmp)  # bytecode compiled and cached once
        times: dict[str, list[float]] = {k: [] for k in steps}
        for _ in range(args.repeat):
            for k, cmd in steps.items():
                times[k].append(run(cmd, tmp))
        before = 0.0
        bare = statistics.median(next(iter(times.values())))
        print(f"{'step':42s} {'median':>8s}   {'its share':>9s}   {'× python -c pass':>16s}")
        for k, got in times.items():
            med = statistics.median(got)
            print(f"{k:42s} {med:6.3f} s   {med - before:+6.3f} s   {med / bare:14.1f}×")
            before = med
        inside = [subprocess.run([py, "-c", INSIDE.format(plans=[str(p) for p in plans])], cwd=tmp,
                                 env=child_env(tmp), capture_output=True, text=True, check=True).stdout.split()
                  for _ in range(args.repeat)]
        cols = [statistics.median(float(r[i]) for r in inside) for i in range(4)]
        print(f"\ninside one process: import checker.cli {cols[0]:.3f} s, of which building the pydantic model "
              f"classes {cols[1]:.3f} s;\nfirst plan {cols[2]:.3f} s, second plan {cols[3]:.3f} s")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
