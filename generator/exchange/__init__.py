"""Courses out to Moodle and SCORM LMSs, trainers' question banks and Word documents in."""

from .export import SUFFIX, Result, export
from .intake import import_files

FORMATS = tuple(SUFFIX)
__all__ = ["FORMATS", "Result", "export", "import_files", "report"]


def report(result: Result, lang: str) -> list[str]:
    """The lines that show problems and losses to people, problems first."""
    from .. import problems

    lines = []
    if result.problems:
        lines.append(problems.text_report(problems.sort(result.problems), lang, result.files))
    lines += [loss.text(lang) for loss in result.losses]
    lines += result.notes
    return lines
