"""`lms serve` builds, serves on 127.0.0.1 and rebuilds when a course changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

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


def test_serve_rebuilds_on_edit(project):
    root = project()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), "--project", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/kursus/dasar/index.html"
    try:
        first = wait_for(lambda: fetch(url))
        assert first is not None and "Kursus Dasar" in first
        (root / "courses/dasar.yml").write_text(COURSE.replace("title: Kursus Dasar", "title: Kursus Baru"))
        assert wait_for(lambda: "Kursus Baru" in (fetch(url) or "")), "the page was not rebuilt"
        (root / "courses/dasar.yml").write_text(COURSE.replace("level: 1", "level: 9"))
        time.sleep(3)  # a broken edit reports problems and keeps the last good site
        assert "Kursus Baru" in (fetch(url) or "")
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    assert f"http://127.0.0.1:{port}/" in output
    assert "courses/dasar.yml:6:8: level: harus paling banyak 5, bukan 9" in output
