"""Agreements in the database: create, find (as a member), lock, load the rules' state, and
persist the effects the rules decide, each with its audit event.

Every write locks the agreement first (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE serialises
writers on SQLite), so a decision is always made on the state it is written against.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session, lazyload

from plugin.catalogue import Catalogue
from plugin.workflow import state as wf
from plugin.workflow.errors import InvalidInput, NotFound
from plugin.workflow.names import party_name_key

from . import audit
from . import findings as accepted_findings
from .audit_rows import fields_sha256
from .models import Agreement, Approval, ChangeRequest, Member, Party, Revision, User, utcnow


def create(
    session: Session,
    owner: User,
    catalogue: Catalogue,
    *,
    title: str,
    kind: str,
    level: str,
    parties: list[str],
    owner_party: int = 0,
) -> Agreement:
    """A new agreement in drafting; `owner` becomes its owner speaking for parties[owner_party].

    Raises InvalidInput for an unknown kind or level, or a bad owner_party.
    """
    catalogue.kind(kind)
    catalogue.level(level)
    if len({party_name_key(p) for p in parties}) != len(parties):
        raise InvalidInput(
            "Each party needs a different name (names that differ only in case, accents' "
            "encoding or invisible characters count as the same)."
        )
    if not 0 <= owner_party < len(parties):
        raise InvalidInput("owner_party must be the position of one of the parties.")
    agreement = Agreement(title=title, kind=kind, level=level, created_by=owner.id)
    agreement.parties = [Party(position=i, name=n.strip()) for i, n in enumerate(parties)]
    session.add(agreement)
    session.flush()
    mine = agreement.parties[owner_party]
    session.add(Member(agreement_id=agreement.id, user_id=owner.id, party_id=mine.id, role="owner"))
    audit.append(
        session,
        agreement.id,
        "agreement_created",
        {
            "title": title,
            "kind": kind,
            "level": level,
            "parties": [{"id": p.id, "name": p.name} for p in agreement.parties],
            "owner": {"user_id": owner.id, "party_id": mine.id, "role": "owner"},
        },
        owner.id,
    )
    session.flush()
    return agreement


def list_for(session: Session, user: User) -> list[tuple[Agreement, Member]]:
    """The agreements the user is a member of, newest first."""
    rows = session.execute(
        sa.select(Agreement, Member)
        .join(Member, Member.agreement_id == Agreement.id)
        .where(Member.user_id == user.id)
        .order_by(Agreement.id.desc())
    )
    return [(a, m) for a, m in rows]


def _not_a_member(agreement_id: int) -> NotFound:
    # The same answer whether the agreement is missing or not yours: existence does not leak.
    return NotFound(f"There is no agreement {agreement_id} that you are a member of.")


_FIND = (
    sa.select(Agreement, Member)
    .join(Member, Member.agreement_id == Agreement.id)
    .where(Agreement.id == sa.bindparam("agreement"), Member.user_id == sa.bindparam("user"))
)
# A write's look-up leaves the parties to be loaded when read (section_state reads them as plain
# rows; the agreement-wide writes load them on first use).
_FIND_LOCKED = _FIND.with_for_update(of=Agreement).options(lazyload(Agreement.parties))


def find(
    session: Session, agreement_id: int, user: User, lock: bool = False
) -> tuple[Agreement, Member]:
    """The agreement and the user's membership. Raises NotFound when either is missing, so
    that nobody learns whether an agreement they are not in exists."""
    query = _FIND_LOCKED if lock else _FIND  # one statement; a write locks the agreement only
    found = session.execute(query, {"agreement": agreement_id, "user": user.id}).first()
    if found is None:
        raise _not_a_member(agreement_id)
    return found[0], found[1]


def change_marker(session: Session, agreement_id: int, user: User) -> tuple[int, int, str]:
    """(change counter, member id, role) in one light query: all a conditional GET needs.

    Raises NotFound as find() does."""
    row = session.execute(
        sa.select(Agreement.change_counter, Member.id, Member.role)
        .join(Member, Member.agreement_id == Agreement.id)
        .where(Agreement.id == agreement_id, Member.user_id == user.id)
    ).first()
    if row is None:
        raise _not_a_member(agreement_id)
    return row[0], row[1], row[2]


def current_revisions(session: Session, agreement_id: int) -> dict[str, Revision]:
    """The newest revision of each section (through the index on the `current` flag, so the
    time does not grow with the history)."""
    rows = session.scalars(
        sa.select(Revision).where(Revision.agreement_id == agreement_id, Revision.current)
    )
    return {r.section_key: r for r in rows}


def section_history(
    session: Session, agreement_id: int, section: str
) -> tuple[list[Revision], list[Approval], list[ChangeRequest]]:
    """Every revision of a section (newest first), every approval and change request on it."""
    revisions = session.scalars(
        sa.select(Revision)
        .where(Revision.agreement_id == agreement_id, Revision.section_key == section)
        .order_by(Revision.number.desc())
    ).all()
    approvals = session.scalars(
        sa.select(Approval)
        .where(Approval.agreement_id == agreement_id, Approval.section_key == section)
        .order_by(Approval.id)
    ).all()
    requests = session.scalars(
        sa.select(ChangeRequest)
        .where(ChangeRequest.agreement_id == agreement_id, ChangeRequest.section_key == section)
        .order_by(ChangeRequest.number)
    ).all()
    return list(revisions), list(approvals), list(requests)


def active_approvals(session: Session, agreement: Agreement) -> list[Approval]:
    return list(
        session.scalars(
            sa.select(Approval).where(
                Approval.agreement_id == agreement.id,
                Approval.version == agreement.version,
                Approval.active,
            )
        )
    )


def open_change_requests(session: Session, agreement: Agreement) -> list[ChangeRequest]:
    return list(
        session.scalars(
            sa.select(ChangeRequest)
            .where(ChangeRequest.agreement_id == agreement.id, ChangeRequest.status == "open")
            .order_by(ChangeRequest.number)
        )
    )


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """The rows of an agreement's current version, read once per request."""

    agreement: Agreement
    revisions: dict[str, Revision]  # the current one per section
    approvals: list[Approval]  # active, this version
    change_requests: list[ChangeRequest]  # open
    accepted_findings: list = dataclasses.field(default_factory=list)  # this version's


def snapshot(session: Session, agreement: Agreement) -> Snapshot:
    return Snapshot(
        agreement,
        current_revisions(session, agreement.id),
        active_approvals(session, agreement),
        open_change_requests(session, agreement),
        accepted_findings.accepted(session, agreement),
    )


def load_state(
    session: Session, agreement: Agreement, catalogue: Catalogue, today: dt.date | None
) -> wf.AgreementState:
    """The rules' view of the agreement's current version, dates judged against `today`."""
    return state_of(snapshot(session, agreement), catalogue, today=today)


def state_of(
    snap: Snapshot, catalogue: Catalogue, found: dict | None = None, *, today: dt.date | None
) -> wf.AgreementState:
    """The rules' view of a snapshot, dates judged against `today` (`found`: its findings, if
    the caller has them already, worked out against the same day)."""
    agreement = snap.agreement
    fields = {k: r.fields for k, r in snap.revisions.items()}  # the facts that decide
    required = tuple(catalogue.required_for(agreement.kind, agreement.level, fields))
    return wf.AgreementState(
        status=agreement.status,
        version=agreement.version,
        parties=tuple(wf.Party(p.id, p.name) for p in agreement.parties),
        required=required,
        must_findings=accepted_findings.must_findings(snap, catalogue, required, found, today),
        titles={s.key: s.title for s in catalogue.sections_for(agreement.kind)},
        revisions={
            k: wf.Revision(k, r.number, r.text, r.sha256, r.fields, r.source)
            for k, r in snap.revisions.items()
        },
        approvals=frozenset(
            wf.Approval(a.section_key, a.party_id, a.revision_number, a.sha256)
            for a in snap.approvals
        ),
        change_requests=tuple(
            wf.ChangeRequest(
                c.number, c.section_key, c.party_id, c.revision_number, c.sha256, c.comment
            )
            for c in snap.change_requests
        ),
    )


def next_change_request_number(session: Session, agreement_id: int) -> int:
    top = session.scalar(
        sa.select(sa.func.max(ChangeRequest.number)).where(
            ChangeRequest.agreement_id == agreement_id
        )
    )
    return (top or 0) + 1


# The two updates every save or approval makes, built once (bound parameters). Neither updates
# rows loaded in the session (synchronize_session=False): the write has just read the state it
# decides on, and reads after it in the same transaction select the rows again.
_END_APPROVALS = (
    sa.update(Approval)
    .where(
        Approval.agreement_id == sa.bindparam("agreement"),
        Approval.version == sa.bindparam("in_version"),
        Approval.section_key == sa.bindparam("section"),
        Approval.party_id == sa.bindparam("party"),
        Approval.active,
    )
    .values(active=False, ended_at=sa.bindparam("ended_at"))
    .execution_options(synchronize_session=False)
)
_NOT_CURRENT = (
    sa.update(Revision)
    .where(
        Revision.agreement_id == sa.bindparam("agreement"),
        Revision.section_key == sa.bindparam("section"),
        Revision.current,
    )
    .values(current=False)
    .execution_options(synchronize_session=False)
)


def _updated(session: Session, statement: sa.Update, values: dict) -> None:
    """Run one of the prepared updates on the transaction's connection, after flushing what is
    pending (as the session would), without the ORM layer."""
    session.flush()
    session.connection().execute(statement, values)


def _end_approvals(session: Session, agreement: Agreement, section: str, party_id: int) -> None:
    _updated(
        session,
        _END_APPROVALS,
        {
            "agreement": agreement.id,
            "in_version": agreement.version,
            "section": section,
            "party": party_id,
            "ended_at": utcnow(),
        },
    )


def persist(
    session: Session,
    agreement: Agreement,
    effects: list[wf.Effect],
    actor: User,
    authority_confirmed: bool = False,
) -> list[object]:
    """Write the rows each effect stands for, and one audit event per effect; return the rows
    added (flushed, so that an answer can be built from them without reading again).
    `authority_confirmed`: the approver confirmed their authority (set on approvals given)."""
    added: list[object] = []
    for effect in effects:
        match effect:
            case wf.RevisionAdded(r):
                _updated(session, _NOT_CURRENT, {"agreement": agreement.id, "section": r.section})
                added.append(
                    Revision(
                        agreement_id=agreement.id,
                        section_key=r.section,
                        number=r.number,
                        version=agreement.version,
                        text=r.text,
                        sha256=r.sha256,
                        fields=r.fields,
                        source=r.source,
                        author_id=actor.id,
                        current=True,
                        created_at=utcnow(),
                    )
                )
            case wf.ApprovalGiven(a):
                _end_approvals(session, agreement, a.section, a.party_id)
                added.append(
                    Approval(
                        agreement_id=agreement.id,
                        version=agreement.version,
                        section_key=a.section,
                        party_id=a.party_id,
                        revision_number=a.revision,
                        sha256=a.sha256,
                        user_id=actor.id,
                        authority_confirmed=authority_confirmed,
                        created_at=utcnow(),
                    )
                )
            case wf.ApprovalWithdrawn(section, party_id):
                _end_approvals(session, agreement, section, party_id)
            case wf.ChangeRequested(c):
                added.append(
                    ChangeRequest(
                        agreement_id=agreement.id,
                        number=c.id,
                        version=agreement.version,
                        section_key=c.section,
                        party_id=c.party_id,
                        revision_number=c.revision,
                        sha256=c.sha256,
                        comment=c.comment,
                        raised_by=actor.id,
                        created_at=utcnow(),
                    )
                )
            case wf.ChangeRequestClosed(number, outcome):
                session.execute(
                    sa.update(ChangeRequest)
                    .where(
                        ChangeRequest.agreement_id == agreement.id, ChangeRequest.number == number
                    )
                    .values(status=outcome, closed_at=utcnow())
                )
            case wf.Finalised(_):
                agreement.status = "final"
            case wf.Renegotiated(version):
                agreement.status, agreement.version = "drafting", version
                session.execute(
                    sa.update(ChangeRequest)
                    .where(
                        ChangeRequest.agreement_id == agreement.id, ChangeRequest.status == "open"
                    )
                    .values(status="superseded", closed_at=utcnow())
                )
        if added and added[-1] not in session:
            session.add(added[-1])
        audit.append(session, agreement.id, _event_kind(effect), _event_data(effect), actor.id)
    if effects:
        agreement.change_counter += 1
    session.flush()
    return added


def _event_kind(effect: wf.Effect) -> str:
    return {
        wf.RevisionAdded: "revision_added",
        wf.ApprovalGiven: "approval_given",
        wf.ApprovalWithdrawn: "approval_withdrawn",
        wf.ChangeRequested: "change_requested",
        wf.ChangeRequestClosed: "change_request_closed",
        wf.Finalised: "finalised",
        wf.Renegotiated: "renegotiated",
    }[type(effect)]


def _event_data(effect: wf.Effect) -> dict:
    data = dataclasses.asdict(effect)
    if isinstance(effect, wf.RevisionAdded):
        # The revision row keeps the fields; the event keeps their hash (audit verify checks it).
        data["revision"]["fields_sha256"] = fields_sha256(data["revision"].pop("fields"))
    return data
