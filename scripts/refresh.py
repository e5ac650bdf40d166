"""Regenerate derived files: schemas/, the generated parts of README.md and docs/, tests/golden/."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from generator import schema  # noqa: E402

from test_docs import DERIVED, refreshed  # noqa: E402
from test_golden import GOLDEN, rendered_sample  # noqa: E402

schema.write_schemas(REPO / "schemas")
for rel in DERIVED:  # the README's command table, docs/commands.md (from click), docs/format.md (from the model)
    text = refreshed(rel)
    (REPO / rel).write_text(text, encoding="utf-8")
for old in sorted(GOLDEN.rglob("*"), reverse=True):
    old.unlink() if old.is_file() else old.rmdir()
for rel, text in rendered_sample().items():
    (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
    (GOLDEN / rel).write_text(text, encoding="utf-8")
print(f"refreshed schemas/, {', '.join(DERIVED)} and tests/golden/")
