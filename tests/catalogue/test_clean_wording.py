"""No input the forms accept makes a clause read badly: every section is rendered from generated
field values (empty, partial, long, awkward characters) and checked for the artefacts that
partial input used to leave behind."""

import datetime as dt
import re

import pytest
from checks_harness import example_clauses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.catalogue import default_catalogue
from plugin.workflow.state import Party

CATALOGUE = default_catalogue()
PARTIES = [Party(1, "O'Brien & Sons <Youth> Trust"), Party(2, "Zoë Ng"), Party(3, "Police Unit")]

WORD = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCXYZéøłß中文&<>\"'£%/()-0123456789")
    ),
    min_size=1,
    max_size=12,
).filter(lambda w: w.casefold() != "none" and re.search(r"[\w&<>£%]", w))
END = st.sampled_from(["", "", ".", "!", "?", ";", ":", ","])
SEP = st.sampled_from([" ", " ", " ", "\n", "  ", "\t"])


@st.composite
def text(draw, max_words=40):
    words = draw(st.lists(WORD, min_size=1, max_size=max_words))
    out = words[0]
    for word in words[1:]:
        out += draw(SEP) + word
    return (
        draw(st.sampled_from(["", " ", "\n"])) + out + draw(END) + draw(st.sampled_from(["", " "]))
    )


def value(spec):
    kind = spec.type
    if kind in ("text", "longtext"):
        return st.one_of(
            st.none(), st.sampled_from(["", "   "]), text(60 if kind == "longtext" else 8)
        )
    if kind == "date":
        return st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)).map(str))
    if kind == "time":
        return st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M")))
    if kind == "choice":
        return st.one_of(st.none(), st.sampled_from(list(spec.options)))
    if kind == "bool":
        return st.one_of(st.none(), st.booleans())
    if kind == "number":
        return st.one_of(st.none(), st.integers(0, 10_000))
    if kind == "party":
        return st.one_of(st.none(), st.sampled_from([p.id for p in PARTIES]))
    if kind == "parties":
        return st.lists(st.sampled_from([p.id for p in PARTIES]), unique=True, max_size=3)
    if kind == "list":
        return st.lists(st.one_of(st.just(""), text(10)), max_size=3)
    if kind == "records":
        return st.lists(record(spec.fields), max_size=3)
    raise AssertionError(kind)


def record(specs):
    return st.fixed_dictionaries({}, optional={s.key: value(s) for s in specs})


def values(section):
    return st.fixed_dictionaries({}, optional={s.key: value(s) for s in section.fields})


ARTEFACTS = [
    (re.compile(r"\bNone\b"), "a None value"),
    (re.compile(r"(?m)^\s*[-•]\s*[.;:,]?\s*$"), "an empty bullet"),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "'..'"),
    (re.compile(r"[;:,]\.|[.;:,][;,]|[!?]\."), "punctuation doubled"),
    (re.compile(r"[^\S\n]{2,}"), "a double space"),
    (re.compile(r"[^\S\n]+[.,;:!?](?!\w)"), "a space before punctuation"),
    (re.compile(r"(?im)\bif:\s*\n-\s*if\b"), "a dangling 'if: - If'"),
    (re.compile(r"\[\]|\{\{|\}\}"), "empty brackets or template syntax"),
    (re.compile(r"(?m)^[.,;:]"), "a line starting with punctuation"),
    (re.compile(r"(?m)[^\S\n]$"), "a trailing space"),
]


def artefacts(text: str) -> list[str]:
    found = [
        f"{what}: {m.group()!r}" for pattern, what in ARTEFACTS for m in pattern.finditer(text)
    ]
    found += [f"'{p.name}: {p.name}'" for p in PARTIES if f"{p.name}: {p.name}" in text]
    return found


@pytest.mark.parametrize("key", list(CATALOGUE.sections))
def test_every_section_renders_cleanly_from_any_accepted_input(key):
    section = CATALOGUE.sections[key]

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
    )
    @given(values(section))
    def render(raw):
        clean = CATALOGUE.validate_fields(key, raw, PARTIES)
        text = CATALOGUE.render_clause(key, clean, PARTIES)
        assert artefacts(text) == [], text
        for finding in CATALOGUE.check(key, clean, PARTIES):  # findings read cleanly too
            assert not re.search(r"\bNone\b|\{\w*\}|\s[.,;:]", finding.message), finding

    render()


@pytest.mark.parametrize(
    "text",
    [
        "- None: Police Unit is responsible.",
        "The closing report will go to  .",
        "-\n- a",
        "ends..",
        "The partners may end it early if:\n- If funding ends.",
        "Zoë Ng: Zoë Ng",
        "Agreed response:.",
    ],
)
def test_the_artefact_detector_sees_each_artefact(text):
    assert artefacts(text)


# The partial inputs that used to read badly, and what they give now.
REGRESSIONS = [
    (
        "roles_and_responsibilities",
        {"tasks": [{"owner": 3}, {"task": "Run the drop-in", "owner": 3}]},
        "- None:",
        "- Run the drop-in: Police Unit is responsible.",
    ),
    (
        "monitoring_and_evaluation",
        {"report_audience": ["", " "]},
        "go to  .",
        None,
    ),
    (
        "duration_and_ending",
        {"termination_triggers": ["If funding ends.", "", "if a partner leaves"]},
        "if:\n- If",
        "early if:\n- funding ends;\n- a partner leaves.",
    ),
    (
        "code_of_conduct",
        {"behaviour_commitments": ["be on time.", "be kind;"]},
        "..",
        "- be on time;\n- be kind.",
    ),
    (
        "co_workers",
        {"workers": [{"worker": 2, "org_type": "statutory"}]},
        "Zoë Ng is a statutory service",
        "Zoë Ng has not yet recorded a job or organisation.",
    ),
    (
        "information_exchange",
        {"contacts": [{"partner": 2, "person": "Zoë Ng", "role": "youth worker"}]},
        "Zoë Ng: Zoë Ng",
        "- Zoë Ng, youth worker",
    ),
    (
        "escalation_and_disagreement",
        {"escalation_steps": [{"who": "the workers"}, {"step": "Talk."}]},
        "Step 1: .",
        "- Step 1: Talk.",
    ),
]


@pytest.mark.parametrize(("key", "raw", "gone", "now"), REGRESSIONS)
def test_partial_input_that_used_to_read_badly(key, raw, gone, now):
    text = CATALOGUE.render_clause(key, CATALOGUE.validate_fields(key, raw, PARTIES), PARTIES)
    assert gone not in text and artefacts(text) == []
    if now:
        assert now in text


# A sentence that ends in a colon and runs straight into a capital: the form-filled lead-in ("The
# shared purpose of this agreement is: To give ...") that a pasted answer used to follow (#13). A
# list item ("- Step 1: The worker ...") is a list, not a lead-in.
LEAD_IN = re.compile(r":\s+[A-Z]")


@pytest.mark.parametrize("kind", ["partnership", "co_working"])
def test_no_example_paragraph_is_a_lead_in_with_a_colon_before_a_pasted_answer(kind):
    for key, text in example_clauses(kind).items():
        prose = [p for p in text.split("\n") if p.strip() and not p.startswith("- ")]
        assert [p for p in prose if LEAD_IN.search(p)] == [], key
        assert "(responsibility held by" not in text, key
