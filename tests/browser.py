"""Helpers for tests in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """Debian's chromium; under CI=true a missing browser fails instead of skipping."""
    path = os.environ.get("LMS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("chromium is missing: install Debian's chromium (make test does this)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder: Path):
    """Serve folder on http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_SHARED: dict = {}  # one Chromium for the whole test session: starting it costs ~1 s at every call site


def shared_browser():
    """The session's Chromium, started on first use (again if it died); close_shared_browser() ends it."""
    browser = _SHARED.get("browser")
    if browser is not None and browser.is_connected():
        return browser
    path = chromium_path()  # skips (or fails under CI) before anything starts
    if "playwright" not in _SHARED:
        from playwright.sync_api import sync_playwright

        _SHARED["playwright"] = sync_playwright().start()
    _SHARED["browser"] = _SHARED["playwright"].chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
    return _SHARED["browser"]


def close_shared_browser() -> None:
    """End the session's Chromium and Playwright's driver, if a test started them."""
    browser, playwright = _SHARED.pop("browser", None), _SHARED.pop("playwright", None)
    if browser is not None and browser.is_connected():
        browser.close()
    if playwright is not None:
        playwright.stop()


@contextmanager
def browser_page(javascript: bool = True):
    """A fresh page that records dialogs, console errors/warnings, page errors and outside requests.

    Each call gets a new browser context (its own storage, cookies and cache) in the shared Chromium,
    so tests stay as independent as with a browser of their own.
    """
    context = shared_browser().new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.events = {"dialogs": [], "console": [], "errors": [], "outside": []}
        page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
        page.on("console", lambda m: m.type in ("error", "warning") and page.events["console"].append(m.text))
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
        page.on("request", lambda r: not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                and page.events["outside"].append(r.url))
        yield page
    finally:
        context.close()


FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def settled(page, url: str) -> None:
    """Open url and wait until its scripts have run and drawn, transitions off (not networkidle: half a
    second of waiting on every page, and our pages fetch nothing after load that they show)."""
    page.goto(url, wait_until="load")
    page.add_style_tag(content=STILL)
    page.evaluate(FRAMES)


def search_for(page, query: str) -> None:
    """Type query into the open search box and wait until its results are all shown (each keystroke asks
    again, and an earlier answer may land after a later keystroke: the box says which query it shows)."""
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('.md-search').dataset.lmsAnswered === q", arg=query,
                           timeout=10_000)


def accessibility_problems(page, urls: list[str], scheme: str) -> dict[str, list]:
    """Serious and critical axe-core findings per page, in one colour scheme, wide enough for every sidebar."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.set_viewport_size({"width": 1280, "height": 900})
    found = {}
    for url in urls:
        settled(page, url)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.evaluate(FRAMES)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                      for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        if violations:
            found[url] = violations
    return found


def shown(page) -> list[str]:
    """The titles of the catalogue cards a filter leaves visible."""
    return page.locator(".lms-cards > li:visible .lms-card__title").all_inner_texts()
