"""API tokens as users see them: the one handed to the pane after a sign-in, and personal
access tokens made for scripts. Both are bearer tokens of auth/tokens.py (stored as sha256)."""

from __future__ import annotations

import datetime as dt
import secrets

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from plugin.store.models import ApiToken, utcnow
from plugin.workflow.errors import NotFound

from .tokens import PREFIX, digest

SIGN_IN = "sign-in"
PERSONAL = "personal"


def _issue(session: Session, user_id: int, lifetime: dt.timedelta, label: str, kind: str):
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user_id,
        token_hash=digest(token),
        label=label[:100],
        kind=kind,
        expires_at=utcnow() + lifetime,
    )
    session.add(row)
    session.flush()
    return token, row


def issue_sign_in(session: Session, user_id: int) -> tuple[str, dt.datetime]:
    """The short-lived token handed to the pane after a sign-in, and when it expires."""
    hours = float(current_app.config["TOKEN_LIFETIME_HOURS"])
    token, row = _issue(session, user_id, dt.timedelta(hours=hours), "sign-in", SIGN_IN)
    return token, row.expires_at


def create_personal(session: Session, user_id: int, label: str, days: int) -> tuple[str, ApiToken]:
    return _issue(session, user_id, dt.timedelta(days=days), label, PERSONAL)


def live_tokens(session: Session, user_id: int) -> list[ApiToken]:
    return list(
        session.scalars(
            sa.select(ApiToken)
            .where(
                ApiToken.user_id == user_id,
                ApiToken.revoked_at.is_(None),
                ApiToken.expires_at > utcnow(),
            )
            .order_by(ApiToken.id)
        )
    )


def revoke_by_id(session: Session, user_id: int, token_id: int) -> None:
    """Raises NotFound (404) unless it is a live token of this user."""
    done = session.execute(
        sa.update(ApiToken)
        .where(
            ApiToken.id == token_id,
            ApiToken.user_id == user_id,
            ApiToken.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    ).rowcount
    if not done:
        raise NotFound(f"You have no live token with the id {token_id}.")
