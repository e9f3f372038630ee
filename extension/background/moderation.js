// Moderation help, the worker's part: it asks the app about the comments a page's content script found, keeps
// each answer under the mark id the content script chose (in memory and chrome.storage.session, never on disk),
// and hands it only to the extension's own frames (ui/moderation-mark.html, ui/moderation.html) in that tab.
// The content script hears only "checked" (never which comment was flagged) and, after the person chose in the
// panel, which control to lead them to. What the person chose is recorded by the app's content-free audit.

import { fromOurPage } from "./panels.js";
import { moderate, moderationAction } from "./tray.js";

const ID = /^[0-9a-f]{32}$/;
const KEEP_MS = 30 * 60 * 1000;
const memory = new Map(); // key -> record

async function put(key, record) {
  const stamped = { ...record, at: Date.now() };
  memory.set(key, stamped);
  await chrome.storage.session.set({ [key]: stamped });
}

async function get(key) {
  if (memory.has(key)) return memory.get(key);
  const stored = (await chrome.storage.session.get(key))[key] || null;
  if (stored && Date.now() - stored.at > KEEP_MS) return null;
  if (stored) memory.set(key, stored);
  return stored;
}

const ports = new Map(); // mark id -> Set(port)
function stateOf(record) {
  if (!record) return "unchecked";
  if (record.dismissed) return "dismissed";
  return record.result?.flagged ? record.result.level : "clear";
}
function tell(id, record) {
  for (const port of ports.get(id) || []) port.postMessage({ state: stateOf(record) });
}

// From a content script: {site, items: [{id, text}], controls, labels}. Replies {ok} only.
export async function checkComments(sender, m) {
  if (!sender.tab || !Array.isArray(m.items) || !m.items.length || m.items.length > 20) return { ok: false };
  const items = m.items.filter((i) => typeof i?.id === "string" && ID.test(i.id) && typeof i.text === "string");
  if (items.length !== m.items.length) return { ok: false };
  const answer = await moderate(String(m.site || ""), items.map((i) => ({ id: i.id, text: i.text.slice(0, 5000) })));
  if (!answer?.results) return { ok: false };
  const site = String(m.site || "");
  const controls = { hide: !!m.controls?.hide, delete: !!m.controls?.delete, reply: !!m.controls?.reply };
  for (const result of answer.results) {
    const record = { tabId: sender.tab.id, frameId: sender.frameId ?? 0, site, result, reply: answer.reply, controls,
      labels: m.labels || {} };
    await put(`mod:${result.id}`, record);
    tell(result.id, record);
  }
  return { ok: true };
}

// The mark frame: its state, now and whenever it changes (a dismissal).
export function moderationMarkConnected(port) {
  if (port.name !== "moderation-mark" || !fromOurPage(port.sender)) return;
  port.onMessage.addListener(async (message) => {
    const id = message?.id;
    if (typeof id !== "string" || !ID.test(id)) return;
    const record = await get(`mod:${id}`);
    if (record && record.tabId !== port.sender.tab?.id) return;
    if (!ports.has(id)) ports.set(id, new Set());
    ports.get(id).add(port);
    port.onDisconnect.addListener(() => ports.get(id)?.delete(port));
    port.postMessage({ state: stateOf(record) });
  });
}

// The person clicked a flagged comment's mark (a trusted click inside our frame): the tab's content script adds
// the panel frame under a fresh id, which only that frame then reads.
export async function openModerationPanel(sender, markId) {
  if (!fromOurPage(sender) || typeof markId !== "string" || !ID.test(markId)) return false;
  const record = await get(`mod:${markId}`);
  if (!record || record.tabId !== sender.tab?.id || !record.result?.flagged) return false;
  const panel = crypto.randomUUID().replaceAll("-", "");
  await put(`modpanel:${panel}`, { tabId: record.tabId, mark: markId, shown: false });
  await chrome.tabs.sendMessage(record.tabId, { type: "moderation-panel", panel }, { frameId: record.frameId })
    .catch(() => {});
  return true;
}

export async function moderationPanelContent(sender, panel) {
  if (!fromOurPage(sender) || typeof panel !== "string" || !ID.test(panel)) return null;
  const open = await get(`modpanel:${panel}`);
  if (!open || open.shown || open.tabId !== sender.tab?.id) return null;
  await put(`modpanel:${panel}`, { ...open, shown: true });
  const record = await get(`mod:${open.mark}`);
  if (!record) return null;
  return { site: record.site, result: record.result, reply: record.reply, controls: record.controls,
    labels: record.labels };
}

const RECORDED = { hide: "hid", delete: "deleted", reply: "replied", dismiss: "dismissed" };

export async function moderationChoice(sender, panel, choice) {
  if (!fromOurPage(sender) || typeof panel !== "string" || !ID.test(panel)) return;
  const open = await get(`modpanel:${panel}`);
  if (!open || !open.shown || open.tabId !== sender.tab?.id) return;
  memory.delete(`modpanel:${panel}`);
  await chrome.storage.session.remove(`modpanel:${panel}`);
  const record = await get(`mod:${open.mark}`);
  if (record && RECORDED[choice]) {
    await moderationAction(record.result?.mod_id, RECORDED[choice]);
    if (choice === "dismiss") {
      const dismissed = { ...record, dismissed: true };
      await put(`mod:${open.mark}`, dismissed);
      tell(open.mark, dismissed);
    }
  }
  await chrome.tabs.sendMessage(open.tabId, { type: "moderation-done", panel, mark: open.mark,
    choice: RECORDED[choice] ? choice : "close" }, { frameId: record?.frameId ?? 0 }).catch(() => {});
}
