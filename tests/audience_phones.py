"""Phones for the audience tests: headless Chromium (Debian's chromium + chromium-driver through
Selenium) at a phone's screen size, each its own browser with its own cookie. Used by the core's
browser test and the UI's end-to-end test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
                       reason="needs Debian's chromium and chromium-driver (packaging/system-deps.sh)"),
]


@contextmanager
def phones(folder: Path, count: int = 3) -> Iterator[list[Any]]:
    """``count`` headless phones; each quits when the block ends."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    made: list[Any] = []
    try:
        for n in range(count):
            opts = Options()
            opts.binary_location = CHROMIUM
            for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=390,844", "--no-first-run", "--disable-extensions",
                        f"--user-data-dir={folder / f'phone{n}'}"):
                opts.add_argument(arg)
            made.append(webdriver.Chrome(options=opts,
                                         service=Service(DRIVER, log_output=str(folder / f"driver{n}.log"))))
        yield made
    finally:
        for b in made:
            b.quit()
