"""Must findings in the pure rules: they block finalising until accepted with a reason."""

from dataclasses import replace

import pytest

from plugin.workflow import findings, rules
from plugin.workflow.errors import Conflict, Forbidden, InvalidInput, NotFound
from plugin.workflow.state import MustFinding, apply_all
from tests.workflow.test_rules import approve_all, state_with

GAP = MustFinding("aims", "aims.no_shared_aim", "No shared aim has been recorded.")


def ready_but_for(*must):
    state = approve_all(state_with(("aims", "Aims."), ("roles", "Roles.")))
    return replace(state, must_findings=must)


def test_an_unaccepted_must_finding_blocks_finalising_and_is_listed():
    state = ready_but_for(GAP)
    expected = (
        "'Aims' must be settled: No shared aim has been recorded. Put it right, or record the "
        "partners' reason to accept it (aims.no_shared_aim).",
    )
    assert rules.readiness(state).missing == expected
    with pytest.raises(Conflict) as caught:
        rules.finalise(state)
    assert caught.value.extra["missing"] == list(expected)


def test_an_accepted_must_finding_no_longer_blocks():
    state = ready_but_for(replace(GAP, accepted=True))
    assert rules.readiness(state).ready
    assert apply_all(state, rules.finalise(state)).status == "final"


def test_accepting_checks_the_finding_the_reason_and_the_status():
    state = ready_but_for(GAP)
    decision = findings.accept(state, "aims", "aims.no_shared_aim", 2, "  One aim is enough.  ")
    assert decision == findings.FindingAccepted(
        "aims", "aims.no_shared_aim", 2, "One aim is enough."
    )
    with pytest.raises(InvalidInput):
        findings.accept(state, "aims", "aims.no_shared_aim", 2, " ")
    with pytest.raises(InvalidInput):
        findings.accept(state, "aims", "aims.no_shared_aim", 2, "x" * 2001)
    with pytest.raises(NotFound, match="'Roles' has no 'must' finding"):
        findings.accept(state, "roles", "aims.no_shared_aim", 2, "Reason.")
    with pytest.raises(NotFound, match="no section 'budget'"):
        findings.accept(state, "budget", "aims.no_shared_aim", 2, "Reason.")
    with pytest.raises(Conflict, match="already accepted"):
        findings.accept(ready_but_for(replace(GAP, accepted=True)), "aims", GAP.code, 2, "R.")
    with pytest.raises(Conflict, match="final"):
        findings.accept(replace(state, status="final"), "aims", GAP.code, 2, "R.")


def test_withdrawing_needs_a_recorded_acceptance_by_ones_own_party():
    state = ready_but_for(replace(GAP, accepted=True))
    taken = {("aims", GAP.code): 2}
    assert findings.withdraw(
        state, "aims", GAP.code, taken, 2
    ) == findings.FindingAcceptanceWithdrawn("aims", GAP.code)
    with pytest.raises(Forbidden, match="Another party recorded"):
        findings.withdraw(state, "aims", GAP.code, taken, 1)
    with pytest.raises(NotFound):
        findings.withdraw(state, "aims", GAP.code, {}, 2)
