// The pane's status wording, in node (no browser, no DOM).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  can,
  invitingRights,
  partyControl,
  progress,
  sectionOrder,
  sectionStatus,
  sortedFindings,
  whereAmI,
} from "../../../plugin/taskpane/status.js";

const sha = (c) => c.repeat(64);
const parties = [
  { id: 1, name: "Riverside Council Youth Team" },
  { id: 2, name: "Eastfield Community Police Unit" },
  { id: 3, name: "Eastfield High School" },
];
const approval = (party, current = true) => ({ party_id: party, current, sha256: sha("a") });
const section = (key, { revision = true, approvals = [], all = false, required = true } = {}) => ({
  key,
  title: key,
  required,
  revision: revision ? { number: 2, sha256: sha("a"), text: "Text." } : null,
  approvals,
  approved_by_all: all,
  findings: [],
});
const agreement = (sections, extra = {}) => ({
  parties,
  sections,
  change_requests: [],
  status: "drafting",
  version: 1,
  my_role: "approver",
  ...extra,
});

test("a section without a revision has no text yet", () => {
  const s = section("aims", { revision: false });
  assert.deepEqual(sectionStatus(agreement([s]), s), { code: "none", words: "No text yet" });
});

test("a new revision waits for every partner", () => {
  const s = section("aims", { approvals: [approval(1, false)] });
  assert.equal(
    sectionStatus(agreement([s]), s).words,
    "Draft: waiting for all 3 partners to approve",
  );
});

test("counts the partners still to approve", () => {
  const s = section("aims", { approvals: [approval(1), approval(2)] });
  assert.equal(sectionStatus(agreement([s]), s).words, "Waiting for 1 of 3 partners");
});

test("approved by all", () => {
  const s = section("aims", { approvals: [1, 2, 3].map((p) => approval(p)), all: true });
  assert.equal(sectionStatus(agreement([s]), s).code, "approved");
});

test("an open change request on the current wording names who asked", () => {
  const s = section("aims", { approvals: [approval(1)] });
  const request = { section: "aims", party_id: 3, status: "open", sha256: sha("a") };
  const a = agreement([s], { change_requests: [request] });
  assert.equal(sectionStatus(a, s).words, "Changes requested by Eastfield High School");
  const old = { ...request, sha256: sha("b") }; // about an older wording: no longer in the way
  assert.equal(sectionStatus(agreement([s], { change_requests: [old] }), s).code, "waiting");
});

test("progress counts required sections approved by all", () => {
  const done = section("a", { all: true });
  const optional = section("b", { all: true, required: false });
  const waiting = section("c");
  const a = agreement([done, optional, waiting]);
  assert.deepEqual(progress(a), {
    done: 1,
    total: 2,
    words: "1 of 2 required sections approved by every partner",
  });
  assert.equal(
    progress({ ...a, status: "final" }).words,
    "Final: version 1 was agreed by every partner",
  );
});

test("roles: what the buttons offer follows the role, and nothing once final", () => {
  const a = agreement([]);
  assert.equal(can({ ...a, my_role: "viewer" }, "edit"), false);
  assert.equal(can({ ...a, my_role: "editor" }, "approve"), false);
  assert.equal(can(a, "finalise"), true);
  assert.equal(can({ ...a, status: "final" }, "edit"), false);
});

test("findings that must be fixed come before those worth adding", () => {
  const findings = [
    { message: "b", severity: "should" },
    { message: "a", severity: "must" },
    { message: "c" },
  ];
  assert.deepEqual(
    sortedFindings(findings).map((f) => f.message),
    ["a", "c", "b"],
  );
});

import { eventWords } from "../../../plugin/taskpane/history.js";

test("audit events in plain words, with section titles and partner names", () => {
  const a = { ...agreement([{ ...section("aims"), title: "Shared purpose and aims" }]) };
  const revision = { kind: "revision_added", data: { revision: { section: "aims", number: 2 } } };
  assert.equal(eventWords(revision, a), "Wrote revision 2 of “Shared purpose and aims”");
  const approval = {
    kind: "approval_given",
    data: { approval: { section: "aims", party_id: 3, revision: 2, sha256: "x" } },
  };
  assert.equal(
    eventWords(approval, a),
    "Approved revision 2 of “Shared purpose and aims” for Eastfield High School",
  );
  assert.equal(eventWords({ kind: "finalised", data: { version: 1 } }, a), "Finalised version 1");
  const accepted = {
    kind: "finding_accepted",
    data: { section: "aims", code: "aims.no_shared_aim", party_id: 1, reason: "Networking only." },
  };
  assert.equal(
    eventWords(accepted, a),
    "Recorded Riverside Council Youth Team's reason to accept a check on “Shared purpose and aims”: “Networking only.”",
  );
  const revoked = { kind: "invitation_revoked", data: { invitation_id: 4, party_id: 2 } };
  assert.equal(
    eventWords(revoked, a),
    "Withdrew an invitation to speak for Eastfield Community Police Unit",
  );
  assert.equal(eventWords({ kind: "revision_added", data: {} }, a), "revision added"); // unknown shape
  assert.equal(eventWords({ kind: "something_new", data: {} }, a), "something new");
});

const member = (party, role) => ({ id: party * 10, party_id: party, role, user: { id: party } });

test("inviting: the owner invites a party's first members, then only its approvers do", () => {
  const owner = agreement([], { my_role: "owner", my_party_id: 1, members: [member(1, "owner")] });
  assert.deepEqual(
    invitingRights(owner).parties.map((p) => p.id),
    [1, 2, 3],
  );
  const joined = {
    ...owner,
    members: [member(1, "owner"), member(2, "approver"), member(3, "editor")],
  };
  const rights = invitingRights(joined);
  assert.deepEqual(
    rights.parties.map((p) => p.id),
    [1, 3],
  );
  assert.deepEqual(
    rights.others.map((o) => o.words),
    [
      "Eastfield Community Police Unit decides who speaks for it: ask one of its approvers to invite them.",
    ],
  );
});

test("inviting: an approver invites to their own party only; an editor nowhere", () => {
  const members = [member(1, "owner"), member(2, "approver")];
  const approver = agreement([], { my_role: "approver", my_party_id: 2, members });
  const rights = invitingRights(approver);
  assert.deepEqual(
    rights.parties.map((p) => p.id),
    [2],
  );
  assert.equal(rights.others.length, 2);
  assert.match(rights.others[1].words, /Until Eastfield High School has an approver/);
  const editor = { ...approver, my_role: "editor" };
  assert.deepEqual(invitingRights(editor).parties, []);
  assert.equal(
    invitingRights(editor).others[1].words,
    "Only Eastfield Community Police Unit's approvers can invite people to it.",
  );
  assert.deepEqual(invitingRights({ ...approver, status: "final" }).parties, []);
});

test("changing people: where one may invite, never the owner nor oneself", () => {
  const members = [member(1, "owner"), member(2, "approver"), member(3, "editor")];
  const policeEditor = { id: 21, party_id: 2, role: "editor", user: { id: 8 } };
  const owner = agreement([], {
    my_role: "owner",
    my_party_id: 1,
    members: [...members, policeEditor],
  });
  const control = partyControl(owner, 1);
  assert.deepEqual([...control.parties], [1, 3]);
  assert.equal(control.removable(members[0]), false); // the owner, himself
  assert.equal(control.removable({ ...members[0], role: "editor", id: 11, user: { id: 5 } }), true);
  assert.equal(control.removable(members[1]), false); // the police have their own approver
  assert.equal(control.removable(policeEditor), false);
  assert.equal(control.removable(members[2]), true); // the school has none yet
  assert.equal(control.withdrawable({ id: 4, party_id: 3 }), true);
  assert.equal(control.withdrawable({ id: 5, party_id: 2 }), false);
  const approver = { ...owner, my_role: "approver", my_party_id: 2 };
  const theirs = partyControl(approver, 2);
  assert.equal(theirs.removable(members[1]), false); // herself
  assert.equal(theirs.removable(policeEditor), true);
  assert.equal(theirs.removable(members[2]), false);
  assert.deepEqual([...partyControl({ ...owner, status: "final" }, 1).parties], []);
});

test("where am I: done, waiting for my party, waiting for others, and the next step", () => {
  const a = agreement(
    [
      section("done", { approvals: [approval(1), approval(2), approval(3)], all: true }),
      section("ours", { approvals: [approval(2)] }),
      section("theirs", { approvals: [approval(1)] }),
      section("empty", { revision: false }),
      section("extra", { required: false, revision: false }),
    ],
    { my_party_id: 1, readiness: { ready: false, missing: [] } },
  );
  const where = whereAmI(a);
  assert.deepEqual([where.done, where.mine, where.others], [1, 2, 1]);
  // An approver is sent to what can be approved first, then to what needs drafting.
  assert.deepEqual(where.next, { kind: "approve", key: "ours", words: "Review and approve “ours”" });
  const editor = whereAmI({ ...a, my_role: "editor" });
  assert.equal(editor.next.kind, "review");
  const ready = agreement([section("done", { all: true, approvals: [approval(1)] })], {
    my_party_id: 1,
    readiness: { ready: true, missing: [] },
  });
  assert.deepEqual(whereAmI(ready).next, { kind: "finalise", words: "Finalise the agreement" });
  assert.equal(whereAmI({ ...ready, status: "final" }).next, null);
  assert.deepEqual(
    sectionOrder(a).map((s) => s.key),
    ["done", "ours", "theirs", "empty", "extra"],
  );
});
