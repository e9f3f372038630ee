import { adapterFor } from "./adapters.js";
import { forgetTab, setPage } from "./status.js";
import {
  cachedConfig, check, config, coverage, decision, nativePair, pollPairing, probe, relationship, startPairing,
} from "./tray.js";

// One message handler; every reply is asynchronous (returning true keeps the channel open).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const handlers = {
    check: () => check(message.text, message.site, message.account),
    decision: () => decision(message.checkId, message.choice, message.reason),
    relationship: () => relationship(message.person),
    config: () => config(),
    // The page waits on this: the cached policy, never a call to the app (which may be starting or gone).
    adapter: async () => adapterFor(sender.url || sender.tab?.url || "", await cachedConfig()),
    "page-status": async () => {
      if (!sender.tab) return;
      const page = { site: message.site, adapter_version: message.adapter_version, recognised: message.recognised,
        unheld: message.unheld || 0, unrecognised: message.unrecognised, missing: message.missing || [] };
      await setPage(sender.tab.id, page);
      if (page.site && page.missing.length) await coverage(page);
    },
    probe: () => probe().then((r) => !!r && r.status === 200),
    "pair-start": () => startPairing(message.clientName),
    "pair-poll": () => pollPairing(),
  };
  const handler = handlers[message?.type];
  if (!handler) return false;
  handler().then(reply, () => reply(null));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
chrome.tabs.onUpdated.addListener((tabId, info) => info.status === "loading" && forgetTab(tabId));

// A quiet look at the app every minute keeps the badge honest when no page is asking (the app was quit,
// or came back), and refreshes the policy.
const started = async () => {
  chrome.alarms.create("probe", { periodInMinutes: 1 });
  const { token } = await chrome.storage.local.get({ token: null });
  if (!token) await nativePair();
};
chrome.runtime.onInstalled.addListener(started);
chrome.runtime.onStartup.addListener(started);
chrome.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== "probe") return;
  const r = await probe();
  if (r && r.status === 200) await config({ refresh: true });
});

// Newly paired (or the token changed): fetch the policy at once, so org accounts and extra sites apply before
// the first post.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.token?.newValue) config({ refresh: true });
});
