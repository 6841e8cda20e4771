"""``check PATH...``: options → check_paths() → render → exit code (0 clean, 1 findings at --fail-on, 2 unusable)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.baseline import apply_baseline, load_baseline, write_baseline
from checker.commands import SUBCOMMANDS
from checker.errors import CheckerError
from checker.ingest import Limits
from checker.models import SEVERITY_RANK, PlanResult, Report
from checker.pipeline import check_paths
from checker.report import FORMATS
from checker.report.output import outputs
from checker.rules.loader import load_all, round_of
from checker.waivers import apply_waivers, load_waivers


def exit_code(report: Report, fail_on: str) -> int:
    if not report.plans or all(p.status == "unreadable" for p in report.plans):
        return 2
    if fail_on == "never":
        return 0
    bar = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= bar for p in report.plans for f in p.findings if f.suppressed is None)
    return 1 if hit else 0


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "formats", multiple=True, type=click.Choice(sorted(FORMATS)),
              help="text (mặc định, kèm báo cáo HTML), json, html, ...; lặp lại để ghi nhiều định dạng")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="thư mục ghi báo cáo")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="thư mục (hoặc tệp) bộ quy tắc YAML; lặp lại để dùng nhiều bộ")
@click.option("--directive", help="đợt kiểm tra theo một văn bản (ví dụ 215/KH-UBND): mọi kế hoạch theo bộ của nó")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="mức nghiêm trọng làm lệnh trả mã 1")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--max-size", type=click.IntRange(1), default=20, show_default=True, help="giới hạn cỡ tệp (MB)")
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path),
              help="kết quả JSON trước đó: các phát hiện đã có không tính nữa")
@click.option("--write-baseline", "baseline_out", type=click.Path(path_type=Path), help="ghi kết quả làm baseline")
@click.option("--waivers", "waivers_file", type=click.Path(path_type=Path), help="tệp YAML các miễn trừ đã chấp nhận")
@click.option("--annotate", is_flag=True, help="ghi <tên>.checked.docx có nhận xét Word cho mỗi phát hiện")
def check_command(paths: tuple[Path, ...], formats: tuple[str, ...], output: Path, rules_dirs: tuple[Path, ...],
                  directive: str | None, fail_on: str, lang: str, max_size: int, baseline_file: Path | None,
                  baseline_out: Path | None, waivers_file: Path | None, annotate: bool) -> None:
    """Kiểm tra kế hoạch của xã, phường, đặc khu so với văn bản chỉ đạo (bộ quy tắc YAML)."""
    try:
        packs = load_all(list(rules_dirs))
        round_pack = round_of(packs, directive)
        waivers = load_waivers(waivers_file) if waivers_file else []
        accepted = load_baseline(baseline_file) if baseline_file else None
    except CheckerError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(2)
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    report = check_paths(existing, packs, Limits(max_bytes=max_size * 1024 * 1024), lang, round_pack)
    missing = [PlanResult(path=str(p), status="unreadable", reason=f"{p}: không tìm thấy tệp hoặc thư mục")
               for p in paths if p not in existing]
    report = report.model_copy(update={"plans": missing + list(report.plans)})
    report = apply_waivers(apply_baseline(report, accepted) if accepted is not None else report, waivers)
    if baseline_out:
        click.echo(f"baseline: {write_baseline(report, baseline_out)}", err=True)
    if annotate:
        from checker.annotate import annotate_report

        for line in annotate_report(report):
            click.echo(line, err=True)
    for out, text, err in outputs(report, formats, output, lang):
        click.echo(text, nl=not out, err=err)
    sys.exit(exit_code(report, fail_on))


def main(argv: list[str] | None = None) -> None:
    """Entry point. A first word naming a subcommand runs it, unless a file or folder of that name exists:
    ``check ./rules`` and a folder named ``diff`` stay checkable."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and wants_subcommand(args):
        SUBCOMMANDS[args[0]].main(args=args[1:], prog_name=f"check {args[0]}")
        return
    check_command.main(args=args, prog_name="check")


def wants_subcommand(args: list[str]) -> bool:
    """``rules``/``diff`` run their subcommand unless a path of that name exists and the words after it do not
    fit the subcommand (``rules validate|schema``; ``diff OLD NEW`` with two files). Written as a path
    (``./rules``, ``diff/``), it is always a path."""
    name = args[0]
    if name not in SUBCOMMANDS:
        return False
    if not Path(name).exists():
        return True
    rest = [a for a in args[1:] if not a.startswith("-")]
    if name == "rules":
        return bool(rest) and rest[0] in ("validate", "schema", "test", "draft")
    if name == "diff":
        return len(rest) == 2 and all(Path(a).is_file() for a in rest)
    return False
