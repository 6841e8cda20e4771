"""Read stage: ``read(path) -> Document``, dispatching on the file's suffix. Input files are only ever read."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.errors import IngestError
from checker.ingest import txt
from checker.ingest.safety import TOO_LARGE, admit
from checker.models import Document


@dataclass(frozen=True)
class Limits:
    """Bounds that protect a batch from hostile files; ``--max-size`` raises ``max_bytes``."""

    max_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024  # a .docx may not unpack to more than this
    max_ratio: float = 200.0  # nor compress better than this (zip bombs)
    max_xml_bytes: int = 24 * 1024 * 1024  # nor its XML parts unpack to more than this (counted, not declared)
    # the text a plan may have: several times the largest real plan seen (955 lines, 275 characters a line,
    # 27,000 characters, about 30 pages), so that every stage stays within a second or two on any input
    max_lines: int = 4_000
    max_line_chars: int = 5_000
    max_chars: int = 400_000
    max_pages: int = 300
    ocr: bool = True  # scanned PDF pages read by OCR where Tesseract is installed (``--no-ocr``: not)


Reader = Callable[[Path, Limits], Document]
TEXT_SUFFIXES = (".txt", ".md", ".yaml", ".yml", ".json")

READERS: dict[str, Reader] = {
    ".txt": txt.read,
    ".md": txt.read,
}


def _lazy(module: str) -> Reader:
    """A reader imported on first use: checking .txt plans does not pay for python-docx, pypdf or ruamel."""

    def read_with(path: Path, limits: Limits) -> Document:
        import importlib

        reader: Reader = importlib.import_module(module).read
        return reader(path, limits)

    return read_with


for _suffix in (".yaml", ".yml", ".json"):
    READERS[_suffix] = _lazy("checker.ingest.structured")
READERS[".docx"] = _lazy("checker.ingest.docx")
READERS[".pdf"] = _lazy("checker.ingest.pdf")
READERS[".odt"] = _lazy("checker.ingest.odt")
# read through LibreOffice's .docx conversion where it is installed (checker.ingest.office), else unreadable
CONVERTED = (".doc", ".rtf")
OFFICE_FORMATS = (".odt", ".doc", ".rtf")  # read, but --annotate and --fix write into .docx files only
for _suffix in CONVERTED:
    READERS[_suffix] = _lazy("checker.ingest.office")


def extra_seconds(path: Path) -> float:
    """Time a file may take on top of ``--timeout``: a conversion by LibreOffice (which has its own limit)."""
    if path.suffix.lower() not in CONVERTED:
        return 0.0
    from checker.ingest.office import CONVERT_SECONDS  # subprocess, tempfile: imported for a converted file only

    return CONVERT_SECONDS + 5


# Documents a ward may send that no reader here reads (.doc, .rtf, .odt: not without LibreOffice): a folder walk lists
# them (so the reviewer sees the unit sent something, and what to ask for), each with what to do; other files in a
# folder (images, spreadsheets) are skipped.
_SAVE_AS_DOCX = "mở tệp bằng {app}, chọn Lưu thành (Save As) kiểu Word Document (.docx), rồi kiểm tra tệp .docx"
OTHER_DOCUMENTS = {
    ".doc": "định dạng Word 97-2003 (.doc) không đọc được: " + _SAVE_AS_DOCX.format(app="Word hoặc LibreOffice"),
    ".docm": "tệp Word có macro (.docm) không đọc được: " + _SAVE_AS_DOCX.format(app="Word"),
    ".odt": "định dạng OpenDocument (.odt) không đọc được: " + _SAVE_AS_DOCX.format(app="LibreOffice Writer"),
    ".rtf": "định dạng RTF (.rtf) không đọc được: " + _SAVE_AS_DOCX.format(app="Word hoặc LibreOffice"),
}

_OS_ERRORS = {
    errno.ENOENT: "không tồn tại (liên kết hỏng hoặc tệp đã bị xoá)",
    errno.EACCES: "không có quyền đọc",
    errno.ELOOP: "liên kết vòng lặp",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EISDIR: "là thư mục",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in words (never the exception's text, which repeats the path)."""
    why = _OS_ERRORS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"không mở được tệp: {why}"


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def received(path: Path) -> bool:
    """A file a folder walk reports: one a reader reads, or a document in a format none reads (its reason says
    what to do); never an office program's lock file (``~$name.docx``, left beside a file open in Word)."""
    return not path.name.startswith("~$") and (supported(path) or path.suffix.lower() in OTHER_DOCUMENTS)


def read(path: Path, limits: Limits | None = None) -> Document:
    """Read one plan file; raise IngestError with a reason a person can act on."""
    limits = limits or Limits()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(str(path), OTHER_DOCUMENTS.get(path.suffix.lower(),
                                                         f"định dạng '{path.suffix}' không được hỗ trợ"))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(str(path), os_reason(exc)) from None
    if size == 0:
        raise IngestError(str(path), "tệp rỗng")
    if size > limits.max_bytes:
        raise IngestError(
            str(path),
            f"tệp quá lớn ({size // 1024 // 1024} MB > {limits.max_bytes // 1024 // 1024} MB); "
            "dùng --max-size để nâng giới hạn",
        )
    if not os.access(path, os.R_OK):
        raise IngestError(str(path), "không có quyền đọc tệp")
    if path.suffix.lower() in TEXT_SUFFIXES and size > limits.max_chars * 4:  # no encoding takes 4 bytes a letter
        raise IngestError(str(path), f"tệp {TOO_LARGE} ({size // 1024} KB văn bản, tối đa "
                                     f"{limits.max_chars // 1000}.000 ký tự)")
    return admit(reader(path, limits), limits)
