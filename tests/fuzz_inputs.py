"""Fuzzed plan files: the families of hostile input seen in the field, each made from a seed so any case can be
made again (``make(seed)`` is deterministic). Used by the property tests and by ``benchmarks/fuzz.py``.

Bases are the project's own sample plans (``plans/``) and a few lines written for the tests; mutations are byte
flips, truncation, shuffled and repeated lines, random Unicode (surrogates, controls, odd line breaks, markup),
long lines, legacy encodings, many numbers and numbered lines; structured plans get wrong types, cycles, indexes
out of range, huge numbers, alias bombs and deep nesting; Word files get hostile paragraph text, lying zip headers
and corrupt bytes; PDF files byte flips.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"

OWN_LINES = [
    "ỦY BAN NHÂN DÂN PHƯỜNG HOA PHƯỢNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/KH-UBND                Hoa Phượng, ngày 05 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin và chuyển đổi số 6 tháng cuối năm 2025",
    "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục tiêu cụ thể",
    "- Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
    "- Phấn đấu trên 90% văn bản được ký số; 100% cán bộ được tập huấn kỹ năng số.",
    "| Chỉ tiêu | Phường | Thành phố |",
    "|---|---|---|",
    "| Hồ sơ trực tuyến | 75% | 80% |",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Công an phường: bảo đảm an ninh mạng.",
    "Nơi nhận:",
    "- UBND thành phố;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn A",
]

# characters that break things: lone surrogates, C0/C1 controls, odd line breaks, markup, quotes, bidi, BOM
NASTY = ["\ud800", "\udfff", "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\x0b",
         "\x0c", "\r", "\r\n", "\ufeff", "\ufffe", "\uffff", "\u202e", "\u200b", "<", ">", "&", '"', "'", "]]>",
         "<script>alert(1)</script>", "::error::x", "%0A", "%", ",", ":", "\\", "{{ x }}", "${x}", "\t", "\U0001f600",
         "̀", "ỹ", "Đ"]


@dataclass(frozen=True)
class Case:
    family: str
    suffix: str
    data: bytes
    seed: int

    @property
    def name(self) -> str:
        return f"{self.family}-{self.seed}{self.suffix}"


@lru_cache(maxsize=1)
def base_texts() -> list[str]:
    texts = ["\n".join(OWN_LINES) + "\n"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*")) if p.suffix in (".txt", ".md")]
    return texts


@lru_cache(maxsize=1)
def base_structured() -> str:
    """The sample structured plan as JSON text (parsed once; each case starts from a fresh copy of it)."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((PLANS / "phuong-do-son-du-lieu.yaml").read_text(encoding="utf-8"))
    return json.dumps(data, default=str)


def _nasty(rng: random.Random) -> str:
    return "".join(rng.choice(NASTY) for _ in range(rng.randint(1, 6)))


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(chr(rng.randint(0x20, 0x7E)))
        elif r < 0.7:
            out.append(rng.choice("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"))
        elif r < 0.85:
            out.append(rng.choice(NASTY))
        else:
            out.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(out)


def _encode(text: str, rng: random.Random) -> bytes:
    """Text to file bytes: UTF-8 (surrogates kept as bytes), UTF-16, Windows-1258 or a legacy Vietnamese font."""
    how = rng.random()
    if how < 0.75:
        return text.encode("utf-8", "surrogatepass")
    if how < 0.83:
        return text.encode("utf-16", "surrogatepass")
    if how < 0.91:
        return text.encode("cp1258", "replace")
    from checker.ingest import legacy

    enc = rng.choice(["tcvn3", "vni"])
    return legacy.encode(text, enc).encode("latin-1", "replace")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- text plans


def _mutate_lines(lines: list[str], rng: random.Random) -> list[str]:
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(11)
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        if op == 0:
            rng.shuffle(lines)
        elif op == 1:  # a line repeated many times
            lines[i:i] = [lines[i]] * rng.choice([10, 100, 1000, 5000])
        elif op == 2:  # a long line
            lines[i] = (lines[i] + " ") * rng.choice([20, 200, 600])
        elif op == 3:
            lines.insert(i, _nasty(rng))
        elif op == 4:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + _random_unicode(rng, rng.randint(1, 40)) + lines[i][pos:]
        elif op == 5:  # many numbered lines
            lines[i:i] = [f"{k}. {rng.choice(lines)}" for k in range(1, rng.choice([50, 500, 3000]))]
        elif op == 6:  # many numbers, citations, percentages, dates
            piece = rng.choice(["1 ", "80% ", "15/2020/NĐ-CP ", "ngày 1/1/2025 ", "215/KH-UBND ", "Kế hoạch số 9 ",
                                "tháng 13 năm 2025 ", "I. ", "1.1.1. ", "a) ", "|", "- "])
            lines.insert(i, piece * rng.choice([100, 1000, 3000]))
        elif op == 7:
            del lines[i : i + rng.randint(1, 10)]
        elif op == 8:  # whitespace runs inside a line (regex backtracking)
            lines[i] = lines[i].replace(" ", " " * rng.choice([50, 500, 3000]), 3)
        elif op == 9:
            lines[i] = lines[i].upper() if rng.random() < 0.5 else lines[i].lower()
        else:
            lines[i] = _random_unicode(rng, rng.randint(1, 200))
    return lines


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not buf:
            break
        op = rng.randrange(4)
        i = rng.randrange(len(buf))
        if op == 0:
            buf[i] = rng.randrange(256)
        elif op == 1:
            del buf[i : i + rng.randint(1, 50)]
        elif op == 2:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        else:
            buf = buf[: max(1, i)]
    return bytes(buf)


def text_case(rng: random.Random, seed: int) -> Case:
    lines = _mutate_lines(rng.choice(base_texts()).split("\n"), rng)
    data = _encode("\n".join(lines), rng)
    if rng.random() < 0.25:
        data = _flip_bytes(data, rng)
    return Case("text", rng.choice([".txt", ".md"]), data, seed)


# --------------------------------------------------------------------------- structured plans


def _structured_data(rng: random.Random) -> object:
    data = json.loads(base_structured())  # dates as text, as they are written in the file
    for _ in range(rng.randint(1, 4)):
        try:
            _structured_op(data, rng)
        except (TypeError, KeyError, AttributeError, IndexError, ValueError):
            pass  # an earlier mutation changed the shape this one needs
    return data


def _structured_op(data: dict, rng: random.Random) -> None:  # type: ignore[type-arg]
    sections, targets = data["sections"], data["targets"]
    if True:
        op = rng.randrange(12)
        if op == 0:  # a cycle of parents
            a, b = rng.randrange(len(sections)), rng.randrange(len(sections))
            sections[a]["parent"], sections[b]["parent"] = b, a
        elif op == 1:  # an index that does not exist
            rng.choice(targets)["section"] = rng.choice([len(sections), 99, -1, 10**6])
        elif op == 2:
            rng.choice(sections)["parent"] = rng.choice([len(sections) + 3, -2])
        elif op == 3:  # month 13, a year out of range
            data["header"].update(rng.choice([{"month": 13, "year": 2025}, {"year": 99999, "month": 1},
                                              {"month": 0, "year": 2025}]))
        elif op == 4:  # wrong types
            key = rng.choice(["sections", "targets", "header", "recipients", "signature", "assignments"])
            data[key] = rng.choice([1, "x", None, [1, 2], {"a": 1}, 1.5, True])
        elif op == 5:  # text full of surrogates, controls, markup
            rng.choice(targets)["text"] = _random_unicode(rng, rng.randint(1, 300))
            data["header"]["unit_name"] = _nasty(rng)
        elif op == 6:
            rng.choice(targets)["value"] = rng.choice([float("nan"), float("inf"), -1e308, 1e300, -5])
        elif op == 7:  # very many items
            targets.extend([dict(rng.choice(targets)) for _ in range(rng.choice([100, 1000, 3000]))])
        elif op == 8:
            sections.extend([dict(rng.choice(sections), parent=rng.randrange(len(sections)))
                             for _ in range(rng.choice([50, 500, 2000]))])
        elif op == 9:
            rng.choice(targets)["line"] = rng.choice([0, -3, 10**9])
        elif op == 10:
            data["lines"] = [{"text": _random_unicode(rng, 50), "loc": {"line": k + 1}} for k in range(50)]
        else:
            data[_nasty(rng)] = _nasty(rng)


def _to_yaml(data: object) -> str:
    from ruamel.yaml import YAML

    out = io.StringIO()
    y = YAML(typ="safe")
    y.allow_unicode = True
    y.dump(data, out)
    return out.getvalue()


SPECIALS: list[Callable[[random.Random], tuple[str, str]]] = [
    lambda r: (".yaml", "header:\n  year: " + "9" * r.choice([20, 4400, 5000]) + "\n"),
    lambda r: (".json", '{"header": {"year": ' + "9" * r.choice([20, 4400, 5000]) + "}}"),
    lambda r: (".json", '{"header": {"unit_name": "\\ud800\\udc00\\ud800 <b>&amp;\\u0085\\u2028"}, "targets": []}'),
    lambda r: (".yaml", "a: &a [*a]\n"),
    lambda r: (".yaml", 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
                        + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                                  for p, c in zip("abcdefgh", "bcdefghi", strict=True))
                        + "targets: *i\n"),
    lambda r: (".json", "[" * r.choice([50, 5000, 200000]) + "]" * r.choice([0, 5000])),
    lambda r: (".yaml", "- " * r.choice([50, 3000]) + "x\n"),
    lambda r: (".yaml", "header:\n  month: 13\n  year: 2025\n"),
    lambda r: (".json", '{"header": {"month": 13, "year": 2025}, "sections": [{"title": "A", "parent": 1}, '
                        '{"title": "B", "parent": 0}], "targets": [{"text": "x", "value": 1, "section": 7}]}'),
    lambda r: (".yaml", "x: [1, 2\n  bad: : :\n\t- {{\n"),
    lambda r: (".json", '{"a": NaN, "b": Infinity}'),
    lambda r: (".yaml", "x: !!python/object:os.system [echo hi]\n"),
    lambda r: (".yaml", "x: 1\nx: 2\n"),
    lambda r: (".yaml", "header: {date: 2025-13-45}\n"),
    lambda r: (".yaml", "title: " + "a" * 200_000 + "\n"),
]


def structured_case(rng: random.Random, seed: int) -> Case:
    if rng.random() < 0.3:
        suffix, text = rng.choice(SPECIALS)(rng)
        return Case("structured", suffix, text.encode("utf-8", "surrogatepass"), seed)
    data = _structured_data(rng)
    if rng.random() < 0.5:
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5)  # lone surrogates as \ud800 escapes
        suffix = ".json"
    else:
        try:
            text = _to_yaml(data)
        except Exception:  # ruamel refuses to write lone surrogates: write JSON (a YAML subset) instead
            text = json.dumps(data)
        suffix = ".yaml"
    raw = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        raw = _flip_bytes(raw, rng)
    return Case("structured", suffix, raw, seed)


# --------------------------------------------------------------------------- Word


@lru_cache(maxsize=1)
def _docx_template() -> dict[str, bytes]:
    """The parts of an empty Word file made by python-docx (written once, in memory)."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(paragraphs: list[str], font: str | None = None) -> bytes:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    body = "".join(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{_xml_text(p)}</w:t></w:r></w:p>'
                   for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
            f"{body}<w:sectPr/></w:body></w:document>").encode("utf-8", "surrogatepass")


def _xml_text(text: str) -> str:
    """Escaped for XML; characters XML cannot carry written as character references (which parsers refuse)."""
    return "".join(c if c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) <= 0xFFFD or ord(c) > 0xFFFF
                   else f"&#{ord(c)};" for c in escape(text))


def make_docx_bytes(paragraphs: list[str], font: str | None = None) -> bytes:
    parts = dict(_docx_template())
    parts["word/document.xml"] = document_xml(paragraphs, font)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def lying_zip_bomb(megabytes: int = 150, lie: str = "packed") -> bytes:
    """A .docx whose word/document.xml inflates to ``megabytes`` MB, with headers that lie.

    ``lie="packed"``: the compressed size is declared 100 times smaller than the content although it is ~1000
    times smaller (an image stored after it gives a reader the bytes the lie asks for, and makes the file look
    like an ordinary Word file with a picture); the CRC is right, so a reader inflates it all.
    ``lie="size"``: every header claims the member is 1 KB.
    """
    parts = dict(_docx_template())
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"<" * (1 << 20)
    deflated = b"".join(comp.compress(block) for _ in range(megabytes)) + comp.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name != "word/document.xml":
                zf.writestr(name, data)
    head = buf.getvalue()
    # append the bomb as a member written by hand, then rewrite the central directory to include it
    with zipfile.ZipFile(io.BytesIO(head)) as zf:
        infos = zf.infolist()
        members = {i.filename: zf.read(i.filename) for i in infos}
    out = io.BytesIO()
    entries: list[tuple[bytes, int, int, int, int, int]] = []  # name, offset, crc, csize, usize, method
    if lie == "size":
        entries.append(_local(out, b"word/document.xml", deflated, 0, 1024, 8))
    else:
        name, offset, crc, _, usize, method = _local(out, b"word/document.xml", deflated, crc, megabytes << 20, 8)
        entries.append((name, offset, crc, (megabytes << 20) // 100, usize, method))
        picture = random.Random(megabytes).randbytes((megabytes << 20) // 90)
        entries.append(_local(out, b"word/media/image1.png", picture, zlib.crc32(picture), len(picture), 0))
    for name, data in members.items():
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = c.compress(data) + c.flush()
        entries.append(_local(out, name.encode(), packed, zlib.crc32(data), len(data), 8))
    cd_start = out.tell()
    for name, offset, crc, csize, usize, method in entries:
        out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, csize, usize,
                              len(name), 0, 0, 0, 0, 0, offset) + name)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), cd_size, cd_start, 0))
    return out.getvalue()


def _local(out: io.BytesIO, name: bytes, packed: bytes, crc: int, usize: int,
           method: int) -> tuple[bytes, int, int, int, int, int]:
    offset = out.tell()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(packed), usize, len(name), 0))
    out.write(name + packed)
    return name, offset, crc, len(packed), usize, method


def docx_case(rng: random.Random, seed: int) -> Case:
    r = rng.random()
    if r < 0.03:
        return Case("docx-bomb", ".docx", lying_zip_bomb(rng.choice([5, 50, 150]), rng.choice(["packed", "size"])),
                    seed)
    lines = _mutate_lines(list(rng.choice(base_texts()).split("\n")), rng)
    font = None
    if rng.random() < 0.15:
        from checker.ingest import legacy

        enc = rng.choice(["tcvn3", "vni"])
        lines = [legacy.encode(ln, enc) for ln in lines]  # type: ignore[arg-type]
        font = ".VnTime" if enc == "tcvn3" else "VNI-Times"
    data = make_docx_bytes(lines, font)
    if r > 0.85:
        data = _flip_bytes(data, rng)
    return Case("docx", ".docx", data, seed)


# --------------------------------------------------------------------------- PDF


@lru_cache(maxsize=4)
def _pdf_base(k: int) -> bytes:
    from fpdf import FPDF
    from helpers_docs import font_path

    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", fname=font_path())
    pdf.set_font("dejavu", size=11)
    text = base_texts()[k % len(base_texts())].split("\n")
    for start in range(0, min(len(text), 120), 40):
        pdf.add_page()
        for line in text[start : start + 40]:
            pdf.cell(0, 6, line[:90], new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_case(rng: random.Random, seed: int) -> Case:
    data = _pdf_base(rng.randrange(4))
    if rng.random() < 0.8:
        data = _flip_bytes(data, rng)
    return Case("pdf", ".pdf", data, seed)


FAMILIES: dict[str, Callable[[random.Random, int], Case]] = {
    "text": text_case, "structured": structured_case, "docx": docx_case, "pdf": pdf_case,
}
WEIGHTS = {"text": 5, "structured": 3, "docx": 2, "pdf": 1}


def make(seed: int, family: str | None = None) -> Case:
    """The fuzzed case number ``seed`` (of ``family``, or of a family chosen by the seed)."""
    rng = random.Random(seed)
    if family is None:
        family = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return FAMILIES[family](rng, seed)
