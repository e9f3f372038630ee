// Instagram (www.instagram.com): captions in the "Create new post" dialog, comments under posts.
// Selectors and their sources: tests/e2e/fixtures/sites/SELECTORS.md. The caption is a Lexical editor; the
// comment box is a React-controlled <textarea> in a <form>; "Share" and "Post" are div/button elements whose
// only mark is their text.
{
  const text = (value) => (el) => el.matches?.("div[role=button], button") && el.textContent.trim() === value;

  const igProfile = () => ({
    handle: location.pathname.split("/")[1],
    name: document.querySelector("header h2 + span, header span")?.textContent.trim(),
  });
  const igRow = (button) => {
    const link = globalThis.ClientSafeDom.ancestorWith(button, "a[href^='/']")?.querySelector("a[href^='/']");
    return { handle: link?.getAttribute("href").split("/")[1], name: link?.textContent.trim() };
  };

globalThis.ClientSafe.register({
  site: "instagram",
  // Posting happens as the signed-in account; an organisation account is its own login, named in the
  // profile link of the navigation.
  account: () => document.querySelector("a[href][role=link] img[alt$=\"'s profile picture\"]")?.alt
    ?.replace(/'s profile picture$/, "") || null,
  surfaces: [
    {
      where: "caption",
      container: "div[role=dialog]",
      composer: "div[contenteditable=true][role=textbox]",
      submit: text("Share"),
      keys: [],
      // A caption is written after the photo or video was chosen: the dialog always shows it.
      media: "img[src^='blob:'], video, canvas",
    },
    {
      where: "comment",
      container: "form",
      composer: "textarea",
      submit: (el) => text("Post")(el) && !!el.closest("form"),
      keys: ["enter"],
    },
  ],
  people: [
    // A profile (/<handle>/): the header names the handle; Follow / Follow Back / Message.
    { kind: "outgoing_request", button: (el) => text("Follow")(el) || text("Follow Back")(el), person: igProfile },
    { kind: "message_request", button: (el) => text("Message")(el) && !!el.closest("header"), person: igProfile },
    // A follow request in the activity list: the row's profile link names the person.
    { kind: "incoming_request", button: text("Confirm"), person: igRow },
  ],
});
}
