"""Size of the national registry by strength, and what looking citations up in it costs per document (measured,
never asserted).

    python benchmarks/registry.py                 # the seeds and reviewed plans of ../shared, plus generated ones
    python benchmarks/registry.py --repeat 9 --generated 40

Documents are parsed once; what is timed is the legal-references check of the general pack on each parsed document
(every citation keyed and looked up, findings built), against the same check over the hand-verified registry alone
(the imported registries left out), so the ratio is the cost of the imported registries. Generated documents cite
20 registry entries each (some with a wrong date). Loading the registries and building the index, done once per
run, are timed apart. Machines are shared and noisy: read medians and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.checks.base import Context  # noqa: E402
from checker.checks.references import check, national_index, registry_key  # noqa: E402
from checker.ingest import read  # noqa: E402
from checker.models import Plan  # noqa: E402
from checker.parse import parse  # noqa: E402
from checker.rules.loader import LoadedGeneral, load_general  # noqa: E402
from checker.rules.schema import LegalReferences  # noqa: E402

SHARED = ROOT.parent / "shared"
HEAD = ("ỦY BAN NHÂN DÂN\nXÃ THỬ NGHIỆM\nSố: 1/KH-UBND\nThử Nghiệm, ngày 01 tháng 12 năm 2025\nKẾ HOẠCH\nThử\n\n"
        "I. CĂN CỨ\n")


def sizes(general: LoadedGeneral) -> dict[str, object]:
    strength: Counter[str] = Counter()
    if general.references is not None:
        for d in general.references.docs:
            strength["verified" if d.verified is True else "unverified"] += 1
    keys: set[str] = set()
    recognised = 0
    citers: Counter[str] = Counter()  # consensus entries by how many documents cite them with that date
    for reg in general.national:
        for e in reg.entries:
            strength[e.strength] += 1
            if e.strength == "consensus" and e.documents is not None:
                n = e.documents
                citers[str(n) if n <= 4 else "5-9" if n < 10 else "10+"] += 1
            keys.add(e.key)
            recognised += registry_key(e.number) is not None
    index = national_index(general)
    order = ["2", "3", "4", "5-9", "10+"]
    return {"entries_by_strength": dict(strength),
            "consensus_by_citers": {k: citers[k] for k in order if citers[k]}, "imported_keys": len(keys),
            "imported_entries_the_parser_recognises": recognised,
            "index_keys": len(index.exact), "provinces": len(index.provinces)}


def generated(general: LoadedGeneral, n: int, rng: random.Random) -> list[Plan]:
    entries = [e for reg in general.national for e in reg.entries if registry_key(e.number)]
    plans = []
    for k in range(n):
        lines = []
        for e in rng.sample(entries, 20):
            when = e.date + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
            issuer = f" của UBND tỉnh {e.province.replace('_', ' ').title()}" if e.province else ""
            lines.append(f"- Căn cứ {e.type or 'Văn bản'} số {e.number} ngày {when.day}/{when.month}/{when.year}"
                         f"{issuer};")
        from checker.ingest.txt import lines_of
        from checker.models import Document

        plans.append(parse(Document(path=f"gen-{k}.txt", format="txt", lines=lines_of(HEAD + "\n".join(lines)))))
    return plans


def shared_plans() -> list[Plan]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "plans-reviewed").glob("*.txt"))
    out = []
    for f in files:
        try:
            out.append(parse(read(f)))
        except Exception:  # an unreadable seed is not a document to look citations up in
            continue
    return out


def per_document(plans: list[Plan], general: LoadedGeneral, repeat: int) -> tuple[list[float], int]:
    rule = next(r for r in general.general.rules if isinstance(r, LegalReferences))
    ctx = Context(loaded=general)
    times: list[float] = []
    found = 0
    for plan in plans:
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            result = list(check(plan, rule, ctx))
            best = min(best, time.perf_counter() - t)
        found += len(result)
        times.append(best)
    return times, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--generated", type=int, default=20)
    args = ap.parse_args()
    t = time.perf_counter()
    general = load_general()
    assert general is not None
    load_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    national_index(general)
    index_ms = (time.perf_counter() - t) * 1000
    verified_only = load_general()
    assert verified_only is not None
    verified_only.national = []
    plans = shared_plans() + generated(general, args.generated, random.Random(10))
    citations = sum(len(p.references) for p in plans)
    full, found_full = per_document(plans, general, args.repeat)
    small, found_small = per_document(plans, verified_only, args.repeat)
    report = {
        "registry": sizes(general),
        "load_all_registries_ms": round(load_ms, 1),
        "build_index_ms": round(index_ms, 1),
        "documents": len(plans), "citations": citations,
        "per_document_ms_median": round(statistics.median(full) * 1000, 3),
        "per_document_ms_max": round(max(full) * 1000, 3),
        "per_citation_us_median": round(statistics.median(
            t / max(1, len(p.references)) for t, p in zip(full, plans, strict=True)) * 1e6, 1),
        "verified_only_per_document_ms_median": round(statistics.median(small) * 1000, 3),
        "ratio_full_to_verified_only": round(statistics.median(full) / statistics.median(small), 2),
        "findings_full": found_full, "findings_verified_only": found_small,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
