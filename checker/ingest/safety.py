"""Checks made before a library parses a container (zip bombs, OLE files, page counts) and after a reader has read
a file (size limits), so that every later stage works on a bounded, safe input."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from checker.clean import is_safe, safe_text
from checker.errors import IngestError
from checker.models import Block, Document, Line, Table, TableCell

if TYPE_CHECKING:
    import zipfile  # imported by the checks of zipped files (Word, OpenDocument) only: a text plan has none
    from pathlib import Path
    from types import FrameType

    from checker.ingest import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 10_000  # a Word file has a few dozen parts
CHUNK = 1 << 20  # bytes inflated at a time: memory stays bounded whatever the zip headers say
_PARAGRAPH_OPEN = re.compile(rb"<w:p[ >]")
TOO_LARGE = "quá lớn để kiểm tra"


def head(path: Path, n: int = 8) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise IngestError(str(path), f"không mở được tệp: {exc.strerror}") from None


def check_zip(path: Path, limits: Limits, required: str, what: str, kind: str = "Word",
              paragraph: re.Pattern[bytes] = _PARAGRAPH_OPEN) -> None:
    """Refuse a zip container that is not one (a ``kind`` document: "Word", "OpenDocument"), lacks ``required``,
    or unpacks beyond ``limits`` (``paragraph`` counts the paragraphs ``required`` opens).

    The declared sizes refuse an honest bomb at once; the sizes that actually come out of inflating, counted
    chunk by chunk, refuse one whose headers lie (before any library inflates it whole).
    """
    import zipfile

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
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải {kind}") from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(str(path), f"tệp {what} có quá nhiều thành phần ({len(infos)}), có thể là bom zip")
    names = {i.filename for i in infos}
    if required not in names:
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải {kind} (thiếu {required})")
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_unpacked_bytes:  # an honest bomb is refused without inflating anything
        raise IngestError(str(path), _bomb(what, declared, limits))
    _inflate_all(path, infos, limits, required, what, kind, paragraph)


def _bomb(what: str, size: int, limits: Limits) -> str:
    return (f"tệp {what} giải nén ra quá lớn (hơn {size // 1024 // 1024} MB > "
            f"{limits.max_unpacked_bytes // 1024 // 1024} MB), có thể là bom zip")


def _inflate_all(path: Path, infos: list[zipfile.ZipInfo], limits: Limits, required: str, what: str, kind: str,
                 paragraph: re.Pattern[bytes]) -> None:
    """Inflate every member in bounded chunks, counting the bytes that actually come out (zip headers can lie).

    Refuses the file as soon as the total passes ``max_unpacked_bytes``, the XML parts pass ``max_xml_bytes``,
    the whole unpacks more than ``max_ratio`` times the file's size on disk, or the main part opens more
    paragraphs than ``max_lines``. Memory stays at one chunk; nothing is kept.
    """
    import zipfile

    try:
        on_disk = max(path.stat().st_size, 1)
    except OSError as exc:
        raise IngestError(str(path), f"không mở được tệp: {exc.strerror}") from None
    total = xml = paragraphs = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for info in infos:
                is_xml = info.filename.endswith((".xml", ".rels"))
                tail = b""
                with zf.open(info) as member:
                    while chunk := member.read(CHUNK):
                        total += len(chunk)
                        if total > limits.max_unpacked_bytes:
                            raise IngestError(str(path), _bomb(what, total, limits))
                        if total > on_disk * limits.max_ratio:
                            raise IngestError(
                                str(path),
                                f"tệp {what} nén bất thường (giải nén ra hơn {limits.max_ratio:.0f} lần cỡ tệp), "
                                "có thể là bom zip",
                            )
                        if not is_xml:
                            continue
                        xml += len(chunk)
                        if xml > limits.max_xml_bytes:
                            raise IngestError(str(path), f"tệp {what} có phần nội dung {TOO_LARGE} "
                                                         f"(hơn {limits.max_xml_bytes // 1024 // 1024} MB XML)")
                        if info.filename == required:
                            paragraphs += len(paragraph.findall(tail + chunk))
                            tail = chunk[-4:]
                            if paragraphs > limits.max_lines:
                                raise IngestError(str(path), _too_many(what, "đoạn văn", paragraphs, limits.max_lines))
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError):
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải {kind} (nội dung nén bị lỗi)") from None
    except Exception as exc:  # zlib.error and the like: a damaged stream
        raise IngestError(str(path), f"tệp {what} hỏng hoặc không phải {kind} ({type(exc).__name__})") from None


def _too_many(what: str, unit: str, count: int, limit: int) -> str:
    return _dots(f"tệp {what} {TOO_LARGE}: có hơn {limit:,} {unit} (đã đếm {count:,})")


def _dots(text: str) -> str:
    """Thousands written the Vietnamese way: 20.000."""
    return text.replace(",", ".")


def check_pages(count: int, path: str, limits: Limits) -> None:
    """A PDF with more pages than ``max_pages`` is refused before any page is read."""
    if count > limits.max_pages:
        raise IngestError(path, _dots(f"tệp PDF {TOO_LARGE}: {count:,} trang (tối đa {limits.max_pages:,})"))


def check_lines_count(count: int, where: str, limits: Limits) -> None:
    if count > limits.max_lines:
        raise IngestError(where, _dots(f"tệp {TOO_LARGE}: {count:,} dòng (tối đa {limits.max_lines:,})"))


def check_size(lines: list[Line], where: str, limits: Limits) -> None:
    """IngestError when ``lines`` are more, longer or bigger than ``limits``: called by ``admit`` for every reader,
    and by a reader as soon as it has lines (before the costly stages: layout, legacy decoding)."""
    check_lines_count(len(lines), where, limits)
    total = 0
    for line in lines:
        n = len(line.text)
        total += n
        if n > limits.max_line_chars:
            raise IngestError(where, _dots(f"tệp {TOO_LARGE}: một dòng dài {n:,} ký tự "
                                           f"(tối đa {limits.max_line_chars:,})"), line=line.loc.line)
    if total > limits.max_chars:
        raise IngestError(where, _dots(f"tệp {TOO_LARGE}: {total:,} ký tự (tối đa {limits.max_chars:,})"))


def admit(doc: Document, limits: Limits) -> Document:
    """The read document, its text made safe (``checker.clean.safe_text``) and within the size limits.

    Every reader's output passes here (``checker.ingest.read``): no stage after it meets a lone surrogate, a
    control character, an odd line break, or more text than the limits allow.
    """
    check_size(doc.lines, doc.path, limits)
    lines = [_safe_line(ln) for ln in doc.lines]
    tables = [Table(rows=[[_safe_cell(c) for c in row] for row in t.rows]) for t in doc.tables]
    blocks = [_safe_block(b) for b in doc.blocks]
    notes = [safe_text(n) for n in doc.notes]
    return doc.model_copy(update={"lines": lines, "blocks": blocks, "tables": tables, "notes": notes})


def _safe_block(block: Block) -> Block:
    if is_safe(block.text) and all(is_safe(c.text) for row in block.rows for c in row):
        return block
    rows = [[_safe_cell(c) for c in row] for row in block.rows]
    return block.model_copy(update={"text": safe_text(block.text), "rows": rows})


def _safe_line(line: Line) -> Line:
    text = safe_text(line.text).replace("\n", " ")  # a line is one line
    return line if text == line.text else line.model_copy(update={"text": text})


def _safe_cell(cell: TableCell) -> TableCell:
    text = safe_text(cell.text).replace("\n", " ")
    return cell if text == cell.text else cell.model_copy(update={"text": text})


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
