"""How well scanned plans are read by OCR (checker/ingest/ocr.py), measured (never asserted).

    python benchmarks/scans.py                      # every Word plan of tests/fixtures/plans, scanned at 200 dpi
    python benchmarks/scans.py --dpi 300 --only xa-vinh

Each Word plan of the fixtures is printed to PDF by LibreOffice (its text layer: what the checker reads best), each
page of that PDF drawn as a picture (``pdftoppm``, grey, ``--dpi``) and put back in a PDF of pictures only (fpdf2),
as a scanner gives it. Both are checked (``check FILE --format json -j 1 --timeout 0``); the error and warning
findings (rule, kind) of the scan are compared with the text PDF's: the same, a defect missed, a finding added.
Needs LibreOffice, poppler-utils and Tesseract with its Vietnamese model; prints the time each scan took.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "tests" / "fixtures" / "plans"


def loud(pdf: Path, out: Path) -> tuple[str, set[tuple[str, str]]]:
    proc = subprocess.run([sys.executable, "-m", "checker", str(pdf), "--format", "json", "-o", str(out), "-j", "1",
                           "--timeout", "0"], capture_output=True, text=True, cwd=out)
    plan = json.loads(proc.stdout)["plans"][0]
    return plan["status"], {(f["id"], f["kind"]) for f in plan["findings"] if f["severity"] != "info"}


def scan_of(pdf: Path, folder: Path, dpi: int) -> Path:
    from fpdf import FPDF
    from PIL import Image

    pages = folder / pdf.stem
    pages.mkdir()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pages / "p")], check=True)
    scan = FPDF(format="A4")
    for page in sorted(pages.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
        width, height = Image.open(page).size
        landscape = width > height
        scan.add_page(orientation="L" if landscape else "P")
        scan.image(str(page), x=0, y=0, w=297 if landscape else 210, h=210 if landscape else 297)
    out = folder / f"{pdf.stem}.scan.pdf"
    scan.output(str(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dpi", type=int, default=200, help="the scan's resolution (office scanners: 200-300)")
    ap.add_argument("--only", default="", help="only the plans whose file name holds this")
    args = ap.parse_args()
    import yaml

    index = yaml.safe_load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
    docx = sorted(p for p in PLANS.glob("*.docx") if args.only in p.name)
    with tempfile.TemporaryDirectory(prefix="check-scans-") as tmp:
        folder = Path(tmp)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx)],
                       capture_output=True, timeout=1800, check=False)
        clean = compliant = found = defects = added = 0
        for plan in docx:
            pdf = folder / f"{plan.stem}.pdf"
            if not pdf.is_file():
                print(f"{plan.name}: LibreOffice gave no PDF")
                continue
            scan = scan_of(pdf, folder, args.dpi)
            start = time.perf_counter()
            status, from_scan = loud(scan, folder)
            seconds = time.perf_counter() - start
            _status, from_text = loud(pdf, folder)
            is_compliant = bool(index.get(plan.name, {}).get("compliant"))
            if is_compliant:
                compliant += 1
                clean += not from_scan
            else:
                defects += len(from_text)
                found += len(from_text & from_scan)
                added += len(from_scan - from_text)
            print(f"{plan.stem:50s} {'compliant' if is_compliant else 'defective'} {status:10s} {seconds:5.1f} s  "
                  f"missed {sorted(from_text - from_scan)}  added {sorted(from_scan - from_text)}", flush=True)
        print(f"\ncompliant scans without an error or warning: {clean}/{compliant}; defects of the text PDF found in "
              f"the scan: {found}/{defects}; findings added on defective scans: {added} (at {args.dpi} dpi)")


if __name__ == "__main__":
    main()
