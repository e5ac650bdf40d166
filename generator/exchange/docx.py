"""A Word .docx becomes a draft module: Markdown by mammoth, images beside it, a report of what was lost."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import mammoth
import mammoth.images

from ..problems import Problem, say
from .bank import slug

EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg",
              "image/webp": "webp", "image/bmp": "bmp"}
FRONT = "---\ntitle: {title}\nstatus: draft\n---\n\n"


def _title(markdown: str, fallback: str) -> str:
    found = re.search(r"^# +(.+?)\s*$", markdown, re.M)
    text = found.group(1) if found else fallback
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text).strip() or fallback


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain_targets(markdown: str) -> str:
    """Image targets without mammoth's backslash escapes, which would hide the file from link checks."""
    return re.sub(r"(!\[[^\]]*\]\()([^)\s]*)\)", lambda m: m[1] + re.sub(r"\\(.)", r"\1", m[2]) + ")", markdown)


def tables(path: Path) -> int:
    """How many tables the document has: mammoth's Markdown writer turns them into plain paragraphs."""
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").count(b"<w:tbl>")


def convert(path: Path, module_id: str) -> tuple[str, dict[str, bytes], list[str]]:
    """Markdown, image files ({path under content/: bytes}) and mammoth's messages for one document."""
    images: dict[str, bytes] = {}

    def keep(image) -> dict:
        with image.open() as stream:
            data = stream.read()
        name = f"gambar-{len(images) + 1}.{EXTENSIONS.get(image.content_type, 'bin')}"
        images[f"gambar/{module_id}/{name}"] = data
        return {"src": f"../gambar/{module_id}/{name}"}

    with path.open("rb") as stream:
        result = mammoth.convert_to_markdown(stream, convert_image=mammoth.images.img_element(keep))
    return _plain_targets(result.value), images, [m.message for m in result.messages]


def module_files(path: Path, shown: str, lang: str = "id") -> tuple[dict[str, bytes], list[Problem], list[str]]:
    """The files of a draft module made from a .docx, the problems that stop it, and notes of what was lost."""
    module_id = slug(path.stem)
    try:
        markdown, images, messages = convert(path, module_id)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        detail = str(exc) or type(exc).__name__
        found = Problem(shown, 1, 1, "", "exchange-docx-broken", {"detail": detail}, "hint-exchange-docx-broken")
        return {}, [found], []
    if not markdown.strip():
        return {}, [Problem(shown, 1, 1, "", "exchange-docx-empty", {}, "hint-exchange-docx-empty")], []
    title = _title(markdown, path.stem)
    files = {f"content/modul/{module_id}.md": (FRONT.format(title=_quoted(title)) + markdown.strip() + "\n").encode()}
    files.update({f"content/{rel}": data for rel, data in images.items()})
    notes = [say("exchange-docx-note", lang, path=shown, detail=m) for m in dict.fromkeys(messages)]
    count = tables(path)
    if count:
        notes.append(say("exchange-docx-tables", lang, path=shown, count=count))
    return files, [], notes
