"""`lms export`: write courses as GIFT or Moodle XML banks or SCORM 1.2 packages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import pipeline
from ..problems import ERROR, Problem, choice_hint, failed
from . import gift, moodle_xml
from .bank import Loss

SUFFIX = {"gift": ".gift", "moodle-xml": ".moodle.xml", "scorm12": ".scorm12.zip"}


@dataclass
class Result:
    """What an export or import did: files written, losses, problems, in the site's language."""

    language: str = "id"
    files: int = 0
    written: list[Path] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not failed(self.problems, False)


def chosen(outcome: pipeline.Outcome, ids: tuple[str, ...]) -> tuple[list, list[Problem]]:
    """The courses named (drafts too), or every published one; unknown ids are problems."""
    project = outcome.project
    if not ids:
        return list(project.published), []
    by_id = {c.id: c for c in project.courses}
    found, missing = [], []
    for ident in ids:
        if ident in by_id:
            found.append(by_id[ident])
        else:
            hint, params = choice_hint(ident, sorted(by_id))
            missing.append(Problem(f"courses/{ident}.yml", 1, 1, "", "exchange-unknown-course", {"id": ident},
                                   hint, params, ERROR))
    return found, missing


def export(root: Path, ids: tuple[str, ...], fmt: str, out: Path) -> Result:
    """Check the project, then write one file per chosen course into out; nothing is written on problems."""
    outcome = pipeline.check(root)
    result = Result(outcome.language, outcome.files, problems=list(outcome.problems))
    if outcome.project is None or not result.ok:
        return result
    courses, missing = chosen(outcome, ids)
    result.problems += missing
    if not result.ok:
        return result
    site = outcome.project.config.site_name
    bodies: dict[Path, bytes] = {}
    if fmt == "scorm12":
        from . import scorm

        result.problems += [Problem(f"courses/{c.id}.yml", 1, 1, "status", "exchange-scorm-draft", {"id": c.id},
                                    "hint-exchange-scorm-draft") for c in courses if c.status != "published"]
        if not result.ok:
            return result
        zips, losses = scorm.packages(root, courses, outcome.language)
        bodies = {out / f"{ident}{SUFFIX[fmt]}": body for ident, body in zips.items()}
        result.losses += losses
    for course in courses if fmt != "scorm12" else ():
        path = f"courses/{course.id}.yml"
        writer = gift if fmt == "gift" else moodle_xml
        text, losses = writer.write_course(course, path, site)
        bodies[out / f"{course.id}{SUFFIX[fmt]}"] = text.encode("utf-8")
        result.losses += losses
    out.mkdir(parents=True, exist_ok=True)
    for target, body in bodies.items():
        target.write_bytes(body)  # out holds our exports only: a new export replaces the old one
        result.written.append(target)
    return result
