"""Field values are checked by type; clauses render user text as data; checks name the party."""

import pytest

from plugin.catalogue import default_catalogue
from plugin.workflow.errors import InvalidInput, NotFound
from plugin.workflow.state import Party

PARTIES = [Party(1, "Youth Team"), Party(2, "Police Unit"), Party(3, "School")]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"lead_partner": "Youth Team"}, "lead_partner"),
        ({"lead_partner": True}, "lead_partner"),
        ({"lead_partner": 9}, "lead_partner"),
        ({"tasks": "do things"}, "tasks"),
        ({"tasks": [{"task": "x", "due": "next week"}]}, "tasks[0].due"),
        (
            {"tasks": [{"task": "x", "responsibility_level": "everyone"}]},
            "tasks[0].responsibility_level",
        ),
        ({"tasks": [{"task": "x", "contributors": [1, 42]}]}, "tasks[0].contributors[1]"),
        ({"tasks": [{"task": "x" * 501}]}, "tasks[0].task"),
        ({"tasks": [{"task": "x", "colour": "red"}]}, "tasks[0].colour"),
        ({"budget": 100}, "budget"),
    ],
)
def test_wrong_values_are_refused_naming_the_field(values, field):
    with pytest.raises(InvalidInput) as caught:
        default_catalogue().validate_fields("roles_and_responsibilities", values, PARTIES)
    assert field in [e["field"] for e in caught.value.extra["errors"]]


def test_values_must_be_an_object():
    with pytest.raises(InvalidInput, match="must be an object"):
        default_catalogue().validate_fields("roles_and_responsibilities", ["a"], PARTIES)


def test_unknown_section_key():
    with pytest.raises(NotFound, match="no section 'budget_lines'"):
        default_catalogue().validate_fields("budget_lines", {}, PARTIES)


def test_user_text_is_data_not_template():
    catalogue = default_catalogue()
    values = catalogue.validate_fields(
        "roles_and_responsibilities",
        {
            "lead_partner": 1,
            "tasks": [{"task": "{{ 7*7 }} {% raw %} & <b>", "owner": 2, "due": "2027-03-31"}],
        },
        PARTIES,
    )
    text = catalogue.render_clause("roles_and_responsibilities", values, PARTIES)
    assert "{{ 7*7 }} {% raw %} & <b>: Police Unit is responsible" in text
    assert (
        "49" not in text
        and "31 March 2027" in text
        and "Youth Team leads and manages the joint work" in text
    )


def test_checks_name_the_party_that_lacks_a_dated_responsibility():
    catalogue = default_catalogue()
    values = catalogue.validate_fields(
        "roles_and_responsibilities",
        {
            "lead_partner": 1,
            "tasks": [
                {"task": "Drop-in", "owner": 1, "due": "2027-01-15"},
                {"task": "Figures", "owner": 2},
            ],
        },
        PARTIES,
    )
    messages = [f.message for f in catalogue.check("roles_and_responsibilities", values, PARTIES)]
    assert "Police Unit has no named task with a date or how often it is done." in messages
    assert "School has no named task with a date or how often it is done." in messages
    assert not any(m.startswith("Youth Team") for m in messages)


def test_example_for_points_only_party_references_at_the_given_parties():
    catalogue = default_catalogue()
    parties = [Party(41, "A"), Party(42, "B"), Party(43, "C")]
    roles = catalogue.example_for("roles_and_responsibilities", parties)
    assert roles["lead_partner"] == 41
    assert [t["owner"] for t in roles["tasks"]] == [41, 42, 43]
    assert roles["tasks"][0]["contributors"] == [42]
    assert roles["tasks"][0]["due"] == "2027-01-15"  # other values untouched
    for key in catalogue.sections:  # every example validates against the new parties
        catalogue.validate_fields(key, catalogue.example_for(key, parties), parties)


def test_missing_placeholder_names_the_fields_by_their_labels():
    from plugin.catalogue.checks import run_checks

    section = default_catalogue().sections["roles_and_responsibilities"]
    check = section.checks[1].model_copy(update={"message": "{item} lacks: {missing}."})
    section = section.model_copy(update={"checks": [check]})
    findings = run_checks(
        section, {"tasks": [{"task": "Drop-in", "owner": None, "due": None}]}, PARTIES
    )
    assert [f.message for f in findings] == [
        'The task "Drop-in" lacks: "Who is responsible" and "Done by" or "How often".'
    ]
