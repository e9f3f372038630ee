// The last content script: ask the worker for this site's adapter (the shipped data, or IT's signed update of
// it) and start ClientSafe with it. An adapter that does not compile is reported, never half-run.
(async () => {
  if (globalThis.ClientSafeStarted) return;
  globalThis.ClientSafeStarted = true;
  let reply = null;
  try {
    reply = await chrome.runtime.sendMessage({ type: "adapter" });
  } catch (e) {
    return; // the extension was reloaded under this page
  }
  if (!reply?.adapter) return; // not a site ClientSafe works on
  let compiled;
  try {
    compiled = globalThis.ClientSafeAdapter.compile(reply.adapter, reply.labels);
  } catch (e) {
    chrome.runtime.sendMessage({ type: "page-status", site: reply.adapter.site || null,
      adapter_version: reply.adapter.version || null, recognised: 0, unheld: 0, unrecognised: 0,
      missing: ["adapter"] }).catch(() => {});
    return;
  }
  globalThis.ClientSafe.register(compiled);
})();
