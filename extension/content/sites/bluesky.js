// Bluesky (bsky.app): new posts and replies in the composer dialog.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. The composer is a TipTap
// (ProseMirror) editor; the app's data-testid attributes mark the buttons.
globalThis.ClientSafe.register({
  site: "bluesky",
  account: () => null, // posts as the signed-in account; organisation accounts are their own logins
  surfaces: [
    {
      where: "post",
      container: "[role=dialog], [data-testid=composePostView]",
      composer: ".ProseMirror[contenteditable=true]",
      submit: "[data-testid=composerPublishBtn]",
      keys: ["mod+enter"],
      media: "img[src^='blob:'], video[src^='blob:'], [data-testid=gallery]",
    },
  ],
  people: [
    // A profile (/profile/<handle>): the follow button's label is "Follow <handle>".
    {
      kind: "outgoing_request",
      button: "[data-testid=followBtn]",
      person: (b) => ({
        handle: b.getAttribute("aria-label")?.replace(/^Follow /, "") || location.pathname.split("/")[2],
        name: document.querySelector("[data-testid=profileHeaderDisplayName]")?.textContent.trim(),
      }),
    },
  ],
});
