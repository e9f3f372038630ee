// The words of the extension's own pages and frames (panel, marks, moderation panel, popup, options, Practice),
// in English or Spanish, from _locales/<lang>/messages.json.
// Which language: the policy's `language` (GET /v1/config, cached by the worker in chrome.storage.local) when it
// is en or es, else the browser's UI language (es* -> es, anything else -> en).
// Why not chrome.i18n alone: chrome.i18n.getMessage always follows the browser's UI language, so when the policy
// asks for another one the messages are read from the packaged file instead (fetch of an extension URL). The
// placeholders work as Chrome's: "$NAME$" in a message takes its placeholder's "content", where "$1".."$9" are the
// substitutions, and "$$" is a dollar sign.
// A classic script (the panel and marks load classic scripts): it sets globalThis.ClientSafeI18n =
// { ready: Promise<{lang, t}>, words(lang): Promise<t>, apply(root, t, lang), format }.
(() => {
  const SUPPORTED = ["en", "es"];
  const base = (tag) => String(tag || "").toLowerCase().split(/[-_]/)[0];

  function browserLanguage() {
    const ui = base(globalThis.chrome?.i18n?.getUILanguage?.() || globalThis.navigator?.language);
    return SUPPORTED.includes(ui) ? ui : "en";
  }

  async function policyLanguage() {
    try {
      const { config } = await chrome.storage.local.get({ config: null });
      return SUPPORTED.includes(config?.language) ? config.language : null;
    } catch (e) {
      return null; // no storage (the page outlived a reload of the extension): the browser's language
    }
  }

  // Chrome's substitution rules, for messages read from the file (chrome.i18n does the same itself).
  function format(entry, subs) {
    if (!entry) return "";
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders || {}).map(([name, p]) => [name.toLowerCase(), String(p.content ?? "")]));
    const numbered = (text) => text.replace(/\$\$|\$([1-9])/g, (m, n) => (n ? String(subs[n - 1] ?? "") : "$"));
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (m, name, n) => {
      if (name) return numbered(placeholders[name.toLowerCase()] ?? "");
      if (n) return String(subs[n - 1] ?? "");
      return "$";
    });
  }

  async function fromFile(lang) {
    const reply = await fetch(chrome.runtime.getURL(`_locales/${lang}/messages.json`));
    const messages = await reply.json();
    const byName = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v]));
    return (key, ...subs) => format(byName[key.toLowerCase()], subs.flat());
  }

  const fromBrowser = (key, ...subs) => chrome.i18n.getMessage(key, subs.flat().map(String));

  // The message function for one language (the Practice page lets the person switch).
  async function words(lang) {
    if (lang === browserLanguage() && globalThis.chrome?.i18n?.getMessage) return fromBrowser;
    return fromFile(lang);
  }

  async function load() {
    const lang = (await policyLanguage()) || browserLanguage();
    try {
      return { lang, t: await words(lang) };
    } catch (e) {
      return { lang: browserLanguage(), t: fromBrowser }; // the file could not be read: the browser's language
    }
  }

  // Fills a page's fixed words: data-i18n="key" sets the text, data-i18n-<attribute>="key" that attribute
  // (aria-label, title, placeholder, alt), and the document's lang attribute follows the language.
  function apply(root, t, lang) {
    for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const attribute of ["aria-label", "title", "placeholder", "alt"]) {
      for (const node of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
        node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`)));
      }
    }
    if (lang) document.documentElement.lang = lang;
  }

  const ready = load();
  globalThis.ClientSafeI18n = { ready, apply, format, words };
  if (typeof module === "object") module.exports = { format, browserLanguage }; // for node tests
})();
