"""A Content-Security-Policy for every page, as a <meta> tag: GitHub Pages sets no headers.

Defense in depth behind the sanitizer: even an event handler that got onto a page would not run.
Scripts load only from the site itself, plus the theme's own inline scripts, allowed by their hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

META = "Content-Security-Policy"
# object-src: no plugins; base-uri: no <base> pointing scripts elsewhere; form-action: forms post here only
FIXED = ("object-src 'none'", "base-uri 'self'", "form-action 'self'")
_INLINE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}  # what the browser runs
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)


def inline_hashes(html: str) -> list[str]:
    """The CSP source of each distinct inline script the browser would run, in page order."""
    out: list[str] = []
    for m in _INLINE.finditer(html):
        attrs = m.group("attrs") or ""
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue  # a script file (allowed by 'self') or data such as Material's JSON config
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in out:
            out.append(source)
    return out


def policy(html: str, content: str = "") -> str:
    """The policy for one page: scripts from the site, and the theme's inline scripts by hash.

    content is the page's own content (the Markdown made HTML): a script in it is never the theme's,
    so it is not hashed, and the browser refuses to run it even if it got past the sanitizer.
    """
    theme = html.replace(content, "") if content else html
    return "; ".join([" ".join(["script-src 'self'", *inline_hashes(theme)]), *FIXED])


def with_policy(html: str, content: str = "") -> str:
    """The page with its policy (see policy()) first in <head> after the charset, before any script.

    A page without <head> (a fragment) is returned unchanged; a page that already has a policy too.
    """
    if f'http-equiv="{META}"' in html:
        return html
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    tag = f'<meta http-equiv="{META}" content="{policy(html, content)}">'
    return html[:anchor.end()] + tag + html[anchor.end():]
