"""TCVN3 and VNI conversion: round trips, detection, what must be left alone (clean, OCR, seed 004)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers_docs import SAMPLE_LINES, seed

from checker.errors import IngestError
from checker.ingest import legacy, read
from checker.text import vietnamese_score

TEXT = "\n".join(SAMPLE_LINES)
# OCR without diacritics, in our own words (the style of seeds 000 and 002)
OCR_TEXT = (
    "UY BAN NHAN DAN PHUONG HOA PHUONG\nS6: 12/KH-UBND ngay 05 thang 9 nam 2025\n"
    "Thuc hién Ké hoach s6 215/KH-UBND cua Uy ban nhan dan thanh phé vé chuyén doi sé,\n"
    "nang cao hiéu qua hoat dong cua co quan nha nuéc; 100% hé so duoc sé hoa.\n"
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_round_trip(encoding: legacy.Encoding) -> None:
    encoded = legacy.encode(TEXT, encoding)
    assert encoded != TEXT
    back = legacy.convert(encoded, encoding)
    expected = TEXT if encoding == "vni" else legacy.convert(legacy.encode(TEXT, "tcvn3"), "tcvn3")
    assert back == expected
    if encoding == "vni":
        assert back == TEXT


def test_known_tcvn3_chart_points() -> None:
    # spot checks against the VN3 chart: 0xB8 á, 0xD6 ệ, 0xA7 Đ, 0xAD ư, 0xFE ỵ
    assert legacy.convert("\xb8 \xd6 \xa7 \xad \xfe", "tcvn3") == "á ệ Đ ư ỵ"
    assert legacy.convert("Vi\xd6t Nam", "tcvn3") == "Việt Nam"
    assert legacy.convert("\xa7\xe9c l\xcbp", "tcvn3", upper=True) == "ĐỘC LẬP"


def test_known_vni_sequences() -> None:
    assert legacy.convert("Vieät Nam", "vni") == "Việt Nam"
    assert legacy.convert("ñöôïc ngöôøi", "vni") == "được người"
    assert legacy.convert("nghóa hoøa caêm", "vni") == "nghĩa hòa căm"
    assert legacy.convert("COÄNG HOØA", "vni") == "CỘNG HÒA"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detect_and_convert_if_legacy(encoding: legacy.Encoding) -> None:
    encoded = legacy.encode(TEXT, encoding)
    assert legacy.detect(encoded) == encoding
    result = legacy.convert_if_legacy(encoded)
    assert result is not None
    converted, note = result
    assert vietnamese_score(converted) >= 0.8
    assert note == legacy.NOTES[encoding]


@pytest.mark.parametrize("text", [TEXT, OCR_TEXT, "Plain ASCII text only.\n", ""])
def test_clean_and_ocr_text_left_alone(text: str) -> None:
    assert legacy.detect(text) is None
    assert legacy.convert_if_legacy(text) is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_not_converted(prefix: str) -> None:
    assert legacy.convert_if_legacy(seed(prefix)) is None


def test_seed_004_stays_unreadable() -> None:
    text = seed("004")
    assert legacy.convert_if_legacy(text) is None
    for encoding in ("tcvn3", "vni"):
        assert vietnamese_score(legacy.convert(text, encoding)) < 0.8


def test_font_encoding() -> None:
    assert legacy.font_encoding(".VnTime") == ("tcvn3", False)
    assert legacy.font_encoding(".VnTimeH") == ("tcvn3", True)
    assert legacy.font_encoding("VNI-Times") == ("vni", False)
    assert legacy.font_encoding("Times New Roman") is None
    assert legacy.font_encoding(None) is None


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: letters it lacks precomposed are written as base letter + combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", parts.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_decode_bytes_cp1258() -> None:
    data = _cp1258(TEXT)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, notes = legacy.decode_bytes(data, "kh.txt")
    assert text == TEXT
    assert notes == [legacy.NOTES["cp1258"]]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_decode_bytes_legacy_8bit(encoding: legacy.Encoding) -> None:
    data = legacy.encode(TEXT, encoding).encode("latin-1")
    text, notes = legacy.decode_bytes(data, "kh.txt")
    assert vietnamese_score(text) >= 0.8
    assert legacy.strict_score(text) >= 0.8
    assert notes == [legacy.NOTES[encoding]]


def test_decode_bytes_gibberish_refused() -> None:
    data = bytes(range(0x80, 0x100)) * 8 + b" abc xyz qqq " * 3
    with pytest.raises(IngestError) as err:
        legacy.decode_bytes(data, "rac.txt")
    assert "UTF-8" in str(err.value)
    assert "\n" not in str(err.value)


def test_txt_reader_converts_legacy_text(tmp_path: Path) -> None:
    utf8 = tmp_path / "tcvn3 utf8.txt"
    utf8.write_text(legacy.encode(TEXT, "vni"), encoding="utf-8")
    doc = read(utf8)
    assert [x.text for x in doc.lines] == SAMPLE_LINES
    assert doc.notes == [legacy.NOTES["vni"]]
    eight_bit = tmp_path / "tcvn3 8bit.txt"
    eight_bit.write_bytes(legacy.encode(TEXT, "tcvn3").encode("latin-1"))
    doc = read(eight_bit)
    assert doc.notes == [legacy.NOTES["tcvn3"]]
    assert doc.lines[7].text == SAMPLE_LINES[7]
