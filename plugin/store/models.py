"""SQLAlchemy models: users, tokens, agreements, parties, members, revisions, approvals,
change requests, invitations, the audit trail and final documents."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


class Base(DeclarativeBase):
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    password_hash: Mapped[str | None] = mapped_column(sa.String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ApiToken(Base):
    """A bearer token; only its sha256 is stored."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    label: Mapped[str] = mapped_column(sa.String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    # "sign-in" (handed to the pane after a login) or "personal" (made by a user for scripts).
    kind: Mapped[str] = mapped_column(sa.String(20), default="sign-in", server_default="sign-in")
    user: Mapped[User] = relationship(lazy="joined")


class Agreement(Base):
    __tablename__ = "agreements"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(40))
    level: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[str] = mapped_column(sa.String(20), default="drafting")
    version: Mapped[int] = mapped_column(default=1)
    # Bumped by every write; the state's ETag, so a 304 needs one indexed row read.
    change_counter: Mapped[int] = mapped_column(default=0)
    created_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    parties: Mapped[list[Party]] = relationship(order_by="Party.position", lazy="selectin")


class Party(Base):
    __tablename__ = "parties"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(sa.String(200))


class Member(Base):
    """A user's place in an agreement: the party they speak for and their role."""

    __tablename__ = "members"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"))
    role: Mapped[str] = mapped_column(sa.String(20))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The job title they approve under, shown on the signing page and certificate (#13).
    job_title: Mapped[str | None] = mapped_column(sa.String(80))
    user: Mapped[User] = relationship(lazy="joined")


class Revision(Base):
    """One immutable state of a section; `number` counts from 1 within the section."""

    __tablename__ = "revisions"
    __table_args__ = (
        sa.UniqueConstraint("agreement_id", "section_key", "number"),
        sa.Index("ix_revisions_agreement_id_current", "agreement_id", "current"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    section_key: Mapped[str] = mapped_column(sa.String(60))
    number: Mapped[int]
    version: Mapped[int]  # the agreement version it was written in
    text: Mapped[str] = mapped_column(sa.Text)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    fields: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    source: Mapped[str] = mapped_column(sa.String(20))
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # True on the newest revision of its section only: the state reads the current revisions
    # through an index, however long the history (migration 0002).
    current: Mapped[bool] = mapped_column(default=False)


class Approval(Base):
    """Party approved a revision, by hash. Never deleted: `active` goes False when withdrawn
    or replaced, so the history of who approved which wording stays."""

    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    section_key: Mapped[str] = mapped_column(sa.String(60))
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"))
    revision_number: Mapped[int]
    sha256: Mapped[str] = mapped_column(sa.String(64))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(default=True)
    ended_at: Mapped[dt.datetime | None]
    # The approver confirmed they have authority to agree for their party (#13); False only on
    # approvals given before that was asked.
    authority_confirmed: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    user: Mapped[User] = relationship(lazy="joined")


class ChangeRequest(Base):
    __tablename__ = "change_requests"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    number: Mapped[int]
    version: Mapped[int]
    section_key: Mapped[str] = mapped_column(sa.String(60))
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"))
    revision_number: Mapped[int]
    sha256: Mapped[str] = mapped_column(sa.String(64))
    comment: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(20), default="open")
    raised_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]


class Invitation(Base):
    """A single-use, expiring link to join a party; only the token's sha256 is stored."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"))
    role: Mapped[str] = mapped_column(sa.String(20))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    accepted_by: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    accepted_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    revoked_at: Mapped[dt.datetime | None]


class Event(Base):
    """The append-only audit trail; each row carries the hash of the one before it."""

    __tablename__ = "events"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.String(40))
    data: Mapped[dict] = mapped_column(sa.JSON)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    prev_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64))


class Document(Base):
    """The bytes of a finalised agreement, with their sha256; never changed."""

    __tablename__ = "documents"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "version", "format"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    version: Mapped[int]
    format: Mapped[str] = mapped_column(sa.String(10))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finalised_by: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))  # (#13)


class IdempotencyKey(Base):
    """The first answer to a write sent with an Idempotency-Key header, replayed on a retry.

    Kept per user and key with a fingerprint of the request (method, path, body); committed in
    the same transaction as the write it answers. The body is sealed (encrypted) because some
    answers carry a token.
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (sa.UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(200))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[int]
    headers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    body: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class AcceptedFinding(Base):
    """The partners' recorded reason to accept a `must` finding of a section, so that it no
    longer blocks finalising (issue 7). Never deleted: `withdrawn_at` is set when taken back."""

    __tablename__ = "accepted_findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    section_key: Mapped[str] = mapped_column(sa.String(60))
    code: Mapped[str] = mapped_column(sa.String(120))
    reason: Mapped[str] = mapped_column(sa.Text)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"))
    accepted_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    user: Mapped[User] = relationship(lazy="joined", foreign_keys=[accepted_by])


class DraftDocument(Base):
    """A document made from a draft (its PDF) at one change counter, kept so that any instance
    answers the same ETag without making it again; only the newest is kept per format."""

    __tablename__ = "draft_documents"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "change_counter", "format"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    change_counter: Mapped[int]
    format: Mapped[str] = mapped_column(sa.String(10))
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CalendarFeed(Base):
    """A member's calendar feed of an agreement: a secret URL, of which only the sha256 is
    kept; revoked (never deleted) when the member revokes it or makes a new one."""

    __tablename__ = "calendar_feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
