// The status mark's frame. Its state comes from the extension's worker over a port (never through the page),
// keyed by the random id in this frame's address; a worker that stopped is reconnected to, and it answers
// with the state it kept.
(() => {
  const LOOKS = {
    clear: ["✓", "#1b6e2a", "ClientSafe: nothing found"],
    caution: ["!", "#8a5300", "ClientSafe: check before posting"],
    stop: ["■", "#b00020", "ClientSafe: client information found"],
    watching: ["…", "#555", "ClientSafe checks this as you type"],
    unchecked: ["?", "#555", "ClientSafe: not checked"],
    paused: ["II", "#555", "ClientSafe is paused in the app: posts are not checked"],
    unheld: ["⚠", "#8a5300",
      "ClientSafe cannot hold this post here: it checks what you write but cannot stop it being posted"],
  };
  const id = location.hash.slice(1);
  const span = document.getElementById("mark");

  function paint(state) {
    const [symbol, colour, label] = LOOKS[state] || LOOKS.unchecked;
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
  paint("watching");
  connect();
})();
