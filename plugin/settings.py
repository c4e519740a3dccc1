"""Configuration: defaults in code, overrides from the environment, a mapping from tests.

Raises RuntimeError at start-up when production mode has no secret key or no audit key.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

from .private_files import create_secret_file

DEFAULTS = {
    "MODE": "local",  # "production" refuses to start without PA_SECRET_KEY
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # request bodies; uploads get their own limit
    "TOKEN_LIFETIME_HOURS": 12,
    "INVITATION_LIFETIME_HOURS": 72,
    "PUBLIC_ORIGIN": "https://localhost:3000",
    "AUDIT_KEY": "",  # keys the audit chain (HMAC); kept outside the database
    "STATE_CACHE_SIZE": 512,  # agreement-state bodies kept per process, keyed by their ETag
    # SQLite only: "full" (every commit synced to the disk before it is acknowledged) or, by
    # choice, "normal" (synced at checkpoints: faster, but a power cut can cost the last writes).
    # README: what each keeps through a crash.
    "SQLITE_SYNCHRONOUS": "full",
    # The Office dialog and task pane need the session cookie cross-site: Secure, SameSite=None.
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_SAMESITE": "None",
    # Documents (#8)
    "MAX_UPLOAD_BYTES": 10 * 1024 * 1024,  # an uploaded .docx (import, verify)
    "TEMPLATES_FOLDER": "",  # an organisation's own <kind>.docx templates; empty: the shipped ones
    "SOFFICE": "soffice",  # LibreOffice, for PDF; PDF answers 503 when it is not installed
    "PDF_TIMEOUT_SECONDS": 60,
    "PDF_CONVERSIONS_AT_ONCE": 2,  # across all processes of the install (lock files)
    # Dates shown to people (documents, certificate, calendar, what needs me): this zone, with
    # its offset.
    "TIME_ZONE": "Europe/London",
    # The date the checks judge against ("a review already past"); empty: today in TIME_ZONE.
    # Set only to demonstrate or test fixed dates (PA_TODAY=2027-01-10).
    "TODAY": "",
}


def _local_secret(instance: Path, name: str = "secret_key") -> str:
    """A random key kept in the instance folder, made on first run (local default only), with
    mode 0600 from its first byte; of two processes starting at once, both keep the same one."""
    path = instance / name
    create_secret_file(path, secrets.token_urlsafe(48).encode())
    return path.read_text().strip()


def configure(app: Flask, config: Mapping | None) -> None:
    app.json.sort_keys = False  # keep the order the models and catalogue give
    app.config.from_mapping(DEFAULTS)
    # Where `make run` listens is where links point, unless PA_PUBLIC_ORIGIN says otherwise.
    host, port = os.environ.get("PA_HOST", "localhost"), os.environ.get("PA_PORT", "3000")
    app.config["PUBLIC_ORIGIN"] = f"https://{host}:{port}"
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
    if not app.config.get("AUDIT_KEY"):
        if app.config["MODE"] == "production":
            raise RuntimeError("PA_AUDIT_KEY must be set in production mode.")
        app.config["AUDIT_KEY"] = _local_secret(instance, "audit_key")
    _check_time_zone(app.config["TIME_ZONE"])
    _check_synchronous(app)
    _check_today(app.config["TODAY"])


def _check_synchronous(app: Flask) -> None:
    """Raises RuntimeError at start-up for a SQLite synchronous setting other than normal/full."""
    value = str(app.config["SQLITE_SYNCHRONOUS"]).strip().lower()
    if value not in ("normal", "full"):
        raise RuntimeError(f"PA_SQLITE_SYNCHRONOUS must be normal or full, not {value[:20]!r}.")
    app.config["SQLITE_SYNCHRONOUS"] = value


def _check_today(value) -> None:
    """Raises RuntimeError at start-up for a fixed date that is not an ISO date."""
    import datetime as dt

    if value and not isinstance(value, dt.date):
        try:
            dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise RuntimeError(f"PA_TODAY: not an ISO date (YYYY-MM-DD): {value!r}.") from exc


def _check_time_zone(name: str) -> None:
    """Raises RuntimeError at start-up for a time zone the system does not know."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RuntimeError(f"PA_TIME_ZONE: unknown time zone {name!r}.") from exc
