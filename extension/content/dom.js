// Finding things in the page, including inside open shadow roots (Reddit's web components, sites built on
// Lit or Stencil), and noticing what single-page apps add later (dialogs, route changes, infinite feeds).
(() => {
  // Every element in `root` (and in the open shadow roots below it) that matches `selector`.
  function queryAll(root, selector, out = []) {
    if (root.nodeType === Node.ELEMENT_NODE && root.matches(selector)) out.push(root);
    for (const el of root.querySelectorAll(selector)) out.push(el);
    for (const host of shadowHosts(root)) queryAll(host.shadowRoot, selector, out);
    return out;
  }

  // Open shadow roots below `root`. Walking every element is the only way to find them; a TreeWalker does it
  // without building an array of the whole page.
  function shadowHosts(root) {
    const hosts = [];
    if (root.nodeType === Node.ELEMENT_NODE && root.shadowRoot) hosts.push(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) if (el.shadowRoot) hosts.push(el);
    return hosts;
  }

  // The event's real target and its ancestors, across shadow boundaries (event.target is retargeted to the
  // shadow host by the time a document listener sees it).
  const path = (event) => event.composedPath().filter((n) => n.nodeType === Node.ELEMENT_NODE);

  // The nearest ancestor (or self) matching `selector`, crossing shadow boundaries upwards.
  function closest(el, selector) {
    for (let node = el; node; ) {
      const found = node.closest?.(selector);
      if (found) return found;
      const root = node.getRootNode?.();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  // Calls `onAdded(subtreeRoot)` for everything added to the page or to any open shadow root in it, batched
  // once per animation frame so a feed that adds hundreds of posts costs one pass.
  function observe(onAdded) {
    const pending = new Set();
    const observed = new WeakSet();
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const roots = [...pending];
      pending.clear();
      for (const root of roots) if (root.isConnected) onAdded(root);
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) pending.add(node);
      }
      if (pending.size && !scheduled) {
        scheduled = true;
        requestAnimationFrame(flush);
      }
    });
    const watch = (root) => {
      if (observed.has(root)) return;
      observed.add(root);
      observer.observe(root, { childList: true, subtree: true });
    };
    watch(document.documentElement);
    return {
      // Shadow roots do not report to the document's observer: each one found is observed on its own.
      watchShadow: (host) => host.shadowRoot && watch(host.shadowRoot),
    };
  }

  globalThis.ClientSafeDom = { queryAll, shadowHosts, path, closest, observe };
})();
