// Threads (www.threads.net and www.threads.com): new posts and replies in the composer dialog.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. The composer is a Lexical editor; the
// Post button is a div[role=button] marked only by its text.
globalThis.ClientSafe.register({
  site: "threads",
  account: () => null, // posts as the signed-in account; organisation accounts are their own logins
  surfaces: [
    {
      where: "post",
      container: "div[role=dialog]",
      composer: "div[contenteditable=true][role=textbox]",
      submit: (el) => el.matches?.("div[role=button]") && el.textContent.trim() === "Post",
      keys: ["mod+enter"],
      media: "img[src^='blob:'], video",
    },
  ],
  people: [
    // A profile (/@handle): Follow.
    {
      kind: "outgoing_request",
      button: (el) => el.matches?.("div[role=button]") && el.textContent.trim() === "Follow",
      person: () => ({ handle: location.pathname.split("/")[1]?.replace(/^@/, ""),
        name: document.querySelector("h1")?.textContent.trim() }),
    },
  ],
});
