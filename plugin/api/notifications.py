"""Your mail: how you want to hear about your agreements (immediate, a daily digest, or none)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plugin.mail import preferences
from plugin.store.db import get_session, write_session
from plugin.store.models import User

from . import bp
from .routing import operation
from .schemas import In, Out

Mode = Literal["immediate", "digest", "none"]
HELP = (
    "immediate: a message for each thing that concerns you; digest: one message a day; "
    "none: no mail (invitations and address checks still come)"
)


class NotificationsIn(In):
    mode: Mode = Field(description=HELP)


class NotificationsOut(Out):
    mode: Mode = Field(description=HELP)


@operation(
    bp,
    "/me/notifications",
    "GET",
    summary="How you get mail about your agreements",
    responses={200: NotificationsOut},
)
def get_notifications(user: User):
    return NotificationsOut(mode=preferences.mode_of(get_session(), user.id))


@operation(
    bp,
    "/me/notifications",
    "PUT",
    summary="Choose how you get mail about your agreements",
    body=NotificationsIn,
    responses={200: NotificationsOut},
    errors=(422,),
)
def put_notifications(user: User, body: NotificationsIn):
    preferences.set_mode(write_session(), user.id, body.mode)
    return NotificationsOut(mode=body.mode)
