"""Idempotency-Key: a retried write is answered with its first answer instead of being done twice.

The first answer (status, a few headers, body) is kept per user and key, with a fingerprint of
the request (method, path, body), in the same transaction as the write it answers. A retry with
the same key and request gets that answer back (`Idempotent-Replayed: true`); the same key with
a different request is refused (422). Keys are kept for a day. Bodies are sealed with a key
derived from the app's secret key, because some answers carry a token.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken
from flask import Response, current_app, request
from sqlalchemy.orm import Session

from plugin.store.models import IdempotencyKey, User, utcnow
from plugin.workflow.errors import DomainError, InvalidInput

from .request_body import body_bytes

HEADER = "Idempotency-Key"
KEPT_FOR = dt.timedelta(hours=24)
KEY = re.compile(r"^[\x21-\x7e]{1,200}$")  # visible ASCII, as the IETF draft's examples use
REPLAYED_HEADERS = ("Content-Type", "ETag", "Location", "Cache-Control")


def key_of_request() -> str | None:
    """The request's Idempotency-Key, if any. Raises DomainError (400) for a malformed one."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not KEY.match(key):
        raise DomainError(f"{HEADER} must be 1 to 200 visible ASCII characters.")
    return key


def fingerprint() -> str:
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode(), body_bytes()):
        digest.update(len(part).to_bytes(8, "big") + part)
    if request.query_string:  # only when present: earlier keys' fingerprints stay as they were
        digest.update(b"?" + request.query_string)
    return digest.hexdigest()


def _sealer() -> Fernet:
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"idempotency:" + secret).digest()))


def replay(session: Session, user: User, key: str) -> Response | None:
    """The first answer to this key, or None if there is none (or it has lapsed).

    Raises InvalidInput (422) when the key was used for a different request."""
    row = session.scalar(
        sa.select(IdempotencyKey).where(
            IdempotencyKey.user_id == user.id, IdempotencyKey.key == key
        )
    )
    if row is None or row.created_at <= utcnow() - KEPT_FOR:
        return None
    if row.fingerprint != fingerprint():
        raise InvalidInput(
            f"This {HEADER} was already used for a different request. Use a new key for a new "
            "request, and the same key only to retry the same one."
        )
    try:
        body = _sealer().decrypt(row.body)
    except InvalidToken:  # the secret key has changed since: the answer cannot be replayed
        raise DomainError(f"This {HEADER} can no longer be replayed; use a new one.") from None
    response = Response(body, status=row.status)
    for name, value in row.headers.items():
        response.headers[name] = value
    response.headers["Idempotent-Replayed"] = "true"
    return response


def remember(session: Session, user: User, key: str, response: Response) -> None:
    """Keep the answer to this key, in the write's own transaction (the caller commits)."""
    session.execute(
        sa.delete(IdempotencyKey).where(
            IdempotencyKey.user_id == user.id, IdempotencyKey.created_at <= utcnow() - KEPT_FOR
        )
    )
    session.add(
        IdempotencyKey(
            user_id=user.id,
            key=key,
            fingerprint=fingerprint(),
            status=response.status_code,
            headers={h: response.headers[h] for h in REPLAYED_HEADERS if h in response.headers},
            body=_sealer().encrypt(response.get_data()),
            created_at=utcnow(),
        )
    )
