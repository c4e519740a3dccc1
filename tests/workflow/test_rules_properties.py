"""The approval rules, checked against a small reference model under random command sequences.

The reference model below is written independently of plugin.workflow.rules: it keeps plain
dictionaries of texts, approvals and change requests. Any rule broken in rules.py makes the
two disagree, and hypothesis shrinks the sequence to a short counter-example.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from plugin.workflow import rules
from plugin.workflow.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound
from plugin.workflow.state import AgreementState, Party, apply_all
from plugin.workflow.text import normalise, text_sha256

SECTIONS = ["aims", "roles", "safety"]
REQUIRED = ("aims", "roles")  # safety is optional
PARTIES = (Party(1, "Youth Team"), Party(2, "Police Unit"), Party(3, "School"))
TEXTS = st.sampled_from(
    ["We agree.", "We  agree.", "We agree!", "Meet monthly.", "   ", "Roles & <dates>"]
)


def new_state() -> AgreementState:
    return AgreementState(
        status="drafting",
        version=1,
        parties=PARTIES,
        required=REQUIRED,
        titles={k: k.title() for k in SECTIONS},
    )


class AgreementMachine(RuleBasedStateMachine):
    @initialize(drafted=st.booleans())
    def start(self, drafted):
        self.state = new_state()
        # the reference model
        self.history: dict[str, list[str]] = {k: [] for k in SECTIONS}  # normalised texts
        self.approved: dict[tuple[str, int], int] = {}  # (section, party) -> revision number
        self.open_requests: dict[int, tuple[str, int]] = {}  # number -> (section, party)
        self.next_request = 1
        self.final = False
        self.version = 1
        if drafted:  # half the runs start with text in every section: "nearly ready" is near
            for section in SECTIONS:
                self.edit(section, f"Draft of {section}.", 0)

    def run(self, command, *args):
        """Apply a command's effects; return the error it raised, or None."""
        try:
            effects = command(self.state, *args)
        except DomainError as exc:
            return exc
        self.state = apply_all(self.state, effects)
        return None

    def current(self, section) -> int:
        return len(self.history[section])

    @rule(section=st.sampled_from(SECTIONS), text=TEXTS, offset=st.sampled_from([0, 0, 0, -1, 1]))
    def edit(self, section, text, offset):
        base = self.current(section) + offset
        before = self.state.revisions.get(section)
        error = self.run(rules.edit, section, base, text)
        if self.final:
            assert isinstance(error, Conflict)
        elif offset != 0:
            assert isinstance(error, rules.StaleRevision)
            assert error.extra["current"] == before  # the refusal carries the current revision
        elif not normalise(text):
            assert isinstance(error, InvalidInput)
        elif self.history[section] and self.history[section][-1] == normalise(text):
            assert error is None and self.state.revisions[section] == before  # no new revision
        else:
            assert error is None
            self.history[section].append(normalise(text))
            assert self.state.revisions[section].number == self.current(section)

    @rule(
        section=st.sampled_from(SECTIONS), party=st.sampled_from([1, 2, 3]), outdated=st.booleans()
    )
    def approve(self, section, party, outdated):
        texts = self.history[section]
        if outdated and len(texts) >= 2:
            sha = text_sha256(texts[-2]) if texts[-2] != texts[-1] else "0" * 64
        elif outdated or not texts:
            sha = "f" * 64
        else:
            sha = text_sha256(texts[-1])
        error = self.run(rules.approve, section, party, sha)
        if self.final:
            assert isinstance(error, Conflict)
        elif outdated or not texts:
            assert isinstance(error, rules.StaleRevision)
        else:
            assert error is None
            self.approved[(section, party)] = self.current(section)
            for number, (s, p) in list(self.open_requests.items()):
                if (s, p) == (section, party):
                    del self.open_requests[number]

    @rule()
    def everyone_approves_everything(self):
        """A macro step, so that short sequences reach 'nearly ready' states."""
        for section in SECTIONS:
            for party in (1, 2, 3):
                self.approve(section, party, outdated=False)

    @rule(section=st.sampled_from(SECTIONS), party=st.sampled_from([1, 2, 3]))
    def withdraw(self, section, party):
        error = self.run(rules.withdraw_approval, section, party)
        if self.final:
            assert isinstance(error, Conflict)
        elif (section, party) in self.approved:
            assert error is None
            del self.approved[(section, party)]
        else:
            assert isinstance(error, NotFound)

    @rule(section=st.sampled_from(SECTIONS), party=st.sampled_from([1, 2, 3]))
    def object(self, section, party):
        texts = self.history[section]
        sha = text_sha256(texts[-1]) if texts else "e" * 64
        error = self.run(
            rules.request_change, section, party, sha, "Please add dates.", self.next_request
        )
        if self.final:
            assert isinstance(error, Conflict)
        elif not texts:
            assert isinstance(error, rules.StaleRevision)
        else:
            assert error is None
            self.open_requests[self.next_request] = (section, party)
            self.next_request += 1
            self.approved.pop((section, party), None)

    @rule(
        number=st.integers(1, 6),
        party=st.sampled_from([1, 2, 3]),
        outcome=st.sampled_from(["withdrawn", "resolved"]),
    )
    def close_request(self, number, party, outcome):
        error = self.run(rules.close_change_request, number, party, outcome)
        if self.final:
            assert isinstance(error, Conflict)
        elif number not in self.open_requests:
            assert isinstance(error, NotFound)
        elif self.open_requests[number][1] != party:
            assert isinstance(error, Forbidden)
        else:
            assert error is None
            del self.open_requests[number]

    def expected_ready(self) -> bool:
        return not self.open_requests and all(
            self.history[s] and self.approved.get((s, p.id)) == self.current(s)
            for s in REQUIRED
            for p in PARTIES
        )

    @rule()
    def finalise(self):
        ready = self.expected_ready()
        error = self.run(rules.finalise)
        if self.final:
            assert isinstance(error, Conflict)
        elif ready:
            assert error is None and self.state.status == "final"
            self.final = True
        else:
            assert isinstance(error, Conflict) and error.extra["missing"]

    @rule()
    def renegotiate(self):
        error = self.run(rules.renegotiate)
        if not self.final:
            assert isinstance(error, Conflict)
        else:
            assert error is None
            self.final, self.version = False, self.version + 1
            self.approved.clear()
            self.open_requests.clear()

    @invariant()
    def agrees_with_the_model(self):
        if not hasattr(self, "state"):
            return
        assert self.state.version == self.version
        assert (self.state.status == "final") == self.final
        for s in SECTIONS:
            expected = {
                p for (sec, p), n in self.approved.items() if sec == s and n == self.current(s)
            }
            assert self.state.approvals_in_force(s) == expected
        assert rules.readiness(self.state).ready == self.expected_ready()
        assert {r.id for r in self.state.change_requests} == set(self.open_requests)


AgreementMachine.TestCase.settings = settings(
    max_examples=150, stateful_step_count=40, deadline=None
)
test_agreement_rules = AgreementMachine.TestCase
