// Which adapter a page gets: the data shipped in extension/adapters/<site>.json, or a newer one from IT's signed
// adapter update (the policy names its address and public key), so a site redesign is fixed by IT the same day
// without a new extension release. Format of the data and of the update: shared/adapters.md.

export const SITES = ["facebook", "instagram", "threads", "x", "linkedin", "bluesky", "reddit", "youtube", "nextdoor",
  "tiktok", "mastodon", "google_business", "yelp", "healthgrades", "generic"];
// Review sites the policy's review_sites turns on or off (the default when the app has not said: the first three).
const REVIEW_SITES = ["google_business", "yelp", "facebook", "healthgrades"];
const DEFAULT_REVIEW_SITES = ["google_business", "yelp", "facebook"];
const UPDATE_MAX_AGE_MS = 60 * 60 * 1000;

let shipped = null; // {labels, bySite: {site: data}}
async function loadShipped() {
  if (shipped) return shipped;
  const read = async (name) => (await fetch(chrome.runtime.getURL(`adapters/${name}.json`))).json();
  const [labels, ...datas] = await Promise.all([read("labels"), ...SITES.map(read)]);
  shipped = { labels, bySite: Object.fromEntries(datas.map((d) => [d.site, d])) };
  return shipped;
}

const hostOf = (url) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch (e) {
    return "";
  }
};
const listed = (domains, host) => (domains || []).some((d) => String(d).toLowerCase().replace(/^https?:\/\//, "")
  .replace(/[/:].*$/, "") === host);

// The adapter for a page address, or null where ClientSafe does not work. Policy-listed Mastodon servers get the
// Mastodon adapter, policy-listed other domains the generic one (named after the host).
export async function adapterFor(url, config) {
  const host = hostOf(url);
  if (!host) return null;
  const { labels, bySite } = await loadShipped();
  const { adapterUpdate } = await chrome.storage.local.get({ adapterUpdate: null });
  // An update counts only while the policy still names its address and key (IT can withdraw it).
  const current = adapterUpdate && adapterUpdate.source?.url === config?.adapter_updates?.url
    && adapterUpdate.source?.public_key === config?.adapter_updates?.public_key;
  const effective = (site) => {
    const update = current ? adapterUpdate.adapters?.[site] : null;
    return update && String(update.version) > String(bySite[site].version) ? update : bySite[site];
  };
  const reviews = Array.isArray(config?.review_sites) ? config.review_sites : DEFAULT_REVIEW_SITES;
  for (const site of SITES) {
    if (site === "generic" || !(bySite[site].hosts || []).includes(host)) continue;
    // A review site the policy leaves out is not watched at all; on Facebook only its review-reply box is dropped.
    if (REVIEW_SITES.includes(site) && !reviews.includes(site)) {
      if (site !== "facebook") return null;
      const adapter = effective(site);
      return { adapter: { ...adapter, surfaces: adapter.surfaces.filter((s) => s.where !== "review_reply") }, labels };
    }
    return { adapter: effective(site), labels };
  }
  if (listed(config?.mastodon_instances, host)) return { adapter: effective("mastodon"), labels };
  if (listed(config?.generic_domains, host)) return { adapter: { ...effective("generic"), site: host }, labels };
  return null;
}

// --- IT's signed adapter update --------------------------------------------------------------------------
// {payload: "<JSON text>", signature: "<base64 ECDSA P-256 / SHA-256 signature of the payload's UTF-8 bytes,
// r||s>"}; payload = {issued: ISO date, adapters: {site: data}}. The public key (base64 SPKI) comes from the
// same policy, which IT signs off centrally; `clientsafe adapters sign` makes both.
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export async function verifyUpdate(bundle, publicKey) {
  if (typeof bundle?.payload !== "string" || typeof bundle?.signature !== "string") return null;
  const key = await crypto.subtle.importKey("spki", b64(publicKey), { name: "ECDSA", namedCurve: "P-256" }, false,
    ["verify"]);
  const ok = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, b64(bundle.signature),
    new TextEncoder().encode(bundle.payload));
  if (!ok) return null;
  const payload = JSON.parse(bundle.payload);
  if (typeof payload?.issued !== "string" || typeof payload.adapters !== "object" || !payload.adapters) return null;
  for (const [site, data] of Object.entries(payload.adapters)) {
    if (!SITES.includes(site) || data?.site !== site || typeof data.version !== "string"
      || !Array.isArray(data.surfaces)) return null;
  }
  return payload;
}

// Fetch and verify the update the policy points to (at most hourly, or when the policy changed). A bad
// signature, an older issue than the one in use, or a failed download keeps what is in use and says why.
export async function refreshUpdate(config, { force = false } = {}) {
  const source = config?.adapter_updates;
  const { adapterUpdate, adapterUpdateCheck } = await chrome.storage.local.get({ adapterUpdate: null,
    adapterUpdateCheck: null });
  if (!source?.url || !source?.public_key) {
    if (adapterUpdate) await chrome.storage.local.remove("adapterUpdate");
    return { state: "none" };
  }
  const same = adapterUpdateCheck?.url === source.url && adapterUpdateCheck?.public_key === source.public_key;
  if (!force && same && Date.now() - adapterUpdateCheck.at < UPDATE_MAX_AGE_MS) return adapterUpdateCheck;
  let result;
  try {
    if (!/^https:\/\//i.test(source.url)) throw new Error("the adapter update address must be https");
    const response = await fetch(source.url, { cache: "no-store", credentials: "omit", redirect: "error" });
    if (!response.ok) throw new Error(`download failed (HTTP ${response.status})`);
    const payload = await verifyUpdate(await response.json(), source.public_key);
    if (!payload) throw new Error("the signature or the contents did not verify");
    const sameSource = adapterUpdate?.source?.url === source.url && adapterUpdate?.source?.public_key === source.public_key;
    if (sameSource && String(payload.issued) < String(adapterUpdate.issued)) throw new Error("older than the update in use");
    await chrome.storage.local.set({ adapterUpdate: { ...payload, source: { url: source.url, public_key: source.public_key } } });
    result = { state: "applied", issued: payload.issued, sites: Object.keys(payload.adapters) };
  } catch (e) {
    result = { state: "refused", error: String(e.message || e) };
  }
  const check = { ...result, url: source.url, public_key: source.public_key, at: Date.now() };
  await chrome.storage.local.set({ adapterUpdateCheck: check });
  return check;
}
