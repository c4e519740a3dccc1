"""The pages mail links open: one-click unsubscribe (RFC 8058) and email verification.

A link that was altered, made up or cut short gets a 400 page saying so, and changes nothing.
An unsubscribe GET only shows a button (mail scanners follow links); the POST, from that button
or from the mail client itself (List-Unsubscribe-Post), sets only that user's preference to none.
"""

from __future__ import annotations

import html

import sqlalchemy as sa
from flask import Blueprint, Response, make_response

from plugin.store.db import write_session
from plugin.store.mail_models import EmailVerification
from plugin.store.models import User, utcnow

from . import links, preferences

bp = Blueprint("mail", __name__, url_prefix="/mail")


def _page(title: str, body: str, status: int = 200) -> Response:
    response = make_response(
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title>"
        '<meta name=viewport content="width=device-width">'
        f"</head><body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>",
        status,
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _bad(error: links.BadLink) -> Response:
    return _page(
        "This link does not work",
        f"<p>{html.escape(str(error))}</p><p>Nothing was changed.</p>",
        400,
    )


@bp.get("/unsubscribe/<token>")
def unsubscribe_form(token: str):
    try:
        links.unsubscribe_user(token)
    except links.BadLink as error:
        return _bad(error)
    return _page(
        "Stop these messages?",
        f'<form method=post action="/mail/unsubscribe/{html.escape(token)}">'
        "<p>You will get no more mail about your partnership agreements. You can turn it on "
        "again in the pane.</p><button type=submit>Stop these messages</button></form>",
    )


@bp.post("/unsubscribe/<token>")
def unsubscribe(token: str):
    try:
        user_id = links.unsubscribe_user(token)
    except links.BadLink as error:
        return _bad(error)
    session = write_session()
    if session.get(User, user_id) is not None:
        preferences.set_mode(session, user_id, "none")
        session.commit()
    return _page("Done", "<p>You will get no more mail about your partnership agreements.</p>")


@bp.get("/verify/<token>")
def verify(token: str):
    try:
        user_id, email = links.verified_address(token)
    except links.BadLink as error:
        return _bad(error)
    session = write_session()
    user = session.get(User, user_id)
    if user is None or user.email.strip().lower() != email.strip().lower():
        return _bad(links.BadLink("This link was made for an address your account no longer has."))
    known = session.scalar(
        sa.select(EmailVerification.id).where(
            EmailVerification.user_id == user_id, EmailVerification.email == user.email
        )
    )
    if known is None:
        session.add(EmailVerification(user_id=user_id, email=user.email, verified_at=utcnow()))
        session.commit()
    return _page(
        "Email address confirmed",
        f"<p>{html.escape(user.email)} is confirmed as yours. Approvals you give show it as "
        "verified by this service.</p>",
    )
