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


def through_libreoffice(tmp_path: Path, **documents: bytes) -> dict[str, bytes]:
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    for name, content in documents.items():
        (source / f"{name}.docx").write_bytes(content)
    subprocess.run(  # noqa: S603 (our own soffice, our own files)
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *(str(source / f"{name}.docx") for name in documents),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {name: (out / f"{name}.docx").read_bytes() for name in documents}


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
