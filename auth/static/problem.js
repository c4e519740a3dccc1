// In the Office dialog, tell the pane that sign-in failed and why (the page shows it too).
const problem = document.getElementById("problem");
if (problem.dataset.dialog === "1" && window.Office) {
  window.Office.onReady(() => {
    const ui = window.Office.context && window.Office.context.ui;
    if (ui && ui.messageParent) {
      ui.messageParent(JSON.stringify({ type: "sign-in-failed", message: problem.textContent }));
    }
  });
}
