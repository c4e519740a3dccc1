"""Accepted findings: an approver records the partners' reason to finalise with a `must`
finding unresolved, or withdraws it. Both are audited, and the state shows the reason with the
finding. (The routes join the API blueprint when views.py imports this module.)"""

from __future__ import annotations

from plugin import clock
from plugin.catalogue import Finding, default_catalogue
from plugin.store import agreements as store
from plugin.store import findings as findings_store
from plugin.store.db import get_session, write_session
from plugin.store.models import AcceptedFinding, User
from plugin.workflow import findings as rules
from plugin.workflow import roles

from . import bp
from . import schemas as s
from .routing import ID, operation

SECTION = f"/agreements/<{ID}:agreement_id>/sections/<section_key>"


def accepted_out(row: AcceptedFinding) -> s.AcceptedFindingOut:
    return s.AcceptedFindingOut(
        section=row.section_key,
        code=row.code,
        reason=row.reason,
        party_id=row.party_id,
        accepted_by=s.UserOut(id=row.user.id, email=row.user.email, name=row.user.name),
        accepted_at=row.created_at,
    )


def finding_out(finding: Finding, accepted: dict[tuple[str, str], AcceptedFinding]) -> s.FindingOut:
    """A finding as the state shows it; a `must` finding carries its recorded reason, if any."""
    row = accepted.get((finding.section, finding.code)) if finding.severity == "must" else None
    return s.FindingOut(**finding.as_dict(), accepted=accepted_out(row) if row else None)


def _locked(agreement_id: int, user: User):
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    roles.require(member.role, "approve")
    return agreement, member


@operation(
    bp,
    SECTION + "/accepted-findings",
    "POST",
    summary="Record the partners' reason to accept a 'must' finding: it stops blocking finalising",
    body=s.AcceptedFindingCreate,
    responses={201: s.AcceptedFindingOut},
    errors=(403, 404, 409, 422),
)
def accept_finding(user: User, agreement_id: int, section_key: str, body: s.AcceptedFindingCreate):
    agreement, member = _locked(agreement_id, user)
    session, catalogue = get_session(), default_catalogue()
    catalogue.section(section_key, agreement.kind)
    state = store.load_state(session, agreement, catalogue, clock.today())
    decision = rules.accept(state, section_key, body.code, member.party_id, body.reason)
    row = findings_store.accept(session, agreement, decision, user)  # the wrapper commits
    return accepted_out(row), 201


@operation(
    bp,
    SECTION + "/accepted-findings/<code>",
    "DELETE",
    summary="Withdraw the recorded reason to accept a 'must' finding: it blocks finalising again",
    responses={204: None},
    errors=(403, 404, 409),
)
def withdraw_accepted_finding(user: User, agreement_id: int, section_key: str, code: str):
    agreement, member = _locked(agreement_id, user)
    session, catalogue = get_session(), default_catalogue()
    catalogue.section(section_key, agreement.kind)
    state = store.load_state(session, agreement, catalogue, clock.today())
    taken = {
        (a.section_key, a.code): a.party_id for a in findings_store.accepted(session, agreement)
    }
    decision = rules.withdraw(state, section_key, code, taken, member.party_id)
    findings_store.withdraw(session, agreement, decision, user)  # the wrapper commits
