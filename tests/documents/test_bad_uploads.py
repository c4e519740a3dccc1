"""Hostile uploads: each gets a clear 4xx problem+json, changes nothing, and is read within a
bounded amount of memory."""

import io
import tracemalloc
import zipfile

import docx
import pytest

from plugin.documents.reading import BadDocument, read_document
from tests.conftest import create_agreement
from tests.documents.conftest import DOCX, controls, open_docx, save, set_control_text, upload

TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{}</w:body></w:document>"
)


def _zip(parts: dict[str, bytes | str], compress=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _bomb() -> bytes:
    """A small zip whose document.xml inflates to 200 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"<a/>" * (1024 * 1024 // 4)
            for _ in range(200):
                member.write(block)
    return out.getvalue()


def _lying_bomb() -> bytes:
    """A zip whose headers claim document.xml is 100 bytes; it inflates to 40 MB."""
    real = 40 * 1024 * 1024
    data = bytearray(_zip({"[Content_Types].xml": TYPES, "word/document.xml": b" " * real}))
    size = real.to_bytes(4, "little")
    lie = (100).to_bytes(4, "little")
    # Patch the uncompressed size in the local header and the central directory.
    start = 0
    while (index := data.find(size, start)) != -1:
        data[index : index + 4] = lie
        start = index + 4
    return bytes(data)


def _deep_xml() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": TYPES,
            "word/document.xml": BODY.format("<w:p>" * 5000 + "</w:p>" * 5000),
        }
    )


ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    + BODY.format("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    + BODY.format("<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>")
)
MACRO_TYPES = TYPES.replace(
    "</Types>",
    '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.'
    'document.macroEnabled.main+xml"/></Types>',
)

CASES = {
    "not a zip": (b"%PDF-1.7 this is not a Word document", 422, "not a .docx"),
    "broken zip": (b"PK\x03\x04" + b"\x00" * 200, 422, "not a readable"),
    "zip bomb": (_bomb(), 422, "zip bomb"),
    "lying zip bomb": (_lying_bomb(), 422, "word/document.xml cannot be read"),
    "macro part": (
        _zip(
            {
                "[Content_Types].xml": TYPES,
                "word/document.xml": BODY.format(""),
                "word/vbaProject.bin": b"\x00" * 100,
            }
        ),
        422,
        "macros",
    ),
    "macro content type": (
        _zip({"[Content_Types].xml": MACRO_TYPES, "word/document.xml": BODY.format("")}),
        422,
        "macro-enabled",
    ),
    "external entity": (
        _zip({"[Content_Types].xml": TYPES, "word/document.xml": ENTITY}),
        422,
        "DTD",
    ),
    "billion laughs": (
        _zip({"[Content_Types].xml": TYPES, "word/document.xml": LAUGHS}),
        422,
        "DTD",
    ),
    "huge XML": (_deep_xml(), 422, "not well-formed"),
    "missing document part": (_zip({"[Content_Types].xml": TYPES}), 422, "word/document.xml"),
    "missing content types": (_zip({"word/document.xml": BODY.format("")}), 422, "Content_Types"),
    "no binding, no headings": (save(docx.Document()), 422, "section headings were found"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_upload_is_refused_and_changes_nothing(partners, case):
    content, status, words = CASES[case]
    before = partners.owner.get(f"/agreements/{partners.id}")
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", content)
    assert answer.status_code == status, answer.json
    assert answer.content_type == "application/problem+json"
    assert words in answer.json["detail"]
    after = partners.owner.get(f"/agreements/{partners.id}")
    assert after.headers["ETag"] == before.headers["ETag"]
    verify = upload(partners.owner, "/verify", content)
    if case == "no binding, no headings":  # a sound .docx: verify says it was not issued here
        assert verify.status_code == 200 and verify.json["verified"] is False
    else:
        assert verify.status_code == status and verify.content_type == "application/problem+json"


def test_a_document_of_another_agreement_is_refused(partners):
    other = create_agreement(partners.owner, title="Another agreement")
    content = partners.owner.get(f"/agreements/{other['id']}/document.docx").data
    document = open_docx(content)
    set_control_text(controls(document)["purpose_and_aims"], "Aims of the other agreement.")
    before = partners.state()
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", save(document))
    assert answer.status_code == 422 and answer.content_type == "application/problem+json"
    assert f"belongs to agreement {other['id']}, not {partners.id}" in answer.json["detail"]
    assert partners.state() == before


def test_a_document_of_another_server_is_refused(app, partners):
    content = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    app.config["PUBLIC_ORIGIN"] = "https://agreements.example.org"
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", content)
    assert answer.status_code == 422 and "another server" in answer.json["detail"]


def test_a_file_over_the_size_limit_is_refused(app, partners):
    content = partners.owner.get(f"/agreements/{partners.id}/document.docx").data
    app.config["MAX_UPLOAD_BYTES"] = len(content) - 1
    answer = upload(partners.owner, f"/agreements/{partners.id}/import", content)
    assert answer.status_code == 413 and answer.content_type == "application/problem+json"
    app.config["MAX_UPLOAD_BYTES"] = len(content)
    assert upload(partners.owner, f"/agreements/{partners.id}/import", content).status_code == 200


def test_other_media_types_are_refused(partners):
    answer = partners.owner.post(
        f"/agreements/{partners.id}/import", data=b"{}", content_type="application/json"
    )
    assert answer.status_code == 415 and answer.content_type == "application/problem+json"


@pytest.mark.parametrize("case", ["zip bomb", "lying zip bomb", "huge XML"])
def test_hostile_files_are_read_in_bounded_memory(case):
    content = CASES[case][0]
    tracemalloc.start()
    try:
        with pytest.raises(BadDocument):
            read_document(content, 10 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024, f"peak {peak} bytes"


def test_the_upload_content_type_is_declared_in_openapi(client):
    document = client.get("/api/v1/openapi.json").json
    body = document["paths"]["/api/v1/agreements/{agreement_id}/import"]["post"]["requestBody"]
    assert DOCX in body["content"]
