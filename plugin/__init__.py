"""Partnership Agreements for Word: the Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask


def create_app(config: Mapping | None = None) -> Flask:
    """Build the app: defaults, then the environment (PA_*), then `config` (tests)."""

    from . import api, security, settings, store, taskpane

    app = Flask(__name__, instance_relative_config=True)
    settings.configure(app, config)
    store.init_app(app)
    security.init_app(app)
    api.init_app(app)
    taskpane.init_app(app)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
