"""What waits for a user across all their agreements, read in a fixed number of statements
whatever the number of agreements: memberships (with parties), current revisions, approvals in
force, open change requests, and the fields of the dated sections.

- approve_section: a section's current revision that the user's party has not approved, where
  the user is an approver (or the owner) and the party has no open change request on it;
- answer_change_request: another party's open change request on a section whose current
  revision the user wrote or the user's party approved (the user may draft);
- review_due: a review, or the decision whether to carry on, within 30 days;
- meeting_soon: a regular meeting within 7 days.
Invitations carry no addressee (they are links handed to a person), so none is listed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue
from plugin.workflow import roles, schedule

from .calendar_feeds import dated_revisions
from .models import Agreement, Approval, ChangeRequest, Member, Revision

REVIEW_DAYS, MEETING_DAYS = 30, 7


@dataclasses.dataclass(frozen=True)
class Waiting:
    kind: str
    agreement_id: int
    agreement_title: str
    section_key: str | None = None
    section_title: str | None = None
    party_id: int | None = None
    party_name: str | None = None
    due: dt.date | None = None


def _rows(session: Session, user_id: int):
    memberships = session.execute(
        sa.select(Agreement, Member)
        .join(Member, Member.agreement_id == Agreement.id)
        .where(Member.user_id == user_id)
        .order_by(Agreement.id.desc())
    ).all()
    ids = [a.id for a, _ in memberships]
    if not ids:
        return memberships, [], [], [], []
    revisions = session.execute(
        sa.select(Revision.agreement_id, Revision.section_key, Revision.number, Revision.author_id)
        .where(Revision.agreement_id.in_(ids), Revision.current)
        .order_by(Revision.agreement_id, Revision.id)
    ).all()
    approvals = session.execute(
        sa.select(Approval.agreement_id, Approval.section_key, Approval.party_id)
        .join(
            Revision,
            sa.and_(
                Revision.agreement_id == Approval.agreement_id,
                Revision.section_key == Approval.section_key,
                Revision.number == Approval.revision_number,
                Revision.current,
            ),
        )
        .join(Agreement, Agreement.id == Approval.agreement_id)
        .where(
            Approval.agreement_id.in_(ids),
            Approval.active,
            Approval.version == Agreement.version,
        )
    ).all()
    requests = session.execute(
        sa.select(ChangeRequest.agreement_id, ChangeRequest.section_key, ChangeRequest.party_id)
        .where(ChangeRequest.agreement_id.in_(ids), ChangeRequest.status == "open")
        .order_by(ChangeRequest.agreement_id, ChangeRequest.number)
    ).all()
    return memberships, revisions, approvals, requests, dated_revisions(session, ids)


def _item(catalogue: Catalogue, agreement: Agreement, kind: str, key=None, party=None, due=None):
    title = catalogue.section(key, agreement.kind).title if key else None
    name = next((p.name for p in agreement.parties if p.id == party), None)
    return Waiting(kind, agreement.id, agreement.title, key, title, party, name, due)


def waiting_for(
    session: Session, user_id: int, catalogue: Catalogue, today: dt.date
) -> list[Waiting]:
    """Everything waiting for the user: sections and change requests first (newest agreement
    first), then dates, soonest first."""
    memberships, revisions, approvals, requests, dated = _rows(session, user_id)
    approved = {(a.agreement_id, a.section_key, a.party_id) for a in approvals}
    objected = {(c.agreement_id, c.section_key, c.party_id) for c in requests}
    current = {(r.agreement_id, r.section_key): r for r in revisions}
    by_agreement: dict[int, list] = {}
    for r in revisions:
        by_agreement.setdefault(r.agreement_id, []).append(r)
    fields: dict[int, dict] = {}
    for r in dated:
        fields.setdefault(r.agreement_id, {})[r.section_key] = r.fields
    actions: list[Waiting] = []
    dates: list[Waiting] = []
    for agreement, member in memberships:
        mine = member.party_id
        item = functools.partial(_item, catalogue, agreement)

        if agreement.status == "drafting":
            if roles.allowed(member.role, "approve"):
                order = {s.key: i for i, s in enumerate(catalogue.sections_for(agreement.kind))}
                drafted = by_agreement.get(agreement.id, [])
                for r in sorted(drafted, key=lambda r: order.get(r.section_key, len(order))):
                    key = (agreement.id, r.section_key, mine)
                    if key not in approved and key not in objected:
                        actions.append(item("approve_section", r.section_key, mine))
            if roles.allowed(member.role, "edit"):
                for c in requests:
                    if c.agreement_id != agreement.id or c.party_id == mine:
                        continue
                    r = current.get((agreement.id, c.section_key))
                    if r and (
                        r.author_id == user_id or (agreement.id, c.section_key, mine) in approved
                    ):
                        actions.append(item("answer_change_request", c.section_key, c.party_id))
        for thing in schedule.dated_items(fields.get(agreement.id, {})):
            if thing.kind in ("review", "continuation_review"):
                due = schedule.next_on_or_after(thing, today, REVIEW_DAYS)
                if due:
                    dates.append(item("review_due", thing.section_key, due=due))
            elif thing.kind == "meeting":
                due = schedule.next_on_or_after(thing, today, MEETING_DAYS)
                if due:
                    dates.append(item("meeting_soon", thing.section_key, due=due))
    return actions + sorted(dates, key=lambda w: (w.due, w.agreement_id))
