// TikTok (www.tiktok.com): captions on the upload page (TikTok Studio) and comments under videos. Both editors
// are Draft.js; TikTok marks its controls with data-e2e attributes but not the wrappers around them, so a
// composer's container is found from its button: the nearest ancestor that holds it.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
{
  const near = (selector) => (el) => globalThis.ClientSafeDom.ancestorWith(el, selector);

  globalThis.ClientSafe.register({
    site: "tiktok",
    account: () => null, // posts as the signed-in account; organisation accounts are their own logins
    surfaces: [
      {
        where: "caption",
        container: near("button[data-e2e=post_video_button]"),
        composer: ".public-DraftEditor-content[contenteditable=true]",
        submit: "button[data-e2e=post_video_button]",
        keys: [],
        media: "video, input[type=file][accept^='video']",
      },
      {
        where: "comment",
        container: near("[data-e2e=comment-post]"),
        composer: "[data-e2e=comment-input] [contenteditable=true]",
        submit: "[data-e2e=comment-post]",
        keys: ["enter"],
      },
    ],
  });
}
