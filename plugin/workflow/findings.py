"""Accepting a `must` finding: the partners record why they will finalise with it unresolved.

A `must` finding (a check the guidance treats as essential) blocks finalising. The partners can
put it right, or an approver can record the partners' reason to accept it as it stands; the
reason is kept, shown with the finding, and audited, and it can be withdrawn. Pure rules: the
store writes what these decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .state import AgreementState, MustFinding

MAX_REASON = 2000


@dataclass(frozen=True)
class FindingAccepted:
    section: str
    code: str
    party_id: int
    reason: str


@dataclass(frozen=True)
class FindingAcceptanceWithdrawn:
    section: str
    code: str


def _drafting(state: AgreementState) -> None:
    if state.status == "final":
        raise Conflict(f"Version {state.version} of this agreement is final and cannot change.")


def _title(state: AgreementState, section: str) -> str:
    if section not in state.titles:
        raise NotFound(f"There is no section '{section}' in this agreement.")
    return state.titles[section]


def _open(state: AgreementState, section: str, code: str) -> list[MustFinding]:
    return [f for f in state.must_findings if f.section == section and f.code == code]


def accept(
    state: AgreementState, section: str, code: str, party_id: int, reason: str
) -> FindingAccepted:
    """Record the partners' reason to accept a current `must` finding of a section.

    Raises NotFound when the section has no such `must` finding now, Conflict when it is already
    accepted or the agreement is final, InvalidInput for an empty or over-long reason."""
    _drafting(state)
    title = _title(state, section)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Give the partners' reason for accepting this finding.")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"Keep the reason under {MAX_REASON} characters.")
    found = _open(state, section, code)
    if not found:
        raise NotFound(f"'{title}' has no 'must' finding '{code}' to accept.")
    if all(f.accepted for f in found):
        raise Conflict(f"The finding '{code}' on '{title}' is already accepted.")
    return FindingAccepted(section, code, party_id, reason)


def withdraw(
    state: AgreementState,
    section: str,
    code: str,
    accepted: dict[tuple[str, str], int],
    party_id: int,
) -> FindingAcceptanceWithdrawn:
    """Take back an acceptance (`accepted` maps the (section, code) pairs accepted now to the
    party that recorded each); only an approver of that party (`party_id`) may take it back.

    Raises NotFound when there is none, Forbidden for another party, Conflict when final."""
    _drafting(state)
    title = _title(state, section)
    if (section, code) not in accepted:
        raise NotFound(f"No reason to accept '{code}' on '{title}' is recorded.")
    if accepted[(section, code)] != party_id:
        raise Forbidden(
            f"Another party recorded the reason to accept '{code}' on '{title}': "
            "only its approvers may withdraw it."
        )
    return FindingAcceptanceWithdrawn(section, code)
