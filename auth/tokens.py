"""Bearer tokens for the API: random, stored as sha256, expiring and revocable.

The API takes only `Authorization: Bearer <token>` (no cookies), which makes it immune to CSRF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from flask import g, request
from sqlalchemy.orm import Session

from plugin.store.db import get_session
from plugin.store.models import ApiToken, User, utcnow
from plugin.workflow.errors import DomainError

PREFIX = "pat_"


class Unauthorised(DomainError):
    status = 401
    title = "Unauthorised"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(session: Session, user: User, hours: float, label: str = "") -> str:
    """A new token for `user`, valid for `hours`; only its hash is stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            user_id=user.id,
            token_hash=digest(token),
            label=label[:100],
            expires_at=utcnow() + dt.timedelta(hours=hours),
        )
    )
    return token


def revoke(session: Session, token: str) -> bool:
    """Revoke a token; False if there was no such live token."""
    row = session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == digest(token)))
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = utcnow()
    return True


# One statement, built once: the token's standing and its user.
_USER_FOR = (
    sa.select(User, ApiToken.revoked_at, ApiToken.expires_at)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.token_hash == sa.bindparam("digest"))
)


def user_for(session: Session, token: str) -> User | None:
    """The user a live (unexpired, unrevoked) token belongs to."""
    found = session.execute(_USER_FOR, {"digest": digest(token)}).first()
    if found is None or found[1] is not None or found[2] <= utcnow():
        return None
    return found[0]


def bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_user() -> User:
    """The signed-in user. Raises Unauthorised (401) without a live bearer token."""
    if "user" not in g:
        token = bearer()
        g.user = user_for(get_session(), token) if token else None
    if g.user is None:
        raise Unauthorised(
            "Sign in first: send 'Authorization: Bearer <token>' with a live API token.",
        )
    return g.user


def bearer_digest() -> str | None:
    """The sha256 of the request's bearer token, if it sent one."""
    token = bearer()
    return digest(token) if token else None
