"""Request ids: `X-Request-Id` in (when well formed) or made up, and out on every answer; the
problem+json body carries it too, and server errors are logged with it. Under gunicorn the
app's log goes to gunicorn's error log."""

from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, Response, g, request

HEADER = "X-Request-Id"
WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def current() -> str | None:
    return g.get("request_id")


def init_app(app: Flask) -> None:
    gunicorn = logging.getLogger("gunicorn.error")
    if gunicorn.handlers:  # served by gunicorn: log where its error log goes
        app.logger.handlers = gunicorn.handlers
        app.logger.setLevel(gunicorn.level)

    @app.before_request
    def take_request_id() -> None:
        given = request.headers.get(HEADER, "")
        g.request_id = given if WELL_FORMED.match(given) else uuid.uuid4().hex

    @app.after_request
    def give_request_id(response: Response) -> Response:
        if "request_id" in g:
            response.headers[HEADER] = g.request_id
        return response
