"""Speed and memory of `check` on plans of real length, beside textlint on the same files, measured (never asserted).

    python benchmarks/bench.py                          # everything, medians of 3 runs
    python benchmarks/bench.py --sizes 100 1000 --throughput 200 --repeat 3 --no-textlint

What it measures, each as the median of ``--repeat`` runs, every run a fresh process as a user starts it
(``python -m checker DIR --format json -o OUT -q``, start-up included):
- plans/s on one core (``-j 1``) and on all cores (default ``-j``), over ``--throughput`` plans;
- peak memory (RSS summed over the process tree, sampled every 50 ms) at each of ``--sizes`` plans, all cores;
- one plan end to end, process start included;
- textlint with a prh dictionary of the outdated names (the bodies registry: each name and what to write instead)
  over the same files: installed by npm into a temporary folder (skipped, and said so, where npm is absent or the
  install fails).
Plans come from benchmarks/plans.py: 400-950 lines each, many wordings, three text forms (clean, blank lines, OCR).
The machine's load average is printed before and after: on a shared machine read the ratios, not single numbers.
``check`` runs with its bytecode cached, as an installed package has it (pip compiles it at install), in a temporary
folder (PYTHONPYCACHEPREFIX; one run warms it before any is timed): with PYTHONDONTWRITEBYTECODE set, as in some
sandboxes, every run would compile the sources again and the start-up figure would measure the compiler.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import plans as gen  # noqa: E402


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of ``root`` and every process descended from it, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(fields[1])
        rss[int(d)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, seen, todo = 0, set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo += [c for c, p in parent.items() if p == pid]
    return total


def child_env(tmp: Path) -> dict[str, str]:
    """The environment ``check`` runs in: bytecode written to and read from ``tmp/pycache`` (never the tree)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def timed(cmd: list[str], cwd: Path, sample_memory: bool = False) -> tuple[float, float]:
    """Wall seconds and (when ``sample_memory``: sampling costs CPU) peak tree RSS (MB) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env(cwd))
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while sample_memory and not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    t = threading.Thread(target=sample)
    t.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    t.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])}...: exit {proc.returncode}\n{err.decode(errors='replace')[-2000:]}")
    return elapsed, peak / 2**20


def wall_and_cpu(cmd: list[str], cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds and CPU seconds (user + system of the run and its children: steadier on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, errors="replace", check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc


def check_cmd(folder: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "checker", str(folder), "--format", "json", "-o", str(out), "-q", *extra]


def textlint(tmp: Path) -> Path | None:
    """textlint + textlint-rule-prh installed into ``tmp`` by npm, configured with the outdated names; its
    executable, or None (with the reason printed)."""
    if shutil.which("npm") is None:
        print("textlint: skipped (npm absent)")
        return None
    from checker.rules.loader import load_packs

    pack = next(lp for lp in load_packs() if lp.bodies is not None)
    assert pack.bodies is not None
    lines = ["version: 1", "rules:"]
    for b in pack.bodies.bodies:
        lines.append(f"  - expected: {json.dumps(b.replacement, ensure_ascii=False)}")
        lines.append("    patterns:")
        lines += [f"      - {json.dumps(n, ensure_ascii=False)}" for n in b.names]
    (tmp / "prh.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(tmp / "prh.yml")]}}}),
                                          encoding="utf-8")
    (tmp / "package.json").write_text('{"private": true}', encoding="utf-8")
    got = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "textlint", "textlint-rule-prh"],
                         cwd=tmp, capture_output=True, text=True)
    exe = tmp / "node_modules" / ".bin" / "textlint"
    if got.returncode != 0 or not exe.exists():
        print(f"textlint: skipped (npm install failed: {got.stderr.strip()[-300:]})")
        return None
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"textlint {version} with textlint-rule-prh: {sum(len(b.names) for b in pack.bodies.bodies)} names "
          f"of {len(pack.bodies.bodies)} bodies")
    return exe


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3321])
    ap.add_argument("--throughput", type=int, default=300, help="plans for the plans/s figures")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--memory-repeat", type=int, help="runs at each size (default --repeat): N=3,321 is long")
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--memory-only", action="store_true", help="only peak memory at --sizes")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    print(f"load average before: {load()} on {cores} cores; medians of {args.repeat} runs")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        out = tmp / "out"
        every = gen.generate(tmp / "plans", max([args.throughput, *args.sizes]))
        lengths = sorted(len(p.read_text(encoding="utf-8").splitlines()) for p in every)
        print(f"plans: {len(every)} generated, {lengths[0]}-{lengths[-1]} lines (median {statistics.median(lengths)})")

        def folder(n: int) -> Path:
            f = tmp / f"n{n}"
            if not f.exists():
                f.mkdir()
                for p in every[:n]:
                    (f / p.name).symlink_to(p)
            return f

        few = folder(args.throughput)
        timed(check_cmd(every[0], out), tmp)  # bytecode compiled and cached once, as at install
        speed: dict[str, float] = {}
        ends: list[float] = []
        if not args.memory_only:
            for label, extra in (("one core (-j 1)", ["-j", "1"]), (f"all cores (-j {cores})", ["-j", str(cores)])):
                runs = [timed(check_cmd(few, out, *extra), tmp)[0] for _ in range(args.repeat)]
                speed[label] = args.throughput / statistics.median(runs)
                rows.append((f"check, {label}", f"{speed[label]:7.1f} plans/s"))
            exe = None if args.no_textlint else textlint(tmp)
            if exe is not None:
                files = sorted(str(p) for p in few.iterdir())
                runs = [timed([str(exe), "--config", str(tmp / ".textlintrc.json"), *files], tmp)[0]
                        for _ in range(args.repeat)]
                speed["textlint"] = args.throughput / statistics.median(runs)
                rows.append(("textlint + prh, one process", f"{speed['textlint']:7.1f} files/s"))
        memory: dict[int, float] = {}
        for n in args.sizes:
            got = [timed(check_cmd(folder(n), out), tmp, sample_memory=True)
                   for _ in range(args.memory_repeat or args.repeat)]
            memory[n] = statistics.median(r[1] for r in got)
            rate = n / statistics.median(r[0] for r in got)
            rows.append((f"check N={n}, all cores ({len(got)} runs)",
                         f"peak {memory[n]:6.1f} MB   {rate:6.1f} plans/s"))
        if not args.memory_only:
            ends = [timed(check_cmd(every[0], out), tmp)[0] for _ in range(max(5, args.repeat))]
            rows.append(("one plan end to end (start-up included)", f"{statistics.median(ends):.3f} s"))
        print()
        for k, v in rows:
            print(f"{k:45s} {v}")
        print("\nratios")
        if speed:
            one_core, all_cores = speed["one core (-j 1)"], speed[f"all cores (-j {cores})"]
            if "textlint" in speed:
                print(f"  one core / textlint              {one_core / speed['textlint']:5.2f}x  (target >= 1)")
            print(f"  all cores / one core             {all_cores / one_core:5.2f}x  (target >= 1.8)")
        if len(memory) > 1:
            lo, hi = min(memory), max(memory)
            print(f"  peak memory N={hi} / N={lo}     {memory[hi] / memory[lo]:5.2f}x  (target <= 1.2)")
        if ends:
            print(f"  one plan end to end              {statistics.median(ends):.3f} s (target <= 0.25 s)")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
