// Every call to the JSON API: bearer token, ETag polling, Idempotency-Key on POSTs, and
// problem+json answers turned into plain words. No DOM here.

/** An API call that did not succeed; `message` is fit to show to the user. */
export class ApiError extends Error {
  constructor(status, message, problem = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

const PLAIN = {
  401: "Your sign-in has ended. Please sign in again.",
  403: "You are not allowed to do that in this agreement.",
  404: "We could not find that. It may have been removed, or you may not be a member.",
  409: "Someone else changed this at the same time.",
  410: "This invitation has expired or has already been used. Ask for a new one.",
  413: "That is too much text to save at once.",
  429: "Too many attempts. Wait a minute and try again.",
};

/** Plain words for a problem+json body (RFC 9457) and its status. */
export function problemWords(status, problem) {
  let detail = problem && typeof problem.detail === "string" ? problem.detail : "";
  // The web server's own wording for an unknown address or method is meant for developers.
  if (/^The (requested URL|method is not allowed)/.test(detail)) detail = "";
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const listed = errors
    .slice(0, 5)
    .map((e) => (e.field && e.field !== "(body)" ? `${e.field}: ${e.message}` : e.message));
  if (status >= 500) return "Something went wrong on the server. Please try again in a moment.";
  if (status === 401) return PLAIN[401]; // the server's words here are for developers
  const words = detail || PLAIN[status] || `The server refused the request (${status}).`;
  return listed.length ? `${words} ${listed.join("; ")}.` : words;
}

function newKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * The API client. `getToken()` gives the bearer token (or null); `onUnauthorised()` runs on
 * a 401 before the error is thrown, so the pane can ask the user to sign in again.
 */
export function createApi({ getToken, onUnauthorised = () => {}, fetchImpl = null }) {
  const doFetch = fetchImpl || ((...args) => fetch(...args));

  async function call(method, path, { body, etag, raw = false, once = true } = {}) {
    const headers = { Accept: "application/json, application/problem+json" };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (etag) headers["If-None-Match"] = etag;
    // A retried write is done once (not for previews: they write nothing).
    if (method !== "GET" && once) headers["Idempotency-Key"] = newKey();
    let response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
      });
    } catch (cause) {
      throw new ApiError(0, "We cannot reach the server. Check your connection and try again.", {
        cause: String(cause),
      });
    }
    if (response.status === 304) return { status: 304, etag, data: null };
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch {
        problem = null;
      }
      if (response.status === 401) onUnauthorised();
      throw new ApiError(response.status, problemWords(response.status, problem), problem);
    }
    if (raw) return { status: response.status, response };
    const text = response.status === 204 ? "" : await response.text();
    return {
      status: response.status,
      etag: response.headers.get("ETag"),
      data: text ? JSON.parse(text) : null,
    };
  }

  const base = "/api/v1";
  const agreement = (id) => `${base}/agreements/${encodeURIComponent(id)}`;
  const section = (id, key) => `${agreement(id)}/sections/${encodeURIComponent(key)}`;
  const data = async (promise) => (await promise).data;

  return {
    me: () => data(call("GET", `${base}/me`)),
    mailChoice: () => data(call("GET", `${base}/me/notifications`)),
    setMailChoice: (mode) => data(call("PUT", `${base}/me/notifications`, { body: { mode } })),
    catalogue: () => data(call("GET", `${base}/catalogue`)),
    signOut: () => call("POST", `${base}/sign-out`),
    /**
     * End the built-in sign-in provider's own session in this browser (after signOut revoked
     * the token), so that the next sign-in asks for the password. Same-origin cookies only.
     */
    async endProviderSession() {
      const failed = () =>
        new ApiError(0, "We could not sign you out of the sign-in service.", null);
      let response;
      try {
        response = await doFetch("/auth/sign-out", {
          headers: { Accept: "application/json" },
          cache: "no-store",
          credentials: "same-origin",
        });
        if (!response.ok) throw failed();
        const form = await response.json();
        if (!form.provider_sign_out) return false; // another provider: nothing of ours to end
        response = await doFetch(form.provider_sign_out, {
          method: "POST",
          body: new URLSearchParams({ csrf: form.csrf }),
          cache: "no-store",
          credentials: "same-origin",
        });
        await response.text(); // the provider's "signed out" page: read to its end, not shown
      } catch (error) {
        throw error instanceof ApiError ? error : failed();
      }
      if (!response.ok) throw failed();
      return true;
    },
    agreements: async () => (await data(call("GET", `${base}/agreements`))).agreements,
    waiting: async () => (await data(call("GET", `${base}/me/waiting`))).items,
    changesSinceFinal: (id) => data(call("GET", `${agreement(id)}/changes-since-final`)),
    createAgreement: (body) => data(call("POST", `${base}/agreements`, { body })),
    /** The state, or {status: 304} when `etag` still matches. */
    state: (id, etag) => call("GET", agreement(id), { etag }),
    section: (id, key) => data(call("GET", section(id, key))),
    /** The clause and findings the fields would give, without saving anything. */
    preview: (id, key, fields) =>
      data(call("POST", `${section(id, key)}/preview`, { body: { fields }, once: false })),
    acceptFinding: (id, key, body) =>
      data(call("POST", `${section(id, key)}/accepted-findings`, { body })),
    saveSection: (id, key, body) => data(call("PUT", section(id, key), { body })),
    approve: (id, key, body) => data(call("POST", `${section(id, key)}/approvals`, { body })),
    withdraw: (id, key, partyId) =>
      call("DELETE", `${section(id, key)}/approvals/${encodeURIComponent(partyId)}`),
    requestChanges: (id, key, body) =>
      data(call("POST", `${section(id, key)}/change-requests`, { body })),
    withdrawRequest: (id, number) =>
      call("PATCH", `${agreement(id)}/change-requests/${encodeURIComponent(number)}`, {
        body: { status: "withdrawn" },
      }),
    finalise: (id) => data(call("POST", `${agreement(id)}/finalise`)),
    events: (id) => data(call("GET", `${agreement(id)}/events`)),
    invite: (id, body) => data(call("POST", `${agreement(id)}/invitations`, { body })),
    revokeInvitation: (id, invitationId) =>
      call("DELETE", `${agreement(id)}/invitations/${encodeURIComponent(invitationId)}`),
    removeMember: (id, memberId) =>
      call("DELETE", `${agreement(id)}/members/${encodeURIComponent(memberId)}`),
    /** Join by invitation: the token goes in the body, never in a URL. */
    accept: (token) => data(call("POST", `${base}/invitations/accept`, { body: { token } })),
    /** A document (draft or final) as a Blob and its file name. */
    async download(path) {
      const { response } = await call("GET", path, { raw: true });
      const disposition = response.headers.get("Content-Disposition") || "";
      const match = /filename="?([^";]+)"?/.exec(disposition);
      return { blob: await response.blob(), name: match ? match[1] : null };
    },
    paths: {
      draftDocx: (id) => `${agreement(id)}/document.docx`,
      finalDocument: (id, version, ext) => `${agreement(id)}/versions/${version}/document.${ext}`,
    },
  };
}
