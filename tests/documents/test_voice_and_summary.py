"""The document's own parts speak as the kind does (#13): a co-working agreement of the workers,
a partnership of the partners; the summary is read from the sections' fields; times are shown in
the agreement's time zone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from plugin import create_app
from plugin.documents.certificate import human_time, short_name
from plugin.documents.check import example_data
from plugin.documents.render import render, template_path
from plugin.documents.summary import summary_lines
from tests.documents.conftest import W, open_docx


def own_words(content: bytes) -> str:
    """Everything the document says outside the clauses (the content controls): title block,
    summary, contents, headings, signing page, certificate, header and footer."""
    document = open_docx(content)
    body = document.element.body
    lines = [
        "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
        for p in body.iter(f"{{{W}}}p")
        if next(p.iterancestors(f"{{{W}}}sdt"), None) is None
    ]
    for part in (document.sections[0].header, document.sections[0].footer):
        lines += [p.text for p in part.paragraphs]
    return "\n".join(lines)


NAME = st.text(
    alphabet=st.characters(categories=("L",), max_codepoint=0x17F), min_size=2, max_size=12
).filter(lambda s: "partner" not in s.lower())


@settings(max_examples=6, deadline=None, phases=[Phase.generate])
@given(first=NAME, surname=NAME, job=NAME, final=st.booleans())
def test_a_co_working_document_speaks_of_the_workers(first, surname, job, final):
    data = example_data("co_working", final=final)
    person = f"{first} {surname}"
    data = dataclasses.replace(
        data,
        approvals=tuple(dataclasses.replace(a, name=person, job_title=job) for a in data.approvals),
    )
    words = own_words(render(data, template_path("co_working")))
    organisations = ["Riverside Council Youth Team", "Eastfield Community Police Unit"]
    for name in organisations:
        words = words.replace(name, "")
    assert "partner" not in words.lower()
    assert "Level of working together" not in words
    assert "Workers" in words and ("Signed for the workers" in words)
    if final:
        assert "Every worker approved every section" in words
        assert f"{person}, {job}" in words  # the signing page names the approver


def test_a_partnership_speaks_of_the_partners_and_shows_its_level():
    words = own_words(render(example_data("partnership"), template_path("partnership")))
    assert "Level of working together: Cooperation" in words
    assert "Every partner approved every section" in words and "Signed for the partners" in words
    assert "Every worker" not in words and "the workers" not in words.replace("(the workers", "")


FIELDS = {
    "partners_and_context": {
        "start_date": "2027-01-04",
        "partners": [
            {"partner": 7, "contact_name": "Joe Lindsay", "contact_role": "Youth Team Manager"},
            {"partner": 8, "contact_name": "", "contact_role": ""},
        ],
    },
    "purpose_and_aims": {"purpose_statement": "A safe place on Friday evenings."},
    "duration_and_ending": {"end_date": "2027-12-31", "open_ended": False},
    "review_and_revision": {"next_review": "2027-06-25", "review_frequency": "termly"},
    "escalation_and_disagreement": {
        "escalation_steps": [{"step": "Talk it through", "who": "the workers", "timescale": ""}],
        "delivery_managers": [{"manager": "Joe Lindsay", "role": "Youth Team Manager"}],
    },
}


def test_the_summary_reads_the_fields():
    lines = summary_lines("partnership", "partners", ["Youth Team", "Police"], FIELDS, NAMES)
    assert lines == [
        {"label": "Partners", "text": "Youth Team and Police"},
        {"label": "What for", "text": "A safe place on Friday evenings."},
        {"label": "When", "text": "From 4 January 2027 to 31 December 2027"},
        {"label": "Contacts", "text": "Youth Team: Joe Lindsay, Youth Team Manager"},
        {"label": "Next review", "text": "25 June 2027; then reviewed each term"},
        {
            "label": "If things go wrong",
            "text": "Talk it through (the workers). Then the managers: Joe Lindsay, Youth Team "
            "Manager.",
        },
    ]


NAMES = {7: "Youth Team", 8: "Police"}


@pytest.mark.parametrize(
    ("leave_out", "gone"),
    [
        ("purpose_and_aims", "What for"),
        ("review_and_revision", "Next review"),
        ("escalation_and_disagreement", "If things go wrong"),
        ("partners_and_context", "Contacts"),
    ],
)
def test_a_summary_line_without_its_facts_is_left_out(leave_out, gone):
    fields = {k: v for k, v in FIELDS.items() if k != leave_out}
    lines = summary_lines("partnership", "partners", ["Youth Team", "Police"], fields, NAMES)
    assert gone not in [line["label"] for line in lines]
    assert all(line["text"].strip() for line in lines)


def test_an_open_ended_agreement_says_so():
    fields = {**FIELDS, "duration_and_ending": {"open_ended": True, "end_date": "2027-12-31"}}
    lines = summary_lines("partnership", "partners", ["Youth Team", "Police"], fields, NAMES)
    assert {"label": "When", "text": "From 4 January 2027, with no set end date"} in lines


@pytest.mark.parametrize(
    ("moment", "zone", "shown"),
    [
        (dt.datetime(2026, 12, 4, 10, 15), "Europe/London", "4 Dec 2026, 10:15 GMT"),
        (dt.datetime(2027, 6, 1, 9, 15), "Europe/London", "1 Jun 2027, 10:15 BST"),
        (dt.datetime(2027, 6, 1, 9, 15), "Asia/Kolkata", "1 Jun 2027, 14:45 IST"),
        (dt.datetime(2027, 6, 1, 9, 15), "Etc/GMT-3", "1 Jun 2027, 12:15 UTC+03:00"),
    ],
)
def test_times_are_shown_in_the_agreements_time_zone(moment, zone, shown):
    assert human_time(moment, zone) == shown


def test_the_certificate_uses_the_time_zone_it_is_given():
    data = dataclasses.replace(example_data("co_working"), time_zone="America/New_York")
    words = own_words(render(data, template_path("co_working")))
    assert re.search(r"on 5 Jan 2027, 04:30 EST\.", words), words[-800:]


def test_an_unknown_time_zone_stops_the_app_starting(tmp_path):
    with pytest.raises(RuntimeError, match="PA_TIME_ZONE"):
        create_app({"TIME_ZONE": "Mars/Olympus", "DATABASE_URL": f"sqlite:///{tmp_path}/a.db"})


@pytest.mark.parametrize(
    ("name", "short"),
    [("Joe Lindsay", "J. Lindsay"), ("Inspector Fiona Reid", "F. Reid"), ("Cher", "Cher")],
)
def test_the_grid_names_people_shortly(name, short):
    assert short_name(name) == short
