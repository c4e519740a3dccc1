"""Declare each API operation once: it becomes a Flask route and an OpenAPI operation.

The wrapper authenticates the caller (unless public), parses and validates the JSON body with
the operation's pydantic model, and serialises the pydantic result with its status code. For a
write, it answers a retried Idempotency-Key from the first answer, and otherwise commits the
write together with its answer: views build their answer from the write, then the wrapper commits.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Blueprint, Response, current_app, g, make_response, request
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import IntegrityError

from auth.tokens import current_user
from plugin.store.db import get_session
from plugin.workflow.errors import DomainError, InvalidInput

from . import idempotency
from .request_body import body_bytes
from .schemas import Out


@dataclass(frozen=True)
class Operation:
    path: str  # Flask rule, e.g. /agreements/<int:agreement_id>
    method: str
    name: str
    summary: str
    body: type[BaseModel] | None
    responses: dict[int, type[BaseModel] | None]
    public: bool
    errors: tuple[int, ...] = field(default=())
    idempotent: bool = False  # takes an Idempotency-Key header
    upload: str | None = None  # a raw request body of this media type (.docx uploads)
    download: str | None = None  # the success body's media type, when not JSON
    query: tuple[dict, ...] = ()  # OpenAPI query parameters, which the view reads itself


OPERATIONS: list[Operation] = []

# A path id beyond the database's integer range names nothing: the converter answers 404.
ID = "int(max=2147483647)"


class UnsupportedMediaType(DomainError):
    status = 415
    title = "Unsupported media type"


MAX_DEPTH = 32  # no request body needs more nesting than this


def _depth(data: object) -> int:
    """How deeply lists and objects nest in parsed JSON (without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                items = value.values() if isinstance(value, dict) else value
                stack.extend((v, depth + 1) for v in items)
    return deepest


def parse_body(model: type[BaseModel]) -> BaseModel:
    """Raises UnsupportedMediaType (415) unless JSON in UTF-8, DomainError (400) for malformed
    JSON, invalid UTF-8 or too deep nesting, InvalidInput (422) listing every bad field."""
    if not request.is_json:
        raise UnsupportedMediaType(
            "Send the request body as JSON (Content-Type: application/json)."
        )
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"Send JSON in UTF-8, not {charset[:40]}.")
    raw = body_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DomainError(
            f"The request body is not valid UTF-8 (at byte {exc.start}). Send JSON in UTF-8."
        ) from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise DomainError(f"The request body nests deeper than {MAX_DEPTH} levels.") from None
    except ValueError as exc:
        raise DomainError(f"The request body is not valid JSON: {exc}.") from None
    if _depth(data) > MAX_DEPTH:
        raise DomainError(f"The request body nests deeper than {MAX_DEPTH} levels.")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]) or "(body)", "message": e["msg"]}
            for e in exc.errors(include_url=False)
        ]
        raise InvalidInput("The request body is not valid.", errors=errors) from None


def respond(result: object, status: int) -> Response | object:
    """A view returns a Response, None (no content), a model, (model, status) or
    (body, status, headers)."""
    if isinstance(result, tuple) and len(result) == 3:
        return result
    if isinstance(result, tuple):
        result, status = result
    if isinstance(result, Response):
        return result
    if result is None:
        return Response(status=status)
    if isinstance(result, Out):
        result = result.model_dump(mode="json")
    return result, status


def operation(
    bp: Blueprint,
    path: str,
    method: str,
    *,
    summary: str,
    responses: dict[int, type[BaseModel] | None],
    body: type[BaseModel] | None = None,
    public: bool = False,
    errors: tuple[int, ...] = (),
    signs_in: bool = True,
    upload: str | None = None,
    download: str | None = None,
    query: tuple[dict, ...] = (),
) -> Callable:
    """`signs_in=False`: the view authenticates the caller itself (the fast state reads)."""
    status = min(responses)
    writes = method != "GET"
    idempotent = writes and not public

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(**kwargs):
            user = None
            if upload is not None:  # an uploaded file has a limit of its own (also for its key)
                request.max_content_length = current_app.config["MAX_UPLOAD_BYTES"] + 64 * 1024
            if not public and signs_in:
                user = kwargs["user"] = current_user()
            key = idempotency.key_of_request() if idempotent else None
            if key is not None:
                first = idempotency.replay(get_session(), user, key)
                if first is not None:
                    return first
            if body is not None:
                kwargs["body"] = parse_body(body)
            response = make_response(respond(view(**kwargs), status))
            if writes:
                return _commit(response, user, key)
            return response

        bp.add_url_rule(path, view.__name__, wrapper, methods=[method])
        OPERATIONS.append(
            Operation(
                path,
                method,
                view.__name__,
                summary,
                body,
                responses,
                public,
                errors,
                idempotent,
                upload,
                download,
                query,
            )
        )
        return wrapper

    return decorator


def _commit(response: Response, user, key: str | None) -> Response:
    """Commit the write with its answer (kept for its Idempotency-Key, if any). When a request
    with the same key committed first, this one is undone and answered with that one's answer."""
    session = g.get("db")
    if session is None:
        return response
    if key is not None and 200 <= response.status_code < 300:
        idempotency.remember(session, user, key, response)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        first = idempotency.replay(session, user, key) if key is not None else None
        if first is None:
            raise
        return first
    return response
