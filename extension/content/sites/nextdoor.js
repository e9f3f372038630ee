// Nextdoor (nextdoor.com): posts in the composer dialog and replies under posts.
// NOT CONFIRMED against the live site: nothing public describes Nextdoor's composer markup (see
// tests/e2e/fixtures/sites/SELECTORS.md). This adapter therefore relies only on structure that any such UI has
// (a dialog or a post card, a textarea, a button labelled Post or Reply) rather than on guessed class names.
{
  const labelled = (...labels) => (el) => el.matches?.("button, [role=button]")
    && labels.includes((el.textContent || el.getAttribute("aria-label") || "").trim());
  const near = (test) => (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      if ([...node.querySelectorAll("button, [role=button]")].some(test)) return node;
    }
    return null;
  };

  globalThis.ClientSafe.register({
    site: "nextdoor",
    account: () => null,
    surfaces: [
      {
        where: "post",
        container: "[role=dialog]",
        composer: "textarea, [contenteditable=true]",
        submit: (el) => labelled("Post")(el) && !!el.closest("[role=dialog]"),
        keys: [],
        media: "img[src^='blob:'], video",
      },
      {
        where: "reply",
        container: near(labelled("Reply", "Comment")),
        composer: "textarea, [contenteditable=true]",
        submit: labelled("Reply", "Comment"),
        keys: [],
      },
    ],
  });
}
