// The page's element factory and the actions its controls call: shared by the view modules
// (view.js, section-view.js, partners-view.js). Text goes in with textContent, never as HTML.

export const $ = (id) => document.getElementById(id);

let handlers = {};

/** The app's actions, by name (app.js hands them over once, through view.bind). */
export function setActions(actions) {
  handlers = actions;
}

export function emit(name, ...args) {
  if (handlers[name]) handlers[name](...args);
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else if (value !== false && value != null) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

export function on(id, event, fn) {
  $(id).addEventListener(event, (e) => {
    if (event === "submit") e.preventDefault();
    fn(e);
  });
}

/** Fill a <select> with {key, …} items. */
export function fillSelect(select, items, labelOf) {
  select.replaceChildren(...items.map((i) => el("option", { value: i.key, text: labelOf(i) })));
}
