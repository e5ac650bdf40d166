"""The sample project's rendered build tree, compared with checked-in files (`make refresh`)."""

from __future__ import annotations

from pathlib import Path

from generator import pipeline, render

from conftest import REPO

GOLDEN = Path(__file__).parent / "golden" / "sample"


def rendered_sample() -> dict[str, str]:
    outcome = pipeline.check(REPO)
    project, problems = outcome.project, outcome.problems
    assert project is not None, problems
    tree = render.render(render.site_of(project))
    return {rel: text for rel, text in tree.items() if not rel.startswith("docs/assets/")}


def test_rendered_sample_matches_golden_files():
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    actual = rendered_sample()
    assert sorted(actual) == sorted(expected), "pages added or removed: run `make refresh` and review the diff"
    for rel, text in actual.items():
        assert text == expected[rel], f"{rel} changed: run `make refresh` and review the diff"


def test_render_is_pure():
    assert rendered_sample() == rendered_sample()
