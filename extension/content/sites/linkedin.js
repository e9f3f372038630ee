// LinkedIn (www.linkedin.com): posts in the share modal and comments under posts.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. Both composers are Quill editors
// (.ql-editor); LinkedIn's class names are BEM-style and long-lived.
globalThis.ClientSafe.register({
  site: "linkedin",
  // Posting as a company page happens from /company/<slug>/admin/.
  account: () => location.pathname.match(/^\/company\/([^/]+)/)?.[1] || null,
  surfaces: [
    {
      where: "post",
      container: "[role=dialog]",
      composer: ".ql-editor[contenteditable=true]",
      submit: "button.share-actions__primary-action",
      keys: [],
      media: ".share-creation-state__preview img, .share-images__image, video",
    },
    {
      where: "comment",
      container: ".comments-comment-box, .comments-comment-texteditor, form.comments-comment-box__form",
      composer: ".ql-editor[contenteditable=true]",
      submit: "button.comments-comment-box__submit-button, button.comments-comment-box__submit-button--cr",
      keys: [],
    },
  ],
  people: [
    // Invitations and profiles: every button's aria-label names the person ("Accept Keisha Brown’s
    // invitation", "Invite Keisha Brown to connect", "Message Keisha Brown").
    {
      kind: "incoming_request",
      button: "button[aria-label^='Accept'][aria-label$='invitation']",
      person: (b) => ({ name: b.getAttribute("aria-label").replace(/^Accept /, "").replace(/[’']s invitation$/, ""),
        profile_url: globalThis.ClientSafeDom.ancestorWith(b, "a[href*='/in/']")?.querySelector("a[href*='/in/']")?.href }),
    },
    {
      kind: "outgoing_request",
      button: "button[aria-label^='Invite'][aria-label$='to connect']",
      person: (b) => ({ name: b.getAttribute("aria-label").replace(/^Invite /, "").replace(/ to connect$/, ""),
        profile_url: location.origin + location.pathname }),
    },
    {
      kind: "message_request",
      button: "button[aria-label^='Message ']",
      person: (b) => ({ name: b.getAttribute("aria-label").replace(/^Message /, ""),
        profile_url: location.origin + location.pathname }),
    },
  ],
});
