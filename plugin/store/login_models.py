"""Tables of the login: identities at providers, sign-ins under way, login attempts, and the
built-in provider's clients, authorization codes and access tokens (same Base as the store)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, User, utcnow


class Identity(Base):
    """A user's account at one provider. The key is stable: (issuer, subject), where for
    Microsoft Entra the issuer names the tenant and the subject is the object id (oid)."""

    __tablename__ = "identities"
    __table_args__ = (sa.UniqueConstraint("issuer", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(sa.String(40))  # the configured name, for display
    issuer: Mapped[str] = mapped_column(sa.String(300))
    subject: Mapped[str] = mapped_column(sa.String(255))
    email: Mapped[str | None] = mapped_column(sa.String(254))  # as last seen; never a key
    # The provider said it verified `email` (claim `email_verified` exactly true) at the last
    # sign-in; false when it said otherwise or nothing (Microsoft Entra sends no such claim).
    email_verified: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[User] = relationship(lazy="joined")


class SignIn(Base):
    """One sign-in under way, keyed by the sha256 of its `state`: single use, short lived.
    The browser that started it holds the state in its session cookie."""

    __tablename__ = "sign_ins"
    id: Mapped[int] = mapped_column(primary_key=True)
    state_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    provider: Mapped[str] = mapped_column(sa.String(40))
    nonce: Mapped[str] = mapped_column(sa.String(100))
    code_verifier: Mapped[str] = mapped_column(sa.String(128))
    next_path: Mapped[str] = mapped_column(sa.String(500), default="/pane/")
    dialog: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    callback_at: Mapped[dt.datetime | None]  # the provider came back (used once)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    handed_off_at: Mapped[dt.datetime | None]  # the API token was handed over (once)


class LoginAttempt(Base):
    """A password tried at the built-in provider; failures count towards the rate limits."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        sa.Index("ix_login_attempts_account_created_at", "account", "created_at"),
        sa.Index("ix_login_attempts_ip_created_at", "ip", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(sa.String(254))  # the normalised email tried
    ip: Mapped[str] = mapped_column(sa.String(45))
    succeeded: Mapped[bool]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OAuthClient(Base):
    """Another application signing in through the built-in provider (the app itself is a
    client too, but its record is made from the configuration). Only the secret's hash is kept."""

    __tablename__ = "oauth_clients"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(sa.String(64), unique=True)
    secret_hash: Mapped[str] = mapped_column(sa.String(64))
    name: Mapped[str] = mapped_column(sa.String(200))
    redirect_uris: Mapped[list] = mapped_column(sa.JSON)
    # Where RP-initiated logout may send the browser back to (exact match); null: nowhere.
    post_logout_redirect_uris: Mapped[list | None] = mapped_column(sa.JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuthorizationCode(Base):
    """A code issued by the built-in provider; only its sha256 is kept. Used once: a second
    use is refused and revokes the access tokens the first use got (RFC 6749 4.1.2)."""

    __tablename__ = "oauth_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    client_id: Mapped[str] = mapped_column(sa.String(64))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    redirect_uri: Mapped[str] = mapped_column(sa.String(500))
    scope: Mapped[str] = mapped_column(sa.String(200))
    nonce: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    code_challenge: Mapped[str] = mapped_column(sa.String(128))
    code_challenge_method: Mapped[str] = mapped_column(sa.String(10))
    auth_time: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]

    # What Authlib's grant reads (AuthorizationCodeMixin and its OpenID Connect additions).
    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


class ProviderToken(Base):
    """An access token of the built-in provider (for its userinfo endpoint); sha256 only."""

    __tablename__ = "oauth_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    client_id: Mapped[str] = mapped_column(sa.String(64))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    code_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("oauth_codes.id", ondelete="SET NULL"), index=True
    )
    scope: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    user: Mapped[User] = relationship(lazy="joined")
