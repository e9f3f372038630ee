// The mark beside a comment on the organisation's page, in the extension's own frame (24 x 24 px whatever it
// shows, so the page cannot tell a flagged comment from a clear one by its frame; ui/mark_frame.js draws it and
// keeps its port to the worker open). A flagged mark opens the moderation panel on the person's own click or key;
// a click or key a script forged (not trusted) does nothing.
(() => {
  // Symbol, colour, and the message that names the state (ui/i18n.js: the policy's language or the browser's).
  const LOOKS = {
    clear: ["✓", "#6b6b6b", "modmark_clear"],
    review: ["!", "#8a5300", "modmark_review"],
    urgent: ["!!", "#b00020", "modmark_urgent"],
    dismissed: ["–", "#6b6b6b", "modmark_dismissed"],
    unchecked: ["…", "#6b6b6b", "modmark_unchecked"],
  };
  const FLAGGED = ["review", "urgent"];
  const mark = globalThis.ClientSafeMarkFrame.start({ looks: LOOKS, port: "moderation-mark", initial: "unchecked",
    titleKey: "modmark_document_title", clickable: FLAGGED });

  function open(event) {
    if (!event.isTrusted || !FLAGGED.includes(mark.state())) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    chrome.runtime.sendMessage({ type: "moderation-open", id: mark.id }).catch(() => {});
  }
  mark.span.addEventListener("click", open);
  mark.span.addEventListener("keydown", open);
})();
