"""One name for the agreement everywhere: the section that opens it reads the agreement's own
title (given when it was started) and never takes another, whatever a client sends."""

import pytest

from plugin.catalogue import default_catalogue
from tests.conftest import create_agreement


@pytest.mark.parametrize(
    ("kind", "key", "parties"),
    [("partnership", "partners_and_context", 3), ("co_working", "co_workers", 2)],
)
def test_the_opening_clause_names_the_agreement_by_its_own_title(make_caller, kind, key, parties):
    owner = make_caller("Joe Lindsay")
    agreement = create_agreement(owner, parties=parties, kind=kind, title="Friday drop-in & walk")
    url = f"/agreements/{agreement['id']}/sections/{key}"
    spec = next(f for f in default_catalogue().section(key).fields if f.key == "agreement_title")
    assert spec.from_agreement == "title"  # the pane shows it and asks nothing

    fresh = owner.get(url).json  # the form opens with the title already in it
    assert fresh["fields"]["agreement_title"] == "Friday drop-in & walk"
    preview = owner.post(f"{url}/preview", json={"fields": {"agreement_title": "Another name"}})
    assert '"Friday drop-in & walk"' in preview.json["text"]
    saved = owner.put(url, json={"base_revision": 0, "fields": {"agreement_title": "Another name"}})
    assert saved.status_code == 201, saved.json
    section = owner.get(url).json
    assert section["fields"]["agreement_title"] == "Friday drop-in & walk"
    assert '"Friday drop-in & walk"' in section["revision"]["text"]
    assert "Another name" not in section["revision"]["text"]
