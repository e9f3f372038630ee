// YouTube (www.youtube.com): comments and replies. The comment box is a plain contenteditable
// (#contenteditable-root) inside ytd-commentbox, shown once the placeholder is clicked.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
globalThis.ClientSafe.register({
  site: "youtube",
  // Commenting as a brand channel: the channel's handle is shown beside the box.
  account: () => document.querySelector("ytd-commentbox #author-thumbnail img")?.alt || null,
  surfaces: [
    {
      where: "comment",
      container: "ytd-commentbox",
      composer: "#contenteditable-root[contenteditable=true]",
      submit: "ytd-commentbox #submit-button, ytd-commentbox #submit-button button",
      keys: ["mod+enter"],
    },
  ],
});
