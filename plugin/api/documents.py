"""Document endpoints: the draft .docx (and PDF) of the current text, every final version's
.docx and PDF, importing an edited .docx, and verifying a .docx against the record."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

from flask import Response, current_app, request
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from plugin import clock
from plugin.catalogue import default_catalogue
from plugin.documents import draft_pdf, pdf, records
from plugin.documents.readback import check_binding, plan_import
from plugin.documents.reading import BadDocument, TooLarge, read_document
from plugin.documents.render import render, template_path
from plugin.documents.verify import compare
from plugin.store import agreements as store
from plugin.store.db import get_session, write_session
from plugin.store.models import Agreement, Document, User, utcnow
from plugin.workflow import roles
from plugin.workflow.errors import InvalidInput, NotFound

from . import bp
from .request_body import body_bytes
from .routing import ID, UnsupportedMediaType, operation
from .schemas import Out
from .views import etag

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
AGREEMENT = f"/agreements/<{ID}:agreement_id>"
VERSION = AGREEMENT + f"/versions/<{ID}:version>"


class SectionOutcome(BaseModel):
    key: str
    title: str
    outcome: Literal[
        "unchanged", "updated", "conflict", "base_unknown", "missing", "empty", "unknown"
    ] = Field(
        description="base_unknown: changed in a document without a binding part, so the "
        "revision it was made from is unknown; nothing was saved until confirmed (see "
        "`confirm`)."
    )
    revision: int | None = Field(
        description="The section's revision after the import (for base_unknown, the current "
        "revision the text would replace, 0 if none)."
    )
    detail: str
    found_by: Literal["tag", "bookmark", "heading"] | None = Field(
        description="How the section was found in the document: its content control's tag, "
        "its bookmark pair pa_<key>, or its heading; null when it was not found."
    )
    confirm: str | None = Field(
        description="For base_unknown only: the value of the `confirm` query parameter that "
        "makes this text a new revision on the current one."
    )


class ImportResult(Out):
    created: int
    bound: bool = Field(
        description="Whether the document carries its binding part (which names each "
        "section's base revision). Without it, sections are matched by heading and changes "
        "wait for confirmation."
    )
    sections: list[SectionOutcome]
    other_headings: list[str] = Field(
        description="Headings in the document that name no section of this agreement; their "
        "text was ignored."
    )


CONFIRM = re.compile(r"^([a-z][a-z0-9_]{0,59}):([0-9]{1,10})$")
CONFIRM_PARAMETER = {
    "name": "confirm",
    "required": False,
    "description": "For a document without a binding part only (refused with a bound one): "
    "`<section key>:<revision>` confirms that the document's text of that section replaces "
    "that revision, the current one, as an import reported it (`base_unknown`). Refused "
    "(409, with the current revision) if the section has moved on; one value per section.",
    "schema": {
        "type": "array",
        "maxItems": 100,
        "uniqueItems": True,
        "items": {"type": "string", "pattern": CONFIRM.pattern},
    },
    "style": "form",
    "explode": True,
}


def _confirmed() -> dict[str, int]:
    """The `confirm` query parameters, by section. Raises InvalidInput (422) when malformed."""
    values = request.args.getlist("confirm")
    confirmed: dict[str, int] = {}
    for value in values[:101]:
        match = CONFIRM.match(value)
        if match is None:
            raise InvalidInput(
                "Each 'confirm' is a section key and a revision number, such as "
                "'purpose_and_aims:2'."
            )
        if match.group(1) in confirmed:
            raise InvalidInput(f"The section '{match.group(1)}' is confirmed twice.")
        confirmed[match.group(1)] = int(match.group(2))
    if len(values) > 100:
        raise InvalidInput("At most 100 sections can be confirmed at once.")
    return confirmed


class SectionDifference(BaseModel):
    key: str
    title: str
    problem: str


class VerifyResult(Out):
    verified: bool
    detail: str
    agreement_id: int | None
    version: int | None
    sha256: str
    sections: list[SectionDifference]


def _file(content: bytes, media: str, name: str, tag: str, weak: bool) -> Response:
    """A download, answered 304 when the caller already holds it."""
    response = Response(status=200)
    response.set_etag(tag, weak=weak)
    response.headers["Cache-Control"] = "private, no-cache"
    if request.if_none_match and (
        request.if_none_match.contains_weak(tag) if weak else request.if_none_match.contains(tag)
    ):
        response.status_code = 304
        return response
    response.set_data(content)
    response.content_type = media
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _upload() -> bytes:
    """The uploaded file: a raw .docx body, or the `file` field of a multipart form.
    Raises TooLarge (413) past PA_MAX_UPLOAD_BYTES, UnsupportedMediaType (415) otherwise."""
    limit = current_app.config["MAX_UPLOAD_BYTES"]
    request.max_content_length = limit + 64 * 1024  # room for a form's boundaries
    if request.mimetype == "multipart/form-data":  # parsed from body_bytes() if already read
        upload = request.files.get("file")
        if upload is None:
            raise BadDocument("Send the .docx as the form field 'file'.")
        data = upload.stream.read(limit + 1)
    elif request.mimetype in (DOCX, "application/octet-stream"):
        data = body_bytes()  # read once, within the limit (the Idempotency-Key may have read it)
    else:
        raise UnsupportedMediaType(
            f"Send the .docx as the request body (Content-Type: {DOCX}) or as the form field "
            "'file' (multipart/form-data)."
        )
    if len(data) > limit:
        raise TooLarge(f"The file is larger than the limit of {limit} bytes.")
    return data


def _pdf(content: bytes) -> bytes:
    config = current_app.config
    return pdf.to_pdf(
        content,
        soffice=config["SOFFICE"],
        timeout=config["PDF_TIMEOUT_SECONDS"],
        slots=config["PDF_CONVERSIONS_AT_ONCE"],
        lock_folder=Path(current_app.instance_path) / "pdf-slots",
    )


def _draft(agreement: Agreement) -> bytes:
    config = current_app.config
    data = records.draft_data(
        get_session(), agreement, default_catalogue(), config["PUBLIC_ORIGIN"], config["TIME_ZONE"]
    )
    return render(data, template_path(agreement.kind, current_app.config["TEMPLATES_FOLDER"]))


def _final(agreement: Agreement, version: int) -> Document:
    document = records.stored(get_session(), agreement.id, version, "docx")
    if document is None:
        raise NotFound(f"Version {version} of this agreement has not been finalised.")
    return document


def _name(agreement: Agreement, version: int, what: str, ext: str) -> str:
    return f"agreement-{agreement.id}-v{version}-{what}.{ext}"


@operation(
    bp,
    AGREEMENT + "/document.docx",
    "GET",
    summary="The agreement as a Word document: a draft of the current text (with each "
    "section's approval status), or the final document once finalised (ETag, 304)",
    responses={200: None, 304: None},
    errors=(404,),
    download=DOCX,
)
def download_document(user: User, agreement_id: int):
    agreement, member = store.find(get_session(), agreement_id, user)
    if agreement.status == "final":
        document = _final(agreement, agreement.version)
        name = _name(agreement, agreement.version, "final", "docx")
        return _file(document.content, DOCX, name, document.sha256, weak=False)
    tag = etag(agreement.id, agreement.change_counter, member.id, member.role)
    if request.if_none_match and request.if_none_match.contains_weak(tag):
        return _file(b"", DOCX, "", tag, weak=True)
    name = _name(agreement, agreement.version, "draft", "docx")
    return _file(_draft(agreement), DOCX, name, tag, weak=True)


@operation(
    bp,
    AGREEMENT + "/document.pdf",
    "GET",
    summary="The agreement as PDF (LibreOffice): the draft, or the final document once final",
    responses={200: None, 304: None},
    errors=(404, 503),
    download=PDF,
)
def download_pdf(user: User, agreement_id: int):
    agreement, member = store.find(get_session(), agreement_id, user)
    if agreement.status == "final":
        return _final_pdf(agreement, agreement.version)
    tag = etag(agreement.id, agreement.change_counter, member.id, member.role) + ".pdf"
    if request.if_none_match and request.if_none_match.contains_weak(tag):
        return _file(b"", PDF, "", tag, weak=True)
    name = _name(agreement, agreement.version, "draft", "pdf")
    config = current_app.config
    content = draft_pdf.make_draft_pdf(  # kept per change counter, for every instance
        current_app.extensions["store"],
        agreement.id,
        agreement.change_counter,
        catalogue=default_catalogue(),
        origin=config["PUBLIC_ORIGIN"],
        templates_folder=config["TEMPLATES_FOLDER"],
        convert=_pdf,
    )
    if content is None:  # a write came in since the look-up: the draft as it is now
        content = _pdf(_draft(agreement))
    return _file(content, PDF, name, tag, weak=True)


@operation(
    bp,
    VERSION + "/document.docx",
    "GET",
    summary="A final version's Word document: the bytes stored when it was finalised",
    responses={200: None, 304: None},
    errors=(404,),
    download=DOCX,
)
def download_version(user: User, agreement_id: int, version: int):
    agreement, _ = store.find(get_session(), agreement_id, user)
    document = _final(agreement, version)
    name = _name(agreement, version, "final", "docx")
    return _file(document.content, DOCX, name, document.sha256, weak=False)


@operation(
    bp,
    VERSION + "/document.pdf",
    "GET",
    summary="A final version's PDF, made once (LibreOffice) and kept",
    responses={200: None, 304: None},
    errors=(404, 503),
    download=PDF,
)
def download_version_pdf(user: User, agreement_id: int, version: int):
    agreement, _ = store.find(get_session(), agreement_id, user)
    return _final_pdf(agreement, version)


def _final_pdf(agreement: Agreement, version: int) -> Response:
    session = get_session()
    kept = records.stored(session, agreement.id, version, "pdf")
    if kept is None:
        content = _pdf(_final(agreement, version).content)
        kept = Document(
            agreement_id=agreement.id,
            version=version,
            format="pdf",
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            created_at=utcnow(),
        )
        session.add(kept)
        try:
            session.commit()
        except IntegrityError:  # another request kept its PDF first: serve that one
            session.rollback()
            kept = records.stored(session, agreement.id, version, "pdf")
    name = _name(agreement, version, "final", "pdf")
    return _file(kept.content, PDF, name, kept.sha256, weak=False)


@operation(
    bp,
    AGREEMENT + "/import",
    "POST",
    summary="Read an edited .docx back: each changed section becomes a new revision, unless "
    "the section moved on since the file was made (a conflict: nothing overwritten). A "
    "document without its binding part is matched by headings, and its changes wait for "
    "`confirm`",
    responses={200: ImportResult},
    errors=(400, 403, 404, 409, 413, 415, 422),
    upload=DOCX,
    query=(CONFIRM_PARAMETER,),
)
def import_document(user: User, agreement_id: int):
    agreement, member = store.find(get_session(), agreement_id, user)
    roles.require(member.role, "edit")  # before reading anything the caller sent
    titles = {s.key: s.title for s in default_catalogue().sections_for(agreement.kind)}
    read = read_document(_upload(), current_app.config["MAX_UPLOAD_BYTES"], titles)
    session = write_session()
    agreement, member = store.find(session, agreement_id, user, lock=True)
    roles.require(member.role, "edit")
    check_binding(read, agreement.id, current_app.config["PUBLIC_ORIGIN"])
    confirmed = _confirmed()
    catalogue = default_catalogue()
    current = store.current_revisions(session, agreement.id)
    outcomes, effects = plan_import(
        store.load_state(session, agreement, catalogue, clock.today()),
        read,
        catalogue,
        agreement.kind,
        {k: r.fields for k, r in current.items()},
        confirmed,
    )
    store.persist(session, agreement, effects, user)
    session.commit()
    return ImportResult(
        created=len(effects),
        bound=read.binding is not None,
        sections=[SectionOutcome(**o.__dict__) for o in outcomes],
        other_headings=list(read.other_headings),
    )


@operation(
    bp,
    "/verify",
    "POST",
    summary="Check a .docx: is it a finalised agreement held here, unchanged; if not, which "
    "sections differ from the record",
    responses={200: VerifyResult},
    errors=(400, 413, 415, 422),
    upload=DOCX,
)
def verify_document(user: User):
    data = _upload()
    limit = current_app.config["MAX_UPLOAD_BYTES"]
    read = read_document(data, limit)
    sha = hashlib.sha256(data).hexdigest()
    binding, origin = read.binding, current_app.config["PUBLIC_ORIGIN"]
    if binding is None or binding.origin != origin:
        return VerifyResult(
            verified=False,
            detail="This document was not issued by this service (it carries no binding to "
            "an agreement held here).",
            agreement_id=None,
            version=None,
            sha256=sha,
            sections=[],
        )
    session = get_session()
    document = records.stored(session, binding.agreement_id, binding.version, "docx")
    member = document is not None and _is_member(session, binding.agreement_id, user)
    if document is None or (not member and document.sha256 != sha):
        # Outsiders learn only whether the very file they hold is one issued here.
        return VerifyResult(
            verified=False,
            detail="No final agreement held here matches this file.",
            agreement_id=None,
            version=None,
            sha256=sha,
            sections=[],
        )
    verdict = compare(data, read, document.content, limit)
    return VerifyResult(
        verified=verdict.verified,
        detail=verdict.detail,
        agreement_id=verdict.agreement_id,
        version=verdict.version,
        sha256=verdict.sha256,
        sections=[SectionDifference(**d) for d in verdict.sections],
    )


def _is_member(session, agreement_id: int, user: User) -> bool:
    try:
        store.change_marker(session, agreement_id, user)
    except NotFound:
        return False
    return True
