"""Shape stored agreements into the API's response models."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin import clock
from plugin.catalogue import Catalogue
from plugin.store import agreements as store
from plugin.store import audit, invitations
from plugin.store import findings as findings_store
from plugin.store.models import (
    AcceptedFinding,
    Agreement,
    Approval,
    ChangeRequest,
    Event,
    Invitation,
    Member,
    Revision,
    User,
)
from plugin.workflow import rules
from plugin.workflow.state import Party

from . import schemas as s
from .findings import finding_out  # importing it also registers the accepted-findings routes


def user_out(user: User) -> s.UserOut:
    return s.UserOut(id=user.id, email=user.email, name=user.name)


def revision_brief(revision: Revision, author: User) -> s.RevisionBrief:
    return s.RevisionBrief(
        number=revision.number,
        text=revision.text,
        sha256=revision.sha256,
        source=revision.source,
        author=user_out(author),
        created_at=revision.created_at,
    )


def revision_out(revision: Revision, author: User) -> s.RevisionOut:
    return s.RevisionOut(**revision_brief(revision, author).model_dump(), fields=revision.fields)


def approval_out(approval: Approval, approver: User, current: bool) -> s.ApprovalOut:
    return s.ApprovalOut(
        party_id=approval.party_id,
        revision_number=approval.revision_number,
        sha256=approval.sha256,
        approved_by=user_out(approver),
        approved_at=approval.created_at,
        current=current,
    )


def invitation_listed(i: Invitation) -> s.InvitationListed:
    return s.InvitationListed(
        id=i.id,
        party_id=i.party_id,
        role=i.role,
        created_by=i.created_by,
        created_at=i.created_at,
        expires_at=i.expires_at,
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
            problems=list(check.problems),
        ),
    )


def etag(agreement_id: int, change_counter: int, member_id: int, role: str) -> str:
    """A weak ETag's value: changes with every write to the agreement, differs between callers,
    and changes with the day (the findings judge dates against today)."""
    return f"{agreement_id}.{change_counter}.{member_id}.{role}.{clock.day_mark()}"


def _users(session: Session, ids: set[int], known: dict[int, User]) -> dict[int, User]:
    missing = ids - known.keys()
    if missing:
        known = known | {
            u.id: u for u in session.scalars(sa.select(User).where(User.id.in_(missing)))
        }
    return known


@dataclasses.dataclass(frozen=True)
class Judgement:
    """What the catalogue says of every section of a snapshot: findings (worked out across
    sections, once), the partners' recorded reasons to accept `must` ones, and why each
    required section is required."""

    found: dict[str, list]
    accepted: dict[tuple[str, str], AcceptedFinding]
    why: dict[str, list]


def _judgement(snap, catalogue: Catalogue, found: dict[str, list]) -> Judgement:
    agreement = snap.agreement
    facts = catalogue.facts_of(agreement.kind, {k: r.fields for k, r in snap.revisions.items()})
    return Judgement(
        found,
        {(a.section_key, a.code): a for a in snap.accepted_findings},
        catalogue.why_required(agreement.kind, agreement.level, facts),
    )


def _section(
    section,
    revision: Revision | None,
    approvals: list[Approval],
    state,
    parties: list[Party],
    users: dict[int, User],
    judged: Judgement,
    fields: dict | None = None,
) -> s.SectionOut:
    """One section as a member sees it; given its structured `fields`, the detailed view."""
    in_force = state.approvals_in_force(section.key)
    detail = fields is not None
    shape = revision_out if detail else revision_brief
    out = dict(
        key=section.key,
        title=section.title,
        required=section.key in state.required,
        revision=shape(revision, users[revision.author_id]) if revision else None,
        approvals=[
            approval_out(a, users[a.user_id], a.party_id in in_force)
            for a in approvals
            if a.section_key == section.key
        ],
        approved_by_all=bool(revision) and in_force >= {p.id for p in parties},
        findings=[finding_out(f, judged.accepted) for f in judged.found.get(section.key, [])],
        why_required=judged.why.get(section.key, []),
    )
    return s.SectionDetail(**out, fields=fields) if detail else s.SectionOut(**out)


def section_detail(
    session: Session, agreement: Agreement, section_key: str, catalogue: Catalogue
) -> s.SectionDetail:
    """One section with its current fields and findings. Raises NotFound for an unknown key."""
    section = catalogue.section(section_key, agreement.kind)
    snap = store.snapshot(session, agreement)
    today = clock.today()
    found = findings_store.section_findings(snap, catalogue, today)
    state = store.state_of(snap, catalogue, found, today=today)
    revision = snap.revisions.get(section.key)
    approvals = [a for a in snap.approvals if a.section_key == section.key]
    ids = {a.user_id for a in approvals} | ({revision.author_id} if revision else set())
    users = _users(session, ids, {})
    parties = [Party(p.id, p.name) for p in agreement.parties]
    judged = _judgement(snap, catalogue, found)
    fields = (
        revision.fields
        if revision
        else catalogue.validate_fields(section.key, {}, parties, agreement.title)
    )
    return _section(section, revision, approvals, state, parties, users, judged, fields)


def agreement_out(
    session: Session, agreement: Agreement, member: Member, catalogue: Catalogue
) -> s.AgreementOut:
    """The whole state of an agreement as one member sees it (without sections' fields)."""
    snap = store.snapshot(session, agreement)
    today = clock.today()
    found = findings_store.section_findings(snap, catalogue, today)  # across sections, once
    state = store.state_of(snap, catalogue, found, today=today)
    members = session.scalars(
        sa.select(Member).where(Member.agreement_id == agreement.id).order_by(Member.id)
    ).all()
    users = {m.user_id: m.user for m in members} | {a.user_id: a.user for a in snap.approvals}
    users = _users(session, {r.author_id for r in snap.revisions.values()}, users)
    parties = [Party(p.id, p.name) for p in agreement.parties]
    judged = _judgement(snap, catalogue, found)
    sections = [
        _section(
            section,
            snap.revisions.get(section.key),
            snap.approvals,
            state,
            parties,
            users,
            judged,
        )
        for section in catalogue.sections_for(agreement.kind)
    ]
    ready = rules.readiness(state)
    return s.AgreementOut(
        **summary(agreement, member).model_dump(),
        parties=[s.PartyOut(id=p.id, name=p.name) for p in parties],
        members=[
            s.MemberOut(
                id=m.id,
                user=user_out(m.user),
                party_id=m.party_id,
                role=m.role,
                job_title=m.job_title,
            )
            for m in members
        ],
        invitations=[
            invitation_listed(i) for i in invitations.open_invitations(session, agreement.id)
        ],
        sections=sections,
        change_requests=[change_request_out(c) for c in snap.change_requests],
        readiness=s.ReadinessOut(ready=ready.ready, missing=list(ready.missing)),
    )
