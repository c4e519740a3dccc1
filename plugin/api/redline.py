"""What changed since the last final version: per section in JSON (for the pane), and as a
Word redline of the current version with native tracked changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from flask import current_app
from pydantic import BaseModel

from plugin.catalogue import default_catalogue
from plugin.documents import records
from plugin.documents.redline import Change, redline
from plugin.documents.render import render, template_path
from plugin.store import agreements as store
from plugin.store.db import get_session
from plugin.store.models import Agreement, Member, User
from plugin.workflow.differences import word_changes
from plugin.workflow.errors import NotFound

from . import bp
from .documents import DOCX, _file, _name
from .routing import ID, operation
from .schemas import Out, Timestamp
from .views import etag

AGREEMENT = f"/agreements/<{ID}:agreement_id>"


class ChangeRun(BaseModel):
    op: Literal["same", "del", "ins"]
    text: str


class SectionChange(BaseModel):
    key: str
    title: str
    status: Literal["unchanged", "changed", "added", "removed"]
    revision: int | None
    author: str | None
    changed_at: Timestamp | None
    runs: list[ChangeRun]


class ChangesSinceFinal(Out):
    agreement_id: int
    final_version: int
    version: int
    differs: bool
    sections: list[SectionChange]


@dataclass(frozen=True)
class Comparison:
    final_version: int
    draft: object  # the DocumentData of the current text
    sections: list[SectionChange]
    changes: dict[str, Change]


def _compare(agreement: Agreement) -> Comparison:
    """Each section's current text against the last final version before this one. Raises
    NotFound when there is none."""
    session = get_session()
    catalogue, origin = default_catalogue(), current_app.config["PUBLIC_ORIGIN"]
    earlier = [v for v in records.final_versions(session, agreement.id) if v < agreement.version]
    if not earlier:
        raise NotFound(
            "This agreement has no earlier final version to compare with: changes since the "
            "final version can be shown once a final agreement is reopened as a new version."
        )
    base = earlier[-1]
    kept = records.stored(session, agreement.id, base, "docx")
    final = records.final_data(session, agreement, base, catalogue, origin, kept.created_at)
    draft = records.draft_data(session, agreement, catalogue, origin)
    current = store.current_revisions(session, agreement.id)
    authors = {m.user_id: m.user.name for m in _members(session, agreement)}
    authors |= _names(session, {r.author_id for r in current.values()} - authors.keys())
    old = {s.key: s for s in final.sections}
    sections, changes = [], {}
    for section in draft.sections + tuple(s for s in final.sections if s.key not in current):
        before = old[section.key].text if section.key in old else ""
        after = section.text if section.key in current else ""
        revision = current.get(section.key)
        if before == after:
            status, runs = "unchanged", []
        else:
            status = "added" if section.key not in old else "removed" if not after else "changed"
            runs = word_changes(before, after)
            changes[section.key] = Change(
                runs,
                authors.get(revision.author_id, "") if revision else "",
                revision.created_at if revision else dt.datetime.now(dt.UTC).replace(tzinfo=None),
            )
        sections.append(
            SectionChange(
                key=section.key,
                title=section.title,
                status=status,
                revision=revision.number if revision else None,
                author=authors.get(revision.author_id) if revision and runs else None,
                changed_at=revision.created_at if revision and runs else None,
                runs=[ChangeRun(op=r.op, text=r.text) for r in runs],
            )
        )
    return Comparison(base, draft, sections, changes)


def _members(session, agreement: Agreement):
    return session.scalars(sa.select(Member).where(Member.agreement_id == agreement.id)).all()


def _names(session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(sa.select(User.id, User.name).where(User.id.in_(ids))).all())


@operation(
    bp,
    AGREEMENT + "/changes-since-final",
    "GET",
    summary="How each section's current text differs from the last final version, word by "
    "word (runs kept, deleted and inserted)",
    responses={200: ChangesSinceFinal},
    errors=(404,),
)
def changes_since_final(user: User, agreement_id: int):
    agreement, _ = store.find(get_session(), agreement_id, user)
    found = _compare(agreement)
    return ChangesSinceFinal(
        agreement_id=agreement.id,
        final_version=found.final_version,
        version=agreement.version,
        differs=bool(found.changes),
        sections=found.sections,
    )


@operation(
    bp,
    AGREEMENT + "/redline.docx",
    "GET",
    summary="The current version as a Word document with tracked changes (insertions and "
    "deletions, with author and date) against the last final version, section by section",
    responses={200: None, 304: None},
    errors=(404,),
    download=DOCX,
)
def download_redline(user: User, agreement_id: int):
    agreement, member = store.find(get_session(), agreement_id, user)
    found = _compare(agreement)
    template = template_path(agreement.kind, current_app.config["TEMPLATES_FOLDER"])
    content = redline(render(found.draft, template), found.changes)
    tag = etag(agreement.id, agreement.change_counter, member.id, member.role) + ".redline"
    name = _name(agreement, agreement.version, f"redline-v{found.final_version}", "docx")
    return _file(content, DOCX, name, tag, weak=True)
