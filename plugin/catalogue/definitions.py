"""The shape of the guidance catalogue: kinds, levels, sections, fields, prompts and checks.

These models validate the YAML data files; they hold no behaviour beyond simple look-ups.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]

FieldType = Literal[
    "text", "longtext", "date", "choice", "bool", "number", "party", "parties", "list", "records"
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prompt(Strict):
    """A guiding question put to the drafting partners, with the sources it rests on."""

    text: Line
    source: list[Line] = Field(min_length=1)


class FieldSpec(Strict):
    """One typed field of a section, or of a record inside a `records` field."""

    key: Key
    label: Line
    type: FieldType
    help: Line | None = None
    options: dict[Key, Line] | None = None  # choice: value -> label
    fields: list[FieldSpec] | None = None  # records: the fields of each record
    max_length: int = Field(default=2000, ge=1, le=20000)


class Condition(Strict):
    """A check applies only when `field` has one of the values `in`, or is set at all."""

    field: Key
    in_: list[str | bool] | None = Field(default=None, alias="in")
    is_set: bool | None = None


class Check(Strict):
    """A completeness check: one of the named rules in checks.py, with its parameters."""

    rule: Literal["required", "min_items", "each_item_has", "each_party_in", "any_item", "one_of"]
    message: Line
    source: list[Line] = Field(min_length=1)
    field: Key | None = None
    fields: list[Key] | None = None  # one_of
    keys: list[Key] | None = None  # each_item_has
    ref: Key | None = None  # each_party_in: the party/parties sub-field of each record
    with_: list[Key] | None = Field(
        default=None, alias="with"
    )  # each_party_in: sub-fields that must be set too
    match: dict[Key, str | bool] | None = None  # any_item
    min: int = Field(default=1, ge=1)
    when: Condition | None = None


class Section(Strict):
    """One clause of an agreement: purpose, prompts, fields, clause wording and checks."""

    key: Key
    title: Line
    purpose: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1200)]
    purpose_source: list[Line] = Field(min_length=1)
    prompts: list[Prompt] = Field(min_length=1)
    fields: list[FieldSpec] = Field(min_length=1)
    clause: Annotated[str, StringConstraints(min_length=1, max_length=12000)]
    checks: list[Check] = Field(default_factory=list)
    example: dict = Field(default_factory=dict)

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)


class Level(Strict):
    """A level on the networking-to-collaboration continuum (OU 1.4, after Himmelman)."""

    key: Key
    title: Line
    description: Line
    adds: Line
    source: list[Line] = Field(min_length=1)
    sections: list[Key]  # sections this level adds to the one below
    formality: Line


class Kind(Strict):
    """A kind of agreement: between organisations, or between workers who deliver together."""

    key: Key
    title: Line
    description: Line
    party_noun: Line
    sections: list[Key] = Field(min_length=1)  # the sections offered, in document order
    always_required: list[Key] = Field(default_factory=list)


class ChecklistItem(Strict):
    text: Line
    source: list[Line] = Field(min_length=1)


class Checklist(Strict):
    """A reflection checklist for partners to talk through before or while they agree."""

    key: Key
    title: Line
    note: Line | None = None
    items: list[ChecklistItem] = Field(min_length=1)


class Source(Strict):
    tag: Line
    title: Line
    file: Line | None = None
