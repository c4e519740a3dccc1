"""What a document says, as plain data (no Flask, no SQL, no .docx): the sections as laid out,
the approvals for the certificate, the fingerprint, the binding and the template's context."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
from dataclasses import dataclass
from functools import cached_property

from plugin.workflow.text import normalise, text_sha256

from .binding import Binding, SectionMark

SHORT_HASH = 12  # characters of a sha256 shown in the certificate


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


def context(data: DocumentData) -> dict:
    """The template's variables (README "Adapting a template" lists them)."""
    titles = {s.key: s.title for s in data.sections}
    core = [s for s in data.sections if s.part != "annex"]
    annexes = [s for s in data.sections if s.part == "annex"]
    fp = fingerprint(data) if data.final else ""
    when = _long_date(data.date)
    return {
        "agreement": {
            "id": data.agreement_id,
            "title": data.title,
            "version": data.version,
            "kind": data.kind,
            "level_label": data.level_label,
        },
        "kind_label": data.kind_label,
        "date": when,
        "is_draft": not data.final,
        "status_label": "Final" if data.final else "Draft for discussion",
        "draft_notice": (
            f"Draft of {when}, not yet agreed. Under each section heading you can see which "
            "partners have approved its current wording. You may edit the text inside the "
            "sections and upload this file again: each changed section becomes a new revision "
            "for every partner to approve."
        ),
        "header_note": (
            f"Final agreement · version {data.version}"
            if data.final
            else "DRAFT · not yet agreed by all partners"
        ),
        "footer_note": (
            f"Agreement fingerprint (SHA-256): {fp}"
            if data.final
            else f"Draft made {data.date:%Y-%m-%d %H:%M} UTC · not a final agreement"
        ),
        "parties": [{"name": name, "number": i + 1} for i, name in enumerate(data.parties)],
        "sections": _numbered(core, None) + _numbered(annexes, string.ascii_uppercase),
        "core_sections": _numbered(core, None),
        "annex_sections": _numbered(annexes, string.ascii_uppercase),
        "fingerprint": fp,
        "finalised_at": f"{data.date:%Y-%m-%d %H:%M:%S} UTC" if data.final else "",
        "certificate_intro": (
            f"Every partner approved every section below; the agreement was finalised on "
            f"{data.date:%Y-%m-%d} at {data.date:%H:%M:%S} UTC. Each row names the person who "
            "approved a section's wording for a partner; their email address, with the sign-in "
            'provider that verified it or "not verified" when none did; the time in UTC; '
            f"and the first {SHORT_HASH} characters of the SHA-256 hash of the text they "
            "approved."
            if data.final
            else "This is a draft: the certificate is issued when every partner has approved "
            "every required section. The approval status of each section is shown under its "
            "heading."
        ),
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
                "time": f"{a.at:%Y-%m-%d %H:%M:%S}",
                "hash": a.sha256[:SHORT_HASH],
            }
        )
        previous = a.section_key
    return rows
