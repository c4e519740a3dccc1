"""Users: create and find by email; whose email a sign-in provider verified."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from plugin.workflow.errors import Conflict, NotFound

from .login_models import Identity
from .mail_models import EmailVerification
from .models import User


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(session: Session, email: str, name: str, password: str | None = None) -> User:
    """Raises Conflict if the email is taken."""
    email = normalise_email(email)
    if session.scalar(sa.select(User).where(User.email == email)):
        raise Conflict(f"There is already a user with the email {email}.")
    user = User(
        email=email, name=name.strip(), password_hash=password and generate_password_hash(password)
    )
    session.add(user)
    session.flush()
    return user


def find_by_email(session: Session, email: str) -> User:
    """Raises NotFound."""
    user = session.scalar(sa.select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise NotFound(f"There is no user with the email {email}.")
    return user


def verified_by(session: Session, users: Iterable[User]) -> dict[int, Identity]:
    """For each user whose email address as shown here one of their identities verified at its
    last sign-in, that identity (the earliest made, when several did)."""
    emails = {u.id: u.email.strip().lower() for u in users}
    rows = session.scalars(
        sa.select(Identity)
        .where(Identity.user_id.in_(emails), Identity.email_verified)
        .order_by(Identity.id)
    )
    found: dict[int, Identity] = {}
    for identity in rows:
        if (identity.email or "").strip().lower() == emails[identity.user_id]:
            found.setdefault(identity.user_id, identity)
    return found


THIS_SERVICE = "this service"  # who verified an address whose verification link was followed


def verified_here(session: Session, users: Iterable[User]) -> set[int]:
    """The users whose email address, as shown here, this service verified (they followed the
    link mailed to it: plugin/mail)."""
    emails = {u.id: u.email.strip().lower() for u in users}
    rows = session.execute(
        sa.select(EmailVerification.user_id, EmailVerification.email).where(
            EmailVerification.user_id.in_(emails)
        )
    )
    return {user_id for user_id, email in rows if email.strip().lower() == emails[user_id]}
