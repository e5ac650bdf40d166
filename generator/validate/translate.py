"""The model's verdict on a document, translated into our messages with a location and a hint."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any

import pydantic

from .. import data, model
from ..load import type_name
from ..problems import Problem, Term, choice_hint, suggest
from ..structure import Document, key_path

MAX_UNKNOWN = 50  # unknown keys reported one by one per file; a file of thousands gets one line for the rest


def structure(doc: Document, cls: type[model.Strict]) -> tuple[Any, list[Problem]]:
    """Validate a document against a model class; translate every error."""
    try:
        return cls.model_validate(doc.data), []
    except pydantic.ValidationError as exc:
        errors = exc.errors(include_url=False)
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    out = [_translate(doc, cls, e) for e in errors if e["type"] != "extra_forbidden"]
    out += [_translate(doc, cls, e) for e in unknown[:MAX_UNKNOWN]]
    if len(unknown) > MAX_UNKNOWN:
        first = _data_loc(doc.data, unknown[MAX_UNKNOWN]["loc"])
        out.append(doc.problem(first, "unknown-keys-more", {"count": len(unknown) - MAX_UNKNOWN},
                               "hint-unknown-keys-more", of_key=True))
    return None, out


COMPONENTS = model.DELIVERY_COMPONENTS + model.INTERNAL_COMPONENTS
KIND_OF_ERROR = {
    "string_type": "kind-text", "int_type": "kind-integer", "float_type": "kind-number",
    "bool_type": "kind-true/false", "list_type": "kind-list", "model_type": "kind-mapping",
    "dict_type": "kind-mapping", "model_attributes_type": "kind-mapping", "date_type": "kind-date",
    "tuple_type": "kind-pair", "int_from_float": "kind-integer", "model_class_type": "kind-mapping",
}
PATTERN_CODES = {
    model.ID_PATTERN: ("bad-id", "hint-bad-id"),
    model.TEXT_PATTERN: ("empty-text", None),
    model.URL_PATTERN: ("bad-url", "hint-bad-url"),
    model.DOMAIN_PATTERN: ("bad-domain", "hint-bad-domain"),
    model.FOLDER_PATTERN: ("bad-folder", "hint-bad-folder"),
    model.HOURS_PATTERN: ("bad-hours", "hint-bad-hours"),
    model.PHONE_PATTERN: ("bad-phone", "hint-bad-phone"),
    model.EMAIL_PATTERN: ("bad-email", "hint-bad-email"),
}


@dataclass(frozen=True)
class _Error:
    """One pydantic error, located in the document's own data."""

    doc: Document
    cls: type
    loc: tuple
    kind: str
    ctx: dict
    value: Any
    detail: str

    def at(self, code, params=None, hint=None, hint_params=None, of_key=False, where=None, loc=None) -> Problem:
        loc = self.loc if loc is None else loc
        return self.doc.problem(loc if where is None else where, code, params, hint, hint_params, of_key=of_key,
                                key=key_path(loc))


def _translate(doc: Document, cls: type, err: dict) -> Problem:
    e = _Error(doc, cls, _data_loc(doc.data, err["loc"]), err["type"], err.get("ctx", {}), err.get("input"),
               err["msg"])
    if e.kind in KIND_OF_ERROR:
        return _wrong_type(e)
    return TRANSLATIONS.get(e.kind, _invalid)(e)


def _missing(e: _Error) -> Problem:
    loc = e.loc
    if isinstance(loc[-1], int):  # a [left, right] pair with one side
        return e.at("too-few", {"limit": loc[-1] + 1, "actual": loc[-1]}, loc=loc[:-1])
    if e.cls is model.ServiceStandard and len(loc) == 1 and loc[0] in COMPONENTS:
        return e.at("component-missing", {"key": loc[0]}, "hint-component-missing", {"key": loc[0]}, where=())
    return e.at("missing", {"key": loc[-1]}, "hint-missing", {"key": loc[-1]}, where=loc[:-1])


def _unknown_key(e: _Error) -> Problem:
    allowed = _fields_at(e.cls, e.doc.data, e.loc[:-1])
    best = suggest(e.loc[-1], allowed)
    if best:
        return e.at("unknown-key", {"key": e.loc[-1]}, "hint-did-you-mean", {"suggestion": best}, of_key=True)
    return e.at("unknown-key", {"key": e.loc[-1]}, "hint-allowed-keys", {"allowed": ", ".join(allowed)}, of_key=True)


def _wrong_type(e: _Error) -> Problem:
    expected = KIND_OF_ERROR[e.kind]
    actual = type_name(e.value)
    hint, hint_params = None, {}
    if expected == "kind-text" and actual in ("number", "true/false"):
        hint, hint_params = "hint-quote-text", {"value": _yaml_scalar(e.value)}
    elif expected == "kind-true/false" and actual == "text":
        hint = "hint-yes-no"
    elif expected in ("kind-number", "kind-integer") and actual == "text":
        hint = "hint-number"
    elif expected == "kind-list":
        hint = "hint-list"
    if e.cls is model.ServiceStandard and e.loc[:1] in (("biaya",), ("jangka_waktu",)):
        hint, hint_params = f"hint-{e.loc[0]}", {}
    actual_term = Term("kind-" + actual) if "kind-" + actual in data.table("messages") else actual
    return e.at("wrong-type", {"expected": Term(expected), "actual": actual_term}, hint, hint_params)


def _not_allowed(e: _Error) -> Problem:
    allowed = re.findall(r"'([^']*)'", e.ctx.get("expected", ""))
    hint, hint_params = choice_hint(e.value, allowed)
    return e.at("not-allowed", {"value": e.value, "allowed": ", ".join(allowed)}, hint, hint_params)


def _pattern(e: _Error) -> Problem:
    code, hint = PATTERN_CODES.get(e.ctx.get("pattern"), ("invalid", None))
    return e.at(code, {"value": e.value, "detail": e.detail}, hint)


def _question_type(e: _Error) -> Problem:
    hint, hint_params = choice_hint(e.ctx.get("tag"), model.QUESTION_TYPES)
    return e.at("question-type-unknown", {"value": e.ctx.get("tag"), "allowed": ", ".join(model.QUESTION_TYPES)},
                hint, hint_params, loc=e.loc + ("type",))


def _invalid(e: _Error) -> Problem:
    return e.at("invalid", {"detail": e.detail})


TRANSLATIONS = {
    "missing": _missing,
    "extra_forbidden": _unknown_key,
    "literal_error": _not_allowed,
    "greater_than_equal": lambda e: e.at("too-small", {"limit": _number(e.ctx.get("ge")), "value": _number(e.value)}),
    "greater_than": lambda e: e.at("too-small", {"limit": _number(e.ctx.get("gt")), "value": _number(e.value)}),
    "less_than_equal": lambda e: e.at("too-large", {"limit": _number(e.ctx.get("le")), "value": _number(e.value)}),
    "less_than": lambda e: e.at("too-large", {"limit": _number(e.ctx.get("lt")), "value": _number(e.value)}),
    "too_short": lambda e: e.at("too-few", {"limit": e.ctx["min_length"], "actual": e.ctx["actual_length"]}),
    "too_long": lambda e: e.at("too-many", {"limit": e.ctx["max_length"], "actual": e.ctx["actual_length"]}),
    "string_pattern_mismatch": _pattern,
    "url_invalid": lambda e: e.at("url-invalid", {"value": e.value, "reason": Term(e.ctx["reason"])}, "hint-bad-url"),
    "union_tag_invalid": _question_type,
    "union_tag_not_found": lambda e: e.at("question-type-missing", {}, "hint-question-type",
                                          {"allowed": ", ".join(model.QUESTION_TYPES)}),
}


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _yaml_scalar(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _data_loc(raw: Any, loc: tuple) -> tuple:
    """Drop the union tags pydantic adds to a location (e.g. ...questions.0.single.choices)."""
    out: list = []
    here = raw
    for part in loc:
        if isinstance(here, dict) and part not in here and part == here.get("type"):
            continue
        out.append(part)
        if isinstance(here, dict):
            here = here.get(part)
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            here = None
    return tuple(out)


def _fields_at(cls: Any, raw: Any, loc: tuple) -> list[str]:
    """The keys the model allows at a location of the raw data."""
    here = raw
    for part in loc:
        here = here[part] if isinstance(here, (dict, list)) else None
        cls = _inner(cls, part, here)
    cls = _pick(cls, here)
    return list(cls.model_fields) if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel) else []


def _inner(cls: Any, part: Any, here: Any) -> Any:
    cls = _pick(cls, here)
    if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
        field = cls.model_fields.get(part)
        return field.annotation if field else None
    args = typing.get_args(cls)
    return args[0] if args else None


def _pick(cls: Any, here: Any) -> Any:
    """Unwrap Annotated/Optional, and choose a question class by its `type`."""
    while typing.get_origin(cls) is typing.Annotated:
        cls = typing.get_args(cls)[0]
    if typing.get_origin(cls) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        chosen = [o for o in options if isinstance(o, type) and issubclass(o, pydantic.BaseModel)
                  and isinstance(here, dict) and "type" in o.model_fields
                  and here.get("type") in typing.get_args(o.model_fields["type"].annotation)]
        cls = chosen[0] if chosen else options[0] if len(options) == 1 else None
        return _pick(cls, here) if cls is not None else None
    return cls
