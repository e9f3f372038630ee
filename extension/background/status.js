// What the toolbar badge and the popup say: the app's state (kept in chrome.storage.session, which outlives
// the worker but not the browser) and, per tab, whether the site's composers were recognised.

import "../ui/i18n.js"; // the same words and language choice as the extension's pages (globalThis.ClientSafeI18n)

// The tooltip is a message of _locales (badge_<state>), in the policy's language or else the browser's.
const BADGES = {
  not_running: { text: "!", color: "#b00020" },
  not_paired: { text: "!", color: "#b00020" },
  keyring: { text: "!", color: "#b00020" },
  starting: { text: "…", color: "#8a5300" },
  busy: { text: "!", color: "#8a5300" },
  not_recognised: { text: "?", color: "#8a5300" },
  cannot_hold: { text: "!", color: "#8a5300" },
};

async function tooltip(state) {
  const { config } = await chrome.storage.local.get({ config: null });
  const browser = String(chrome.i18n.getUILanguage() || "").toLowerCase().startsWith("es") ? "es" : "en";
  const lang = ["en", "es"].includes(config?.language) ? config.language : browser;
  try {
    return (await globalThis.ClientSafeI18n.words(lang))(`badge_${state}`) || "ClientSafe";
  } catch (e) {
    return chrome.i18n.getMessage(`badge_${state}`) || "ClientSafe";
  }
}

export async function setTrayState(state) {
  const { tray, pages } = await chrome.storage.session.get({ tray: null, pages: {} });
  if (tray === state) return;
  await chrome.storage.session.set({ tray: state });
  await paint(undefined, state, null);
  for (const tabId of Object.keys(pages)) await paint(Number(tabId), state, pages[tabId]);
}

export async function setPage(tabId, page) {
  const { pages, tray } = await chrome.storage.session.get({ pages: {}, tray: null });
  pages[tabId] = page;
  await chrome.storage.session.set({ pages });
  await paint(tabId, tray, page);
}

export async function forgetTab(tabId) {
  const { pages } = await chrome.storage.session.get({ pages: {} });
  delete pages[tabId];
  await chrome.storage.session.set({ pages });
}

async function paint(tabId, tray, page) {
  const problem = tray && tray !== "ok" ? tray : page?.unheld ? "cannot_hold"
    : page && !page.recognised && page.unrecognised ? "not_recognised" : null;
  const badge = BADGES[problem] || { text: "", color: "#1b6e2a" };
  const title = await tooltip(BADGES[problem] ? problem : "ok");
  const where = tabId === undefined ? {} : { tabId };
  try {
    await chrome.action.setBadgeText({ ...where, text: badge.text });
    await chrome.action.setBadgeBackgroundColor({ ...where, color: badge.color });
    await chrome.action.setTitle({ ...where, title });
  } catch (e) {
    // the tab closed meanwhile
  }
}
