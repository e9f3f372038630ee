import { adapterFor } from "./adapters.js";
import {
  fromOurPage, keepAnswer, keepVerdict, markConnected, openPanel, panelChoice, panelContent, setMark,
} from "./panels.js";
import {
  checkComments, moderationChoice, moderationMarkConnected, moderationPanelContent, openModerationPanel,
} from "./moderation.js";
import { forgetTab, setPage } from "./status.js";
import {
  cachedConfig, check, config, coverage, nativePair, pollPairing, practiceResult, practiceRound, probe, relationship,
  startPairing,
} from "./tray.js";

// Who may ask what. Content scripts run in the social site's page, so what they are told is kept to what they
// act on; the verdict, the reasons and anything about a person go only to the extension's own frames (ui/),
// and a decision is recorded only from the panel frame, never on a content script's say-so.
const FROM_PAGE = {
  check: (m, sender) => check(m.text, m.site, m.account, m.kind).then((verdict) => keepVerdict(sender, verdict, m.text)),
  relationship: (m, sender) => relationship(m.person).then((answer) => keepAnswer(sender, answer, m.person)),
  config: () => config(),
  // The page waits on this: the cached policy, never a call to the app (which may be starting or gone).
  adapter: async (m, sender) => adapterFor(sender.url || sender.tab?.url || "", await cachedConfig()),
  "page-status": async (m, sender) => {
    if (!sender.tab) return;
    const page = { site: m.site, adapter_version: m.adapter_version, recognised: m.recognised,
      unheld: m.unheld || 0, unrecognised: m.unrecognised, missing: m.missing || [] };
    await setPage(sender.tab.id, page);
    if (page.site && page.missing.length) await coverage(page);
  },
  "panel-open": (m, sender) => openPanel(sender, m.id, m.spec || {}),
  mark: (m, sender) => setMark(sender, m.id, m.state),
  moderate: (m, sender) => checkComments(sender, m),
};
const FROM_EXTENSION = {
  "panel-get": (m, sender) => panelContent(sender, m.id),
  "panel-choice": (m, sender) => panelChoice(sender, m.id, m.choice, m.reason),
  "moderation-open": (m, sender) => openModerationPanel(sender, m.id),
  "moderation-get": (m, sender) => moderationPanelContent(sender, m.id),
  "moderation-choice": (m, sender) => moderationChoice(sender, m.id, m.choice),
  probe: () => probe().then((r) => !!r && r.status === 200),
  "pair-start": (m) => startPairing(m.clientName),
  "pair-poll": () => pollPairing(),
  // Only the extension's own practice page asks; the scenarios and the score never reach a social site's page.
  "practice-round": (m) => practiceRound(m.lang),
  "practice-result": (m) => practiceResult(m.roundId, m.choices),
};

// One message handler; every reply is asynchronous (returning true keeps the channel open).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const ours = fromOurPage(sender);
  const handler = (ours ? FROM_EXTENSION : FROM_PAGE)[message?.type];
  if (!handler) return false;
  handler(message, sender).then(reply, () => reply(null));
  return true;
});
chrome.runtime.onConnect.addListener(markConnected);
chrome.runtime.onConnect.addListener(moderationMarkConnected);

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
