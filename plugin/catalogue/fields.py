"""Validate a section's field values against its typed field specs.

Raises InvalidInput listing every problem by field path, e.g. ``tasks[0].due``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    create_model,
)

from plugin.workflow.errors import InvalidInput
from plugin.workflow.text import refuse_unfit_characters

from .definitions import FieldSpec, Section

MAX_ITEMS = 100
FIT = AfterValidator(refuse_unfit_characters)
# A one-line answer is one line: runs of white space (newlines included) become one space.
ONE_LINE = AfterValidator(lambda text: " ".join(text.split()))
TRIMMED = AfterValidator(lambda text: text.strip())


class _Values(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _python_type(spec: FieldSpec, path: str) -> Any:
    if spec.type == "text":
        return Annotated[str, Field(max_length=spec.max_length), FIT, ONE_LINE]
    if spec.type == "longtext":
        return Annotated[str, Field(max_length=spec.max_length), FIT, TRIMMED]
    if spec.type == "date":
        return dt.date
    if spec.type == "time":
        return Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    if spec.type == "choice":
        return Literal[tuple(spec.options or ())]
    if spec.type == "bool":
        return StrictBool
    if spec.type == "number":
        return Annotated[float, Field(ge=0, le=1e9)]
    if spec.type == "party":
        return Annotated[int, Field(strict=True)]
    if spec.type == "parties":
        return Annotated[list[Annotated[int, Field(strict=True)]], Field(max_length=MAX_ITEMS)]
    if spec.type == "list":
        item = Annotated[str, Field(max_length=spec.max_length), FIT, ONE_LINE]
        return Annotated[list[item], Field(max_length=MAX_ITEMS)]
    if spec.type == "records":
        return Annotated[list[_model(spec.fields or [], path)], Field(max_length=MAX_ITEMS)]
    raise AssertionError(spec.type)  # the definitions' Literal makes this unreachable


def _model(specs: list[FieldSpec], path: str) -> type[BaseModel]:
    attrs = {s.key: (_python_type(s, f"{path}.{s.key}") | None, None) for s in specs}
    return create_model(f"Values_{path}".replace(".", "_"), __base__=_Values, **attrs)


def _empty(spec: FieldSpec) -> Any:
    return [] if spec.type in ("parties", "list", "records") else None


def _said(value: Any) -> bool:
    return value not in (None, "", []) and not (isinstance(value, str) and not value.strip())


def _complete(specs: Iterable[FieldSpec], values: dict) -> dict:
    """Every declared field present: missing scalars None, missing lists empty."""
    out = {}
    for spec in specs:
        value = values.get(spec.key)
        if value is None:
            value = _empty(spec)
        if spec.type == "records":  # a blank row is not a record
            value = [_complete(spec.fields or (), item) for item in value]
            value = [item for item in value if any(_said(v) for v in item.values())]
        elif spec.type == "list":  # nor is a blank line an entry
            value = [item for item in value if item.strip()]
        out[spec.key] = value
    return out


def complete(section: Section, stored: dict) -> dict:
    """Stored values as the current catalogue sees them: fields it no longer has are dropped,
    fields it has gained are empty. For values saved before the catalogue changed."""
    known = {spec.key for spec in section.fields}
    return _complete(section.fields, {k: v for k, v in stored.items() if k in known})


def _party_refs(specs: Iterable[FieldSpec], values: dict, path: str) -> Iterator[tuple[str, int]]:
    for spec in specs:
        value = values.get(spec.key)
        here = f"{path}{spec.key}"
        if spec.type == "party" and value is not None:
            yield here, value
        elif spec.type == "parties":
            yield from ((f"{here}[{i}]", v) for i, v in enumerate(value))
        elif spec.type == "records":
            for i, item in enumerate(value):
                yield from _party_refs(spec.fields or (), item, f"{here}[{i}].")


def repoint_parties(specs: Iterable[FieldSpec], values: dict, ids: dict[int, int]) -> dict:
    """The same values with every party reference `r` replaced by `ids[r]`."""
    out = dict(values)
    for spec in specs:
        value = values.get(spec.key)
        if value is None:
            continue
        if spec.type == "party":
            out[spec.key] = ids[value]
        elif spec.type == "parties":
            out[spec.key] = [ids[v] for v in value]
        elif spec.type == "records":
            out[spec.key] = [repoint_parties(spec.fields or (), item, ids) for item in value]
    return out


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).startswith(("literal[", "function-", "list[", "int", "str", "date")):
            out += f".{part}" if out else str(part)
    return out


def values_model(section: Section) -> type[BaseModel]:
    """A pydantic model of the section's values (all optional: drafts are partial)."""
    return _model(section.fields, section.key)


def validate_fields(
    section: Section,
    values: object,
    party_ids: Iterable[int],
    model: type[BaseModel] | None = None,
) -> dict:
    """Check `values` against the section's fields; return them complete and JSON-ready.

    Raises InvalidInput with an `errors` list naming each bad field, including references
    to parties that are not in the agreement.
    """
    if not isinstance(values, dict):
        raise InvalidInput("Section fields must be an object of field names to values.")
    model = model or values_model(section)
    try:
        parsed = model.model_validate(values)
    except ValidationError as exc:
        errors = [{"field": _path(e["loc"]), "message": e["msg"]} for e in exc.errors()]
        raise InvalidInput(
            f"Some fields of section '{section.key}' are not valid.", errors=errors
        ) from None
    clean = _complete(section.fields, parsed.model_dump(mode="json"))
    known = set(party_ids)
    errors = [
        {"field": path, "message": f"Party {ref} is not a party to this agreement."}
        for path, ref in _party_refs(section.fields, clean, "")
        if ref not in known
    ]
    if errors:
        raise InvalidInput(f"Section '{section.key}' refers to unknown parties.", errors=errors)
    return clean
