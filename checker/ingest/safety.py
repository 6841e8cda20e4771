"""Checks made before a library parses a container: zip bombs, OLE (encrypted or old Word) files."""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from checker.errors import IngestError

if TYPE_CHECKING:
    from pathlib import Path
    from types import FrameType

    from checker.ingest import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 10_000  # a Word file has a few dozen parts


def head(path: Path, n: int = 8) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise IngestError(str(path), f"không mở được tệp: {exc.strerror}") from None


def check_zip(path: Path, limits: Limits, required: str, what: str) -> None:
    """Refuse a zip container that is not one, lacks ``required``, or would unpack beyond ``limits``.

    Declared sizes are a sound bound: Python's zipfile never yields more bytes than a member declares.
    """
    if head(path, 4) == OLE_MAGIC[:4]:
        raise IngestError(
            str(path),
            f"tệp {what} được đặt mật khẩu hoặc là tệp .doc cũ; "
            "hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng .docx",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải Word") from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(str(path), f"tệp {what} có quá nhiều thành phần ({len(infos)}), có thể là bom zip")
    names = {i.filename for i in infos}
    if required not in names:
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải Word (thiếu {required})")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if unpacked > limits.max_unpacked_bytes:
        raise IngestError(
            str(path),
            f"tệp {what} giải nén ra quá lớn ({unpacked // 1024 // 1024} MB > "
            f"{limits.max_unpacked_bytes // 1024 // 1024} MB), có thể là bom zip",
        )
    ratio = unpacked / max(packed, 1)
    if ratio > limits.max_ratio:
        raise IngestError(
            str(path),
            f"tệp {what} nén bất thường (tỉ lệ {ratio:.0f}:1 > {limits.max_ratio:.0f}:1), có thể là bom zip",
        )


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so that no library's ``except Exception`` can swallow it."""


@contextmanager
def time_limit(seconds: float, path: str, message: str) -> Iterator[None]:
    """Raise IngestError(path, message) if the block runs longer than ``seconds``.

    Uses SIGALRM, so it only guards the main thread on POSIX; elsewhere the block simply runs.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise IngestError(path, message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
