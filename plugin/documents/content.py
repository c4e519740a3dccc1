"""What a document says, as plain data (no Flask, no SQL, no .docx): the sections as laid out,
the approvals for the certificate, the fingerprint, the binding and the template's context."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from plugin.workflow.text import normalise, text_sha256

from . import certificate as cert
from .binding import Binding, SectionMark
from .certificate import SHORT_HASH
from .summary import summary_lines

# How a document speaks of its parties, by kind (#13): a co-working agreement is between workers.
PEOPLE = {"partnership": ("partners", "partner"), "co_working": ("workers", "worker")}


@dataclass(frozen=True)
class SectionText:
    """One section as laid out: its current (draft) or approved (final) revision."""

    key: str
    title: str
    revision: int  # 0: no text yet
    text: str
    part: str = "core"  # "core" or "annex"
    required: bool = False
    status: str = ""  # the approval status line of a draft
    fields: Mapping = field(default_factory=dict, compare=False)  # for the summary only

    @cached_property  # worked out once per section, however often a render reads it
    def sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True)
class ApprovalLine:
    """Party approved the section's wording: one row of the certificate."""

    section_key: str
    party: str
    name: str
    email: str
    at: dt.datetime  # UTC
    sha256: str
    verified_by: str = ""  # the provider that verified `email` (its display name); "": nobody
    job_title: str = ""
    authority: bool = False  # the approver confirmed their authority to agree for the party

    @property
    def email_standing(self) -> str:
        return f"verified by {self.verified_by}" if self.verified_by else "not verified"


@dataclass(frozen=True)
class AcceptedFinding:
    """A finding the partners chose to accept, with their reason (for the certificate)."""

    section: str
    message: str
    reason: str


@dataclass(frozen=True)
class DocumentData:
    """Everything a draft or final document shows."""

    agreement_id: int
    origin: str
    title: str
    kind: str
    kind_label: str
    level_label: str
    version: int
    parties: tuple[str, ...]
    sections: tuple[SectionText, ...]
    date: dt.datetime  # drafts: when made; finals: when finalised (so renders repeat exactly)
    final: bool = False
    approvals: tuple[ApprovalLine, ...] = ()
    accepted_findings: tuple[AcceptedFinding, ...] = ()
    omitted: tuple[str, ...] = ()  # titles of optional sections left out of a final
    party_ids: tuple[int, ...] = ()  # the parties' ids, as the sections' fields name them
    time_zone: str = "Europe/London"  # dates shown to people (settings TIME_ZONE)
    finalised_by: str = ""  # "Name, job title" of who finalised
    finalised_for: str = ""  # the party they finalised as a member of


def fingerprint(data: DocumentData) -> str:
    """sha256 of the agreement as a whole: who, which version, each section's wording, and
    every approval behind it (with whether the approver's email was verified, and by whom).
    Any change to any of them changes the fingerprint."""
    record = {
        "agreement": data.agreement_id,
        "origin": data.origin,
        "version": data.version,
        "title": data.title,
        "parties": list(data.parties),
        "sections": [[s.key, s.revision, s.sha256] for s in data.sections],
        "approvals": [
            [
                a.section_key,
                a.party,
                a.email,
                a.email_standing,
                a.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                a.sha256,
            ]
            for a in data.approvals
        ],
    }
    canonical = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def binding_of(data: DocumentData) -> Binding:
    return Binding(
        agreement_id=data.agreement_id,
        version=data.version,
        origin=data.origin,
        sections=tuple(SectionMark(s.key, s.revision, s.sha256) for s in data.sections),
        status="final" if data.final else "draft",
        fingerprint=fingerprint(data) if data.final else "",
    )


def clause_lines(text: str) -> list[dict]:
    """One paragraph per line of the normalised text (blank lines too), so that reading the
    paragraphs back and joining them with line breaks gives the same text and hash."""
    lines = normalise(text).split("\n") if text else [""]
    return [{"text": line, "bullet": line.startswith("- ")} for line in lines]


def _long_date(moment: dt.datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def _numbered(sections: list[SectionText], labels: str | None) -> list[dict]:
    return [
        {
            "key": s.key,
            "title": s.title,
            "number": (labels[i] if labels else str(i + 1)) + ".",
            "status": s.status,
            "lines": clause_lines(s.text),
            "revision": s.revision,
            "sha256": s.sha256,
            "control_id": 7100 + i + (50 if labels else 0),
        }
        for i, s in enumerate(sections)
    ]


def _names(data: DocumentData) -> dict[int, str]:
    return dict(zip(data.party_ids, data.parties, strict=False))


def organisations(data: DocumentData) -> dict[str, str]:
    """The organisation each party stands for: itself in a partnership; in a co-working
    agreement, the organisation each worker works for (from the co-workers section)."""
    names = _names(data)
    out = {name: name for name in data.parties}
    if data.kind == "co_working":
        for section in data.sections:
            for r in section.fields.get("workers") or [] if section.key == "co_workers" else []:
                if isinstance(r, Mapping) and r.get("worker") in names and r.get("organisation"):
                    out[names[r["worker"]]] = str(r["organisation"])
    return out


def _signatories(data: DocumentData, orgs: dict[str, str]) -> list[dict]:
    """Each party with the people who approved for it (name, job title), for the signing page."""
    people: dict[str, list[str]] = {name: [] for name in data.parties}
    for a in data.approvals:
        who = f"{a.name}, {a.job_title}" if a.job_title else a.name
        if who not in people[a.party]:
            people[a.party].append(who)
    return [
        {
            "name": name,
            "organisation": orgs[name] if orgs[name] != name else "",
            "approvers": "; ".join(people[name]),
        }
        for name in data.parties
    ]


def context(data: DocumentData) -> dict:
    """The template's variables (README "Adapting a template" lists them)."""
    titles = {s.key: s.title for s in data.sections}
    core = [s for s in data.sections if s.part != "annex"]
    annexes = [s for s in data.sections if s.part == "annex"]
    people, person = PEOPLE.get(data.kind, PEOPLE["partnership"])
    numbered = _numbered(core, None) + _numbered(annexes, string.ascii_uppercase)
    orgs = organisations(data)
    fields = {s.key: s.fields for s in data.sections if s.fields}
    fp = fingerprint(data) if data.final else ""
    when = _long_date(cert.local_time(data.date, data.time_zone))
    finalised = cert.human_time(data.date, data.time_zone)
    local = cert.local_time(data.date, data.time_zone)
    return {
        "agreement": {
            "id": data.agreement_id,
            "title": data.title,
            "version": data.version,
            "kind": data.kind,
            "level_label": data.level_label,
        },
        "kind_label": data.kind_label,
        "people": people,
        "person": person,
        "level_line": (
            f"Level of working together: {data.level_label}"
            if data.kind == "partnership" and data.level_label
            else ""
        ),
        "date": when,
        "is_draft": not data.final,
        "status_label": "Final" if data.final else "Draft for discussion",
        "draft_notice": (
            f"Draft of {when}, not yet agreed. Under each section heading you can see which "
            f"{people} have approved its current wording. You may edit the text inside the "
            "sections and upload this file again: each changed section becomes a new revision "
            f"for every {person} to approve."
        ),
        "header_note": (
            f"Final agreement · version {data.version}"
            if data.final
            else f"DRAFT made {finalised} · not yet agreed by all the {people}"
        ),
        "footer_note": "" if data.final else f"Draft made {finalised} · not a final agreement",
        "summary": summary_lines(data.kind, people, data.parties, fields, _names(data)),
        "parties": [
            {"name": name, "number": i + 1, "short": _short_party(name)}
            for i, name in enumerate(data.parties)
        ],
        "signatories": _signatories(data, orgs),
        "sections": numbered,
        "core_sections": numbered[: len(core)],
        "annex_sections": numbered[len(core) :],
        "fingerprint": fp,
        "finalised_at": finalised if data.final else "",
        "finalised_by": _finaliser(data, orgs),
        "time_zone": f"{data.time_zone} ({cert.zone_label(local)}, {cert.offset_of(local)})",
        "certificate_intro": (
            f"Every {person} approved every section below for their "
            f"{'organisation' if data.kind == 'partnership' else 'part in the work'}. "
            f"Each cell names who approved and on which day; the hash identifies the wording "
            f"approved (the first {SHORT_HASH} characters of its SHA-256). Times are "
            f"{data.time_zone} time."
            if data.final
            else f"This is a draft: the certificate is issued when every {person} has approved "
            "every required section. The approval status of each section is shown under its "
            "heading."
        ),
        "grid": cert.grid(numbered, data.parties, data.approvals, data.time_zone),
        "approvers": cert.approvers(data.approvals, orgs, data.time_zone),
        "authority_note": cert.authority_note(data.approvals, data.kind),
        "certificate": _certificate(data, titles),
        "accepted_findings": [
            {"section": f.section, "message": f.message, "reason": f.reason}
            for f in data.accepted_findings
        ],
        "omitted_sections": ", ".join(data.omitted),
        "verify_note": (
            f"To check that a copy is unchanged, upload it to {data.origin} (Verify a "
            "document). The service compares it with its record and names any section whose "
            "text differs."
        ),
    }


def _finaliser(data: DocumentData, orgs: dict[str, str]) -> str:
    """'Name, job title (organisation)' of who finalised; '' when not recorded."""
    org = orgs.get(data.finalised_for, data.finalised_for)
    return f"{data.finalised_by} ({org})" if data.finalised_by and org else data.finalised_by


def _short_party(name: str) -> str:
    """A party's name short enough for a grid column: its first three words."""
    words = name.split()
    return " ".join(words[:3]) + ("…" if len(words) > 3 else "")


def _certificate(data: DocumentData, titles: dict[str, str]) -> list[dict]:
    """Each section × each party, in document order; the section named on its first row."""
    order = {s.key: i for i, s in enumerate(data.sections)}
    parties = {name: i for i, name in enumerate(data.parties)}
    rows, previous = [], None
    for a in sorted(data.approvals, key=lambda a: (order[a.section_key], parties[a.party])):
        rows.append(
            {
                "section": titles[a.section_key] if a.section_key != previous else "",
                "party": a.party,
                "name": a.name,
                "email": a.email,
                "email_standing": a.email_standing,
                "time": cert.human_time(a.at, data.time_zone),
                "hash": a.sha256[:SHORT_HASH],
            }
        )
        previous = a.section_key
    return rows
