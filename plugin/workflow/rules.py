"""The rules of drafting, approving, finalising and renegotiating an agreement.

Each command checks a request against the current state and returns the effects it has, or
raises a DomainError (Conflict 409, NotFound 404, Forbidden 403, InvalidInput 422).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .state import (
    AgreementState,
    Approval,
    ApprovalGiven,
    ApprovalWithdrawn,
    ChangeRequest,
    ChangeRequestClosed,
    ChangeRequested,
    Effect,
    Finalised,
    Renegotiated,
    Revision,
    RevisionAdded,
)
from .text import normalise, text_sha256


class StaleRevision(Conflict):
    """The request was based on a revision that is no longer current; `current` is sent back."""

    title = "Stale revision"


@dataclass(frozen=True)
class Readiness:
    """Whether the agreement can be finalised, and if not, what is missing in words."""

    ready: bool
    missing: tuple[str, ...]


def _drafting(state: AgreementState) -> None:
    if state.status == "final":
        raise Conflict(
            f"Version {state.version} of this agreement is final and cannot change. "
            f"Renegotiate it to open version {state.version + 1}."
        )


def _title(state: AgreementState, section: str) -> str:
    if section not in state.titles:
        raise NotFound(f"There is no section '{section}' in this agreement.")
    return state.titles[section]


def _party(state: AgreementState, party_id: int) -> str:
    party = state.party(party_id)
    if party is None:
        raise NotFound(f"There is no party {party_id} in this agreement.")
    return party.name


def _stale(state: AgreementState, section: str, what: str) -> StaleRevision:
    current = state.revisions.get(section)
    number = current.number if current else 0
    return StaleRevision(
        f"{what} '{_title(state, section)}' has moved on: its current revision is {number}. "
        "Reload it, check the wording, and try again.",
        current=current,
    )


def edit(
    state: AgreementState,
    section: str,
    base_revision: int,
    text: str,
    fields: dict | None = None,
    source: str = "pane",
) -> list[Effect]:
    """A new revision of `section`, based on revision `base_revision` (0: the section is new).

    Identical text (after normalisation) gives no new revision. Raises StaleRevision when
    `base_revision` is not the current one, Conflict when final, InvalidInput for empty text.
    """
    _drafting(state)
    _title(state, section)
    current = state.revisions.get(section)
    if base_revision != (current.number if current else 0):
        raise _stale(state, section, "Section")
    clean = normalise(text)
    if not clean:
        raise InvalidInput("The section text is empty. Write the clause, or fill in its fields.")
    sha = text_sha256(clean)
    if current is not None and current.sha256 == sha:
        return []
    number = current.number + 1 if current else 1
    return [RevisionAdded(Revision(section, number, clean, sha, fields or {}, source))]


def approve(state: AgreementState, section: str, party_id: int, sha256: str) -> list[Effect]:
    """Party approves the section's current revision, named by its hash.

    Approving also settles that party's own open change requests on the section.
    Raises StaleRevision if `sha256` is not the current revision's hash.
    """
    _drafting(state)
    _title(state, section)
    _party(state, party_id)
    current = state.revisions.get(section)
    if current is None or current.sha256 != sha256:
        raise _stale(state, section, "The wording of")
    effects: list[Effect] = []
    if party_id not in state.approvals_in_force(section):
        effects.append(ApprovalGiven(Approval(section, party_id, current.number, sha256)))
    effects += [
        ChangeRequestClosed(r.id, "resolved")
        for r in state.change_requests
        if r.section == section and r.party_id == party_id
    ]
    return effects


def withdraw_approval(state: AgreementState, section: str, party_id: int) -> list[Effect]:
    """Party takes back its approval of the section. Raises NotFound if it has none."""
    _drafting(state)
    _title(state, section)
    _party(state, party_id)
    if not any(a.section == section and a.party_id == party_id for a in state.approvals):
        raise NotFound(f"{_party(state, party_id)} has no approval of this section to withdraw.")
    return [ApprovalWithdrawn(section, party_id)]


def request_change(
    state: AgreementState, section: str, party_id: int, sha256: str, comment: str, number: int
) -> list[Effect]:
    """Party objects to the current revision; its approval of it, if any, lapses.

    Raises StaleRevision if `sha256` is not current, InvalidInput for an empty comment.
    """
    _drafting(state)
    _title(state, section)
    _party(state, party_id)
    if not comment.strip():
        raise InvalidInput("Say what should change: the comment is empty.")
    current = state.revisions.get(section)
    if current is None or current.sha256 != sha256:
        raise _stale(state, section, "The wording of")
    effects: list[Effect] = []
    if any(a.section == section and a.party_id == party_id for a in state.approvals):
        effects.append(ApprovalWithdrawn(section, party_id))
    request = ChangeRequest(number, section, party_id, current.number, sha256, comment.strip())
    return [*effects, ChangeRequested(request)]


def close_change_request(
    state: AgreementState, number: int, party_id: int, outcome: str
) -> list[Effect]:
    """The party that raised an open change request withdraws it or marks it resolved.

    Raises NotFound if it is not open, Forbidden if `party_id` did not raise it.
    """
    _drafting(state)
    request = next((r for r in state.change_requests if r.id == number), None)
    if request is None:
        raise NotFound(f"There is no open change request {number}.")
    if request.party_id != party_id:
        raise Forbidden(f"Only {_party(state, request.party_id)} can close this change request.")
    if outcome not in ("withdrawn", "resolved"):
        raise InvalidInput("A change request is closed as 'withdrawn' or 'resolved'.")
    return [ChangeRequestClosed(number, outcome)]


def readiness(state: AgreementState) -> Readiness:
    """Ready when every required section's current revision is approved by every party,
    no change request is open and every `must` finding is put right or accepted with a reason;
    otherwise the list of what is missing, in words."""
    missing: list[str] = []
    for key in state.required:
        title = state.titles.get(key, key)
        if key not in state.revisions:
            missing.append(f"'{title}' has no text yet.")
            continue
        approved = state.approvals_in_force(key)
        missing += [
            f"{p.name} has not approved the current wording of '{title}'."
            for p in state.parties
            if p.id not in approved
        ]
    for r in state.change_requests:
        who, title = _party(state, r.party_id), state.titles.get(r.section, r.section)
        missing.append(f"{who} has an open change request on '{title}': {r.comment}")
    for f in state.must_findings:
        if not f.accepted:
            title = state.titles.get(f.section, f.section)
            missing.append(
                f"'{title}' must be settled: {f.message} Put it right, or record the partners' "
                f"reason to accept it ({f.code})."
            )
    return Readiness(not missing, tuple(missing))


def finalise(state: AgreementState) -> list[Effect]:
    """Make the current version final. Raises Conflict listing what is missing."""
    _drafting(state)
    ready = readiness(state)
    if not ready.ready:
        raise Conflict(
            "The agreement cannot be finalised yet: " + " ".join(ready.missing),
            missing=list(ready.missing),
        )
    return [Finalised(state.version)]


def renegotiate(state: AgreementState) -> list[Effect]:
    """Open version n+1 of a final agreement: same text, no approvals.

    Raises Conflict while the agreement is still being drafted."""
    if state.status != "final":
        raise Conflict(
            "Only a final agreement can be renegotiated; this one is still being drafted."
        )
    return [Renegotiated(state.version + 1)]
