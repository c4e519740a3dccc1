"""Each user's choice of mail: "immediate" (the default), "digest" (one a day) or "none"."""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.store.mail_models import NotificationPreference
from plugin.store.models import utcnow

Mode = Literal["immediate", "digest", "none"]
MODES: tuple[str, ...] = ("immediate", "digest", "none")


def mode_of(session: Session, user_id: int) -> str:
    mode = session.scalar(
        sa.select(NotificationPreference.mode).where(NotificationPreference.user_id == user_id)
    )
    return mode or "immediate"


def set_mode(session: Session, user_id: int, mode: str) -> None:
    """Record the user's choice (the caller commits). Raises ValueError for an unknown mode."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    row = session.get(NotificationPreference, user_id)
    if row is None:
        session.add(NotificationPreference(user_id=user_id, mode=mode, updated_at=utcnow()))
    else:
        row.mode, row.updated_at = mode, utcnow()
    session.flush()
