// The API client against a recording fake fetch: headers, ETag/304, problems in plain words.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError, createApi, problemWords } from "../../../plugin/taskpane/api.js";

function fakeServer(answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, ...init });
    const [status, body, headers = {}] = answers.shift();
    return new Response(status === 304 || status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  };
  return { calls, fetchImpl };
}

test("sends the bearer token, and If-None-Match when it has an ETag", async () => {
  const server = fakeServer([
    [200, { id: 7 }, { ETag: 'W/"7.1"' }],
    [304, null],
  ]);
  const api = createApi({ getToken: () => "pa_token", fetchImpl: server.fetchImpl });
  const first = await api.state(7, null);
  assert.equal(first.etag, 'W/"7.1"');
  assert.deepEqual(first.data, { id: 7 });
  const second = await api.state(7, first.etag);
  assert.equal(second.status, 304);
  assert.equal(server.calls[0].headers.Authorization, "Bearer pa_token");
  assert.equal(server.calls[0].headers["If-None-Match"], undefined);
  assert.equal(server.calls[1].headers["If-None-Match"], 'W/"7.1"');
  assert.equal(server.calls[1].url, "/api/v1/agreements/7");
});

test("every write carries a fresh Idempotency-Key; reads and previews do not", async () => {
  const server = fakeServer([
    [201, {}],
    [201, {}],
    [200, {}],
    [200, { text: "t", findings: [] }],
    [200, {}],
  ]);
  const api = createApi({ getToken: () => "t", fetchImpl: server.fetchImpl });
  await api.approve(1, "aims", { party_id: 1, revision_sha256: "a".repeat(64) });
  await api.approve(1, "aims", { party_id: 1, revision_sha256: "a".repeat(64) });
  await api.saveSection(1, "aims", { base_revision: 0, text: "x" });
  await api.preview(1, "aims", { aims: [] });
  await api.me();
  const [a, b, put, preview, read] = server.calls;
  const keys = [a, b, put].map((c) => c.headers["Idempotency-Key"]);
  assert.ok(keys.every(Boolean));
  assert.equal(new Set(keys).size, 3);
  assert.equal(preview.url, "/api/v1/agreements/1/sections/aims/preview");
  assert.deepEqual(JSON.parse(preview.body), { fields: { aims: [] } });
  assert.equal(preview.headers["Idempotency-Key"], undefined);
  assert.equal(read.headers["Idempotency-Key"], undefined);
  assert.equal(put.method, "PUT");
  assert.deepEqual(JSON.parse(put.body), { base_revision: 0, text: "x" });
});

test("a problem becomes plain words and keeps its body (a 409 keeps the current revision)", async () => {
  const problem = {
    title: "Conflict",
    status: 409,
    detail: "It has moved on.",
    current: { number: 2 },
  };
  const server = fakeServer([[409, problem, { "Content-Type": "application/problem+json" }]]);
  const api = createApi({ getToken: () => "t", fetchImpl: server.fetchImpl });
  await assert.rejects(api.saveSection(1, "aims", { base_revision: 1, text: "x" }), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.message, "It has moved on.");
    assert.equal(error.problem.current.number, 2);
    return true;
  });
});

test("plain words: field errors listed, server errors and developer wording hidden", () => {
  const invalid = {
    detail: "The request body is not valid.",
    errors: [{ field: "title", message: "String should have at least 1 character" }],
  };
  assert.equal(
    problemWords(422, invalid),
    "The request body is not valid. title: String should have at least 1 character.",
  );
  assert.match(problemWords(500, { detail: "Traceback" }), /^Something went wrong on the server/);
  assert.equal(
    problemWords(401, { detail: "send 'Authorization: Bearer <token>'" }),
    "Your sign-in has ended. Please sign in again.",
  );
  const unknown = { detail: "The requested URL was not found on the server. If you entered…" };
  assert.match(problemWords(404, unknown), /^We could not find that/);
});

test("a 401 tells the pane to ask for sign-in", async () => {
  let asked = 0;
  const server = fakeServer([[401, { detail: "x" }]]);
  const api = createApi({
    getToken: () => "t",
    onUnauthorised: () => asked++,
    fetchImpl: server.fetchImpl,
  });
  await assert.rejects(api.me(), ApiError);
  assert.equal(asked, 1);
});

test("no connection is said in plain words", async () => {
  const api = createApi({
    getToken: () => "t",
    fetchImpl: async () => {
      throw new TypeError("Failed to fetch");
    },
  });
  await assert.rejects(api.me(), { status: 0, message: /cannot reach the server/ });
});

test("joining sends the token in the body, never in the address", async () => {
  const server = fakeServer([[200, { agreement_id: 3, party_id: 2, role: "approver" }]]);
  const api = createApi({ getToken: () => "t", fetchImpl: server.fetchImpl });
  const membership = await api.accept("tok-123");
  assert.equal(membership.agreement_id, 3);
  assert.equal(server.calls.length, 1);
  assert.equal(server.calls[0].url, "/api/v1/invitations/accept");
  assert.deepEqual(JSON.parse(server.calls[0].body), { token: "tok-123" });
});

test("a used invitation is refused once, with its status", async () => {
  const server = fakeServer([[410, { detail: "This invitation has already been used." }]]);
  const api = createApi({ getToken: () => "t", fetchImpl: server.fetchImpl });
  await assert.rejects(api.accept("tok"), { status: 410 });
  assert.equal(server.calls.length, 1);
});

test("ending the provider's session: its form token, posted same-origin, never the API token", async () => {
  const server = fakeServer([
    [200, { provider_sign_out: "/oauth/logout", csrf: "form-token" }],
    [200, {}],
  ]);
  const api = createApi({ getToken: () => "pa_token", fetchImpl: server.fetchImpl });
  assert.equal(await api.endProviderSession(), true);
  const [asked, posted] = server.calls;
  assert.equal(asked.url, "/auth/sign-out");
  assert.equal(asked.credentials, "same-origin");
  assert.equal(posted.url, "/oauth/logout");
  assert.equal(posted.method, "POST");
  assert.equal(posted.credentials, "same-origin");
  assert.equal(String(posted.body), "csrf=form-token");
  for (const call of server.calls) assert.equal((call.headers || {}).Authorization, undefined);
});

test("ending the provider's session: nothing to end with another provider; a refusal is said", async () => {
  const other = fakeServer([[200, { provider_sign_out: null, csrf: null }]]);
  const api = createApi({ getToken: () => null, fetchImpl: other.fetchImpl });
  assert.equal(await api.endProviderSession(), false);
  assert.equal(other.calls.length, 1);
  const refused = fakeServer([
    [200, { provider_sign_out: "/oauth/logout", csrf: "old" }],
    [400, {}],
  ]);
  const again = createApi({ getToken: () => null, fetchImpl: refused.fetchImpl });
  await assert.rejects(again.endProviderSession(), (e) => e instanceof ApiError);
});

test("withdrawing an invitation and removing a member are DELETEs of theirs", async () => {
  const server = fakeServer([
    [204, null],
    [204, null],
  ]);
  const api = createApi({ getToken: () => "pa_token", fetchImpl: server.fetchImpl });
  await api.revokeInvitation(7, 31);
  await api.removeMember(7, 12);
  assert.deepEqual(
    server.calls.map((c) => `${c.method} ${c.url}`),
    ["DELETE /api/v1/agreements/7/invitations/31", "DELETE /api/v1/agreements/7/members/12"],
  );
});
