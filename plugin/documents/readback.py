"""Read an edited .docx back into an agreement, section by section, from the base revision
the document's binding names: unchanged, a new revision (source `import`), a conflict (the
server moved on since the file was made: nothing overwritten), missing, empty or unknown."""

from __future__ import annotations

from dataclasses import dataclass

from plugin.catalogue import Catalogue
from plugin.workflow import rules
from plugin.workflow.errors import Conflict
from plugin.workflow.state import AgreementState, Effect, apply_all
from plugin.workflow.text import normalise, text_sha256

from .reading import BadDocument, ReadDocument


class WrongAgreement(BadDocument):
    title = "Document of another agreement"


@dataclass(frozen=True)
class Outcome:
    key: str
    title: str
    outcome: str  # unchanged | updated | conflict | missing | empty | unknown
    revision: int | None
    detail: str


def check_binding(read: ReadDocument, agreement_id: int, origin: str) -> None:
    """Raises BadDocument without a binding, WrongAgreement when it names another agreement
    or another server."""
    binding = read.binding
    if binding is None:
        raise BadDocument(
            "This document is not bound to an agreement (it has no agreement binding part). "
            "Download the agreement's document and edit that one."
        )
    if binding.origin != origin:
        raise WrongAgreement(
            f"This document was made by another server ({binding.origin}), not {origin}."
        )
    if binding.agreement_id != agreement_id:
        raise WrongAgreement(
            f"This document belongs to agreement {binding.agreement_id}, not {agreement_id}."
        )


def plan_import(
    state: AgreementState,
    read: ReadDocument,
    catalogue: Catalogue,
    kind: str,
    previous_fields: dict[str, dict],
) -> tuple[list[Outcome], list[Effect]]:
    """What the document changes, decided by the rules on the locked state. Raises Conflict
    when the agreement is final."""
    if state.status == "final":
        raise Conflict(
            f"Version {state.version} of this agreement is final and cannot change. "
            "Renegotiate it to import edits."
        )
    assert read.binding is not None  # check_binding ran first
    keys = [s.key for s in catalogue.sections_for(kind)]
    outcomes: list[Outcome] = []
    effects: list[Effect] = []
    for key in keys:
        title = state.titles[key]
        current = state.revisions.get(key)
        mark = read.binding.section(key)
        if key not in read.sections:
            if mark is not None or current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "missing",
                        current and current.number,
                        "The section's content control is not in the document.",
                    )
                )
            continue
        text = normalise(read.sections[key])
        base = mark.revision if mark else 0
        if not text:
            if current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "empty",
                        current.number,
                        "The section is empty in the document; its text was kept.",
                    )
                )
            continue
        sha = text_sha256(text)
        if (mark and sha == mark.sha256) or (current and sha == current.sha256):
            outcomes.append(
                Outcome(key, title, "unchanged", current and current.number, "No change.")
            )
            continue
        if base != (current.number if current else 0):
            outcomes.append(
                Outcome(
                    key,
                    title,
                    "conflict",
                    current and current.number,
                    f"Changed in the document, but the section has moved on since revision "
                    f"{base}, which the document was made from: nothing was overwritten. "
                    "Download the current document and make the change again.",
                )
            )
            continue
        new = rules.edit(state, key, base, text, previous_fields.get(key), "import")
        state = apply_all(state, new)
        effects += new
        outcomes.append(
            Outcome(
                key,
                title,
                "updated",
                state.revisions[key].number,
                "A new revision; approvals of this section start again.",
            )
        )
    notes = {
        "bookmark": " Found by its bookmarks (the document had lost its content control).",
        "heading": " Found by its heading (the document had no content control or bookmark "
        "for it): check the text is the section's.",
    }
    outcomes = [
        Outcome(o.key, o.title, o.outcome, o.revision, o.detail + notes[read.found_by[o.key]])
        if o.key in read.found_by
        else o
        for o in outcomes
    ]
    outcomes += [
        Outcome(
            key,
            read.titles.get(key, key),
            "unknown",
            None,
            "This agreement has no such section; it was ignored.",
        )
        for key in read.sections
        if key not in keys
    ]
    return outcomes, effects
