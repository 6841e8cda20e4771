"""The reviewer's desk over the whole city, measured (never asserted): `check DIR` plain (text + HTML index) against
the same run writing the workbook and the letters too.

    python benchmarks/desk.py                      # the 114 units of the registry, 3 runs of each
    python benchmarks/desk.py --repeat 5 --keep /tmp/city   # keep the batch and the outputs to look at

The batch is generated (tests/helpers_batch.py): one plan per unit of the pack's unit registry, a mix of compliant
plans and plans with one to three defects, as .txt, .md and .docx in turn; ``--left-out`` units send nothing and
one unit sends a second plan dated later (the index must list both). Each run is a fresh `check` process, as a
reviewer runs it, with its output in a fresh folder. Machines are shared and noisy: read medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import wall_and_cpu  # noqa: E402
from helpers_batch import city_batch, plan_text, registry_units, write_plan  # noqa: E402

RUNS = {
    "plain": [],
    "xlsx+letters": ["--format", "xlsx", "--letters"],
    "html+xlsx+letters": ["--format", "html", "--format", "xlsx", "--letters"],
}


def make_city(folder: Path, left_out: int) -> dict[str, object]:
    units = registry_units()
    gone = {int((k + 0.5) * len(units) / left_out) for k in range(left_out)} if left_out else set()
    sent = [u for k, u in enumerate(units) if k not in gone]  # units from all over the registry send nothing
    made = city_batch(folder, sent, formats=("txt", "md", "docx"))
    twice = next(k for k in range(len(sent) // 2, len(sent)) if 1 + k % 28 < 20)  # a unit whose plan is dated
    name, utype, short = sent[twice]                                                # before the 20th
    write_plan(folder / "zz-ban-sua-doi.docx", plan_text(utype, short, 999, 28))  # the same unit, later, revised
    kinds: dict[str, int] = {}
    for u in registry_units():
        kinds[u[1]] = kinds.get(u[1], 0) + 1
    return {"registry": len(units), "by_type": kinds, "files": len(made) + 1,
            "compliant": sum(1 for g in made if not g.defects), "left_out": [units[k][0] for k in sorted(gone)],
            "twice": name}


def timed(city: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the run and its workers: steadier on a busy machine)."""
    if out.exists():
        shutil.rmtree(out)
    took, cpu, proc = wall_and_cpu([sys.executable, "-m", "checker", str(city), "-o", str(out), "--quiet", *extra])
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return took, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--left-out", type=int, default=3, help="units of the registry that send nothing")
    ap.add_argument("--keep", type=Path, help="make the batch and the outputs here (kept) instead of a temp folder")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="desk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    city = work / "nop"
    if city.exists():
        shutil.rmtree(city)
    info = make_city(city, args.left_out)
    times: dict[str, list[float]] = {k: [] for k in RUNS}
    cpu: dict[str, list[float]] = {k: [] for k in RUNS}
    for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits every kind of run alike
        for name, extra in RUNS.items():
            wall, used = timed(city, work / f"out-{name}", extra)
            times[name].append(wall)
            cpu[name].append(used)
    plain, plain_cpu = statistics.median(times["plain"]), statistics.median(cpu["plain"])
    result = {**info, "repeat": args.repeat,
              "median_s": {k: round(statistics.median(v), 2) for k, v in times.items()},
              "runs_s": {k: [round(x, 2) for x in v] for k, v in times.items()},
              "ratio_to_plain": {k: round(statistics.median(v) / plain, 2) for k, v in times.items()},
              "median_cpu_s": {k: round(statistics.median(v), 2) for k, v in cpu.items()},
              "cpu_ratio_to_plain": {k: round(statistics.median(v) / plain_cpu, 2) for k, v in cpu.items()}}
    out = work / "out-html+xlsx+letters"
    result["letters"] = len(list((out / "thu-gop-y").glob("*.docx")))
    result["xlsx_bytes"] = (out / "tong-hop.xlsx").stat().st_size
    result["outputs"] = str(work) if args.keep else "(removed)"
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
