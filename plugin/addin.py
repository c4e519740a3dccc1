"""The Word add-in's manifest, served for this server's own public origin, and its icons.

The committed `manifest.json` (top level) names https://localhost:3000, where `make run` serves.
A server elsewhere serves the same manifest with every https://localhost:3000 replaced by its
PUBLIC_ORIGIN, so an administrator can deploy the add-in for an organisation from it:
`GET /manifest.json`, or the app package (manifest and its two icons) `GET /manifest.zip`.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, send_from_directory

LOCAL_ORIGIN = "https://localhost:3000"
ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "manifest.json"
ASSETS = Path(__file__).resolve().parent / "taskpane" / "assets"


def committed_manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def manifest_for(origin: str, manifest: dict[str, Any] | None = None) -> dict[str, Any]:
    """The manifest with every https://localhost:3000 in its strings replaced by `origin`."""
    origin = origin.rstrip("/")

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(LOCAL_ORIGIN, origin)
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        return value

    return swap(committed_manifest() if manifest is None else manifest)


def app_package(manifest: dict[str, Any]) -> bytes:
    """A zip of manifest.json and the icons it names, at the paths it names them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for relative in manifest["icons"].values():
            package.write(ROOT / relative, relative)
    return buffer.getvalue()


_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>{title}</h1>{body}</main></body></html>
"""

PRIVACY = _PAGE.format(
    title="Privacy",
    body="""
<p>Partnership Agreements keeps what you need to draft and approve an agreement with your
partners, on the server your organisation runs it on:</p>
<ul>
<li>your name and email address, from the account you sign in with;</li>
<li>the agreements you take part in: their sections, every revision and who wrote it, every
approval and change request, and an audit trail of who did what and when;</li>
<li>sign-in tokens, stored hashed, which expire and end when you sign out.</li>
</ul>
<p>The Word add-in reads and writes only the document you open it in: the agreement's sections
(in tagged content controls) and a small binding record (a custom XML part). It does not read
the rest of your document. Nothing is sold or shared with anyone outside the agreement's
partners. Ask the server's administrator to see or delete what is kept about you.</p>
""",
)

TERMS = _PAGE.format(
    title="Terms of use",
    body="""
<p>Use Partnership Agreements to draft, review and approve agreements between the partners who
invited you. Approve a section only for the organisation you speak for, and only wording you
have read. The approval certificate records who approved which wording; the audit trail cannot
be changed without that being detected.</p>
<p>The software is provided under the MIT licence, without warranty. The guidance it shows is
a prompt for your own judgement, not legal advice.</p>
""",
)


def init_app(app: Flask) -> None:
    @app.get("/manifest.json")
    def manifest_json():
        manifest = manifest_for(current_app.config["PUBLIC_ORIGIN"])
        response = Response(
            json.dumps(manifest, indent=2, ensure_ascii=False), mimetype="application/json"
        )
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/manifest.zip")
    def manifest_zip():
        package = app_package(manifest_for(current_app.config["PUBLIC_ORIGIN"]))
        response = Response(package, mimetype="application/zip")
        response.headers["Content-Disposition"] = (
            'attachment; filename="partnership-agreements-word.zip"'
        )
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/pane/assets/<path:name>")
    def pane_asset(name: str):
        return send_from_directory(ASSETS, name, max_age=3600)

    @app.get("/privacy")
    def privacy():
        return Response(PRIVACY, mimetype="text/html")

    @app.get("/terms")
    def terms():
        return Response(TERMS, mimetype="text/html")
