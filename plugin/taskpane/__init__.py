"""The task pane: one HTML page, its stylesheet and its ES modules, served at /pane/.

The same files run inside Word (the add-in's sidebar) and as a plain web page. Only static files
live here; everything the pane knows it asks the JSON API for, with a bearer token.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, send_from_directory

from .built import Built, build

HERE = Path(__file__).parent
# Only what the page needs is served: no Python source, no data files.
SERVED = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}

bp = Blueprint("pane", __name__, url_prefix="/pane")


IMMUTABLE = "public, max-age=31536000, immutable"


def _built() -> tuple[dict[str, Built], Built]:
    """The hashed files and the page naming them: made once per process (per app in tests)."""
    if "pane_built" not in current_app.extensions:
        files, html, _ = build(HERE)
        current_app.extensions["pane_built"] = (files, html)
    return current_app.extensions["pane_built"]


def _send(built: Built, cache: str) -> Response:
    """The file compressed as the client asks (brotli, else gzip, else as it is)."""
    accepted = request.accept_encodings
    body, coding = built.body, None
    if accepted["br"]:
        body, coding = built.br, "br"
    elif accepted["gzip"]:
        body, coding = built.gzip, "gzip"
    response = Response(body, mimetype=built.mimetype)
    if coding:
        response.headers["Content-Encoding"] = coding
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = cache
    # From the bytes alone, so that every instance gives the same file the same ETag.
    response.set_etag(f"{hashlib.sha256(built.body).hexdigest()[:20]}-{coding or 'identity'}")
    return response.make_conditional(request)


@bp.get("/")
def pane():
    """The page: never cached without asking (it names the hashed files of this deploy)."""
    return _send(_built()[1], "no-cache")


@bp.get("/<path:name>")
def pane_file(name: str):
    """A static file of the pane. Hashed names (app.<hash>.js) are immutable; plain names stay
    served, revalidated. Raises NotFound (404) for anything but .js, .css and images."""
    files, _ = _built()
    if name in files:
        return _send(files[name], IMMUTABLE)
    suffix = Path(name).suffix
    if suffix not in SERVED or name.startswith(("_", ".")):
        abort(404)
    response = send_from_directory(HERE, name, mimetype=SERVED[suffix], max_age=0)
    response.headers["Cache-Control"] = "no-cache"  # revalidated (ETag) so a deploy shows at once
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
