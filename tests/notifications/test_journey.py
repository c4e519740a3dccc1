"""Three partners through the API: how many messages each receives at each step (invitation,
approval needed, approval reset, change requested, final), and where their links lead."""

from __future__ import annotations

from urllib.parse import urlsplit

import sqlalchemy as sa

from plugin.store.db import get_session
from plugin.store.mail_models import Job
from tests.conftest import create_agreement
from tests.documents.conftest import Partners, approve_all, draft_required


def counts(inbox, *callers) -> list[int]:
    return [len(inbox.to(c.email)) for c in callers]


def new_messages(inbox, caller, before: int):
    return inbox.to(caller.email)[before:]


def test_three_partners_hear_of_each_step_once(app, make_caller, inbox, run_jobs):
    owner, fiona, mark = (
        make_caller("Joe Lindsay"),
        make_caller("Fiona Reid"),
        make_caller("Mark Baird"),
    )
    state = create_agreement(owner)
    parties = state["parties"]

    # Invitations: the product mails the link, and the link lets the invitee join.
    for caller, party in ((fiona, parties[1]), (mark, parties[2])):
        made = owner.post(
            f"/agreements/{state['id']}/invitations",
            json={"party_id": party["id"], "role": "approver", "email": caller.email},
        )
        assert made.status_code == 201, made.json
        caller.invited_url = made.json["url"]
    assert counts(inbox, owner, fiona, mark) == [0, 0, 0]  # nothing leaves inside the request
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == [0, 1, 1]
    for caller in (fiona, mark):
        (message,) = inbox.to(caller.email)
        assert message.recipients == [caller.email]
        assert "invited" in message.subject and state["title"] in message.subject
        assert message.links()[0] == caller.invited_url
        assert caller.invited_url in message.part("html")
        assert message.message["List-Unsubscribe"] is None  # an invitation is not a list
        token = urlsplit(message.links()[0]).fragment.removeprefix("invitation=")
        joined = caller.post("/invitations/accept", json={"token": token})
        assert joined.status_code in (200, 201), joined.json
    partners = Partners(
        state["id"],
        owner,
        {p["id"]: c for p, c in zip(parties, (owner, fiona, mark), strict=True)},
        parties,
    )

    # Drafting every required section: each approver of the other parties is asked, per section.
    draft_required(partners)
    run_jobs()
    sections = [s for s in partners.state()["sections"] if s["revision"]]
    assert counts(inbox, owner, fiona, mark) == [0, 1 + len(sections), 1 + len(sections)]
    asked = new_messages(inbox, fiona, 1)
    assert {m.subject.split(":")[0] for m in asked} == {"Your approval is needed"}
    first = asked[0]
    assert first.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert first.message["List-Unsubscribe"].startswith("<https://localhost:3000/mail/unsubscribe/")
    links = {urlsplit(m.links()[0]).fragment for m in asked}
    assert links == {f"agreement={state['id']}&section={s['key']}" for s in sections}
    assert "&lt;" not in first.part("plain") and "<p>" in first.part("html")

    # Everyone approves: nobody is mailed for that.
    approve_all(partners)
    run_jobs()
    before = counts(inbox, owner, fiona, mark)
    assert before == [0, 1 + len(sections), 1 + len(sections)]

    # The owner changes a section everyone approved: the other two hear their approval was reset.
    key = sections[0]["key"]
    current = owner.get(f"/agreements/{state['id']}/sections/{key}").json
    edited = owner.put(
        f"/agreements/{state['id']}/sections/{key}",
        json={
            "base_revision": current["revision"]["number"],
            "text": current["revision"]["text"] + " Reviewed.",
        },
    )
    assert edited.status_code == 201, edited.json
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == [before[0], before[1] + 1, before[2] + 1]
    for caller in (fiona, mark):
        (reset,) = new_messages(inbox, caller, before[1])
        assert reset.subject.startswith("Your approval was reset")
        assert current["revision"]["text"] not in reset.part("plain")  # no clause text in mail

    # Fiona's party asks for changes: the owner and Mark hear of it, Fiona does not.
    before = counts(inbox, owner, fiona, mark)
    sha = edited.json["revision"]["sha256"] if "revision" in edited.json else edited.json["sha256"]
    asked = fiona.post(
        f"/agreements/{state['id']}/sections/{key}/change-requests",
        json={"party_id": parties[1]["id"], "revision_sha256": sha, "comment": "Name the <lead>."},
    )
    assert asked.status_code == 201, asked.json
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == [before[0] + 1, before[1], before[2] + 1]
    (request,) = new_messages(inbox, owner, before[0])
    assert request.subject.startswith("Changes requested")
    assert "Name the" not in request.part("plain")  # the comment stays in the pane

    # Everyone approves the new wording and the owner finalises: the other two get the files.
    approve_all(partners)
    before = counts(inbox, owner, fiona, mark)
    done = owner.post(f"/agreements/{state['id']}/finalise")
    assert done.status_code == 200, done.json
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == [before[0], before[1] + 1, before[2] + 1]
    (final,) = new_messages(inbox, mark, before[2])
    assert final.subject.startswith("Agreed and final")
    docx_link = next(link for link in final.links() if link.endswith(".docx"))
    got = mark.get(urlsplit(docx_link).path.removeprefix("/api/v1"))
    assert got.status_code == 200 and got.data[:2] == b"PK"

    # Reopened as version 2: the other two hear of it.
    before = counts(inbox, owner, fiona, mark)
    assert owner.post(f"/agreements/{state['id']}/renegotiate").status_code == 200
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == [before[0], before[1] + 1, before[2] + 1]
    assert new_messages(inbox, fiona, before[1])[0].subject.startswith("Reopened as version 2")

    # The invitation links were secrets: once mailed, the job rows no longer hold them.
    with app.app_context():
        kept = get_session().scalars(sa.select(Job.payload).where(Job.kind == "mail")).all()
    assert not any(c.invited_url in str(p) for p in kept for c in (fiona, mark))

    # Running the jobs again sends nothing more: every mail job is done once.
    total = counts(inbox, owner, fiona, mark)
    run_jobs()
    assert counts(inbox, owner, fiona, mark) == total
