"""Agreement endpoints: create, list, read (with ETag), draft sections, approve, object,
finalise, renegotiate, and the audit trail."""

from __future__ import annotations

import json

from flask import Response, current_app, request

from plugin.catalogue import default_catalogue
from plugin.documents import records
from plugin.store import agreements as store
from plugin.store import audit
from plugin.store.db import get_session, write_session
from plugin.store.models import Agreement, Member, User
from plugin.workflow import roles, rules
from plugin.workflow.state import Party

from . import bp
from . import schemas as s
from .routing import ID, operation
from .views import (
    agreement_out,
    change_request_out,
    etag,
    event_list,
    revision_out,
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


def _carry_out(agreement: Agreement, user: User, command, *args) -> list:
    """Decide with the rules on the locked state, write the effects, commit; return them."""
    session = get_session()
    effects = command(store.load_state(session, agreement, default_catalogue()), *args)
    store.persist(session, agreement, effects, user)
    session.commit()
    return effects


def _state(agreement: Agreement, member: Member) -> Response:
    session = get_session()
    body = agreement_out(session, agreement, member, default_catalogue()).model_dump(mode="json")
    response = Response(status=200)
    response.set_data(json.dumps(body))
    response.content_type = "application/json"
    response.set_etag(
        etag(agreement.id, agreement.change_counter, member.id, member.role), weak=True
    )
    response.headers["Cache-Control"] = "private, no-cache"
    return response


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
    session.commit()
    _, member = store.find(session, agreement.id, user)
    response = _state(agreement, member)
    response.status_code = 201
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
    summary="The whole state of an agreement (ETag; If-None-Match answers 304)",
    responses={200: s.AgreementOut, 304: None},
    errors=(404,),
)
def get_agreement(user: User, agreement_id: int):
    session = get_session()
    if request.if_none_match:  # a conditional GET: answer 304 from one light query
        tag = etag(agreement_id, *store.change_marker(session, agreement_id, user))
        if request.if_none_match.contains_weak(tag):
            response = Response(status=304)
            response.set_etag(tag, weak=True)
            return response
    return _state(*store.find(session, agreement_id, user))


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
    agreement, _ = _locked(agreement_id, user, "edit")
    session, catalogue = get_session(), default_catalogue()
    catalogue.section(section_key, agreement.kind)
    parties = [Party(p.id, p.name) for p in agreement.parties]
    previous = store.current_revisions(session, agreement.id).get(section_key)
    if body.fields is not None:
        fields = catalogue.validate_fields(section_key, body.fields, parties)
    else:  # text edited by hand (e.g. in Word): the structured fields stay as they were
        fields = (
            previous.fields if previous else catalogue.validate_fields(section_key, {}, parties)
        )
    text = (
        body.text
        if body.text is not None
        else catalogue.render_clause(section_key, fields, parties)
    )
    effects = _carry_out(
        agreement, user, rules.edit, section_key, body.base_revision, text, fields, body.source
    )
    revision = store.current_revisions(session, agreement.id)[section_key]
    author = user if effects else session.get(User, revision.author_id)
    saved = s.RevisionSaved(created=bool(effects), revision=revision_out(revision, author))
    return saved, 201 if effects else 200


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
    responses={201: s.AgreementOut},
    errors=(403, 404, 409, 422),
)
def approve_section(user: User, agreement_id: int, section_key: str, body: s.ApprovalCreate):
    agreement, member = _locked(agreement_id, user, "approve", body.party_id)
    _carry_out(agreement, user, rules.approve, section_key, body.party_id, body.revision_sha256)
    response = _state(agreement, member)
    response.status_code = 201
    return response


@operation(
    bp,
    SECTION + f"/approvals/<{ID}:party_id>",
    "DELETE",
    summary="Withdraw your party's approval of a section",
    responses={204: None},
    errors=(403, 404, 409),
)
def withdraw_approval(user: User, agreement_id: int, section_key: str, party_id: int):
    agreement, _ = _locked(agreement_id, user, "approve", party_id)
    _carry_out(agreement, user, rules.withdraw_approval, section_key, party_id)


@operation(
    bp,
    SECTION + "/change-requests",
    "POST",
    summary="Object to the current wording; blocks finalising until settled",
    body=s.ChangeRequestCreate,
    responses={201: s.ChangeRequestOut},
    errors=(403, 404, 409, 422),
)
def request_change(user: User, agreement_id: int, section_key: str, body: s.ChangeRequestCreate):
    agreement, _ = _locked(agreement_id, user, "approve", body.party_id)
    session = get_session()
    number = store.next_change_request_number(session, agreement.id)
    _carry_out(
        agreement,
        user,
        rules.request_change,
        section_key,
        body.party_id,
        body.revision_sha256,
        body.comment,
        number,
    )
    opened = next(c for c in store.open_change_requests(session, agreement) if c.number == number)
    return change_request_out(opened)


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
    session = get_session()
    effects = rules.finalise(store.load_state(session, agreement, default_catalogue()))
    store.persist(session, agreement, effects, user)
    # The final .docx, rendered from exactly the approved revisions, kept in this transaction.
    records.keep_final(
        session,
        agreement,
        default_catalogue(),
        current_app.config["PUBLIC_ORIGIN"],
        current_app.config["TEMPLATES_FOLDER"],
    )
    session.commit()
    return _state(agreement, member)


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
    return _state(agreement, member)


@operation(
    bp,
    AGREEMENT + "/events",
    "GET",
    summary="The audit trail, with the result of verifying its hash chain",
    responses={200: s.EventList},
    errors=(404,),
)
def list_events(user: User, agreement_id: int):
    session = get_session()
    store.find(session, agreement_id, user)
    events = audit.events_of(session, agreement_id)
    return event_list(events, audit.verify_events(events))
