"""Agreement table: every text plan rendered through every layout variant (tests/layouts.py) gives the same
findings (rule ids and kinds, and the status) as the plan as written.

usage: python benchmarks/layouts.py [--verbose]     (run from the repository root, with the test extras installed)

Prints, per variant, how many plans agree exactly and the share of findings in common (Jaccard over the
multiset of (id, kind)); --verbose also prints each disagreement.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from layouts import (  # noqa: E402
    OFFICE_PDF,
    OFFICE_PDF_TEXT,
    VARIANTS,
    Outcome,
    blocks_of,
    corpus,
    office_pdfs,
    outcome,
    pdftotext_layout,
)

from checker.rules.loader import load_packs  # noqa: E402


def jaccard(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> float:
    ca, cb = Counter(a), Counter(b)
    union = sum((ca | cb).values())
    return 1.0 if union == 0 else sum((ca & cb).values()) / union


def agreement(verbose: bool = False) -> dict[str, tuple[int, int, float]]:
    packs = load_packs()
    plans = corpus()
    rows: dict[str, tuple[int, int, float]] = {}
    originals = {p: outcome(p, packs) for p in plans}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in VARIANTS.items():
            rendered = {}
            for p in plans:
                folder = Path(tmp) / name / p.stem
                folder.mkdir(parents=True)
                rendered[p] = outcome(make(blocks_of(p), folder), packs)
            rows[name] = _row(name, originals, rendered, verbose)
        made = _made(OFFICE_PDF, lambda folder: office_pdfs(plans, folder), Path(tmp) / OFFICE_PDF)
        if made is not None:
            rows[OFFICE_PDF] = _row(OFFICE_PDF, originals, {p: outcome(f, packs) for p, f in made.items()}, verbose)
            pdfs = made
            text = _made(OFFICE_PDF_TEXT, lambda folder: pdftotext_layout(pdfs, folder), Path(tmp) / OFFICE_PDF_TEXT)
            if text is not None:
                got = {p: outcome(f, packs) for p, f in text.items()}
                rows[OFFICE_PDF_TEXT] = _row(OFFICE_PDF_TEXT, originals, got, verbose)
    return rows


def _row(name: str, originals: dict[Path, Outcome], rendered: dict[Path, Outcome], verbose: bool
         ) -> tuple[int, int, float]:
    """(plans agreeing, plans, mean share of findings in common) of one variant."""
    same, shares = 0, []
    for p, got in rendered.items():
        want = originals[p]
        shares.append(jaccard(want[1], got[1]) if want[0] == got[0] else 0.0)
        if got == want:
            same += 1
        elif verbose:
            lost = sorted((Counter(want[1]) - Counter(got[1])).elements())
            extra = sorted((Counter(got[1]) - Counter(want[1])).elements())
            print(f"  {name:26s} {p.name[:36]:36s} status {want[0]}→{got[0]} lost {lost} extra {extra}")
    return same, len(rendered), sum(shares) / len(shares) if shares else 1.0


def _made(name: str, make: Callable[[Path], dict[Path, Path]], folder: Path) -> dict[Path, Path] | None:
    """The files ``make`` writes into ``folder`` (LibreOffice's PDFs, pdftotext's texts); None, said once, where
    the tool is absent (``make`` skips as the tests do)."""
    import pytest

    folder.mkdir(parents=True)
    try:
        return make(folder)
    except pytest.skip.Exception as why:
        print(f"{name}: skipped ({why})")
        return None


def main() -> None:
    rows = agreement("--verbose" in sys.argv)
    print(f"{'variant':40s} {'plans agreeing':>15s} {'findings in common':>19s}")
    for name, (same, total, share) in rows.items():
        print(f"{name:40s} {f'{same}/{total}':>15s} {share:>18.1%}")


if __name__ == "__main__":
    main()
