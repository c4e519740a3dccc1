"""The checks judge the agreement's dates against today where the agreement is (the app's
clock, fixed in the tests): a next review already past is a `must` finding in the state the
partners draft in, it blocks finalising, and the state's ETag changes with the day."""

from plugin.catalogue import Party, default_catalogue
from tests.api.test_accepted_findings import _approve_all, _join
from tests.conftest import create_agreement

REVIEW = "review_and_revision"


def _codes(caller, aid, key):
    state = caller.get(f"/agreements/{aid}").json
    return {f["code"]: f for s in state["sections"] if s["key"] == key for f in s["findings"]}


def test_a_review_date_that_today_has_passed_is_found_while_drafting_and_blocks_finalising(
    app, make_caller
):
    owner, police, school = make_caller("Joe Lindsay"), make_caller("Fiona Reid"), make_caller()
    agreement = create_agreement(owner, parties=3, level="networking")
    aid, youth, other, third = agreement["id"], *[p["id"] for p in agreement["parties"]]
    _join(owner, agreement, police, other, "approver")
    _join(owner, agreement, school, third, "approver")
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]
    review = default_catalogue().example_for(REVIEW, parties)
    review = {**review, "next_review": "2027-03-10", "change_log": []}
    saved = owner.put(
        f"/agreements/{aid}/sections/{REVIEW}", json={"base_revision": 0, "fields": review}
    )
    assert saved.status_code == 201, saved.json

    app.config["TODAY"] = "2027-03-10"  # the review is today: not yet past
    assert "review.next_review_past" not in _codes(owner, aid, REVIEW)
    before = owner.get(f"/agreements/{aid}").headers["ETag"]

    app.config["TODAY"] = "2027-03-11"  # a day later it is
    late = owner.get(f"/agreements/{aid}", headers={"If-None-Match": before})
    assert late.status_code == 200  # not a 304: the findings depend on the day
    assert late.headers["ETag"] != before
    finding = _codes(owner, aid, REVIEW)["review.next_review_past"]
    assert finding["severity"] == "must"
    assert "10 March 2027" in finding["message"]

    for key in default_catalogue().required_sections("partnership", "networking"):
        if key != REVIEW:
            text = {"text": f"What the partners agree on {key}."}
            done = owner.put(f"/agreements/{aid}/sections/{key}", json={"base_revision": 0, **text})
            assert done.status_code == 201, done.json
    for code in set(_codes(owner, aid, "purpose_and_aims")) & {"aims.no_shared_aim"}:
        reason = {"code": code, "reason": "Networking only."}
        url = f"/agreements/{aid}/sections/purpose_and_aims/accepted-findings"
        assert police.post(url, json=reason).status_code == 201
    _approve_all({youth: owner, other: police, third: school}, aid)
    blocked = owner.post(f"/agreements/{aid}/finalise")
    assert blocked.status_code == 409
    assert any("review.next_review_past" in m for m in blocked.json["missing"]), blocked.json

    app.config["TODAY"] = "2027-03-01"  # the same agreement, judged before the review date
    assert "review.next_review_past" not in _codes(owner, aid, REVIEW)
