// The only code that talks to the ClientSafe app. Content scripts message the worker; the worker calls the
// app on 127.0.0.1 with the pairing token. State lives in chrome.storage: the worker can be stopped at any
// moment (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).

import { refreshUpdate } from "./adapters.js";
import { syncPolicySites } from "./sites.js";
import { setTrayState } from "./status.js";

const PORTS = Array.from({ length: 10 }, (_, i) => 47390 + i);
const TIMEOUT_MS = 1500;
const CONFIG_MAX_AGE_MS = 5 * 60 * 1000;
const MODERATE_TIMEOUT_MS = 10_000;

export async function settings() {
  const stored = await chrome.storage.local.get({ port: null, token: null });
  // IT may fix the app's port through browser policy (managed_schema.json); then that port is the one.
  const managed = await chrome.storage.managed.get("service_port").catch(() => ({}));
  return { ...stored, port: managed.service_port || stored.port };
}

async function call(path, { method = "GET", body, token, port, timeout = TIMEOUT_MS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers["Authorization"] = `Bearer ${token}`;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal,
    });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  } finally {
    clearTimeout(timer);
  }
}

// An IT-deployed extension pairs with no step for the staff member: the installer registers ClientSafe's
// native-messaging host, which hands this extension (and only the extension IDs IT allowed) a token
// (shared/native-messaging.md). Tried at most once a minute; where no host is installed Chrome says so at once.
const NATIVE_HOST = "org.clientsafe.native";

export async function nativePair() {
  const { nativeTriedAt } = await chrome.storage.session.get({ nativeTriedAt: 0 });
  if (Date.now() - nativeTriedAt < 60_000) return false;
  await chrome.storage.session.set({ nativeTriedAt: Date.now() });
  try {
    const reply = await chrome.runtime.sendNativeMessage(NATIVE_HOST, { type: "pair" });
    if (reply?.type !== "paired" || !reply.token) return false;
    await chrome.storage.local.set({ token: reply.token, ...(reply.port ? { port: reply.port } : {}) });
    return true;
  } catch (e) {
    return false; // no host installed (a hand-installed extension pairs from its options page)
  }
}

// Call the app; if nothing answers on the remembered port, the app may have restarted on another port of its
// range (another user took ours): find it again with our token, which only our own app accepts.
async function authed(path, options = {}) {
  let { port, token } = await settings();
  if (!token && (await nativePair())) ({ port, token } = await settings());
  if (!token) {
    await setTrayState("not_paired");
    return null;
  }
  let reply = null;
  try {
    reply = await call(path, { ...options, token, port });
  } catch (e) {
    if (e.name === "AbortError") {
      // Our app is there but did not answer in time: still warming its engine up (the first seconds after
      // it starts), or busy. Say which, rather than "not running".
      const here = await call("/v1/status", { token, port }).catch(() => null);
      if (here?.status === 200) {
        await setTrayState(here.body.engine_ready === false ? "starting" : "busy");
        return null;
      }
    }
    for (const candidate of PORTS.filter((p) => p !== port)) {
      try {
        const probe = await call("/v1/status", { token, port: candidate });
        if (probe.status === 200) {
          await chrome.storage.local.set({ port: candidate });
          reply = await call(path, { ...options, token, port: candidate });
          break;
        }
      } catch (e2) {
        // nothing listening there
      }
    }
  }
  if (!reply) {
    await setTrayState("not_running");
    return null;
  }
  // Our token was revoked (or the app's pairings were reset): an IT-installed browser asks the native host
  // again, which hands back its one pairing for this extension (at most once a minute).
  if (reply.status === 401 && (await nativePair())) return authed(path, options);
  // 503 keyring_unavailable: the app cannot read its keyring (locked at login?); this browser is still paired.
  const keyring = reply.status === 503 && reply.body?.error === "keyring_unavailable";
  await setTrayState(reply.status === 401 ? "not_paired" : keyring ? "keyring"
    : reply.body?.engine_ready === false ? "starting" : "ok");
  return reply;
}

// Why a call got no answer to use, so the page can say what to do next (a held post or request is never
// silently let by): the app's state authed() just recorded when nothing answered, else the reply's status
// (`statuses`: what else a status means for this call).
async function whyNot(reply, statuses = {}) {
  if (!reply) return (await chrome.storage.session.get({ tray: "not_running" })).tray;
  if (reply.status === 503 && reply.body?.error === "keyring_unavailable") return "keyring";
  return { 401: "not_paired", ...statuses }[reply.status] || "error";
}

export async function check(text, site, account, kind) {
  // kind is sent only for review replies (JSON drops undefined), so other checks look as they always did.
  // lang: the browser's language, which the app words the reasons in unless the policy sets one.
  const lang = chrome.i18n?.getUILanguage?.() || undefined;
  const r = await authed("/v1/check", { method: "POST", body: { text, site, account, kind, lang } });
  if (r && r.status === 200) return r.body;
  // 429: this browser's checks a minute, or checks waiting, are past the app's limits (a page flooding it).
  return { action: "error", reasons: [], findings: [], suggestions: [],
    unreachable: await whyNot(r, { 429: "too_many_checks" }) };
}

export async function decision(checkId, choice, reason) {
  if (!checkId) return;
  await authed("/v1/decision", { method: "POST", body: { check_id: checkId, choice, reason: reason || undefined } });
}

export async function relationship(person) {
  const r = await authed("/v1/relationship", { method: "POST", body: person });
  // 429 here is the app's per-minute limit on looking people up (it stops a page probing the roster).
  return r && r.status === 200 ? r.body : { unreachable: await whyNot(r, { 429: "rate_limited" }) };
}

// Comments other people wrote on the organisation's own pages (POST /v1/moderate): per item whether it discloses
// someone's sensitive information, plus the policy's reply text. Null when the app could not answer.
export async function moderate(site, items) {
  // A batch of up to 20 comments takes longer than one draft: it gets its own, longer wait.
  const r = await authed("/v1/moderate", { method: "POST", body: { site, items }, timeout: MODERATE_TIMEOUT_MS });
  return r && r.status === 200 ? r.body : null;
}

// What the moderator chose for a flagged comment (hid, deleted, replied, dismissed): the app records it in the
// content-free audit against the item's mod_id.
export async function moderationAction(modId, action) {
  if (!modId) return;
  await authed("/v1/moderation/action", { method: "POST", body: { mod_id: modId, action } });
}

// The practice page's round (GET /v1/practice/round) and its result (POST /v1/practice/result), through the
// same port discovery and pairing as every other call: the reply's status and body, 401 when this browser is
// not paired, 0 when the app did not answer.
async function practiceReply(r) {
  if (r) return { status: r.status, body: r.body };
  return { status: (await whyNot(null)) === "not_paired" ? 401 : 0, body: {} };
}

export async function practiceRound(lang) {
  return practiceReply(await authed(`/v1/practice/round?lang=${encodeURIComponent(lang || "")}`));
}

export async function practiceResult(roundId, choices) {
  return practiceReply(await authed("/v1/practice/result", { method: "POST", body: { round_id: roundId, choices } }));
}

// The policy's extension-facing part (GET /v1/config), cached in storage so a page gets it at once and a
// dead app still leaves the last known policy (fail mode, org accounts) in force.
export async function config({ refresh = false } = {}) {
  const { config: cached, configAt } = await chrome.storage.local.get({ config: null, configAt: 0 });
  const managed = await chrome.storage.managed.get(null).catch(() => ({}));
  const stale = !cached || Date.now() - configAt > CONFIG_MAX_AGE_MS;
  if (refresh || stale) {
    const r = await authed("/v1/config");
    if (r && r.status === 200) {
      if (r.body.version !== cached?.version) await syncPolicySites(r.body);
      await chrome.storage.local.set({ config: r.body, configAt: Date.now() });
      await refreshUpdate({ ...r.body, ...managed }, { force: r.body.version !== cached?.version });
      return { ...r.body, ...managed };
    }
  }
  // IT's managed settings (Chrome/Edge 3rdparty policy, Firefox policies.json) win over everything else.
  return { ...(cached || {}), ...managed };
}

// A site whose adapter no longer finds a composer or its submit control: tell the app's audit (content-free:
// the site, the adapter's version, which part), once an hour per site, version and part, so IT learns which
// site changed.
export async function coverage({ site, adapter_version: version, missing }) {
  const key = `${site}|${version}|${missing.join(",")}`;
  const { coverageSent } = await chrome.storage.session.get({ coverageSent: {} });
  if (Date.now() - (coverageSent[key] || 0) < 60 * 60 * 1000) return;
  const r = await authed("/v1/coverage", { method: "POST", body: { site, adapter_version: version || "unknown", missing } });
  if (r && r.status === 200) await chrome.storage.session.set({ coverageSent: { ...coverageSent, [key]: Date.now() } });
}

// The last policy known, without asking the app or the browser's managed storage (its first read can take
// seconds in a fresh profile): for answers a page is waiting on, such as which adapter it gets.
export async function cachedConfig() {
  const { config: cached } = await chrome.storage.local.get({ config: null });
  return cached || {};
}

export async function probe() {
  return authed("/v1/status");
}

export async function startPairing(clientName) {
  for (const port of PORTS) {
    try {
      const r = await call("/v1/pair", { method: "POST", body: { client_name: clientName }, port });
      if (r.status === 201) {
        await chrome.storage.local.set({ pairing: { port, id: r.body.pairing_id, code: r.body.code } });
        return { code: r.body.code };
      }
    } catch (e) {
      // not this port
    }
  }
  return { error: "ClientSafe app not found on this computer. Start it, then try again." };
}

export async function pollPairing() {
  const { pairing } = await chrome.storage.local.get({ pairing: null });
  if (!pairing) return { status: "none" };
  let r;
  try {
    r = await call(`/v1/pair/${encodeURIComponent(pairing.id)}`, { port: pairing.port });
  } catch (e) {
    return { status: "pending" }; // the app is busy or restarting; the options page asks again
  }
  if (r.body.status === "approved" && r.body.token) {
    await chrome.storage.local.set({ port: pairing.port, token: r.body.token, pairing: null });
    await setTrayState("ok");
  } else if (r.body.status !== "pending") {
    await chrome.storage.local.set({ pairing: null });
  }
  return { status: r.body.status };
}
