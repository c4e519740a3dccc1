"""Fixtures for the document tests: a three-party agreement with an approver for each party
(memberships made directly; invitations have their own tests), drafted and approved."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
import pytest
from lxml import etree

from plugin.catalogue import Party, default_catalogue
from plugin.documents.binding import NS
from plugin.store.db import get_session
from plugin.store.models import Member
from tests.conftest import create_agreement

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
JOB_TITLES = ["Youth Team Manager", "Neighbourhood Inspector", "Depute Head Teacher"]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Partners:
    id: int
    owner: object
    callers: dict  # party id -> Caller
    parties: list  # [{"id", "name"}]

    def state(self) -> dict:
        return self.owner.get(f"/agreements/{self.id}").json


@pytest.fixture
def partners(app, make_caller) -> Partners:
    owner = make_caller("Joe Lindsay")
    state = create_agreement(owner)
    callers = {state["parties"][0]["id"]: owner}
    for party, name in zip(state["parties"][1:], ["Fiona Reid", "Mark Baird"], strict=True):
        caller = make_caller(name)
        with app.app_context():
            session = get_session()
            session.add(
                Member(
                    agreement_id=state["id"],
                    user_id=caller.id,
                    party_id=party["id"],
                    role="approver",
                )
            )
            session.commit()
        callers[party["id"]] = caller
    return Partners(state["id"], owner, callers, state["parties"])


def draft_required(partners: Partners) -> None:
    """Every required section drafted from the guidance's example fields; what is required
    follows the partners' answers, so draft until the set stops growing."""
    catalogue = default_catalogue()
    parties = [Party(p["id"], p["name"]) for p in partners.parties]
    done: set[str] = set()
    while todo := {s["key"] for s in partners.state()["sections"] if s["required"]} - done:
        for key in sorted(todo):
            saved = partners.owner.put(
                f"/agreements/{partners.id}/sections/{key}",
                json={"base_revision": 0, "fields": catalogue.example_for(key, parties)},
            )
            assert saved.status_code == 201, saved.json
        done |= todo


def document_order(sections: list[dict]) -> list[str]:
    """Section keys as a document lays them out: the short core, then the annexes, each in
    catalogue order; a required section marked `core_when_required` stands in the core."""
    spec = default_catalogue().sections
    core = {
        s["key"]
        for s in sections
        if spec[s["key"]].part == "core"
        or (spec[s["key"]].core_when_required and s.get("required"))
    }
    keys = [s["key"] for s in sections]
    return [k for k in keys if k in core] + [k for k in keys if k not in core]


def approve_all(partners: Partners) -> None:
    for (party, caller), job_title in zip(partners.callers.items(), JOB_TITLES, strict=False):
        for section in caller.get(f"/agreements/{partners.id}").json["sections"]:
            if section["revision"] and party not in {
                a["party_id"] for a in section["approvals"] if a["current"]
            }:
                ok = caller.post(
                    f"/agreements/{partners.id}/sections/{section['key']}/approvals",
                    json={
                        "party_id": party,
                        "revision_sha256": section["revision"]["sha256"],
                        "confirms_authority": True,
                        "job_title": job_title,
                    },
                )
                assert ok.status_code == 201, ok.json


@pytest.fixture
def final(partners) -> Partners:
    draft_required(partners)
    approve_all(partners)
    done = partners.owner.post(f"/agreements/{partners.id}/finalise")
    assert done.status_code == 200, done.json
    return partners


def open_docx(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


def controls(document) -> dict[str, etree._Element]:
    """Content controls tagged pa:<key>, by key."""
    found = {}
    for sdt in document.element.body.iter(f"{{{W}}}sdt"):
        tag = sdt.find(f"{{{W}}}sdtPr/{{{W}}}tag").get(f"{{{W}}}val")
        if tag.startswith("pa:"):
            found[tag[3:]] = sdt
    return found


def control_title(sdt) -> str:
    return sdt.find(f"{{{W}}}sdtPr/{{{W}}}alias").get(f"{{{W}}}val")


def control_text(sdt) -> str:
    paragraphs = sdt.find(f"{{{W}}}sdtContent").iter(f"{{{W}}}p")
    return "\n".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in paragraphs)


def set_control_text(sdt, text: str) -> None:
    """Replace the clause inside a content control, as a person editing in Word would."""
    content = sdt.find(f"{{{W}}}sdtContent")
    paragraphs = list(content.iter(f"{{{W}}}p"))
    for extra in paragraphs[1:]:
        extra.getparent().remove(extra)
    first = paragraphs[0]
    runs = list(first.iter(f"{{{W}}}r"))
    for run in runs[1:]:
        run.getparent().remove(run)
    for t in list(runs[0].iter(f"{{{W}}}t"))[1:]:
        t.getparent().remove(t)
    runs[0].find(f"{{{W}}}t").text = text


def binding(document) -> etree._Element:
    """The custom XML part in the binding namespace, parsed."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/customXml") and NS.encode() in rel.target_part.blob:
            return etree.fromstring(rel.target_part.blob)
    raise AssertionError("no binding part")


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(caller, path: str, content: bytes, **kwargs):
    return caller.post(path, data=content, content_type=DOCX, **kwargs)


def strip_markers(
    content: bytes, replace: tuple[str, str] | None = None, drop_binding: bool = False
) -> bytes:
    """The draft with every content control unwrapped and every bookmark removed, as a retyped
    document or a Google Docs export would be; the binding part is kept, unless `drop_binding`:
    then every custom XML part goes too, with its relationship and content type."""
    w = f"{{{W}}}"
    source = zipfile.ZipFile(io.BytesIO(content))
    root = etree.fromstring(source.read("word/document.xml"))
    for sdt in list(root.iter(f"{w}sdt")):
        parent, inner = sdt.getparent(), sdt.find(f"{w}sdtContent")
        at = parent.index(sdt)
        for child in list(inner if inner is not None else ()):
            parent.insert(at, child)
            at += 1
        parent.remove(sdt)
    for mark in list(root.iter(f"{w}bookmarkStart", f"{w}bookmarkEnd")):
        mark.getparent().remove(mark)
    if replace:
        for t in root.iter(f"{w}t"):
            if t.text == replace[0]:
                t.text = replace[1]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            if drop_binding:
                if info.filename.startswith("customXml/"):
                    continue
                if info.filename.endswith(".rels") or info.filename == "[Content_Types].xml":
                    data = _without_custom_xml(data)
            target.writestr(info, data)
    return out.getvalue()


def _without_custom_xml(data: bytes) -> bytes:
    """A relationships or content types part without its entries for customXml/ parts."""
    part = etree.fromstring(data)
    for entry in list(part):
        if "customXml" in (entry.get("Target", "") + entry.get("PartName", "")):
            part.remove(entry)
    return etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True)
