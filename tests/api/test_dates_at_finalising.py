"""Finalising judges the agreement's dates against today, where the agreement is: a review date
already past blocks it (the 409 names it). Drafting never sees these findings: they are about
the day of signing."""

from plugin.catalogue import Party, default_catalogue
from tests.api.test_accepted_findings import _approve_all, _join
from tests.conftest import create_agreement

REVIEW = "review_and_revision"
AIMS = "purpose_and_aims"


def test_a_review_date_already_past_blocks_finalising(make_caller):
    owner, police, school = make_caller("Joe Lindsay"), make_caller("Fiona Reid"), make_caller()
    agreement = create_agreement(owner, parties=3, level="networking")
    aid, youth = agreement["id"], agreement["parties"][0]["id"]
    other, third = agreement["parties"][1]["id"], agreement["parties"][2]["id"]
    _join(owner, agreement, police, other, "approver")
    _join(owner, agreement, school, third, "approver")
    url = f"/agreements/{aid}/sections"
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]
    review = default_catalogue().example_for(REVIEW, parties)
    review = {**review, "next_review": "2020-01-15", "change_log": []}
    drafts = {
        "people_served": {"fields": {"young_people": False, "target_groups": ["residents"]}},
        "partners_and_context": {"text": "The partners and their context."},
        "relationship_level": {"text": "We network."},
        "information_exchange": {"text": "We pass on term dates."},
        AIMS: {"text": "We keep residents informed."},
        REVIEW: {"fields": review},
    }
    for key, body in drafts.items():
        saved = owner.put(f"{url}/{key}", json={"base_revision": 0, **body})
        assert saved.status_code == 201, saved.json
    codes = [
        f["code"] for s in owner.get(f"/agreements/{aid}").json["sections"] for f in s["findings"]
    ]
    assert "review.next_review_past" not in codes  # a draft is not judged against today
    for code in {"aims.no_shared_aim"} & set(codes):
        reason = {"code": code, "reason": "Networking only: no shared aim beyond the purpose."}
        assert police.post(f"{url}/{AIMS}/accepted-findings", json=reason).status_code == 201
    _approve_all({youth: owner, other: police, third: school}, aid)

    blocked = owner.post(f"/agreements/{aid}/finalise")
    assert blocked.status_code == 409
    assert any("review.next_review_past" in m for m in blocked.json["missing"]), blocked.json
    assert owner.get(f"/agreements/{aid}").json["status"] == "drafting"
