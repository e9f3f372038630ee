// Any other site the organisation's policy lists (generic_domains: a forum, a community platform, a school
// portal). The worker injects this only on those domains. It knows no markup: a composer is a textarea, a
// contenteditable or a role=textbox box, and its submit button is the nearest button that shares an ancestor
// with it (a form's, or a reply box's).
{
  const BUTTON = "button, input[type=submit], [role=button]";
  const NOT_SUBMIT = /^(cancel|close|discard|preview|bold|italic|link|quote|upload|attach|emoji|more)\b/i;
  const isSubmit = (el) => el.matches?.(BUTTON) && !NOT_SUBMIT.test((el.textContent || el.value || "").trim())
    && !NOT_SUBMIT.test(el.getAttribute("aria-label") || "");

  // The smallest ancestor (crossing shadow boundaries upwards) that holds a submit-looking button.
  function container(el) {
    for (let node = el; node; ) {
      const parent = node.parentElement || (node.getRootNode?.() instanceof ShadowRoot ? node.getRootNode() : null);
      if (!parent) return null;
      if ([...parent.querySelectorAll(BUTTON)].some(isSubmit)) return parent instanceof ShadowRoot ? parent.host : parent;
      node = parent instanceof ShadowRoot ? parent.host : parent;
    }
    return null;
  }

  globalThis.ClientSafe.register({
    site: location.hostname,
    account: () => null,
    shadowHosts: ":not(:defined)",
    surfaces: [
      {
        where: "post",
        container,
        composer: "textarea, [contenteditable=true], [contenteditable=''], [role=textbox]",
        submit: isSubmit,
        keys: ["mod+enter"],
        media: "img[src^='blob:'], video[src^='blob:']",
      },
    ],
  });
}
