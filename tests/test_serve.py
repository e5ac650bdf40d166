"""`lms serve` builds, serves on 127.0.0.1 and rebuilds when a course changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from generator import render

from conftest import COURSE, REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


@contextmanager
def serving(root):
    """`lms serve` on root in a process of its own; yields its base URL and, once stopped, its output."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), "--project", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    run = {"url": f"http://127.0.0.1:{port}/", "output": ""}
    try:
        yield run
    finally:
        server.terminate()
        run["output"] = server.communicate(timeout=10)[0].decode()


def test_serve_rebuilds_on_edit(project):
    root = project()
    with serving(root) as run:
        url = run["url"] + "kursus/dasar/index.html"
        first = wait_for(lambda: fetch(url))
        assert first is not None and "Kursus Dasar" in first
        (root / "courses/dasar.yml").write_text(COURSE.replace("title: Kursus Dasar", "title: Kursus Baru"))
        assert wait_for(lambda: "Kursus Baru" in (fetch(url) or "")), "the page was not rebuilt"
        (root / "courses/dasar.yml").write_text(COURSE.replace("level: 1", "level: 9"))
        problems = run["url"] + f"assets/lms/{render.SERVE_SCRIPT}"  # rewritten once the broken edit is read
        assert wait_for(lambda: "bukan 9" in (fetch(problems) or "")), "the problems were not reported"
        assert "Kursus Baru" in (fetch(url) or "")  # a broken edit keeps the last good site
    assert run["url"] in run["output"]
    assert "courses/dasar.yml:6:8: level: harus paling banyak 5, bukan 9" in run["output"]


def test_serve_shows_problems_over_the_page_until_fixed(project):
    from browser import browser_page

    root = project()
    course = root / "courses/dasar.yml"
    with serving(root) as run:
        base = run["url"]
        assert wait_for(lambda: fetch(base + "kursus/dasar/index.html"))
        with browser_page() as page:
            page.goto(base + "kursus/dasar/index.html")
            assert page.locator("#lms-serve-problems").count() == 0
            course.write_text(COURSE.replace("level: 1", "level: 9"))
            overlay = page.locator("#lms-serve-problems")
            overlay.wait_for(timeout=30_000)  # the page reloads by itself and shows what is wrong
            assert overlay.get_attribute("role") == "alert"
            assert overlay.locator("h2").inner_text().startswith("Ada 1 masalah; halaman ini versi terakhir")
            assert overlay.locator("li").inner_text().startswith(
                "courses/dasar.yml:6:8: level harus paling banyak 5, bukan 9")
            assert "Kursus Dasar" in page.locator("h1").inner_text()  # the last good page stays readable
            course.write_text(COURSE.replace("title: Kursus Dasar", "title: Kursus Diperbaiki"))
            page.locator("h1", has_text="Kursus Diperbaiki").wait_for(timeout=30_000)
            assert page.locator("#lms-serve-problems").count() == 0
            assert page.events["errors"] == []
    assert "courses/dasar.yml:6:8: level: harus paling banyak 5, bukan 9" in run["output"]
