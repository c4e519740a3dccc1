"""Configuration: defaults in code, overrides from the environment, a mapping from tests.

Raises RuntimeError at start-up when production mode has no secret key.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

DEFAULTS = {
    "MODE": "local",  # "production" refuses to start without PA_SECRET_KEY
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # request bodies; uploads get their own limit
    "TOKEN_LIFETIME_HOURS": 12,
    "INVITATION_LIFETIME_HOURS": 72,
    "PUBLIC_ORIGIN": "https://localhost:3000",
    # Documents (#8)
    "MAX_UPLOAD_BYTES": 10 * 1024 * 1024,  # an uploaded .docx (import, verify)
    "TEMPLATES_FOLDER": "",  # an organisation's own <kind>.docx templates; empty: the shipped ones
    "SOFFICE": "soffice",  # LibreOffice, for PDF; PDF answers 503 when it is not installed
    "PDF_TIMEOUT_SECONDS": 60,
    "PDF_CONVERSIONS_AT_ONCE": 2,  # across all processes of the install (lock files)
}


def _local_secret(instance: Path) -> str:
    """A random key kept in the instance folder, made on first run (local default only)."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def configure(app: Flask, config: Mapping | None) -> None:
    app.json.sort_keys = False  # keep the order the models and catalogue give
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("PA")
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if config:
        app.config.from_mapping(config)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.setdefault("DATABASE_URL", f"sqlite:///{instance / 'agreements.db'}")
    if not app.config.get("SECRET_KEY"):
        if app.config["MODE"] == "production":
            raise RuntimeError("PA_SECRET_KEY must be set in production mode.")
        app.config["SECRET_KEY"] = _local_secret(instance)
