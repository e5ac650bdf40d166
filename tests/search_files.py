"""Read a built site's search index (generator/shards.py) and run its search engine in Node, for tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

RUNNER = Path(__file__).parent / "search_node.js"


def _data(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


def manifest(site: Path) -> dict:
    return _data(site / "search/index.js")


def records(site: Path) -> list[list[str]]:
    """Every record of the index, [location, title, teaser], in page order."""
    chunks = sorted((site / "search/d").glob("*.js"), key=lambda p: int(p.name.split(".")[0]))
    return [record for chunk in chunks for page in _data(chunk) for record in page]


def terms(site: Path) -> set[str]:
    """Every term of the index."""
    return {term for shard in (site / "search/t").glob("*.js") for term in _data(shard)["t"]}


def query(site: Path, queries: list[str]) -> dict[str, dict]:
    """What the search box answers: {query: {"pages": [page URL...], "dropped", "fixed", "forms"}}."""
    done = subprocess.run(["node", str(RUNNER), str(site)], input=json.dumps(queries), capture_output=True,
                          text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
