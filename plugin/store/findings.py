"""Findings in the database: each section's findings worked out from a snapshot (cross-section
checks see the other sections), and the partners' recorded reasons to accept `must` findings,
each write with its audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue, Finding
from plugin.workflow import findings as rules
from plugin.workflow import state as wf

from . import audit
from .models import AcceptedFinding, Agreement, User, utcnow

if TYPE_CHECKING:
    from .agreements import Snapshot


def accepted(session: Session, agreement: Agreement) -> list[AcceptedFinding]:
    """The reasons to accept `must` findings recorded in the current version, not withdrawn."""
    return list(
        session.scalars(
            sa.select(AcceptedFinding)
            .where(
                AcceptedFinding.agreement_id == agreement.id,
                AcceptedFinding.version == agreement.version,
                AcceptedFinding.withdrawn_at.is_(None),
            )
            .order_by(AcceptedFinding.id)
        )
    )


def section_findings(
    snap: Snapshot, catalogue: Catalogue, today: dt.date | None
) -> dict[str, list[Finding]]:
    """Every section's findings for the snapshot's current revisions (a section not drafted yet
    is judged as empty); a section whose text differs from what its fields render is marked as
    edited by hand, and its findings say they judge the fields. Dates are judged against
    `today` too (a review already past, a change dated ahead); None skips those checks."""
    agreement = snap.agreement
    parties = [wf.Party(p.id, p.name) for p in agreement.parties]
    fields = {k: r.fields or {} for k, r in snap.revisions.items()}
    hashes = {k: r.sha256 for k, r in snap.revisions.items()}
    return catalogue.findings(agreement.kind, fields, parties, hashes, agreement.level, today)


def must_findings(
    snap: Snapshot,
    catalogue: Catalogue,
    required: Iterable[str],
    found: dict[str, list[Finding]] | None = None,
    today: dt.date | None = None,
) -> tuple[wf.MustFinding, ...]:
    """The `must` findings of the sections that count (required, or drafted), each marked
    accepted when the partners have recorded a reason for it. `found`: section_findings(snap),
    if the caller has worked them out already."""
    counts = set(required) | set(snap.revisions)
    taken = {(a.section_key, a.code) for a in snap.accepted_findings}
    found = found if found is not None else section_findings(snap, catalogue, today)
    return tuple(
        wf.MustFinding(f.section, f.code, f.message, (f.section, f.code) in taken)
        for key, in_section in found.items()
        if key in counts
        for f in in_section
        if f.severity == "must"
    )


def accept(
    session: Session, agreement: Agreement, decision: rules.FindingAccepted, actor: User
) -> AcceptedFinding:
    """Write the acceptance the rules decided, with its audit event."""
    row = AcceptedFinding(
        agreement_id=agreement.id,
        version=agreement.version,
        section_key=decision.section,
        code=decision.code,
        reason=decision.reason,
        party_id=decision.party_id,
        accepted_by=actor.id,
    )
    session.add(row)
    audit.append(
        session,
        agreement.id,
        "finding_accepted",
        {
            "section": decision.section,
            "code": decision.code,
            "party_id": decision.party_id,
            "reason": decision.reason,
            "version": agreement.version,
        },
        actor.id,
    )
    agreement.change_counter += 1
    session.flush()
    return row


def withdraw(
    session: Session,
    agreement: Agreement,
    decision: rules.FindingAcceptanceWithdrawn,
    actor: User,
) -> None:
    """Mark the acceptance withdrawn (the row stays, for the record), with its audit event."""
    session.execute(
        sa.update(AcceptedFinding)
        .where(
            AcceptedFinding.agreement_id == agreement.id,
            AcceptedFinding.version == agreement.version,
            AcceptedFinding.section_key == decision.section,
            AcceptedFinding.code == decision.code,
            AcceptedFinding.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=utcnow(), withdrawn_by=actor.id)
    )
    audit.append(
        session,
        agreement.id,
        "finding_acceptance_withdrawn",
        {"section": decision.section, "code": decision.code, "version": agreement.version},
        actor.id,
    )
    agreement.change_counter += 1
