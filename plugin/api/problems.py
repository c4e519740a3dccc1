"""Every API error as RFC 9457 application/problem+json; the session is rolled back first."""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify, request
from pydantic import BaseModel
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed
from werkzeug.routing.exceptions import RoutingException

from plugin.workflow.errors import DomainError

from . import request_ids


def _rollback() -> None:
    session = g.get("db")
    if session is not None:
        session.rollback()


def problem(status: int, title: str, detail: str, **extra: object):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if request_ids.current():
        body["request_id"] = request_ids.current()
    for key, value in extra.items():
        body[key] = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    response = jsonify(body)
    response.status_code = status
    response.content_type = "application/problem+json"
    return response


def _methods_matching(methods: list[str]) -> list[str]:
    """The methods for which a route matches this path with its converters satisfied.
    Werkzeug checks the method before the converters, so a path whose id is out of range for
    the route of one method still gathers the other routes' methods into a 405."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    allowed = []
    for method in sorted(methods):
        try:
            adapter.match(request.path, method=method)
        except (HTTPException, RoutingException):
            continue
        allowed.append(method)
    return allowed


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(exc: DomainError):
        _rollback()
        response = problem(exc.status, exc.title, exc.detail, **exc.extra)
        if exc.status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        _rollback()
        if not request.path.startswith("/api/"):
            return exc
        if isinstance(exc, MethodNotAllowed):
            allowed = _methods_matching(exc.valid_methods or [])
            if not allowed:  # e.g. an id beyond the converter's range: no such resource
                return problem(404, "Not Found", "There is nothing at this address.")
            response = problem(405, exc.name, f"This address answers {', '.join(allowed)}.")
            response.headers["Allow"] = ", ".join(allowed)
            return response
        detail = exc.description or exc.name
        if exc.code == 413:
            detail = "The request body is too large."
        return problem(exc.code or 500, exc.name, detail)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        _rollback()
        current_app.logger.error(
            "unhandled error (request %s) on %s %s",
            request_ids.current(),
            request.method,
            request.path,
            exc_info=exc,
        )
        if not request.path.startswith("/api/"):
            return InternalServerError()
        return problem(
            500, "Internal server error", "Something went wrong on our side; it has been logged."
        )
