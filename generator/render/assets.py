"""Our browser code as the site gets it: one minified bundle of the scripts and one minified style sheet.

The bundle is the same for every page and every build of the same generator, so a learner's browser
fetches it once for the whole site; what differs per site (courses, texts, URL patterns) is the small
data script (render/journey.py), loaded just before it. Two more bundles load only where they are used,
so a first visit does not fetch them: the search engine (when a reader starts to search,
lms-search-box.js) and the records bundle (on the progress and record pages, lms-core.js).
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
           "lms-progress.js", "lms-search-box.js")
RECORDS, RECORDS_SCRIPTS = "lms-records.js", ("lms-xlsx.js", "lms-ledger.js")  # the progress and record pages
SEARCH, SEARCH_SCRIPTS = "search.js", ("lms-stem.js", "lms-search.js")  # loaded when a reader starts to search
SERVE_ONLY = ("lms-serve.js",)  # the problem overlay of `lms serve`


def files(options: BuildOptions) -> dict[str, str]:
    """The files of assets/lms/ for a build: the bundle, the style sheet, and the extras this build needs."""
    out = {BUNDLE: bundle(), STYLE: style(), SEARCH: bundle(SEARCH_SCRIPTS), RECORDS: bundle(RECORDS_SCRIPTS)}
    out.update({name: (ASSETS / name).read_text(encoding="utf-8") for name in SERVE_ONLY if options.serve})
    return out


@cache
def bundle(names: tuple[str, ...] = SCRIPTS) -> str:
    """Scripts of ours (by default every page's), minified, in load order; each a function expression of its own."""
    parts = [f"/* {name} */\n" + rjsmin.jsmin((ASSETS / name).read_text(encoding="utf-8")) for name in names]
    return "\n;".join(parts) + "\n"


@cache
def style() -> str:
    return rcssmin.cssmin((ASSETS / STYLE).read_text(encoding="utf-8")) + "\n"


def unknown() -> list[str]:
    """Files in generator/assets/ that no list above places: each must be bundled or named."""
    known = set(SCRIPTS + SEARCH_SCRIPTS + RECORDS_SCRIPTS + SERVE_ONLY + (STYLE,))
    return sorted(p.name for p in ASSETS.iterdir() if p.name not in known)
