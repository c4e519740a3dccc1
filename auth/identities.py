"""From a verified ID token to our user: by the stable key (issuer, subject), never by email.

A first sign-in through an external provider makes a new user. The built-in provider's
subjects are this app's own user ids, so its first sign-in links to that local account.
"""

from __future__ import annotations

import hashlib
import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.store.login_models import Identity
from plugin.store.models import User, utcnow
from plugin.store.users import THIS_SERVICE, verified_by, verified_here

from .oidc_client import SignInRefused, identity_key
from .providers import Provider, all_providers

log = logging.getLogger(__name__)


def _display_email(session: Session, claims: dict, issuer: str, subject: str) -> str:
    """The email to show, if no other user has it; else a placeholder naming nobody (an email
    is not proof of identity, so an existing account is never taken over through it)."""
    email = claims.get("email") or claims.get("preferred_username") or ""
    email = email.strip().lower()[:254] if isinstance(email, str) else ""
    if "@" in email and not session.scalar(sa.select(User.id).where(User.email == email)):
        return email
    key = hashlib.sha256(f"{issuer} {subject}".encode()).hexdigest()[:16]
    return f"user-{key}@sign-in.invalid"


def email_verified(claims: dict, email: str | None) -> bool:
    """Whether the provider vouches for `email`: only a claim `email_verified` that is exactly
    true, about this very address. A missing claim (Microsoft Entra sends none), "true" as a
    string or any other value counts as not verified: nothing is guessed."""
    return email is not None and "@" in email and claims.get("email_verified") is True


def provider_names() -> dict[str, str]:
    """Each configured provider's display name, by its configured name (in an app context)."""
    return {name: p.display_name for name, p in all_providers().items()}


def email_verifier(session: Session, user: User) -> str | None:
    """The display name of the provider that verified the user's email as shown, if any."""
    identity = verified_by(session, [user]).get(user.id)
    if identity is None:
        return THIS_SERVICE if verified_here(session, [user]) else None
    return provider_names().get(identity.provider, identity.provider)


def _refresh_profile(session: Session, user: User, claims: dict, issuer: str, subject: str):
    """At each sign-in, the name and email the provider gives now (an email another user has
    is not taken: the placeholder stays, as at the first sign-in)."""
    name = claims.get("name")
    if isinstance(name, str) and name.strip():
        user.name = name.strip()[:200]
    email = claims.get("email") or claims.get("preferred_username")
    if isinstance(email, str) and "@" in email and email.strip().lower()[:254] != user.email:
        shown = _display_email(session, claims, issuer, subject)
        if not shown.endswith("@sign-in.invalid"):
            user.email = shown


def user_for(session: Session, provider: Provider, claims: dict) -> User:
    """The user these claims name, made on the first sign-in. Raises SignInRefused when the
    built-in provider names an account that no longer exists."""
    issuer, subject = identity_key(provider, claims)
    identity = session.scalar(
        sa.select(Identity).where(Identity.issuer == issuer, Identity.subject == subject)
    )
    email = claims.get("email") if isinstance(claims.get("email"), str) else None
    verified = email_verified(claims, email)
    if identity is not None:
        identity.last_sign_in_at = utcnow()
        identity.email = email
        identity.email_verified = verified
        if not provider.builtin:  # the built-in provider's accounts are ours already
            _refresh_profile(session, identity.user, claims, issuer, subject)
        return identity.user
    if provider.builtin:
        user = session.get(User, int(subject)) if subject.isdigit() else None
        if user is None:
            raise SignInRefused("That local account no longer exists.")
    else:
        name = claims.get("name") if isinstance(claims.get("name"), str) else ""
        user = User(
            email=_display_email(session, claims, issuer, subject),
            name=(name or email or "New user").strip()[:200],
        )
        session.add(user)
        session.flush()
        log.info("new user %s from provider %s", user.id, provider.name)
    session.add(
        Identity(
            user_id=user.id,
            provider=provider.name,
            issuer=issuer,
            subject=subject,
            email=email,
            email_verified=verified,
        )
    )
    session.flush()
    return user
