// What the toolbar badge and the popup say: the app's state (kept in chrome.storage.session, which outlives
// the worker but not the browser) and, per tab, whether the site's composers were recognised.

const BADGES = {
  not_running: { text: "!", color: "#b00020", title: "ClientSafe: not protected, the app is not running" },
  not_paired: { text: "!", color: "#b00020", title: "ClientSafe: not protected, this browser is not paired" },
  keyring: { text: "!", color: "#b00020", title: "ClientSafe: not protected, it cannot read its keyring (locked?)" },
  starting: { text: "…", color: "#8a5300", title: "ClientSafe: starting up, posts are not checked yet" },
  busy: { text: "!", color: "#8a5300", title: "ClientSafe: the app did not answer in time" },
  not_recognised: { text: "?", color: "#8a5300", title: "ClientSafe: this site's composer was not recognised" },
  cannot_hold: { text: "!", color: "#8a5300", title: "ClientSafe cannot hold posts on this page" },
};

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
  const badge = BADGES[problem] || { text: "", color: "#1b6e2a", title: "ClientSafe" };
  const where = tabId === undefined ? {} : { tabId };
  try {
    await chrome.action.setBadgeText({ ...where, text: badge.text });
    await chrome.action.setBadgeBackgroundColor({ ...where, color: badge.color });
    await chrome.action.setTitle({ ...where, title: badge.title });
  } catch (e) {
    // the tab closed meanwhile
  }
}
