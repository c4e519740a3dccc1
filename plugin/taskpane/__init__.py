"""The task pane: one HTML page, its stylesheet and its ES modules, served at /pane/.

The same files run inside Word (the add-in's sidebar) and as a plain web page. Only static files
live here; everything the pane knows it asks the JSON API for, with a bearer token.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, abort, send_from_directory

HERE = Path(__file__).parent
# Only what the page needs is served: no Python source, no data files.
SERVED = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}

bp = Blueprint("pane", __name__, url_prefix="/pane")


@bp.get("/")
def pane():
    response = send_from_directory(HERE, "pane.html", mimetype="text/html", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/<path:name>")
def pane_file(name: str):
    """A static file of the pane. Raises NotFound (404) for anything but .js, .css and images."""
    suffix = Path(name).suffix
    if suffix not in SERVED or name.startswith(("_", ".")):
        abort(404)
    response = send_from_directory(HERE, name, mimetype=SERVED[suffix], max_age=0)
    response.headers["Cache-Control"] = "no-cache"  # revalidated (ETag) so a deploy shows at once
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
