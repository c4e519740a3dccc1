"""Mail (#14): messages with a plain-text and an HTML part, sent through any SMTP relay
(PA_SMTP_URL), or written as .eml files under instance/outbox/ when none is configured.

Sending is a job kind ("mail", sending.py), so no request ever waits for, or fails because of,
the relay."""

from __future__ import annotations

from flask import Flask

DEFAULTS = {
    # smtp://host:587 (STARTTLS required; ?starttls=no only for a relay on loopback),
    # smtps://host:465 (TLS from the start). Empty: messages go to instance/outbox/*.eml.
    "SMTP_URL": "",
    "SMTP_USER": "",  # from the environment (PA_SMTP_USER), never in the URL
    "SMTP_PASSWORD": "",  # PA_SMTP_PASSWORD
    "SMTP_TIMEOUT_SECONDS": 30,
    "MAIL_FROM": "Partnership Agreements <agreements@localhost>",
    "EMAIL_VERIFICATION_HOURS": 72,  # how long a verification link works
}


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    from . import sending, views  # noqa: F401  (registers the job kind and the pages)

    app.register_blueprint(views.bp)
