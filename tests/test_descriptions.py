"""The format reference's English meanings (generator/data/descriptions.yml) cover the model, exactly."""

from __future__ import annotations

from generator import schema
from generator.data import table


def fields() -> dict[str, str]:
    """Every field the reference lists, as ClassName.field_name of its defining class -> Indonesian description."""
    out = {}
    for _title, cls in schema.sections():
        for name, field in cls.model_fields.items():
            out[f"{schema.defining_class(cls, name).__name__}.{name}"] = field.description or ""
    return out


def test_every_field_has_an_english_description():
    english = table("descriptions")
    missing = sorted(key for key in fields() if not str(english.get(key) or "").strip())
    assert not missing, f"descriptions.yml lacks: {', '.join(missing)}"


def test_no_entry_names_a_field_that_does_not_exist():
    extra = sorted(set(table("descriptions")) - set(fields()))
    assert not extra, f"descriptions.yml names fields the reference does not have: {', '.join(extra)}"


def test_english_reference_has_no_indonesian_descriptions():
    english = table("descriptions")
    page = schema.reference_markdown("en")
    left = sorted(key for key, text in fields().items() if text and text != english[key] and text in page)
    assert not left, f"Indonesian descriptions in the English reference: {', '.join(left)}"


def test_indonesian_reference_keeps_the_model_descriptions():
    page = schema.reference_markdown("id")
    assert all(text in page for text in fields().values() if text)
