"""The final agreement: rendered from exactly the approved revisions when finalising, kept as
bytes, with its certificate and fingerprint; verification of untouched and tampered copies."""

import hashlib

import sqlalchemy as sa

from plugin.catalogue import default_catalogue
from plugin.documents.content import AcceptedFinding, fingerprint
from plugin.documents.records import final_data
from plugin.documents.render import render, template_path
from plugin.store.db import get_session
from plugin.store.models import Agreement, Document
from tests.documents.conftest import (
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

PURPOSE = "purpose_and_aims"


def test_final_document_is_the_approved_text_with_its_certificate(app, final):
    state = final.state()
    path = f"/agreements/{final.id}/versions/1/document.docx"
    first = final.owner.get(path)
    assert first.status_code == 200
    content = first.data
    document = open_docx(content)

    approved = [s for s in state["sections"] if s["approved_by_all"]]
    found = controls(document)
    assert list(found) == document_order(approved)
    for section in approved:
        assert control_title(found[section["key"]]) == section["title"]
        assert control_text(found[section["key"]]) == section["revision"]["text"]
    part = binding(document)
    assert part.get("status") == "final" and len(part.get("fingerprint")) == 64

    # The certificate: each section × each party, approver name and email, time, short hash.
    table = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == len(approved) * 3
    emails = {m["user"]["email"]: m["user"]["name"] for m in state["members"]}
    by_section = {}
    current = None
    for row in rows:
        current = row[0] or current
        by_section.setdefault(current, []).append(row)
    for section in approved:
        lines = by_section[section["title"]]
        assert [r[1] for r in lines] == [p["name"] for p in state["parties"]]
        for row in lines:
            name, email = row[2].split("\n")
            # Accounts made here (no sign-in provider vouched for them): said plainly.
            assert email.endswith(" (not verified)")
            assert emails[email.removesuffix(" (not verified)")] == name
            assert row[4] == section["revision"]["sha256"][:12]
            assert len(row[3]) == 19 and row[3][4] == "-"
        approvers = {f"{a['approved_by']['email']} (not verified)" for a in section["approvals"]}
        assert {r[2].split("\n")[1] for r in lines} == approvers

    words = "\n".join(p.text for p in document.paragraphs)
    assert "Approval certificate" in words and "Draft for discussion" not in words
    assert "Each partner approved every section of this agreement online" in words
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert part.get("fingerprint") in footer

    # Stored with its sha256; every later download gives the same bytes.
    with app.app_context():
        kept = get_session().scalar(
            sa.select(Document).where(Document.agreement_id == final.id, Document.format == "docx")
        )
        assert kept.content == content
        assert kept.sha256 == hashlib.sha256(content).hexdigest()
    assert final.owner.get(path).data == content
    assert final.owner.get(f"/agreements/{final.id}/document.docx").data == content
    again = final.owner.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_rendering_the_same_final_agreement_twice_gives_identical_bytes(app, final):
    with app.app_context():
        session = get_session()
        agreement = session.get(Agreement, final.id)
        kept = session.scalar(sa.select(Document).where(Document.agreement_id == final.id))
        data = final_data(
            session, agreement, 1, default_catalogue(), "https://localhost:3000", kept.created_at
        )
        again = render(data, template_path("partnership"))
        assert again == render(data, template_path("partnership")) == kept.content
        accepted = data.__class__(
            **{
                **data.__dict__,
                "accepted_findings": (
                    AcceptedFinding(
                        "Shared purpose and aims",
                        "No date for the review.",
                        "Set at the first meeting & minuted.",
                    ),
                ),
            }
        )
        with_findings = open_docx(render(accepted, template_path("partnership")))
        words = "\n".join(p.text for p in with_findings.paragraphs)
        assert "Findings the partners accepted" in words
        assert "Accepted because: Set at the first meeting & minuted." in words
        assert binding(open_docx(kept.content)).get("fingerprint") == fingerprint(data)


def test_every_final_version_stays_downloadable(final):
    v1 = final.owner.get(f"/agreements/{final.id}/versions/1/document.docx").data
    assert final.owner.post(f"/agreements/{final.id}/renegotiate").status_code == 200
    draft = final.owner.get(f"/agreements/{final.id}/document.docx")
    assert binding(open_docx(draft.data)).get("version") == "2"
    assert final.owner.get(f"/agreements/{final.id}/versions/1/document.docx").data == v1
    missing = final.owner.get(f"/agreements/{final.id}/versions/2/document.docx")
    assert missing.status_code == 404 and missing.content_type == "application/problem+json"


def test_import_into_a_final_agreement_is_refused(final):
    content = final.owner.get(f"/agreements/{final.id}/document.docx").data
    answer = upload(final.owner, f"/agreements/{final.id}/import", content)
    assert answer.status_code == 409 and "final" in answer.json["detail"]


def test_verify_accepts_the_untouched_file_and_names_a_changed_section(final, make_caller):
    content = final.owner.get(f"/agreements/{final.id}/versions/1/document.docx").data
    untouched = upload(final.owner, "/verify", content)
    assert untouched.status_code == 200
    assert untouched.json["verified"] is True and untouched.json["agreement_id"] == final.id
    assert untouched.json["sections"] == []

    document = open_docx(content)
    set_control_text(controls(document)[PURPOSE], "We never agreed to this.")
    tampered = upload(final.owner, "/verify", save(document))
    assert tampered.status_code == 200 and tampered.json["verified"] is False
    assert tampered.json["sections"] == [
        {"key": PURPOSE, "title": "Shared purpose and aims", "problem": "changed"}
    ]
    assert "Shared purpose and aims" in tampered.json["detail"]

    # Someone who is not in the agreement learns only whether the file is the one issued.
    outsider = make_caller("Olive Outsider")
    assert upload(outsider, "/verify", content).json["verified"] is True
    answer = upload(outsider, "/verify", save(document)).json
    assert (
        answer["verified"] is False and answer["sections"] == [] and answer["agreement_id"] is None
    )


def test_verify_says_when_a_document_is_not_a_final_agreement_held_here(partners):
    draft = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    answer = upload(partners.owner, "/verify", draft)
    assert answer.status_code == 200 and answer.json["verified"] is False


def test_final_has_only_wording_every_party_approved(partners):
    draft_required(partners)
    optional = [s for s in partners.state()["sections"] if not s["required"]][:2]
    kept, dropped = optional
    for section in optional:
        saved = partners.owner.put(
            f"/agreements/{partners.id}/sections/{section['key']}",
            json={"base_revision": 0, "text": f"Agreed wording of {section['title']}."},
        )
        assert saved.status_code == 201
    approve_all(partners)
    # A later wording of one optional section that nobody has approved yet.
    late = partners.owner.put(
        f"/agreements/{partners.id}/sections/{dropped['key']}",
        json={"base_revision": 1, "text": "Late wording nobody approved."},
    )
    assert late.status_code == 201
    assert partners.owner.post(f"/agreements/{partners.id}/finalise").status_code == 200

    content = partners.owner.get(f"/agreements/{partners.id}/versions/1/document.docx").data
    document = open_docx(content)
    found = controls(document)
    assert kept["key"] in found and dropped["key"] not in found
    assert control_text(found[kept["key"]]) == f"Agreed wording of {kept['title']}."
    words = "\n".join(p.text for p in document.paragraphs)
    assert "Left out of this agreement" in words and dropped["title"] in words
    assert "Late wording" not in words


def test_certificate_lists_the_must_findings_the_partners_accepted(partners):
    """A `must` finding the partners accepted with a reason is on the final certificate."""
    draft_required(partners)
    section = f"/agreements/{partners.id}/sections/{PURPOSE}"
    fields = partners.owner.get(section).json["fields"]
    current = partners.owner.get(section).json["revision"]["number"]
    no_aims = {**fields, "shared_aims": []}
    saved = partners.owner.put(section, json={"base_revision": current, "fields": no_aims})
    assert saved.status_code == 201, saved.json
    approve_all(partners)
    blocked = partners.owner.post(f"/agreements/{partners.id}/finalise")
    assert blocked.status_code == 409
    assert any("aims.no_shared_aim" in line for line in blocked.json["missing"])

    reason = "A one-term pilot: the partners agree the aims at the first review."
    accepted = partners.owner.post(
        f"{section}/accepted-findings", json={"code": "aims.no_shared_aim", "reason": reason}
    )
    assert accepted.status_code == 201, accepted.json
    assert partners.owner.post(f"/agreements/{partners.id}/finalise").status_code == 200

    final = partners.owner.get(f"/agreements/{partners.id}/versions/1/document.docx")
    words = "\n".join(p.text for p in open_docx(final.data).paragraphs)
    assert "Findings the partners accepted" in words
    assert "No shared aim has been recorded." in words and reason in words
