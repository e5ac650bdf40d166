"""Fuzzing the loader and validator: bad input gives problems, never a traceback."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load, validate
from generator.load import ContentFile, Sources
from generator.problems import Problem

from conftest import COURSE

SITE = b"site_name: Uji\n"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_in_memory(course: bytes, markdown: bytes = b"# M\n") -> list[Problem]:
    """Load and validate a one-course project without touching the disk."""
    config, problems = load.load_mapping(SITE, "site_config.yml")
    doc, found = load.load_mapping(course, "courses/dasar.yml")
    problems += found
    text, found = load.decode(markdown, "content/modul/m1.md")
    problems += found
    item = ContentFile("content/modul/m1.md", "modul/m1.md")
    if text is not None:
        item.front, item.body, item.body_line, found = load.split_front_matter(text, item.path)
        problems += found
    sources = Sources(None, config, [doc] if doc else [], {"modul/m1.md": item}, problems, 3)
    project, problems = validate.validate(sources)
    for p in problems:  # every problem renders in both languages, with a real position
        assert p.line >= 1 and p.col >= 1
        p.message("id"), p.message("en"), p.hint_text("id"), p.hint_text("en")
    return problems


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_as_a_course(raw):
    check_in_memory(raw)


@FAST
@given(st.text(max_size=400))
def test_any_text_as_a_course(text):
    check_in_memory(text.encode("utf-8"))


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_as_markdown(raw):
    check_in_memory(COURSE.encode(), raw)


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=True) | st.text(max_size=20)
    | st.dates(),
    lambda inner: (st.lists(inner, max_size=4)
                   | st.dictionaries(st.text(max_size=10) | st.integers(), inner, max_size=4)),
    max_leaves=12,
)


def _paths(value, here=()):
    yield here
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, here + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, here + (i,))


VALID = yaml.safe_load(COURSE)
ALL_PATHS = [p for p in _paths(VALID) if p]


@FAST
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), YAML_VALUES), min_size=1, max_size=4))
def test_valid_course_with_parts_replaced(replacements):
    import copy

    data = copy.deepcopy(VALID)
    for path, value in replacements:
        target = data
        try:
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    check_in_memory(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


def test_alias_bomb_is_a_problem_not_a_hang():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    problems = check_in_memory(bomb.encode())
    assert [p.code for p in problems] == ["yaml-aliases"]  # said as aliases, not as a syntax error


def test_recursive_alias_is_a_problem():
    problems = check_in_memory(b"a: &a [*a]\n")
    assert [p.code for p in problems] == ["yaml-aliases"]
