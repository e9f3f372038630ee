// The status mark's frame. Its state comes from the extension's worker over a port (never through the page),
// keyed by the random id in this frame's address; a worker that stopped is reconnected to, and it answers
// with the state it kept.
(() => {
  // Symbol, colour, and the message that names the state (ui/i18n.js: the policy's language or the browser's).
  const LOOKS = {
    clear: ["✓", "#1b6e2a", "mark_clear"],
    caution: ["!", "#8a5300", "mark_caution"],
    stop: ["■", "#b00020", "mark_stop"],
    watching: ["…", "#555", "mark_watching"],
    unchecked: ["?", "#555", "mark_unchecked"],
    paused: ["II", "#555", "mark_paused"],
    unheld: ["⚠", "#8a5300", "mark_unheld"],
  };
  let t = () => "";
  const id = location.hash.slice(1);
  const span = document.getElementById("mark");

  let last = "watching";
  function paint(state) {
    last = state;
    const [symbol, colour, key] = LOOKS[state] || LOOKS.unchecked;
    const label = t(key);
    span.textContent = symbol;
    span.style.background = colour;
    span.setAttribute("aria-label", label);
    span.title = label;
    document.body.dataset.state = LOOKS[state] ? state : "unchecked"; // this frame's own document, not the page's
  }

  function connect() {
    let port;
    try {
      port = chrome.runtime.connect({ name: "mark" });
    } catch (e) {
      return; // the extension was reloaded: this frame is an orphan and its page will drop it
    }
    port.onMessage.addListener((message) => message?.state && paint(message.state));
    port.onDisconnect.addListener(() => setTimeout(connect, 200));
    port.postMessage({ id });
  }
  globalThis.ClientSafeI18n.ready.then(({ lang, t: words }) => {
    t = words;
    document.documentElement.lang = lang;
    document.title = t("mark_document_title");
    paint(last); // the label again, now in words
  });
  paint("watching");
  connect();
})();
