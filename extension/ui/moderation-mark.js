// The mark beside a comment on the organisation's page, in the extension's own frame (24 x 24 px whatever it
// shows, so the page cannot tell a flagged comment from a clear one by its frame). Its state comes from the
// worker over a port, keyed by the random id in this frame's address. A flagged mark opens the moderation panel
// on the person's own click or key; a click or key a script forged (not trusted) does nothing.
(() => {
  const es = navigator.language.toLowerCase().startsWith("es");
  const LOOKS = {
    clear: ["✓", "#6b6b6b", es ? "ClientSafe: nada privado en este comentario" : "ClientSafe: nothing private found"],
    review: ["!", "#8a5300", es ? "ClientSafe: este comentario comparte información privada. Pulse para ver qué hacer"
      : "ClientSafe: this comment shares private information. Click to see what to do"],
    urgent: ["!!", "#b00020", es ? "ClientSafe: información privada de una persona joven. Pulse para ver qué hacer"
      : "ClientSafe: a young person's private information. Click to see what to do"],
    dismissed: ["–", "#6b6b6b", es ? "ClientSafe: marcado como aceptable" : "ClientSafe: you marked this as fine"],
    unchecked: ["…", "#6b6b6b", es ? "ClientSafe: comprobando" : "ClientSafe: checking"],
  };
  const id = location.hash.slice(1);
  const span = document.getElementById("mark");
  let state = "unchecked";

  function paint(next) {
    state = LOOKS[next] ? next : "unchecked";
    const [symbol, colour, label] = LOOKS[state];
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
  paint("unchecked");
  connect();
})();
