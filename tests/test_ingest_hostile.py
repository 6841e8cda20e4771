"""Hostile and awkward inputs: each gives one IngestError line and leaves the file byte-identical."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers_docs import SAMPLE_LINES, encrypt_pdf, make_docx, make_pdf, make_zip_bomb, sha256

from checker.errors import IngestError
from checker.ingest import Limits, read
from checker.ingest.safety import time_limit


def refused(path: Path, limits: Limits | None = None, match: str | None = None) -> str:
    """Read ``path`` expecting IngestError; check the message is one line and the file is unchanged."""
    before = sha256(path)
    with pytest.raises(IngestError) as err:
        read(path, limits)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(path))
    assert err.value.message.strip()
    if match is not None:
        assert match in msg
    assert sha256(path) == before
    return msg


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rong{suffix}"
    path.write_bytes(b"")
    refused(path, match="rỗng")


def test_binary_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    refused(path, match="nhị phân")


def test_truncated_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "cut.docx", SAMPLE_LINES)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, match="hỏng")


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a zip" * 10, b"Day la van ban thuong, khong phai Word.\n" * 10],
    ids=["bad-zip", "plain-text"],
)
def test_docx_not_a_zip(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "gia.docx"
    path.write_bytes(content)
    refused(path, match="hỏng hoặc không phải Word")


def test_docx_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    refused(path, match="word/document.xml")


def test_encrypted_or_old_word(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    refused(path, match="mật khẩu")


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    path = make_zip_bomb(tmp_path / "bom.docx", megabytes=30)
    assert path.stat().st_size < 1024 * 1024
    refused(path, match="bom zip")


def test_zip_bomb_unpacked_size(tmp_path: Path) -> None:
    path = make_zip_bomb(tmp_path / "bom.docx", megabytes=3)
    refused(path, Limits(max_unpacked_bytes=1024 * 1024, max_ratio=1e9), match="bom zip")


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + os.urandom(2048))
    refused(path)


def test_password_protected_pdf(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [SAMPLE_LINES[:3]])
    locked = encrypt_pdf(plain, tmp_path / "khoa.pdf", user_password="bi-mat")
    refused(locked, match="mật khẩu")


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    path.write_text("\n".join(SAMPLE_LINES) * 200, encoding="utf-8")
    refused(path, Limits(max_bytes=1000), match="quá lớn")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root đọc được mọi tệp")
def test_unreadable_permissions(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "khoa.docx", SAMPLE_LINES)
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match="quyền"):
            read(path)
    finally:
        path.chmod(0o644)


def _txt(path: Path) -> Path:
    path.write_text("\n".join(SAMPLE_LINES), encoding="utf-8")
    return path


def _docx(path: Path) -> Path:
    return make_docx(path, SAMPLE_LINES)


def _pdf(path: Path) -> Path:
    return make_pdf(path, [SAMPLE_LINES[:4]])


@pytest.mark.parametrize("make", [_txt, _docx, _pdf], ids=["txt", "docx", "pdf"])
def test_vietnamese_file_name_with_spaces(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    suffix = {"_txt": ".txt", "_docx": ".docx", "_pdf": ".pdf"}[make.__name__]
    folder = tmp_path / "Kế hoạch phường"
    folder.mkdir()
    path = make(folder / f"Kế hoạch số 12 chuyển đổi số{suffix}")
    before = sha256(path)
    doc = read(path)
    assert doc.lines[0].text.strip() == SAMPLE_LINES[0]
    assert doc.path == str(path)
    assert sha256(path) == before


def test_time_limit_stops_a_stuck_reader() -> None:
    def stuck() -> None:
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # a library that swallows everything must still be stopped
                continue

    with pytest.raises(IngestError, match="quá lâu"):
        with time_limit(0.2, "treo.pdf", "đọc PDF quá lâu"):
            stuck()


@pytest.mark.parametrize("tail", [b"\xa4", b"\x00\xd8"], ids=["odd-byte", "lone-surrogate"])
def test_broken_utf16_is_read_not_crashed(tmp_path: Path, tail: bytes) -> None:
    """A UTF-16 file cut at an odd byte or ending in half a surrogate pair (fuzz seed 106196: UnicodeDecodeError
    escaped from the text reader) is read, the broken character shown as U+FFFD and named in the notes."""
    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xff\xfe" + "\n".join(SAMPLE_LINES).encode("utf-16-le") + tail)
    before = sha256(path)
    doc = read(path)
    assert any("UTF-16" in n for n in doc.notes)
    assert any("\ufffd" in ln.text for ln in doc.lines)
    assert sha256(path) == before


def test_three_byte_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "ba-byte.txt"
    path.write_bytes(b"\xff\xfe\xa4")
    try:
        read(path)
    except IngestError as err:  # refused with one line is fine: an exception of another kind is the bug
        assert "\n" not in str(err)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_plan_reads_like_utf8(tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" (UTF-16 with its byte-order mark) is a text plan, not a binary file."""
    text = "\n".join(SAMPLE_LINES)
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(text.encode("utf-8"))
    utf16 = tmp_path / "utf16.txt"
    data = text.encode(encoding)
    utf16.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    assert [ln.text for ln in read(utf16).lines] == [ln.text for ln in read(utf8).lines]
