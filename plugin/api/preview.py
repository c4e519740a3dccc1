"""Clause preview: the text and findings a section's fields would give, with nothing written.

The section editor asks for it as the user fills in the form, so they see the clause take shape
(the same validation as PUT, the catalogue's sandboxed template) before saving it."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from plugin import clock
from plugin.catalogue import default_catalogue
from plugin.store import agreements as store
from plugin.store.db import get_session
from plugin.store.models import User
from plugin.workflow.state import Party

from . import bp
from . import schemas as s
from .findings import finding_out
from .routing import ID, operation

SECTION = f"/agreements/<{ID}:agreement_id>/sections/<section_key>"


class PreviewIn(s.In):
    fields: dict[str, Any] = Field(description="The section's fields, as PUT takes them")


class PreviewOut(s.Out):
    text: str = Field(description="The clause these fields render (not saved)")
    findings: list[s.FindingOut] = Field(
        description="What the section would still lack with these fields, other sections as saved"
    )


@operation(
    bp,
    SECTION + "/preview",
    "POST",
    summary="Preview a section: the clause and findings its fields would give (writes nothing)",
    body=PreviewIn,
    responses={200: PreviewOut},
    errors=(404, 422),
)
def preview_section(user: User, agreement_id: int, section_key: str, body: PreviewIn):
    session, catalogue = get_session(), default_catalogue()
    agreement, _ = store.find(session, agreement_id, user)  # any member may preview
    catalogue.section(section_key, agreement.kind)
    parties = [Party(p.id, p.name) for p in agreement.parties]
    fields = catalogue.validate_fields(section_key, body.fields, parties, agreement.title)
    text = catalogue.render_clause(section_key, fields, parties, agreement.kind)
    snap = store.snapshot(session, agreement)
    saved = {k: r.fields or {} for k, r in snap.revisions.items()}
    hashes = {k: r.sha256 for k, r in snap.revisions.items() if k != section_key}
    found = catalogue.findings(
        agreement.kind,
        {**saved, section_key: fields},
        parties,
        hashes,
        agreement.level,
        clock.today(),
    )
    accepted = {(a.section_key, a.code): a for a in snap.accepted_findings}
    return PreviewOut(
        text=text, findings=[finding_out(f, accepted) for f in found.get(section_key, [])]
    )
