// Facebook (www.facebook.com): posts in the "Create post" dialog and comments under posts.
// Selectors: see tests/e2e/fixtures/sites/SELECTORS.md for where each was read from. Both composers are
// Lexical editors (div[contenteditable][role=textbox]) with localised aria-labels, so we key on the
// structure (dialog, form, role) and only use the English label where nothing structural exists.
globalThis.ClientSafe.register({
  site: "facebook",
  // On a Page the person manages, Facebook posts as the Page: the Page's slug is the first path segment.
  account: () => location.pathname.split("/")[1] || null,
  surfaces: [
    {
      where: "post",
      container: "div[role=dialog]",
      composer: "div[contenteditable=true][role=textbox]",
      submit: "div[role=dialog] div[role=button][aria-label='Post'], div[role=dialog] div[role=button][aria-label='Next']",
      keys: [],
      media: "img[src^='blob:'], video[src^='blob:'], [data-clientsafe-media]",
    },
    {
      where: "comment",
      container: "form[role=presentation], form",
      composer: "div[contenteditable=true][role=textbox]",
      submit: "form div[role=button][aria-label='Comment'], form [aria-label='Press Enter to post.']",
      keys: ["enter"],
      media: "img[src^='blob:']",
    },
  ],
});
