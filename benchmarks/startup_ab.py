"""Start-up of two (or more) installs of `check` compared, run by run, interleaved (measured, never asserted).

    python benchmarks/startup_ab.py before=/tmp/vbefore/bin/python after=/tmp/vafter/bin/python --repeat 21

Each install is a venv holding a wheel (`pip wheel .`, then `pip install` it in a fresh venv). For every run, every
step is timed in every install one after the other, so both see the same moments of a shared machine's load:
- ``python -c pass`` (the interpreter), ``import checker.cli``, that and the rule packs loaded, and
- ``python -m checker PLAN --format json -o OUT -q``: one plan end to end (benchmarks/plans.py's first plan).
Each figure is a median of wall seconds and of CPU seconds (user + system of the child, from ``getrusage``), with
its multiple of ``python -c pass`` measured in the same runs by the same install.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import child_env, load, wall_and_cpu  # noqa: E402

import plans as gen  # noqa: E402

PACKS = "import checker.cli; from checker.rules.loader import load_all, load_general; load_all([]); load_general([])"


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    wall, cpu, done = wall_and_cpu(cmd, cwd, child_env(cwd))
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}...: exit {done.returncode}\n{done.stderr}")
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("installs", nargs="+", metavar="NAME=PYTHON")
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()
    installs = dict(a.split("=", 1) for a in args.installs)
    print(f"load average before: {load()}; medians of {args.repeat} interleaved runs")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plan = gen.generate(tmp / "plans", 1)[0]
        steps = {
            "python -c pass": ["-c", "pass"],
            "import checker.cli": ["-c", "import checker.cli"],
            "+ rule packs loaded": ["-c", PACKS],
            "check PLAN --format json": ["-m", "checker", str(plan), "--format", "json", "-o", str(tmp / "out"), "-q"],
        }
        got: dict[tuple[str, str], list[tuple[float, float]]] = {(s, i): [] for s in steps for i in installs}
        for py in installs.values():
            for cmd in steps.values():
                timed([py, *cmd], tmp)  # bytecode compiled and cached once
        for _ in range(args.repeat):
            for step, cmd in steps.items():
                for inst, py in installs.items():
                    got[step, inst].append(timed([py, *cmd], tmp))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in got.items()}
    print(f"{'step':28s}" + "".join(f"{i + ' wall':>22s}{i + ' CPU':>22s}" for i in installs))
    for step in steps:
        row = f"{step:28s}"
        for inst in installs:
            (w, c), (bw, bc) = med[step, inst], med["python -c pass", inst]
            row += f"{w:10.3f} s ({w / bw:5.1f}×){c:10.3f} s ({c / bc:5.1f}×)"
        print(row)
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
