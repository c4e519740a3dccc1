"""Importing a .docx that has lost its binding part (a Google Docs export, a retyped copy):
sections are matched by heading and reported one by one; a changed section waits for the
caller to confirm the revision it replaces. Real drafts made by the product, stripped of their
custom XML part, content controls and bookmarks."""

from __future__ import annotations

import io
import zipfile

import docx
from jsonschema import Draft202012Validator

from tests.documents.conftest import (
    approve_all,
    draft_required,
    open_docx,
    save,
    strip_markers,
    upload,
)

PURPOSE, ROLES = "purpose_and_aims", "roles_and_responsibilities"
NEW_LINE = "We meet on Fridays at the youth centre."


def _section(state: dict, key: str) -> dict:
    return next(s for s in state["sections"] if s["key"] == key)


def _changes(partners) -> str:
    """The agreement's ETag, which moves with every change to it."""
    return partners.owner.get(f"/agreements/{partners.id}").headers["ETag"]


def _bare_draft(partners, replace: tuple[str, str] | None = None) -> bytes:
    draft = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    bare = strip_markers(draft, replace, drop_binding=True)
    with zipfile.ZipFile(io.BytesIO(bare)) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml")
    assert not any(name.startswith("customXml/") for name in names)
    assert b"<w:sdt>" not in body and b"bookmarkStart" not in body
    open_docx(bare)  # still a document Word's readers open
    return bare


def _edited(partners) -> tuple[bytes, str]:
    """The bare draft with the first line of the aims retyped, and the line it replaced."""
    line = _section(partners.state(), PURPOSE)["revision"]["text"].split("\n")[0]
    return _bare_draft(partners, (line, NEW_LINE)), line


def _import(partners, content: bytes, *confirm: str, caller=None, **kwargs):
    return upload(
        caller or partners.owner,
        f"/agreements/{partners.id}/import",
        content,
        query_string=[("confirm", value) for value in confirm],
        **kwargs,
    )


def test_an_unchanged_document_without_binding_is_matched_by_heading_section_by_section(
    partners,
):
    draft_required(partners)
    approve_all(partners)
    before, unchanged = partners.state(), _changes(partners)
    drafted = {s["key"] for s in before["sections"] if s["revision"]}

    answer = _import(partners, _bare_draft(partners))
    assert answer.status_code == 200, answer.json
    assert answer.json["bound"] is False and answer.json["created"] == 0
    sections = {s["key"]: s for s in answer.json["sections"]}
    assert set(sections) == drafted  # every drafted section is in the report
    for key in drafted:
        assert sections[key]["outcome"] == "unchanged", sections[key]
        assert sections[key]["found_by"] == "heading"
        assert sections[key]["revision"] == _section(before, key)["revision"]["number"]
        assert sections[key]["confirm"] is None
    assert answer.json["other_headings"] == []  # the product's own headings name no section
    assert _changes(partners) == unchanged


def test_an_edited_sentence_waits_for_confirmation_then_makes_one_revision(partners):
    draft_required(partners)
    approve_all(partners)
    before, unchanged = partners.state(), _changes(partners)
    number = _section(before, PURPOSE)["revision"]["number"]
    edited, _ = _edited(partners)

    answer = _import(partners, edited)
    assert answer.status_code == 200, answer.json
    assert answer.json["created"] == 0
    sections = {s["key"]: s for s in answer.json["sections"]}
    assert {k for k, s in sections.items() if s["outcome"] != "unchanged"} == {PURPOSE}
    purpose = sections[PURPOSE]
    assert purpose["outcome"] == "base_unknown" and purpose["found_by"] == "heading"
    assert purpose["revision"] == number and purpose["confirm"] == f"{PURPOSE}:{number}"
    assert "nothing was saved" in purpose["detail"]
    after_report = partners.state()
    assert _changes(partners) == unchanged
    assert _section(after_report, PURPOSE)["approved_by_all"]

    confirmed = _import(partners, edited, purpose["confirm"])
    assert confirmed.status_code == 200, confirmed.json
    assert confirmed.json["created"] == 1
    sections = {s["key"]: s for s in confirmed.json["sections"]}
    assert sections[PURPOSE]["outcome"] == "updated"
    assert sections[PURPOSE]["revision"] == number + 1
    assert {k for k, s in sections.items() if s["outcome"] != "unchanged"} == {PURPOSE}
    after = partners.state()
    revision = _section(after, PURPOSE)["revision"]
    assert revision["number"] == number + 1 and revision["source"] == "import"
    assert revision["text"].split("\n")[0] == NEW_LINE
    assert not _section(after, PURPOSE)["approved_by_all"]
    for section in after["sections"]:  # nothing else moved
        if section["key"] != PURPOSE and section["revision"]:
            old = _section(before, section["key"])["revision"]
            assert section["revision"]["number"] == old["number"]
            assert section["approved_by_all"]


def test_a_confirmation_the_section_moved_past_is_refused_with_the_current_revision(partners):
    draft_required(partners)
    edited, _ = _edited(partners)
    number = _section(partners.state(), PURPOSE)["revision"]["number"]
    report = _import(partners, edited)
    confirm = next(s for s in report.json["sections"] if s["key"] == PURPOSE)["confirm"]
    assert confirm == f"{PURPOSE}:{number}"
    # Meanwhile a partner changes the aims in the pane.
    moved = partners.owner.put(
        f"/agreements/{partners.id}/sections/{PURPOSE}",
        json={"base_revision": number, "text": "Aims agreed at the meeting."},
    )
    assert moved.status_code == 201
    counter = _changes(partners)

    stale = _import(partners, edited, confirm)
    assert stale.status_code == 409
    assert stale.content_type == "application/problem+json"
    assert stale.json["current"]["number"] == number + 1
    assert stale.json["current"]["text"] == "Aims agreed at the meeting."
    state = partners.state()
    assert _changes(partners) == counter
    assert _section(state, PURPOSE)["revision"]["text"] == "Aims agreed at the meeting."


def test_a_missing_heading_and_a_heading_naming_no_section_are_reported(partners):
    draft_required(partners)
    document = open_docx(_bare_draft(partners))
    roles_title = _section(partners.state(), ROLES)["title"]
    heading = next(
        p for p in document.paragraphs if p.style.name == "Heading 1" and roles_title in p.text
    )
    heading.text = "Notes from the first meeting"  # the roles' heading, retyped as another
    extra = document.add_paragraph("Parking arrangements", "Heading 1")
    extra.insert_paragraph_before("Text before the parking heading.")
    document.add_paragraph("Use the school car park after six.")
    before, unchanged = partners.state(), _changes(partners)

    answer = _import(partners, save(document))
    assert answer.status_code == 200, answer.json
    sections = {s["key"]: s for s in answer.json["sections"]}
    assert sections[ROLES]["outcome"] == "missing" and sections[ROLES]["found_by"] is None
    assert sections[ROLES]["revision"] == _section(before, ROLES)["revision"]["number"]
    assert answer.json["other_headings"] == [
        "Notes from the first meeting",
        "Parking arrangements",
    ]
    assert answer.json["created"] == 0
    assert _changes(partners) == unchanged


def test_a_section_with_no_text_yet_also_waits_for_confirmation(partners):
    draft_required(partners)
    document = open_docx(_bare_draft(partners))
    # A section nobody has written yet in this agreement: add its heading and a clause.
    state = partners.state()
    unwritten = next(s for s in state["sections"] if not s["revision"])
    document.add_paragraph(unwritten["title"], "Heading 1")
    document.add_paragraph("Written in a copy without its binding.")

    answer = _import(partners, save(document))
    assert answer.status_code == 200, answer.json
    outcome = next(s for s in answer.json["sections"] if s["key"] == unwritten["key"])
    assert outcome["outcome"] == "base_unknown" and outcome["confirm"] == f"{unwritten['key']}:0"
    assert answer.json["created"] == 0

    confirmed = _import(partners, save(document), outcome["confirm"])
    assert confirmed.status_code == 200 and confirmed.json["created"] == 1
    revision = _section(partners.state(), unwritten["key"])["revision"]
    assert revision["number"] == 1 and revision["source"] == "import"
    assert revision["text"] == "Written in a copy without its binding."


def _refused(answer, status: int = 422) -> None:
    assert answer.status_code == status, answer.json
    assert answer.content_type == "application/problem+json"


def test_a_document_with_no_recognisable_heading_is_refused_and_changes_nothing(partners):
    draft_required(partners)
    unchanged = _changes(partners)
    document = docx.Document()
    document.add_paragraph("Minutes of the partners' meeting", "Heading 1")
    document.add_paragraph("We agreed to meet on Fridays.")
    answer = _import(partners, save(document))
    _refused(answer)
    assert "none of this agreement's section headings" in answer.json["detail"]
    assert _changes(partners) == unchanged


def test_bad_confirmations_are_refused_and_change_nothing(partners):
    draft_required(partners)
    edited, _ = _edited(partners)
    number = _section(partners.state(), PURPOSE)["revision"]["number"]
    counter = _changes(partners)
    for confirm in (
        ("purpose_and_aims",),  # no revision
        ("Purpose:1",),  # not a key
        (f"{PURPOSE}:{number}", f"{PURPOSE}:{number + 1}"),  # twice
        ("no_such_section:0",),  # not a section of this agreement
    ):
        _refused(_import(partners, edited, *confirm))
    bound = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    answer = _import(partners, bound, f"{PURPOSE}:{number}")  # a bound file names its bases
    _refused(answer)
    assert "nothing to confirm" in answer.json["detail"]
    assert _changes(partners) == counter


def test_an_idempotency_key_is_not_replayed_for_another_confirmation(partners):
    draft_required(partners)
    edited, _ = _edited(partners)
    number = _section(partners.state(), PURPOSE)["revision"]["number"]
    key = {"Idempotency-Key": "unbound-import-1"}
    first = _import(partners, edited, headers=key)
    assert first.status_code == 200 and first.json["created"] == 0
    # The same key with a confirmation is another request, not a replay of the report.
    other = _import(partners, edited, f"{PURPOSE}:{number}", headers=key)
    _refused(other)
    assert "already used for a different request" in other.json["detail"]
    assert _section(partners.state(), PURPOSE)["revision"]["number"] == number


def test_the_answer_and_the_confirm_parameter_are_in_the_openapi_document(partners, client):
    spec = client.get("/api/v1/openapi.json").json
    operation = spec["paths"]["/api/v1/agreements/{agreement_id}/import"]["post"]
    confirm = next(p for p in operation["parameters"] if p["name"] == "confirm")
    assert confirm["in"] == "query" and confirm["schema"]["type"] == "array"
    draft_required(partners)
    edited, _ = _edited(partners)
    answer = _import(partners, edited)
    assert answer.status_code == 200
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    Draft202012Validator({**spec, **schema}).validate(answer.json)
    result = spec["components"]["schemas"]["ImportResult"]["properties"]
    assert {"bound", "other_headings"} <= set(result)
    outcome = spec["components"]["schemas"]["SectionOutcome"]["properties"]
    assert "base_unknown" in outcome["outcome"]["enum"]
    assert {"found_by", "confirm"} <= set(outcome)
