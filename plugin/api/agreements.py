"""Agreement endpoints: create, list, read (with ETag), draft sections, approve, object,
finalise, renegotiate, and the audit trail.

Every write answers from its own effects, inside its own transaction (the routing wrapper commits
after the answer is built), never by reading again after the commit: under concurrency a fresh
read could describe someone else's write.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from auth.identities import provider_names
from auth.tokens import current_user
from plugin import clock
from plugin.catalogue import default_catalogue
from plugin.documents import records
from plugin.store import agreements as store
from plugin.store import audit
from plugin.store.db import get_session, write_session
from plugin.store.models import Agreement, Approval, ChangeRequest, Member, Revision, User
from plugin.store.section_state import section_state
from plugin.workflow import roles, rules
from plugin.workflow import state as wf
from plugin.workflow.errors import NotFound

from . import bp
from . import schemas as s
from .answers import cached_read, no_content, snapshot_session, state_in_write, tag_of, with_etag
from .routing import ID, operation
from .views import (
    agreement_out,
    approval_out,
    change_request_out,
    event_list,
    revision_out,
    section_detail,
    section_history,
    summary,
)

AGREEMENT = f"/agreements/<{ID}:agreement_id>"
SECTION = AGREEMENT + "/sections/<section_key>"


def _locked(agreement_id: int, user: User, action: str, for_party: int | None = None):
    """Lock the agreement for a write and check the caller may do `action`."""
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    roles.require(member.role, action, member.party_id, for_party)
    return agreement, member


def _carry_out(agreement: Agreement, user: User, command, *args):
    """Decide with the rules on the locked state and write the effects (the wrapper commits).

    Returns (state before, effects, rows added)."""
    session = get_session()
    before = store.load_state(session, agreement, default_catalogue(), clock.today())
    effects = command(before, *args)
    return before, effects, store.persist(session, agreement, effects, user)


def _carry_out_on(agreement: Agreement, user: User, section: str, command, *args):
    """As _carry_out, for a rule that reads one section only: loads that section's rows alone.

    Returns (state before, effects, rows added)."""
    session = get_session()
    before, _ = section_state(session, agreement, default_catalogue(), section)
    effects = command(before, section, *args)
    return before, effects, store.persist(session, agreement, effects, user)


@operation(
    bp,
    "/agreements",
    "POST",
    summary="Create an agreement; you become its owner",
    body=s.AgreementCreate,
    responses={201: s.AgreementOut},
    errors=(422,),
)
def create_agreement(user: User, body: s.AgreementCreate):
    session = write_session()
    agreement = store.create(
        session,
        user,
        default_catalogue(),
        title=body.title,
        kind=body.kind,
        level=body.level,
        parties=[p.name for p in body.parties],
        owner_party=body.owner_party,
    )
    member = session.scalar(
        sa.select(Member).where(Member.agreement_id == agreement.id, Member.user_id == user.id)
    )
    response = state_in_write(agreement, member, 201)
    response.headers["Location"] = f"/api/v1/agreements/{agreement.id}"
    return response


@operation(
    bp,
    "/agreements",
    "GET",
    summary="The agreements you are a member of",
    responses={200: s.AgreementList},
)
def list_agreements(user: User):
    rows = store.list_for(get_session(), user)
    return s.AgreementList(agreements=[summary(a, m) for a, m in rows])


@operation(
    bp,
    AGREEMENT,
    "GET",
    summary="The state of an agreement, without sections' fields (ETag; If-None-Match: 304)",
    responses={200: s.AgreementOut, 304: None},
    errors=(404,),
    signs_in=False,
)
def get_agreement(agreement_id: int):
    catalogue = default_catalogue()
    return cached_read(agreement_id, lambda session, a, m: agreement_out(session, a, m, catalogue))


@operation(
    bp,
    SECTION,
    "GET",
    summary="One section: its current revision with the structured fields, and its findings",
    responses={200: s.SectionDetail, 304: None},
    errors=(404,),
    signs_in=False,
)
def get_section(agreement_id: int, section_key: str):
    catalogue = default_catalogue()
    if section_key not in catalogue.sections:  # no ETag of any agreement can name it
        current_user()  # 401 before 404, as everywhere
        raise NotFound(f"There is no section '{section_key}'.")
    return cached_read(
        agreement_id, lambda session, a, _m: section_detail(session, a, section_key, catalogue)
    )


@operation(
    bp,
    SECTION,
    "PUT",
    summary="Save a new revision of a section",
    body=s.SectionPut,
    responses={200: s.RevisionSaved, 201: s.RevisionSaved},
    errors=(403, 404, 409, 422),
)
def put_section(user: User, agreement_id: int, section_key: str, body: s.SectionPut):
    agreement, member = _locked(agreement_id, user, "edit")
    session, catalogue = get_session(), default_catalogue()
    catalogue.section(section_key, agreement.kind)
    before, previous = section_state(session, agreement, catalogue, section_key)
    parties = list(before.parties)
    if body.fields is not None:
        fields = catalogue.validate_fields(section_key, body.fields, parties, agreement.title)
    else:  # text edited by hand (e.g. in Word): the structured fields stay as they were
        fields = (
            previous.fields
            if previous
            else catalogue.validate_fields(section_key, {}, parties, agreement.title)
        )
    text = (
        body.text
        if body.text is not None
        else catalogue.render_clause(section_key, fields, parties, agreement.kind)
    )
    effects = rules.edit(before, section_key, body.base_revision, text, fields, body.source)
    added = store.persist(session, agreement, effects, user)
    revision = next((r for r in added if isinstance(r, Revision)), previous)
    author = user if effects else session.get(User, revision.author_id)
    tag = tag_of(agreement, member)
    saved = s.RevisionSaved(
        created=bool(effects), revision=revision_out(revision, author), etag=tag
    )
    return with_etag(saved, 201 if effects else 200, tag)


@operation(
    bp,
    SECTION + "/revisions",
    "GET",
    summary="A section's history: every revision, and which party approved which wording",
    responses={200: s.SectionHistory},
    errors=(404,),
)
def section_revisions(user: User, agreement_id: int, section_key: str):
    session = get_session()
    agreement, _ = store.find(session, agreement_id, user)
    return section_history(session, agreement, section_key, default_catalogue())


@operation(
    bp,
    SECTION + "/approvals",
    "POST",
    summary="Approve the current wording for your party",
    body=s.ApprovalCreate,
    responses={200: s.ApprovalSaved, 201: s.ApprovalSaved},
    errors=(403, 404, 409, 422),
)
def approve_section(user: User, agreement_id: int, section_key: str, body: s.ApprovalCreate):
    agreement, member = _locked(agreement_id, user, "approve", body.party_id)
    if body.job_title:
        member.job_title = body.job_title
    session = get_session()
    before, _ = section_state(session, agreement, default_catalogue(), section_key)
    effects = rules.approve(before, section_key, body.party_id, body.revision_sha256)
    # The body said so: confirms_authority is exactly true (the schema takes nothing else).
    added = store.persist(session, agreement, effects, user, authority_confirmed=True)
    after = wf.apply_all(before, effects)
    approval = next((a for a in added if isinstance(a, Approval)), None)
    approver = user
    if approval is None:  # the party's approval was already in force: answer with it
        approval = get_session().scalar(
            sa.select(Approval).where(
                Approval.agreement_id == agreement.id,
                Approval.version == agreement.version,
                Approval.section_key == section_key,
                Approval.party_id == body.party_id,
                Approval.active,
            )
        )
        approver = get_session().get(User, approval.user_id)
    in_force = after.approvals_in_force(section_key)
    tag = tag_of(agreement, member)
    saved = s.ApprovalSaved(
        approval=approval_out(approval, approver, approval.party_id in in_force),
        approved_by_all=in_force >= {p.id for p in after.parties},
        etag=tag,
    )
    return with_etag(saved, 201 if effects else 200, tag)


@operation(
    bp,
    SECTION + f"/approvals/<{ID}:party_id>",
    "DELETE",
    summary="Withdraw your party's approval of a section",
    responses={204: None},
    errors=(403, 404, 409),
)
def withdraw_approval(user: User, agreement_id: int, section_key: str, party_id: int):
    agreement, member = _locked(agreement_id, user, "approve", party_id)
    _carry_out_on(agreement, user, section_key, rules.withdraw_approval, party_id)
    return no_content(agreement, member)


@operation(
    bp,
    SECTION + "/change-requests",
    "POST",
    summary="Object to the current wording; blocks finalising until settled",
    body=s.ChangeRequestCreate,
    responses={201: s.ChangeRequestSaved},
    errors=(403, 404, 409, 422),
)
def request_change(user: User, agreement_id: int, section_key: str, body: s.ChangeRequestCreate):
    agreement, member = _locked(agreement_id, user, "approve", body.party_id)
    number = store.next_change_request_number(get_session(), agreement.id)
    _, _, added = _carry_out_on(
        agreement,
        user,
        section_key,
        rules.request_change,
        body.party_id,
        body.revision_sha256,
        body.comment,
        number,
    )
    opened = next(c for c in added if isinstance(c, ChangeRequest))
    tag = tag_of(agreement, member)
    saved = s.ChangeRequestSaved(**change_request_out(opened).model_dump(), etag=tag)
    return with_etag(saved, 201, tag)


@operation(
    bp,
    AGREEMENT + f"/change-requests/<{ID}:number>",
    "PATCH",
    summary="Withdraw or resolve your party's change request",
    body=s.ChangeRequestClose,
    responses={204: None},
    errors=(403, 404, 409, 422),
)
def close_change_request(user: User, agreement_id: int, number: int, body: s.ChangeRequestClose):
    agreement, member = _locked(agreement_id, user, "approve")
    _carry_out(agreement, user, rules.close_change_request, number, member.party_id, body.status)
    return no_content(agreement, member)


@operation(
    bp,
    AGREEMENT + "/finalise",
    "POST",
    summary="Finalise: every required section approved by every party",
    responses={200: s.AgreementOut},
    errors=(403, 404, 409),
)
def finalise(user: User, agreement_id: int):
    agreement, member = _locked(agreement_id, user, "finalise")
    before, _, _ = _carry_out(agreement, user, rules.finalise)
    # The final .docx, rendered from exactly the approved revisions, kept in this transaction,
    # with the `must` findings the partners accepted and their reasons on its certificate.
    records.keep_final(
        get_session(),
        agreement,
        default_catalogue(),
        current_app.config["PUBLIC_ORIGIN"],
        current_app.config["TEMPLATES_FOLDER"],
        records.accepted_findings(get_session(), agreement, before),
        provider_names(),
        current_app.config["TIME_ZONE"],
        user,
    )
    return state_in_write(agreement, member, 200)


@operation(
    bp,
    AGREEMENT + "/renegotiate",
    "POST",
    summary="Open version n+1 of a final agreement: same text, no approvals",
    responses={200: s.AgreementOut},
    errors=(403, 404, 409),
)
def renegotiate(user: User, agreement_id: int):
    agreement, member = _locked(agreement_id, user, "renegotiate")
    _carry_out(agreement, user, rules.renegotiate)
    return state_in_write(agreement, member, 200)


@operation(
    bp,
    AGREEMENT + "/events",
    "GET",
    summary="The audit trail, with the result of verifying its keyed hash chain and its rows",
    responses={200: s.EventList},
    errors=(404,),
)
def list_events(user: User, agreement_id: int):
    session = snapshot_session()
    store.find(session, agreement_id, user)
    events = audit.events_of(session, agreement_id)
    return event_list(events, audit.verify(session, agreement_id))
