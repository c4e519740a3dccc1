"""Users: create and find by email."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from plugin.workflow.errors import Conflict, NotFound

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
