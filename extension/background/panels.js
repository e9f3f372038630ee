// What the page must never see, kept here in the worker: the app's verdicts and answers about people, the
// warning panels open in each tab and the state of each status mark. Content scripts get only what they need
// to act on the site (hold or not, where the risky spans are, the suggested replacements); the panel and
// mark frames (extension pages, ui/) get the rest, and only in the tab that asked.
//
// Kept in chrome.storage.session (memory only, never disk) as well as in this worker's memory, because the
// browser may stop the worker between a check and the click that needs it.

import { cachedConfig, decision } from "./tray.js";

const KEEP_MS = 30 * 60 * 1000;
const memory = new Map(); // storage key -> record

const newId = () => crypto.randomUUID().replaceAll("-", "");

async function put(key, record) {
  const stamped = { ...record, at: Date.now() };
  memory.set(key, stamped);
  const { csIndex } = await chrome.storage.session.get({ csIndex: {} });
  csIndex[key] = stamped.at;
  const expired = Object.keys(csIndex).filter((k) => Date.now() - csIndex[k] > KEEP_MS);
  for (const k of expired) {
    delete csIndex[k];
    memory.delete(k);
  }
  await chrome.storage.session.remove(expired);
  await chrome.storage.session.set({ [key]: stamped, csIndex });
}

async function get(key) {
  if (memory.has(key)) return memory.get(key);
  const stored = (await chrome.storage.session.get(key))[key] || null;
  if (stored) memory.set(key, stored);
  return stored;
}

async function drop(key) {
  memory.delete(key);
  await chrome.storage.session.remove(key);
}

// An extension page of ours (the panel or mark frame), as opposed to a content script, which the browser
// reports with the page's own address. Messages from other extensions never reach onMessage.
export function fromOurPage(sender) {
  return sender?.id === chrome.runtime.id && /^(chrome|moz)-extension:$/.test(new URL(sender.url || "about:blank").protocol);
}

// --- verdicts and answers ----------------------------------------------------------------------------------
// The app's verdict, kept; the content script gets the action, the spans to select and the edits to apply.
export async function keepVerdict(sender, verdict, text) {
  const ref = verdict.check_id || verdict.action === "error" ? newId() : null; // (a || b) ? ... : ...
  if (ref) await put(`v:${ref}`, { tabId: sender.tab?.id, verdict, text });
  return {
    ref,
    action: verdict.action,
    paused: verdict.engine?.version === "paused",
    unreachable: verdict.unreachable,
    findings: (verdict.findings || []).map((f) => ({ start: f.start, end: f.end })),
    suggestions: (verdict.suggestions || []).map((s) => ({ start: s.start, end: s.end, replacement: s.replacement })),
  };
}

// The app's answer about a person (client? minor? what to say?), kept; the content script learns only
// whether to hold the request.
export async function keepAnswer(sender, answer, person) {
  if (!answer || answer.unreachable) return { unreachable: answer?.unreachable || "error" };
  const ref = newId();
  await put(`p:${ref}`, { tabId: sender.tab?.id, answer, person });
  return { ref, action: answer.action };
}

// --- the warning panel --------------------------------------------------------------------------------------
// A content script asks for a panel under a fresh random id and adds the frame at once (the two race: the
// frame's request waits for the panel to be registered); the frame fetches the content once, by that id.
const ID = /^[0-9a-f]{32}$/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openPanel(sender, id, spec) {
  if (!sender.tab || typeof id !== "string" || !ID.test(id) || (await get(`panel:${id}`))) return null;
  const kept = spec.ref ? await get(`${spec.kind === "person" ? "p" : "v"}:${spec.ref}`) : null;
  if (kept && kept.tabId !== sender.tab.id) return null; // a verdict belongs to the tab it was made for
  await put(`panel:${id}`, { tabId: sender.tab.id, frameId: sender.frameId ?? 0, spec, kept, shown: false });
  return { id };
}

export async function panelContent(sender, id) {
  let panel = null;
  for (let waited = 0; typeof id === "string" && ID.test(id) && waited < 2000; waited += 10) {
    panel = await get(`panel:${id}`);
    if (panel) break;
    await sleep(10);
  }
  if (!panel || panel.shown || !fromOurPage(sender) || sender.tab?.id !== panel.tabId) return null;
  await put(`panel:${id}`, { ...panel, shown: true });
  const { spec, kept } = panel;
  return {
    kind: spec.kind,
    rule: spec.rule,
    account: spec.account,
    unheld: !!spec.unheld,
    unreachable: spec.unreachable,
    requestKind: spec.requestKind,
    notice: spec.notice,
    verdict: kept?.verdict,
    text: kept?.text,
    answer: kept?.answer,
    person: kept?.person,
    // The policy as last fetched (its links and Community Standards address): never a wait on the app.
    config: await cachedConfig(),
  };
}

// What the person chose becomes the audit's decision (as the worker, never the page, reports it) and the
// content script is told only the choice.
const RECORDED = {
  verdict: { send: "posted_anyway", cancel: "cancelled", edit: "edited", apply: "applied_suggestions" },
  person: { send: "request_sent_anyway", cancel: "request_not_sent" },
};
const CHOICES = new Set(["send", "cancel", "edit", "apply", "confirm"]);

export async function panelChoice(sender, id, choice, reason) {
  const panel = await get(`panel:${id}`);
  if (!panel || !panel.shown || !fromOurPage(sender) || sender.tab?.id !== panel.tabId || !CHOICES.has(choice)) return;
  await drop(`panel:${id}`);
  const { spec, kept } = panel;
  const checkId = spec.kind === "person" ? kept?.answer?.check_id : kept?.verdict?.check_id;
  const recorded = spec.unheld ? (choice === "edit" ? "edited" : null) : RECORDED[spec.kind]?.[choice];
  if (checkId && recorded) await decision(checkId, recorded, choice === "send" ? reason : undefined);
  await chrome.tabs.sendMessage(panel.tabId, { type: "panel-done", id, choice }, { frameId: panel.frameId })
    .catch(() => {}); // the tab navigated away meanwhile
}

// --- status marks -------------------------------------------------------------------------------------------
const ports = new Map(); // mark id -> port of its frame

export async function setMark(sender, id, state) {
  if (!sender.tab || typeof id !== "string") return;
  const mark = await get(`mark:${id}`);
  if (mark && mark.tabId !== sender.tab.id) return;
  await put(`mark:${id}`, { tabId: sender.tab.id, state });
  ports.get(id)?.postMessage({ state });
}

export function markConnected(port) {
  if (port.name !== "mark" || !fromOurPage(port.sender)) return;
  port.onMessage.addListener(async (message) => {
    const id = message?.id;
    const mark = typeof id === "string" ? await get(`mark:${id}`) : null;
    if (mark && mark.tabId !== port.sender.tab?.id) return;
    ports.set(id, port);
    port.onDisconnect.addListener(() => ports.get(id) === port && ports.delete(id));
    if (mark) port.postMessage({ state: mark.state });
  });
}
