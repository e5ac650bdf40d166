"""The README and docs/ document every command, option and dependency; generated parts are current; docs/ builds."""

from __future__ import annotations

import re
import tomllib

import click
import pytest
from click.testing import CliRunner

from generator import pipeline, schema
from generator.cli import main

from conftest import REPO

DOCS = REPO / "docs"
WIDTH = 100  # help text is generated at a fixed width, so the docs do not depend on the terminal
# the pages this file keeps an eye on; other docs pages (architecture, evaluate, search, exchange, browser) have owners
PAGES = ["index.md", "commands.md", "checking.md", "format.md", "content-kinds.md", "quizzes.md", "journey.md",
         "build.md", "serve.md", "publishing.md", "benchmarks.md", "development.md"]


def commands(group: click.Group = main, prefix: str = "lms"):
    """(full name, command) for every command under group, depth first, in declaration order.

    Asked through list_commands/get_command too, as click does, so groups that make their
    subcommands on demand (`lms new KIND` from the content-kind registry) are documented.
    """
    ctx = click.Context(group, info_name=prefix.rsplit(" ", 1)[-1])
    names = list(group.commands)
    for name in [*names, *(n for n in group.list_commands(ctx) if n not in names)]:
        command = group.get_command(ctx, name)
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


def _context(full: str) -> click.Context:
    """A context chain for `lms a b`, so usage lines read as they do in a terminal."""
    names = full.split()
    ctx = click.Context(main, info_name=names[0], **{**main.context_settings, "terminal_width": WIDTH})
    command: click.Command = main
    for name in names[1:]:
        command = command.get_command(ctx, name)  # type: ignore[attr-defined]
        ctx = click.Context(command, info_name=name, parent=ctx)
    return ctx


def command_help() -> str:
    """docs/commands.md's generated part: `lms ... --help` for every command, as click prints it."""
    out = []
    for full in ["lms", *(name for name, _ in commands())]:
        ctx = _context(full)
        out += [f"### {full}", "", "```text", ctx.command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(out)


def command_table() -> str:
    """README's command table: one line per command, from its help text, each linked to its options."""
    rows = ["| command | what it does |", "|---|---|"]
    for full, command in commands():
        if isinstance(command, click.Group):
            continue  # its subcommands have rows of their own
        ctx = _context(full)
        args = " ".join(p for p in command.collect_usage_pieces(ctx) if p != "[OPTIONS]")
        anchor = full.replace(" ", "-")
        rows.append(f"| [`{full}{' ' + args if args else ''}`](docs/commands.md#{anchor}) | "
                    f"{command.get_short_help_str(limit=300)} |")
    rows.append("| `lms --version` | Print the version. |")
    return "\n".join(rows) + "\n"


def reference() -> str:
    """docs/format.md's generated part: the format reference from the model (the docs project is English)."""
    return re.sub(r"^#### ", "### ", schema.reference_markdown("en"), flags=re.M)  # under the page's "## Reference"


DERIVED = {  # file -> {marker name: the text between <!-- name:start --> and <!-- name:end -->}
    "README.md": {"commands": command_table},
    "docs/commands.md": {"commands": command_help},
    "docs/format.md": {"reference": reference},
}


def between(text: str, name: str, body: str) -> str:
    """text with body between its <!-- name:start --> and <!-- name:end --> markers."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body.rstrip()}\n{end}{tail}"


def refreshed(rel: str) -> str:
    """The file's text with every generated part made current."""
    text = (REPO / rel).read_text(encoding="utf-8")
    for name, make in DERIVED[rel].items():
        text = between(text, name, make())
    return text


def read(rel: str) -> str:
    return (REPO / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", DERIVED)
def test_generated_parts_are_current(rel):
    assert read(rel) == refreshed(rel), f"{rel} is stale: run `make refresh`"


def test_every_command_and_option_is_documented():
    text, readme = read("docs/commands.md"), read("README.md")
    for name, command in commands():
        assert f"### {name}\n" in text, f"{name} is not in docs/commands.md"
        if not isinstance(command, click.Group):
            assert f"`{name}" in readme, f"{name} is not in the README's command table"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(rf"{re.escape(opt)}\b", text), f"{name} {opt} is not in docs/commands.md"


def test_quick_start_has_the_two_commands():
    quick = read("README.md").split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make \w+", quick, re.M) == ["make site", "make test"]
    assert (REPO / ".ci/run").read_text().strip().endswith("exec make test")


def test_readme_stays_short():
    size = len(read("README.md").encode())
    assert size <= 12_000, f"README.md is {size} bytes: a newcomer's page is about 10 KB, move detail into docs/"


def slug(heading: str) -> str:
    """A heading's anchor as GitHub and MkDocs' toc both make it for our headings."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return re.sub(r" +", "-", text.strip())


def anchors(rel: str) -> set[str]:
    text = re.sub(r"```.*?```", "", read(rel), flags=re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}


def local_links(rel: str) -> list[tuple[str, str]]:
    """(target file relative to the repository, anchor) for every relative Markdown link outside code."""
    text = re.sub(r"```.*?```|`[^`\n]*`", "", read(rel), flags=re.S)
    folder = (REPO / rel).parent
    out = []
    for url in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:|#", url):
            continue
        path, _, anchor = url.partition("#")
        out.append(((folder / path).resolve().relative_to(REPO).as_posix(), anchor))
    return out


def test_readme_links_to_docs_resolve():
    links = [(path, anchor) for path, anchor in local_links("README.md") if path.startswith("docs/")]
    assert len({path for path, _ in links}) >= 8, "the README should lead to the docs pages"
    for path, anchor in links:
        assert (REPO / path).is_file(), f"README links to {path}, which does not exist"
        assert not anchor or anchor in anchors(path), f"README links to {path}#{anchor}: no such heading"


@pytest.mark.parametrize("page", PAGES)
def test_docs_links_resolve(page):
    for path, anchor in local_links(f"docs/{page}"):
        assert path.startswith("docs/"), f"docs/{page} links to {path}: the docs site only has docs/"
        assert (REPO / path).is_file(), f"docs/{page} links to {path}, which does not exist"
        assert not anchor or anchor in anchors(path), f"docs/{page} links to {path}#{anchor}: no such heading"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]


def test_every_dependency_is_listed_with_a_reason():
    project = tomllib.loads(read("pyproject.toml"))["project"]
    names = [_name(r) for r in project["dependencies"]]
    names += [_name(r) for extra in project.get("optional-dependencies", {}).values() for r in extra]
    section = read("README.md").split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1).lower(): m.group(2) for m in re.finditer(r"^\| `([^`]+)`[^|]*\| *(.*?) *\|$", section, re.M)}
    for name in names:
        assert name.lower() in rows, f"{name} (pyproject.toml) is not in the README's dependency table"
        assert len(rows[name.lower()]) > 10, f"{name} needs a reason in the README's dependency table"


def test_docs_project_checks_clean():
    """docs/site_config.yml says content_dir: . so the pages sit directly in docs/."""
    outcome = pipeline.check(DOCS)
    assert outcome.project is not None and outcome.problems == []


def test_docs_project_builds(tmp_path):
    result = CliRunner().invoke(main, ["build", "--project", str(DOCS), "--out", str(tmp_path / "site"), "--strict"])
    assert result.exit_code == 0, result.output
    for page in PAGES:
        assert (tmp_path / "site" / page.replace(".md", ".html")).is_file(), page
