"""Invitations: single-use, expiring links that make the person who accepts a member of a party."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.workflow.errors import Conflict, Gone, NotFound

from . import audit
from .models import Agreement, Invitation, Member, User, utcnow


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(
    session: Session, agreement: Agreement, party_id: int, role: str, creator: User, hours: float
) -> tuple[str, Invitation]:
    """A new invitation; the token is returned once and only its hash is kept.

    Raises NotFound if the party is not in the agreement.
    """
    if party_id not in {p.id for p in agreement.parties}:
        raise NotFound(f"There is no party {party_id} in this agreement.")
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        agreement_id=agreement.id,
        party_id=party_id,
        role=role,
        token_hash=_digest(token),
        created_by=creator.id,
        expires_at=utcnow() + dt.timedelta(hours=hours),
    )
    session.add(invitation)
    audit.append(
        session,
        agreement.id,
        "invitation_created",
        {"party_id": party_id, "role": role, "expires_at": invitation.expires_at.isoformat()},
        creator.id,
    )
    return token, invitation


def accept(session: Session, token: str, user: User) -> Member:
    """Make `user` a member of the invitation's party.

    Raises NotFound (unknown token), Gone (used or expired), Conflict (already a member)."""
    invitation = session.scalar(
        sa.select(Invitation).where(Invitation.token_hash == _digest(token)).with_for_update()
    )
    if invitation is None:
        raise NotFound("This invitation link is not valid. Ask for a new one.")
    if invitation.accepted_at is not None:
        raise Gone("This invitation has already been used. Ask for a new one.")
    if invitation.expires_at <= utcnow():
        raise Gone("This invitation has expired. Ask for a new one.")
    agreement = session.scalar(
        sa.select(Agreement).where(Agreement.id == invitation.agreement_id).with_for_update()
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
