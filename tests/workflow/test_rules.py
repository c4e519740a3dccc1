"""Worked examples of the rules, with the words people see."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.workflow import rules
from plugin.workflow.errors import Conflict
from plugin.workflow.state import AgreementState, Party, apply_all
from plugin.workflow.text import text_sha256

PARTIES = (Party(1, "Riverside Youth Team"), Party(2, "Eastfield Police Unit"))


def state_with(*texts: tuple[str, str]) -> AgreementState:
    state = AgreementState(
        "drafting", 1, PARTIES, ("aims", "roles"), {"aims": "Aims", "roles": "Roles"}
    )
    for section, text in texts:
        current = state.revisions.get(section)
        state = apply_all(state, rules.edit(state, section, current.number if current else 0, text))
    return state


def approve_all(state: AgreementState) -> AgreementState:
    for section, revision in state.revisions.items():
        for party in state.parties:
            state = apply_all(state, rules.approve(state, section, party.id, revision.sha256))
    return state


def test_missing_items_name_the_party_and_section():
    state = state_with(("aims", "Cut anti-social behaviour."))
    state = apply_all(
        state, rules.approve(state, "aims", 1, text_sha256("Cut anti-social behaviour."))
    )
    assert rules.readiness(state).missing == (
        "Eastfield Police Unit has not approved the current wording of 'Aims'.",
        "'Roles' has no text yet.",
    )


@given(st.sampled_from(["aims", "roles"]), st.text(min_size=1).filter(lambda t: t.strip()))
def test_a_new_revision_leaves_other_sections_approvals_alone(edited, text):
    state = approve_all(state_with(("aims", "Aims v1"), ("roles", "Roles v1")))
    assert rules.readiness(state).ready
    other = "roles" if edited == "aims" else "aims"
    effects = rules.edit(state, edited, state.revisions[edited].number, text + " (edited)")
    state = apply_all(state, effects)
    assert state.approvals_in_force(other) == {1, 2}
    assert state.approvals_in_force(edited) == set()
    assert not rules.readiness(state).ready


def test_editing_back_to_old_text_does_not_revive_old_approvals():
    state = approve_all(state_with(("aims", "A"), ("roles", "R")))
    state = apply_all(state, rules.edit(state, "aims", 1, "B"))
    state = apply_all(state, rules.edit(state, "aims", 2, "A"))
    assert state.revisions["aims"].number == 3
    assert state.approvals_in_force("aims") == set()


def test_open_change_request_blocks_until_the_party_approves_a_new_revision():
    state = approve_all(state_with(("aims", "A"), ("roles", "R")))
    state = apply_all(
        state, rules.request_change(state, "roles", 2, text_sha256("R"), "Add dates.", 1)
    )
    ready = rules.readiness(state)
    assert (
        not ready.ready
        and "Eastfield Police Unit has an open change request on 'Roles': Add dates."
        in ready.missing
    )
    state = apply_all(state, rules.edit(state, "roles", 1, "R by 31 March"))
    state = approve_all(state)
    assert state.change_requests == () and rules.readiness(state).ready


def test_final_is_read_only_until_renegotiated_with_same_text_and_no_approvals():
    state = approve_all(state_with(("aims", "A"), ("roles", "R")))
    state = apply_all(state, rules.finalise(state))
    with pytest.raises(Conflict, match="Renegotiate it to open version 2"):
        rules.edit(state, "aims", 1, "A2")
    state = apply_all(state, rules.renegotiate(state))
    assert (state.status, state.version) == ("drafting", 2)
    assert state.revisions["aims"].text == "A" and state.approvals == frozenset()
    assert rules.edit(state, "aims", 1, "A2")
