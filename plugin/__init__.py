"""Partnership Agreements for Word: the Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask


def create_app(config: Mapping | None = None) -> Flask:
    """Build the app: defaults, then the environment (PA_*), then `config` (tests)."""

    import auth

    from . import (
        addin,
        api,
        documents,
        jobs,
        mail,
        notifications,
        security,
        settings,
        store,
        taskpane,
    )

    app = Flask(__name__, instance_relative_config=True)
    settings.configure(app, config)
    store.init_app(app)
    security.init_app(app)
    auth.init_app(app)  # before the API: it adds the token endpoints to the API blueprint
    api.init_app(app)
    documents.init_app(app)
    addin.init_app(app)
    taskpane.init_app(app)
    mail.init_app(app)
    notifications.init_app(app)
    jobs.init_app(app)  # last: its worker thread (local mode) starts here

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
