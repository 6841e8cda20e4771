"""``check serve``: the drafter's desk, a small web page for those who never open a terminal.

A drafter drops one or more plans (.docx, .pdf, .txt, .md) on the page and gets back, on one page, each plan's
findings (the HTML report's own plan page, ``report/templates/plan_body.html``), the Word copy with a comment per
finding (``--annotate``) and the corrected copy (``--fix``: tracked changes in Word), both to download from the
page itself. Each upload runs exactly the command's pipeline (``checker.session.results``: the same packs, the
general checks, the per-file time limit in a worker process) in a temporary folder that is removed before the
answer leaves: the server keeps no uploaded file, no copy and no report, so the copies travel inside the answer
(``data:`` links) and a reload cannot fetch them again.

Served by waitress (a production WSGI server, threads: several uploads at once), never Flask's development server.
No page loads anything from the network: the style is inline, there is no script.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from checker.errors import CheckerError
from checker.ingest import OFFICE_FORMATS, OTHER_DOCUMENTS, Limits
from checker.models import PlanResult, Report
from checker.pipeline import rule_descriptions
from checker.report.labels import LABELS
from checker.rules.loader import LoadedGeneral, LoadedPack, load_all, load_general
from checker.session import Options, results

# what a drafter has; the structured forms are for the command line; .odt, .doc, .rtf get findings, no copy
ACCEPTED = (".docx", ".odt", ".doc", ".rtf", ".pdf", ".txt", ".md")
MAX_NAME = 120  # characters of a file name shown back
FIELD = "plans"  # the form's file field
DEFAULT_NAME = "tệp tải lên"
TIMEOUT = 10.0  # seconds a file may take, as the command's default
# waitress answers on threads, and a threaded process must not fork (a lock another thread holds at that moment stays
# held in the child; forked from the server's threads, 2 of 60 concurrent uploads in benchmarks/serve.py hung until
# the time limit): each upload's worker is forked from a fork server, a single-threaded process holding the readers
START_METHOD = "forkserver"
PRELOAD = ["__main__", "checker.pipeline", "checker.ingest.docx", "checker.ingest.odt",  # __main__: not per worker
           "checker.ingest.pdf"]
WAITRESS_BODY = 1 << 30  # bytes waitress reads before dropping the connection (its own default)
MIME = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8"}


@dataclass(frozen=True)
class Settings:
    """What ``check serve`` is started with; ``tmp_root`` is where each answer's temporary folder is made (the
    system's by default; tests point it at a folder they watch)."""

    rules_dirs: tuple[Path, ...] = ()
    max_bytes: int = 20 * 1024 * 1024  # a file (the command's --max-size)
    max_files: int = 10  # files in one upload
    timeout: float = TIMEOUT
    general: bool = True
    tmp_root: Path | None = None

    @property
    def max_request(self) -> int:
        """The largest upload accepted: every file at its limit, plus the form's own bytes."""
        return self.max_bytes * self.max_files + 1024 * 1024


@dataclass
class Download:
    name: str
    mime: str
    data: bytes

    @property
    def href(self) -> str:
        return f"data:{self.mime.split(';')[0]};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def size(self) -> str:
        return f"{max(1, round(len(self.data) / 1024))} KB"


@dataclass
class Answer:
    """One uploaded file: its name as sent (cleaned), its one-line outcome, its result and copies."""

    name: str
    line: str
    ok: bool
    result: PlanResult | None = None
    annotated: Download | None = None
    fixed: Download | None = None
    applied: int = 0
    why_no_copy: str = ""

    @property
    def counts(self) -> dict[str, int]:
        return self.result.counts() if self.result else {"error": 0, "warning": 0, "info": 0}


@dataclass
class Upload:
    name: str
    path: Path | None = None
    reason: str = ""
    answers: list[Answer] = field(default_factory=list)


def display_name(raw: str | None) -> str:
    """The name a browser sent, as it may be shown and used: its last path part only (``../../x.docx`` →
    ``x.docx``, ``C:\\a\\x.docx`` → ``x.docx``), Unicode composed, no control, format (bidi overrides, zero
    width) or surrogate characters, spaces collapsed, at most ``MAX_NAME`` characters with its suffix kept."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if c in "\t\n\r" or unicodedata.category(c) in ("Zs", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn") and (c in "\t\n\r" or c >= " ")
                   and c != "\x7f")
    text = re.split(r"[\\/]", text)[-1]
    text = " ".join(text.split()).strip(" .")
    if not text or set(text) <= {"."}:
        return DEFAULT_NAME
    if len(text) > MAX_NAME:
        stem, suffix = _split(text)
        text = stem[: MAX_NAME - len(suffix) - 1] + "…" + suffix
    return text


def _split(name: str) -> tuple[str, str]:
    suffix = Path(name).suffix
    return (name[: -len(suffix)], suffix) if suffix and len(suffix) <= 6 else (name, "")


def copy_name(name: str, kind: str) -> str:
    """``Dự thảo.docx`` → ``Dự thảo.checked.docx`` / ``Dự thảo.fixed.docx`` (as the command names them)."""
    stem, suffix = _split(name)
    return f"{stem}.{kind}{suffix.lower()}"


def _receive(stream: IO[bytes], dest: Path, limit: int) -> int:
    """Copy an uploaded file to ``dest``, stopping past ``limit`` bytes; the bytes copied (``limit + 1``: too
    large)."""
    written = 0
    with dest.open("xb") as out:
        while written <= limit:
            chunk = stream.read(min(1 << 16, limit + 1 - written))
            if not chunk:
                break
            out.write(chunk)
            written += len(chunk)
    return written


def receive(files: Iterable[tuple[str | None, IO[bytes]]], folder: Path, settings: Settings) -> list[Upload]:
    """Each uploaded file saved in a folder of its own under ``folder`` (under a fixed name: nothing the browser
    sent becomes a path), or refused with its one-line reason (type, size, count); the rest is the pipeline's."""
    out: list[Upload] = []
    mb = settings.max_bytes / 1024 / 1024
    for k, (raw, stream) in enumerate(files, 1):
        name = display_name(raw)
        suffix = Path(name).suffix.lower()
        if suffix not in ACCEPTED:
            shown = suffix or "không có đuôi"
            out.append(Upload(name, reason=OTHER_DOCUMENTS.get(
                suffix, f"loại tệp không nhận ({shown}): chỉ nhận {', '.join(ACCEPTED)}")))
            continue
        if k > settings.max_files:
            out.append(Upload(name, reason=f"quá {settings.max_files} tệp một lần: tệp này chưa được kiểm tra"))
            continue
        own = folder / f"{k:03d}"
        own.mkdir()
        dest = own / f"du-thao{suffix}"
        size = _receive(stream, dest, settings.max_bytes)
        if size > settings.max_bytes:
            dest.unlink()
            out.append(Upload(name, reason=f"tệp quá lớn: tối đa {mb:g} MB một tệp"))
        else:
            out.append(Upload(name, path=dest))
    return out


class Desk:
    """The loaded packs and the check of one upload: what each request of the web app calls."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.packs: list[LoadedPack] = load_all(list(settings.rules_dirs))
        self.general: LoadedGeneral | None = load_general(list(settings.rules_dirs)) if settings.general else None
        self.rules = rule_descriptions(self.packs, self.general)
        _preload()

    def options(self, on_fix: Callable[[Any], None]) -> Options:
        """The command's options for ``check --annotate --fix``, with its defaults (no ``--directive``, general
        checks on, one worker per upload with the time limit)."""
        return Options(lang="vi", limits=Limits(max_bytes=self.settings.max_bytes), jobs=1,
                       timeout=self.settings.timeout or None, annotate=True, fix=True, quiet=True,
                       general=self.general, on_fix=on_fix, start_method=START_METHOD)

    def check(self, files: list[tuple[str | None, IO[bytes]]]) -> list[Answer]:
        """Check the uploaded files in a temporary folder, removed before this returns, whatever happens."""
        root = self.settings.tmp_root
        folder = Path(tempfile.mkdtemp(prefix="check-serve-", dir=root))
        try:
            uploads = receive(files, folder, self.settings)
            return self._check(uploads)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _check(self, uploads: list[Upload]) -> list[Answer]:
        todo = [u for u in uploads if u.path is not None]
        applied: dict[Path, int] = {}

        def count(outcome: Any) -> None:
            applied[outcome.path] = len(outcome.applied) if outcome.out is not None else 0

        checked = results([], [u.path for u in todo if u.path is not None], self.packs, self.options(count),
                          io.StringIO(), lambda line: None)
        for u, p in zip(todo, checked, strict=True):
            assert u.path is not None
            u.answers.append(self._answer(u.name, u.path, p, applied.get(u.path, 0)))
        return [a for u in uploads for a in (u.answers or [Answer(u.name, u.reason, ok=False)])]

    def _answer(self, name: str, path: Path, p: PlanResult, applied: int) -> Answer:
        from checker.annotate import output_path
        from checker.fix import fixed_path

        p = shown_as(p, path, name)
        answer = Answer(name, status_line(p), ok=p.status != "unreadable", result=p)
        suffix = path.suffix.lower()
        annotated, fixed = output_path(path), fixed_path(path)
        if annotated.is_file():
            answer.annotated = Download(copy_name(name, "checked"), MIME[".docx"], annotated.read_bytes())
        if fixed.is_file():
            answer.fixed = Download(copy_name(name, "fixed"), MIME[suffix], fixed.read_bytes())
            answer.applied = applied
        if p.status != "checked":
            pass
        elif suffix == ".pdf":
            answer.why_no_copy = ("Tệp PDF không ghi nhận xét hay sửa được: hãy tải lên bản Word (.docx) để nhận bản "
                                  "có nhận xét và bản đã sửa.")
        elif suffix in OFFICE_FORMATS:
            answer.why_no_copy = (f"Bản có nhận xét và bản đã sửa chỉ ghi được vào tệp Word .docx: hãy mở tệp {suffix} "
                                  "bằng LibreOffice hoặc Word, Lưu thành .docx rồi tải lên để nhận hai bản đó.")
        elif answer.fixed is None:
            answer.why_no_copy = "Không có chỗ nào có một cách sửa duy nhất: không có bản đã sửa."
        return answer

    def report_json(self, answers: list[Answer]) -> str:
        """The answers as the command's JSON report (``--format json``), for scripts and the tests."""
        from checker.report.json_report import render

        plans = [a.result or PlanResult(path=a.name, status="unreadable", reason=a.line) for a in answers]
        return render(Report(plans=plans, lang="vi", rules=self.rules))


def shown_as(p: PlanResult, path: Path, name: str) -> PlanResult:
    """The result with the temporary path replaced by the file's name wherever it appears (path, reason, notes,
    messages): the server's folders are never shown."""
    data = p.model_dump_json()
    for where in (str(path), str(path.parent), str(path.parent.parent)):
        data = data.replace(json.dumps(where)[1:-1], json.dumps(name)[1:-1])
    return PlanResult.model_validate_json(data)


def status_line(p: PlanResult) -> str:
    """One line per file: what became of it."""
    from checker.report.labels import label

    if p.status == "checked":
        c = p.counts()
        return (f"{label('checked', 'vi')}: {c['error']} {label('error', 'vi')}, {c['warning']} "
                f"{label('warning', 'vi')}, {c['info']} {label('info', 'vi')}")
    reason = (p.reason or "").split("\n")[0]
    return f"{label(p.status, 'vi').lower()}: {reason}" if reason else label(p.status, "vi")


def _preload() -> None:
    """Import the readers and writers now, before any request, and start the fork server with the readers loaded:
    the first drafter does not wait for the imports, nor any worker for its own."""
    import multiprocessing as mp

    if START_METHOD in mp.get_all_start_methods():
        from multiprocessing import forkserver

        mp.get_context(START_METHOD).set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()

    import checker.annotate  # noqa: F401
    import checker.fix  # noqa: F401
    import checker.ingest.docx  # noqa: F401
    import checker.ingest.pdf  # noqa: F401
    import checker.report.html_report  # noqa: F401
    import checker.report.json_report  # noqa: F401
    import checker.tracked  # noqa: F401


def create_app(settings: Settings | None = None) -> Any:
    """The Flask application (a WSGI callable): ``GET /`` the form, ``POST /`` the answer (``format=json``: the
    command's JSON report instead of the page). Raises CheckerError if the packs do not load."""
    from flask import Flask, Request, Response, request
    from markupsafe import Markup
    from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

    from checker.report.html_report import page_environment

    settings = settings or Settings()
    desk = Desk(settings)
    env = page_environment()
    spill = str(settings.tmp_root) if settings.tmp_root else None

    class SpooledRequest(Request):
        """An upload past 512 KB spills to an unnamed temporary file in ``tmp_root`` (gone when closed)."""

        def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                             filename: str | None = None, content_length: int | None = None) -> IO[bytes]:
            return tempfile.SpooledTemporaryFile(max_size=512 * 1024, mode="rb+", dir=spill)

    app = Flask(__name__)
    app.request_class = SpooledRequest
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request
    app.config["MAX_FORM_MEMORY_SIZE"] = 64 * 1024  # the form's text fields
    app.config["MAX_FORM_PARTS"] = settings.max_files * 4 + 16
    directives = [lp.pack.directive for lp in desk.packs]

    def page(answers: list[Answer], errors: list[str], status: int) -> Response:
        html = env.get_template("serve.html").render(answers=answers, errors=errors, settings=settings,
                                                     directives=directives, accepted=ACCEPTED, t=LABELS["vi"],
                                                     lang="vi", script=Markup(SCRIPT))
        return Response(html, status=status, mimetype="text/html", headers=_HEADERS)

    @app.get("/")
    def form() -> Response:
        return page([], [], 200)

    @app.post("/")
    def upload() -> Response:
        files = [(f.filename, f.stream) for f in request.files.getlist(FIELD) if f.filename or f.content_length]
        if not files:
            return page([], ["Chưa chọn tệp nào: hãy chọn hoặc kéo thả một tệp kế hoạch."], 400)
        answers = desk.check(files)
        status = 200 if any(a.result is not None for a in answers) else 400
        if request.form.get("format") == "json":
            return Response(desk.report_json(answers), status=status, mimetype="application/json")
        return page(answers, [], status)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_: Exception) -> Response:
        mb = settings.max_bytes / 1024 / 1024
        return page([], [f"Tải lên quá lớn: tối đa {mb:g} MB một tệp, {settings.max_files} tệp một lần."], 413)

    @app.errorhandler(HTTPException)
    def other(exc: HTTPException) -> Response:
        return page([], [f"Yêu cầu không hợp lệ: {exc.name} ({exc.code})."], exc.code or 400)

    @app.errorhandler(Exception)
    def failed(exc: Exception) -> Response:  # logged in full by Flask; the drafter gets one line
        app.logger.exception("check serve: %s", type(exc).__name__)
        return page([], [f"Lỗi khi kiểm tra ({type(exc).__name__}): tệp không được lưu lại; hãy thử lại hoặc báo quản "
                         "trị."], 500)

    return app


# The page's one script, inline: lists the files chosen and lights the drop zone while a file is dragged over it
# (the page works without it). The policy lets that script alone run, by its hash, and nothing load from elsewhere.
SCRIPT = (
    '(function(){var i=document.getElementById("plans"),z=document.getElementById("zone"),'
    'l=document.getElementById("chosen");if(!i)return;'
    'i.addEventListener("change",function(){l.textContent="";for(var k=0;k<i.files.length;k++){'
    'var f=i.files[k],e=document.createElement("li");'
    'e.textContent=f.name+" ("+Math.max(1,Math.round(f.size/1024))+" KB)";l.appendChild(e);}});'
    '["dragenter","dragover"].forEach(function(n){i.addEventListener(n,function(){z.classList.add("over");});});'
    '["dragleave","drop"].forEach(function(n){i.addEventListener(n,function(){z.classList.remove("over");});});'
    '})();'
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode("ascii")
_HEADERS = {
    "Content-Security-Policy": f"default-src 'none'; script-src 'sha256-{_SCRIPT_HASH}'; style-src 'unsafe-inline'; "
                               "img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def serve(app: Any, settings: Settings, host: str, port: int, threads: int) -> None:
    """Serve ``app`` with waitress until interrupted. Waitress reads a body whole before the app sees it and drops
    the connection on one past its own limit (the browser then shows no answer at all), so its limit is far above
    the app's: up to 1 GB (at least twice the app's), an oversized upload reaches the app and gets its one line."""
    from waitress import serve as waitress_serve

    waitress_serve(app, host=host, port=port, threads=threads, ident="check", clear_untrusted_proxy_headers=True,
                   max_request_body_size=max(2 * settings.max_request, WAITRESS_BODY))


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="địa chỉ lắng nghe (0.0.0.0: mọi giao diện)")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="thư mục (hoặc tệp) bộ quy tắc YAML, như lệnh check")
@click.option("--max-size", type=click.IntRange(1), default=20, show_default=True, help="giới hạn cỡ một tệp (MB)")
@click.option("--max-files", type=click.IntRange(1), default=10, show_default=True, help="số tệp tối đa một lần")
@click.option("--threads", type=click.IntRange(1), default=4, show_default=True,
              help="số yêu cầu xử lý cùng lúc (mỗi tệp được kiểm tra trong một tiến trình riêng)")
@click.option("--timeout", type=click.FloatRange(0), default=TIMEOUT, show_default=True,
              help="giây tối đa cho một tệp (0: không giới hạn)")
@click.option("--general/--no-general", default=True, show_default=True, help="kiểm tra chung mọi văn bản hành chính")
def serve_command(host: str, port: int, rules_dirs: tuple[Path, ...], max_size: int, max_files: int, threads: int,
                  timeout: float, general: bool) -> None:
    """Trang web kiểm tra dự thảo: tải tệp lên, xem phát hiện, tải bản có nhận xét và bản đã sửa."""
    settings = Settings(rules_dirs=rules_dirs, max_bytes=max_size * 1024 * 1024, max_files=max_files,
                        timeout=timeout, general=general)
    try:
        app = create_app(settings)  # the packs load, or one line says why, before the port is taken
    except CheckerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"check serve: http://{host}:{port}/ (Ctrl+C để dừng)", err=True)
    serve(app, settings, host, port, threads)
