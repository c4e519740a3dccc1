"""Tables of the job queue and of mail (#14): the outbox of jobs, notification preferences,
digest items waiting for the daily mail, and email addresses this service verified."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class Job(Base):
    """One piece of background work, written in the transaction of the write that caused it.

    state: queued → running → done | failed; a mail job passes through "sending" once the relay
    has accepted its recipient, so that a worker killed during DATA never sends it again.
    `dedupe_key` is unique: the same event never makes the same job twice."""

    __tablename__ = "jobs"
    __table_args__ = (sa.Index("ix_jobs_state_run_after", "state", "run_after"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    payload: Mapped[dict] = mapped_column(sa.JSON)
    dedupe_key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    state: Mapped[str] = mapped_column(sa.String(20), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    run_after: Mapped[dt.datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    message_id: Mapped[str | None] = mapped_column(sa.String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]


class NotificationPreference(Base):
    """How a user wants mail: "immediate", "digest" (one a day) or "none". No row: immediate."""

    __tablename__ = "notification_preferences"
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    mode: Mapped[str] = mapped_column(sa.String(20), default="immediate")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DigestItem(Base):
    """A notification kept for a user's daily digest; `sent_on` is set when the digest went."""

    __tablename__ = "digest_items"
    __table_args__ = (sa.Index("ix_digest_items_user_id_sent_on", "user_id", "sent_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    dedupe_key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    summary: Mapped[str] = mapped_column(sa.String(500))
    link: Mapped[str] = mapped_column(sa.String(500))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_on: Mapped[str | None] = mapped_column(sa.String(10))


class EmailVerification(Base):
    """This service verified that the user received mail at `email` (the link was followed)."""

    __tablename__ = "email_verifications"
    __table_args__ = (sa.UniqueConstraint("user_id", "email"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(sa.String(254))
    verified_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
