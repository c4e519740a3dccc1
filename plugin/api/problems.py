"""Every API error as RFC 9457 application/problem+json; the session is rolled back first."""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify, request
from pydantic import BaseModel
from werkzeug.exceptions import HTTPException, InternalServerError

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
