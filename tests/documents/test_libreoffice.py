"""A draft saved by LibreOffice (which drops the content controls' tags) still imports: each
section is found by its bookmark pair pa_<key>. Real headless LibreOffice, one run per test."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from tests.documents.conftest import (
    approve_all,
    controls,
    draft_required,
    open_docx,
    save,
    set_control_text,
    strip_markers,
    upload,
)

PURPOSE = "purpose_and_aims"
EDITED = "The partners aim to run a Friday drop-in & café for young people."


def through_libreoffice(
    tmp_path: Path, via: str | None = None, **documents: bytes
) -> dict[str, bytes]:
    """Each .docx opened and saved as .docx by headless LibreOffice; with `via` ("odt"), saved
    in that format first and that file saved back as .docx (what survives a plain format)."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    source = tmp_path / "in"
    source.mkdir()
    for name, content in documents.items():
        (source / f"{name}.docx").write_bytes(content)
    ext = "docx"
    for step, target in enumerate(
        [via, "docx:MS Word 2007 XML"] if via else ["docx:MS Word 2007 XML"]
    ):
        out = tmp_path / f"out{step}"
        subprocess.run(  # noqa: S603 (our own soffice, our own files)
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                *(str(source / f"{name}.{ext}") for name in documents),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        source, ext = out, target.split(":")[0]
    return {name: (source / f"{name}.docx").read_bytes() for name in documents}


def test_a_draft_saved_by_libreoffice_imports_by_its_bookmarks(partners, tmp_path):
    draft_required(partners)
    approve_all(partners)
    draft = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    edited = open_docx(draft)
    set_control_text(controls(edited)[PURPOSE], EDITED)
    saved = through_libreoffice(tmp_path, unchanged=draft, edited=save(edited))

    # What LibreOffice did: no pa: tags are left for the import to find.
    with zipfile.ZipFile(BytesIO(saved["unchanged"])) as archive:
        body = archive.read("word/document.xml").decode()
    assert 'w:val="pa:' not in body
    assert 'w:name="pa_' in body

    before = partners.state()
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", saved["unchanged"])
    assert answer.status_code == 200, answer.json
    outcomes = {s["key"]: s["outcome"] for s in answer.json["sections"]}
    drafted = {s["key"] for s in before["sections"] if s["revision"]}
    assert {outcomes[key] for key in drafted} == {"unchanged"}, outcomes
    assert answer.json["created"] == 0

    answer = upload(partners.owner, f"/agreements/{partners.id}/import", saved["edited"])
    assert answer.status_code == 200, answer.json
    outcomes = {s["key"]: s["outcome"] for s in answer.json["sections"]}
    assert answer.json["created"] == 1
    assert {k for k, v in outcomes.items() if v != "unchanged"} == {PURPOSE}
    after = next(s for s in partners.state()["sections"] if s["key"] == PURPOSE)
    assert after["revision"]["text"] == EDITED


def test_a_document_without_controls_or_bookmarks_is_matched_by_headings(partners):
    draft_required(partners)
    approve_all(partners)
    draft = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    bare = strip_markers(draft)
    body = zipfile.ZipFile(BytesIO(bare)).read("word/document.xml")
    assert b"<w:sdt>" not in body and b"bookmarkStart" not in body
    before = partners.state()
    drafted = {s["key"] for s in before["sections"] if s["revision"]}

    answer = upload(partners.owner, f"/agreements/{partners.id}/import", bare)
    assert answer.status_code == 200, answer.json
    sections = {s["key"]: s for s in answer.json["sections"]}
    assert {sections[key]["outcome"] for key in drafted} == {"unchanged"}, sections
    assert all("Found by its heading" in sections[key]["detail"] for key in drafted)
    assert answer.json["created"] == 0

    first = next(s for s in before["sections"] if s["key"] == PURPOSE)
    line = first["revision"]["text"].split("\n")[0]
    edited = strip_markers(draft, (line, "We meet on Fridays."))
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", edited)
    assert answer.status_code == 200, answer.json
    assert answer.json["created"] == 1
    changed = {s["key"] for s in answer.json["sections"] if s["outcome"] != "unchanged"}
    assert changed == {PURPOSE}


def test_a_draft_through_odt_loses_its_binding_and_changes_wait_for_confirmation(
    partners, tmp_path
):
    """Saved as .odt and back (as a document passed through another editor is), a draft keeps
    neither its binding part nor its controls; a retyped copy has no bookmarks either."""
    draft_required(partners)
    approve_all(partners)
    before = partners.state()
    drafted = {s["key"] for s in before["sections"] if s["revision"]}
    number = next(s for s in before["sections"] if s["key"] == PURPOSE)["revision"]["number"]
    draft = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    edited = open_docx(draft)
    set_control_text(controls(edited)[PURPOSE], EDITED)
    saved = through_libreoffice(
        tmp_path,
        via="odt",
        unchanged=draft,
        edited=save(edited),
        retyped=strip_markers(draft, drop_binding=True),
    )
    with zipfile.ZipFile(BytesIO(saved["unchanged"])) as archive:
        assert not any(name.startswith("customXml/") for name in archive.namelist())

    for name, found_by in (("unchanged", "bookmark"), ("retyped", "heading")):
        answer = upload(partners.owner, f"/agreements/{partners.id}/import", saved[name])
        assert answer.status_code == 200, answer.json
        assert answer.json["bound"] is False and answer.json["created"] == 0
        sections = {s["key"]: s for s in answer.json["sections"]}
        assert {sections[key]["outcome"] for key in drafted} == {"unchanged"}, sections
        assert {sections[key]["found_by"] for key in drafted} == {found_by}

    path = f"/agreements/{partners.id}/import"
    answer = upload(partners.owner, path, saved["edited"])
    assert answer.status_code == 200, answer.json
    changed = [s for s in answer.json["sections"] if s["outcome"] != "unchanged"]
    assert [(s["key"], s["outcome"]) for s in changed] == [(PURPOSE, "base_unknown")]
    assert answer.json["created"] == 0
    assert changed[0]["confirm"] == f"{PURPOSE}:{number}"

    answer = upload(partners.owner, f"{path}?confirm={changed[0]['confirm']}", saved["edited"])
    assert answer.status_code == 200, answer.json
    assert answer.json["created"] == 1
    after = next(s for s in partners.state()["sections"] if s["key"] == PURPOSE)
    assert after["revision"]["text"] == EDITED and after["revision"]["source"] == "import"
    assert after["revision"]["number"] == number + 1
