import { check, decision, pollPairing, startPairing } from "./tray.js";

// One message handler; every reply is asynchronous (return true keeps the channel open).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const handlers = {
    check: () => check(message.text, message.site, message.account),
    decision: () => decision(message.checkId, message.choice, message.reason),
    "pair-start": () => startPairing(message.clientName),
    "pair-poll": () => pollPairing(),
  };
  const handler = handlers[message?.type];
  if (!handler) return false;
  handler().then(reply, () => reply({ action: "error", reasons: [] }));
  return true;
});
