"""Documents from the database: a draft of the current text, the final agreement rendered from
exactly the approved revisions (kept as bytes + sha256 when finalising), stored documents."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue
from plugin.store import agreements as store
from plugin.store import findings as findings_store
from plugin.store.models import Agreement, Approval, Document, Member, Revision, User, utcnow
from plugin.store.users import THIS_SERVICE, verified_by, verified_here
from plugin.workflow import state as wf

from .content import PEOPLE, AcceptedFinding, ApprovalLine, DocumentData, SectionText
from .render import render, template_path


def _labels(catalogue: Catalogue, agreement: Agreement) -> tuple[str, str]:
    kind = catalogue.kind(agreement.kind)
    level = catalogue.level(agreement.level)
    kind_label = getattr(kind, "title", None) or agreement.kind.replace("_", "-").capitalize()
    level_label = getattr(level, "title", None) or agreement.level.capitalize()
    if "agreement" not in kind_label.lower():
        kind_label += " agreement"
    return kind_label, level_label


def _heading(catalogue: Catalogue, agreement: Agreement, origin: str, zone: str) -> dict:
    """What a draft and a final document say of the agreement before its sections."""
    kind_label, level_label = _labels(catalogue, agreement)
    return {
        "party_ids": tuple(p.id for p in agreement.parties),
        "time_zone": zone,
        "agreement_id": agreement.id,
        "origin": origin,
        "title": agreement.title,
        "kind": agreement.kind,
        "kind_label": kind_label,
        "level_label": level_label,
        "parties": tuple(p.name for p in agreement.parties),
    }


def _in_order(catalogue: Catalogue, agreement: Agreement, fields: dict) -> list[tuple]:
    """The kind's sections with their parts, the short core first and the annexes after (an
    annex required by the facts of these `fields` may join the core)."""
    parts = catalogue.parts(agreement.kind, agreement.level, fields)
    return [(catalogue.section(key), part) for key, part in parts.items()]


def draft_data(
    session: Session,
    agreement: Agreement,
    catalogue: Catalogue,
    origin: str,
    time_zone: str = "Europe/London",
) -> DocumentData:
    """The current text of every section that has text or is required, with who approved it."""
    snap = store.snapshot(session, agreement)
    state = store.state_of(snap, catalogue, today=None)  # what is required and approved
    required = set(state.required)
    names = {p.id: p.name for p in agreement.parties}
    people = PEOPLE.get(agreement.kind, PEOPLE["partnership"])[0]
    sections = []
    fields = {k: r.fields or {} for k, r in snap.revisions.items()}
    for section, part in _in_order(catalogue, agreement, fields):
        revision = snap.revisions.get(section.key)
        if revision is None and section.key not in required:
            continue
        if revision is None:
            status = "Required · no text yet: write it here or in the pane"
        else:
            approved = state.approvals_in_force(section.key)
            waiting = [n for pid, n in names.items() if pid not in approved]
            status = f"Revision {revision.number} · " + (
                f"approved by all the {people}"
                if not waiting
                else "approved by "
                + (", ".join(names[p] for p in names if p in approved) or "nobody yet")
                + " · awaiting "
                + ", ".join(waiting)
            )
        sections.append(
            SectionText(
                section.key,
                section.title,
                revision.number if revision else 0,
                revision.text if revision else "",
                part,
                section.key in required,
                status,
                revision.fields if revision else {},
            )
        )
    return DocumentData(
        **_heading(catalogue, agreement, origin, time_zone),
        version=agreement.version,
        sections=tuple(sections),
        date=utcnow(),
    )


def final_data(
    session: Session,
    agreement: Agreement,
    version: int,
    catalogue: Catalogue,
    origin: str,
    finalised_at: dt.datetime,
    accepted_findings: Sequence[AcceptedFinding] = (),
    provider_names: Mapping[str, str] = {},
    time_zone: str = "Europe/London",
    finalised_by: int | None = None,
) -> DocumentData:
    """Version `version` as finalised: each section whose revision every party approved in
    that version, exactly that revision, and every approval behind it, with whether a sign-in
    provider verified the approver's email (named by `provider_names`: configured name →
    display name; a provider no longer configured is named as it was configured)."""
    approvals = session.scalars(
        sa.select(Approval)
        .where(
            Approval.agreement_id == agreement.id,
            Approval.version == version,
            Approval.active,
        )
        .order_by(Approval.id)
    ).all()
    parties = list(agreement.parties)
    verifiers = {
        user_id: provider_names.get(identity.provider, identity.provider)
        for user_id, identity in verified_by(session, {a.user for a in approvals}).items()
    }
    for user_id in verified_here(session, {a.user for a in approvals}):
        verifiers.setdefault(user_id, THIS_SERVICE)  # "(verified by this service)"
    latest = _latest_revisions(session, agreement.id, version)
    titles = _job_titles(session, agreement.id)
    sections, lines, omitted = [], [], []
    fields = {k: r.fields or {} for k, r in latest.items()}
    for section, part in _in_order(catalogue, agreement, fields):
        mine = {a.party_id: a for a in approvals if a.section_key == section.key}
        revision = latest.get(section.key)
        # Only the section's newest wording of that version counts, approved by every party.
        if (
            revision is None
            or len(mine) != len(parties)
            or any(
                (a.revision_number, a.sha256) != (revision.number, revision.sha256)
                for a in mine.values()
            )
        ):
            if revision is not None:
                omitted.append(section.title)
            continue
        sha = revision.sha256
        sections.append(
            SectionText(
                section.key,
                section.title,
                revision.number,
                revision.text,
                part,
                fields=revision.fields,
            )
        )
        lines += [
            ApprovalLine(
                section.key,
                p.name,
                mine[p.id].user.name,
                mine[p.id].user.email,
                mine[p.id].created_at,
                sha,
                verifiers.get(mine[p.id].user_id, ""),
                titles.get(mine[p.id].user_id, ""),
                mine[p.id].authority_confirmed,
            )
            for p in parties
        ]
    return DocumentData(
        **_heading(catalogue, agreement, origin, time_zone),
        **_finaliser(session, agreement, finalised_by, titles),
        version=version,
        sections=tuple(sections),
        date=finalised_at,
        final=True,
        approvals=tuple(lines),
        accepted_findings=tuple(accepted_findings),
        omitted=tuple(omitted),
    )


def _job_titles(session: Session, agreement_id: int) -> dict[int, str]:
    """Each member's job title, by user id (as recorded when they approved)."""
    rows = session.execute(
        sa.select(Member.user_id, Member.job_title).where(Member.agreement_id == agreement_id)
    )
    return {user_id: title for user_id, title in rows if title}


def _finaliser(
    session: Session, agreement: Agreement, user_id: int | None, titles: Mapping[int, str]
) -> dict[str, str]:
    """Who finalised ("Name, job title") and the party they speak for; empty when unknown."""
    user = session.get(User, user_id) if user_id else None
    if user is None:
        return {}
    party_id = session.scalar(
        sa.select(Member.party_id).where(
            Member.agreement_id == agreement.id, Member.user_id == user.id
        )
    )
    party = next((p.name for p in agreement.parties if p.id == party_id), "")
    who = f"{user.name}, {titles[user.id]}" if user.id in titles else user.name
    return {"finalised_by": who, "finalised_for": party}


def _latest_revisions(session: Session, agreement_id: int, version: int) -> dict[str, Revision]:
    """Each section's newest revision written in `version` or before."""
    newest = (
        sa.select(Revision.section_key, sa.func.max(Revision.number).label("n"))
        .where(Revision.agreement_id == agreement_id, Revision.version <= version)
        .group_by(Revision.section_key)
        .subquery()
    )
    rows = session.scalars(
        sa.select(Revision)
        .join(
            newest, (Revision.section_key == newest.c.section_key) & (Revision.number == newest.c.n)
        )
        .where(Revision.agreement_id == agreement_id)
    )
    return {r.section_key: r for r in rows}


def accepted_findings(
    session: Session, agreement: Agreement, state: wf.AgreementState
) -> list[AcceptedFinding]:
    """The `must` findings the partners accepted in the state being finalised, with their
    recorded reasons, for the certificate."""
    reasons = {
        (a.section_key, a.code): a.reason for a in findings_store.accepted(session, agreement)
    }
    return [
        AcceptedFinding(state.titles.get(m.section, m.section), m.message, reasons[key])
        for m in state.must_findings
        if m.accepted and (key := (m.section, m.code)) in reasons
    ]


def keep_final(
    session: Session,
    agreement: Agreement,
    catalogue: Catalogue,
    origin: str,
    templates: str | Path | None = None,
    accepted_findings: Sequence[AcceptedFinding] = (),
    provider_names: Mapping[str, str] = {},
    time_zone: str = "Europe/London",
    finalised_by: User | None = None,
) -> Document:
    """Render the final .docx of the agreement's current version and add it to the session,
    so it is stored in the transaction that finalises (the caller commits). The certificate
    records whether each approver's email is verified as it stands now, for good."""
    session.flush()
    when = utcnow()
    data = final_data(
        session,
        agreement,
        agreement.version,
        catalogue,
        origin,
        when,
        accepted_findings,
        provider_names,
        time_zone,
        finalised_by.id if finalised_by else None,
    )
    content = render(data, template_path(agreement.kind, templates))
    document = Document(
        agreement_id=agreement.id,
        version=agreement.version,
        format="docx",
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        created_at=when,
        finalised_by=finalised_by.id if finalised_by else None,
    )
    session.add(document)
    return document


def stored(session: Session, agreement_id: int, version: int, fmt: str) -> Document | None:
    return session.scalar(
        sa.select(Document).where(
            Document.agreement_id == agreement_id,
            Document.version == version,
            Document.format == fmt,
        )
    )


def final_versions(session: Session, agreement_id: int) -> list[int]:
    return list(
        session.scalars(
            sa.select(Document.version)
            .where(Document.agreement_id == agreement_id, Document.format == "docx")
            .order_by(Document.version)
        )
    )
