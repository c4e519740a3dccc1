"""The rules' state for a write on one section: only what those rules read.

Saving a section, approving it, withdrawing an approval or objecting to it looks at one
section's current revision, the approvals given to it in this version, the open change requests
on it, and the parties. Loading just those rows (four indexed reads on the locked agreement)
keeps a write's cost independent of the size of the agreement; `finalise` and the other
agreement-wide writes still load the whole state (agreements.load_state).

The state has no `required` sections and no `must` findings: no section-scoped rule reads them.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue
from plugin.workflow import state as wf

from .models import Agreement, Approval, ChangeRequest, Party, Revision

# Built once (bound parameters), so a write spends no time composing its statements.
_CURRENT = sa.select(Revision).where(
    Revision.agreement_id == sa.bindparam("agreement"),
    Revision.current,
    Revision.section_key == sa.bindparam("section"),
)
_APPROVALS = sa.select(
    Approval.section_key, Approval.party_id, Approval.revision_number, Approval.sha256
).where(
    Approval.agreement_id == sa.bindparam("agreement"),
    Approval.version == sa.bindparam("version"),
    Approval.section_key == sa.bindparam("section"),
    Approval.active,
)
_OPEN_REQUESTS = (
    sa.select(
        ChangeRequest.number,
        ChangeRequest.section_key,
        ChangeRequest.party_id,
        ChangeRequest.revision_number,
        ChangeRequest.sha256,
        ChangeRequest.comment,
    )
    .where(
        ChangeRequest.agreement_id == sa.bindparam("agreement"),
        ChangeRequest.status == "open",
        ChangeRequest.section_key == sa.bindparam("section"),
    )
    .order_by(ChangeRequest.number)
)

_PARTIES = (
    sa.select(Party.id, Party.name)
    .where(Party.agreement_id == sa.bindparam("agreement"))
    .order_by(Party.position)
)


def current_revision(session: Session, agreement_id: int, section: str) -> Revision | None:
    """The section's newest revision (through the index on the `current` flag)."""
    return session.scalar(_CURRENT, {"agreement": agreement_id, "section": section})


def section_state(
    session: Session, agreement: Agreement, catalogue: Catalogue, section: str
) -> tuple[wf.AgreementState, Revision | None]:
    """The rules' view of `section` of the agreement's current version, and its current
    revision row (the caller holds the agreement's write lock)."""
    revision = current_revision(session, agreement.id, section)  # flushes what is pending
    where = {"agreement": agreement.id, "section": section}
    # Plain rows, straight from the transaction's connection (no ORM layer to go through).
    connection = session.connection()
    approvals = connection.execute(_APPROVALS, {**where, "version": agreement.version}).all()
    requests = connection.execute(_OPEN_REQUESTS, where).all()
    parties = connection.execute(_PARTIES, where).all()
    revisions = {}
    if revision is not None:
        revisions[section] = wf.Revision(
            section,
            revision.number,
            revision.text,
            revision.sha256,
            revision.fields,
            revision.source,
        )
    state = wf.AgreementState(
        status=agreement.status,
        version=agreement.version,
        parties=tuple(wf.Party(*row) for row in parties),
        required=(),
        titles={s.key: s.title for s in catalogue.sections_for(agreement.kind)},
        revisions=revisions,
        approvals=frozenset(wf.Approval(*row) for row in approvals),
        change_requests=tuple(wf.ChangeRequest(*row) for row in requests),
    )
    return state, revision
