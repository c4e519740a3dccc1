"""Personal access tokens for scripts (GET/POST /api/v1/tokens, DELETE /api/v1/tokens/{id})
and sign-out, through the API with bearer tokens only."""

import pytest


def test_create_list_use_and_revoke_a_personal_token(make_caller, client):
    me = make_caller()
    made = me.post("/tokens", json={"label": "nightly export", "days": 7})
    assert made.status_code == 201
    body = made.json
    assert body["kind"] == "personal" and body["label"] == "nightly export"
    assert body["token"].startswith("pat_") and not body["current"]

    script = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/api/v1/me", headers=script).json["id"] == me.id

    listed = me.get("/tokens").json["tokens"]
    assert [t["kind"] for t in listed] == ["sign-in", "personal"]
    assert [t["current"] for t in listed] == [True, False]
    assert all("token" not in t for t in listed)  # shown once, at creation

    assert me.delete(f"/tokens/{body['id']}").status_code == 204
    assert client.get("/api/v1/me", headers=script).status_code == 401
    assert me.delete(f"/tokens/{body['id']}").status_code == 404
    assert [t["kind"] for t in me.get("/tokens").json["tokens"]] == ["sign-in"]


def test_nobody_revokes_another_users_token(make_caller):
    amina, sam = make_caller(), make_caller()
    made = amina.post("/tokens", json={"label": "mine"}).json
    refused = sam.delete(f"/tokens/{made['id']}")
    assert refused.status_code == 404
    assert refused.content_type == "application/problem+json"
    assert [t["id"] for t in amina.get("/tokens").json["tokens"]][-1] == made["id"]


@pytest.mark.parametrize(
    "body",
    [
        {"label": ""},
        {"label": "x", "days": 0},
        {"label": "x", "days": 366},
        {"days": 3},
        {"label": "x", "kind": "sign-in"},
        {"label": "a\u0000b"},
    ],
)
def test_bad_token_requests_change_nothing(make_caller, body):
    me = make_caller()
    answer = me.post("/tokens", json=body)
    assert answer.status_code == 422 and answer.content_type == "application/problem+json"
    assert len(me.get("/tokens").json["tokens"]) == 1


def test_sign_out_revokes_only_the_callers_token(make_caller, client):
    me = make_caller()
    other = me.post("/tokens", json={"label": "script"}).json["token"]
    assert me.post("/sign-out").status_code == 204
    assert me.get("/me").status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {other}"}).status_code == 200


def test_token_endpoints_need_a_bearer_token(client):
    for method, path in [
        ("get", "/tokens"),
        ("post", "/tokens"),
        ("delete", "/tokens/1"),
        ("post", "/sign-out"),
    ]:
        answer = getattr(client, method)(f"/api/v1{path}")
        assert answer.status_code == 401 and answer.content_type == "application/problem+json"


def test_token_page_is_served_without_inline_script(client):
    page = client.get("/auth/tokens")
    assert page.status_code == 200 and 'src="/auth/static/tokens.js"' in page.text
    with client.get("/auth/static/tokens.js") as script:
        assert script.status_code == 200 and b"textContent" in script.data
