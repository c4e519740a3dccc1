"""The OpenAPI document is valid 3.1 and describes exactly what the server does."""

import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from plugin.api.openapi import openapi_path


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json


def test_document_is_valid_openapi_3_1(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.1")


def test_every_route_is_documented_and_nothing_else(app, spec):
    served = {
        (openapi_path(rule.rule.removeprefix("/api/v1")), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert served == documented


def _check(spec, path, method, response):
    """The response's status is documented for that operation, and its body fits the schema."""
    operation = spec["paths"][path][method]
    assert str(response.status_code) in operation["responses"], (path, method, response.status_code)
    content = operation["responses"][str(response.status_code)].get("content")
    if not content:
        assert not response.data
        return
    media, body = next(iter(content.items()))
    assert response.content_type == media
    schema = {**spec, **body["schema"]}
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(
        response.json
    )


def test_responses_match_their_schemas(spec, make_caller, client):
    owner = make_caller()
    created = owner.post(
        "/agreements",
        json={
            "title": "T",
            "kind": "partnership",
            "level": "networking",
            "parties": [{"name": "A"}, {"name": "B"}],
        },
    )
    _check(spec, "/api/v1/agreements", "post", created)
    aid, party = created.json["id"], created.json["my_party_id"]
    base = "/api/v1/agreements/{agreement_id}"
    key = "/sections/{section_key}"
    saved = owner.put(
        f"/agreements/{aid}/sections/purpose_and_aims",
        json={"base_revision": 0, "fields": {"purpose_statement": "Why"}},
    )
    _check(spec, base + key, "put", saved)
    _check(
        spec,
        base + key,
        "put",
        owner.put(
            f"/agreements/{aid}/sections/purpose_and_aims", json={"base_revision": 0, "text": "x"}
        ),
    )
    sha = saved.json["revision"]["sha256"]
    _check(
        spec,
        base + key + "/approvals",
        "post",
        owner.post(
            f"/agreements/{aid}/sections/purpose_and_aims/approvals",
            json={"party_id": party, "revision_sha256": sha, "confirms_authority": True},
        ),
    )
    _check(
        spec,
        base + key + "/change-requests",
        "post",
        owner.post(
            f"/agreements/{aid}/sections/purpose_and_aims/change-requests",
            json={"party_id": party, "revision_sha256": sha, "comment": "More"},
        ),
    )
    _check(
        spec,
        base + "/change-requests/{number}",
        "patch",
        owner.patch(f"/agreements/{aid}/change-requests/1", json={"status": "withdrawn"}),
    )
    _check(spec, base, "get", owner.get(f"/agreements/{aid}"))
    _check(spec, "/api/v1/agreements", "get", owner.get("/agreements"))
    _check(spec, base + "/events", "get", owner.get(f"/agreements/{aid}/events"))
    _check(spec, base + "/finalise", "post", owner.post(f"/agreements/{aid}/finalise"))
    invitation = owner.post(
        f"/agreements/{aid}/invitations", json={"party_id": party, "role": "viewer"}
    )
    _check(spec, base + "/invitations", "post", invitation)
    _check(
        spec,
        "/api/v1/invitations/accept",
        "post",
        make_caller().post("/invitations/accept", json={"token": invitation.json["token"]}),
    )
    _check(spec, base + key, "get", owner.get(f"/agreements/{aid}/sections/purpose_and_aims"))
    _check(spec, base + "/invitations", "get", owner.get(f"/agreements/{aid}/invitations"))
    other = owner.post(
        f"/agreements/{aid}/invitations", json={"party_id": party, "role": "viewer"}
    ).json["id"]
    _check(
        spec,
        base + "/invitations/{invitation_id}",
        "delete",
        owner.delete(f"/agreements/{aid}/invitations/{other}"),
    )
    joined = owner.get(f"/agreements/{aid}").json["members"][-1]["id"]
    _check(
        spec,
        base + "/members/{member_id}",
        "delete",
        owner.delete(f"/agreements/{aid}/members/{joined}"),
    )
    _check(spec, "/api/v1/me", "get", owner.get("/me"))
    _check(spec, "/api/v1/me", "get", client.get("/api/v1/me"))
    _check(spec, "/api/v1/catalogue", "get", client.get("/api/v1/catalogue"))
    _check(spec, base, "get", owner.get("/agreements/424242"))
    _check(
        spec,
        base + key,
        "put",
        owner.put(f"/agreements/{aid}/sections/purpose_and_aims", json={"base_revision": "x"}),
    )


def test_every_private_operation_refuses_anonymous_callers(app, client):
    from plugin.api.routing import OPERATIONS

    for op in OPERATIONS:
        path = re.sub(r"<[^>]*>", "1", op.path)
        response = client.open(f"/api/v1{path}", method=op.method, json={})
        if op.public:
            assert response.status_code == 200, op.name
        else:
            assert response.status_code == 401, op.name
            assert response.content_type == "application/problem+json"


def test_kinds_and_levels_in_the_schema_are_the_catalogues():
    from typing import get_args

    from plugin.api.schemas import Kind, Level
    from plugin.catalogue import default_catalogue

    catalogue = default_catalogue()
    assert list(get_args(Kind)) == list(catalogue.kinds)
    assert list(get_args(Level)) == list(catalogue.levels)
