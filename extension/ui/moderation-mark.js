// The mark beside a comment on the organisation's page, in the extension's own frame (24 x 24 px whatever it
// shows, so the page cannot tell a flagged comment from a clear one by its frame). Its state comes from the
// worker over a port, keyed by the random id in this frame's address. A flagged mark opens the moderation panel
// on the person's own click or key; a click or key a script forged (not trusted) does nothing.
(() => {
  // Symbol, colour, and the message that names the state (ui/i18n.js: the policy's language or the browser's).
  const LOOKS = {
    clear: ["✓", "#6b6b6b", "modmark_clear"],
    review: ["!", "#8a5300", "modmark_review"],
    urgent: ["!!", "#b00020", "modmark_urgent"],
    dismissed: ["–", "#6b6b6b", "modmark_dismissed"],
    unchecked: ["…", "#6b6b6b", "modmark_unchecked"],
  };
  let t = () => "";
  const id = location.hash.slice(1);
  const span = document.getElementById("mark");
  let state = "unchecked";

  function paint(next) {
    state = LOOKS[next] ? next : "unchecked";
    const [symbol, colour, key] = LOOKS[state];
    const label = t(key);
    span.textContent = symbol;
    span.style.background = colour;
    span.style.cursor = state === "review" || state === "urgent" ? "pointer" : "default";
    span.setAttribute("aria-label", label);
    span.title = label;
    document.body.dataset.state = state; // this frame's own document, not the page's
  }

  function open(event) {
    if (!event.isTrusted || (state !== "review" && state !== "urgent")) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    chrome.runtime.sendMessage({ type: "moderation-open", id }).catch(() => {});
  }
  span.addEventListener("click", open);
  span.addEventListener("keydown", open);

  function connect() {
    let port;
    try {
      port = chrome.runtime.connect({ name: "moderation-mark" });
    } catch (e) {
      return; // the extension was reloaded: this frame is an orphan
    }
    port.onMessage.addListener((message) => message?.state && paint(message.state));
    port.onDisconnect.addListener(() => setTimeout(connect, 200));
    port.postMessage({ id });
  }
  globalThis.ClientSafeI18n.ready.then(({ lang, t: words }) => {
    t = words;
    document.documentElement.lang = lang;
    document.title = t("modmark_document_title");
    paint(state); // the label again, now in words
  });
  paint("unchecked");
  connect();
})();
