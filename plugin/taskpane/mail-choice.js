// How you get mail about your agreements: at once, one email a day, or none
// (GET/PUT /api/v1/me/notifications). A small control beside your name.

export const MAIL_CHOICES = [
  ["immediate", "Email me at once"],
  ["digest", "One email a day"],
  ["none", "No email"],
];

const mounted = new WeakSet();

/** Add the control to `container` once, showing the saved choice; a change is saved at once. */
export async function mountMailChoice(container, api, doc = globalThis.document) {
  if (mounted.has(container)) return null;
  mounted.add(container);
  const label = doc.createElement("label");
  label.className = "mail-choice";
  label.append("Mail: ");
  const select = doc.createElement("select");
  for (const [value, text] of MAIL_CHOICES) {
    const option = doc.createElement("option");
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
  label.append(select);
  container.append(label);
  select.value = (await api.mailChoice()).mode;
  select.addEventListener("change", async () => {
    const wanted = select.value;
    select.disabled = true;
    try {
      select.value = (await api.setMailChoice(wanted)).mode;
    } finally {
      select.disabled = false;
    }
  });
  return select;
}
