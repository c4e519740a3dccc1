"""The state of one agreement as the rules see it, and the effects that change it.

Commands (rules.py) decide which effects a request has; `apply` folds effects into a new state.
The store persists the very same effects, and each one becomes an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Status = Literal["drafting", "final"]


@dataclass(frozen=True)
class Party:
    """A partner organisation (or, in a co-working agreement, a worker)."""

    id: int
    name: str


@dataclass(frozen=True)
class Revision:
    """One immutable state of a section. `number` counts from 1 within the section."""

    section: str
    number: int
    text: str
    sha256: str
    fields: dict = field(default_factory=dict, compare=False, hash=False)
    source: str = "pane"


@dataclass(frozen=True)
class Approval:
    """Party `party_id` accepts revision `revision` of `section`, whose hash is `sha256`."""

    section: str
    party_id: int
    revision: int
    sha256: str


@dataclass(frozen=True)
class ChangeRequest:
    """Party `party_id` objects to a revision; it blocks finalising while open."""

    id: int
    section: str
    party_id: int
    revision: int
    sha256: str
    comment: str


@dataclass(frozen=True)
class MustFinding:
    """A `must` finding on a section that counts (required, or drafted): it blocks finalising
    until it is put right or the partners record a reason to accept it (`accepted`)."""

    section: str
    code: str
    message: str
    accepted: bool = False


@dataclass(frozen=True)
class AgreementState:
    """What the rules need to know of an agreement, for its current version."""

    status: Status
    version: int
    parties: tuple[Party, ...]
    required: tuple[str, ...]  # section keys that must be approved to finalise
    titles: dict[str, str] = field(compare=False, hash=False)  # section key -> title
    revisions: dict[str, Revision] = field(default_factory=dict)  # the current one per section
    approvals: frozenset[Approval] = frozenset()  # given in this version
    change_requests: tuple[ChangeRequest, ...] = ()  # the open ones
    must_findings: tuple[MustFinding, ...] = ()  # from the catalogue's checks, this version

    def party(self, party_id: int) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def approvals_in_force(self, section: str) -> set[int]:
        """The parties whose approval names the section's current revision and hash."""
        current = self.revisions.get(section)
        if current is None:
            return set()
        return {
            a.party_id
            for a in self.approvals
            if a.section == section and a.revision == current.number and a.sha256 == current.sha256
        }


# Effects ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RevisionAdded:
    revision: Revision


@dataclass(frozen=True)
class ApprovalGiven:
    approval: Approval


@dataclass(frozen=True)
class ApprovalWithdrawn:
    section: str
    party_id: int


@dataclass(frozen=True)
class ChangeRequested:
    request: ChangeRequest


@dataclass(frozen=True)
class ChangeRequestClosed:
    request_id: int
    outcome: Literal["withdrawn", "resolved"]


@dataclass(frozen=True)
class Finalised:
    version: int


@dataclass(frozen=True)
class Renegotiated:
    version: int  # the new version


Effect = (
    RevisionAdded
    | ApprovalGiven
    | ApprovalWithdrawn
    | ChangeRequested
    | ChangeRequestClosed
    | Finalised
    | Renegotiated
)


def apply(state: AgreementState, effect: Effect) -> AgreementState:
    """The state after one effect. Effects come from the rules, so they are not re-checked."""
    match effect:
        case RevisionAdded(revision):
            return replace(state, revisions={**state.revisions, revision.section: revision})
        case ApprovalGiven(approval):
            kept = {
                a
                for a in state.approvals
                if (a.section, a.party_id) != (approval.section, approval.party_id)
            }
            return replace(state, approvals=frozenset({*kept, approval}))
        case ApprovalWithdrawn(section, party_id):
            kept = {a for a in state.approvals if (a.section, a.party_id) != (section, party_id)}
            return replace(state, approvals=frozenset(kept))
        case ChangeRequested(request):
            return replace(state, change_requests=(*state.change_requests, request))
        case ChangeRequestClosed(request_id, _):
            kept = tuple(r for r in state.change_requests if r.id != request_id)
            return replace(state, change_requests=kept)
        case Finalised(_):
            return replace(state, status="final")
        case Renegotiated(version):
            return replace(
                state, status="drafting", version=version, approvals=frozenset(), change_requests=()
            )
    raise TypeError(f"not an effect: {effect!r}")


def apply_all(state: AgreementState, effects: list[Effect]) -> AgreementState:
    for effect in effects:
        state = apply(state, effect)
    return state
