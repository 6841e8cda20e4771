"""Import the shared legal-document registries into rules/ (rerun by hand when the reference data changes).

Usage: python tools/import_legal_registry.py [REFERENCE_DIR] [RULES_DIR]
       (defaults: ../shared/reference and rules/ of this checkout)

Reads ``legal-consensus.yaml`` (dates agreed by many citing documents) and ``legal-headers.yaml`` (documents' own
headers) and writes ``rules/legal-consensus.json`` and ``rules/legal-headers.json``: one entry per key with its
date, its strength and where it comes from. Keys are the data's own (``85/2016/ND/CP``; a number without a year
with the year of its date, ``749/QD/TTG@2020``; a local number with its province, ``471/QD/UBND@2025@BAC_NINH``);
entries without a key are left out (counted in ``meta``). Several headers of one key (the page's metadata and the
"Số: …" line) become one entry; a key whose headers disagree on the date is left out. The output depends on the
input alone (no clock, sorted by key), so rerunning the tool reproduces the committed files byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "public crawl of ~14,000 legal texts (thuvienphapluat.vn and others, 11/2025-12/2025)"


def _load(path: Path) -> Any:
    yaml = YAML(typ="safe")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return yaml.load(path.read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _province(key: str) -> str | None:
    """"471/QD/UBND@2025@BAC_NINH" → "BAC_NINH"; national keys have none."""
    parts = key.split("@")
    last = parts[-1]
    return last if len(parts) > 1 and not last.isdigit() else None


def consensus(src: Path) -> tuple[list[dict[str, object]], dict[str, int]]:
    data = _load(src)
    out: list[dict[str, object]] = []
    skipped = 0
    for e in data["entries"]:
        key = e.get("key")
        if not key or not e.get("date"):
            skipped += 1
            continue
        out.append({
            "key": key, "number": e["number"], "type": e.get("type"), "issuer": e.get("issuer"),
            "date": str(e["date"]), "strength": "consensus", "province": _province(key),
            "citations": int(e["citations"]), "documents": int(e["files"]),
            "agreement": round(float(e["agreement"]), 3), "title": e.get("title"),
            "source": f"rules/legal-consensus.json {key}: {e['citations']} dated citations in {e['files']} documents, "
                      f"{round(float(e['agreement']) * 100)}% on this date ({CORPUS})",
        })
    out.sort(key=lambda x: str(x["key"]))
    return out, {"read": len(data["entries"]), "skipped_no_key": skipped}


def headers(src: Path) -> tuple[list[dict[str, object]], dict[str, int]]:
    data = _load(src)
    by_key: dict[str, list[dict[str, Any]]] = {}
    skipped = 0
    for h in data["headers"]:
        if not h.get("key") or not h.get("date"):
            skipped += 1
            continue
        by_key.setdefault(h["key"], []).append(h)
    out: list[dict[str, object]] = []
    conflicting = 0
    for key in sorted(by_key):
        group = by_key[key]
        if len({str(h["date"]) for h in group}) > 1:
            conflicting += 1
            continue
        meta = next((h for h in group if h.get("src") == "meta"), group[0])  # the page's metadata: cleaner issuer
        files = sorted({str(h["file"]) for h in group})
        out.append({
            "key": key, "number": meta["number"], "type": next((h["type"] for h in group if h.get("type")), None),
            "issuer": meta.get("issuer"), "date": str(meta["date"]), "strength": "header",
            "province": _province(key), "signer": next((h["signer"] for h in group if h.get("signer")), None),
            "source": f"rules/legal-headers.json {key}: the document's own header ({', '.join(files)}; {CORPUS})",
        })
    return out, {"read": len(data["headers"]), "skipped_no_key": skipped, "conflicting_dates": conflicting}


def render(name: str, src: Path, entries: list[dict[str, object]], counts: dict[str, int], strength: str) -> str:
    """JSON (parsed about 30 times faster than the same data as YAML), one entry per line so a diff stays readable."""
    meta = {
        "generated_by": "tools/import_legal_registry.py (do not edit by hand: rerun it; tests/test_national.py checks "
                        "that a rerun reproduces this file byte for byte)",
        "name": name, "input": f"shared/reference/{src.name}", "input_sha256": _sha(src), "strength": strength,
        "trust": "Not verified against the Official Gazette: a finding resting on an entry says so and names it.",
        "entries": len(entries), **counts,
    }
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entries)
    return '{\n  "meta": ' + json.dumps(meta, ensure_ascii=False) + ',\n  "entries": [\n' + lines + "\n  ]\n}\n"


STRENGTH_NOTES = {
    "consensus": "consensus: >= 3 dated citations in >= 2 documents, >= 90% on one date (citations, documents).",
    "header": "header: the date in the document's own header (Số, ngày), as crawled.",
}


def build(ref_dir: Path) -> dict[str, str]:
    """File name in rules/ → its text."""
    c_src, h_src = ref_dir / "legal-consensus.yaml", ref_dir / "legal-headers.yaml"
    c, c_counts = consensus(c_src)
    h, h_counts = headers(h_src)
    return {
        "legal-consensus.json": render("consensus", c_src, c, c_counts, STRENGTH_NOTES["consensus"]),
        "legal-headers.json": render("headers", h_src, h, h_counts, STRENGTH_NOTES["header"]),
    }


def main(argv: list[str]) -> int:
    ref_dir = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference"
    rules = Path(argv[1]) if len(argv) > 1 else ROOT / "rules"
    for name, text in build(ref_dir).items():
        (rules / name).write_text(text, encoding="utf-8")
        print(f"{rules / name}: {len(json.loads(text)['entries'])} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
