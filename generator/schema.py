"""JSON Schemas for editors and the docs' format reference, both from the model."""

from __future__ import annotations

import inspect
import json
import typing
from pathlib import Path

from . import model
from .data import table
from .write import write_file

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def documents() -> dict[str, type[model.Strict]]:
    """Every kind of YAML file or front matter, by name: the site config, courses, and the content kinds."""
    from .kinds import REGISTRY

    return {"site-config": model.SiteConfig, "course": model.Course, **{k.name: k.model for k in REGISTRY}}


def schemas() -> dict[str, dict]:
    """One JSON Schema per kind of YAML or front matter, keyed by file name."""
    out = {}
    for kind, cls in documents().items():
        body = cls.model_json_schema(mode="validation")
        out[f"{kind}.schema.json"] = {"$schema": DIALECT, **body}
    return out


def dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into folder (replacing old copies); return the paths written."""
    written = []
    for name, body in schemas().items():
        write_file(folder / name, dump(body), overwrite=True)
        written.append(str(folder / name))
    return written


# --- the format reference's tables (docs/format.md, the Panduan Penulis page)

CORE_SECTIONS = [
    ("courses/*.yml", model.Course),
    ("objectives[]", model.Objective),
    ("modules[]", model.Module),
    ("modules[].quiz", model.Quiz),
    ("questions[]: every type", model.QuestionBase),
    ("choices[] (single, multiple)", model.Choice),
    *[(f"questions[]: type {cls.model_fields['type'].annotation.__args__[0]}", cls)
      for cls in (model.SingleQuestion, model.MultipleQuestion, model.TrueFalseQuestion, model.ShortQuestion,
                  model.NumericQuestion, model.OrderQuestion, model.MatchQuestion)],
]


def sections() -> list[tuple[str, type]]:
    """The reference's sections: the core files, then each content kind and the mappings inside it."""
    from .kinds import MARKDOWN, REGISTRY

    out = [("site_config.yml", model.SiteConfig), *_mappings("site_config.yml", model.SiteConfig), *CORE_SECTIONS]
    for kind in REGISTRY:
        if kind.source == MARKDOWN:
            where = f"content/{kind.folder}/*.md" if kind.folder else "other content/**/*.md"
            out.append((f"{where} front matter", kind.model))
        else:
            out.append((f"content/{kind.folder}/*.yml", kind.model))
        out += _mappings(kind.folder, kind.model)
    return out


def _mappings(where: str, cls: type) -> list[tuple[str, type]]:
    """A section for each key of cls whose value is a mapping of its own (optional or not)."""
    out = []
    for name, field in cls.model_fields.items():
        inner = [a for a in (typing.get_args(field.annotation) or (field.annotation,)) if a is not type(None)]
        if len(inner) == 1 and isinstance(inner[0], type) and issubclass(inner[0], model.Strict):
            out.append((f"{where}: {name}", inner[0]))
    return out


def _type(prop: dict) -> str:
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"] if p.get("type") != "null")
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    kind = prop.get("type", "any")
    if kind == "array":
        if "prefixItems" in prop:
            return "[" + ", ".join(_type(p) for p in prop["prefixItems"]) + "]"
        items = prop.get("items", {})
        of = "questions" if "oneOf" in items or "discriminator" in items else _type(items)
        return f"list of {of}" + (f" (at least {prop['minItems']})" if "minItems" in prop else "")
    words = {"string": "text", "integer": "integer", "number": "number", "boolean": "true/false"}
    text = words.get(kind, kind)
    if prop.get("format") == "date":
        text = "date"
    limits = [f"{op} {prop[k]}" for k, op in (("minimum", "≥"), ("maximum", "≤")) if k in prop]
    if prop.get("pattern") == model.ID_PATTERN:
        text = "id"
    return text + (f" ({', '.join(limits)})" if limits else "")


WORDS = {  # the reference's own words; keys, values in backticks and descriptions stay as they are
    "en": {"header": "| key | type | required / default | meaning |", "required": "required", "optional": "optional",
           "default": "default", "empty": "empty", "lapor": "the SP4N-LAPOR! channels"},
    "id": {"header": "| kunci | jenis | wajib / bawaan | arti |", "required": "wajib", "optional": "boleh kosong",
           "default": "bawaan", "empty": "kosong", "lapor": "saluran SP4N-LAPOR!"},
}
TYPE_WORDS_ID = [("list of ", "daftar "), ("at least", "paling sedikit"), ("integer", "bilangan bulat"),
                 ("number", "angka"), ("text", "teks"), ("date", "tanggal"), (" or ", " atau ")]


def _translated(kind: str, lang: str) -> str:
    if lang == "en":
        return kind
    parts = kind.split("`")
    for i in range(0, len(parts), 2):  # outside backticks only
        for old, new in TYPE_WORDS_ID:
            parts[i] = parts[i].replace(old, new)
    return "`".join(parts)


def defining_class(cls: type, name: str) -> type:
    """The class in cls's MRO that declares field name (so inherited fields find their own entry)."""
    for klass in cls.__mro__:
        if name in inspect.get_annotations(klass):
            return klass
    raise KeyError(f"{cls.__name__} has no field {name}")


def _meaning(cls: type, name: str, lang: str) -> str:
    """The field's meaning: its English text from descriptions.yml, else the model's (Indonesian) description.

    tests/test_descriptions.py keeps the table complete; a kind added without entries still renders.
    """
    own = cls.model_fields[name].description or ""
    if lang == "en":
        return table("descriptions").get(f"{defining_class(cls, name).__name__}.{name}", own)
    return own


def reference_markdown(lang: str = "en") -> str:
    """The format reference: a table of keys per section, generated from the model."""
    words = WORDS[lang]
    out = []
    for title, cls in sections():
        body = cls.model_json_schema(mode="validation")
        required = set(body.get("required", []))
        out += [f"#### `{title}`", "", words["header"], "|---|---|---|---|"]
        for name, prop in body["properties"].items():
            if cls is not model.QuestionBase and name in model.QuestionBase.model_fields and name != "type":
                continue  # shared question keys are listed once, under "every type"
            field = cls.model_fields[name]
            if name in required:
                need = words["required"]
            elif field.default_factory is not None:
                made = field.default_factory()
                need = f"{words['default']}: {words['lapor']}" if name == "complaint_channels" else (
                    f"{words['default']}: {words['empty']}" if made == [] else words["optional"])
            elif field.default is None:
                need = words["optional"]
            else:
                need = f"{words['default']}: `{json.dumps(field.default)}`"
            out.append(f"| `{name}` | {_translated(_type(prop), lang)} | {need} | {_meaning(cls, name, lang)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
