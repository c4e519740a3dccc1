"""The audit trail: append events chained by a keyed hash, and verify the chain and the rows.

hash = HMAC-SHA256(audit key, prev_hash + canonical JSON of the event's content). Altering,
removing or reordering any row breaks every hash after it, and the key lives outside the
database (PA_AUDIT_KEY, or instance/audit_key locally), so someone who can only write to the
database cannot recompute a valid chain. `verify` also checks the rows the events describe
(revisions, approvals, change requests, members) against the events (audit_rows.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import Agreement, Event, utcnow

GENESIS = "0" * 64
# Two columns of the newest event, through the (agreement_id, seq) key; built once.
_LAST = (
    sa.select(Event.seq, Event.hash)
    .where(Event.agreement_id == sa.bindparam("agreement"))
    .order_by(Event.seq.desc())
    .limit(1)
)


def audit_key(session: Session) -> bytes:
    """The chain's key, carried by every session (store/db.py). Raises RuntimeError without."""
    key = session.info.get("audit_key")
    if not key:
        raise RuntimeError("No audit key: set PA_AUDIT_KEY.")
    return key.encode("utf-8")


def event_hash(key: bytes, prev_hash: str, event: Event) -> str:
    content = {
        "agreement_id": event.agreement_id,
        "seq": event.seq,
        "kind": event.kind,
        "data": event.data,
        "actor_id": event.actor_id,
        "created_at": event.created_at.isoformat(),
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key, (prev_hash + canonical).encode("utf-8"), hashlib.sha256).hexdigest()


def append(
    session: Session, agreement_id: int, kind: str, data: dict, actor_id: int | None
) -> Event:
    """Add the next event of an agreement. The caller holds the agreement's write lock."""
    seq, prev = _last(session, agreement_id)
    event = Event(
        agreement_id=agreement_id,
        seq=seq + 1,
        kind=kind,
        data=data,
        actor_id=actor_id,
        created_at=utcnow(),
        prev_hash=prev,
    )
    event.hash = event_hash(audit_key(session), prev, event)
    session.add(event)
    _kept(session)[agreement_id] = (event.seq, event.hash)
    return event


def _kept(session: Session) -> dict[int, tuple[int, str]]:
    """The newest (seq, hash) of each agreement this transaction has read or appended."""
    transaction = session.get_transaction()
    if transaction is None:
        session.connection()  # begins the transaction the read would begin
        transaction = session.get_transaction()
    kept = session.info.get("audit_last")
    if kept is None or kept[0] is not transaction:
        kept = session.info["audit_last"] = (transaction, {})
    return kept[1]


def newest_read(session: Session, agreement_id: int, seq: int, hash_: str | None) -> None:
    """Note the agreement's newest event as a statement of this transaction read it, after the
    agreement's write lock was taken (section_state reads it with the section's rows, saving
    append its own read). `seq` 0 and no hash: the agreement has no event yet."""
    kept = _kept(session)
    if agreement_id not in kept:
        kept[agreement_id] = (seq, hash_) if seq else (0, GENESIS)


def _last(session: Session, agreement_id: int) -> tuple[int, str]:
    """(seq, hash) of the agreement's newest event: read once per transaction, then kept in
    the session for the rest of it (every event is appended here, under the agreement's write
    lock, so nobody else can add one before this transaction ends). Kept per transaction
    object: a commit or rollback begins a new one and the next append reads again. The read
    does not flush: whatever this transaction appended is already known here."""
    kept = _kept(session)
    if agreement_id not in kept:
        with session.no_autoflush:
            row = session.execute(_LAST, {"agreement": agreement_id}).first()
        kept[agreement_id] = (row[0], row[1]) if row else (0, GENESIS)
    return kept[agreement_id]


@dataclass(frozen=True)
class ChainCheck:
    valid: bool
    events: int
    problem: str | None = None
    first_bad_seq: int | None = None
    problems: tuple[str, ...] = field(default=())


def events_of(session: Session, agreement_id: int) -> list[Event]:
    return list(
        session.scalars(
            sa.select(Event).where(Event.agreement_id == agreement_id).order_by(Event.seq)
        )
    )


def verify(session: Session, agreement_id: int) -> ChainCheck:
    """Check an agreement's chain and its rows against the events. Raises LookupError when
    there is no such agreement."""
    from .audit_rows import row_problems

    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise LookupError(f"There is no agreement {agreement_id}.")
    events = events_of(session, agreement_id)
    chain = verify_events(events, audit_key(session))
    if not chain.valid:
        return chain
    rows = row_problems(session, agreement, events)
    if rows:
        return ChainCheck(False, len(events), rows[0], None, tuple(rows))
    return chain


def verify_events(events: list[Event], key: bytes) -> ChainCheck:
    """Check that the events run 1, 2, 3... and each keyed hash follows from the one before."""
    prev = GENESIS
    for expected_seq, event in enumerate(events, start=1):
        if event.seq != expected_seq:
            problem = f"event {expected_seq} is missing"
            return ChainCheck(False, len(events), problem, expected_seq, (problem,))
        if event.prev_hash != prev or not hmac.compare_digest(
            event_hash(key, prev, event), event.hash
        ):
            problem = f"event {event.seq} does not match its hash"
            return ChainCheck(False, len(events), problem, event.seq, (problem,))
        prev = event.hash
    return ChainCheck(True, len(events))
