// A section's fields as a form, generated from the catalogue's field types. Part of the view:
// view.js hands it `el` (its element factory), so only the view builds the page.
// Types: text, longtext, date, choice, bool, number, party, parties, list, records.

let counter = 0;
const nextId = (key) => `field-${key}-${++counter}`;

function labelled(el, spec, id, control) {
  const help = spec.help ? el("p", { class: "help", id: `${id}-help`, text: spec.help }) : null;
  if (help) control.setAttribute("aria-describedby", `${id}-help`);
  return el("div", { class: "field" }, el("label", { for: id, text: spec.label }), help, control);
}

function group(el, spec, id, ...children) {
  const help = spec.help ? el("p", { class: "help", text: spec.help }) : null;
  return el(
    "fieldset",
    { class: "field group", id },
    el("legend", { text: spec.label }),
    help,
    ...children,
  );
}

function options(el, pairs, chosen, blank) {
  const list = blank === null ? [] : [el("option", { value: "", text: blank })];
  for (const [value, text] of pairs) {
    list.push(el("option", { value, text, selected: String(value) === String(chosen ?? "") }));
  }
  return list;
}

const empty = (v) => v === "" || v == null;

/** One field: {element, get()} where get() gives the JSON value the API expects. */
function buildField(spec, value, parties, el) {
  const id = nextId(spec.key);
  const partyPairs = parties.map((p) => [p.id, p.name]);
  if (spec.from_agreement) {
    // Filled by the service from the agreement itself (its title): shown, never asked.
    const shown = el("p", { id, class: "from-agreement", text: value || "" });
    return {
      element: el("div", { class: "field" }, el("p", { class: "label", text: spec.label }), shown),
      get: () => value ?? null,
    };
  }
  switch (spec.type) {
    case "text":
    case "date":
    case "time":
    case "number": {
      const input = el("input", {
        id,
        type: spec.type,
        maxlength: spec.type === "text" ? spec.max_length : null,
        min: spec.type === "number" ? 0 : null,
        step: spec.type === "number" ? "any" : null,
      });
      input.value = value ?? "";
      const get = () => {
        if (empty(input.value)) return null;
        return spec.type === "number" ? Number(input.value) : input.value;
      };
      return { element: labelled(el, spec, id, input), get };
    }
    case "longtext": {
      const area = el("textarea", { id, rows: 4, maxlength: spec.max_length });
      area.value = value ?? "";
      return {
        element: labelled(el, spec, id, area),
        get: () => (empty(area.value) ? null : area.value),
      };
    }
    case "choice": {
      const select = el(
        "select",
        { id },
        ...options(el, Object.entries(spec.options || {}), value, "Not chosen yet"),
      );
      return {
        element: labelled(el, spec, id, select),
        get: () => (empty(select.value) ? null : select.value),
      };
    }
    case "bool": {
      const pairs = [
        ["yes", "Yes"],
        ["no", "No"],
      ];
      const chosen = value === true ? "yes" : value === false ? "no" : "";
      const select = el("select", { id }, ...options(el, pairs, chosen, "Not decided yet"));
      const get = () => (select.value === "yes" ? true : select.value === "no" ? false : null);
      return { element: labelled(el, spec, id, select), get };
    }
    case "party": {
      const select = el("select", { id }, ...options(el, partyPairs, value, "Not chosen yet"));
      return {
        element: labelled(el, spec, id, select),
        get: () => (empty(select.value) ? null : Number(select.value)),
      };
    }
    case "parties": {
      const chosen = new Set(value || []);
      const boxes = parties.map((p) => {
        const boxId = `${id}-${p.id}`;
        // Fluent's checkbox; named by aria-labelledby too, for tools that read no form labels.
        const box = el("fluent-checkbox", {
          id: boxId,
          "aria-labelledby": `${boxId}-label`,
          "data-party": p.id,
          checked: chosen.has(p.id),
        });
        const label = el("label", { for: boxId, id: `${boxId}-label`, text: p.name });
        return { box, row: el("div", { class: "check" }, box, label) };
      });
      const get = () => boxes.filter((b) => b.box.checked).map((b) => Number(b.box.dataset.party));
      return { element: group(el, spec, id, ...boxes.map((b) => b.row)), get };
    }
    case "list": {
      const area = el("textarea", { id, rows: 3 });
      area.value = (value || []).join("\n");
      const help = `${spec.help ? `${spec.help} ` : ""}One item per line.`;
      const get = () =>
        area.value
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean);
      return { element: labelled(el, { ...spec, help }, id, area), get };
    }
    case "records":
      return buildRecords(spec, value || [], parties, el, id);
    default:
      throw new Error(`Unknown field type ${spec.type}`);
  }
}

function buildRecords(spec, items, parties, el, id) {
  const list = el("ol", { class: "records" });
  const entries = [];

  function renumber() {
    entries.forEach((entry, i) => {
      entry.legend.textContent = `${spec.label}: item ${i + 1}`;
      entry.remove.textContent = `Remove item ${i + 1}`;
      entry.remove.setAttribute("aria-label", `Remove item ${i + 1} from ${spec.label}`);
    });
  }

  function add(item, focusIt) {
    const built = buildFields(spec.fields || [], item || {}, parties, el);
    const legend = el("legend");
    const remove = el("fluent-button", { type: "button", appearance: "subtle" });
    const entry = { built, legend, remove, node: null };
    entry.node = el("li", {}, el("fieldset", { class: "record" }, legend, built.element, remove));
    remove.addEventListener("click", () => {
      const at = entries.indexOf(entry);
      entries.splice(at, 1);
      entry.node.remove();
      renumber();
      addButton.focus();
      list.dispatchEvent(new Event("change", { bubbles: true }));
    });
    entries.push(entry);
    list.append(entry.node);
    renumber();
    if (focusIt) {
      const first = entry.node.querySelector("input, select, textarea");
      if (first) first.focus();
    }
  }

  const addButton = el("fluent-button", {
    type: "button",
    appearance: "subtle",
    text: "Add an entry",
    "aria-label": `Add an entry to ${spec.label}`,
  });
  addButton.addEventListener("click", () => {
    add({}, true);
    list.dispatchEvent(new Event("change", { bubbles: true }));
  });
  for (const item of items) add(item, false);
  const get = () => entries.map((e) => e.built.get());
  return { element: group(el, spec, id, list, addButton), get };
}

/** The whole form: {element, get()} giving {field_key: value}. */
export function buildFields(specs, values, parties, el) {
  const built = specs.map((spec) => [spec.key, buildField(spec, values[spec.key], parties, el)]);
  for (const [key, b] of built) b.element.dataset.field = key;
  const element = el("div", { class: "fields" }, ...built.map(([, b]) => b.element));
  const get = () => Object.fromEntries(built.map(([key, b]) => [key, b.get()]));
  /** The page element of one field (where its findings are shown), or undefined. */
  const place = (key) => (built.find(([k]) => k === key) || [])[1]?.element;
  return { element, get, place };
}
