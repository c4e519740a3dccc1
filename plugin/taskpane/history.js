// The audit trail in plain words. Pure: no DOM, no fetch (tested in node).

import { partyName } from "./status.js";

const ROLE = { viewer: "to read", editor: "to draft", approver: "to draft and approve" };

/** What one audit event records, in a sentence (the actor and time are shown beside it). */
export function eventWords(event, agreement) {
  try {
    return describe(event, event.data || {}, agreement);
  } catch {
    return event.kind.replaceAll("_", " "); // an event shape this pane does not know yet
  }
}

function describe(event, d, agreement) {
  const title = (key) => {
    const section = agreement.sections.find((s) => s.key === key);
    return `“${section ? section.title : key}”`;
  };
  const party = (id) => partyName(agreement, id);
  switch (event.kind) {
    case "agreement_created":
      return `Started the agreement “${d.title}”`;
    case "invitation_created":
      return `Invited someone to speak for ${party(d.party_id)} (${ROLE[d.role] || d.role})`;
    case "member_joined":
      return `Joined for ${party(d.party_id)}`;
    case "invitation_revoked":
      return `Withdrew an invitation to speak for ${party(d.party_id)}`;
    case "member_removed":
      return `Removed someone from ${party(d.party_id)}`;
    case "finding_accepted":
      return `Recorded ${party(d.party_id)}'s reason to accept a check on ${title(d.section)}: “${d.reason}”`;
    case "finding_acceptance_withdrawn":
      return `Withdrew the reason to accept a check on ${title(d.section)}`;
    case "revision_added":
      return `Wrote revision ${d.revision.number} of ${title(d.revision.section)}`;
    case "approval_given":
      return `Approved revision ${d.approval.revision} of ${title(d.approval.section)} for ${party(d.approval.party_id)}`;
    case "approval_withdrawn":
      return `Withdrew ${party(d.party_id)}'s approval of ${title(d.section)}`;
    case "change_requested":
      return `Asked for changes to ${title(d.request.section)} for ${party(d.request.party_id)}: “${d.request.comment}”`;
    case "change_request_closed":
      return `A change request was ${d.outcome === "withdrawn" ? "withdrawn" : "settled"}`;
    case "finalised":
      return `Finalised version ${d.version}`;
    case "renegotiated":
      return `Opened version ${d.version} for renegotiation`;
    default:
      return event.kind.replaceAll("_", " ");
  }
}
