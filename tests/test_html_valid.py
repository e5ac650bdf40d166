"""Every page of the sample site is valid HTML by the Nu HTML Checker (npm vnu-jar, run with the machine's Java).

One vnu run over the whole built folder (~15 s for 60 pages here, with the build). Errors from Material's own
templates are allowed below, each with the reason it stays (docs/quality.md lists the same). OURS_TO_FIX holds
the errors our own templates, scripts or content still produce: it may only shrink.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

VNU = REPO / ".lms" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (pattern on vnu's message, pattern on the page's path, pattern on the extract): errors from Material's templates.
MATERIAL = {
    "base.html's drawer and search toggles are checkboxes with autocomplete='off' (Firefox would otherwise "
    "restore their checked state on reload); the attribute is not allowed on checkboxes":
        (r"^Attribute “autocomplete” is only allowed when the input type is", r"",
         r'type="checkbox" id="__(drawer|search)"'),
    "nav-item.html prints tabindex=\"\" on a section's label (it sets tabindex only for a non-section); "
    "an empty tabindex is not an integer":
        (r"^Bad value “” for attribute “tabindex” on element “label”", r"", r'class="md-nav__link" for="__nav_'),
    "toc.html always prints <label for=\"__toc\">, whose checkbox nav-item.html prints only for a page in the "
    "navigation; pages outside the navigation by design (a course's pages, which show the course's outline; "
    "Panduan Penulis) have the label without its checkbox":
        (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
         r"", r'for="__toc"'),
}

# Errors from our own templates, scripts or content, to be fixed by their owners (exact fix in docs/quality.md):
# the test passes while they remain, and fails once one is gone so that its entry is removed here.
OURS_TO_FIX: dict[str, tuple[str, str, str]] = {
    # "<file>: <what>; <exact fix>": (pattern on vnu's message, pattern on the page, pattern on the extract),
}


def java() -> str:
    path = shutil.which("java")
    if path is None or not VNU.is_file():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("java or vnu-jar is missing: run make npm-tools")
        pytest.skip("java or vnu-jar is missing (make npm-tools installs vnu-jar)")
    return path


@pytest.fixture(scope="module")
def errors(sample_site) -> list[dict]:
    """vnu's errors over every page of the built sample site, each with its page path relative to the site."""
    command = java()
    site = sample_site
    done = subprocess.run([command, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
                          capture_output=True, text=True, timeout=400)
    report = json.loads(done.stderr or done.stdout)
    out = []
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error") or message.get("subType") == "fatal":
            page = Path(message.get("url", "").removeprefix("file:")).resolve()
            out.append({**message, "page": page.relative_to(site.resolve()).as_posix()
                        if page.is_relative_to(site.resolve()) else str(page)})
    assert len(list(site.rglob("*.html"))) > 50  # every page was there to be checked
    return out


def matches(error: dict, rule: tuple[str, str, str]) -> bool:
    message, page, extract = rule
    return (re.search(message, error["message"]) is not None and re.search(page, error["page"]) is not None
            and re.search(extract, error.get("extract", "")) is not None)


def test_every_page_is_valid_html_but_for_the_listed_errors(errors):
    allowed = list(MATERIAL.values()) + list(OURS_TO_FIX.values())
    unexpected = [f"{e['page']}:{e.get('lastLine')}: {e['message']}\n    {e.get('extract', '')!r}"
                  for e in errors if not any(matches(e, rule) for rule in allowed)]
    assert unexpected == []


def test_every_error_ours_to_fix_still_occurs_so_a_fixed_one_leaves_the_list(errors):
    gone = [reason for reason, rule in OURS_TO_FIX.items() if not any(matches(e, rule) for e in errors)]
    assert gone == []


def test_the_material_allowlist_has_no_stale_entry(errors):
    stale = [reason for reason, rule in MATERIAL.items() if not any(matches(e, rule) for e in errors)]
    assert stale == []


def test_the_allowlist_is_in_docs_quality():
    text = (REPO / "docs" / "quality.md").read_text(encoding="utf-8")
    for name in ("autocomplete", "tabindex", "__toc"):
        assert name in text, name
