// Reddit (www.reddit.com): new posts (/submit) and comments. Comments use the <shreddit-composer> web
// component, whose editor lives inside its shadow root.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md.
globalThis.ClientSafe.register({
  site: "reddit",
  account: () => null, // posts as the signed-in account
  shadowHosts: "shreddit-composer, shreddit-post-composer",
  surfaces: [
    {
      where: "comment",
      container: "shreddit-composer",
      composer: "[contenteditable=true]",
      submit: "shreddit-composer button[type=submit], button[slot=submit-button]",
      keys: ["mod+enter"],
    },
    {
      where: "post",
      container: "form#post-submit-form, shreddit-post-composer, form[action*=submit]",
      composer: "textarea[name=title], [contenteditable=true]",
      submit: "#submit-post-button, button[type=submit]",
      keys: [],
      media: "img[src^='blob:'], video",
    },
  ],
});
