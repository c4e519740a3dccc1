"""Fast reads of an agreement's state.

- A conditional GET is answered from ONE database statement: the caller's token, their
  membership and the agreement's change counter, read together (`marker`).
- The body for a given ETag never changes (the ETag names the agreement, its change counter and
  the member), so it is built once and kept in a small per-process LRU keyed by the ETag: it can
  never be stale. Compressed bodies are kept the same way (Flask-Compress's cache, same keys).
- Bodies are compressed (zstd, br or gzip) by Flask-Compress when the client accepts it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import sqlalchemy as sa
from flask import Flask, Request, Response, current_app, g, request
from flask_compress import Compress

from auth.tokens import bearer_digest
from plugin.store.db import SingleRead
from plugin.store.models import Agreement, ApiToken, Member, utcnow

from .views import etag


class Bodies:
    """A thread-safe LRU of bytes keyed by ETag (with get/set, as Flask-Compress expects)."""

    def __init__(self, size: int) -> None:
        self.size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str) -> bytes | None:
        if key.endswith(";"):  # Flask-Compress's key for an answer that is not a state body
            return None
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


# Token, membership and change counter together: all a conditional GET needs, in one statement.
MARKER = SingleRead(
    sa.select(Agreement.change_counter, Member.id, Member.role)
    .select_from(ApiToken)
    .join(Member, Member.user_id == ApiToken.user_id)
    .join(Agreement, Agreement.id == Member.agreement_id)
    .where(
        ApiToken.token_hash == sa.bindparam("digest"),
        ApiToken.revoked_at.is_(None),
        ApiToken.expires_at > sa.bindparam("now"),
        Member.agreement_id == sa.bindparam("agreement_id"),
        Agreement.id == sa.bindparam("agreement_id"),
    )
)


def marker(agreement_id: int) -> str | None:
    """The caller's ETag for the agreement from one statement, or None when the request has no
    live token or the caller is not a member (the slow path then says which, 401 or 404)."""
    digest = bearer_digest()
    if digest is None:
        return None
    row = MARKER.first(digest=digest, now=utcnow(), agreement_id=agreement_id)
    return None if row is None else etag(agreement_id, *row)


def not_modified(tag: str) -> Response | None:
    if request.if_none_match and request.if_none_match.contains_weak(tag):
        response = Response(status=304)
        response.set_etag(tag, weak=True)
        return response
    return None


def json_answer(body: bytes, tag: str, status: int = 200) -> Response:
    response = Response(body, status=status, content_type="application/json")
    response.set_etag(tag, weak=True)
    response.headers["Cache-Control"] = "private, no-cache"
    g.state_etag = tag  # lets Flask-Compress keep the compressed body under the same ETag
    return response


def bodies() -> Bodies:
    return current_app.extensions["state_bodies"]


def _compression_key(req: Request) -> str:
    tag = g.get("state_etag")
    return f"{req.path}|{tag}" if tag else ""


def init_app(app: Flask) -> None:
    app.extensions["state_bodies"] = Bodies(int(app.config["STATE_CACHE_SIZE"]))
    app.config.setdefault("COMPRESS_ALGORITHM", ["zstd", "br", "gzip"])
    app.config.setdefault(
        "COMPRESS_MIMETYPES",
        ["application/json", "text/html", "text/css", "text/javascript", "application/javascript"],
    )
    # Streamed answers (static files) pass through: Flask-Compress's stream path drops the file's
    # close(), which leaks a handle per request; our JSON bodies are never streamed.
    app.config.setdefault("COMPRESS_STREAMS", False)
    app.config.setdefault("COMPRESS_CACHE_KEY", _compression_key)
    size = int(app.config["STATE_CACHE_SIZE"])
    app.config.setdefault("COMPRESS_CACHE_BACKEND", lambda: Bodies(size))
    Compress(app)
