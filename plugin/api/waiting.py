"""What needs me: across all my agreements, the sections my party has to approve, change
requests to answer, and reviews and meetings coming up."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from plugin import clock
from plugin.catalogue import default_catalogue
from plugin.store.db import get_session
from plugin.store.models import User
from plugin.store.waiting import waiting_for

from . import bp
from .routing import operation
from .schemas import Out


class WaitingItem(BaseModel):
    kind: Literal[
        "approve_section",
        "answer_change_request",
        "accept_invitation",
        "review_due",
        "meeting_soon",
    ]
    agreement_id: int
    agreement_title: str
    section_key: str | None = None
    section_title: str | None = None
    party_id: int | None = None
    party_name: str | None = None
    due: dt.date | None = None
    pane_link: str


class WaitingList(Out):
    items: list[WaitingItem]


def _link(agreement_id: int, section_key: str | None) -> str:
    section = f"&section={section_key}" if section_key else ""
    return f"/pane/#agreement={agreement_id}{section}"


@operation(
    bp,
    "/me/waiting",
    "GET",
    summary="What waits for you across all your agreements: sections your party has to "
    "approve, change requests to answer, reviews due within 30 days and meetings within 7",
    responses={200: WaitingList},
)
def my_waiting(user: User):
    found = waiting_for(get_session(), user.id, default_catalogue(), clock.today())
    items = [
        WaitingItem(
            **{k: v for k, v in w.__dict__.items() if v is not None},
            pane_link=_link(w.agreement_id, w.section_key),
        )
        for w in found
    ]
    body = WaitingList(items=items).model_dump(mode="json", exclude_none=True)
    return body, 200, {"Cache-Control": "private, no-cache"}
