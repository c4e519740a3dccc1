"""Invitations and members: single-use, expiring links that make the person who accepts a member
of a party, and who speaks for each party (the rules are in plugin/workflow/roles.py).

Every change bumps the agreement's change counter (members and open invitations are part of
its state) and is an audit event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.workflow import roles
from plugin.workflow.errors import Conflict, Gone, NotFound

from . import audit
from .models import Agreement, Approval, Invitation, Member, User, utcnow


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _party_name(agreement: Agreement, party_id: int) -> str:
    """Raises NotFound if the party is not in the agreement."""
    name = next((p.name for p in agreement.parties if p.id == party_id), None)
    if name is None:
        raise NotFound(f"There is no party {party_id} in this agreement.")
    return name


def party_has_approver(session: Session, agreement_id: int, party_id: int) -> bool:
    return approvers_of(session, agreement_id, party_id) > 0


def approvers_of(session: Session, agreement_id: int, party_id: int) -> int:
    """How many members speak for the party with authority (approvers, and the owner)."""
    return session.scalar(
        sa.select(sa.func.count())
        .select_from(Member)
        .where(
            Member.agreement_id == agreement_id,
            Member.party_id == party_id,
            Member.role.in_(("approver", "owner")),
        )
    )


def require_manage(session: Session, agreement: Agreement, actor: Member, party_id: int) -> None:
    """Raises NotFound (no such party) or Forbidden (roles.may_manage_party says no)."""
    name = _party_name(agreement, party_id)
    roles.require_manage_party(
        actor.role,
        actor.party_id,
        party_id,
        party_has_approver(session, agreement.id, party_id),
        name,
    )


def create(
    session: Session, agreement: Agreement, actor: Member, party_id: int, role: str, hours: float
) -> tuple[str, Invitation]:
    """A new invitation; the token is returned once and only its hash is kept.

    Raises NotFound if the party is not in the agreement, Forbidden if `actor` may not invite
    people to it."""
    require_manage(session, agreement, actor, party_id)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        agreement_id=agreement.id,
        party_id=party_id,
        role=role,
        token_hash=_digest(token),
        created_by=actor.user_id,
        created_at=utcnow(),
        expires_at=utcnow() + dt.timedelta(hours=hours),
    )
    session.add(invitation)
    session.flush()
    agreement.change_counter += 1
    audit.append(
        session,
        agreement.id,
        "invitation_created",
        {
            "invitation_id": invitation.id,
            "party_id": party_id,
            "role": role,
            "expires_at": invitation.expires_at.isoformat(),
        },
        actor.user_id,
    )
    return token, invitation


def open_invitations(session: Session, agreement_id: int) -> list[Invitation]:
    """Invitations not yet accepted, revoked or expired, oldest first."""
    return list(
        session.scalars(
            sa.select(Invitation)
            .where(
                Invitation.agreement_id == agreement_id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > utcnow(),
            )
            .order_by(Invitation.id)
        )
    )


def revoke(session: Session, agreement: Agreement, actor: Member, invitation_id: int) -> None:
    """Revoke an open invitation. Raises NotFound (no such open invitation) or Forbidden."""
    invitation = session.scalar(
        sa.select(Invitation).where(
            Invitation.id == invitation_id,
            Invitation.agreement_id == agreement.id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
    )
    if invitation is None:
        raise NotFound(f"There is no open invitation {invitation_id} in this agreement.")
    require_manage(session, agreement, actor, invitation.party_id)
    invitation.revoked_by, invitation.revoked_at = actor.user_id, utcnow()
    agreement.change_counter += 1
    audit.append(
        session,
        agreement.id,
        "invitation_revoked",
        {"invitation_id": invitation.id, "party_id": invitation.party_id},
        actor.user_id,
    )


def remove_member(session: Session, agreement: Agreement, actor: Member, member_id: int) -> None:
    """Remove a member; their approvals in force end with them. Raises NotFound, Forbidden, or
    Conflict for the agreement's owner or a party's last approver."""
    member = session.scalar(
        sa.select(Member).where(Member.id == member_id, Member.agreement_id == agreement.id)
    )
    if member is None:
        raise NotFound(f"There is no member {member_id} in this agreement.")
    if member.role == "owner":
        raise Conflict("The agreement's owner cannot be removed.")
    require_manage(session, agreement, actor, member.party_id)
    roles.require_party_keeps_an_approver(
        member.role,
        approvers_of(session, agreement.id, member.party_id),
        _party_name(agreement, member.party_id),
    )
    in_force = (
        Approval.agreement_id == agreement.id,
        Approval.version == agreement.version,
        Approval.party_id == member.party_id,
        Approval.user_id == member.user_id,
        Approval.active,
    )
    ended = sorted(session.scalars(sa.select(Approval.section_key).where(*in_force)))
    if ended:
        session.execute(
            sa.update(Approval).where(*in_force).values(active=False, ended_at=utcnow())
        )
    session.delete(member)
    agreement.change_counter += 1
    audit.append(
        session,
        agreement.id,
        "member_removed",
        {
            "user_id": member.user_id,
            "party_id": member.party_id,
            "role": member.role,
            "approvals_ended": ended,
        },
        actor.user_id,
    )


def accept(session: Session, token: str, user: User) -> Member:
    """Make `user` a member of the invitation's party.

    Raises NotFound (unknown token), Gone (used, revoked, expired, or made by someone who no
    longer decides who speaks for that party), Conflict (already a member)."""
    invitation = session.scalar(
        sa.select(Invitation).where(Invitation.token_hash == _digest(token)).with_for_update()
    )
    if invitation is None:
        raise NotFound("This invitation link is not valid. Ask for a new one.")
    if invitation.accepted_at is not None:
        raise Gone("This invitation has already been used. Ask for a new one.")
    if invitation.revoked_at is not None:
        raise Gone("This invitation has been withdrawn. Ask for a new one.")
    if invitation.expires_at <= utcnow():
        raise Gone("This invitation has expired. Ask for a new one.")
    agreement = session.scalar(
        sa.select(Agreement).where(Agreement.id == invitation.agreement_id).with_for_update()
    )
    inviter = session.scalar(
        sa.select(Member).where(
            Member.agreement_id == agreement.id, Member.user_id == invitation.created_by
        )
    )
    # An invitation made by the owner before the party had an approver of its own lapses once
    # it has one: from then on only the party's approvers decide who speaks for it.
    if inviter is None or not roles.may_manage_party(
        inviter.role,
        inviter.party_id,
        invitation.party_id,
        party_has_approver(session, agreement.id, invitation.party_id),
    ):
        raise Gone(
            "This invitation no longer stands: the party now decides who speaks for it. "
            "Ask one of its approvers for a new one."
        )
    if session.scalar(
        sa.select(Member).where(Member.agreement_id == agreement.id, Member.user_id == user.id)
    ):
        raise Conflict("You are already a member of this agreement.")
    member = Member(
        agreement_id=agreement.id,
        user_id=user.id,
        party_id=invitation.party_id,
        role=invitation.role,
        created_at=utcnow(),
    )
    session.add(member)
    invitation.accepted_by, invitation.accepted_at = user.id, utcnow()
    agreement.change_counter += 1
    audit.append(
        session,
        agreement.id,
        "member_joined",
        {"user_id": user.id, "party_id": invitation.party_id, "role": invitation.role},
        user.id,
    )
    session.flush()
    return member
