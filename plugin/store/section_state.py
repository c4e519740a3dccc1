"""The rules' state for a write on one section: only what those rules read.

Saving a section, approving it, withdrawing an approval or objecting to it looks at one
section's current revision, the approvals given to it in this version, the open change requests
on it, and the parties. Loading just those rows (two indexed reads on the locked agreement)
keeps a write's cost independent of the size of the agreement; `finalise` and the other
agreement-wide writes still load the whole state (agreements.load_state).

The state has no `required` sections and no `must` findings: no section-scoped rule reads them.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.catalogue import Catalogue
from plugin.workflow import state as wf

from . import audit
from .models import Agreement, Approval, ChangeRequest, Event, Party, Revision

# Built once (bound parameters), so a write spends no time composing its statements.
_CURRENT = sa.select(Revision).where(
    Revision.agreement_id == sa.bindparam("agreement"),
    Revision.current,
    Revision.section_key == sa.bindparam("section"),
)
# The section's active approvals in this version, its open change requests and the agreement's
# parties, in ONE statement (one round trip): reads joined with UNION ALL, each row tagged with
# what it is, in the same six columns (kind, three numbers, two texts).
# And the agreement's newest audit event, which the write's own events follow (audit.append).
_INT, _TEXT = sa.Integer(), sa.Text()
_NEWEST = (
    sa.select(Event.seq, Event.hash)
    .where(Event.agreement_id == sa.bindparam("agreement"))
    .order_by(Event.seq.desc())
    .limit(1)
    .subquery()
)


def _none(kind):
    return sa.cast(sa.null(), kind)


_ROWS = sa.union_all(
    sa.select(
        sa.literal("a", _TEXT).label("kind"),
        Approval.party_id.label("n1"),
        Approval.revision_number.label("n2"),
        _none(_INT).label("n3"),
        sa.cast(Approval.sha256, _TEXT).label("t1"),
        _none(_TEXT).label("t2"),
    ).where(
        Approval.agreement_id == sa.bindparam("agreement"),
        Approval.version == sa.bindparam("version"),
        Approval.section_key == sa.bindparam("section"),
        Approval.active,
    ),
    sa.select(
        sa.literal("c", _TEXT),
        ChangeRequest.number,
        ChangeRequest.party_id,
        ChangeRequest.revision_number,
        sa.cast(ChangeRequest.sha256, _TEXT),
        sa.cast(ChangeRequest.comment, _TEXT),
    ).where(
        ChangeRequest.agreement_id == sa.bindparam("agreement"),
        ChangeRequest.status == "open",
        ChangeRequest.section_key == sa.bindparam("section"),
    ),
    sa.select(
        sa.literal("p", _TEXT),
        Party.id,
        Party.position,
        _none(_INT),
        sa.cast(Party.name, _TEXT),
        _none(_TEXT),
    ).where(Party.agreement_id == sa.bindparam("agreement")),
    sa.select(
        sa.literal("e", _TEXT),
        _NEWEST.c.seq,
        _none(_INT),
        _none(_INT),
        sa.cast(_NEWEST.c.hash, _TEXT),
        _none(_TEXT),
    ),
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
    rows = session.connection().execute(_ROWS, {**where, "version": agreement.version}).all()
    approvals = [
        wf.Approval(section, party, number, sha)
        for kind, party, number, _, sha, _ in rows
        if kind == "a"
    ]
    requests = sorted(  # by number, as they were raised
        (
            wf.ChangeRequest(number, section, party, revised, sha, comment)
            for kind, number, party, revised, sha, comment in rows
            if kind == "c"
        ),
        key=lambda request: request.id,
    )
    newest = next(((seq, sha) for kind, seq, _, _, sha, _ in rows if kind == "e"), (0, None))
    audit.newest_read(session, agreement.id, *newest)
    in_order = sorted((n2, n1, t1) for kind, n1, n2, _, t1, _ in rows if kind == "p")
    parties = [wf.Party(party_id, name) for _, party_id, name in in_order]  # by position
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
        parties=tuple(parties),
        required=(),
        titles={s.key: s.title for s in catalogue.sections_for(agreement.kind)},
        revisions=revisions,
        approvals=frozenset(approvals),
        change_requests=tuple(requests),
    )
    return state, revision
