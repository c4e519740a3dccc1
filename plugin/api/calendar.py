"""The agreement's meetings, reviews and end date as iCalendar: a one-off download for a member,
and a per-member feed URL carrying a secret (no bearer token: calendar clients cannot send one),
which the member creates and revokes."""

from __future__ import annotations

from flask import Blueprint, Response, current_app
from sqlalchemy.orm import Session

from plugin.documents.calendar import SectionStamp, calendar_of
from plugin.store import agreements as store
from plugin.store import calendar_feeds
from plugin.store.db import get_session, write_session
from plugin.store.models import Agreement, User
from plugin.workflow.errors import NotFound

from . import bp
from .routing import ID, operation
from .schemas import Out

ICS = "text/calendar"
AGREEMENT = f"/agreements/<{ID}:agreement_id>"
feeds = Blueprint("calendar", __name__)


class CalendarFeedOut(Out):
    url: str


def ics(session: Session, agreement: Agreement) -> bytes:
    """The agreement's calendar from the current revisions of its dated sections."""
    revisions = calendar_feeds.dated_revisions(session, [agreement.id])
    return calendar_of(
        agreement.id,
        agreement.title,
        {r.section_key: r.fields for r in revisions},
        {r.section_key: SectionStamp(r.number, r.created_at) for r in revisions},
        current_app.config["TIME_ZONE"],
        current_app.config["PUBLIC_ORIGIN"],
    )


def _calendar(content: bytes, name: str | None) -> Response:
    response = Response(content, content_type=f"{ICS}; charset=utf-8")
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if name:
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@operation(
    bp,
    AGREEMENT + "/calendar.ics",
    "GET",
    summary="The agreement's meetings (recurring ones as rules), review dates and end date "
    "as an iCalendar file, in the agreement's time zone",
    responses={200: None},
    errors=(404,),
    download=ICS,
)
def download_calendar(user: User, agreement_id: int):
    session = get_session()
    agreement, _ = store.find(session, agreement_id, user)
    return _calendar(ics(session, agreement), f"agreement-{agreement.id}.ics")


@operation(
    bp,
    AGREEMENT + "/calendar-feed",
    "POST",
    summary="Make your calendar feed URL of this agreement (a secret: anyone holding it can "
    "read the dates); any earlier one of yours stops working",
    responses={201: CalendarFeedOut},
    errors=(404,),
)
def create_calendar_feed(user: User, agreement_id: int):
    session = write_session()
    agreement, _ = store.find(session, agreement_id, user)
    secret = calendar_feeds.create(session, agreement.id, user.id)
    origin = current_app.config["PUBLIC_ORIGIN"].rstrip("/")
    body = CalendarFeedOut(url=f"{origin}/calendar/{secret}.ics")
    return body.model_dump(mode="json"), 201, {"Cache-Control": "no-store"}


@operation(
    bp,
    AGREEMENT + "/calendar-feed",
    "DELETE",
    summary="Revoke your calendar feed URL of this agreement",
    responses={204: None},
    errors=(404,),
)
def revoke_calendar_feed(user: User, agreement_id: int):
    session = write_session()
    agreement, _ = store.find(session, agreement_id, user)
    if not calendar_feeds.revoke(session, agreement.id, user.id):
        raise NotFound("You have no calendar feed of this agreement.")
    return None


@feeds.get("/calendar/<secret>.ics")
def calendar_feed(secret: str):
    """A member's feed, opened by its secret. Raises NotFound for an unknown or revoked
    secret, or once its member has left the agreement."""
    session = get_session()
    agreement = calendar_feeds.agreement_of_feed(session, secret) if len(secret) < 100 else None
    if agreement is None:
        raise NotFound("There is no calendar feed at this address (it may have been revoked).")
    response = _calendar(ics(session, agreement), None)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
