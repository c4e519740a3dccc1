// What each section's state means, in plain words. Pure: no DOM, no fetch (tested in node).

/** Open change requests on a section's current wording. */
export function openRequests(agreement, section) {
  const sha = section.revision ? section.revision.sha256 : null;
  return agreement.change_requests.filter(
    (c) => c.section === section.key && c.status === "open" && c.sha256 === sha,
  );
}

/** Parties whose approval of the current wording is in force. */
export function approvingParties(section) {
  return new Set(section.approvals.filter((a) => a.current).map((a) => a.party_id));
}

/** {code, words} for one section: none | changes | approved | waiting | draft. */
export function sectionStatus(agreement, section) {
  const parties = agreement.parties.length;
  if (!section.revision) return { code: "none", words: "No text yet" };
  const requests = openRequests(agreement, section);
  if (requests.length) {
    const names = requests.map((c) => partyName(agreement, c.party_id)).join(", ");
    return { code: "changes", words: `Changes requested by ${names}` };
  }
  if (section.approved_by_all) return { code: "approved", words: "Approved by all partners" };
  const approved = approvingParties(section).size;
  if (approved === 0) {
    return { code: "draft", words: `Draft: waiting for all ${parties} partners to approve` };
  }
  const waiting = parties - approved;
  return {
    code: "waiting",
    words: `Waiting for ${waiting} of ${parties} ${parties === 1 ? "partner" : "partners"}`,
  };
}

/** Overall progress: required sections approved by all, out of all required sections. */
export function progress(agreement) {
  const required = agreement.sections.filter((s) => s.required);
  const done = required.filter((s) => s.approved_by_all && !openRequests(agreement, s).length);
  const words =
    agreement.status === "final"
      ? `Final: version ${agreement.version} was agreed by every partner`
      : `${done.length} of ${required.length} required sections approved by every partner`;
  return { done: done.length, total: required.length, words };
}

export function partyName(agreement, partyId) {
  const party = agreement.parties.find((p) => p.id === partyId);
  return party ? party.name : "an unknown partner";
}

const ROLE_CAN = {
  viewer: [],
  editor: ["edit"],
  approver: ["edit", "approve", "finalise"],
  owner: ["edit", "approve", "finalise"],
};

/** Whether the caller's role allows an action (the server checks again). */
export function can(agreement, action) {
  return agreement.status !== "final" && (ROLE_CAN[agreement.my_role] || []).includes(action);
}

/** Findings with their severity, `must` first; older servers send none (treated as must). */
export function sortedFindings(findings) {
  const rank = (f) => (f.severity === "should" ? 1 : 0);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

export const ROLE_WORDS = {
  viewer: "can read",
  editor: "can draft",
  approver: "can draft and approve",
  owner: "can draft, approve and invite",
};

const SPEAKS_WITH_AUTHORITY = ["approver", "owner"];

/** Whether a party has someone who decides who speaks for it (an approver, or the owner). */
export function hasApprover(agreement, partyId) {
  return agreement.members.some(
    (m) => m.party_id === partyId && SPEAKS_WITH_AUTHORITY.includes(m.role),
  );
}

/**
 * Who may invite people to which party (the server decides; this mirrors workflow/roles.py):
 * a party's own approvers, and the owner for a party that has no approver yet.
 * Gives {parties: [party…], others: [{party, words}…]}: where the user may invite, and why not
 * elsewhere, in plain words.
 */
export function invitingRights(agreement) {
  const mine = agreement.my_party_id;
  const role = agreement.my_role;
  const parties = [];
  const others = [];
  if (agreement.status === "final") return { parties, others };
  for (const party of agreement.parties) {
    const own = party.id === mine;
    if (own && SPEAKS_WITH_AUTHORITY.includes(role)) parties.push(party);
    else if (!own && role === "owner" && !hasApprover(agreement, party.id)) parties.push(party);
    else if (own) {
      others.push({ party, words: `Only ${party.name}'s approvers can invite people to it.` });
    } else {
      others.push({
        party,
        words: hasApprover(agreement, party.id)
          ? `${party.name} decides who speaks for it: ask one of its approvers to invite them.`
          : `Until ${party.name} has an approver, the person who started the agreement invites its first members.`,
      });
    }
  }
  return { parties, others };
}

export const SEVERITY_WORDS = {
  must: "Needed before finalising",
  should: "Worth adding",
};

/**
 * Who speaks for each party that the user controls (the same rule as invitingRights; the server
 * decides): {parties: Set of party ids, removable(member), withdrawable(invitation)}.
 * Nobody removes the agreement's owner, nor themselves, this way.
 */
export function partyControl(agreement, userId) {
  const parties = new Set(invitingRights(agreement).parties.map((p) => p.id));
  return {
    parties,
    removable: (m) => parties.has(m.party_id) && m.role !== "owner" && m.user.id !== userId,
    withdrawable: (i) => parties.has(i.party_id),
  };
}

/**
 * Where the agreement stands for the user's party: required sections done (approved by every
 * partner), waiting for my party (no text yet, or not approved by us), waiting for others (we
 * approved, they have not), and the next thing to do: {kind: draft|approve|review|finalise, key?,
 * words}, or null when nothing waits for us.
 */
export function whereAmI(agreement) {
  const mine = agreement.my_party_id;
  const required = agreement.sections.filter((s) => s.required);
  const done = [];
  const forUs = [];
  const forOthers = [];
  for (const s of required) {
    const settled = s.approved_by_all && !openRequests(agreement, s).length;
    if (settled) done.push(s);
    else if (s.revision && approvingParties(s).has(mine)) forOthers.push(s);
    else forUs.push(s);
  }
  let next = null;
  if (agreement.status === "final") next = null;
  else if (forUs.length) {
    const s = forUs.find((x) => x.revision && can(agreement, "approve")) || forUs[0];
    const kind = !s.revision
      ? can(agreement, "edit")
        ? "draft"
        : "review"
      : can(agreement, "approve")
        ? "approve"
        : "review";
    const verb = { draft: "Draft", approve: "Review and approve", review: "Read" }[kind];
    next = { kind, key: s.key, words: `${verb} “${s.title}”` };
  } else if (agreement.readiness && agreement.readiness.ready && can(agreement, "finalise")) {
    next = { kind: "finalise", words: "Finalise the agreement" };
  }
  return { done: done.length, mine: forUs.length, others: forOthers.length, next };
}

/** The sections in the order the pane steps through them: required first, then optional. */
export function sectionOrder(agreement) {
  return [
    ...agreement.sections.filter((s) => s.required),
    ...agreement.sections.filter((s) => !s.required),
  ];
}

/** The field each check code judges, from the catalogue's section: {code: field key}. */
export function fieldsJudged(guidance) {
  return Object.fromEntries((guidance.checks || []).map((c) => [c.code, c.field]));
}
