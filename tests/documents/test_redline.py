"""Version n+1 against the last final version: a Word redline whose tracked changes, accepted
all or rejected all (applied to its XML here, as Word would), give exactly the new and the final
text of every section; the same differences per section in JSON; the redline opens in
python-docx and converts with LibreOffice."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile

import pytest

from tests.conftest import create_agreement
from tests.documents.conftest import W, controls, open_docx

NEW = {  # section -> how version 2 changes it
    "purpose_and_aims": lambda t: (
        t.replace("young people", "young people & <their> families", 1)
        + "\n- A new aim: more sessions at half-term."
    ),
    "code_of_conduct": lambda t: "\n".join(t.split("\n")[1:]),  # the first line goes
}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _text(paragraph, deleted: bool) -> str:
    tags = (_w("t"), _w("delText")) if deleted else (_w("t"),)
    return "".join(node.text or "" for node in paragraph.iter(*tags))


def _mark(paragraph) -> str | None:
    """How the paragraph's own mark is tracked: "ins", "del" or None."""
    marks = paragraph.find(f"{_w('pPr')}/{_w('rPr')}")
    if marks is None:
        return None
    if marks.find(_w("ins")) is not None:
        return "ins"
    if marks.find(_w("del")) is not None:
        return "del"
    return None


def _resolve(sdt, accept: bool) -> str:
    """The control's text once every change is accepted (or rejected): the dropped side's
    runs removed, the kept side's unwrapped, and a dropped paragraph mark joining its
    paragraph to the next."""
    content = copy.deepcopy(sdt.find(_w("sdtContent")))
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    for wrapper in list(content.iter(_w(drop))):
        if wrapper.getparent().tag != _w("rPr"):
            wrapper.getparent().remove(wrapper)
    for wrapper in list(content.iter(_w(keep))):
        parent = wrapper.getparent()
        if parent.tag == _w("rPr"):
            continue
        at = parent.index(wrapper)
        for child in reversed(list(wrapper)):
            parent.insert(at, child)
        parent.remove(wrapper)
    paragraphs = list(content.iter(_w("p")))
    out = ""
    for i, paragraph in enumerate(paragraphs):
        out += _text(paragraph, deleted=not accept)
        if i < len(paragraphs) - 1 and _mark(paragraph) != drop:
            out += "\n"
    return out


@pytest.fixture
def reopened(final):
    """Version 1 final; version 2 opened and two sections changed by the owner."""
    aid, owner = final.id, final.owner
    before = {s["key"]: s for s in final.state()["sections"] if s["revision"]}
    texts = {k: s["revision"]["text"] for k, s in before.items()}
    assert owner.post(f"/agreements/{aid}/renegotiate").status_code == 200
    for key, change in NEW.items():
        saved = owner.put(
            f"/agreements/{aid}/sections/{key}",
            json={"base_revision": before[key]["revision"]["number"], "text": change(texts[key])},
        )
        assert saved.status_code == 201, saved.json
    now = {s["key"]: s["revision"]["text"] for s in final.state()["sections"] if s["revision"]}
    return final, texts, now


def test_accept_all_gives_version_2_and_reject_all_the_final_text(reopened):
    partners, final_texts, now = reopened
    answer = partners.owner.get(f"/agreements/{partners.id}/redline.docx")
    assert answer.status_code == 200
    document = open_docx(answer.data)  # python-docx opens it
    found = controls(document)
    assert set(final_texts) <= set(found)
    for key, sdt in found.items():
        assert _resolve(sdt, accept=True) == now[key], key
        assert _resolve(sdt, accept=False) == final_texts[key], key
    changed = {
        key for key, sdt in found.items() if list(sdt.iter(_w("ins"))) or list(sdt.iter(_w("del")))
    }
    assert changed == set(NEW)
    for mark in found["purpose_and_aims"].iter(_w("ins"), _w("del")):
        assert mark.get(_w("author")) == "Joe Lindsay"
        assert mark.get(_w("date")).endswith("Z") and mark.get(_w("id"))
    inserted = "".join(
        t.text for ins in found["purpose_and_aims"].iter(_w("ins")) for t in ins.iter(_w("t"))
    )
    assert "& <their> families" in inserted  # user text as typed (escaped in the XML)
    assert b"&amp; &lt;their&gt; families" in _document_xml(answer.data)
    # The first line of the code of conduct is deleted, paragraph mark and all.
    deleted = [p for p in found["code_of_conduct"].iter(_w("p")) if _mark(p) == "del"]
    assert (
        len(deleted) == 1
        and _text(deleted[0], deleted=True) == final_texts["code_of_conduct"].split("\n")[0]
    )
    # It keeps the layout of a line of text, not that of the list lines that follow it.
    paragraphs = list(found["code_of_conduct"].iter(_w("p")))
    style = [p.find(f"{_w('pPr')}/{_w('pStyle')}").get(_w("val")) for p in paragraphs[:2]]
    assert style[0] != style[1]


def _document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_changes_since_final_per_section(reopened):
    partners, final_texts, now = reopened
    answer = partners.owner.get(f"/agreements/{partners.id}/changes-since-final")
    assert answer.status_code == 200
    body = answer.json
    assert (body["final_version"], body["version"], body["differs"]) == (1, 2, True)
    by_key = {s["key"]: s for s in body["sections"]}
    assert {k for k, s in by_key.items() if s["status"] != "unchanged"} == set(NEW)
    for key in NEW:
        runs = by_key[key]["runs"]
        assert "".join(r["text"] for r in runs if r["op"] != "ins") == final_texts[key]
        assert "".join(r["text"] for r in runs if r["op"] != "del") == now[key]
        assert by_key[key]["author"] == "Joe Lindsay" and by_key[key]["status"] == "changed"
    purpose = by_key["purpose_and_aims"]["runs"]
    assert {"op": "ins", "text": " & <their> families"} in purpose or any(
        r["op"] == "ins" and "& <their> families" in r["text"] for r in purpose
    )


def test_no_final_version_yet_is_a_404_and_outsiders_get_nothing(reopened, make_caller):
    owner = make_caller()
    fresh = create_agreement(owner)["id"]
    first = owner.get(f"/agreements/{fresh}/changes-since-final")
    assert first.status_code == 404 and first.mimetype == "application/problem+json"
    assert owner.get(f"/agreements/{fresh}/redline.docx").status_code == 404
    stranger = make_caller("Stranger")
    reopened_id = reopened[0].id
    assert stranger.get(f"/agreements/{reopened_id}/redline.docx").status_code == 404
    assert stranger.get(f"/agreements/{reopened_id}/changes-since-final").status_code == 404


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_redline_converts_with_libreoffice(reopened, tmp_path):
    partners, _, _ = reopened
    source = tmp_path / "redline.docx"
    source.write_bytes(partners.owner.get(f"/agreements/{partners.id}/redline.docx").data)
    profile = tmp_path / "profile"
    done = subprocess.run(  # noqa: S603 (a fixed command on our own file)
        [
            shutil.which("soffice"),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "redline.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run(  # noqa: S603
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "families" in text and "half-term" in text
