"""Run the product locally: `python -m plugin` (what `make run` does).

Brings the database schema up to date, makes a localhost certificate on first run, and serves
https://localhost:3000 (PA_PORT and PA_HOST change where).
"""

from __future__ import annotations

import os
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler

from . import create_app
from .devcert import ensure_certificate
from .jobs import start_local_worker
from .store import schema
from .store.db import engine_of


class PathOnlyRequestHandler(WSGIRequestHandler):
    """The development server's request log, with the path and without the query string
    (sign-in codes travel in it)."""

    def log_request(self, code="-", size="-"):
        full = self.path
        self.path = full.split("?", 1)[0]
        try:
            super().log_request(code, size)
        finally:
            self.path = full


def main() -> None:
    app = create_app()
    schema.upgrade(engine_of(app))
    start_local_worker(app)  # mail, PDFs, reminders: from the database table, in this process
    cert, key = ensure_certificate(Path(app.instance_path))
    host = os.environ.get("PA_HOST", "localhost")
    port = int(os.environ.get("PA_PORT", "3000"))
    print(
        f"Partnership Agreements on https://{host}:{port}  (database: {app.config['DATABASE_URL']})"
    )
    app.run(
        host=host,
        port=port,
        ssl_context=(str(cert), str(key)),
        threaded=True,
        request_handler=PathOnlyRequestHandler,
    )


if __name__ == "__main__":
    main()
