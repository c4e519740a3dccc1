"""What the sign-in pages share: safe `next` paths, CSRF tokens for their forms, and refusals
rendered as a readable page (the API renders the same errors as problem+json)."""

from __future__ import annotations

import hmac
import logging
import secrets
from urllib.parse import urlsplit

from flask import Response, g, make_response, render_template, request, session

from plugin.workflow.errors import DomainError

log = logging.getLogger(__name__)

DEFAULT_NEXT = "/pane/"


class FormRefused(DomainError):
    status = 400
    title = "Form refused"


def safe_next(value: str | None, default: str = DEFAULT_NEXT) -> str:
    """`value` if it is a path on this origin, else `default`: never an open redirect."""
    if not value or len(value) > 500 or not value.startswith("/"):
        return default
    if value.startswith(("//", "/\\")) or any(c == "\\" or ord(c) < 32 for c in value):
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return default
    return value


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """Raises FormRefused (400) unless the form carries this browser's CSRF token."""
    sent = request.form.get("csrf", "")
    if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
        raise FormRefused("This form has expired or did not come from this site. Try again.")


def page(template: str, status: int = 200, **context) -> Response:
    """An HTML page that is never cached nor leaks its address onwards."""
    response = make_response(render_template(template, csrf=csrf_token(), **context), status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def refused(exc: DomainError) -> Response:
    """The HTML answer to a refused sign-in step; logged, nothing granted."""
    log.warning("%s %s refused (%s): %s", request.method, request.path, exc.status, exc.detail)
    if request.blueprint == "auth":  # a refused callback ends this browser's sign-in
        session.pop("sign_in", None)
    return page(
        "auth/problem.html",
        exc.status,
        title=exc.title,
        detail=exc.detail,
        dialog=g.get("dialog", False),
        retry=g.get("retry_url"),
    )
