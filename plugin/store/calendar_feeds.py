"""Calendar feeds and the dated sections they are made from.

A feed is a secret URL for one member and one agreement; only the secret's sha256 is stored.
It answers only while the feed is not revoked and its user is still a member.
"""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.workflow.schedule import SECTIONS

from .models import Agreement, CalendarFeed, Member, Revision, utcnow


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def revoke(session: Session, agreement_id: int, user_id: int) -> int:
    """Revoke the member's live feeds of the agreement; returns how many."""
    result = session.execute(
        sa.update(CalendarFeed)
        .where(
            CalendarFeed.agreement_id == agreement_id,
            CalendarFeed.user_id == user_id,
            CalendarFeed.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )
    return result.rowcount


def create(session: Session, agreement_id: int, user_id: int) -> str:
    """A new feed secret (returned once); the member's earlier feed stops working."""
    revoke(session, agreement_id, user_id)
    secret = secrets.token_urlsafe(32)
    session.add(
        CalendarFeed(
            agreement_id=agreement_id,
            user_id=user_id,
            secret_hash=_digest(secret),
            created_at=utcnow(),
        )
    )
    session.flush()
    return secret


def agreement_of_feed(session: Session, secret: str) -> Agreement | None:
    """The agreement a live feed secret opens, or None (unknown, revoked, or no longer a
    member)."""
    return session.scalar(
        sa.select(Agreement)
        .join(CalendarFeed, CalendarFeed.agreement_id == Agreement.id)
        .join(
            Member,
            sa.and_(Member.agreement_id == Agreement.id, Member.user_id == CalendarFeed.user_id),
        )
        .where(CalendarFeed.secret_hash == _digest(secret), CalendarFeed.revoked_at.is_(None))
    )


def dated_revisions(session: Session, agreement_ids: list[int]) -> list[Revision]:
    """The current revisions of the dated sections (meetings, review, ending) of the agreements,
    in one statement."""
    if not agreement_ids:
        return []
    return list(
        session.scalars(
            sa.select(Revision).where(
                Revision.agreement_id.in_(agreement_ids),
                Revision.current,
                Revision.section_key.in_(SECTIONS),
            )
        )
    )
