"""The JSON API under /api/v1: bearer-token auth, problem+json errors, an OpenAPI document."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def init_app(app: Flask) -> None:
    from . import (  # noqa: F401  (they register routes on bp)
        agreements,
        calendar,
        documents,
        notifications,
        people,
        preview,
        problems,
        public,
        redline,
        tokens,
        waiting,
    )
    from .request_ids import init_app as init_request_ids
    from .state_reads import init_app as init_state_reads

    init_request_ids(app)
    init_state_reads(app)
    problems.init_app(app)
    app.register_blueprint(bp)
    app.register_blueprint(calendar.feeds)
