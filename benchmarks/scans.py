"""How well scanned plans are read by OCR (checker/ingest/ocr.py), measured (never asserted).

    python benchmarks/scans.py                      # every Word plan of tests/fixtures/plans, scanned at 200 dpi
    python benchmarks/scans.py --dpi 300 --only xa-vinh
    python benchmarks/scans.py --skew 1.5 --stamp --noise 0.002   # a crooked page, a red seal, dust

Each Word plan of the fixtures is printed to PDF by LibreOffice (its text layer: what the checker reads best), each
page of that PDF drawn as a picture (``pdftoppm``, grey, ``--dpi``) and put back in a PDF of pictures only (fpdf2),
as a scanner gives it: ``--skew`` turns each picture by that many degrees (a page fed crooked: 0.5-2), ``--stamp``
draws a red seal (grey in the picture) over the signature of the last page, ``--noise`` sprinkles that share of the
pixels with black and white dots (dust, a fax). Both are checked (``check FILE --format json -j 1 --timeout 0``);
the error and warning findings (rule, kind) of the scan are compared with the text PDF's: the same, a defect missed,
a finding added. ``--keep DIR`` keeps the PDFs there (and reuses LibreOffice's from an earlier run).
Needs LibreOffice, poppler-utils and Tesseract with its Vietnamese model; prints the time each scan took.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "tests" / "fixtures" / "plans"


def loud(pdf: Path, out: Path) -> tuple[str, set[tuple[str, str]]]:
    proc = subprocess.run([sys.executable, "-m", "checker", str(pdf), "--format", "json", "-o", str(out), "-j", "1",
                           "--timeout", "0"], capture_output=True, text=True, cwd=out)
    plan = json.loads(proc.stdout)["plans"][0]
    return plan["status"], {(f["id"], f["kind"]) for f in plan["findings"] if f["severity"] != "info"}


def stamped(page: Any, pdf: Path, number: int, dpi: int) -> Any:
    """The page's picture with a red seal (a ring, a star, a name around it), grey as a grey scan gives it, over
    the signature: the right half's last words of the page (``pdftotext -bbox``)."""
    from PIL import ImageDraw

    boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = [(float(m[1]), float(m[2]), float(m[3]), float(m[4]))
             for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes)]
    scale = dpi / 72
    right = [w for w in words if w[0] * scale > page.width / 2]
    if not right:
        return page
    foot = max(w[3] for w in right)
    block = [w for w in right if w[3] > foot - 100]  # the signature: title, signer's name, the space between
    cx = (min(w[0] for w in block) + max(w[2] for w in block)) / 2 * scale
    cy = (min(w[1] for w in block) + foot) / 2 * scale
    r = 0.8 * dpi  # a seal 40 mm across
    rgb = page.convert("RGB")
    draw = ImageDraw.Draw(rgb)
    red = (200, 30, 40)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(2, dpi // 40))
    draw.ellipse((cx - 0.72 * r, cy - 0.72 * r, cx + 0.72 * r, cy + 0.72 * r), outline=red, width=max(1, dpi // 100))
    star = [(cx + 0.3 * r * (1 if k % 2 == 0 else 0.4) * math.sin(k * math.pi / 5),
             cy - 0.3 * r * (1 if k % 2 == 0 else 0.4) * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=red)
    for k, letter in enumerate("UY BAN NHAN DAN * HAI PHONG *"):
        a = -math.pi * 0.85 + k * math.pi * 1.7 / 28
        draw.text((cx + 0.86 * r * math.sin(a) - 4, cy - 0.86 * r * math.cos(a) - 6), letter, fill=red)
    return rgb.convert("L")


def noisy(page: Any, share: float, seed: int) -> Any:
    """The picture with ``share`` of its pixels turned black or white at random (dust, a fax's specks)."""
    rng = random.Random(seed)
    px = page.load()
    for _ in range(int(page.width * page.height * share)):
        px[rng.randrange(page.width), rng.randrange(page.height)] = rng.choice((0, 255))
    return page


def scan_of(pdf: Path, folder: Path, dpi: int, skew: float = 0.0, stamp: bool = False, noise: float = 0.0) -> Path:
    from fpdf import FPDF
    from PIL import Image

    pages = folder / pdf.stem
    shutil.rmtree(pages, ignore_errors=True)
    pages.mkdir()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pages / "p")], check=True)
    scan = FPDF(format="A4")
    drawn = sorted(pages.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    for k, page in enumerate(drawn, start=1):
        if skew or noise or (stamp and k == len(drawn)):
            picture = Image.open(page).convert("L")
            if stamp and k == len(drawn):
                picture = stamped(picture, pdf, k, dpi)
            if skew:
                picture = picture.rotate(skew if k % 2 else -skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
            if noise:
                picture = noisy(picture, noise, k)
            picture.save(page)
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
    ap.add_argument("--only", default="", help="only the plans whose file name holds this (or one of these, "
                    "comma-separated)")
    ap.add_argument("--compliant", action="store_true", help="only the compliant plans (the false alarms)")
    ap.add_argument("--skew", type=float, default=0.0, help="turn each page by this many degrees (odd pages "
                    "anticlockwise, even pages clockwise)")
    ap.add_argument("--stamp", action="store_true", help="a red seal over the last page's signature")
    ap.add_argument("--keep", default="", help="keep the PDFs in this folder (LibreOffice's reused)")
    ap.add_argument("--noise", type=float, default=0.0, help="this share of the pixels made black or white dots")
    args = ap.parse_args()
    import yaml

    index = yaml.safe_load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
    docx = sorted(p for p in PLANS.glob("*.docx") if any(o in p.name for o in args.only.split(","))
                  and (index.get(p.name, {}).get("compliant") or not args.compliant))
    with tempfile.TemporaryDirectory(prefix="check-scans-") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        todo = [p for p in docx if not (folder / f"{p.stem}.pdf").is_file()]
        if todo:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, todo)],
                           capture_output=True, timeout=1800, check=False)
        clean = compliant = false = found = defects = added = 0
        for plan in docx:
            pdf = folder / f"{plan.stem}.pdf"
            if not pdf.is_file():
                print(f"{plan.name}: LibreOffice gave no PDF")
                continue
            scan = scan_of(pdf, folder, args.dpi, args.skew, args.stamp, args.noise)
            start = time.perf_counter()
            status, from_scan = loud(scan, folder)
            seconds = time.perf_counter() - start
            _status, from_text = loud(pdf, folder)
            is_compliant = bool(index.get(plan.name, {}).get("compliant"))
            if is_compliant:
                compliant += 1
                clean += not from_scan
                false += len(from_scan)
            else:
                defects += len(from_text)
                found += len(from_text & from_scan)
                added += len(from_scan - from_text)
            print(f"{plan.stem:50s} {'compliant' if is_compliant else 'defective'} {status:10s} {seconds:5.1f} s  "
                  f"missed {sorted(from_text - from_scan)}  added {sorted(from_scan - from_text)}", flush=True)
        print(f"\ncompliant scans without an error or warning: {clean}/{compliant} (their errors and warnings: "
              f"{false}); defects of the text PDF found in "
              f"the scan: {found}/{defects}; findings added on defective scans: {added} (at {args.dpi} dpi"
              f"{f', skew {args.skew:g} degrees' if args.skew else ''}{', a seal' if args.stamp else ''}"
              f"{f', noise {args.noise:g}' if args.noise else ''})")


if __name__ == "__main__":
    main()
