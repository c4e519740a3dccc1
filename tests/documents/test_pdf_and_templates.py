"""PDF through the real LibreOffice, the template check command, and rendering details."""

import dataclasses
import shutil
import subprocess
import zipfile
from io import BytesIO

import sqlalchemy as sa
from docx import Document as Docx

from plugin.documents.check import example_data
from plugin.documents.render import SHIPPED, environment, render, template_path
from plugin.store.db import get_session
from plugin.store.models import Document
from tests.documents.conftest import controls, open_docx


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(  # noqa: S603 (a fixed command on our own file)
        [shutil.which("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return " ".join(out.split())


def test_final_pdf_has_every_section_and_is_made_once(app, final, tmp_path):
    path = f"/agreements/{final.id}/versions/1/document.pdf"
    first = final.owner.get(path)
    assert first.status_code == 200, first.data[:300]
    assert first.content_type == "application/pdf" and first.data.startswith(b"%PDF")
    text = _text(first.data, tmp_path)
    for section in final.state()["sections"]:
        if section["approved_by_all"]:
            assert section["title"] in text, section["title"]
    assert "Approval certificate" in text and "Page 1 of" in text
    with app.app_context():
        kept = (
            get_session()
            .scalars(
                sa.select(Document).where(
                    Document.agreement_id == final.id, Document.format == "pdf"
                )
            )
            .all()
        )
        assert len(kept) == 1 and kept[0].content == first.data
    assert final.owner.get(path).data == first.data  # kept, not converted again


def test_draft_pdf_is_made_once_per_change_and_kept_for_every_instance(app, partners, tmp_path):
    path = f"/agreements/{partners.id}/document.pdf"
    response = partners.owner.get(path)
    assert response.status_code == 200 and response.content_type == "application/pdf"
    assert "Draft for discussion" in _text(response.data, tmp_path)
    # An instance that cannot convert (no LibreOffice) answers from the kept PDF...
    app.config["SOFFICE"] = "no-such-libreoffice"
    other = partners.callers[partners.parties[1]["id"]].get(path)
    assert other.status_code == 200 and other.data == response.data
    # ...until the draft changes: a new change counter needs a new PDF.
    saved = partners.owner.put(
        f"/agreements/{partners.id}/sections/purpose_and_aims",
        json={"base_revision": 0, "text": "We meet young people where they are."},
    )
    assert saved.status_code == 201
    assert partners.owner.get(path).status_code == 503


def test_pdf_without_libreoffice_is_a_clear_503(app, partners):
    app.config["SOFFICE"] = "/nonexistent/libreoffice/soffice"
    response = partners.owner.get(f"/agreements/{partners.id}/document.pdf")
    assert response.status_code == 503
    assert response.content_type == "application/problem+json"
    assert "LibreOffice" in response.json["detail"] and "not installed" in response.json["detail"]


def test_shipped_templates_pass_the_check(runner):
    for kind in ("partnership", "co_working"):
        result = runner.invoke(args=["templates", "check", str(SHIPPED / f"{kind}.docx")])
        assert result.exit_code == 0, result.output
        assert "fit for use" in result.output


def test_the_check_names_undeclared_variables(runner, tmp_path):
    template = Docx(str(SHIPPED / "partnership.docx"))
    template.add_paragraph("Signed at {{ signing_place }}")
    path = tmp_path / "partnership.docx"
    template.save(path)
    result = runner.invoke(args=["templates", "check", str(path)])
    assert result.exit_code == 1
    assert "'signing_place', which the server does not provide" in result.output


def test_the_check_names_missing_section_tags(runner, tmp_path):
    template = Docx(str(SHIPPED / "partnership.docx"))
    body = template.element.body
    for sdt in list(body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdt")):
        sdt.getparent().remove(sdt)
    path = tmp_path / "mine.docx"
    template.save(path)
    result = runner.invoke(args=["templates", "check", str(path), "--kind", "partnership"])
    assert result.exit_code == 1
    assert "section 'purpose_and_aims' is not in a content control tagged pa:purpose_and_aims" in (
        result.output
    )


def test_a_template_cannot_escape_the_sandbox(runner, tmp_path):
    template = Docx(str(SHIPPED / "partnership.docx"))
    template.add_paragraph("{{ agreement.__class__.__mro__ }}")
    path = tmp_path / "partnership.docx"
    template.save(path)
    result = runner.invoke(args=["templates", "check", str(path)])
    assert result.exit_code == 1 and "rendering the example agreement fails" in result.output


def test_party_names_and_titles_are_escaped_not_markup():
    data = example_data("co_working", final=True)
    first = data.parties[0]
    data = dataclasses.replace(
        data, title="Drop-in & <b>Friday</b>", parties=("Smith & Co <Ltd>", *data.parties[1:])
    )
    data = dataclasses.replace(
        data,
        approvals=tuple(
            dataclasses.replace(a, party="Smith & Co <Ltd>") if a.party == first else a
            for a in data.approvals
        ),
    )
    document = open_docx(render(data, template_path("co_working")))
    words = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Drop-in & <b>Friday</b>" in words and "Smith & Co <Ltd>" in cells
    assert "CO-WORKING" in words[0].upper() and "Workers" in cells
    assert document.core_properties.title == "Drop-in & <b>Friday</b>"
    assert set(controls(document)) == {s.key for s in data.sections}


def test_archives_have_fixed_timestamps():
    content = render(example_data("partnership"), template_path("partnership"))
    with zipfile.ZipFile(BytesIO(content)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"


def test_the_committed_templates_are_what_the_script_builds(tmp_path):
    from plugin.documents.make_templates import main

    assert main([str(tmp_path)]) == 0
    for kind in ("partnership", "co_working"):
        assert (tmp_path / f"{kind}.docx").read_bytes() == (SHIPPED / f"{kind}.docx").read_bytes()


def test_annexes_follow_the_core_lettered():
    data = example_data("partnership", final=False)
    annex = {"code_of_conduct", "health_and_safety"}
    sections = tuple(
        dataclasses.replace(s, part="annex" if s.key in annex else "core") for s in data.sections
    )
    document = open_docx(
        render(dataclasses.replace(data, sections=sections), template_path("partnership"))
    )
    styles = ("Heading 1", "PA Annexes")
    headings = [p.text for p in document.paragraphs if p.style.name in styles]
    start = headings.index("Annexes")
    assert headings[0] == "The agreement" and all(h[0].isdigit() for h in headings[1:start])
    assert sorted(h.split("  ", 1)[1] for h in headings[start + 1 : start + 3]) == sorted(
        s.title for s in sections if s.key in annex
    )
    assert headings[start + 1].startswith("A.") and headings[start + 2].startswith("B.")
    assert list(controls(document))[-2:] == [s.key for s in sections if s.key in annex]


def test_conversions_beyond_the_limit_wait_then_answer_busy(tmp_path):
    import pytest

    from plugin.documents.pdf import PdfUnavailable, _slot, to_pdf

    with _slot(tmp_path, 1, wait=1), pytest.raises(PdfUnavailable, match="busy"):
        to_pdf(b"not used", slots=1, timeout=0.3, lock_folder=tmp_path)


def test_a_conversion_that_hangs_is_ended_with_its_children_at_the_timeout(tmp_path):
    import time
    from pathlib import Path

    import pytest

    from plugin.documents.pdf import PdfUnavailable, to_pdf

    hanging = tmp_path / "soffice"
    marker = tmp_path / "child.pid"
    hanging.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {marker}\nsleep 300\n")
    hanging.chmod(0o755)
    with pytest.raises(PdfUnavailable, match=r"did not finish the PDF within 0\.5 seconds"):
        to_pdf(b"x", soffice=str(hanging), timeout=0.5, lock_folder=tmp_path / "locks")
    child = Path(f"/proc/{marker.read_text().strip()}/stat")

    def gone() -> bool:
        try:
            return child.read_text().split(") ")[1][0] in "ZX"  # a zombie waits to be reaped
        except FileNotFoundError:
            return True

    # The whole process group was sent SIGKILL: the background child dies too.
    for _ in range(100):
        if gone():
            break
        time.sleep(0.05)
    assert gone()


def test_a_template_is_compiled_once_per_process_whatever_the_agreement_says():
    data = example_data("partnership", final=True)
    first = render(data, template_path("partnership"))
    compiled = dict(environment()._compiled)
    other = dataclasses.replace(data, title="Another {{ title }} & <agreement>")
    second = render(other, template_path("partnership"))
    assert environment()._compiled == compiled  # the same compiled parts, none added
    assert first != second
    assert b"Another {{ title }} &amp; &lt;agreement&gt;" in _document_xml(second)


def _document_xml(docx: bytes) -> bytes:
    return zipfile.ZipFile(BytesIO(docx)).read("word/document.xml")
