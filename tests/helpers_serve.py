"""``check serve`` as it runs: the command started on a free port (waitress), uploads posted as a browser does."""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from checker.cli import check_command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def running_server(tmp: Path, *args: str) -> Iterator[str]:
    """``check serve`` started as a drafter's administrator starts it, its temporary files under ``tmp``
    (TMPDIR); yields its address once it answers, stops it after."""
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp)}
    log = (tmp.parent / f"serve-{port}.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
                             *args], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    raise RuntimeError((tmp.parent / f"serve-{port}.log").read_text(errors="replace")) from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def multipart(files: Sequence[tuple[str, bytes]], fields: dict[str, str] | None = None) -> tuple[bytes, str]:
    """A form body as a browser sends it: file names in UTF-8, quotes as %22, line breaks dropped."""
    boundary = f"----check{uuid.uuid4().hex}"
    out = bytearray()
    for key, value in (fields or {}).items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
    for name, data in files:
        safe = name.replace('"', "%22").replace("\r", "").replace("\n", "")
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="plans"; filename="{safe}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8", "surrogatepass")
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def post(url: str, files: Sequence[tuple[str, bytes]], fields: dict[str, str] | None = None,
         timeout: float = 120) -> tuple[int, str]:
    body, ctype = multipart(files, fields)
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def cli_json(path: Path, out: Path) -> dict[str, object]:
    """The command's own JSON report of one file."""
    res = CliRunner().invoke(check_command, [str(path), "--format", "json", "-o", str(out)])
    data: dict[str, object] = json.loads(res.stdout)
    return data


def without_paths(report: dict[str, object]) -> list[dict[str, object]]:
    """The plans of a JSON report without their path (the server names a plan by its uploaded name)."""
    plans = report["plans"]
    assert isinstance(plans, list)
    return [{k: v for k, v in p.items() if k != "path"} for p in plans]


ANSWER = re.compile(r'<li id="tep-\d+">\s*<strong>(.*?)</strong>: <span class="[^"]*">(.*?)</span>', re.S)
DOWNLOAD = re.compile(r'<a class="download" href="data:([^;]+);base64,([^"]+)" download="([^"]+)">')


def answers(page: str) -> list[tuple[str, str]]:
    """Each file's name and its one-line answer, as the page lists them."""
    return ANSWER.findall(page)


def downloads(page: str) -> dict[str, bytes]:
    """The copies offered on the page, by file name."""
    import html

    return {html.unescape(name): base64.b64decode(data) for _, data, name in DOWNLOAD.findall(page)}


def left_in(folder: Path) -> list[str]:
    """Everything under ``folder``, as relative paths, but the fork server's own folder (``pymp-*``, made by
    multiprocessing while the server runs) as long as it holds only its sockets, no file."""
    out = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if rel.parts[0].startswith("pymp-") and (p.is_dir() or stat.S_ISSOCK(p.lstat().st_mode)):
            continue
        out.append(str(rel))
    return sorted(out)
