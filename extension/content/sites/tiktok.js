// TikTok (www.tiktok.com): captions on the upload page (TikTok Studio) and comments under videos. Both editors
// are Draft.js; TikTok marks its controls with data-e2e attributes but not the wrappers around them, so a
// composer's container is found from its button: the nearest ancestor that holds it.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
{
  const near = (selector) => (el) => globalThis.ClientSafeDom.ancestorWith(el, selector);

  const ttProfile = () => ({
    handle: document.querySelector("[data-e2e=user-title]")?.textContent.trim(),
    name: document.querySelector("[data-e2e=user-subtitle]")?.textContent.trim(),
  });

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
    people: [
      // A profile (/@handle): user-title is the handle, user-subtitle the name.
      { kind: "outgoing_request", button: "[data-e2e=follow-button]", person: ttProfile },
      { kind: "message_request", button: "[data-e2e=message-button]", person: ttProfile },
    ],
  });
}
