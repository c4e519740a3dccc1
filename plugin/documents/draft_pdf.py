"""A draft's PDF, made once per change counter and kept in the database (draft_documents), so
that every instance answers the same ETag with the same bytes and LibreOffice runs once.

`make_draft_pdf` is the whole job (render the draft, convert it, keep it): the download calls it
when nothing is kept yet, and a job queue can call it after a write to have the PDF ready.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from plugin.catalogue import Catalogue
from plugin.store.models import Agreement, DraftDocument

from .records import draft_data
from .render import render, template_path

FORMAT = "pdf"


def kept(session: Session, agreement_id: int, change_counter: int) -> bytes | None:
    """The PDF kept for the agreement at this change counter, if any."""
    return session.scalar(
        sa.select(DraftDocument.content).where(
            DraftDocument.agreement_id == agreement_id,
            DraftDocument.change_counter == change_counter,
            DraftDocument.format == FORMAT,
        )
    )


def keep(sessions: sessionmaker, agreement_id: int, change_counter: int, content: bytes) -> None:
    """Keep the PDF in a transaction of its own, dropping the agreement's older drafts; when
    another instance kept the same one first, theirs stays (the bytes are of the same draft)."""
    with sessions() as session:
        session.execute(
            sa.delete(DraftDocument).where(
                DraftDocument.agreement_id == agreement_id,
                DraftDocument.format == FORMAT,
                DraftDocument.change_counter < change_counter,
            )
        )
        session.add(
            DraftDocument(
                agreement_id=agreement_id,
                change_counter=change_counter,
                format=FORMAT,
                content=content,
            )
        )
        try:
            session.commit()
        except IntegrityError:
            session.rollback()


def draft_pdf(
    session: Session,
    agreement: Agreement,
    *,
    catalogue: Catalogue,
    origin: str,
    templates_folder: str,
    convert: Callable[[bytes], bytes],
) -> bytes:
    """The PDF of the agreement's draft as `session` sees it (read in one snapshot)."""
    data = draft_data(session, agreement, catalogue, origin)
    return convert(render(data, template_path(agreement.kind, templates_folder)))


def make_draft_pdf(
    sessions: sessionmaker,
    agreement_id: int,
    change_counter: int,
    *,
    catalogue: Catalogue,
    origin: str,
    templates_folder: str,
    convert: Callable[[bytes], bytes],
) -> bytes | None:
    """The job: make and keep the draft PDF of the agreement at `change_counter`. Returns the
    PDF (the kept one if there is one already), or None when the agreement is gone, final, or
    has moved past that change counter (a newer write's job will make that one). `convert`
    turns a .docx into PDF and raises PdfUnavailable (pdf.to_pdf)."""
    with sessions() as session:
        if session.get_bind().dialect.name != "sqlite":  # every read of one snapshot
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        if (content := kept(session, agreement_id, change_counter)) is not None:
            return content
        agreement = session.get(Agreement, agreement_id)
        if (
            agreement is None
            or agreement.status != "drafting"
            or agreement.change_counter != change_counter
        ):
            return None
        content = draft_pdf(
            session,
            agreement,
            catalogue=catalogue,
            origin=origin,
            templates_folder=templates_folder,
            convert=convert,
        )
    keep(sessions, agreement_id, change_counter, content)
    return content
