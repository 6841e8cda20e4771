"""``check PATH...``: options → checker.session.run() → exit code (0 clean, 1 findings at --fail-on, 2 unusable)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.baseline import load_baseline
from checker.batch import cores
from checker.errors import CheckerError
from checker.ingest import Limits
from checker.models import Report
from checker.report import CHOICES
from checker.report.reviewer import prepare
from checker.report.stream import Tally
from checker.rules.loader import load_all, load_general, round_of
from checker.session import Options, run
from checker.startup import resume

if TYPE_CHECKING:
    from checker.waivers import Waiver

SUBCOMMAND_NAMES = ("rules", "diff", "serve")  # checker.commands.SUBCOMMANDS, imported only when one is asked for
DEFAULT_TIMEOUT = 10.0  # seconds a file may take (a 900-line plan takes a few hundredths)


def exit_code(report: Report, fail_on: str, fail_on_general: str = "never") -> int:
    """0 clean, 1 findings at ``fail_on`` or above (general ones at ``fail_on_general``), 2 nothing usable
    (checker.report.stream.Tally)."""
    tally = Tally()
    for p in report.plans:
        tally.add(p)
    return tally.exit_code(fail_on, fail_on_general)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "formats", multiple=True, type=click.Choice(CHOICES),
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
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="đọc trang PDF ảnh quét bằng OCR (cần tesseract-ocr, tesseract-ocr-vie, poppler-utils)")
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path),
              help="kết quả JSON trước đó: các phát hiện đã có không tính nữa")
@click.option("--write-baseline", "baseline_out", type=click.Path(path_type=Path), help="ghi kết quả làm baseline")
@click.option("--waivers", "waivers_file", type=click.Path(path_type=Path), help="tệp YAML các miễn trừ đã chấp nhận")
@click.option("--annotate", is_flag=True, help="ghi <tên>.checked.docx có nhận xét Word cho mỗi phát hiện")
@click.option("-j", "--jobs", type=click.IntRange(1), default=cores, show_default="số lõi CPU",
              help="số tiến trình kiểm tra song song (1: lần lượt)")
@click.option("--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT, show_default=True,
              help="giây tối đa cho một tệp; quá thì báo tệp đó không kiểm tra được và đi tiếp (0: không giới hạn)")
@click.option("-q", "--quiet", is_flag=True, help="không hiện thanh tiến độ và các dòng thông báo trên stderr")
@click.option("--general/--no-general", default=True, show_default=True,
              help="kiểm tra chung mọi văn bản hành chính (ngày văn bản viện dẫn, cơ quan không còn, thể thức)")
@click.option("--strict", is_flag=True, help="báo cả văn bản viện dẫn không có trong danh mục (mức info)")
@click.option("--fail-on-general", type=click.Choice(["error", "warning", "info", "never"]), default="never",
              show_default=True, help="mức của kiểm tra chung làm lệnh trả mã 1 (mặc định: không tính)")
@click.option("--fix", "fix", is_flag=True, help="ghi <tên>.fixed.docx|.txt: chỗ sai có một cách sửa đúng được sửa "
              "(Word: theo dõi thay đổi), chỗ cần cân nhắc chỉ được nhận xét")
@click.option("--diff", "show_diff", is_flag=True, help="in diff hợp nhất của bản sửa (tệp .txt, .md)")
@click.option("--letters", is_flag=True, help="ghi thư góp ý .docx cho mỗi kế hoạch (mẫu: rules/letters.yaml)")
@click.option("--previous", "previous_file", type=click.Path(path_type=Path),
              help="báo cáo JSON của đợt trước: mỗi đơn vị đã khắc phục / mới / còn lại")
def check_command(paths: tuple[Path, ...], formats: tuple[str, ...], output: Path, rules_dirs: tuple[Path, ...],
                  directive: str | None, fail_on: str, lang: str, max_size: int, ocr: bool, baseline_file: Path | None,
                  baseline_out: Path | None, waivers_file: Path | None, annotate: bool, jobs: int, timeout: float,
                  quiet: bool, general: bool, strict: bool, fail_on_general: str, fix: bool,
                  show_diff: bool, letters: bool, previous_file: Path | None) -> None:
    """Kiểm tra kế hoạch của xã, phường, đặc khu so với văn bản chỉ đạo (bộ quy tắc YAML)."""
    try:
        packs = load_all(list(rules_dirs))
        round_pack = round_of(packs, directive)
        general_pack = load_general(list(rules_dirs)) if general else None
        reviewer = prepare([round_pack] if round_pack else packs, previous_file, letters, list(rules_dirs))
        waivers: list[Waiver] = []
        if waivers_file:
            from checker.waivers import load_waivers  # --waivers only

            waivers = load_waivers(waivers_file)
        accepted = load_baseline(baseline_file) if baseline_file else None
    except CheckerError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(2)
    finally:
        resume()  # the start-up is over: the plans are checked with the garbage collector on (checker.startup)
    opts = Options(formats=formats, output=output, fail_on=fail_on, lang=lang,
                   limits=Limits(max_bytes=max_size * 1024 * 1024, ocr=ocr), jobs=jobs, timeout=timeout or None,
                   accepted=accepted, waivers=waivers, baseline_out=baseline_out, annotate=annotate, quiet=quiet,
                   round_pack=round_pack, general=general_pack, strict=strict, fail_on_general=fail_on_general,
                   fix=fix, diff=show_diff, reviewer=reviewer)
    sys.exit(run(paths, packs, opts, sys.stdout, lambda line: click.echo(line, err=True)))


def main(argv: list[str] | None = None) -> None:
    """Entry point. A first word naming a subcommand runs it, unless a file or folder of that name exists:
    ``check ./rules`` and a folder named ``diff`` stay checkable."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and wants_subcommand(args):
        from checker.commands import SUBCOMMANDS  # imported only for a subcommand (check serve brings flask's)

        resume()  # checker.startup: a subcommand runs with the garbage collector on
        SUBCOMMANDS[args[0]].main(args=args[1:], prog_name=f"check {args[0]}")
        return
    check_command.main(args=args, prog_name="check")


def wants_subcommand(args: list[str]) -> bool:
    """``rules``/``diff`` run their subcommand unless a path of that name exists and the words after it do not
    fit the subcommand (``rules validate|schema``; ``diff OLD NEW`` with two files). Written as a path
    (``./rules``, ``diff/``), it is always a path."""
    name = args[0]
    if name not in SUBCOMMAND_NAMES:
        return False
    if not Path(name).exists():
        return True
    rest = [a for a in args[1:] if not a.startswith("-")]
    if name == "rules":
        return bool(rest) and rest[0] in ("validate", "schema", "test", "draft")
    if name == "diff":
        return len(rest) == 2 and all(Path(a).is_file() for a in rest)
    if name == "serve":  # beside a folder named "serve": only with serve's own options (check serve --port 8000)
        from checker.commands import SUBCOMMANDS

        own = {o for p in SUBCOMMANDS["serve"].params for o in [*p.opts, *p.secondary_opts]}
        given = [a.split("=", 1)[0] for a in args[1:] if a.startswith("-")]
        return bool(given) and all(o in own for o in given)
    return False
