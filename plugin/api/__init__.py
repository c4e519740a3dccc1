"""The JSON API under /api/v1: bearer-token auth, problem+json errors, an OpenAPI document."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def init_app(app: Flask) -> None:
    from . import (  # noqa: F401  (they register routes on bp)
        agreements,
        documents,
        people,
        problems,
        public,
    )

    problems.init_app(app)
    app.register_blueprint(bp)
