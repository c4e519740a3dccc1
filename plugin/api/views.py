"""Shape stored agreements into the API's response models."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue
from plugin.store import agreements as store
from plugin.store import audit
from plugin.store import findings as findings_store
from plugin.store.models import Agreement, ChangeRequest, Event, Member, Revision, User
from plugin.workflow import rules
from plugin.workflow.state import Party

from . import schemas as s
from .findings import finding_out  # importing it also registers the accepted-findings routes


def user_out(user: User) -> s.UserOut:
    return s.UserOut(id=user.id, email=user.email, name=user.name)


def revision_out(revision: Revision, author: User) -> s.RevisionOut:
    return s.RevisionOut(
        number=revision.number,
        text=revision.text,
        sha256=revision.sha256,
        fields=revision.fields,
        source=revision.source,
        author=user_out(author),
        created_at=revision.created_at,
    )


def change_request_out(c: ChangeRequest) -> s.ChangeRequestOut:
    return s.ChangeRequestOut(
        number=c.number,
        section=c.section_key,
        party_id=c.party_id,
        revision_number=c.revision_number,
        sha256=c.sha256,
        comment=c.comment,
        status=c.status,
        raised_by=c.raised_by,
        created_at=c.created_at,
    )


def summary(agreement: Agreement, member: Member) -> s.AgreementSummary:
    return s.AgreementSummary(
        id=agreement.id,
        title=agreement.title,
        kind=agreement.kind,
        level=agreement.level,
        status=agreement.status,
        version=agreement.version,
        my_role=member.role,
        my_party_id=member.party_id,
    )


def section_history(
    session: Session, agreement: Agreement, section_key: str, catalogue: Catalogue
) -> s.SectionHistory:
    """Which party approved which wording, revision by revision."""
    section = catalogue.section(section_key, agreement.kind)
    revisions, approvals, requests = store.section_history(session, agreement.id, section_key)
    ids = {r.author_id for r in revisions} | {a.user_id for a in approvals}
    users = {u.id: u for u in session.scalars(sa.select(User).where(User.id.in_(ids)))}
    return s.SectionHistory(
        section=section.key,
        title=section.title,
        revisions=[
            s.RevisionRecord(
                **revision_out(r, users[r.author_id]).model_dump(),
                version=r.version,
                approvals=[
                    s.ApprovalRecord(
                        party_id=a.party_id,
                        approved_by=user_out(users[a.user_id]),
                        approved_at=a.created_at,
                        version=a.version,
                        active=a.active,
                        ended_at=a.ended_at,
                    )
                    for a in approvals
                    if a.revision_number == r.number
                ],
                change_requests=[
                    change_request_out(c) for c in requests if c.revision_number == r.number
                ],
            )
            for r in revisions
        ],
    )


def event_list(events: list[Event], check: audit.ChainCheck) -> s.EventList:
    return s.EventList(
        events=[
            s.EventOut(
                seq=e.seq,
                kind=e.kind,
                data=e.data,
                actor_id=e.actor_id,
                created_at=e.created_at,
                prev_hash=e.prev_hash,
                hash=e.hash,
            )
            for e in events
        ],
        chain=s.ChainOut(
            valid=check.valid,
            events=check.events,
            problem=check.problem,
            first_bad_seq=check.first_bad_seq,
        ),
    )


def etag(agreement_id: int, change_counter: int, member_id: int, role: str) -> str:
    """A weak ETag's value: changes with every write to the agreement, differs between callers."""
    return f"{agreement_id}.{change_counter}.{member_id}.{role}"


def agreement_out(
    session: Session, agreement: Agreement, member: Member, catalogue: Catalogue
) -> s.AgreementOut:
    """The whole state of an agreement as one member sees it."""
    snap = store.snapshot(session, agreement)
    found = findings_store.section_findings(snap, catalogue)  # across sections, once (#7)
    state = store.state_of(snap, catalogue, found)
    revisions, approvals = snap.revisions, snap.approvals
    members = session.scalars(
        sa.select(Member).where(Member.agreement_id == agreement.id).order_by(Member.id)
    ).all()
    users = {m.user_id: m.user for m in members} | {a.user_id: a.user for a in approvals}
    missing_authors = {r.author_id for r in revisions.values()} - users.keys()
    if missing_authors:
        users |= {
            u.id: u for u in session.scalars(sa.select(User).where(User.id.in_(missing_authors)))
        }
    parties = [Party(p.id, p.name) for p in agreement.parties]
    required = set(state.required)
    accepted = {(a.section_key, a.code): a for a in snap.accepted_findings}
    facts = catalogue.facts_of(agreement.kind, {k: r.fields for k, r in revisions.items()})
    why = catalogue.why_required(agreement.kind, agreement.level, facts)
    sections = []
    for section in catalogue.sections_for(agreement.kind):
        revision = revisions.get(section.key)
        in_force = state.approvals_in_force(section.key)
        sections.append(
            s.SectionOut(
                key=section.key,
                title=section.title,
                required=section.key in required,
                revision=revision_out(revision, users[revision.author_id]) if revision else None,
                approvals=[
                    s.ApprovalOut(
                        party_id=a.party_id,
                        revision_number=a.revision_number,
                        sha256=a.sha256,
                        approved_by=user_out(a.user),
                        approved_at=a.created_at,
                        current=a.party_id in in_force,
                    )
                    for a in approvals
                    if a.section_key == section.key
                ],
                approved_by_all=bool(revision) and in_force >= {p.id for p in parties},
                findings=[finding_out(f, accepted) for f in found[section.key]],  # #7
                why_required=why.get(section.key, []),
            )
        )
    ready = rules.readiness(state)
    return s.AgreementOut(
        **summary(agreement, member).model_dump(),
        parties=[s.PartyOut(id=p.id, name=p.name) for p in parties],
        members=[
            s.MemberOut(user=user_out(m.user), party_id=m.party_id, role=m.role) for m in members
        ],
        sections=sections,
        change_requests=[change_request_out(c) for c in snap.change_requests],
        readiness=s.ReadinessOut(ready=ready.ready, missing=list(ready.missing)),
    )
