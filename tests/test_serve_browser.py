"""``check serve`` as a drafter uses it: headless Chromium on the running command's page (waitress on a free port):
choose plans, press Kiểm tra, read the findings, download both copies; the corrected Word copy reopened with
python-docx (tracked changes; accepting them gives the right text) and opened by LibreOffice where present."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers_browser import chromium, console_errors
from helpers_docs import make_docx
from helpers_serve import cli_json, left_in, running_server
from test_fix import PLAN

from checker.tracked import DEL, INS, accept_all


def _downloaded(folder: Path, names: set[str], timeout: float = 30) -> dict[str, bytes]:
    """The files the browser saved in ``folder``, once every one of ``names`` is complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = {p.name for p in folder.iterdir() if not p.name.endswith(".crdownload")}
        if names <= done:
            return {n: (folder / n).read_bytes() for n in names}
        time.sleep(0.2)
    raise AssertionError(f"not downloaded: {names - {p.name for p in folder.iterdir()}}")


def _upload(browser: Any, url: str, paths: list[Path]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys("\n".join(str(p) for p in paths))
    chosen = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#chosen li")]  # the page lists them
    assert [c.rsplit(" (", 1)[0] for c in chosen] == [p.name for p in paths]
    browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    WebDriverWait(browser, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, "ul.answers")))


def test_a_drafter_checks_a_word_draft_and_gets_both_copies(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    (tmp_path / "in").mkdir()
    draft = make_docx(tmp_path / "in" / "Dự thảo KH CĐS.docx", PLAN)
    expected = cli_json(draft, tmp_path / "r")["plans"][0]  # type: ignore[index]
    saved = tmp_path / "downloads"
    saved.mkdir()
    tmp = tmp_path / "server-tmp"
    with running_server(tmp) as url, chromium() as browser:
        browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(saved)})
        browser.get(url)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Kiểm tra dự thảo kế hoạch"
        assert "xoá khỏi máy chủ" in browser.find_element(By.CSS_SELECTOR, ".privacy").text
        _upload(browser, url, [draft])
        [item] = browser.find_elements(By.CSS_SELECTOR, "ul.answers > li")
        assert item.text.startswith("Dự thảo KH CĐS.docx: đã kiểm tra: ")
        # the findings, as the HTML report shows them: one block each, the plan's own words quoted
        blocks = browser.find_elements(By.CSS_SELECTOR, "section.plan .finding")
        assert len(blocks) == len(expected["findings"]) + len(expected["general"])
        shown = "\n".join(b.text for b in blocks)
        for f in expected["findings"]:
            assert f["message"] in shown
        assert "25/9/2025" in shown  # the miswritten date, quoted
        assert "xoá khỏi máy chủ ngay khi trang này được gửi đi" in browser.page_source
        links = browser.find_elements(By.CSS_SELECTOR, "a.download")
        assert [a.get_attribute("download") for a in links] == ["Dự thảo KH CĐS.checked.docx",
                                                               "Dự thảo KH CĐS.fixed.docx"]
        for a in links:
            a.click()
        got = _downloaded(saved, {"Dự thảo KH CĐS.checked.docx", "Dự thảo KH CĐS.fixed.docx"})
        assert console_errors(browser) == []  # no blocked fetch, no script error: nothing from the network
        assert left_in(tmp) == []  # the server kept nothing
    with zipfile.ZipFile(io.BytesIO(got["Dự thảo KH CĐS.checked.docx"])) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == len(expected["findings"])
    fixed_path = saved / "Dự thảo KH CĐS.fixed.docx"
    fixed = docx.Document(str(fixed_path))
    body = fixed.element.body
    assert len(list(body.iter(DEL))) == 3 and len(list(body.iter(INS))) == 3
    accept_all(body)
    texts = [p.text for p in fixed.paragraphs]
    assert texts[8] == PLAN[8].replace("01/7/2025", "01/7/2016")
    assert texts[9] == PLAN[9].replace("25/9/2025", "25/8/2025")
    assert texts[13] == "1. Phối hợp SỞ KHOA HỌC VÀ CÔNG NGHỆ hướng dẫn chữ ký số."
    assert texts[11] == PLAN[11] and texts[14] == PLAN[14]  # what needs judgement is not changed
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the downloaded copy was not opened in it")
    out = tmp_path / "lo"
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(out), str(fixed_path)], capture_output=True,
                         timeout=180)
    pdf = out / "Dự thảo KH CĐS.fixed.pdf"
    assert run.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 1000, run.stderr


def test_several_plans_at_once_and_a_bad_one_in_the_browser(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    folder = tmp_path / "in"
    folder.mkdir()
    text = folder / "kế hoạch.txt"
    text.write_text("\n".join(PLAN) + "\n", encoding="utf-8")
    broken = folder / "hỏng.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip" * 20)
    word = make_docx(folder / "phường.docx", PLAN)
    tmp = tmp_path / "server-tmp"
    with running_server(tmp) as url, chromium() as browser:
        _upload(browser, url, [text, broken, word])
        items = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.answers > li")]
        assert len(items) == 3
        assert items[0].startswith("kế hoạch.txt: đã kiểm tra: ")
        assert items[1].splitlines()[0] == "hỏng.docx: không đọc được: hỏng.docx: tệp .docx hỏng hoặc không phải Word"
        assert items[2].startswith("phường.docx: đã kiểm tra: ")
        names = [a.get_attribute("download") for a in browser.find_elements(By.CSS_SELECTOR, "a.download")]
        assert names == ["kế hoạch.fixed.txt", "phường.checked.docx", "phường.fixed.docx"]
        assert len(browser.find_elements(By.CSS_SELECTOR, "section.plan")) == 2
        assert console_errors(browser) == []
        assert left_in(tmp) == []
