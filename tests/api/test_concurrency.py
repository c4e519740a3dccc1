"""Many writers at once over real HTTP: every request lands or gets a 409; none is lost."""

import random
import threading
from collections import Counter

from tests.conftest import http_client, new_user

SECTIONS = ["purpose_and_aims", "roles_and_responsibilities"]
THREADS, STEPS = 6, 12


def test_concurrent_edits_and_approvals_lose_nothing(app, live_server):
    _, owner_token, _ = new_user(app)
    owner = http_client(live_server, owner_token)
    agreement = owner.post(
        "/agreements",
        json={
            "title": "Busy",
            "kind": "partnership",
            "level": "coordination",
            "parties": [{"name": "Youth Team"}, {"name": "Police Unit"}, {"name": "School"}],
        },
    ).json()
    aid = agreement["id"]
    people = [(owner_token, agreement["parties"][0]["id"])]
    for party in agreement["parties"][1:]:
        link = owner.post(
            f"/agreements/{aid}/invitations", json={"party_id": party["id"], "role": "approver"}
        ).json()
        _, token, _ = new_user(app)
        http_client(live_server, token).post("/invitations/accept", json={"token": link["token"]})
        people.append((token, party["id"]))

    results, lock, start = [], threading.Lock(), threading.Barrier(THREADS)

    def worker(n: int):
        token, party = people[n % len(people)]
        caller, rng = http_client(live_server, token), random.Random(n)
        start.wait()
        for i in range(STEPS):
            key = rng.choice(SECTIONS)
            state = caller.get(f"/agreements/{aid}").json()
            revision = next(s for s in state["sections"] if s["key"] == key)["revision"]
            if revision and rng.random() < 0.4:
                response = caller.post(
                    f"/agreements/{aid}/sections/{key}/approvals",
                    json={
                        "party_id": party,
                        "revision_sha256": revision["sha256"],
                        "confirms_authority": True,
                    },
                )
                record = (
                    "approve",
                    key,
                    party,
                    revision["sha256"],
                    response.status_code,
                    response.json(),
                )
            else:
                base = revision["number"] if revision else 0
                text = f"Wording {n}.{i}"
                response = caller.put(
                    f"/agreements/{aid}/sections/{key}", json={"base_revision": base, "text": text}
                )
                record = ("edit", key, base, text, response.status_code, response.json())
            with lock:
                results.append(record)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)

    assert len(results) == THREADS * STEPS
    statuses = Counter(r[4] for r in results)
    assert set(statuses) <= {200, 201, 409}, statuses  # 200: that approval was already given
    assert statuses[409] > 0 or statuses[201] == THREADS * STEPS  # contention is expected

    events = owner.get(f"/agreements/{aid}/events").json()
    assert events["chain"]["valid"]
    revisions = [e["data"]["revision"] for e in events["events"] if e["kind"] == "revision_added"]
    approvals = [e["data"]["approval"] for e in events["events"] if e["kind"] == "approval_given"]
    final = owner.get(f"/agreements/{aid}").json()
    for key in SECTIONS:
        landed = [r for r in results if r[0] == "edit" and r[1] == key and r[4] == 201]
        stored = [r for r in revisions if r["section"] == key]
        # every landed edit is stored, in order 1..n with no gaps, and nothing else is
        assert sorted(r["number"] for r in stored) == list(range(1, len(landed) + 1))
        assert {r["text"] for r in stored} == {r[3] for r in landed}
        # each landed edit was based on the revision just before it
        by_text = {r["text"]: r["number"] for r in stored}
        assert all(by_text[r[3]] == r[2] + 1 for r in landed)
        # a refused edit was stale, and was told the newer current revision
        for r in results:
            if r[0] == "edit" and r[1] == key and r[4] == 409:
                assert r[5]["current"]["number"] > r[2]
        current = next(s for s in final["sections"] if s["key"] == key)
        assert current["revision"]["number"] == len(landed)
    for r in results:
        if r[0] == "approve" and r[4] == 201:
            assert any(
                (a["section"], a["party_id"], a["sha256"]) == (r[1], r[2], r[3]) for a in approvals
            )
        if r[0] == "approve" and r[4] == 409:
            assert r[5]["current"]["sha256"] != r[3]
