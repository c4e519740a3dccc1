"""Declare each API operation once: it becomes a Flask route and an OpenAPI operation.

The wrapper authenticates the caller (unless public), parses and validates the JSON body with
the operation's pydantic model, and serialises the pydantic result with its status code.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Blueprint, Response, request
from pydantic import BaseModel, ValidationError

from auth.tokens import current_user
from plugin.workflow.errors import DomainError, InvalidInput

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
    upload: str | None = None  # a raw request body of this media type (#8: .docx uploads)
    download: str | None = None  # the success body's media type, when not JSON (#8)


OPERATIONS: list[Operation] = []

# A path id beyond the database's integer range names nothing: the converter answers 404.
ID = "int(max=2147483647)"


class UnsupportedMediaType(DomainError):
    status = 415
    title = "Unsupported media type"


def parse_body(model: type[BaseModel]) -> BaseModel:
    """Raises UnsupportedMediaType (415) unless JSON, DomainError (400) for malformed JSON,
    InvalidInput (422) listing every bad field."""
    if not request.is_json:
        raise UnsupportedMediaType(
            "Send the request body as JSON (Content-Type: application/json)."
        )
    try:
        data = json.loads(request.get_data(as_text=True))
    except ValueError as exc:
        raise DomainError(f"The request body is not valid JSON: {exc}.") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]) or "(body)", "message": e["msg"]}
            for e in exc.errors(include_url=False)
        ]
        raise InvalidInput("The request body is not valid.", errors=errors) from None


def respond(result: object, status: int) -> Response | object:
    """A view returns a Response, None (no content), a model, or (model, status)."""
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
    upload: str | None = None,
    download: str | None = None,
) -> Callable:
    status = min(responses)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(**kwargs):
            if not public:
                kwargs["user"] = current_user()
            if body is not None:
                kwargs["body"] = parse_body(body)
            return respond(view(**kwargs), status)

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
                upload,
                download,
            )
        )
        return wrapper

    return decorator
