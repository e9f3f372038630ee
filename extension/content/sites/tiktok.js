// TikTok (www.tiktok.com): captions on the upload page and comments. Both editors are Draft.js; TikTok
// marks its UI with data-e2e attributes.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
globalThis.ClientSafe.register({
  site: "tiktok",
  account: () => null,
  surfaces: [
    {
      where: "caption",
      container: "[data-e2e=upload-form], form, .upload-container",
      composer: ".public-DraftEditor-content[contenteditable=true]",
      submit: "button[data-e2e=post_video_button]",
      keys: [],
      // A caption belongs to a video: the upload page always has one.
      media: "video",
    },
    {
      where: "comment",
      container: "[data-e2e=comment-input], [class*=CommentInputContainer], form",
      composer: ".public-DraftEditor-content[contenteditable=true]",
      submit: "[data-e2e=comment-post]",
      keys: ["enter"],
    },
  ],
});
