// "Changes since the final version": the difference per section from
// GET /api/v1/agreements/{id}/changes-since-final, shown as the text with deleted words struck
// through (<del>) and inserted words marked (<ins>). Every word goes in with textContent.

const STATUS = {
  changed: "changed",
  added: "new since the final version",
  removed: "taken out since the final version",
};

/** The sections that differ, each as {key, title, note, runs}. */
export function changedSections(answer) {
  return answer.sections
    .filter((s) => s.status !== "unchanged")
    .map((s) => ({
      key: s.key,
      title: s.title,
      note: [STATUS[s.status] || s.status, s.author ? `by ${s.author}` : null]
        .filter(Boolean)
        .join(" "),
      runs: s.runs,
    }));
}

const CONTEXT = 80; // characters of unchanged text kept on each side of a change

/** The runs for reading: long unchanged stretches cut to their ends around an ellipsis. */
export function shortened(runs) {
  return runs.map((run, i) => {
    if (run.op !== "same" || run.text.length <= 3 * CONTEXT) return run;
    const head = i === 0 ? "" : run.text.slice(0, CONTEXT).replace(/\s+\S*$/, "");
    const tail = i === runs.length - 1 ? "" : run.text.slice(-CONTEXT).replace(/^\S*\s+/, "");
    return { op: "same", text: `${head}${head ? " " : ""}…${tail ? " " : ""}${tail}` };
  });
}

/** A one-line summary, e.g. "2 sections changed since final version 1". */
export function summary(answer) {
  const n = changedSections(answer).length;
  if (!n) return `Nothing has changed since final version ${answer.final_version}.`;
  const what = n === 1 ? "1 section" : `${n} sections`;
  return `${what} changed since final version ${answer.final_version}.`;
}

/** Fill `container` (an element of `doc`) with the changed sections; `open(key)` on a title. */
export function renderChanges(doc, container, answer, open) {
  while (container.firstChild) container.removeChild(container.firstChild);
  const heading = doc.createElement("p");
  heading.setAttribute("class", "note");
  heading.textContent = summary(answer);
  container.appendChild(heading);
  for (const section of changedSections(answer)) {
    const block = doc.createElement("article");
    block.setAttribute("class", "change");
    block.setAttribute("data-section", section.key);
    const title = doc.createElement("h3");
    const link = doc.createElement("a");
    link.setAttribute("href", `/pane/#agreement=${answer.agreement_id}&section=${section.key}`);
    link.textContent = section.title;
    if (open && link.addEventListener) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        open(section.key);
      });
    }
    title.appendChild(link);
    const note = doc.createElement("p");
    note.setAttribute("class", "card-meta");
    note.textContent = section.note;
    const text = doc.createElement("p");
    text.setAttribute("class", "change-text");
    for (const run of shortened(section.runs)) {
      const part = doc.createElement(run.op === "same" ? "span" : run.op);
      part.textContent = run.text;
      text.appendChild(part);
    }
    block.appendChild(title);
    block.appendChild(note);
    block.appendChild(text);
    container.appendChild(block);
  }
  container.removeAttribute("hidden");
}
