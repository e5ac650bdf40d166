"""SCORM 1.2 packages: the offline site's pages of one course, a launch page and the SCORM adapter."""

from __future__ import annotations

import html
import io
import json
import shutil
import zipfile
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from .. import pipeline
from ..model import Course
from .bank import Loss

HERE = Path(__file__).parent
SITE = ".lms/scorm-site"  # the offline build the packages are cut from, rebuilt on every export
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LOCATIONS = (f"{CP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
             f"{ADLCP} adlcp_rootv1p2.xsd")
LAUNCH = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>html, body, iframe {{ margin: 0; border: 0; width: 100%; height: 100%; display: block; }}</style>
<script type="application/json" id="lms-scorm">{config}</script>
<script src="scorm-adapter.js"></script>
</head>
<body><iframe id="lms-frame" title="{title}" src="kursus/{course}/index.html"></iframe></body>
</html>
"""


def pass_mark(course: Course) -> int:
    """The course pass mark: the mean of its quizzes' pass marks (70 when it has no quiz)."""
    marks = [m.quiz.pass_mark for m in course.modules if m.quiz]
    return round(sum(marks) / len(marks)) if marks else 70


def launch_page(course: Course, lang: str) -> str:
    """The package's entry point: the adapter, and the course's pages in an iframe."""
    config = {"course": course.id, "passMark": pass_mark(course), "modules": [m.id for m in course.modules],
              "quizzes": [m.id for m in course.modules if m.quiz]}
    text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return LAUNCH.format(lang=lang, title=html.escape(course.title), config=text, course=course.id)


def manifest(course: Course, files: list[str]) -> bytes:
    """imsmanifest.xml: one organisation, one SCO item with the mastery score, every file listed."""
    cp, adlcp = ElementMaker(namespace=CP, nsmap={None: CP, "adlcp": ADLCP, "xsi": XSI}), ElementMaker(namespace=ADLCP)
    item = cp.item(cp.title(course.title), adlcp.masteryscore(str(pass_mark(course))),
                   identifier="item-1", identifierref="resource-1", isvisible="true")
    resource = cp.resource(*(cp.file(href=f) for f in files), identifier="resource-1", type="webcontent",
                           href="scorm-launch.html")
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    root = cp.manifest(cp.metadata(cp.schema("ADL SCORM"), cp.schemaversion("1.2")),
                       cp.organizations(cp.organization(cp.title(course.title), item, identifier="org-1"),
                                        default="org-1"),
                       cp.resources(resource), identifier=f"belajar-asn-{course.id}", version="1.0")
    root.set(f"{{{XSI}}}schemaLocation", LOCATIONS)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def course_files(site: Path, course_id: str) -> list[Path]:
    """The site's files a course needs: every asset and image, and the pages of that course only."""
    mine = site / "kursus" / course_id
    return sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith((".map", ".gz"))
                  and (p.suffix != ".html" or p.is_relative_to(mine)))


def package(site: Path, course: Course, lang: str) -> bytes:
    """The zip of one course's SCORM 1.2 package."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in course_files(site, course.id)}
    files["scorm-launch.html"] = launch_page(course, lang).encode("utf-8")
    files["scorm-adapter.js"] = (HERE / "assets" / "scorm-adapter.js").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest(course, sorted(files)))
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), files[name], zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def packages(root: Path, courses: list[Course], lang: str) -> tuple[dict[str, bytes], list[Loss]]:
    """Build the site offline once, then cut one package per course from it: {course id: zip bytes}."""
    site = root / SITE
    outcome = pipeline.build(root, site, offline=True)
    if outcome.project is None:  # checked just before: only a change between the two reads gets here
        raise RuntimeError("the project changed during the export")
    try:
        return {c.id: package(site, c, lang) for c in courses}, []
    finally:
        shutil.rmtree(site, ignore_errors=True)
        pipeline.zip_path(site).unlink(missing_ok=True)
