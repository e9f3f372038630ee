// X (x.com, twitter.com): posts (inline on Home and in the compose dialog) and replies.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. X marks its UI with data-testid
// attributes, which are stable across its frequent redesigns; the composer is a Draft.js editor.
globalThis.ClientSafe.register({
  site: "x",
  // The account switcher shows the signed-in handle; organisation accounts are usually their own login.
  account: () => document.querySelector("[data-testid=SideNav_AccountSwitcher_Button] [dir=ltr] span")
    ?.textContent || null,
  surfaces: [
    {
      where: "post",
      container: "[data-testid=toolBar], [role=dialog], [data-testid=primaryColumn]",
      composer: "[data-testid^=tweetTextarea_] [contenteditable=true], [data-testid^=tweetTextarea_][contenteditable=true]",
      submit: "[data-testid=tweetButtonInline], [data-testid=tweetButton]",
      keys: ["mod+enter"],
      media: "[data-testid=attachments]",
    },
  ],
});
