"""The pictures of ``check serve`` in the README: the page with a Word draft chosen (docs/serve-form.png) and the
answer (docs/serve.png).

    python tools/serve_screenshot.py [FOLDER]

Starts the app under waitress on a free port, uploads the project's own sample draft (plans/, made a .docx) in
headless Chromium (Debian's chromium + chromium-driver, selenium), and saves the top of the answer page as a small
palette PNG. Needs Pillow (installed with the test extras, through fpdf2).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "plans" / "xa-tien-lang-du-thao-loi.txt"
WIDTH, HEIGHT = 1100, 1250


def _small(raw: Path, out: Path, height: int | None = None) -> None:
    """A palette PNG at three quarters of the size (cut to ``height`` pixels first): a few tens of KB."""
    from PIL import Image

    image = Image.open(raw).convert("RGB")
    if height is not None:
        image = image.crop((0, 0, image.width, min(height, image.height)))
    image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
    print(f"{out}: {out.stat().st_size // 1024} KB, {image.width}×{image.height}")


def main(folder: Path) -> None:
    import docx
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    from waitress.server import create_server

    from checker.serve import Settings, create_app

    work = Path(tempfile.mkdtemp(prefix="check-shot-"))
    try:
        draft = work / "Dự thảo KH chuyển đổi số xã Tiên Lãng.docx"
        d = docx.Document()
        for line in SAMPLE.read_text(encoding="utf-8").splitlines():
            d.add_paragraph(line)
        d.save(str(draft))
        server = create_server(create_app(Settings()), host="127.0.0.1", port=0, threads=2)
        threading.Thread(target=server.run, daemon=True).start()
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", f"--user-data-dir={work / 'profile'}",
                    f"--window-size={WIDTH},{HEIGHT}", "--hide-scrollbars", "--lang=vi"):
            options.add_argument(arg)
        browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
        try:
            browser.get(f"http://127.0.0.1:{server.effective_port}/")  # type: ignore[union-attr]
            browser.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(str(draft))
            browser.save_screenshot(str(work / "form.png"))
            browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
            WebDriverWait(browser, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, "ul.answers")))
            browser.save_screenshot(str(work / "answer.png"))
        finally:
            browser.quit()
            server.close()
        _small(work / "form.png", folder / "serve-form.png", height=560)
        _small(work / "answer.png", folder / "serve.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
