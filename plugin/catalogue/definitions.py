"""The shape of the guidance catalogue: kinds, levels, sections, fields, prompts and checks.

These models validate the YAML data files; they hold no behaviour beyond simple look-ups.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]

FieldType = Literal[
    "text",
    "longtext",
    "date",
    "time",  # a time of day, "HH:MM" (24-hour)
    "choice",
    "bool",
    "number",
    "party",
    "parties",
    "list",
    "records",
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
    # Filled from the agreement itself (its title), never asked: the form shows it, the service
    # writes it, so the clause and the title block cannot name the work differently.
    from_agreement: Literal["title"] | None = None


class Condition(Strict):
    """A check applies only when `field` has one of the values `in`, or is set at all."""

    field: Key
    in_: list[str | bool] | None = Field(default=None, alias="in")
    is_set: bool | None = None


Rule = Literal[
    "required",
    "min_items",
    "each_item_has",
    "each_party_in",
    "any_item",
    "one_of",
    # across sections: they read the values of another section, named by `other`
    "date_within_term",
    "each_aim_measured",
    "linked_to_aim",
    "change_agreed_by_all",
    "min_distinct_parties",
    "date_after_start",
    "review_dates_agree",
    # against the caller's `today` (skipped when the caller gives none)
    "date_not_past",
    "items_not_future",
    "distinct_in_items",
]
Fact = Literal["young_people", "joint_delivery"]


class Check(Strict):
    """A completeness check: one of the named rules in checks.py, with its parameters.

    `severity` says what a finding means: `must` blocks finalising until it is put right or the
    partners record a reason to accept it; `should` is advice. `code` is stable for clients.
    """

    rule: Rule
    message: Line
    source: list[Line] = Field(min_length=1)
    code: (
        Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")] | None
    ) = None
    severity: Literal["must", "should"] = "should"
    label: Key | None = None  # each_item_has: the sub-field that names a record
    noun: Line | None = None  # each_item_has: what one record is, e.g. "meeting"
    other: (
        Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")] | None
    ) = None  # cross-section rules: "section.field" read from another section
    if_fact: Fact | None = None  # the check applies only when this fact about the work holds
    must_from: Key | None = None  # a `must` only from this level up; advice (`should`) below
    field: Key | None = None
    fields: list[Key] | None = None  # one_of
    keys: list[Key] | None = None  # each_item_has
    ref: Key | None = None  # each_party_in: the party/parties sub-field of each record
    with_: list[Key] | None = Field(
        default=None, alias="with"
    )  # each_party_in: sub-fields that must be set too
    match: dict[Key, str | bool] | None = None  # any_item
    # each_item_has / each_party_in: {key: other}: a record whose `other` is set meets `key`
    # too (a one-off task has a date, an ongoing duty says how often instead)
    or_: dict[Key, Key] | None = Field(default=None, alias="or")
    min: int = Field(default=1, ge=1)
    when: Condition | None = None


class Requirement(Strict):
    """When a section must be approved before finalising, and why, with the sources.

    It applies to the `kinds` listed (all kinds if none), from level `from_level` up (every level
    if none), and only when the fact `if_fact` holds for the work (always if none)."""

    why: Line
    source: list[Line] = Field(min_length=1)
    kinds: list[Key] = Field(default_factory=list)
    from_level: Key | None = None
    if_fact: Fact | None = None


class FactSpec(Strict):
    """A fact about the work that decides what is required, read from a bool field of a section.

    Unanswered, it takes `default` (e.g. young people are assumed to be served until the
    partners say they are not); a kind may fix it (workers co-working always deliver together)."""

    key: Fact
    title: Line
    section: Key
    field: Key
    default: bool
    source: list[Line] = Field(min_length=1)


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
    part: Literal["core", "annex"] = "core"  # the short core first; annexes after
    # An annex that joins the core wherever the facts make it required (safeguarding, health
    # and safety, information sharing: central wherever young people are served or workers
    # deliver together).
    core_when_required: bool = False
    requires: list[Requirement] = Field(default_factory=list)

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
    facts: dict[Fact, bool] = Field(default_factory=dict)  # facts that hold for the whole kind


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
