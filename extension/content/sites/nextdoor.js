// Nextdoor (nextdoor.com): posts in the composer dialog and comments/replies.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
globalThis.ClientSafe.register({
  site: "nextdoor",
  account: () => null,
  surfaces: [
    {
      where: "post",
      container: "[role=dialog]",
      composer: "textarea, [contenteditable=true]",
      submit: "[data-testid=composer-submit-button], button[type=submit]",
      keys: [],
      media: "img[src^='blob:'], video",
    },
    {
      where: "comment",
      container: "form, [data-testid=comment-composer]",
      composer: "textarea, [contenteditable=true]",
      submit: "[data-testid=inline-composer-reply-button], button[type=submit]",
      keys: [],
    },
  ],
});
