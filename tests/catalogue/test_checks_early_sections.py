# ruff: noqa: E501  (a table of exact messages, one string each)
"""Sections 00 to 06 (#13): the checks added for the missing pieces, with their exact findings,
and the plain wording of these sections' clauses (no lead-in with a colon before a pasted answer;
ongoing duties say how often; a job title never lacks its article)."""

from checks_harness import example_clauses
from checks_harness import findings_after as _findings

from plugin.catalogue import default_catalogue

CATALOGUE = default_catalogue()
EARLY = [
    "co_workers",
    "partners_and_context",
    "purpose_and_aims",
    "relationship_level",
    "people_served",
    "roles_and_responsibilities",
    "resources_and_costs",
]

TABLE = [
    (
        "partnership",
        "purpose_and_aims",
        {"cld_plan": "  "},
        [
            (
                "aims.cld_plan_missing",
                "should",
                "Nothing says how the work serves the local community learning and development plan.",
            )
        ],
    ),
    (
        "co_working",
        "people_served",
        {"parental_consent": None},
        [
            (
                "people.parental_consent_missing",
                "should",
                "Nothing says when a parent's or carer's consent is needed or how a parent or carer is reached in an emergency.",
            )
        ],
    ),
    (
        "partnership",
        "roles_and_responsibilities",
        {"joint_induction": ""},
        [
            (
                "roles.joint_induction_missing",
                "should",
                "Nothing says how the workers will be inducted and trained together before they start.",
            )
        ],
    ),
    (
        "partnership",
        "resources_and_costs",
        {"ownership": None},
        [
            (
                "resources.ownership_missing",
                "should",
                "Nothing says who owns the materials and data the partners make together.",
            )
        ],
    ),
    (
        # An ongoing duty says how often instead of a date, and that will do for both checks;
        # a task with neither is named.
        "co_working",
        "roles_and_responsibilities",
        {
            "tasks": [
                {"task": "Plan the route", "owner": 1, "how_often": "every Friday"},
                {"task": "Brief Amina", "owner": 2},
            ]
        },
        [
            (
                "roles.party_without_responsibility",
                "must",
                "PC Dan Morrow has no named task with a date or how often it is done.",
            ),
            (
                "roles.task_incomplete",
                "should",
                'For the task "Brief Amina", fill in "Done by" or "How often".',
            ),
        ],
    ),
]


def test_parental_consent_is_asked_for_only_where_young_people_are_served():
    change = {"parental_consent": None, "young_people": False}
    assert [f.code for f in _findings("partnership", "people_served", change)] == []
    change["young_people"] = None  # unanswered: young people are assumed to be served
    assert [f.code for f in _findings("partnership", "people_served", change)] == [
        "people.parental_consent_missing"
    ]


def _example_clauses(kind):
    return example_clauses(kind, EARLY)


def test_the_missing_pieces_stand_in_the_examples_as_whole_sentences():
    partnership = _example_clauses("partnership")
    assert (
        "\n\nThe work serves the youth work priority of Riverside's CLD plan"
        in (partnership["purpose_and_aims"])
    )
    assert (
        "\n\nThe council's youth diversion fund pays for activities"
        in (partnership["purpose_and_aims"])
    )
    assert (
        "a parent or carer signs a form that gives an emergency contact"
        in (partnership["people_served"])
    )
    assert (
        "\n\nBefore the first session on 15 January 2027, the drop-in staff"
        in (partnership["roles_and_responsibilities"])
    )
    assert (
        "\n\nThe drop-in's name, leaflet and session plans belong to all three partners"
        in (partnership["resources_and_costs"])
    )


def test_ongoing_duties_say_how_often_and_one_off_tasks_carry_a_date():
    roles = _example_clauses("co_working")["roles_and_responsibilities"]
    assert (
        "- Plan the route and write the session record: Amina Shah is responsible, every Friday."
        in roles
    )
    assert "by 8 January 2027" not in roles
    partnership = _example_clauses("partnership")["roles_and_responsibilities"]
    assert "every Friday in term time from 15 January 2027." in partnership
    assert (
        "Eastfield High School is responsible, with help from Riverside Council Youth Team, by 29 January 2027."
        in partnership
    )


def test_job_titles_and_limits_read_as_sentences():
    co_workers = _example_clauses("co_working")["co_workers"]
    assert "works as detached" not in co_workers
    assert (
        "Amina Shah, detached youth worker, works for Riverside Council Youth Team, a statutory service (work mobile 07700 900114)."
        in co_workers
    )
    assert "Their work must allow for being called away to an emergency at any moment and" in (
        co_workers
    )
    partners = _example_clauses("partnership")["partners_and_context"]
    assert "It must allow for a youth work budget fixed until March 2028," in partners
    assert "Its lead contact is Joe Lindsay, Youth Team Manager." in partners


def test_a_partner_with_no_limits_says_so_in_a_sentence():
    parties = CATALOGUE.example_parties
    values = CATALOGUE.validate_fields(
        "partners_and_context",
        {"partners": [{"partner": 1, "org_type": "school", "constraints": ["None."]}]},
        parties,
    )
    text = CATALOGUE.render_clause("partners_and_context", values, parties)
    assert "Riverside Council Youth Team is a school. It has no limits to declare." in text
    assert "allow for" not in text


def test_the_purpose_clause_speaks_in_each_kinds_voice():
    co_working = _example_clauses("co_working")["purpose_and_aims"]
    assert "for funders and our own learning." in co_working
    assert "their dealings" not in co_working
    assert "Both of us have confirmed the statement of purpose." in co_working
    partnership = _example_clauses("partnership")["purpose_and_aims"]
    assert "our own" not in partnership
    assert "for funders and the partners' own learning." in partnership


def test_the_rewritten_sections_are_at_least_a_tenth_shorter_than_before():
    # Words in these sections' example clauses before the rewrite (#13): 2727 and 662.
    words = {
        kind: sum(len(t.split()) for t in _example_clauses(kind).values())
        for kind in ("partnership", "co_working")
    }
    assert words["partnership"] <= 0.9 * 2727, words
    assert words["co_working"] <= 0.9 * 662, words
