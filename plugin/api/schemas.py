"""Request and response bodies of the JSON API (pydantic), which also make its OpenAPI schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from annotated_types import Interval
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from plugin.workflow import names
from plugin.workflow.text import refuse_unfit_characters

Fit = AfterValidator(refuse_unfit_characters)
# Names and titles: no control or format character (names.py), and not blank; the pattern says
# so in the schema (the server checks it in Python: the class holds lone surrogates).
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    Fit,
    AfterValidator(names.refuse_hidden_characters),
    Field(json_schema_extra={"pattern": names.name_pattern()}),
]
# An address to mail: one @, no white space, no list or angle-bracket punctuation, and no hidden
# character (as names); the published pattern says all of it, the server checks it in Python.
_NOT_IN_ADDRESS = r"@\s<>,;" + names.hidden_class()[1:-1]
Email = Annotated[
    str,
    StringConstraints(min_length=3, max_length=254, pattern=r"^[^@\s<>,;]+@[^@\s<>,;]+$"),
    AfterValidator(names.refuse_hidden_characters),
    Field(json_schema_extra={"pattern": f"^[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+$"}),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Key = Annotated[str, StringConstraints(max_length=60)]
# The catalogue's kinds and levels (tests/api/test_openapi.py keeps the two in step).
Kind = Literal["partnership", "co_working"]
Level = Literal["networking", "coordination", "cooperation", "collaboration"]
MAX_TEXT = 50_000
MAX_ID = 2**31 - 1  # database integer columns; larger numbers can name nothing


def _whole(value: object) -> object:
    """JSON Schema counts 1.0 as an integer: take it as 1 (strict models refuse floats else)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


Whole = Annotated[int, BeforeValidator(_whole)]
Id = Annotated[int, Interval(ge=1, le=MAX_ID), BeforeValidator(_whole)]


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# Stored as naive UTC; sent as RFC 3339 with its zone ("2027-01-15T18:30:00Z").
Timestamp = Annotated[dt.datetime, AfterValidator(_utc)]


def _not_blank_pattern(excluded: str) -> str:
    """A schema pattern: none of the `excluded` characters (a regex class body), and something
    other than white space (the server strips it, then needs a character)."""
    return f"^[^{excluded}]*[^{excluded}\\s][^{excluded}]*$"


# What Fit (refuse_unfit_characters) refuses in one-line and free text, as a class body.
UNFIT = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u202a-\u202e\u2066-\u2069"
UNFIT_IN_SECTION_TEXT = "\x00-\x08\x0e-\x1f\ufffe\uffff\u202a-\u202e\u2066-\u2069"
FreeText = Field(json_schema_extra={"pattern": _not_blank_pattern(UNFIT)})


def section_text(text: str) -> str:
    return refuse_unfit_characters(text, section_text=True)


class In(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Requests ---------------------------------------------------------------------------------------


class PartyIn(In):
    name: Name


class AgreementCreate(In):
    title: Name
    kind: Kind
    level: Level
    parties: list[PartyIn] = Field(
        min_length=2,
        max_length=20,
        json_schema_extra={"uniqueItems": True},
        description="Each party's name must differ from the others' when compared by its Unicode "
        "confusable skeleton (UTS #39) after NFKC and case folding: 'Police' and 'POLICE' or "
        "'Pоlice' (Cyrillic о) are one name (else 422)",
    )
    owner_party: Whole = Field(
        default=0,
        ge=0,
        le=19,
        description="Which party (by position) you speak for: less than the number of parties",
    )


class SectionPut(In):
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["fields"], "properties": {"fields": {"type": "object"}}},
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
            ]
        }
    )

    base_revision: Whole = Field(
        ge=0, le=MAX_ID, description="The revision this edit is based on; 0 for a new section"
    )
    fields: dict[str, Any] | None = None
    text: (
        Annotated[
            str,
            StringConstraints(max_length=MAX_TEXT),
            AfterValidator(section_text),
            Field(json_schema_extra={"pattern": f"^[^{UNFIT_IN_SECTION_TEXT}]*$"}),
        ]
        | None
    ) = Field(default=None, description="The clause text; omitted: rendered from the fields")
    source: Literal["pane", "document", "import"] = "pane"

    @model_validator(mode="after")
    def something_to_save(self):
        if self.fields is None and self.text is None:
            raise ValueError("send the section's fields, its text, or both")
        return self


class ApprovalCreate(In):
    party_id: Id
    revision_sha256: Sha256
    confirms_authority: Literal[True] = Field(
        description="Must be true: the approver has authority to agree this for their party"
    )
    job_title: Annotated[Name, StringConstraints(max_length=80)] | None = Field(
        None, description="The approver's job title, kept on their membership"
    )


class ChangeRequestCreate(In):
    party_id: Id
    revision_sha256: Sha256
    comment: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000), Fit, FreeText
    ]


class AcceptedFindingCreate(In):
    code: Annotated[
        str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", max_length=120)
    ]
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), Fit, FreeText
    ]


class ChangeRequestClose(In):
    status: Literal["withdrawn", "resolved"]


class InvitationCreate(In):
    party_id: Id
    role: Literal["viewer", "editor", "approver"]
    email: Email | None = Field(
        default=None,
        description="Mail the link to this address (the answer still carries it to copy)",
    )


# Responses --------------------------------------------------------------------------------------


class Problem(Out):
    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int
    detail: str


class UserOut(Out):
    id: int
    email: str
    name: str


class MeOut(UserOut):
    email_verified: bool = Field(
        description="A sign-in provider verified this email address (its claim email_verified)"
    )
    email_verified_by: str | None = Field(
        description="The display name of the provider that verified it; null when none did"
    )


class PartyOut(Out):
    id: int
    name: str


class MemberOut(Out):
    id: int = Field(description="The membership's id (DELETE …/members/{id} removes it)")
    user: UserOut
    party_id: int
    role: str
    job_title: str | None = Field(None, description="Set when they first approve (null until)")


class RevisionBrief(Out):
    """A revision as the agreement's state carries it: without the structured fields."""

    number: int
    text: str
    sha256: str
    source: str
    author: UserOut
    created_at: Timestamp


class RevisionOut(RevisionBrief):
    fields: dict[str, Any]


ETag = Field(description="The agreement's new ETag (also sent as the ETag header)")


class RevisionSaved(Out):
    created: bool = Field(description="False when the text was identical and no revision was made")
    revision: RevisionOut
    etag: str = ETag


class ApprovalOut(Out):
    party_id: int
    revision_number: int
    sha256: str
    approved_by: UserOut
    approved_at: Timestamp
    current: bool = Field(description="Whether it names the section's current revision")


class AcceptedFindingOut(Out):
    section: str
    code: str
    reason: str
    party_id: int = Field(description="The party whose approver recorded the reason")
    accepted_by: UserOut
    accepted_at: Timestamp


class FindingOut(Out):
    section: str
    message: str
    source: list[str]
    # added for issue 7 (defaults keep older readers and writers working)
    code: str = Field(
        "", description="Stable identifier of the check, e.g. roles.party_without_responsibility"
    )
    severity: Literal["must", "should"] = Field(
        "should",
        description="`must` blocks finalising unless accepted with a reason; `should` is advice",
    )
    judges_fields: bool = Field(
        False, description="The section's text was edited by hand after the fields this judges"
    )
    accepted: AcceptedFindingOut | None = Field(
        None, description="The partners' recorded reason to accept this `must` finding"
    )


class ChangeRequestOut(Out):
    number: int
    section: str
    party_id: int
    revision_number: int
    sha256: str
    comment: str
    status: str
    raised_by: int
    created_at: Timestamp


class ApprovalRecord(Out):
    party_id: int
    approved_by: UserOut
    approved_at: Timestamp
    version: int
    active: bool = Field(
        description="False once withdrawn, replaced, or the version was renegotiated"
    )
    ended_at: Timestamp | None


class RevisionRecord(RevisionOut):
    version: int
    approvals: list[ApprovalRecord]
    change_requests: list[ChangeRequestOut]


class SectionHistory(Out):
    section: str
    title: str
    revisions: list[RevisionRecord] = Field(description="Newest first")


class SectionOut(Out):
    key: str
    title: str
    required: bool
    revision: RevisionBrief | None
    approvals: list[ApprovalOut]
    approved_by_all: bool
    findings: list[FindingOut]
    why_required: list[str] = Field(
        default_factory=list, description="Why the section is required, citing the guidance"
    )


class SectionDetail(SectionOut):
    """One section with its current revision's structured fields (the one being edited)."""

    revision: RevisionOut | None
    fields: dict[str, Any] = Field(description="The current fields, or the empty form's")


class ApprovalSaved(Out):
    approval: ApprovalOut
    approved_by_all: bool = Field(description="Whether every party now approves the section")
    etag: str = ETag


class ChangeRequestSaved(ChangeRequestOut):
    etag: str = ETag


class InvitationListed(Out):
    id: int
    party_id: int
    role: str
    created_by: int
    created_at: Timestamp
    expires_at: Timestamp


class InvitationList(Out):
    invitations: list[InvitationListed] = Field(description="Open: not used, revoked or expired")


class ReadinessOut(Out):
    ready: bool
    missing: list[str]


class AgreementSummary(Out):
    id: int
    title: str
    kind: str
    level: str
    status: str
    version: int
    my_role: str
    my_party_id: int


class AgreementOut(AgreementSummary):
    parties: list[PartyOut]
    members: list[MemberOut]
    invitations: list[InvitationListed] = Field(description="Open invitations, every party's")
    sections: list[SectionOut]
    change_requests: list[ChangeRequestOut]
    readiness: ReadinessOut


class AgreementList(Out):
    agreements: list[AgreementSummary]


class InvitationOut(Out):
    id: int
    token: str = Field(description="Shown once; only its hash is kept")
    url: str = Field(
        description="{PUBLIC_ORIGIN}/pane/#invitation=<token>: the token stays in "
        "the fragment, out of server logs"
    )
    party_id: int
    role: str
    expires_at: Timestamp
    etag: str = ETag


class InvitationAccept(In):
    token: Annotated[str, StringConstraints(min_length=1, max_length=100)]


class MembershipOut(Out):
    agreement_id: int
    party_id: int
    role: str
    etag: str = Field(description="The agreement's ETag as the new member sees it")


class EventOut(Out):
    seq: int
    kind: str
    data: dict[str, Any]
    actor_id: int | None
    created_at: Timestamp
    prev_hash: str
    hash: str


class ChainOut(Out):
    valid: bool
    events: int
    problem: str | None = Field(description="The first problem found, in words")
    first_bad_seq: int | None
    problems: list[str] = Field(
        description="Every problem: a broken chain, or rows that differ from their events"
    )


class EventList(Out):
    events: list[EventOut]
    chain: ChainOut


class Health(Out):
    status: str


class CatalogueOut(Out):
    model_config = ConfigDict(extra="allow")
    kinds: list[dict[str, Any]]
    levels: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    checklists: list[dict[str, Any]]
    sources: list[dict[str, Any]]
