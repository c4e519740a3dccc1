"""Signed links in mail: one-click unsubscribe (never expires, changes only the notification
preference of the user it names) and email verification (expires)."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

UNSUBSCRIBE_SALT = "pa-mail-unsubscribe"
VERIFY_SALT = "pa-mail-verify-email"


class BadLink(Exception):
    """A link that was altered, made up, cut short or has expired; its message says which."""


def origin() -> str:
    return current_app.config["PUBLIC_ORIGIN"].rstrip("/")


def pane_link(agreement_id: int | None = None, section: str | None = None, **extra: str) -> str:
    """A link straight into the pane: /pane/#agreement=ID&section=KEY (what the pane opens)."""
    parts = []
    if agreement_id is not None:
        parts.append(f"agreement={agreement_id}")
    if section:
        parts.append(f"section={section}")
    parts += [f"{k}={v}" for k, v in extra.items()]
    return f"{origin()}/pane/#{'&'.join(parts)}"


def unsubscribe_link(user_id: int) -> str:
    token = URLSafeSerializer(current_app.config["SECRET_KEY"], UNSUBSCRIBE_SALT).dumps(
        {"u": user_id}
    )
    return f"{origin()}/mail/unsubscribe/{token}"


def unsubscribe_user(token: str) -> int:
    """The user id an unsubscribe token names. Raises BadLink."""
    try:
        data = URLSafeSerializer(current_app.config["SECRET_KEY"], UNSUBSCRIBE_SALT).loads(token)
    except BadSignature as error:
        raise BadLink(
            "This unsubscribe link is not one this service made (or it was cut short)."
        ) from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise BadLink("This unsubscribe link is not one this service made.")
    return data["u"]


def verification_link(user_id: int, email: str) -> str:
    token = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], VERIFY_SALT).dumps(
        {"u": user_id, "e": email}
    )
    return f"{origin()}/mail/verify/{token}"


def verified_address(token: str) -> tuple[int, str]:
    """(user id, email) a verification token names. Raises BadLink (also once expired)."""
    hours = float(current_app.config["EMAIL_VERIFICATION_HOURS"])
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], VERIFY_SALT)
    try:
        data = serializer.loads(token, max_age=int(hours * 3600))
    except SignatureExpired as error:
        raise BadLink("This verification link has expired: sign in to get a new one.") from error
    except BadSignature as error:
        raise BadLink(
            "This verification link is not one this service made (or it was cut short)."
        ) from error
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("u"), int)
        or not isinstance(data.get("e"), str)
    ):
        raise BadLink("This verification link is not one this service made.")
    return data["u"], data["e"]
