"""Signed PDFs often restrict printing with an AES owner password: they must read; a user password must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from checker.errors import IngestError
from checker.ingest import read


def make(tmp_path: Path, user: str) -> Path:
    from helpers_docs import make_pdf

    plain = make_pdf(tmp_path / "plain.pdf", [["KẾ HOẠCH", "Tối thiểu 80% hồ sơ thủ tục hành chính"]])
    w = PdfWriter(clone_from=PdfReader(str(plain)))
    w.encrypt(user_password=user, owner_password="chu-so-huu", algorithm="AES-256")
    out = tmp_path / "signed.pdf"
    w.write(str(out))
    return out


def test_aes_owner_password_only_reads(tmp_path: Path) -> None:
    doc = read(make(tmp_path, ""))
    assert [ln.text for ln in doc.lines][:2] == ["KẾ HOẠCH", "Tối thiểu 80% hồ sơ thủ tục hành chính"]


def test_aes_user_password_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="mật khẩu"):
        read(make(tmp_path, "mat-khau"))
