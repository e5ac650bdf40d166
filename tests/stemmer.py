"""Run the browser's stemmer rules (generator/assets/lms-stem.js) in Node, to compare with generator/stemmer.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

RUNNER = Path(__file__).parent / "stemmer_node.js"


def run(vocabulary: set[str], words: list[str] = ()) -> dict:
    """The stems and roots of words, with the votes of this vocabulary: {"stems": {...}, "roots": {...}}."""
    request = json.dumps({"stem": list(words), "vocabulary": sorted(vocabulary)})
    done = subprocess.run(["node", str(RUNNER)], input=request, capture_output=True, text=True, timeout=120,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
