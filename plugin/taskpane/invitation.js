// Invitation links: read the token from the page's fragment, build a link to share. Pure.

const FRAGMENT = /^#invitation=([A-Za-z0-9_\-.~]{8,200})$/;

/** The invitation token in a fragment such as "#invitation=abc…", or null. */
export function tokenFromFragment(hash) {
  const match = FRAGMENT.exec(hash || "");
  return match ? match[1] : null;
}

/** The link partners open: this pane, with the token in the fragment (never sent to servers). */
export function invitationLink(origin, answer) {
  if (answer.token) return `${origin}/pane/#invitation=${encodeURIComponent(answer.token)}`;
  return answer.url;
}
