# ruff: noqa: E501  (a table of exact messages, one string each)
"""Sections 13 to 18 (#13): the checks added for the missing pieces, with their exact findings,
and the plain wording of these sections' clauses (no lead-in with a colon before a pasted answer;
emergency contacts for young people and for the workers are asked for and printed)."""

from checks_harness import example_clauses

from plugin.catalogue import default_catalogue

CATALOGUE = default_catalogue()
LATE = [
    "individual_worker_arrangements",
    "monitoring_and_evaluation",
    "review_and_revision",
    "duration_and_ending",
    "code_of_conduct",
    "health_and_safety",
]

TABLE = [
    (
        "partnership",
        "health_and_safety",
        {"young_people_contacts": None, "emergency_arrangements": "  "},
        [
            (
                "safety.no_young_people_contacts",
                "should",
                "Nothing says who holds the emergency contacts for the young people during a session, or how a worker reaches them.",
            ),
            (
                "safety.no_emergency_arrangements",
                "should",
                "Nothing says whom the workers call in an emergency, or who holds each worker's own emergency contact.",
            ),
        ],
    ),
    (
        "co_working",
        "health_and_safety",
        {"young_people_contacts": None},
        [
            (
                "safety.no_young_people_contacts",
                "should",
                "Nothing says who holds the emergency contacts for the young people during a session, or how a worker reaches them.",
            )
        ],
    ),
]


def test_young_peoples_emergency_contacts_are_asked_for_only_where_young_people_are_served():
    parties = CATALOGUE.example_parties
    fields = {
        s.key: CATALOGUE.validate_fields(
            s.key, CATALOGUE.example_for(s.key, parties, "partnership"), parties
        )
        for s in CATALOGUE.sections_for("partnership")
    }
    fields["health_and_safety"] = {**fields["health_and_safety"], "young_people_contacts": None}
    served = dict(fields["people_served"])
    codes = {
        f.code for f in CATALOGUE.findings("partnership", fields, parties)["health_and_safety"]
    }
    assert "safety.no_young_people_contacts" in codes
    fields["people_served"] = {**served, "young_people": False}
    codes = {
        f.code for f in CATALOGUE.findings("partnership", fields, parties)["health_and_safety"]
    }
    assert "safety.no_young_people_contacts" not in codes


def _example_clauses(kind):
    return example_clauses(kind, LATE)


def test_emergency_contacts_stand_in_the_clause_as_the_workers_wrote_them():
    partnership = _example_clauses("partnership")["health_and_safety"]
    assert (
        "\n\nAt the drop-in the worker in charge holds each young person's emergency contact"
        in (partnership)
    )
    assert "the on-call manager holds every worker's own emergency contact." in partnership
    co_working = _example_clauses("co_working")["health_and_safety"]
    assert "We hold no contact details for the young people we meet on the street." in co_working


def test_a_co_working_code_of_conduct_reads_in_its_own_voice():
    text = _example_clauses("co_working")["code_of_conduct"]
    assert "all we" not in text
    assert "every worker responds in the same agreed way:" in text


def test_a_change_agreed_by_everyone_says_so_and_names_only_a_partial_agreement():
    parties = CATALOGUE.example_parties
    base = CATALOGUE.example_for("review_and_revision", parties, "partnership")

    def render(agreed_by):
        values = {
            **base,
            "change_log": [
                {"change": "Start at 6.30pm", "date": "2026-11-20", "agreed_by": agreed_by}
            ],
        }
        clean = CATALOGUE.validate_fields("review_and_revision", values, parties)
        return CATALOGUE.render_clause("review_and_revision", clean, parties, "partnership")

    assert "- Start at 6.30pm. Agreed by everyone on 20 November 2026." in render([1, 2, 3])
    assert (
        "- Start at 6.30pm. Agreed on 20 November 2026 by Riverside Council Youth Team and Eastfield High School."
        in render([1, 3])
    )


def test_the_rewritten_sections_are_at_least_a_tenth_shorter_than_before():
    # Words in these six sections' example clauses before the rewrite (#13): 2814 and 824.
    words = {
        kind: sum(len(t.split()) for t in _example_clauses(kind).values())
        for kind in ("partnership", "co_working")
    }
    assert words["partnership"] <= 0.9 * 2814, words
    assert words["co_working"] <= 0.9 * 824, words
