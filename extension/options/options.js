// Pairing this browser with the ClientSafe app: the app shows a code, the person checks it is the same here and
// approves it there. Words from _locales (ui/i18n.js: the policy's language or the browser's).
const { lang, t } = await globalThis.ClientSafeI18n.ready;
globalThis.ClientSafeI18n.apply(document, t, lang);

const status = document.getElementById("status");
const ask = (message) => chrome.runtime.sendMessage(message);
// The end of a pairing the app did not approve, as the app reports it (api/pairing.py).
const ENDED = { denied: "options_pairing_denied", expired: "options_pairing_expired" };

document.getElementById("pair").addEventListener("click", async () => {
  const started = await ask({ type: "pair-start", clientName: `${navigator.userAgentData?.brands?.[0]?.brand || "Browser"}` });
  if (started.error) {
    // The worker's only refusal: no app answered on any of its ports (background/tray.js startPairing).
    status.textContent = t("options_app_not_found");
    return;
  }
  status.innerHTML = "";
  const p = document.createElement("p");
  p.textContent = t("options_check_code");
  const code = document.createElement("div");
  code.className = "code";
  code.textContent = `${started.code.slice(0, 3)} ${started.code.slice(3)}`;
  status.append(p, code);
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const { status: s } = await ask({ type: "pair-poll" });
    if (s === "approved") { status.textContent = t("options_paired"); return; }
    if (s !== "pending") { status.textContent = t(ENDED[s] || "options_pairing_stopped"); return; }
  }
});
