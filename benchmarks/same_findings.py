"""Findings before and after a change, compared: proof that a speed-up changed nothing a user sees.

    python benchmarks/same_findings.py save before.json      # on the commit before the change
    python benchmarks/same_findings.py save after.json       # on the change
    python benchmarks/same_findings.py diff before.json after.json

The plans: every text plan in the folders of tests/fixtures (Markdown ones when an index.yaml lists them; not
the rounds' records), the seeds and the reviewed plans in ../shared (when present),
and generated plans of real length (benchmarks/plans.py, --generated N, default 300). Each is checked in this
process, as the command does (general checks on; once more with --strict), and its whole result (status, unit,
every finding with its line, quote and message) is written as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared"


def plans(generated: int, tmp: Path) -> list[Path]:
    import yaml

    import plans as gen

    fixtures = ROOT / "tests" / "fixtures"  # plans sit in its folders; its top holds the rounds' records (.md)
    listed = {p.parent / name for p in fixtures.rglob("index.yaml")
              for name in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("plans", {})}
    files = sorted(p for p in fixtures.rglob("*")
                   if p.parent != fixtures and (p.suffix == ".txt" or p.suffix == ".md" and p in listed))
    for folder in (SHARED / "seeds", SHARED / "plans-reviewed"):
        if folder.is_dir():
            files += sorted(p for p in folder.glob("*.txt"))
    return files + gen.generate(tmp / "generated", generated)


def save(out: Path, generated: int) -> None:
    from checker.pipeline import check_file
    from checker.rules.loader import load_general, load_packs

    packs, general = load_packs(), load_general()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in plans(generated, Path(tmp)):
            base = next(b for b in (Path(tmp), ROOT, SHARED.parent) if f.is_relative_to(b))
            name = str(f.relative_to(base))  # the same name whichever checkout runs this
            for strict in (False, True):
                r = check_file(f, packs, general=general, strict=strict)
                results[f"{name} strict={strict}"] = r.model_dump(mode="json", exclude={"path"})
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(results)} results written to {out}")


def diff(a: Path, b: Path) -> int:
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    bad = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for k in bad[:20]:
        print(f"DIFFERENT {k}\n  before: {json.dumps(before.get(k), ensure_ascii=False)[:600]}\n"
              f"  after:  {json.dumps(after.get(k), ensure_ascii=False)[:600]}")
    print(f"{len(before)} before, {len(after)} after, {len(bad)} different")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("out", type=Path)
    s.add_argument("--generated", type=int, default=300)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "save":
        save(args.out, args.generated)
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
