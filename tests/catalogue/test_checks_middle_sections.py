# ruff: noqa: E501  (a table of exact messages, one string each)
"""Sections 07-12 (information sharing to publicity): the checks added for #13 with their exact
findings, and the plain wording their clauses now read in."""

import pytest
from checks_harness import example_clauses

from plugin.catalogue import default_catalogue

CATALOGUE = default_catalogue()
MIDDLE = [
    "information_exchange",
    "meetings_and_communication",
    "governance_and_decisions",
    "power_and_voice",
    "escalation_and_disagreement",
    "publicity_and_credit",
]

# (kind, section, change to its example, the section's findings in full), as in
# test_checks_table.py, whose coverage test reads this TABLE too.
TABLE = [
    (
        "partnership",
        "governance_and_decisions",
        {"conflicts_of_interest": None},
        [
            (
                "governance.no_conflict_of_interest_rule",
                "should",
                "Nothing says how a partner or worker declares a conflict of interest, or what happens then.",
            )
        ],
    ),
    (
        "partnership",
        "escalation_and_disagreement",
        {"mediation": "  "},
        [
            (
                "problems.no_mediation",
                "should",
                "Nothing says who mediates, or how a mediator is chosen, before anyone ends the agreement over a problem the senior managers cannot settle.",
            )
        ],
    ),
    (
        "co_working",
        "escalation_and_disagreement",
        {"mediation": None},
        [
            (
                "problems.no_mediation",
                "should",
                "Nothing says who mediates, or how a mediator is chosen, before anyone ends the agreement over a problem the senior managers cannot settle.",
            )
        ],
    ),
]


def _example_clauses(kind):
    return example_clauses(kind, MIDDLE)


# Words of these sections' rendered examples before #13's rewrite: 2,580 in the partnership and
# 785 in the co-working agreement. The page limits have no slack, so the rewrite pays for the new
# pieces (conflicts of interest, mediation) and still cuts at least a tenth.
BEFORE = {"partnership": 2580, "co_working": 785}


@pytest.mark.parametrize("kind", ["partnership", "co_working"])
def test_the_middle_sections_are_a_tenth_shorter_than_before(kind):
    words = sum(len(text.split()) for text in _example_clauses(kind).values())
    assert words <= BEFORE[kind] * 0.9


@pytest.mark.parametrize(
    ("kind", "before_ending"), [("partnership", "any partner"), ("co_working", "either of us")]
)
def test_mediation_comes_before_anyone_ends_the_agreement_in_the_kinds_voice(kind, before_ending):
    text = _example_clauses(kind)["escalation_and_disagreement"]
    seniors, mediation = text.index("senior managers, who decide"), text.index("mediation before")
    assert seniors < mediation
    assert f"mediation before {before_ending} gives notice to end this agreement" in text
    assert "Scottish Mediation" in text  # the example names who mediates


def test_the_conflict_of_interest_rule_is_printed_as_written():
    text = _example_clauses("partnership")["governance_and_decisions"]
    assert "takes no part in the decision." in text


def test_a_lawful_basis_reads_in_the_voice_of_each_kind():
    texts = {
        kind: _example_clauses(kind)["information_exchange"]
        for kind in ("partnership", "co_working")
    }
    assert (
        "The partners share personal information on the public task basis in UK GDPR Article 6."
        in texts["partnership"]
    )
    assert (
        "We share personal information on the public task basis in UK GDPR Article 6."
        in texts["co_working"]
    )
    assert "between we" not in texts["co_working"]


def test_findings_a_co_working_agreement_can_show_never_speak_of_partners():
    # Accepted findings are printed on the certificate, so their words follow the kind's voice.
    keys = [s.key for s in CATALOGUE.sections_for("co_working") if s.key in MIDDLE]
    messages = [c.message for key in keys for c in CATALOGUE.sections[key].checks]
    assert [m for m in messages if "partner" in m.lower()] == []
