// Hand the new API token to the pane (auth/views.py::complete). In the Office dialog: post it to
// the pane with messageParent. In a browser: keep it in localStorage and go on to `next`.
// The data comes from data- attributes (no inline script: CSP), never from the URL.
const handOff = document.getElementById("hand-off");
const { token, expiresAt, next, dialog } = handOff.dataset;

function continueInBrowser() {
  localStorage.setItem("pa.token", token);
  localStorage.setItem("pa.token_expires_at", expiresAt);
  // `next` was checked on the server to be a path on this origin.
  window.location.replace(next.startsWith("/") && !next.startsWith("//") ? next : "/pane/");
}

if (dialog === "1" && window.Office) {
  window.Office.onReady(() => {
    const ui = window.Office.context && window.Office.context.ui;
    if (ui && ui.messageParent) {
      ui.messageParent(JSON.stringify({ type: "signed-in", token, expires_at: expiresAt }));
      handOff.textContent = "Signed in. This window will close.";
    } else {
      continueInBrowser();
    }
  });
} else {
  continueInBrowser();
}
