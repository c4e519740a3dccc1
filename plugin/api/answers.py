"""Shaping answers: a write's answer with the agreement's new ETag (built inside the write's
transaction), and the cached, conditional reads of bodies fixed by an ETag."""

from __future__ import annotations

import json
from collections.abc import Callable

from flask import Response, request

from auth.tokens import current_user
from plugin.catalogue import default_catalogue
from plugin.store import agreements as store
from plugin.store.db import get_session
from plugin.store.models import Agreement, Member

from . import schemas as s
from .state_reads import bodies, json_answer, marker, not_modified
from .views import agreement_out, etag


def tag_of(agreement: Agreement, member: Member) -> str:
    return etag(agreement.id, agreement.change_counter, member.id, member.role)


def no_content(agreement: Agreement, member: Member) -> Response:
    response = Response(status=204)
    response.set_etag(tag_of(agreement, member), weak=True)
    return response


def state_in_write(agreement: Agreement, member: Member, status: int) -> Response:
    """The state as this write leaves it, built inside the write's transaction."""
    body = agreement_out(get_session(), agreement, member, default_catalogue())
    response = Response(json.dumps(body.model_dump(mode="json")), status=status)
    response.content_type = "application/json"
    response.set_etag(tag_of(agreement, member), weak=True)
    return response


def snapshot_session():
    """A session whose reads all see one snapshot (REPEATABLE READ on PostgreSQL; a SQLite
    read transaction already does), so a body always matches the ETag it is kept under."""
    session = get_session()
    if session.in_transaction():
        session.commit()
    if session.get_bind().dialect.name != "sqlite":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return session


def cached_read(agreement_id: int, build: Callable) -> Response:
    """A conditional, cached read of something whose body is fixed by the agreement's ETag."""
    tag = marker(agreement_id)
    if tag is not None:
        if (answer := not_modified(tag)) is not None:
            return answer
        if (body := bodies().get(f"{request.path}|{tag}")) is not None:
            return json_answer(body, tag)
    session = snapshot_session()
    agreement, member = store.find(session, agreement_id, current_user())
    tag = tag_of(agreement, member)
    if (answer := not_modified(tag)) is not None:
        return answer
    body = json.dumps(build(session, agreement, member).model_dump(mode="json")).encode()
    bodies().set(f"{request.path}|{tag}", body)
    return json_answer(body, tag)


def with_etag(model: s.Out, status: int, tag: str) -> Response:
    response = Response(json.dumps(model.model_dump(mode="json")), status=status)
    response.content_type = "application/json"
    response.set_etag(tag, weak=True)
    return response
