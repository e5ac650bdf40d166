"""Our browser code as the site gets it: one minified bundle of the scripts and one minified style sheet.

The bundle is the same for every page and every build of the same generator, so a learner's browser
fetches it once for the whole site; what differs per site (courses, texts, URL patterns) is the small
data script (render/journey.py), loaded just before it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rcssmin
import rjsmin

from ..structure import BuildOptions

ASSETS = Path(__file__).parent.parent / "assets"
BUNDLE, STYLE = "lms.js", "lms.css"
SCRIPTS = ("lms-core.js", "lms-state.js", "lms-quiz.js", "lms-filter.js",  # load order: the core first
           "lms-progress.js", "lms-xlsx.js", "lms-ledger.js")
OFFLINE_ONLY = ("iframe-worker.js",)  # the offline build's Web Worker shim (mkdocs.yml `extra.polyfills`)
SERVE_ONLY = ("lms-serve.js",)  # the problem overlay of `lms serve`
SEARCH = ("lunr.id.js",)  # written into the site by search.py, as Material's search language file


def files(options: BuildOptions) -> dict[str, str]:
    """The files of assets/lms/ for a build: the bundle, the style sheet, and the extras this build needs."""
    out = {BUNDLE: bundle(), STYLE: style()}
    extras = (OFFLINE_ONLY if options.offline else ()) + (SERVE_ONLY if options.serve else ())
    out.update({name: (ASSETS / name).read_text(encoding="utf-8") for name in extras})
    return out


@cache
def bundle() -> str:
    """Every script of ours, minified, in load order; each is a function expression of its own."""
    parts = [f"/* {name} */\n" + rjsmin.jsmin((ASSETS / name).read_text(encoding="utf-8")) for name in SCRIPTS]
    return "\n;".join(parts) + "\n"


@cache
def style() -> str:
    return rcssmin.cssmin((ASSETS / STYLE).read_text(encoding="utf-8")) + "\n"


def unknown() -> list[str]:
    """Files in generator/assets/ that no list above places: each must be bundled or named."""
    known = set(SCRIPTS + OFFLINE_ONLY + SERVE_ONLY + SEARCH + (STYLE,))
    return sorted(p.name for p in ASSETS.iterdir() if p.name not in known)
