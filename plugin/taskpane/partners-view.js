// The partners panel: who speaks for each party, inviting someone, withdrawing an invitation
// and removing a member (with an in-page confirmation). The server decides; this mirrors it.

import { $, el, emit, fillSelect, on } from "./dom.js";
import { invitingRights, partyControl, partyName, ROLE_WORDS } from "./status.js";

/** Connect the panel's own controls (called once by view.bind). */
export function bindPartners() {
  on("invite-form", "submit", () =>
    emit("invite", Number($("invite-party").value), $("invite-role").value),
  );
  on("invite-copy", "click", () => emit("copyInvite", $("invite-link").value));
  on("remove-yes", "click", () => {
    const member = removing;
    cancelRemove();
    if (member !== null) emit("removeMember", member);
  });
  on("remove-no", "click", () => {
    const member = removing;
    cancelRemove();
    const button = document.querySelector(`#party-list [data-member="${member}"]`);
    if (button) button.focus();
  });
}

/** Each party with its people and open invitations, and the controls the user may use. */
export function renderPartners(agreement, userId) {
  const control = partyControl(agreement, userId);
  $("party-list").replaceChildren(
    ...agreement.parties.map((party) => {
      const people = agreement.members.filter((m) => m.party_id === party.id);
      const open = (agreement.invitations || []).filter((i) => i.party_id === party.id);
      const waiting = open.length;
      const invited = waiting
        ? ` (${waiting === 1 ? "an invitation is" : `${waiting} invitations are`} waiting to be used)`
        : "";
      const words = people.length
        ? people.map((m) => `${m.user.name} (${ROLE_WORDS[m.role] || m.role})`).join(", ") + invited
        : `nobody has joined yet${invited}`;
      const buttons = [
        ...people.filter(control.removable).map((m) =>
          el(
            "li",
            {},
            el("fluent-button", {
              type: "button",
              appearance: "subtle",
              "data-member": m.id,
              text: `Remove ${m.user.name}`,
              onclick: () => askToRemove(agreement, m),
            }),
          ),
        ),
        ...open.filter(control.withdrawable).map((i, n) =>
          el(
            "li",
            {},
            el("fluent-button", {
              type: "button",
              appearance: "subtle",
              "data-invitation": i.id,
              text: `Withdraw invitation ${waiting > 1 ? `${n + 1} ` : ""}(${INVITED_AS[i.role] || i.role}, until ${shortDate(i.expires_at)})`,
              onclick: () => emit("revokeInvitation", i.id),
            }),
          ),
        ),
      ];
      return el(
        "li",
        {},
        el("strong", { text: party.name }),
        el("span", { text: `: ${words}` }),
        buttons.length
          ? el(
              "ul",
              { class: "plain-list party-controls", "aria-label": `Who speaks for ${party.name}` },
              ...buttons,
            )
          : null,
      );
    }),
  );
  const pending = agreement.members.find((m) => m.id === removing);
  if (removing !== null && !(pending && control.removable(pending))) cancelRemove();
  renderInviting(agreement);
}

/** The invite form offers only the parties the user may invite to; the others say why not. */
function renderInviting(agreement) {
  const rights = invitingRights(agreement);
  const final = agreement.status === "final";
  $("invite-panel").hidden = final;
  $("invite-form").hidden = !rights.parties.length;
  $("invite-limits").replaceChildren(...rights.others.map((o) => el("li", { text: o.words })));
  $("invite-limits").hidden = !rights.others.length;
  if (!rights.parties.length) return;
  const unjoined = rights.parties.find((p) => !agreement.members.some((m) => m.party_id === p.id));
  if (inviteSeenFor !== agreement.id && unjoined) $("invite-panel").expanded = true;
  inviteSeenFor = agreement.id;
  const select = $("invite-party");
  const chosen = select.value;
  fillSelect(
    select,
    rights.parties.map((p) => ({ key: p.id, title: p.name })),
    (p) => p.title,
  );
  const still = rights.parties.some((p) => String(p.id) === chosen);
  select.value = still ? chosen : unjoined ? String(unjoined.id) : select.value;
}

const INVITED_AS = { approver: "to draft and approve", editor: "to draft", viewer: "to read" };

function shortDate(when) {
  return new Date(when).toLocaleDateString(document.documentElement.lang, {
    day: "numeric",
    month: "short",
  });
}

let removing = null; // the member id whose removal waits for the user's confirmation

/** The in-page confirmation before someone is removed (never window.confirm). */
function askToRemove(agreement, member) {
  removing = member.id;
  const party = partyName(agreement, member.party_id);
  $("remove-words").textContent =
    `Remove ${member.user.name} from ${party}? They will no longer see or change this agreement.`;
  $("remove-yes").textContent = `Yes, remove ${member.user.name}`;
  $("remove-confirm").hidden = false;
  $("remove-words").focus();
}

/** After a change to who speaks for a party, the focus stays in the partners list (the button
 * that was pressed is gone). */
export function focusPartners() {
  $("party-list").tabIndex = -1;
  $("party-list").focus();
}

export function cancelRemove() {
  const wasOpen = removing !== null;
  removing = null;
  $("remove-confirm").hidden = true;
  return wasOpen;
}

let inviteSeenFor = null; // the invite panel opens by itself once per agreement, not again

export function renderInvitation(link) {
  $("invite-result").hidden = false;
  $("invite-link").value = link;
  $("invite-link").focus();
  $("invite-link").select();
}

export function clearInvitation() {
  $("invite-result").hidden = true;
  $("invite-link").value = "";
}

export function selectInvitationLink() {
  $("invite-link").select();
}

