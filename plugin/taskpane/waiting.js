// "What needs me": the list from GET /api/v1/me/waiting, shown on the pane's first screen.
// Every word from the server goes in with textContent; each entry links into its agreement
// (and section), and a click is handed to `open(agreementId, sectionKey)` instead.

const WHAT = {
  approve_section: (i) => `Approve “${i.section_title}” for ${i.party_name}`,
  answer_change_request: (i) => `${i.party_name} asked for changes to “${i.section_title}”`,
  accept_invitation: (i) => `Accept your invitation to speak for ${i.party_name}`,
  review_due: () => "Review the agreement",
  meeting_soon: (i) => `Meeting (${i.section_title})`,
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July"];
MONTHS.push("August", "September", "October", "November", "December");

/** A date "YYYY-MM-DD" in words, e.g. "Tue 15 June 2027" (the date as given: no time zone). */
export function dayWords(due) {
  const [y, m, d] = due.split("-").map(Number);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** One item in words: {what, where} ("where" names the agreement, and the date if any). */
export function itemWords(item) {
  const what = (WHAT[item.kind] || (() => "Something waits for you"))(item);
  const where = item.due ? `${item.agreement_title} · ${dayWords(item.due)}` : item.agreement_title;
  return { what, where };
}

/** Where a pane link points: {agreementId, sectionKey} (sectionKey null when none). */
export function placeOf(link) {
  const params = new URLSearchParams(String(link).split("#")[1] || "");
  const agreementId = Number(params.get("agreement"));
  return {
    agreementId: Number.isInteger(agreementId) && agreementId > 0 ? agreementId : null,
    sectionKey: params.get("section"),
  };
}

/** Fill `container` (an element of `doc`) with the items; hidden when there are none. */
export function renderWaiting(doc, container, items, open) {
  const list = doc.createElement("ul");
  list.setAttribute("class", "card-list");
  for (const item of items) {
    const { what, where } = itemWords(item);
    const link = doc.createElement("a");
    link.setAttribute("href", item.pane_link);
    link.setAttribute("class", "card");
    link.setAttribute("data-kind", item.kind);
    const title = doc.createElement("span");
    title.setAttribute("class", "card-title");
    title.textContent = what;
    const meta = doc.createElement("span");
    meta.setAttribute("class", "card-meta");
    meta.textContent = where;
    link.appendChild(title);
    link.appendChild(meta);
    if (open && link.addEventListener) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const place = placeOf(item.pane_link);
        open(place.agreementId, place.sectionKey);
      });
    }
    const entry = doc.createElement("li");
    entry.appendChild(link);
    list.appendChild(entry);
  }
  while (container.firstChild) container.removeChild(container.firstChild);
  if (items.length) {
    const heading = doc.createElement("h2");
    heading.textContent = "Waiting for you";
    container.appendChild(heading);
    container.appendChild(list);
  }
  if (items.length) container.removeAttribute("hidden");
  else container.setAttribute("hidden", "");
}
