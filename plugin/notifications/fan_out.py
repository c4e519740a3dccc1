"""The "notify" job: from one audit event to one mail job per person who should hear of it.

- revision_added: each approver of a party (an owner speaks for their own party) is told their
  approval is needed; whoever had approved the previous wording is told it was reset instead.
- change_requested: the editors, approvers and owners of the other parties.
- finalised, renegotiated: every member.
Nobody is told of their own action. Each mail job's key is (agreement, event, person).
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from plugin.catalogue import default_catalogue
from plugin.jobs import enqueue, job_kind
from plugin.mail.links import origin, pane_link
from plugin.store.models import Agreement, Approval, Event, Member

APPROVES = ("approver", "owner")
WRITES = ("editor", "approver", "owner")


def _section_title(agreement: Agreement, key: str) -> str:
    for section in default_catalogue().sections_for(agreement.kind):
        if section.key == key:
            return section.title
    return key


def recipients(session, agreement: Agreement, event: Event) -> dict[int, tuple[str, dict]]:
    """user id → (template, extra data) for the people this event concerns."""
    members = session.scalars(sa.select(Member).where(Member.agreement_id == agreement.id)).all()
    parties = {p.id: p.name for p in agreement.parties}
    out: dict[int, tuple[str, dict]] = {}
    if event.kind == "revision_added":
        number = event.data["revision"]["number"]
        section = event.data["revision"]["section"]
        earlier = session.scalars(
            sa.select(Approval).where(
                Approval.agreement_id == agreement.id,
                Approval.version == agreement.version,
                Approval.section_key == section,
                Approval.revision_number == number - 1,
                Approval.created_at <= event.created_at,
                sa.or_(Approval.ended_at.is_(None), Approval.ended_at >= event.created_at),
            )
        ).all()
        for member in members:
            if member.role in APPROVES:
                out[member.user_id] = ("approval_needed", {"party_name": parties[member.party_id]})
        for approval in earlier:
            out[approval.user_id] = ("approval_reset", {"party_name": parties[approval.party_id]})
    elif event.kind == "change_requested":
        by = event.data["request"]["party_id"]
        for member in members:
            if member.role in WRITES and member.party_id != by:
                out[member.user_id] = ("change_requested", {"party_name": parties.get(by, "")})
    elif event.kind in ("finalised", "renegotiated"):
        for member in members:
            out[member.user_id] = (event.kind, {})
    out.pop(event.actor_id, None)
    return out


@job_kind("notify")
def notify(run) -> None:
    session = run.write()  # one short write transaction: read the event, add the mail jobs
    agreement_id, seq = run.payload["agreement_id"], run.payload["seq"]
    event = session.scalar(
        sa.select(Event).where(Event.agreement_id == agreement_id, Event.seq == seq)
    )
    agreement = session.get(Agreement, agreement_id)
    if event is None or agreement is None:
        return  # the agreement was deleted since: nobody to tell
    base = {
        "agreement_title": agreement.title,
        "kind": agreement.kind,
        "version": agreement.version,
    }
    section = (event.data.get("revision") or event.data.get("request") or {}).get("section")
    if section:
        base |= {"section_title": _section_title(agreement, section)}
    if event.kind == "revision_added":
        base["revision"] = event.data["revision"]["number"]
    if event.kind in ("finalised", "renegotiated"):
        version = event.data["version"]
        base["version"] = version
        files = f"{origin()}/api/v1/agreements/{agreement_id}/versions/{version}/document"
        base |= {"docx": f"{files}.docx", "pdf": f"{files}.pdf"}
    link = pane_link(agreement_id, section)
    users = {
        m.user_id: m.user
        for m in session.scalars(sa.select(Member).where(Member.agreement_id == agreement_id))
    }
    for user_id, (template, extra) in sorted(recipients(session, agreement, event).items()):
        user = users.get(user_id)
        if user is None or user.email.endswith(".invalid"):
            continue  # no address to write to
        enqueue(
            session,
            "mail",
            {
                "template": template,
                "to": user.email,
                "user_id": user_id,
                "data": {**base, **extra, "link": link},
            },
            f"mail:{agreement_id}:{seq}:{user_id}",
        )
    session.commit()
    current_app.logger.debug("event %s/%s notified", agreement_id, seq)
