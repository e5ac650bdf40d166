"""csp.py: the policy is a pure function of the page's HTML."""

from __future__ import annotations

import base64
import hashlib

from generator import csp

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
        '<script id="__config" type="application/json">{"x": 1}</script><script src="x.js"></script></head>'
        '<body><article><p>hi</p><script>alert(1)</script></article><script>var a=1</script></body></html>')


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_once_and_data_and_files_are_not():
    assert csp.inline_hashes(PAGE) == [_sha("var a=1"), _sha("alert(1)")]


def test_the_policy_leaves_out_scripts_in_the_content_and_goes_first_in_head():
    out = csp.with_policy(PAGE, "<p>hi</p><script>alert(1)</script>")
    policy = f"script-src 'self' {_sha('var a=1')}; object-src 'none'; base-uri 'self'; form-action 'self'"
    assert out.startswith(f'<!doctype html><html><head><meta charset="utf-8"><meta http-equiv='
                          f'"Content-Security-Policy" content="{policy}"><script>')
    assert csp.with_policy(out) == out  # once only
    assert csp.with_policy("<urlset></urlset>") == "<urlset></urlset>"  # sitemap.xml


def test_no_unsafe_inline_and_a_page_without_charset_gets_it_after_head():
    out = csp.with_policy("<html><head lang=id><title>x</title></head></html>")
    assert out.startswith('<html><head lang=id><meta http-equiv="Content-Security-Policy" content="script-src '
                          "'self'; object-src")
    assert "unsafe" not in out
