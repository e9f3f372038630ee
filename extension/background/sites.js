// Sites the organisation's policy adds at run time: Mastodon instances (the Mastodon adapter) and any other
// domain (the generic adapter). Registered as content scripts for exactly those domains and nothing else, and
// re-synced whenever the policy changes. Registrations persist, so they survive the worker stopping.

// The same scripts as the manifest's; the worker hands each page its adapter (adapters.js) by host name.
const SCRIPTS = ["content/logic.js", "content/text.js", "content/dom.js", "content/panel.js", "content/adapter.js",
  "content/core.js", "content/moderation.js", "content/start.js"];

const hostPattern = (domain) => {
  const host = String(domain).trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return /^[a-z0-9.-]+(:\d+)?$/.test(host) ? `https://${host.replace(/:\d+$/, "")}/*` : null;
};

export async function syncPolicySites(config) {
  const wanted = [
    { id: "policy-mastodon", js: SCRIPTS, domains: config?.mastodon_instances || [] },
    { id: "policy-generic", js: SCRIPTS, domains: config?.generic_domains || [] },
  ];
  const existing = new Set((await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (const { id, js, domains } of wanted) {
    const matches = [...new Set(domains.map(hostPattern).filter(Boolean))];
    if (existing.has(id)) await chrome.scripting.unregisterContentScripts({ ids: [id] });
    if (matches.length) {
      await chrome.scripting.registerContentScripts([{ id, js, matches, runAt: "document_idle", persistAcrossSessions: true }]);
    }
  }
}
