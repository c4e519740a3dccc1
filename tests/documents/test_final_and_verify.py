"""The final agreement: rendered from exactly the approved revisions when finalising, kept as
bytes, with its certificate and fingerprint; verification of untouched and tampered copies."""

import datetime as dt
import hashlib
import re

import sqlalchemy as sa

from plugin.catalogue import default_catalogue
from plugin.documents.certificate import short_name
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


def _certificate_tables(document):
    """The certificate's grid (captioned "Approval grid") and its list of approvers."""
    grid = next(t for t in document.tables if 'w:val="Approval grid"' in t._tbl.tblPr.xml)
    people = next(t for t in document.tables if t.rows[0].cells[0].text == "Name")
    return grid, people


def short_date(stamp: str) -> str:
    """An API timestamp (UTC) as the certificate's day in Europe/London."""
    from plugin.documents.certificate import short_date as day

    return day(dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")), "Europe/London")


def party_order(state: dict, approval: dict) -> int:
    return [p["id"] for p in state["parties"]].index(approval["party_id"])


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

    # The certificate: a grid of sections × parties (who and on which day), the approvers.
    grid, people = _certificate_tables(document)
    assert [c.text for c in grid.rows[0].cells[2:]] == [p["name"] for p in state["parties"]]
    rows = [[c.text for c in r.cells] for r in grid.rows[1:]]
    numbered = {s["title"]: s for s in approved}
    assert len(rows) == len(approved)
    for row in rows:
        section = numbered[row[0].split(" ", 1)[1]]
        assert row[1] == section["revision"]["sha256"][:12]
        assert row[2:] == [
            f"{short_name(a['approved_by']['name'])}\n{short_date(a['approved_at'])}"
            for a in sorted(section["approvals"], key=lambda a: party_order(state, a))
        ]
    members = {m["user"]["email"]: m for m in state["members"]}
    listed = [[c.text for c in r.cells] for r in people.rows[1:]]
    assert [r[0] for r in listed] == ["Joe Lindsay", "Fiona Reid", "Mark Baird"]
    for name, job_title, organisation, email in listed:
        address, standing = email.split("\n")
        member = members[address]
        assert member["user"]["name"] == name and member["job_title"] == job_title
        assert organisation == next(
            p["name"] for p in state["parties"] if p["id"] == member["party_id"]
        )
        assert standing == "not verified"  # made here: no sign-in provider vouched for them

    words = "\n".join(p.text for p in document.paragraphs)
    assert "Approval certificate" in words and "Draft for discussion" not in words
    assert "Each partner approved every section of this agreement online" in words
    assert "Each approver confirmed, on approving, their authority to agree for their" in words
    assert re.search(
        r"Finalised by Joe Lindsay, Youth Team Manager \(Riverside Council Youth Team\) on "
        r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d (GMT|BST)\.",
        words,
    )
    assert part.get("fingerprint") in words
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert footer.startswith("Eastfield youth diversion · version 1\tPage ")
    assert not re.search("[0-9a-f]{64}", footer)  # the full fingerprint is on the certificate

    # The signing page names each party's approver and their job title.
    signing = next(t for t in document.tables if t.rows[0].cells[1].text == "Approved online by")
    assert [[c.text for c in r.cells][:2] for r in signing.rows[1:]] == [
        ["Riverside Council Youth Team", "Joe Lindsay, Youth Team Manager"],
        ["Eastfield Community Police Unit", "Fiona Reid, Neighbourhood Inspector"],
        ["Eastfield High School", "Mark Baird, Depute Head Teacher"],
    ]

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
        assert kept.finalised_by == final.owner.id  # who finalised is stored with it
        data = final_data(
            session,
            agreement,
            1,
            default_catalogue(),
            "https://localhost:3000",
            kept.created_at,
            finalised_by=kept.finalised_by,
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
