// What plugin/taskpane/fluent.js bundles: the Fluent 2 web components the pane uses (button,
// checkbox, and the accordion for a section's folds), defined once, with the button's and the
// checkbox's role and state also written as ARIA attributes on the element itself (the
// accordion's button and heading are plain elements in its shadow root, seen as they are).
//
// Fluent's components give their role and state through ElementInternals, which browsers read
// but axe-core and Playwright's role selectors cannot yet (dequelabs/axe-core#4259). Writing the
// same role and state on the element changes nothing for a screen reader and lets the pane's
// accessibility checks and browser tests see them as a screen reader does.
import { Button } from "@fluentui/web-components/button/class.js";
import { Checkbox } from "@fluentui/web-components/checkbox/class.js";
import "@fluentui/web-components/accordion.js";
import "@fluentui/web-components/accordion-item.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/checkbox.js";

/** A function writing `role` and `states(node)` on a connected node, called on connecting. */
function reflect(type, role, states) {
  const mirror = (node) => {
    if (!node.isConnected) return; // never from a constructor (no attributes allowed there)
    if (!node.hasAttribute("role")) node.setAttribute("role", role);
    for (const [name, value] of Object.entries(states(node))) {
      if (value === null) node.removeAttribute(name);
      else node.setAttribute(name, value);
    }
  };
  after(type, "connectedCallback", mirror);
  return mirror;
}

/** Run `then(node)` after the type's own `method`. */
function after(type, method, then) {
  const own = type.prototype[method];
  type.prototype[method] = function (...args) {
    const result = own?.apply(this, args);
    then(this);
    return result;
  };
}

const disabled = (node) => (node.disabled ? "true" : null);

const button = reflect(Button, "button", (b) => ({ "aria-disabled": disabled(b) }));
after(Button, "disabledChanged", button);

const checkbox = reflect(Checkbox, "checkbox", (c) => ({
  "aria-checked": c.indeterminate ? "mixed" : String(Boolean(c.checked)),
  "aria-disabled": disabled(c),
  "aria-required": c.required ? "true" : null,
}));
after(Checkbox, "setAriaChecked", checkbox);
after(Checkbox, "disabledChanged", checkbox);

// Elements already in the page when their definition arrived.
for (const [tag, mirror] of [
  ["fluent-button", button],
  ["fluent-checkbox", checkbox],
]) {
  customElements.whenDefined(tag).then(() => document.querySelectorAll(tag).forEach(mirror));
}

// Enter in a form's text box submits it when its submit button is Fluent's: browsers only do
// that for a native submit button (WICG/webcomponents#814), so the pane would lose it.
const SUBMITS = new Set(["text", "email", "number", "date", "search", "tel", "url", "password"]);
document.addEventListener("keydown", (e) => {
  const input = e.target;
  if (e.key !== "Enter" || e.defaultPrevented || e.isComposing) return;
  if (!(input instanceof HTMLInputElement) || !SUBMITS.has(input.type) || !input.form) return;
  const form = input.form;
  if (form.querySelector("button[type=submit], input[type=submit], button:not([type])")) return;
  const submit = form.querySelector("fluent-button[type=submit]:not([disabled])");
  if (!submit) return;
  e.preventDefault();
  form.requestSubmit();
});
