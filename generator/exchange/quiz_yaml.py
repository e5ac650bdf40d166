"""Quiz YAML written for trainers: a draft course made from the categories of an imported bank."""

from __future__ import annotations

import yaml

from .bank import Category, slug

HEADER = """\
# yaml-language-server: $schema=../schemas/course.schema.json
# Diimpor oleh `lms import` dari {source}. Kursus ini masih draft: lengkapi ringkasan, kategori,
# kompetensi, level, tujuan dan JP, tulis materi tiap modul, lalu ubah status menjadi published.
# Blok 'quiz:' sebuah modul juga dapat disalin ke kursus lain.
"""
MODULE_STUB = "# {title}\n\nTulis materi modul ini di sini. Soal kuisnya diimpor dari {source}.\n"


class Dumper(yaml.SafeDumper):
    """Block-style YAML whose multi-line texts stay readable."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _text)


def dump(data: object) -> str:
    """YAML text in the project's style: keys in the given order, Unicode as is."""
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def module_ids(categories: list[Category]) -> list[str]:
    """One unique module id per category: the id the bank carried, else one made from its name."""
    seen: set[str] = set()
    out = []
    for category in categories:
        base = category.module_id or slug(category.names[-1] if category.names else "modul")
        found, n = base, 2
        while found in seen:
            found, n = f"{base}-{n}", n + 1
        seen.add(found)
        out.append(found)
    return out


def draft_course(course_id: str, source: str, categories: list[Category]) -> dict[str, str]:
    """The files of a draft course holding every category as a module with a quiz: {relative path: text}."""
    ids = module_ids(categories)
    titles = {c.names[0] for c in categories if len(c.names) > 1}
    title = titles.pop() if len(titles) == 1 else course_id.replace("-", " ").capitalize()
    objectives = sorted({q["objective"] for c in categories for q in c.questions if q.get("objective")})
    files: dict[str, str] = {}
    modules = []
    for module_id, category in zip(ids, categories, strict=True):
        content = f"modul/{course_id}-{module_id}.md"
        module_title = category.names[-1] if category.names else module_id
        files[f"content/{content}"] = MODULE_STUB.format(title=module_title, source=source)
        modules.append({"id": module_id, "title": module_title, "jp": 1, "content": content,
                        "quiz": {"questions": category.questions}})
    course = {
        "id": course_id, "title": title, "summary": f"Kursus draft dari bank soal {source}.",
        "category": "manajerial", "competency": "pelayanan-publik", "level": 1, "jp": len(modules),
        "status": "draft",
        "objectives": [{"id": o, "text": f"Tulis rumusan tujuan '{o}'."} for o in objectives]
        or [{"id": "tujuan-1", "text": "Tulis rumusan tujuan pembelajaran."}],
        "modules": modules,
    }
    return {f"courses/{course_id}.yml": HEADER.format(source=source) + dump(course), **files}
