"""The task pane: one HTML page, its stylesheet and its ES modules, served at /pane/.

The same files run inside Word (the add-in's sidebar) and as a plain web page. Only static files
live here; everything the pane knows it asks the JSON API for, with a bearer token. The page names
its modules and stylesheet by content-hashed names (build.py), which are cached for good; the page
itself is revalidated on every load, so a deploy shows at once.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import Blueprint, Flask, Response, abort, current_app, request, send_from_directory
from flask.cli import AppGroup

from .build import Pane, write

HERE = Path(__file__).parent
# Only what the page needs is served: no Python source, no data files.
SERVED = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
FOREVER = "public, max-age=31536000, immutable"

bp = Blueprint("pane", __name__, url_prefix="/pane")


def _pane() -> Pane:
    return current_app.extensions["pane"]


def _send(file, cache_control: str) -> Response:
    """The file in the best encoding the client accepts (brotli, gzip, or none); 304 when the
    client has it already."""
    accepted = request.accept_encodings
    body, encoding = file.body, None
    if accepted["br"]:
        body, encoding = file.br, "br"
    elif accepted["gzip"]:
        body, encoding = file.gzip, "gzip"
    response = Response(body, mimetype=file.mimetype)
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = cache_control
    response.set_etag(f"{file.etag}-{encoding or 'identity'}")
    return response.make_conditional(request)


@bp.get("/")
def pane():
    return _send(_pane().current().page, "no-cache")


@bp.get("/<path:name>")
def pane_file(name: str):
    """A static file of the pane: by its hashed name (cached for good), or by its plain name
    (revalidated). Raises NotFound (404) for anything but .js, .css and images."""
    built = _pane().file(name)
    if built is not None:
        return _send(built, FOREVER)
    suffix = Path(name).suffix
    if suffix not in SERVED or name.startswith(("_", ".")):
        abort(404)
    response = send_from_directory(HERE, name, mimetype=SERVED[suffix], max_age=0)
    response.headers["Cache-Control"] = "no-cache"  # revalidated (ETag) so a deploy shows at once
    return response


pane_cli = AppGroup("pane", help="The task pane's files.")


@pane_cli.command("build")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
def build_command(out: Path) -> None:
    """Write the page and its hashed files (each with .gz and .br) into OUT, for a web server."""
    written = write(_pane().current(), out)
    click.echo(f"Wrote {len(written)} files to {out}.")


def init_app(app: Flask) -> None:
    app.extensions["pane"] = Pane(HERE)
    app.register_blueprint(bp)
    app.cli.add_command(pane_cli)
