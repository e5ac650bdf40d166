"""Run the site's search script (generator/assets/lunr.id.js) in Node with the real lunr, for tests and benchmarks."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from mkdocs.contrib import search as mkdocs_search

from generator import search

RUNNER = Path(__file__).parent / "stemmer_node.js"
LUNR = Path(mkdocs_search.__file__).parent / "templates" / "search" / "lunr.js"


def run(vocabulary: set[str], words: list[str] = (), pages: list[tuple[str, str]] = (), queries: list[str] = (),
        synonyms: list[list[str]] | None = None) -> dict:
    """Stem words and answer queries over pages, with the script built for this vocabulary."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "lunr.id.js"
        script.write_text(search.script(vocabulary, synonyms), encoding="utf-8")
        request = json.dumps({"stem": list(words), "index": [list(p) for p in pages] or None,
                              "queries": list(queries)})
        done = subprocess.run(["node", str(RUNNER), str(LUNR), str(script)], input=request, capture_output=True,
                              text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
