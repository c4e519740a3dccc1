"""The "final_pdf" job: after finalising, make the final version's PDF once and keep it, so its
download is instant. Idempotent: a PDF already kept (by an earlier run or by a download that
came first) is left as it is; two at once keep one (the unique agreement/version/format)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from flask import current_app
from sqlalchemy.exc import IntegrityError

from plugin.documents import pdf, records
from plugin.jobs import PermanentFailure, job_kind
from plugin.store.models import Document, utcnow


@job_kind("final_pdf")
def make_final_pdf(run) -> None:
    session = run.session
    agreement_id, version = run.payload["agreement_id"], run.payload["version"]
    if records.stored(session, agreement_id, version, "pdf") is not None:
        return
    docx = records.stored(session, agreement_id, version, "docx")
    if docx is None:
        return  # the agreement was deleted since
    session.commit()  # no transaction stays open while LibreOffice works
    config = current_app.config
    if shutil.which(config["SOFFICE"]) is None:
        raise PermanentFailure(
            f"LibreOffice ({config['SOFFICE']}) is not installed: the PDF is made on download."
        )
    content = pdf.to_pdf(
        docx.content,
        soffice=config["SOFFICE"],
        timeout=config["PDF_TIMEOUT_SECONDS"],
        slots=config["PDF_CONVERSIONS_AT_ONCE"],
        lock_folder=Path(current_app.instance_path) / "pdf-slots",
    )
    session = run.write()
    if records.stored(session, agreement_id, version, "pdf") is not None:
        return
    session.add(
        Document(
            agreement_id=agreement_id,
            version=version,
            format="pdf",
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            created_at=utcnow(),
        )
    )
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # a download kept its PDF first: that one stands
