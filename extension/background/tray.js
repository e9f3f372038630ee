// The only code that talks to the ClientSafe app. Content scripts message the worker; the worker calls
// the app on 127.0.0.1 with the pairing token. State lives in chrome.storage: the worker can be stopped
// at any moment (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).

const PORTS = Array.from({ length: 10 }, (_, i) => 47390 + i);
const TIMEOUT_MS = 1500;

export async function settings() {
  return chrome.storage.local.get({ port: null, token: null });
}

async function call(path, { method = "GET", body, token, port } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
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

export async function check(text, site, account) {
  const { port, token } = await settings();
  if (!port || !token) return { action: "error", reasons: [], unreachable: "not_paired" };
  try {
    const r = await call("/v1/check", { method: "POST", body: { text, site, account }, token, port });
    if (r.status === 401) return { action: "error", reasons: [], unreachable: "not_paired" };
    if (r.status !== 200) return { action: "error", reasons: [], unreachable: "error" };
    return r.body;
  } catch (e) {
    return { action: "error", reasons: [], unreachable: "not_running" };
  }
}

export async function decision(checkId, choice, reason) {
  const { port, token } = await settings();
  if (!port || !token || !checkId) return;
  try {
    await call("/v1/decision", { method: "POST", body: { check_id: checkId, choice, reason }, token, port });
  } catch (e) {
    // The decision is informational; a dead app must never break the site.
  }
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
  const r = await call(`/v1/pair/${encodeURIComponent(pairing.id)}`, { port: pairing.port });
  if (r.body.status === "approved" && r.body.token) {
    await chrome.storage.local.set({ port: pairing.port, token: r.body.token, pairing: null });
  } else if (r.body.status !== "pending") {
    await chrome.storage.local.set({ pairing: null });
  }
  return { status: r.body.status };
}
