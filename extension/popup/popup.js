// For this tab, exactly one of: protected; not protected because the app is not running or not paired; this
// site's composer was not recognised (or ClientSafe does not work on this site at all).
const MESSAGES = {
  protected: ["Protected", "ClientSafe checks what you write here before it is posted."],
  not_running: ["Not protected: the ClientSafe app is not running",
    "Start ClientSafe from your applications menu. Until then, posts here are held as \"not checked\"."],
  starting: ["Starting: ClientSafe is getting ready",
    "Checks begin in a few seconds, once the app has loaded. Until then, posts here are held as \"not checked\"."],
  busy: ["Not protected just now: the ClientSafe app did not answer in time",
    "Try again in a moment. If this keeps happening, restart ClientSafe from the tray (Quit, then start it)."],
  not_paired: ["Not protected: this browser is not paired",
    "Open Pairing and settings below and pair this browser with the ClientSafe app."],
  keyring: ["Not protected: ClientSafe can't read its keyring",
    "The computer's keyring (where ClientSafe keeps this browser's pairing) is locked or failing. Unlock it or sign in again; ClientSafe picks it up within seconds. This browser is still paired."],
  not_recognised: ["Not protected here: this site's composer was not recognised",
    "The site may have changed. Tell your IT team which page this is; take extra care with what you post."],
  cannot_hold: ["ClientSafe cannot hold this post here",
    "ClientSafe checks what you write on this page but cannot find how the site sends it, so it cannot stop a risky post at the button. It warns you as you type instead. The site has probably changed; your IT team has been told."],
  waiting: ["Ready", "ClientSafe will check posts as soon as you open a composer on this page."],
  unsupported: ["Not used on this page", "ClientSafe checks posts on the social sites your organisation listed."],
};

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
const [title, detail] = MESSAGES[state];
document.getElementById("status").dataset.state = state;
document.getElementById("title").textContent = title;
document.getElementById("detail").textContent = detail;
