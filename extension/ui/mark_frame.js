// The shared body of the two mark frames, each an extension page of 24 x 24 px: the status mark beside a composer
// (ui/mark.js) and the mark beside a comment on the organisation's page (ui/moderation-mark.js). A mark's state
// comes from the extension's worker over a port (never through the page), keyed by the random id in this frame's
// address; a worker that stopped is reconnected to, and it answers with the state it kept.
// A classic script, loaded by the mark's HTML before the mark's own script: it sets
// globalThis.ClientSafeMarkFrame = { start(options) -> { id, span, state() } }, where options are
//   looks     { state: [symbol, colour, message name] }, with an "unchecked" entry for a state it does not know
//   port      the port's name, which the worker answers to (background/panels.js, background/moderation.js)
//   initial   the state shown until the worker says otherwise
//   titleKey  the message name of the frame's document title
//   clickable the states in which the mark opens something (pointer cursor); none if left out
(() => {
  const RECONNECT_MS = 200;

  function start({ looks, port: portName, initial, titleKey, clickable }) {
    // The words (ui/i18n.js: the policy's language or the browser's); blank until they arrive.
    let t = () => "";
    const id = location.hash.slice(1);
    const span = document.getElementById("mark");
    let state = initial;

    function paint(next) {
      state = looks[next] ? next : "unchecked";
      const [symbol, colour, key] = looks[state];
      const label = t(key);
      span.textContent = symbol;
      span.style.background = colour;
      if (clickable) span.style.cursor = clickable.includes(state) ? "pointer" : "default";
      span.setAttribute("aria-label", label);
      span.title = label;
      document.body.dataset.state = state; // this frame's own document, not the page's
    }

    function connect() {
      let port;
      try {
        port = chrome.runtime.connect({ name: portName });
      } catch (e) {
        return; // the extension was reloaded: this frame is an orphan and its page will drop it
      }
      port.onMessage.addListener((message) => message?.state && paint(message.state));
      port.onDisconnect.addListener(() => setTimeout(connect, RECONNECT_MS));
      port.postMessage({ id });
    }

    globalThis.ClientSafeI18n.ready.then(({ lang, t: words }) => {
      t = words;
      document.documentElement.lang = lang;
      document.title = t(titleKey);
      paint(state); // the label again, now in words
    });
    paint(initial);
    connect();
    return { id, span, state: () => state };
  }

  globalThis.ClientSafeMarkFrame = { start };
  if (typeof module === "object") module.exports = { start }; // for node tests
})();
