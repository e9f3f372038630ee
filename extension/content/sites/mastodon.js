// Mastodon (mastodon.social and, later, the instances the policy lists).
// Selectors read from Mastodon's web UI source, app/javascript/mastodon/features/compose/components/
// compose_form.jsx (v4.x): the composer is a <textarea class="autosuggest-textarea__textarea"> inside
// <form class="compose-form">, and the post button is the form's submit button.
(() => {
  const COMPOSER = "form.compose-form textarea.autosuggest-textarea__textarea";
  const SUBMIT = "form.compose-form button[type=submit]";

  window.ClientSafe.register({
    site: "mastodon",
    account: () => "personal",
    composers: (root) => root.querySelectorAll(COMPOSER),
    composerOf: (el) => el?.closest?.(COMPOSER) || null,
    readText: (composer) => composer.value,
    writeText(composer, text) {
      // Mastodon's textarea is React-controlled: set the value through the native setter, then announce
      // the change, or React would restore its own state on the next render.
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
      setter.call(composer, text);
      composer.dispatchEvent(new Event("input", { bubbles: true }));
    },
    submitFor(el, fromComposer = false) {
      const form = el?.closest?.("form.compose-form");
      const button = fromComposer ? form?.querySelector(SUBMIT) : el?.closest?.(SUBMIT);
      const composer = form?.querySelector(COMPOSER);
      return button && composer ? { button, composer } : null;
    },
  });
})();
