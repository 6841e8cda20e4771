"""``check serve``: the page, the answers (the command's own results), both copies, hostile uploads, no file kept.

These run the application in this process (Flask's test client, the exact WSGI app waitress serves); the server
started as a command and the browser are in test_serve_live.py and test_serve_browser.py."""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT, SEEDS
from helpers_docs import SAMPLE_LINES, encrypt_pdf, make_docx, make_pdf, make_zip_bomb
from helpers_serve import answers, cli_json, downloads, left_in, multipart, without_paths
from test_fix import PLAN

from checker.serve import DEFAULT_NAME, SCRIPT, Settings, create_app, display_name
from checker.tracked import DEL, INS, accept_all

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def tmp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve-tmp")


@pytest.fixture(scope="module")
def client(tmp_root: Path) -> object:
    return create_app(Settings(tmp_root=tmp_root, max_bytes=2 * 1024 * 1024, max_files=5)).test_client()


def upload(client: object, files: list[tuple[str, bytes]], **fields: str) -> tuple[int, str]:
    body, ctype = multipart(files, fields)
    r = client.post("/", data=body, content_type=ctype)  # type: ignore[attr-defined]
    return r.status_code, r.get_data(as_text=True)


def test_the_page_is_vietnamese_self_contained_and_says_it_keeps_nothing(client: object) -> None:
    r = client.get("/")  # type: ignore[attr-defined]
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and '<html lang="vi">' in page
    assert 'type="file"' in page and "multiple" in page and 'accept=".docx,.odt,.doc,.rtf,.pdf,.txt,.md"' in page
    assert "215/KH-UBND" in page and "25/08/2025" in page
    assert "không lưu tệp" in page.lower() and "xoá khỏi máy chủ" in page
    assert "tối đa 2 MB một tệp, 5 tệp một lần" in page
    for outside in ("<link", " src=", "http://", "https://", "@import", "url(", "<iframe", "<img"):
        assert outside not in page, outside  # nothing is fetched from anywhere
    assert page.count("<script") == 1 and f"<script>{SCRIPT}</script>" in page  # the one inline script
    csp = r.headers["Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert "default-src 'none'" in csp and f"script-src 'sha256-{digest}';" in csp
    assert r.headers["Cache-Control"] == "no-store"


def test_a_text_plan_is_answered_with_the_commands_own_result(client: object, tmp_path: Path,
                                                               tmp_root: Path) -> None:
    """The same findings as ``check --format json`` (pack, general checks, locations, messages), named by the
    uploaded name; the corrected copy offered; nothing left behind."""
    plans = sorted((ROOT / "plans").glob("*.txt")) + sorted((ROOT / "plans").glob("*.md"))
    assert plans
    for src in plans:
        status, body = upload(client, [(src.name, src.read_bytes())], format="json")
        assert status == 200
        served = json.loads(body)
        assert [p["path"] for p in served["plans"]] == [src.name]
        assert without_paths(served) == without_paths(cli_json(src, tmp_path / "r"))
        assert left_in(tmp_root) == []


def test_the_answer_page_shows_the_report_page_and_the_corrected_copy(client: object, tmp_root: Path) -> None:
    text = "\n".join(PLAN) + "\n"
    status, page = upload(client, [("Dự thảo KH CĐS.txt", text.encode())])
    assert status == 200
    [(name, line)] = answers(page)
    assert html.unescape(name) == "Dự thảo KH CĐS.txt" and line.startswith("đã kiểm tra: ")
    assert page.count('class="finding"') >= 5 and "HP215-CITE" in page  # the report's own finding blocks
    got = downloads(page)
    assert set(got) == {"Dự thảo KH CĐS.fixed.txt"}  # a text plan has no Word comments
    fixed = got["Dự thảo KH CĐS.fixed.txt"].decode("utf-8")
    assert "215/KH-UBND ngày 25/8/2025" in fixed and "ngày 25/9/2025" not in fixed
    assert "3 chỗ sửa" in page
    assert str(tmp_root) not in page and "du-thao" not in page  # the server's folders are never shown
    assert left_in(tmp_root) == []


def test_a_word_plan_gets_its_commented_copy_and_its_tracked_changes(client: object, tmp_path: Path) -> None:
    src = make_docx(tmp_path / "Dự thảo.docx", PLAN)
    status, page = upload(client, [(src.name, src.read_bytes())])
    assert status == 200, page
    got = downloads(page)
    assert set(got) == {"Dự thảo.checked.docx", "Dự thảo.fixed.docx"}
    with zipfile.ZipFile(io.BytesIO(got["Dự thảo.checked.docx"])) as z:
        assert "UBND huyện" in z.read("word/comments.xml").decode("utf-8")
    fixed = docx.Document(io.BytesIO(got["Dự thảo.fixed.docx"]))
    body = fixed.element.body
    assert len(list(body.iter(DEL))) == 3 and len(list(body.iter(INS))) == 3
    assert all(m.get(f"{W}author") == "check" for m in body.iter(DEL))
    accept_all(body)
    texts = [p.text for p in fixed.paragraphs]
    assert texts[9] == PLAN[9].replace("25/9/2025", "25/8/2025")
    assert texts[13] == "1. Phối hợp SỞ KHOA HỌC VÀ CÔNG NGHỆ hướng dẫn chữ ký số."
    assert texts[11] == PLAN[11]  # a lower target needs judgement: commented, never changed


def test_several_files_at_once_each_answered_in_order(client: object, tmp_path: Path, tmp_root: Path) -> None:
    pdf = make_pdf(tmp_path / "ke-hoach.pdf", [SAMPLE_LINES])
    word = make_docx(tmp_path / "ke-hoach.docx", PLAN)
    files = [("a.txt", "\n".join(PLAN).encode()), ("b.pdf", pdf.read_bytes()), ("c.docx", word.read_bytes()),
             ("d.odt", b"x")]
    status, page = upload(client, files)
    assert status == 200
    got = answers(page)
    assert [n for n, _ in got] == ["a.txt", "b.pdf", "c.docx", "d.odt"]
    assert got[1][1].startswith("đã kiểm tra")
    assert "hãy tải lên bản Word (.docx)" in page  # a PDF gets its findings, no copy
    assert got[3][1].startswith("không đọc được: ")  # .odt is read now; this one is one byte: unreadable
    assert set(downloads(page)) == {"a.fixed.txt", "c.checked.docx", "c.fixed.docx"}
    assert left_in(tmp_root) == []


def _lying_zip_bomb(path: Path) -> bytes:
    """A zip bomb whose headers say document.xml is 4 KB: only counting what really inflates catches it."""
    make_zip_bomb(path, megabytes=40)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    lie = (4096).to_bytes(4, "little")
    k = data.find(real)
    while k != -1:
        data[k : k + 4] = lie
        k = data.find(real, k + 4)
    return bytes(data)


def _hostile(tmp_path: Path) -> dict[str, tuple[str, bytes]]:
    word = make_docx(tmp_path / "w.docx", SAMPLE_LINES).read_bytes()
    pdf = make_pdf(tmp_path / "p.pdf", [SAMPLE_LINES])
    return {
        "empty": ("rỗng.docx", b""),
        "binary": ("ảnh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        "truncated": ("cắt.docx", word[: len(word) // 2]),
        "zip-bomb": ("bom.docx", _lying_zip_bomb(tmp_path / "bom.docx")),
        "encrypted": ("khoá.pdf", encrypt_pdf(pdf, tmp_path / "k.pdf", "mat-khau").read_bytes()),
        "oversized": ("lớn.txt", b"a" * (2 * 1024 * 1024 + 1)),
        "wrong-type": ("virus.exe", b"MZ\x90\x00" * 100),
        "old-word": ("cũ.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        "climbing": ("../../../../etc/passwd.txt", b"root:x:0:0"),
        "windows-climb": ("..\\..\\Windows\\win.ini.txt", b"[fonts]"),
        "odd-unicode": ("\u202etxt.exe\u202c\u200b 🙂 Ke\u0302\u0301 hoa\u0323ch\x07.txt",
                        "\n".join(SAMPLE_LINES).encode()),
        "dots": ("..", b"x"),
        "long": ("x" * 600 + ".txt", b"Thu\n"),
    }


def test_hostile_uploads_each_get_one_line_and_leave_nothing(client: object, tmp_path: Path,
                                                              tmp_root: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for kind, (name, data) in _hostile(outside).items():
        before = left_in(tmp_path)
        status, page = upload(client, [(name, data)])
        assert status in (200, 400), (kind, status)
        got = answers(page)
        assert len(got) == 1, (kind, page[:400])
        shown, line = html.unescape(got[0][0]), html.unescape(got[0][1])
        assert line.strip() and "\n" not in line and len(line) < 400, (kind, line)
        assert "/" not in shown and "\\" not in shown and "\u202e" not in shown and "\x07" not in shown, kind
        assert str(tmp_root) not in page and "Traceback" not in page, kind
        assert left_in(tmp_root) == [], kind  # the request's folder, spilled uploads: all gone
        assert left_in(tmp_path) == before, kind  # nothing written anywhere else either
        if kind in ("empty", "binary", "truncated", "zip-bomb", "encrypted"):
            assert line.startswith("không đọc được: "), (kind, line)
        if kind == "oversized":
            assert line == "tệp quá lớn: tối đa 2 MB một tệp"
        if kind in ("wrong-type", "dots"):
            assert line.startswith("loại tệp không nhận"), (kind, line)
        if kind == "old-word":  # a broken .doc (read through LibreOffice where it is installed): save as .docx
            assert "định dạng Word 97-2003 (.doc) không đọc được" in line and "(.docx)" in line, line
        if kind == "climbing":
            assert shown == "passwd.txt" and line.startswith(("không áp dụng", "không đọc được")), (shown, line)
        if kind == "odd-unicode":
            assert shown == "txt.exe 🙂 Kế hoạch.txt" and line.startswith("đã kiểm tra"), (shown, line)


def test_an_upload_past_the_request_limit_is_one_line(client: object, tmp_root: Path) -> None:
    status, page = upload(client, [(f"{k}.txt", b"a" * (2 * 1024 * 1024)) for k in range(6)])
    assert status == 413
    assert "Tải lên quá lớn: tối đa 2 MB một tệp, 5 tệp một lần." in page
    assert left_in(tmp_root) == []


def test_more_files_than_allowed_are_named_not_checked(client: object) -> None:
    status, page = upload(client, [(f"{k}.txt", "\n".join(PLAN).encode()) for k in range(7)])
    got = answers(page)
    assert status == 200 and len(got) == 7
    assert all(line.startswith("quá 5 tệp một lần") for _, line in got[5:])


def test_no_file_chosen(client: object) -> None:
    status, page = upload(client, [])
    assert status == 400 and "Chưa chọn tệp nào" in page


def test_display_names() -> None:
    assert display_name("../../a b.docx") == "a b.docx"
    assert display_name("C:\\Users\\x\\Dự thảo.docx") == "Dự thảo.docx"
    assert display_name("Du\u031b\u0323 tha\u0309o.txt") == "Dự thảo.txt"  # composed
    assert display_name("a\u202eb\u200d\tc.txt") == "ab c.txt"
    assert display_name("..") == display_name("") == display_name("/") == DEFAULT_NAME
    long = display_name("ý" * 500 + ".docx")
    assert len(long) == 120 and long.endswith("….docx")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_the_seeds_are_answered_as_the_command_answers_them(client: object, tmp_path: Path) -> None:
    seeds = sorted(p for p in SEEDS.glob("*.txt"))
    status, body = upload(client, [(p.name, p.read_bytes()) for p in seeds[:5]], format="json")
    assert status == 200
    served = json.loads(body)
    for p, plan in zip(seeds, served["plans"], strict=False):
        assert plan["path"] == p.name
        assert without_paths({"plans": [plan]}) == without_paths(cli_json(p, tmp_path / "r"))


def _corpus() -> list[Path]:
    """The project's plans and, where present, the shared seeds."""
    found = sorted((ROOT / "plans").glob("*.txt"))
    return found + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


def _keys(plan: dict[str, object]) -> set[tuple[object, ...]]:
    findings = [*plan["findings"], *plan["general"]]  # type: ignore[misc]
    return {(f["id"], f["kind"], f["line"], f["actual"]) for f in findings}


def test_the_corrected_copy_accepted_and_checked_again_has_lost_those_findings_and_gained_none(
        client: object, tmp_path: Path) -> None:
    """As a drafter does it: upload the Word draft, take the corrected copy, accept every change in it, upload that
    again: each corrected finding is gone, no finding is new."""
    fixed_total = 0
    for src in _corpus():
        word = make_docx(tmp_path / f"{src.stem}.docx", src.read_text(encoding="utf-8").split("\n"))
        status, body = upload(client, [(word.name, word.read_bytes())], format="json")
        before = json.loads(body)["plans"][0]
        status, page = upload(client, [(word.name, word.read_bytes())])
        copy = downloads(page).get(f"{src.stem}.fixed.docx")
        if copy is None:
            continue
        fixed = docx.Document(io.BytesIO(copy))
        changes = len(list(fixed.element.body.iter(INS)))
        accept_all(fixed.element.body)
        accepted = io.BytesIO()
        fixed.save(accepted)
        status, body = upload(client, [(word.name, accepted.getvalue())], format="json")
        after = json.loads(body)["plans"][0]
        gone = _keys(before) - _keys(after)
        assert _keys(after) <= _keys(before), f"{src.name}: new after the fix: {_keys(after) - _keys(before)}"
        assert len(gone) >= changes > 0, f"{src.name}: {changes} changes, {len(gone)} findings gone"
        fixed_total += changes
    assert fixed_total >= 3
