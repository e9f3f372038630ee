// Firefox ESR with the ClientSafe extension, driven over WebDriver BiDi (puppeteer-core) for tests/e2e/test_firefox.py.
// One browser for the whole module: the test writes one JSON command a line on stdin and reads one JSON answer a
// line on stdout ({ok: true, ...} or {ok: false, error}); the assertions are the test's.
//
// What a person does goes through BiDi as real input (input.performActions: trusted clicks and keys, the only
// kind the extension acts on). What the extension shows is read in its own frames over Firefox's debugging
// protocol (rdp.mjs), since BiDi cannot see extension documents. The browser never reaches the network: every
// host name resolves to 127.0.0.1 (network.dns.forceResolve), where the test serves the look-alike sites on 443.
import { writeFileSync } from "node:fs";
import readline from "node:readline";
import puppeteer from "puppeteer-core";
import { RDP, evaluate as evaluateIn, watchAddon, watchTabs } from "./rdp.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.error("run.mjs:", ...args);

let browser = null;
let rdp = null;
let documents = null; // the extension's live documents (rdp.mjs Documents), from its add-on and tab watchers
let base = ""; // moz-extension://<uuid>/
let page = null; // the site page of the current case
let popups = 0; // popups opened so far

async function until(what, probe, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe().catch((error) => ({ error: String(error) }));
    if (last && !last.error) return last;
    await sleep(50);
  }
  throw new Error(`${what} (last seen: ${JSON.stringify(last)})`);
}

// --- the extension's documents -----------------------------------------------------------------------------
const inExtension = (path) => documents.under(base + path);

// Evaluate in one extension document; one that has gone (removed, or no longer answering) leaves the list, so
// later looks skip it instead of asking it again.
async function evaluate(consoleActor, source) {
  try {
    return await evaluateIn(rdp, consoleActor, source);
  } catch (error) {
    if (!String(error.message).startsWith("in the extension:")) {
      log("dropped a document that did not answer:", error.message); // Firefox did not report it gone
      documents.drop(consoleActor);
    }
    throw error;
  }
}

async function background(source) {
  const [doc] = inExtension("_generated_background_page.html");
  if (!doc) throw new Error("the extension's background page is not running");
  return evaluate(doc.consoleActor, source);
}

// The open warning panel: the panel frame that has drawn its box (hidden frames loaded ahead of time have none).
async function openPanel() {
  for (const doc of inExtension("ui/panel.html").reverse()) {
    const box = await evaluate(doc.consoleActor, `(() => {
      const box = document.querySelector(".box");
      return box && { text: box.innerText, acts: [...box.querySelectorAll("[data-act]")].map((b) => b.dataset.act),
        quotes: box.querySelectorAll("blockquote").length };
    })()`).catch(() => null); // the frame went away while we looked
    if (box) return { ...box, consoleActor: doc.consoleActor };
  }
  return null;
}

async function markStates() {
  const states = [];
  for (const doc of inExtension("ui/mark.html")) {
    states.push(await evaluate(doc.consoleActor, "document.body.dataset.state || ''").catch(() => ""));
  }
  return states;
}

// --- what a person does ------------------------------------------------------------------------------------
async function openSite(url) {
  if (page) await page.close().catch(() => {});
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  await watchTabs(rdp, documents);
  await page.goto(url);
  return page;
}

// Until the extension's content script has started on this page (it reports to the worker; the page itself
// carries no sign of it). composer: until it has also found a composer.
async function watching(site, composer) {
  return until(`the extension never started on ${page.url()}`, async () => {
    const pages = await background("chrome.storage.session.get({pages: {}}).then((s) => s.pages)");
    return Object.values(pages).find((p) => p.site === site && (p.recognised || !composer)) || null;
  });
}

async function typeInto(editor, text) {
  await page.waitForSelector(editor, { visible: true, timeout: 10_000 });
  await page.click(editor);
  for (const [number, line] of text.split("\n").entries()) {
    if (number) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

async function submit(selector) {
  if (selector === "Enter" || selector === "Control+Enter") {
    if (selector === "Control+Enter") await page.keyboard.down("Control");
    await page.keyboard.press("Enter");
    if (selector === "Control+Enter") await page.keyboard.up("Control");
  } else await page.click(selector);
}

// What the look-alike site received: {where, text} records, or Mastodon's plain list of posted texts.
const delivered = () => page.evaluate(() => (window.__site ? window.__site.received : window.posted));
const siteActions = () => page.evaluate(() => window.__site?.actions ?? null);

// A trusted click on one of the panel's buttons: the panel frame fills the window from its top-left corner, so
// a point in the frame is the same point in the page, where BiDi's pointer actions land.
// The panel may be drawn again (a new frame) between finding it and pressing: each lookup finds the current panel
// frame afresh and is retried until one answers.
async function press(act, reason) {
  const where = (selector) =>
    until(`the warning panel has no ${selector} to press`, async () => {
      const panel = await openPanel();
      if (!panel) return null;
      return evaluate(panel.consoleActor, `(() => {
        const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
        return r && r.width > 0 && { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      })()`);
    });
  if (reason !== undefined && reason !== null) {
    const box = await where("textarea");
    await page.mouse.click(box.x, box.y);
    await page.keyboard.type(reason);
  }
  const button = await where(`[data-act=${act}]`);
  await page.mouse.click(button.x, button.y);
}

async function closed() {
  await until("the warning panel stayed open", async () => ((await openPanel()) ? null : true));
}

// Wait for whichever comes first: the warning panel, or the site receiving something.
async function outcome(received) {
  return until("neither a warning panel nor a delivery", async () => {
    const panel = await openPanel();
    if (panel) return { panel: panel.text, acts: panel.acts, quotes: panel.quotes };
    const now = await received();
    return now && now.length ? { panel: null } : null;
  });
}

// --- the commands --------------------------------------------------------------------------------------------
const COMMANDS = {
  // pidFile: where Firefox's process id goes at once, so the test can end Firefox (its own process group, as
  // puppeteer starts it) even if this runner hangs or dies.
  async start({ extension, uuid, addonId, debuggerPort, pidFile }) {
    browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: "/usr/bin/firefox-esr",
      headless: true,
      acceptInsecureCerts: true, // the look-alike sites' throwaway certificate
      args: ["--start-debugger-server", String(debuggerPort)],
      extraPrefsFirefox: {
        // The extension's internal UUID is random per profile unless pinned: the app's allow-list names it.
        "extensions.webextensions.uuids": JSON.stringify({ [addonId]: uuid }),
        // Every host name is this machine: the real site names reach the look-alike server, nothing else.
        "network.dns.forceResolve": "127.0.0.1",
        "network.trr.mode": 5,
        "extensions.update.enabled": false,
        // Firefox's debugging server, for reading the extension's own pages (rdp.mjs), without a prompt.
        "devtools.debugger.remote-enabled": true,
        "devtools.chrome.enabled": true,
        "devtools.debugger.prompt-connection": false,
      },
    });
    if (pidFile) writeFileSync(pidFile, String(browser.process().pid));
    const installed = await browser.installExtension(extension); // temporary, as web-ext run installs it
    base = `moz-extension://${uuid}/`;
    rdp = await RDP.connect(debuggerPort);
    documents = await watchAddon(rdp, installed);
    await until("the extension's background page never started", async () =>
      inExtension("_generated_background_page.html").length ? true : null);
    const granted = await background(`chrome.permissions.contains({origins: ["http://127.0.0.1/*"]})`);
    return { version: await browser.version(), addonId: installed, granted };
  },

  // Pair as the options page does once the app approves: the port and token in the extension's local storage.
  async pair({ port, token }) {
    await background(`chrome.storage.local.set(${JSON.stringify({ port, token })}).then(() => true)`);
    return {};
  },

  // Open a composer, type like a person, wait for the status mark, press the site's Post: what happened.
  async post({ url, site, steps = [], editor, submit: control, text, mark }) {
    await openSite(url);
    await watching(site, false);
    for (const selector of steps) {
      await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
      await page.click(selector);
    }
    await typeInto(editor, text);
    const seen = await until(`no status mark showed ${mark}`, async () => {
      const states = await markStates();
      return states.includes(mark) ? states : null;
    }, 15_000);
    await submit(control);
    const result = await outcome(delivered);
    return { ...result, marks: seen, delivered: await delivered() };
  },

  // Press a button in the open panel (a trusted click); then what the site has received.
  async press({ act, reason }) {
    await press(act, reason);
    if (act === "cancel") await closed();
    else await sleep(300);
    const panel = await openPanel();
    return { panel: panel?.text ?? null, delivered: await delivered(), actions: await siteActions() };
  },

  // Press a people button (friend request, follow...) on a profile: the panel, or what the site did.
  async request({ url, site, button }) {
    await openSite(url);
    await watching(site, false);
    await page.waitForSelector(button, { visible: true, timeout: 10_000 });
    await page.click(button);
    const result = await outcome(siteActions);
    return { ...result, actions: await siteActions() };
  },

  // The toolbar popup for the current site tab, as the person opens it: its state and title.
  // Each popup gets its own address (an extra parameter the popup ignores), so an earlier popup's document that
  // Firefox has not yet reported gone is never read for this one.
  async popup() {
    const tabId = await background(`chrome.tabs.query({url: ${JSON.stringify(page.url())}}).then((t) => t[0].id)`);
    const path = `popup/popup.html?tab=${tabId}&opened=${++popups}`;
    await background(`chrome.tabs.create({url: "/${path}", active: false}).then(() => true)`);
    await watchTabs(rdp, documents);
    try {
      // For a failure's log: where the extension last found the app, and what it made of it.
      log("popup: the extension's app port and state", JSON.stringify(await background(`Promise.all([
        chrome.storage.local.get({port: null}), chrome.storage.session.get({tray: null})])`)));
      return await until("the popup never said anything", async () => {
        for (const doc of inExtension(path).filter((d) => d.url === base + path)) {
          const shown = await evaluate(doc.consoleActor, `(() => {
            const status = document.getElementById("status");
            return { state: status?.dataset.state, title: document.getElementById("title")?.textContent };
          })()`);
          if (shown.state && shown.state !== "checking") return shown;
        }
        return null;
      });
    } finally {
      await background(`chrome.tabs.query({url: "${base}popup/popup.html*"})
        .then((tabs) => chrome.tabs.remove(tabs.map((t) => t.id))).then(() => true)`);
    }
  },

  // Run `source` (an expression) as the current site page's own script would, and return its value: for
  // checks of what a page can and cannot do to the extension's frames.
  async pageScript({ source }) {
    return { value: await page.evaluate(source) };
  },

  async quit() {
    rdp?.close();
    await browser?.close();
    return {};
  },
};

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  let answer;
  try {
    const { command, ...args } = JSON.parse(line);
    if (!COMMANDS[command]) throw new Error(`no command ${command}`);
    log(command, args.url ?? args.act ?? ""); // so a stuck command shows in the log the test prints
    answer = { ok: true, ...(await COMMANDS[command](args)) };
  } catch (error) {
    log(error.stack || error);
    answer = { ok: false, error: String(error.message || error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
  if (answer.ok && JSON.parse(line).command === "quit") break;
}
process.exit(0);
