"""The `lms` command: check, build, serve, new, schema. Exit 0 ok, 1 problems, 2 usage."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from . import kinds, pipeline, problems, scaffold, schema, usage, write
from .engine import EngineError
from .problems import say
from .structure import BuildOptions, build_date

DEFAULT = BuildOptions()


def find_root(start: Path) -> Path:
    """The folder holding site_config.yml: start itself or the nearest folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "site_config.yml").is_file():
            return folder
    for lang in ("id", "en"):  # no site yet to choose the language: Indonesian first, then English
        click.echo(f"{say('label-error', lang)}: {say('no-project', lang, start=start)}\n"
                   f"    {say('label-hint', lang)}: {say('hint-no-project', lang)}", err=True)
    sys.exit(2)


def safe_out(root: Path, out: Path) -> Path:
    """The output folder, refusing one whose replacement would delete the project's sources."""
    out = out.resolve()
    sources = [root / name for name in ("courses", "content", ".git", ".lms", "generator", "tests")]
    if root.is_relative_to(out) or any(out.is_relative_to(s) for s in sources) or out == root / "site_config.yml":
        for lang in ("id", "en"):
            click.echo(f"{say('label-error', lang)}: {say('out-replaces-sources', lang, out=out)}\n"
                       f"    {say('label-hint', lang)}: {say('hint-out-replaces-sources', lang)}", err=True)
        sys.exit(2)
    return out


def project_option(func):
    return click.option(
        "--project", "project", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
        show_default=True, help="Project folder (the one with site_config.yml).",
    )(func)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _print_problems(outcome: pipeline.Outcome, fmt: str = "text", err: bool = False) -> None:
    text = problems.report(problems.sort(outcome.problems), outcome.language, outcome.files, fmt, _in_ci())
    click.echo(text, err=err)


@click.group(cls=usage.Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="belajar-asn", prog_name="lms")
def main() -> None:
    """Belajar ASN: turn course YAML and Markdown into a learning site."""


@main.command()
@project_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="Report format; under CI=true text also prints ::error lines.")
def check(project: Path, strict: bool, fmt: str) -> None:
    """Validate everything and build nothing."""
    outcome = pipeline.check(find_root(project))
    _print_problems(outcome, fmt)
    sys.exit(1 if problems.failed(outcome.problems, strict) else 0)


@main.command()
@project_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder  [default: site/ in the project]")
@click.option("--strict", is_flag=True, help="Treat warnings (ours and MkDocs') as errors.")
@click.option("--offline", is_flag=True,
              help="Build a site that works opened from file:// (USB stick) and zip it as OUT.zip.")
def build(project: Path, out: Path | None, strict: bool, offline: bool) -> None:
    """Check, then build the site (a failed build leaves the old site untouched)."""
    root = find_root(project)
    out = safe_out(root, out or root / "site")
    start = time.perf_counter()
    outcome = _built(root, out, lambda lang: say("build-failed", lang, out=out),
                     BuildOptions(strict=strict, offline=offline), progress=_progress_printer())
    for warning in outcome.warnings:
        click.echo(f"MkDocs: {warning}", err=True)
    click.echo(say("build-done", outcome.language, out=out, courses=len(outcome.project.published)))
    click.echo(pipeline.summary(outcome, out, time.perf_counter() - start))
    if offline:
        click.echo(say("build-zipped", outcome.language, zip=pipeline.zip_path(out), index=out / "index.html"))


def _built(root: Path, out: Path, refusal, options: BuildOptions = DEFAULT, progress=None) -> pipeline.Outcome:
    """Build, printing any problems; on errors (or an engine failure) say refusal(language) and exit 1."""
    foreign = write.foreign_file(out)
    if foreign is not None:  # a build replaces the whole folder: only an empty one or a built site may go
        click.echo(say("out-not-ours", pipeline.check(root).language, out=out, name=foreign.name), err=True)
        sys.exit(1)
    try:
        outcome = pipeline.build(root, out, options, progress, waiting=lambda text: click.echo(text, err=True))
    except EngineError as exc:
        click.echo(f"MkDocs: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # a read-only or full disk: one line, and out is as it was
        click.echo(say("write-failed", pipeline.check(root).language, path=exc.filename or out,
                       reason=exc.strerror or exc, out=out), err=True)
        sys.exit(1)
    if outcome.problems:
        _print_problems(outcome, err=True)
    if outcome.project is None or problems.failed(outcome.problems, options.strict):
        click.echo(refusal(outcome.language), err=True)
        sys.exit(1)
    return outcome


def _progress_printer():
    """Report the engine's progress on big sites: a line per tenth of the pages (on one line in a terminal)."""
    tty = sys.stderr.isatty()
    shown = {"step": -1}

    def report(done: int, total: int) -> None:
        if total < 100:
            return
        step = done * 10 // total
        if step != shown["step"] or (tty and done == total):
            shown["step"] = step
            end = "\n" if not tty or done == total else "\r"
            click.echo(f"MkDocs: {done}/{total} ({done * 100 // total}%)", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    return report


@main.command()
@project_option
@click.option("--remote", default="origin", show_default=True, help="Git remote name or URL to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch that holds the published site.")
@click.option("--message", default=None, help="Commit message  [default: Publish SITE from COMMIT]")
def deploy(project: Path, remote: str, branch: str, message: str | None) -> None:
    """Check, build and publish the site to a branch (GitHub Pages), leaving your work untouched."""
    from . import deploy as publishing

    root = find_root(project)
    out = root / ".lms" / "deploy-site"  # built apart from site/, which stays as the user left it
    outcome = _built(root, out, lambda lang: say("deploy-refused", lang, branch=branch))
    config = outcome.project.config
    publishing.mark_for_pages(out, config.custom_domain)
    try:
        done = publishing.publish(root, out, remote, branch,
                                  message or publishing.default_message(root, config.site_name))
    except publishing.DeployError as exc:
        click.echo(say("deploy-failed", outcome.language, detail=str(exc)), err=True)
        sys.exit(1)
    if done.commit is None:
        click.echo(say("deploy-unchanged", outcome.language, branch=branch, remote=remote))
    else:
        click.echo(say("deploy-done", outcome.language, branch=branch, remote=remote, commit=done.commit[:12]))


@main.command()
@project_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(project: Path, port: int) -> None:
    """Build and serve the site on http://127.0.0.1:PORT, rebuilding when sources change."""
    from . import engine, preview

    root = find_root(project)
    out = root / ".lms" / "serve"
    session = preview.Preview(root, out)

    def rebuild() -> None:
        """Build what changed; on problems the last good site stays, with the problems shown over its pages."""
        start = time.perf_counter()
        try:
            outcome = session.rebuild()
        except EngineError as exc:
            click.echo(f"MkDocs: {exc}", err=True)
            return
        if outcome.problems:
            _print_problems(outcome, err=True)
        if outcome.ok:
            click.echo(say("serve-rebuilt", outcome.language, seconds=f"{time.perf_counter() - start:.1f}"), err=True)

    rebuild()
    out.mkdir(parents=True, exist_ok=True)
    click.echo(f"http://127.0.0.1:{port}/")
    engine.serve(rebuild, out, pipeline.sources_of(root), port)


class _Kinds(click.Group):
    """`lms new KIND`: one subcommand per kind in the registry that has a skeleton, plus `course`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | {k.name for k in kinds.REGISTRY if k.scaffold})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        kind = next((k for k in kinds.REGISTRY if k.name == name and k.scaffold), None)
        return _new_kind(kind) if kind else super().get_command(ctx, name)


@main.group(cls=_Kinds)
def new() -> None:
    """Create a new piece of content from a valid skeleton."""


@new.command("course")
@project_option
@click.argument("course_id")
def new_course(project: Path, course_id: str) -> None:
    """Write courses/COURSE_ID.yml and its first module's Markdown file."""
    root = find_root(project)
    if not scaffold.valid_id(course_id):
        raise click.BadParameter(f"'{course_id}' is not a valid id: use lower-case letters, digits and "
                                 "hyphens, for example pelayanan-prima", param_hint="COURSE_ID")
    written = scaffold.new_course(root, course_id)
    if not written:
        click.echo(f"courses/{course_id}.yml already exists; nothing was written.", err=True)
        sys.exit(1)
    for path in written:
        click.echo(path)


def _new_kind(kind: kinds.Kind) -> click.Command:
    @click.command(kind.name, help=f"Write a new {kind.noun} (status: draft) from a valid skeleton.")
    @project_option
    @click.argument("content_id", metavar="ID")
    def command(project: Path, content_id: str) -> None:
        root = find_root(project)
        if not scaffold.valid_id(content_id):
            raise click.BadParameter(f"'{content_id}' is not a valid id: use lower-case letters, digits and "
                                     "hyphens, for example menara-kertas", param_hint="ID")
        written = scaffold.new(root, kind, content_id, build_date())
        if not written:
            click.echo(f"{kind.file(content_id)} already exists; nothing was written.", err=True)
            sys.exit(1)
        for path in written:
            click.echo(path)

    return command


@main.command()
@project_option
@click.argument("surveys", metavar="SURVEY...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--complaints", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Complaints file (CSV or .xlsx): unit, layanan, tanggal, kategori, uraian.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "page", "csv"]), default="text",
              show_default=True, help="text for people, json for tools, csv for spreadsheets, page to write an "
              "'Evaluasi Layanan' page for the site.")
@click.option("--period", type=click.Choice(["month", "quarter", "semester", "year"]), default=None,
              help="Group answers by the timestamp column; the report shows each period and its change.")
@click.option("--sheet", default=None, help="The worksheet with the answers  [default: the one recognised]")
@click.option("--map", "map_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="YAML: which column is which element, which answer word is which score.")
@click.option("--explain", is_flag=True, help="Only print the detected mapping (column -> element, answers -> "
              "scores).")
@click.option("--population", multiple=True, metavar="[UNIT=]N",
              help="People served in the period, for the minimum sample (Krejcie-Morgan).")
@click.option("--unit", default=None, help="Unit name for files without a unit column  [default: organization]")
@click.option("--share", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="An element with more than this share of a unit's complaints counts as weak.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where --format page or csv writes  [default: content/evaluasi-layanan.md; csv: stdout]")
def evaluate(project: Path, surveys: tuple[Path, ...], complaints: Path | None, fmt: str, period: str | None,
             sheet: str | None, map_file: Path | None, explain: bool, population: tuple[str, ...],
             unit: str | None, share: float, out: Path | None) -> None:
    """Turn SKM survey files (CSV, Google Forms, Excel) into IKM per unit, service and period, and courses."""
    from . import survey

    people = survey.population(population)
    if people is None:
        raise click.BadParameter("give a number of people served, e.g. 1200, or UNIT=NUMBER",
                                 param_hint="--population")
    done = survey.evaluate(survey.Request(find_root(project), surveys, complaints, fmt, share, out, period, sheet,
                                          map_file, people, unit, explain))
    if done.out:
        click.echo(done.out)
    if done.err:
        click.echo(done.err, err=True)
    sys.exit(done.code)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--organization", default="Nama Instansi", show_default=True, help="The office the site belongs to.")
def init(directory: Path, organization: str) -> None:
    """Start a new project in DIRECTORY: an example of each kind, a README for trainers, workflows."""
    if directory.exists() and any(directory.iterdir()):
        click.echo(f"{directory} is not empty; choose a new folder.", err=True)
        sys.exit(1)
    written = scaffold.init(directory, organization, build_date())
    schema.write_schemas(directory / "schemas")
    for path in written:
        click.echo(path)
    click.echo(f"schemas/\nNext: cd {directory} && lms serve")


@main.command("schema")
@project_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the .schema.json files  [default: schemas/ in the project]")
def schema_command(project: Path, out: Path | None) -> None:
    """Write JSON Schema files for every YAML and front-matter kind, for editors."""
    root = find_root(project)
    for path in schema.write_schemas(out or root / "schemas"):
        click.echo(path)


@main.command("export")
@project_option
@click.argument("courses", nargs=-1, metavar="[COURSE]...")
@click.option("--format", "fmt", type=click.Choice(["scorm12", "gift", "moodle-xml"]), required=True,
              help="scorm12: a package per course; gift, moodle-xml: a question bank per course.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the files  [default: export/ in the project]")
def export_command(project: Path, courses: tuple[str, ...], fmt: str, out: Path | None) -> None:
    """Write courses (default: every published one) for Moodle or any SCORM 1.2 LMS."""
    from . import exchange

    root = find_root(project)
    target = safe_out(root, out or root / "export")
    result = exchange.export(root, courses, fmt, target)
    for line in exchange.report(result, result.language):
        click.echo(line, err=True)
    if not result.ok:
        click.echo(say("exchange-export-refused", result.language), err=True)
        sys.exit(1)
    for path in result.written:
        click.echo(path)
    if result.losses:
        click.echo(say("exchange-losses", result.language, count=len(result.losses), format=fmt), err=True)
    click.echo(say("exchange-export-done", result.language, count=len(result.written), format=fmt, out=target))


@main.command("import")
@project_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path))
def import_command(project: Path, files: tuple[Path, ...]) -> None:
    """Turn GIFT or Moodle XML banks into draft courses and Word .docx files into draft modules."""
    from . import exchange

    root = find_root(project)
    lang = pipeline.check(root).language
    result = exchange.import_files(root, files, lang)
    for line in exchange.report(result, lang):
        click.echo(line, err=True)
    if not result.ok:
        click.echo(say("exchange-import-refused", lang), err=True)
        sys.exit(1)
    for path in result.written:
        click.echo(path.relative_to(root.resolve()))
    click.echo(say("exchange-import-done", lang, count=len(result.written)))


if __name__ == "__main__":  # pragma: no cover
    main()
