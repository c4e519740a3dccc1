// Personal access tokens: list, create and revoke through the API with the pane's token.
// Every value is written with textContent (never innerHTML).
const token = localStorage.getItem("pa.token");
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    $("signed-out").hidden = false;
    $("create").hidden = true;
    throw new Error("Your sign-in has ended.");
  }
  if (!response.ok) {
    const problem = await response.json();
    throw new Error(problem.detail || problem.title);
  }
  return response.status === 204 ? null : response.json();
}

function show(message) {
  $("message").textContent = message;
}

async function refresh() {
  const { tokens } = await api("GET", "/tokens");
  const body = $("tokens").querySelector("tbody");
  body.replaceChildren();
  for (const t of tokens) {
    const row = document.createElement("tr");
    for (const text of [t.label, t.current ? `${t.kind} (this page)` : t.kind, t.expires_at]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const cell = document.createElement("td");
    if (!t.current) {
      const button = document.createElement("button");
      button.textContent = "Revoke";
      button.addEventListener("click", () => act(async () => {
        await api("DELETE", `/tokens/${t.id}`);
        show(`Revoked "${t.label}".`);
      }));
      cell.append(button);
    }
    row.append(cell);
    body.append(row);
  }
  $("tokens").hidden = false;
}

async function act(action) {
  try {
    await action();
    await refresh();
  } catch (error) {
    show(error.message);
  }
}

if (!token) {
  $("signed-out").hidden = false;
} else {
  $("create").hidden = false;
  $("create").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    act(async () => {
      const made = await api("POST", "/tokens", { label: form.get("label"), days: Number(form.get("days")) });
      $("new-token").textContent = made.token;
      $("new-token").hidden = false;
      show("Copy the token now: it will not be shown again.");
    });
  });
  act(async () => {});
}
