"""`lms import`: question banks become draft courses, Word documents become draft modules."""

from __future__ import annotations

from pathlib import Path

from ..problems import ERROR, Problem
from . import gift_read, moodle_read, quiz_yaml
from .bank import Category, slug, validate_quiz
from .export import Result

BANKS = (".gift", ".txt", ".xml")


def _shown(path: Path, root: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def read_bank(path: Path, shown: str) -> tuple[list[Category], list[Problem]]:
    """Categories and problems of one GIFT or Moodle XML file."""
    data = path.read_bytes()
    if path.suffix.lower() == ".xml":
        return moodle_read.read(shown, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, 1, "", "not-utf8", {"byte": f"{data[exc.start]:02x}"}, "hint-not-utf8")]
    return gift_read.read(shown, text)


def bank_files(root: Path, path: Path, shown: str) -> tuple[dict[str, bytes], list[Problem]]:
    """The draft course files for one bank, or the problems that stop it."""
    categories, found = read_bank(path, shown)
    if not found and not categories:
        found.append(Problem(shown, 1, 1, "", "exchange-empty-bank", {}, "hint-exchange-empty-bank"))
    for category in categories:
        for line in validate_quiz(category.questions):
            found.append(Problem(shown, category.line, 1, "/".join(category.names), "exchange-bad-question",
                                 {"detail": line}, "hint-exchange-bad-question"))
    if found:
        return {}, found
    course_id = slug(path.stem.removesuffix(".moodle"), "impor")
    files = quiz_yaml.draft_course(course_id, path.name, categories)
    return {rel: text.encode("utf-8") for rel, text in files.items()}, []


def import_files(root: Path, paths: tuple[Path, ...], lang: str) -> Result:
    """Read every file, then write every new file, or nothing at all when any problem is an error."""
    root = root.resolve()
    result = Result(lang, len(paths))
    planned: dict[str, bytes] = {}
    for path in paths:
        shown = _shown(path, root)
        suffix = path.suffix.lower()
        if suffix in BANKS:
            files, found = bank_files(root, path, shown)
        elif suffix == ".docx":
            from . import docx

            files, found, notes = docx.module_files(path, shown, lang)
            result.notes += notes
        else:
            files, found = {}, [Problem(shown, 1, 1, "", "exchange-unknown-suffix", {"suffix": suffix or "-"},
                                        "hint-exchange-unknown-suffix")]
        result.problems += found
        for rel, body in files.items():
            if (root / rel).exists() or rel in planned:
                result.problems.append(Problem(rel, 1, 1, "", "exchange-exists", {"source": shown},
                                               "hint-exchange-exists", severity=ERROR))
            planned[rel] = body
    if not result.ok:
        return result
    for rel, body in planned.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        result.written.append(target)
    return result
