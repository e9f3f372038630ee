// Mastodon (mastodon.social; other instances come from the policy through the generic adapter).
// Selectors read from Mastodon's web UI source, app/javascript/mastodon/features/compose/components/
// compose_form.jsx (v4.x): the composer is a <textarea class="autosuggest-textarea__textarea"> inside
// <form class="compose-form">, the post button is the form's submit button, Ctrl/Cmd+Enter posts, and
// attached media show as .compose-form__upload thumbnails (upload_form.jsx).
globalThis.ClientSafe.register({
  site: "mastodon",
  // The web UI posts as the signed-in account only; an organisation account is its own login, named in
  // the initial state the page embeds (#initial-state, meta.me -> accounts[me].acct).
  account() {
    try {
      const state = JSON.parse(document.getElementById("initial-state")?.textContent || "{}");
      return state.accounts?.[state.meta?.me]?.acct || null;
    } catch (e) {
      return null;
    }
  },
  surfaces: [
    {
      where: "post",
      container: "form.compose-form",
      composer: "textarea.autosuggest-textarea__textarea",
      submit: "form.compose-form button[type=submit]",
      keys: ["mod+enter"],
      media: ".compose-form__upload",
    },
  ],
});
