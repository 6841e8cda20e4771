"""One run of ``check PATH...``: find the files, check them on every core, settle each result (baseline,
waivers, Word annotations) and stream it to the reports; nothing of the batch is kept but the tally."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from checker.baseline import Baseline, apply_baseline, baseline_writer
from checker.batch import check_all
from checker.ingest import Limits
from checker.models import PlanResult, Report
from checker.pipeline import discover, rule_descriptions
from checker.report.output import Outputs
from checker.report.reviewer import ReviewerOptions
from checker.rules.loader import LoadedGeneral, LoadedPack

if TYPE_CHECKING:
    from checker.waivers import Waiver

LONG_BATCH = 20  # files: from here on a terminal shows a progress bar


@dataclass
class Options:
    formats: tuple[str, ...] = ()
    output: Path = Path("reports")
    fail_on: str = "error"
    lang: str = "vi"
    limits: Limits = field(default_factory=Limits)
    jobs: int = 1
    timeout: float | None = None
    accepted: Baseline | None = None
    waivers: list[Waiver] = field(default_factory=list)
    baseline_out: Path | None = None
    annotate: bool = False
    quiet: bool = False
    round_pack: LoadedPack | None = None  # --directive: every plan against this pack
    general: LoadedGeneral | None = None  # general checks of any administrative document (--general)
    strict: bool = False  # also documents in no registry (info)
    fail_on_general: str = "never"  # general findings change the exit code only from this level
    fix: bool = False  # --fix: write <name>.fixed.docx|.txt (checker.fix)
    diff: bool = False  # --diff: print the corrected copy's unified diff
    reviewer: ReviewerOptions | None = None  # the units expected, --previous, --letters
    on_fix: Callable[[Any], None] | None = None  # told each plan's checker.fix.Outcome (check serve counts them)
    start_method: str | None = None  # how worker processes start (checker.batch); check serve: "forkserver"


def settle(p: PlanResult, opts: Options) -> PlanResult:
    """Baseline and waivers applied to one plan's result."""
    report = Report(plans=[p], lang=opts.lang)  # type: ignore[arg-type]
    if opts.accepted is not None:
        report = apply_baseline(report, opts.accepted)
    if not opts.waivers:
        return report.plans[0]
    from checker.waivers import apply_waivers  # --waivers only

    return apply_waivers(report, opts.waivers).plans[0]


class _ClearingOut:
    """stdout on the terminal that also shows the progress bar: the bar's line is cleared before each write."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err

    def write(self, text: str) -> int:
        self.err.write("\r\x1b[K")
        self.err.flush()
        return self.out.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.out, name)


def _progress(results: Iterator[PlanResult], total: int, lang: str) -> Iterator[PlanResult]:
    label = "Checking" if lang == "en" else "Đang kiểm tra"
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True) as bar:
        for p in results:
            yield p
            bar.update(1)


def _fix(p: PlanResult, opts: Options, out: Any, note: Callable[[str], None]) -> None:
    from checker.fix import fix_report, status_line

    for o in fix_report(Report(plans=[p], lang=opts.lang), write=opts.fix):  # type: ignore[arg-type]
        if opts.on_fix is not None:
            opts.on_fix(o)
        if opts.diff and o.diff:
            out.write(o.diff)
        if opts.fix or o.notes or o.skipped:
            note(status_line(o, opts.lang))


def gather(paths: tuple[Path, ...]) -> tuple[list[PlanResult], list[Path]]:
    """The paths that do not exist (as results saying so) and the plan files found under the others."""
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    missing = [PlanResult(path=str(p), status="unreadable", reason=f"{p}: không tìm thấy tệp hoặc thư mục")
               for p in paths if p not in existing]
    return missing, list(discover(existing))


def results(missing: list[PlanResult], files: list[Path], packs: list[LoadedPack], opts: Options, out: Any,
            note: Callable[[str], None]) -> Iterator[PlanResult]:
    """Every plan's settled result, in input order, its Word annotations and corrected copy written as asked
    (``--annotate``, ``--fix``): what ``check`` writes its reports from, and ``check serve`` its pages."""
    checked: Iterator[PlanResult] = check_all(files, packs, opts.limits, opts.lang, opts.jobs, opts.timeout,
                                              opts.round_pack, opts.general, opts.strict, opts.start_method)
    if not opts.quiet and len(files) >= LONG_BATCH and sys.stderr.isatty():
        checked = _progress(checked, len(files), opts.lang)
    annotate: Callable[[Report], list[str]] | None = None
    if opts.annotate:
        from checker.annotate import annotate_report

        annotate = annotate_report
    for p in chain(missing, checked):
        p = settle(p, opts)
        if annotate is not None:
            for line in annotate(Report(plans=[p], lang=opts.lang)):  # type: ignore[arg-type]
                note(line)
        if opts.fix or opts.diff:
            _fix(p, opts, out, note)
        yield p


def run(paths: tuple[Path, ...], packs: list[LoadedPack], opts: Options, stdout: TextIO,
        note: Callable[[str], None]) -> int:
    """Check ``paths``, write the reports, ``note`` each line meant for stderr; return the exit code."""
    missing, files = gather(paths)
    bar = not opts.quiet and len(files) >= LONG_BATCH and sys.stderr.isatty()
    out: Any = _ClearingOut(stdout, sys.stderr) if bar and stdout.isatty() else stdout
    outputs = Outputs(opts.formats, opts.output, opts.lang, rule_descriptions(packs, opts.general), out,
                      opts.reviewer)
    baseline_file = None
    if opts.baseline_out:
        opts.baseline_out.parent.mkdir(parents=True, exist_ok=True)
        baseline_file = opts.baseline_out.open("w", encoding="utf-8")
        baseline = baseline_writer(baseline_file)
    for p in results(missing, files, packs, opts, out, note):
        outputs.add(p)
        if baseline_file is not None:
            baseline.add(p)
    lines = outputs.close()
    if baseline_file is not None:
        baseline.close(outputs.tally.summary())
        baseline_file.close()
        lines.insert(0, f"baseline: {opts.baseline_out}")
    if not opts.quiet:
        for line in lines:
            note(line)
    return outputs.tally.exit_code(opts.fail_on, opts.fail_on_general)
