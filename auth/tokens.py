"""Bearer tokens for the API: random, stored as sha256, expiring and revocable.

The API takes only `Authorization: Bearer <token>` (no cookies), which makes it immune to CSRF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from flask import g, request
from sqlalchemy.orm import Session, make_transient_to_detached

from plugin.store.db import SingleRead, get_session
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


# One statement, built once: the user of a live (unrevoked, unexpired) token. It runs alone on
# an autocommit connection (SingleRead: no BEGIN, no COMMIT, no ORM loading), so a write's
# transaction begins after it, as it did when the look-up had a read transaction of its own.
_USER_FOR = SingleRead(
    sa.select(User.id, User.email, User.name, User.password_hash)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(
        ApiToken.token_hash == sa.bindparam("digest"),
        ApiToken.revoked_at.is_(None),
        ApiToken.expires_at > sa.bindparam("now"),
    )
)


def user_for(session: Session, token: str) -> User | None:
    """The user a live (unexpired, unrevoked) token belongs to, as a row of `session` (the
    columns read here are loaded; any other is read from the database when first used)."""
    found = _USER_FOR.first(digest=digest(token), now=utcnow())
    if found is None:
        return None
    existing = session.identity_map.get(session.identity_key(User, found[0]))
    if existing is not None:
        return existing
    user = User(id=found[0], email=found[1], name=found[2], password_hash=found[3])
    make_transient_to_detached(user)  # as if just loaded: nothing for a flush to write
    session.add(user)
    return user


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
