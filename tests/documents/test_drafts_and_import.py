"""Draft download and read-back over the API: real .docx files opened with python-docx."""

from plugin.workflow.text import text_sha256
from tests.documents.conftest import (
    NS,
    approve_all,
    binding,
    control_text,
    control_title,
    controls,
    document_order,
    draft_required,
    open_docx,
    save,
    set_control_text,
    upload,
)

PURPOSE, ROLES = "purpose_and_aims", "roles_and_responsibilities"


def _section(state, key):
    return next(s for s in state["sections"] if s["key"] == key)


def test_draft_has_each_section_tagged_titled_bound_and_escaped(partners):
    draft_required(partners)
    text = 'Aims & measures: <b>not markup</b> "quoted"\n\n- first & second\n- third'
    saved = partners.owner.put(
        f"/agreements/{partners.id}/sections/{PURPOSE}",
        json={"base_revision": 1, "text": text},
    )
    assert saved.status_code == 201
    youth = partners.parties[0]["id"]
    approve = partners.owner.post(
        f"/agreements/{partners.id}/sections/{ROLES}/approvals",
        json={
            "party_id": youth,
            "revision_sha256": _section(partners.state(), ROLES)["revision"]["sha256"],
            "confirms_authority": True,
        },
    )
    assert approve.status_code == 201

    response = partners.owner.get(f"/agreements/{partners.id}/document.docx")
    assert response.status_code == 200
    assert response.content_type.startswith("application/vnd.openxmlformats")
    assert "attachment" in response.headers["Content-Disposition"]
    document = open_docx(response.data)
    state = partners.state()

    found = controls(document)
    required = [s for s in state["sections"] if s["required"]]
    assert list(found) == document_order(required)  # the short core, then the annexes
    for section in required:
        assert control_title(found[section["key"]]) == section["title"]
        assert text_sha256(control_text(found[section["key"]])) == section["revision"]["sha256"]
    assert control_text(found[PURPOSE]) == text  # & < > " come out as typed

    part = binding(document)
    assert part.tag == f"{{{NS}}}agreement"
    assert part.get("id") == str(partners.id) and part.get("version") == "1"
    assert part.get("origin") == "https://localhost:3000" and part.get("status") == "draft"
    marks = {m.get("key"): m for m in part}
    assert marks[PURPOSE].get("revision") == "2"
    assert marks[PURPOSE].get("sha256") == _section(state, PURPOSE)["revision"]["sha256"]

    words = "\n".join(p.text for p in document.paragraphs)
    assert "Draft for discussion" in words and "not a legally binding contract" in words
    assert "statutory duties" in words
    assert "Once every partner has approved every section online" in words
    assert "Each partner approved every section" not in words
    assert "Revision 1 · approved by Riverside Council Youth Team · awaiting" in words
    assert "Eastfield Community Police Unit" in words
    assert "DRAFT" in document.sections[0].header.paragraphs[0].text
    footer = document.sections[0].footer._element.xml
    assert 'w:instr=" PAGE "' in footer


def test_draft_download_is_conditional_on_the_state_etag(partners):
    path = f"/agreements/{partners.id}/document.docx"
    first = partners.owner.get(path)
    tag = first.headers["ETag"]
    assert tag == partners.owner.get(f"/agreements/{partners.id}").headers["ETag"]
    again = partners.owner.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.data
    partners.owner.put(
        f"/agreements/{partners.id}/sections/{PURPOSE}",
        json={"base_revision": 0, "text": "New aims."},
    )
    changed = partners.owner.get(path, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag


def test_download_edit_two_sections_upload_makes_two_revisions(partners):
    draft_required(partners)
    approve_all(partners)
    before = partners.state()
    assert all(s["approved_by_all"] for s in before["sections"] if s["revision"])

    document = open_docx(partners.owner.get(f"/agreements/{partners.id}/document.docx").data)
    found = controls(document)
    set_control_text(found[PURPOSE], "The partners aim to run a Friday drop-in & café.")
    set_control_text(found[ROLES], "Each partner names one lead worker <by March>.")
    editor = partners.callers[partners.parties[1]["id"]]
    answer = upload(editor, f"/agreements/{partners.id}/import", save(document))
    assert answer.status_code == 200, answer.json
    outcomes = {s["key"]: s["outcome"] for s in answer.json["sections"]}
    assert answer.json["created"] == 2
    assert outcomes[PURPOSE] == outcomes[ROLES] == "updated"
    assert {k for k, v in outcomes.items() if v != "unchanged"} == {PURPOSE, ROLES}

    after = partners.state()
    for section in after["sections"]:
        old = _section(before, section["key"])
        if section["key"] in (PURPOSE, ROLES):
            assert section["revision"]["number"] == old["revision"]["number"] + 1
            assert section["revision"]["source"] == "import"
            assert not section["approved_by_all"]
            assert not any(a["current"] for a in section["approvals"])
        elif old["revision"]:
            assert section["revision"]["number"] == old["revision"]["number"]
            assert section["approved_by_all"]
    assert _section(after, PURPOSE)["revision"]["text"] == (
        "The partners aim to run a Friday drop-in & café."
    )
    assert _section(after, ROLES)["revision"]["text"] == (
        "Each partner names one lead worker <by March>."
    )


def test_import_reports_conflicts_and_missing_sections_and_overwrites_nothing(partners):
    draft_required(partners)
    document = open_docx(partners.owner.get(f"/agreements/{partners.id}/document.docx").data)
    # Meanwhile a partner changes the purpose in the pane.
    moved = partners.owner.put(
        f"/agreements/{partners.id}/sections/{PURPOSE}",
        json={"base_revision": 1, "text": "Aims agreed at the meeting."},
    )
    assert moved.status_code == 201
    found = controls(document)
    set_control_text(found[PURPOSE], "Offline wording of the aims.")
    found[ROLES].getparent().remove(found[ROLES])
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", save(document))
    assert answer.status_code == 200, answer.json
    outcomes = {s["key"]: s for s in answer.json["sections"]}
    assert (
        outcomes[PURPOSE]["outcome"] == "conflict" and "revision 1" in outcomes[PURPOSE]["detail"]
    )
    assert outcomes[ROLES]["outcome"] == "missing"
    assert answer.json["created"] == 0
    state = partners.state()
    assert _section(state, PURPOSE)["revision"]["text"] == "Aims agreed at the meeting."
    assert _section(state, ROLES)["revision"]["number"] == 1


def test_a_new_section_written_offline_becomes_revision_one(partners):
    document = open_docx(partners.owner.get(f"/agreements/{partners.id}/document.docx").data)
    found = controls(document)
    assert control_text(found[PURPOSE]) == ""  # required, no text yet: a place to write
    set_control_text(found[PURPOSE], "Written in Word.")
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", save(document))
    assert answer.status_code == 200
    assert {s["key"]: s["outcome"] for s in answer.json["sections"]}[PURPOSE] == "updated"
    assert _section(partners.state(), PURPOSE)["revision"]["text"] == "Written in Word."


def test_viewers_cannot_import(app, partners, make_caller):
    from plugin.store.db import get_session
    from plugin.store.models import Member

    viewer = make_caller("Val Viewer")
    with app.app_context():
        session = get_session()
        session.add(
            Member(
                agreement_id=partners.id,
                user_id=viewer.id,
                party_id=partners.parties[0]["id"],
                role="viewer",
            )
        )
        session.commit()
    content = viewer.get(f"/agreements/{partners.id}/document.docx").data
    answer = upload(viewer, f"/agreements/{partners.id}/import", content)
    assert answer.status_code == 403
    assert answer.content_type == "application/problem+json"


def test_a_multipart_upload_works_too(partners):
    content = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    import io

    answer = partners.owner.post(
        f"/agreements/{partners.id}/import",
        data={"file": (io.BytesIO(content), "agreement.docx")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 200 and answer.json["created"] == 0
