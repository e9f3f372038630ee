// X (x.com, twitter.com): posts (inline on Home and in the compose dialog) and replies.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. X marks its UI with data-testid
// attributes, which are stable across its frequent redesigns; the composer is a Draft.js editor.
{
  const xName = () => document.querySelector("[data-testid=UserName] span")?.textContent.trim();

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
    people: [
      // A profile: [data-testid=UserName] holds the display name and @handle; the follow button's test id ends
      // in -follow and its label names the handle.
      {
        kind: "outgoing_request",
        button: "button[data-testid$='-follow']",
        person: (b) => ({ handle: b.getAttribute("aria-label")?.replace(/^Follow @/, ""), name: xName() }),
      },
      { kind: "message_request", button: "[data-testid=sendDMFromProfile]", person: () => ({
        handle: location.pathname.split("/")[1], name: xName() }) },
    ],
  });
}
