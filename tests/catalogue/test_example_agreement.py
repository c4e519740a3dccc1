"""Every section's example, rendered for a three-party agreement, reads as one agreement."""

import re

from plugin.catalogue import default_catalogue
from plugin.catalogue.preview import example_agreement


def test_examples_are_complete_and_render(tmp_path):
    catalogue = default_catalogue()
    parties = catalogue.example_parties
    for section in catalogue.sections.values():
        values = catalogue.validate_fields(section.key, section.example, parties)
        assert catalogue.check(section.key, values, parties) == [], section.key
        empty = catalogue.validate_fields(section.key, {}, parties)
        assert catalogue.check(section.key, empty, parties), (
            f"{section.key} has no checks that fire"
        )
    text = example_agreement()
    (tmp_path / "example-agreement.txt").write_text(text)
    for section in catalogue.sections.values():
        assert f"\n{section.title}\n" in text
    for party in parties:
        assert text.count(party.name) >= 5
    assert not re.search(r"\bNone\b(?! of)", text), "a None value leaked into the text"
    assert "{{" not in text and "[]" not in text
