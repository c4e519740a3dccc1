"""The voice of each kind (#13): a co-working agreement speaks of its workers as "we", never of
"the partners"; a partnership speaks of the partners."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from test_clean_wording import values

from plugin.catalogue import default_catalogue
from plugin.catalogue.clauses import voice
from plugin.workflow.state import Party

CATALOGUE = default_catalogue()
# An organisation may have "partner" in its own name; that is the only place it may appear.
WORKERS = [Party(1, "Amina Shah"), Party(2, "Partners in Play Trust"), Party(3, "Zoë Ng")]
PARTNER = re.compile(r"partner", re.IGNORECASE)


def _without_names(text: str, raw: dict) -> str:
    for party in WORKERS:
        text = text.replace(party.name, "")
    return text


def _typed(value) -> list[str]:
    """Every string in a section's values, however deeply its lists and records nest them."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [t for v in value.values() for t in _typed(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _typed(v)]
    return []


@pytest.mark.parametrize("key", [s.key for s in CATALOGUE.sections_for("co_working")])
def test_a_co_working_clause_never_speaks_of_partners(key):
    section = CATALOGUE.sections[key]

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
    )
    @given(values(section))
    def render(raw):
        clean = CATALOGUE.validate_fields(key, raw, WORKERS)
        text = CATALOGUE.render_clause(key, clean, WORKERS, "co_working")
        # What the user typed may say "partner" (generated text can): take it out, at any depth.
        ours = " ".join(_without_names(text, raw).split())  # white space as the clause folds it
        for typed in sorted(_typed(clean), key=len, reverse=True):
            if PARTNER.search(typed):
                folded = " ".join(typed.split())
                # A list item's own closing mark gives way to the clause's ("x;" reads "x.").
                for form in (folded, folded.rstrip(" .;,:!?")):
                    ours = ours.replace(form, "")
        assert PARTNER.findall(ours) == [], text

    render()


def test_the_co_working_example_reads_in_the_first_person():
    parties = CATALOGUE.examples["co_working"]["parties"]
    for section in CATALOGUE.sections_for("co_working"):
        values_ = CATALOGUE.validate_fields(
            section.key, CATALOGUE.example_for(section.key, parties, "co_working"), parties
        )
        text = CATALOGUE.render_clause(section.key, values_, parties, "co_working")
        assert not PARTNER.search(text), (section.key, text)
        assert not PARTNER.search(section.title), section.title


def test_a_partnership_still_speaks_of_the_partners():
    assert voice("partnership")["We"] == "The partners"
    assert voice("co_working")["We"] == "We"
    parties = CATALOGUE.example_parties
    values_ = CATALOGUE.validate_fields(
        "meetings_and_communication",
        CATALOGUE.example_for("meetings_and_communication", parties, "partnership"),
        parties,
    )
    assert "partners" in CATALOGUE.render_clause(
        "meetings_and_communication", values_, parties, "partnership"
    )
