"""The audit trail: append events chained by hash, and verify the chain.

hash = sha256(prev_hash + canonical JSON of the event's content), so altering, removing or
reordering any row breaks every hash after it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import Event, utcnow

GENESIS = "0" * 64


def event_hash(prev_hash: str, event: Event) -> str:
    content = {
        "agreement_id": event.agreement_id,
        "seq": event.seq,
        "kind": event.kind,
        "data": event.data,
        "actor_id": event.actor_id,
        "created_at": event.created_at.isoformat(),
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def append(
    session: Session, agreement_id: int, kind: str, data: dict, actor_id: int | None
) -> Event:
    """Add the next event of an agreement. The caller holds the agreement's write lock."""
    last = session.scalars(
        sa.select(Event)
        .where(Event.agreement_id == agreement_id)
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    prev = last.hash if last else GENESIS
    event = Event(
        agreement_id=agreement_id,
        seq=(last.seq + 1) if last else 1,
        kind=kind,
        data=data,
        actor_id=actor_id,
        created_at=utcnow(),
        prev_hash=prev,
    )
    event.hash = event_hash(prev, event)
    session.add(event)
    return event


@dataclass(frozen=True)
class ChainCheck:
    valid: bool
    events: int
    problem: str | None = None
    first_bad_seq: int | None = None


def events_of(session: Session, agreement_id: int) -> list[Event]:
    return list(
        session.scalars(
            sa.select(Event).where(Event.agreement_id == agreement_id).order_by(Event.seq)
        )
    )


def verify(session: Session, agreement_id: int) -> ChainCheck:
    """Recompute every hash of an agreement's trail, in order."""
    return verify_events(events_of(session, agreement_id))


def verify_events(events: list[Event]) -> ChainCheck:
    """Check that the events run 1, 2, 3... and each hash follows from the one before."""
    prev = GENESIS
    for expected_seq, event in enumerate(events, start=1):
        if event.seq != expected_seq:
            return ChainCheck(False, len(events), f"event {expected_seq} is missing", expected_seq)
        if event.prev_hash != prev or event_hash(prev, event) != event.hash:
            return ChainCheck(
                False, len(events), f"event {event.seq} does not match its hash", event.seq
            )
        prev = event.hash
    return ChainCheck(True, len(events))
