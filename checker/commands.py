"""Subcommands beside ``check PATH...``: ``check rules validate|test|schema|draft``, ``check diff OLD NEW``,
``check serve``.

``checker.cli.main`` dispatches here when the first word is one of ``SUBCOMMANDS`` and no file or folder of that
name exists (so ``check ./rules`` or a folder named ``diff`` is still checked as plans).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from checker.errors import CheckerError
from checker.models import SEVERITY_RANK
from checker.rules.loader import DEFAULT_RULES, is_pack, load_pack, load_packs
from checker.rules.schema import RulePack
from checker.serve import serve_command

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
def rules_group() -> None:
    """Bộ quy tắc: kiểm tra tính hợp lệ, chạy ca kiểm thử, in JSON Schema, soạn nháp từ văn bản chỉ đạo."""


@rules_group.command("validate")
@click.argument("where", required=False, type=click.Path(path_type=Path))
def validate_command(where: Path | None) -> None:
    """Kiểm tra mọi bộ quy tắc trong WHERE (mặc định: rules/) cùng các danh mục chúng trỏ tới.

    Lỗi in dạng ``tệp:dòng: trường: thông báo``; mã thoát 0 khi hợp lệ, 2 khi có lỗi.
    """
    where = where or DEFAULT_RULES
    files = sorted(p for p in where.glob("*.y*ml") if is_pack(p)) if where.is_dir() else [where]
    errors: list[str] = []
    count = rules = 0
    if not files:
        try:
            load_packs(where)  # raises the loader's own "no pack here" error
        except CheckerError as exc:
            errors.append(str(exc))
    for path in files:
        try:
            loaded = load_pack(path)
        except CheckerError as exc:
            errors.append(str(exc))
            continue
        count += 1
        rules += len(loaded.pack.rules)
        click.echo(f"ok: {path}: {loaded.pack.pack}, {len(loaded.pack.rules)} quy tắc")
    for line in errors:
        click.echo(line, err=True)
    if errors:
        sys.exit(2)
    click.echo(f"{count} bộ quy tắc hợp lệ, {rules} quy tắc")


@rules_group.command("test")
@click.argument("where", required=False, type=click.Path(path_type=Path))
def test_command(where: Path | None) -> None:
    """Chạy các ca kiểm thử của bộ quy tắc: WHERE/tests/<mã bộ>/*.txt (mặc định: rules/).

    Mỗi ca là một kế hoạch nhỏ có chú thích ``# ruleid: MÃ`` (phải có phát hiện ở dòng sau) và ``# ok: MÃ``
    (không được có). In từng chỗ sai; mã thoát 0 khi mọi ca đạt, 1 khi có ca sai, 2 khi bộ quy tắc hỏng.
    """
    from checker.ruletest import cases_of, run_case, uncovered

    where = where or DEFAULT_RULES
    try:
        packs = load_packs(where)
    except CheckerError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(2)
    folder = where if where.is_dir() else where.parent
    failed = total = 0
    for loaded in packs:
        cases = cases_of(folder, loaded)
        if not cases:
            click.echo(f"{loaded.pack.pack}: không có ca kiểm thử ({folder / 'tests' / loaded.pack.pack})")
            continue
        results = [run_case(c, loaded) for c in cases]
        for r in results:
            total += 1
            for miss in r.misses:
                click.echo(miss)
            failed += bool(r.misses)
        lacking = uncovered(loaded, results)
        passed = len(cases) - sum(bool(r.misses) for r in results)
        coverage = f"quy tắc chưa đủ ca: {', '.join(lacking)}" if lacking else "mọi quy tắc có ca đạt và ca sai"
        click.echo(f"{loaded.pack.pack}: {passed}/{len(cases)} ca đạt; {coverage}")
    sys.exit(1 if failed else 0)


@rules_group.command("schema")
def schema_command() -> None:
    """In JSON Schema của bộ quy tắc (cho trình soạn thảo YAML)."""
    click.echo(json.dumps(RulePack.model_json_schema(), ensure_ascii=False, indent=2))


@rules_group.command("draft")
@click.argument("document", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="ghi bộ quy tắc nháp vào tệp này (mặc định: in ra màn hình)")
def draft_command(document: Path, output: Path | None) -> None:
    """Soạn nháp bộ quy tắc từ văn bản chỉ đạo DOCUMENT (txt, docx, pdf...): số, ngày, cơ quan ban hành, chỉ tiêu,
    phần nội dung, đơn vị được phân công. Mọi quy tắc ``verified: false``, ``source`` là dòng của văn bản: người
    duyệt đối chiếu trước khi dùng. Bộ nháp ghi ra được kiểm tra như mọi bộ quy tắc."""
    from checker.rules.draft import draft_file, to_yaml

    try:
        drafted = draft_file(document)
        text = to_yaml(drafted)
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            loaded = load_pack(output)
            click.echo(f"đã ghi {output}: {loaded.pack.pack}, {len(loaded.pack.rules)} quy tắc (chưa kiểm chứng)",
                       err=True)
    except CheckerError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(2)
    for note in drafted.notes:
        click.echo(f"chú ý: {note}", err=True)


@click.command(context_settings=CONTEXT)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "json", "text"]), default="text", show_default=True)
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), help="thư mục (hoặc tệp) bộ quy tắc YAML")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="mức của phát hiện MỚI làm lệnh trả mã 1")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def diff_command(old: Path, new: Path, fmt: str, rules_dir: Path | None, fail_on: str, lang: str) -> None:
    """So sánh hai phiên bản OLD và NEW của một kế hoạch: nội dung thay đổi, phát hiện đã khắc phục/mới/còn lại."""
    try:
        from checker.diff import diff_paths  # deepdiff is loaded only for this command

        result = diff_paths(old, new, load_packs(rules_dir), lang)
    except CheckerError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(2)
    from checker.diff import RENDERERS

    click.echo(RENDERERS[fmt](result, lang), nl=False)
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in result.new_findings):
        sys.exit(1)


SUBCOMMANDS: dict[str, click.Command] = {"rules": rules_group, "diff": diff_command, "serve": serve_command}
