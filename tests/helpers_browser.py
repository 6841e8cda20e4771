"""Headless Chromium for tests that look at a page as a person does (Debian's chromium + chromium-driver, through
selenium); skipped, saying why, where any of them is missing."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = ("chromedriver",)


def _which(names: tuple[str, ...]) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


@contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator[Any]:
    """A headless Chromium driven by selenium, console messages logged; skips the test when it cannot start."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install -e '.[test]')")
    binary, driver = _which(CHROMIUM), _which(DRIVER)
    if not binary or not driver:
        pytest.skip("headless Chromium not available (apt-get install chromium chromium-driver)")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="check-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", f"--window-size={width},{height}", "--lang=vi"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        browser = webdriver.Chrome(service=Service(driver), options=options)
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless Chromium did not start: {exc.msg}")
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_errors(browser: Any) -> list[str]:
    """The page's console errors and uncaught exceptions since the last call."""
    return [e["message"] for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def open_file(browser: Any, path: Path) -> None:
    browser.get(path.resolve().as_uri())


def full_screenshot(browser: Any, path: Path, max_height: int = 6000) -> Path:
    """The whole page, not just the window: the window is grown to the page's height first."""
    height = min(max_height, int(browser.execute_script("return document.documentElement.scrollHeight")))
    width = browser.get_window_size()["width"]
    browser.set_window_size(width, max(height, 600))
    browser.save_screenshot(str(path))
    return path
