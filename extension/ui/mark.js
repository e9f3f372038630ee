// The status mark's frame (ui/mark_frame.js draws it and keeps its port to the worker open).
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
  globalThis.ClientSafeMarkFrame.start({ looks: LOOKS, port: "mark", initial: "watching",
    titleKey: "mark_document_title" });
})();
