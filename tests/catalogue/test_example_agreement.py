"""Both example agreements (three partner organisations; two co-workers) are complete, have no
findings, and render as one agreement: the short core first, then the annexes."""

import re

import pytest

from plugin.catalogue import default_catalogue
from plugin.catalogue.preview import core_of, example_agreement, page_estimate


def _example(kind):
    catalogue = default_catalogue()
    return catalogue, *catalogue.example_fields(kind)


@pytest.mark.parametrize("kind", ["partnership", "co_working"])
def test_examples_are_complete_and_render(kind, tmp_path):
    catalogue, parties, fields = _example(kind)
    findings = catalogue.findings(kind, fields, parties)
    assert {k: [f.message for f in v] for k, v in findings.items() if v} == {}
    for section in catalogue.sections_for(kind):
        empty = catalogue.validate_fields(section.key, {}, parties)
        assert catalogue.check(section.key, empty, parties), f"{section.key}: no check fires"
    text = example_agreement(kind)
    (tmp_path / f"example-{kind}.txt").write_text(text)
    for section in catalogue.sections_for(kind):
        assert re.search(rf"\n(Annex \d+: )?{re.escape(section.title)}\n", text), section.key
    for party in parties:
        assert text.count(party.name) >= 5
    assert not re.search(r"\bNone\b(?! of)", text), "a None value leaked into the text"
    assert "{{" not in text and "[]" not in text
    for party in parties:
        assert f"{party.name}: {party.name}" not in text
    # The core comes first; in a partnership it is well under two thirds of the whole (a short
    # co-working agreement is mostly the essentials that OU 3.2 asks of workers side by side).
    assert "Annex 1:" in text
    if kind == "partnership":
        assert page_estimate(core_of(text)) < 0.65 * page_estimate(text)


def test_co_workers_are_never_spoken_of_as_organisations():
    text = example_agreement("co_working")
    assert "Amina Shah is a statutory service" not in text
    assert "works as detached" not in text  # a job title takes its article, or stands apart
    assert "Amina Shah, detached youth worker, works for Riverside Council Youth Team" in text
    assert "Each partner has confirmed" not in text and "what it understands" not in text


def test_every_section_is_core_or_annex_and_every_requirement_cites_a_source():
    catalogue = default_catalogue()
    assert {s.part for s in catalogue.sections.values()} == {"core", "annex"}
    for section in catalogue.sections.values():
        for rule in section.requires:
            assert rule.source and rule.why
