"""Word 97-2003 (.doc) and RTF plans, read through LibreOffice: converted to .docx in a private temporary folder,
then read by the Word reader (``checker.ingest.docx``); a finding's paragraph is the converted file's.

The input is copied into that folder first and only the copy is given to LibreOffice, so nothing is ever written
beside the input (no lock file, no converted copy). Each conversion has its own LibreOffice profile (parallel
workers and ``check serve`` uploads do not share one), stdin closed, and a time limit (``CONVERT_SECONDS``); the
whole LibreOffice process group is killed when it runs over. Without LibreOffice, or when it cannot convert the
file, the file is reported unreadable with what to do (``checker.ingest.OTHER_DOCUMENTS``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import IngestError

if TYPE_CHECKING:
    from checker.ingest import Limits
    from checker.models import Document

CONVERT_SECONDS = 60.0  # a cold LibreOffice converts a plan in 2-5 s on a 2-core machine; a stuck one is killed
NOTE = "đọc qua LibreOffice (chuyển sang .docx); đoạn là đoạn của bản .docx chuyển ra"


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def unreadable(path: Path, why: str) -> IngestError:
    """The file's unreadable line: why, then what to do (``OTHER_DOCUMENTS``), saying LibreOffice would read it."""
    from checker.ingest import OTHER_DOCUMENTS

    todo = OTHER_DOCUMENTS.get(path.suffix.lower(), f"định dạng '{path.suffix}' không đọc được")
    return IngestError(str(path), f"{todo} ({why})")


def to_docx(path: Path, folder: Path, seconds: float = CONVERT_SECONDS) -> Path:
    """``path`` converted to .docx by LibreOffice inside ``folder`` (a private temporary folder); IngestError
    when LibreOffice is absent, fails, or runs longer than ``seconds``."""
    office = soffice()
    if office is None:
        raise unreadable(path, "cài LibreOffice thì check đọc được tệp này")
    src = folder / "in" / f"plan{path.suffix.lower()}"
    out = folder / "out"
    src.parent.mkdir()
    out.mkdir()
    try:
        shutil.copyfile(path, src)
    except OSError as exc:
        from checker.ingest import os_reason

        raise IngestError(str(path), os_reason(exc)) from None
    profile = (folder / "profile").resolve().as_uri()
    cmd = [office, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           f"-env:UserInstallation={profile}", "--convert-to", "docx", "--outdir", str(out), str(src)]
    env = {**os.environ, "HOME": str(folder)}  # LibreOffice writes nowhere but the private folder
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env=env)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise unreadable(path, f"LibreOffice không chuyển xong trong {seconds:g} giây") from None
    finally:
        _kill(proc)  # a helper process left behind by LibreOffice (same process group)
    made = out / "plan.docx"
    if proc.returncode != 0 or not made.is_file() or made.stat().st_size == 0:
        raise unreadable(path, "LibreOffice không chuyển được tệp: tệp hỏng hoặc không phải văn bản")
    return made


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def read(path: Path, limits: Limits) -> Document:
    """Read a .doc or .rtf plan (any format LibreOffice opens) through its .docx conversion."""
    from checker.ingest import docx

    with tempfile.TemporaryDirectory(prefix="check-office-") as tmp:
        made = to_docx(path, Path(tmp))
        try:
            doc = docx.read(made, limits)
        except IngestError as exc:  # said of the input, not of the temporary copy
            raise IngestError(str(path), exc.message.replace("tệp .docx", "tệp chuyển sang .docx"),
                              line=exc.line) from None
    return doc.model_copy(update={"path": str(path), "format": path.suffix.lower().lstrip("."),
                                  "notes": [*doc.notes, NOTE]})
