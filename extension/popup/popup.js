// For this tab, exactly one of: protected; not protected because the app is not running or not paired; this
// site's composer was not recognised (or ClientSafe does not work on this site at all).
// Each state's words are two messages, popup_<state>_title and popup_<state>_detail (_locales; ui/i18n.js picks
// the policy's language or the browser's).
const { lang, t } = await globalThis.ClientSafeI18n.ready;
globalThis.ClientSafeI18n.apply(document, t, lang);

// The tab the popup was opened over; ?tab=ID names one explicitly (the options page and tests use it).
const named = Number(new URLSearchParams(location.search).get("tab"));
const tab = named ? { id: named } : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
await chrome.runtime.sendMessage({ type: "probe" }); // fresh: the app may have started or stopped since
const { tray } = await chrome.storage.session.get({ tray: null });
let page = null;
try {
  page = await chrome.tabs.sendMessage(tab.id, { type: "page-status?" });
} catch (e) {
  page = null; // no ClientSafe content script in this tab: not a site it works on
}
const state = globalThis.ClientSafeLogic.tabStatus({ tray, page });
document.getElementById("title").textContent = t(`popup_${state}_title`);
document.getElementById("detail").textContent = t(`popup_${state}_detail`);
document.getElementById("status").dataset.state = state;
