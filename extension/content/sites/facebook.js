// Facebook (www.facebook.com): posts in the "Create post" dialog and comments under posts.
// Selectors: see tests/e2e/fixtures/sites/SELECTORS.md for where each was read from. Both composers are
// Lexical editors (div[contenteditable][role=textbox]) with localised aria-labels, so we key on the
// structure (dialog, form, role) and only use the English label where nothing structural exists.
{
  const fbProfile = () => ({
    name: document.querySelector("h1")?.textContent.trim(),
    profile_url: location.origin + location.pathname + (location.pathname === "/profile.php"
      ? `?id=${new URLSearchParams(location.search).get("id") || ""}` : ""),
  });
  const fbCard = (button) => {
    const link = globalThis.ClientSafeDom.ancestorWith(button, "a[href][role=link]")?.querySelector("a[href][role=link]");
    return { name: link?.textContent.trim(), profile_url: link?.href };
  };

  globalThis.ClientSafe.register({
    site: "facebook",
    // On a Page the person manages, Facebook posts as the Page: the Page's slug is the first path segment.
    account: () => location.pathname.split("/")[1] || null,
    surfaces: [
      {
        where: "post",
        container: "div[role=dialog]",
        composer: "div[contenteditable=true][role=textbox]",
        submit: "div[role=dialog] div[role=button][aria-label='Post'], div[role=dialog] div[role=button][aria-label='Next']",
        keys: [],
        media: "img[src^='blob:'], video[src^='blob:'], [data-clientsafe-media]",
      },
      {
        where: "comment",
        container: "form[role=presentation], form",
        composer: "div[contenteditable=true][role=textbox]",
        submit: "form div[role=button][aria-label='Comment'], form [aria-label='Press Enter to post.']",
        keys: ["enter"],
        media: "img[src^='blob:']",
      },
    ],
    people: [
      // Friend requests (/friends/requests): the card holds a link to the person; Confirm accepts.
      { kind: "incoming_request", button: "div[role=button][aria-label='Confirm']", person: (b) => fbCard(b) },
      // A profile: the name is the page's h1, the profile address is the page's.
      { kind: "outgoing_request", button: "div[role=button][aria-label='Add friend']", person: fbProfile },
      { kind: "message_request", button: "div[role=button][aria-label='Message']", person: fbProfile },
    ],
  });
}
