"""Partnership Agreements for Word: the Flask application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping

from flask import Flask


def create_app(config: Mapping | None = None) -> Flask:
    """Build the app: defaults, then the environment (PA_*), then `config` (tests)."""

    import auth

    from . import (
        addin,
        api,
        documents,
        frontdoor,
        jobs,
        mail,
        notifications,
        security,
        settings,
        store,
        taskpane,
    )

    # PA_INSTANCE_PATH: this instance's own folder (two instances on one machine each have one).
    instance = os.environ.get("PA_INSTANCE_PATH") or None
    app = Flask(__name__, instance_relative_config=True, instance_path=instance)
    settings.configure(app, config)
    store.init_app(app)
    security.init_app(app)
    auth.init_app(app)
    api.init_app(app)
    documents.init_app(app)
    addin.init_app(app)
    taskpane.init_app(app)
    frontdoor.init_app(app)
    mail.init_app(app)
    notifications.init_app(app)
    jobs.init_app(app)  # last: its worker thread (local mode) starts here
    # The guidance is loaded and checked (every example rendered) as the app starts, once per
    # process, so that no user's request waits for it.
    from .catalogue import default_catalogue

    default_catalogue()

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
