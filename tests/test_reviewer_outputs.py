"""The reviewer's round as a person sees it: the index and a plan page in headless Chromium, the workbook read back
and opened by LibreOffice, the letters opened with python-docx and turned into PDF by LibreOffice."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_batch import city_batch, plan_text, registry_units, write_plan
from helpers_browser import chromium, console_errors, full_screenshot, open_file
from helpers_office import convert, pdf_text

from checker.models import Finding, PlanResult, Report
from checker.report.desk import load_previous as _load_previous

LEFT_OUT = 3
SHOTS = os.environ.get("CHECK_SCREENSHOTS")  # a folder outside the repository to keep the screenshots in


def run_check(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def round2(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Round 1 (20 units, JSON kept); round 2: every unit but three, one of them twice; index, workbook, letters."""
    root = tmp_path_factory.mktemp("round")
    units = registry_units()
    sent = units[LEFT_OUT:]
    city_batch(root / "dot-1", sent[:20], seed=11, formats=("txt",))
    first = run_check(root / "dot-1", "--format", "json", "-o", root / "out-1", cwd=root)
    (root / "dot-1.json").write_text(first.stdout, encoding="utf-8")
    made = city_batch(root / "dot-2", sent, formats=("txt", "md", "docx"))
    name, utype, short = sent[5]
    write_plan(root / "dot-2" / "zz-ban-sua.txt", plan_text(utype, short, 901, 28))
    out = root / "out-2"
    done = run_check(root / "dot-2", "--format", "html", "--format", "xlsx", "--format", "json", "--letters",
                     "--previous", root / "dot-1.json", "-o", out, cwd=root)
    assert done.returncode == 1, done.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"root": root, "out": out, "made": made, "left_out": [u[0] for u in units[:LEFT_OUT]], "twice": name,
            "json": data, "stderr": done.stderr}


def _shot(browser: object, path: Path) -> Path:
    shot = full_screenshot(browser, path, max_height=3000)
    assert shot.stat().st_size > 10_000
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(SHOTS) / shot.name)
    return shot


# --------------------------------------------------------------------------- the index and a plan page


def test_index_in_chromium(round2: dict[str, object], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out = round2["out"]
    assert isinstance(out, Path)
    with chromium() as b:
        open_file(b, out / "index.html")
        tiles = [t.text.split("\n")[0] for t in b.find_elements(By.CSS_SELECTOR, "#tiles .tile b")]
        assert tiles == ["114", str(114 - LEFT_OUT), str(LEFT_OUT), "1"]
        assert len(b.find_elements(By.CSS_SELECTOR, "#chart g.bar")) >= 3
        rows = b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
        assert len(rows) == 114 - LEFT_OUT
        heads = b.find_elements(By.CSS_SELECTOR, "#matrix thead tr.head th")
        sums = b.find_elements(By.CSS_SELECTOR, "#matrix thead tr.sum th")
        assert len(heads) == len(sums) and all("/" in s.text for s in sums[7:])
        missing = [li.text for li in b.find_elements(By.CSS_SELECTOR, "#missing-list li")]
        assert [m.split(" (")[0] for m in missing] == round2["left_out"]
        assert round2["twice"] in b.find_element(By.ID, "dups").text

        # sort by errors, both ways
        errors_col = 2
        heads[errors_col].click()
        assert heads[errors_col].get_attribute("aria-sort") == "ascending"
        values = [int(r.find_elements(By.TAG_NAME, "td")[errors_col].text)
                  for r in b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")]
        assert values == sorted(values)
        heads[errors_col].click()
        first = b.find_element(By.CSS_SELECTOR, "#matrix tbody tr td:nth-child(3)").text
        assert int(first) == max(values)

        # filter by name, typed without diacritics
        target = str(round2["twice"])
        b.find_element(By.ID, "f-unit").send_keys(_fold(target.split(" ", 1)[1]))
        shown = [r for r in b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if r.is_displayed()]
        assert target in [r.get_attribute("data-unit") for r in shown] and len(shown) < 5
        b.find_element(By.ID, "f-unit").clear()
        b.execute_script("document.getElementById('f-unit').dispatchEvent(new Event('input'))")

        # the units short on one item
        items = Select(b.find_element(By.ID, "f-item"))
        hoso = next(o for o in items.options if "Hồ sơ TTHC" in o.text)
        items.select_by_value(hoso.get_attribute("value"))
        col = next(k for k, h in enumerate(heads) if "Hồ sơ TTHC" in (h.get_attribute("title") or "") + h.text)
        all_rows = b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
        short = [r for r in all_rows
                 if r.find_elements(By.TAG_NAME, "td")[col].get_attribute("data-s") in ("weaker", "missing")]
        shown = [r for r in all_rows if r.is_displayed()]
        assert shown and shown == short
        assert all("≈" in r.find_elements(By.TAG_NAME, "td")[col].text for r in shown)
        assert b.find_element(By.ID, "f-count").text.startswith(f"Đang hiện {len(shown)} trên {114 - LEFT_OUT}")
        items.select_by_value("")
        Select(b.find_element(By.ID, "f-verdict")).select_by_value("complies")
        shown = [r for r in b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if r.is_displayed()]
        assert shown and {r.get_attribute("data-verdict") for r in shown} == {"complies"}
        Select(b.find_element(By.ID, "f-verdict")).select_by_value("review")
        shown = [r for r in b.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if r.is_displayed()]
        assert shown and all(r.find_elements(By.TAG_NAME, "td")[2].text == "0"
                             and int(r.find_elements(By.TAG_NAME, "td")[3].text) > 0 for r in shown)
        Select(b.find_element(By.ID, "f-verdict")).select_by_value("")
        groups = [th.text for th in b.find_elements(By.CSS_SELECTOR, "#matrix thead tr.groups th") if th.text]
        assert groups == ["Chỉ tiêu", "Nội dung", "Phân công"]
        assert console_errors(b) == []
        _shot(b, tmp_path / "index.png")


def test_rounds_are_shown_in_the_index(round2: dict[str, object]) -> None:
    out = round2["out"]
    assert isinstance(out, Path)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "đã khắc phục" in page and "không có ở đợt trước" in page


def test_plan_page_in_chromium(round2: dict[str, object], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    data = round2["json"]
    assert isinstance(data, dict)
    k, plan = next((k, p) for k, p in enumerate(data["plans"]) if len(p["findings"]) >= 3)
    out = round2["out"]
    assert isinstance(out, Path)
    page = next(out.glob(f"{k + 1:03d}-*.html"))
    with chromium(1100, 900) as b:
        open_file(b, page)
        assert b.find_element(By.TAG_NAME, "h1").text == plan["unit"]
        assert b.find_element(By.CSS_SELECTOR, ".meta .path").text == plan["path"]
        findings = b.find_elements(By.CSS_SELECTOR, ".finding[id^='f']")  # the directive's, not the general
        assert len(findings) == len(plan["findings"])
        assert all(f.find_element(By.TAG_NAME, "blockquote").text for f in findings)
        b.find_element(By.LINK_TEXT, "← Danh sách kế hoạch").click()
        assert b.current_url.endswith("/index.html")
        assert console_errors(b) == []
        open_file(b, page)
        _shot(b, tmp_path / "plan.png")


# --------------------------------------------------------------------------- the workbook


def test_workbook_read_back(round2: dict[str, object]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = round2["out"]
    assert isinstance(out, Path)
    wb = openpyxl.load_workbook(out / "tong-hop.xlsx")
    assert wb.sheetnames == ["Tổng hợp", "Ma trận", "Phát hiện", "Chưa nộp"]
    for ws in wb.worksheets:
        assert ws.freeze_panes in ("A2", "B2") and ws.auto_filter.ref
        # printed as a person prints it: landscape, one page wide, the header row on every page
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows == "$1:$1"
    summary = wb["Tổng hợp"]
    header = [c.value for c in summary[1]]
    assert {"STT", "Đơn vị", "Ngày", "Lỗi", "So với đợt trước: đã khắc phục"} <= set(header)
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 114 - LEFT_OUT
    day, errors = header.index("Ngày"), header.index("Lỗi")
    assert all(isinstance(r[0], int) and isinstance(r[errors], int) for r in rows)
    assert all(isinstance(r[day], dt.datetime) and r[day].year == 2025 for r in rows)
    assert summary.column_dimensions["B"].width > 15
    fixed = header.index("So với đợt trước: đã khắc phục")
    assert sum(1 for r in rows if isinstance(r[fixed], int)) == 20

    matrix = wb["Ma trận"]
    mheader = [c.value for c in matrix[1]]
    col = next(k for k, v in enumerate(mheader, 1) if v and "Hồ sơ TTHC" in v)
    cells = [matrix.cell(row=r, column=col) for r in range(2, len(rows) + 2)]
    weak = [c for c in cells if str(c.value).startswith("≈")]
    assert weak and all(c.fill.fgColor.rgb.endswith("FFF1C2") for c in weak)
    assert all(c.fill.fgColor.rgb.endswith("DAFBE1") for c in cells if str(c.value).startswith("✓"))
    total = matrix.cell(row=len(rows) + 3, column=col).value
    assert isinstance(total, int) and total == sum(1 for c in cells if str(c.value).startswith("✓"))

    data = round2["json"]
    assert isinstance(data, dict)
    n = sum(len(p["findings"]) for p in data["plans"])
    found = list(wb["Phát hiện"].iter_rows(min_row=2, values_only=True))
    assert len(found) == n
    assert all(r[3] is None or isinstance(r[3], int) for r in found)
    assert [r[1] for r in wb["Chưa nộp"].iter_rows(min_row=2, values_only=True)] == round2["left_out"]


def test_workbook_opens_in_libreoffice(round2: dict[str, object], tmp_path: Path) -> None:
    out = round2["out"]
    assert isinstance(out, Path)
    pdf = convert([out / "tong-hop.xlsx"], "pdf", tmp_path)[0]
    text = pdf_text(pdf)
    assert str(round2["twice"]) in text
    csv = convert([out / "tong-hop.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)[0]
    assert csv.read_text(encoding="utf-8").startswith("STT,")


def test_plan_text_is_never_a_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from checker.report import xlsx_report

    bad = Finding(id="R", check="t", kind="weaker", severity="error", line=3, message="=HYPERLINK(\"x\")",
                  evidence="=1+1\x07", expected="@SUM(A1)")
    report = Report(plans=[PlanResult(path="p.txt", status="checked", unit="Xã X", findings=[bad])])
    ws = openpyxl.load_workbook(xlsx_report.write(report, tmp_path))["Phát hiện"]
    row = [c for c in ws[2]]
    assert all(c.data_type == "s" for c in row if isinstance(c.value, str))
    assert row[8].value == "=1+1"


# --------------------------------------------------------------------------- the letters


def _paragraphs(path: Path) -> list[str]:
    docx = pytest.importorskip("docx")
    d = docx.Document(str(path))
    text = [p.text for p in d.paragraphs]
    for t in d.tables:
        for cell in t._cells:
            text += [p.text for p in cell.paragraphs]
    return text


def test_letters_say_what_to_correct(round2: dict[str, object]) -> None:
    out = round2["out"]
    data = round2["json"]
    assert isinstance(out, Path) and isinstance(data, dict)
    letters = sorted((out / "thu-gop-y").glob("*.docx"))
    assert len(letters) == sum(1 for p in data["plans"] if p["status"] == "checked")
    by_plan = {p["path"]: (k, p) for k, p in enumerate(data["plans"])}
    made = round2["made"]
    low = next(g for g in made if "low-hoso" in g.defects and "hedged-hoso" not in g.defects)  # type: ignore[attr-defined]
    k, plan = by_plan[str(low.path)]
    text = _paragraphs(next((out / "thu-gop-y").glob(f"{k + 1:03d}-*.docx")))
    joined = "\n".join(text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in joined and "Độc lập - Tự do - Hạnh phúc" in joined
    assert any(t.startswith("V/v góp ý dự thảo Kế hoạch ứng dụng công nghệ thông tin") for t in text)
    unit = plan["unit"]
    assert f"Kính gửi: Ủy ban nhân dân {unit[0].lower()}{unit[1:]}." in text
    items = [t for t in text if t[:1].isdigit() and ". " in t[:4]]
    assert len(items) == sum(1 for f in plan["findings"] if f["severity"] in ("error", "warning"))
    hoso = next(t for t in items if "Tối thiểu 70% hồ sơ thủ tục hành chính" in t)
    assert "dự thảo ghi: “" in hoso and "Nội dung tương ứng của văn bản chỉ đạo: Tối thiểu 80%" in hoso
    assert ".”." not in hoso  # the quote's own full stop is not doubled after the closing mark
    assert hoso.split(". ", 1)[1].startswith("Dòng ") or "đoạn" in hoso
    assert "Nơi nhận:" in text and "KT. GIÁM ĐỐC" in text

    ok = next(g for g in made if not g.defects)  # type: ignore[attr-defined]
    k, _ = by_plan[str(ok.path)]
    text = _paragraphs(next((out / "thu-gop-y").glob(f"{k + 1:03d}-*.docx")))
    assert any("thống nhất với nội dung dự thảo" in t for t in text)
    assert not [t for t in text if t[:1].isdigit() and ". " in t[:4]]


def test_letters_open_in_libreoffice(round2: dict[str, object], tmp_path: Path) -> None:
    out = round2["out"]
    assert isinstance(out, Path)
    letters = sorted((out / "thu-gop-y").glob("*.docx"))[:2]
    for pdf in convert(letters, "pdf", tmp_path):
        text = pdf_text(pdf)
        assert "Kính gửi" in text and "Nơi nhận" in text


def test_the_city_edits_the_letter_template(tmp_path: Path) -> None:
    from checker.rules.loader import DEFAULT_RULES

    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    tpl = rules / "letters.yaml"
    tpl.write_text(tpl.read_text(encoding="utf-8").replace('office: "SỞ KHOA HỌC VÀ CÔNG NGHỆ"',
                                                           'office: "VĂN PHÒNG UBND THÀNH PHỐ"'), encoding="utf-8")
    name, utype, short = registry_units()[-1]
    plan = write_plan(tmp_path / "p.txt", plan_text(utype, short, 1, 3, ("no-congan",)))
    done = run_check(plan, "--rules", rules, "--letters", "--format", "json", "-o", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    letter = next((tmp_path / "out" / "thu-gop-y").glob("*.docx"))
    assert "VĂN PHÒNG UBND THÀNH PHỐ" in _paragraphs(letter)

    text = tpl.read_text(encoding="utf-8").replace("{problem}.\"", "{van_de}.\"")
    tpl.write_text(text, encoding="utf-8")
    line = next(k for k, ln in enumerate(text.splitlines(), 1) if "{van_de}" in ln)
    done = run_check(plan, "--rules", rules, "--letters", "-o", tmp_path / "out2", cwd=tmp_path)
    assert done.returncode == 2
    assert f"{tpl}:{line}:" in done.stderr and "{van_de}" in done.stderr
    assert not (tmp_path / "out2").exists()


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def test_load_previous_is_the_same_as_reading_json(round2: dict[str, object]) -> None:
    root = round2["root"]
    assert isinstance(root, Path)
    plans = _load_previous(root / "dot-1.json")
    assert len(plans) == 20 and all(p.unit for p in plans)


def test_a_new_run_replaces_its_own_letters_only(tmp_path: Path) -> None:
    """Letters of an earlier run into the same folder go; a letter the reviewer saved, or any other file, stays."""
    from checker.report.letters import remove_earlier_letters

    name, utype, short = registry_units()[7]
    plan = write_plan(tmp_path / "p.txt", plan_text(utype, short, 1, 3, ("low-hoso",)))
    out = tmp_path / "out"
    done = run_check(plan, "--letters", "--format", "json", "-o", out, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    folder = out / "thu-gop-y"
    (ours,) = folder.glob("*.docx")
    kept = folder / "001-da-sua-tay.docx"  # named like ours, but the reviewer's own Word file: no marker
    docx = pytest.importorskip("docx")
    docx.Document().save(str(kept))
    shutil.copy(ours, folder / "ban-luu.docx")  # our letter under another name
    assert remove_earlier_letters(folder) == [ours]
    assert kept.exists() and (folder / "ban-luu.docx").exists()


def test_a_remark_cut_short_ends_with_the_ellipsis_alone() -> None:
    """A remark whose list of successors is cut ("… Phường Nhị Chiểu…") ends its sentence with the ellipsis,
    not "…." in a letter the city signs; the location is Word's (a table cell), never a reading-order line."""
    from checker.models import Location
    from checker.report.letters import item_text, load_template

    tpl = load_template(Path(__file__).resolve().parents[1] / "rules" / "letters.yaml")
    f = Finding(id="HP215-BODIES", check="outdated-bodies", kind="outdated", severity="error", line=77,
                message="'Thị xã Kinh Môn' không còn tồn tại từ 01/07/2025; nay là Phường Kinh Môn, Phường Nhị Chiểu…",
                evidence="- UBND thị xã Kinh Môn;", expected="Phường Kinh Môn", actual="Thị xã Kinh Môn",
                location=Location(line=77, table=3, row=1, cell=1))
    text = item_text(f, tpl, {})
    assert text.startswith("Bảng 3, hàng 1, ô 1, dự thảo ghi: “- UBND thị xã Kinh Môn”.")
    assert "Nhị Chiểu…" in text and "…." not in text
