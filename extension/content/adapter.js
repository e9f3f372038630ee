// A site adapter is data (extension/adapters/<site>.json, or IT's signed update of it): this file turns that
// data into the functions core.js calls. The format is documented in shared/adapters.md; in short:
//   surfaces[]: {where, composer: css, within?: css, path?: regex, submit: [matcher],
//                keys: ["enter"|"mod+enter"], media?: css, key_only?: bool}
//   people[]:   {kind, button: [matcher], person: {from_label?, card?, name?, handle?, handle_href?, profile?, page?}}
//   account:    {css, attr?, re?} | {path_re} | {initial_state: "mastodon"}
//   matcher:    {css, label?: key(s) of labels.json, label_re?: regex, not_label?: key(s)}
//   moderation: {account?, owner_path?, item, text, author?, menu?, hide?, delete?, reply?: [matcher], *_label?: {en, es}}
// Labels are matched in every language labels.json lists, so a German or Spanish interface is covered the same
// way as the English one; a control with a language-independent mark (data-testid, data-e2e, componentkey)
// needs no label at all.
(() => {
  // Whole-label comparison: case, spacing, a trailing "!" and a trailing count ("Reply 2") do not matter.
  const normalise = (s) => String(s || "").replace(/\s+/g, " ").trim().replace(/[!…]+$/, "").trim().toLowerCase();

  function labelSet(keys, labels) {
    const out = new Set();
    for (const key of [].concat(keys || [])) {
      const words = labels[key];
      if (!words) throw new Error(`unknown label "${key}"`);
      for (const w of words) out.add(normalise(w));
    }
    return out;
  }

  // What a person sees as the control's name: its aria-label, else its text (icons and counts aside).
  const labelsOf = (el) => {
    const out = [];
    const aria = el.getAttribute?.("aria-label");
    if (aria) out.push(normalise(aria));
    const title = el.getAttribute?.("title");
    if (title) out.push(normalise(title));
    const text = normalise(el.innerText ?? el.textContent);
    if (text) out.push(text);
    // An icon button names itself through its icon (<svg aria-label="Reply">, <img alt="Send">).
    const icon = el.querySelector?.("svg[aria-label], img[alt], [role=img][aria-label]");
    const iconName = icon && (icon.getAttribute("aria-label") || icon.getAttribute("alt"));
    if (iconName && !text) out.push(normalise(iconName));
    if (el.value && el.tagName === "INPUT") out.push(normalise(el.value));
    return out;
  };

  function compileMatcher(spec, labels) {
    const entries = [].concat(spec || []).map((m) => {
      if (!m || typeof m.css !== "string") throw new Error("a matcher needs a css selector");
      return {
        css: m.css,
        want: m.label ? labelSet(m.label, labels) : null,
        re: m.label_re ? new RegExp(m.label_re, "iu") : null,
        not: m.not_label ? labelSet(m.not_label, labels) : null,
      };
    });
    const test = (el) => entries.some((m) => {
      if (!el.matches?.(m.css)) return false;
      if (!m.want && !m.re && !m.not) return true;
      const names = labelsOf(el);
      if (m.not && names.some((n) => m.not.has(n))) return false;
      if (m.want && !names.some((n) => m.want.has(n))) return false;
      if (m.re && !names.some((n) => m.re.test(n))) return false;
      return true;
    });
    test.css = entries.map((m) => m.css).join(", ");
    return test;
  }

  const clean = (s) => String(s || "").replace(/\s+/g, " ").trim();
  const visibleText = (el) => clean(el.innerText ?? el.textContent);

  // Who a people control is for: its own label ("Accept Keisha Brown's invitation"), else the card or row it
  // sits in (the nearest ancestor showing a name: not the avatar link, which has no text), else the page's
  // header (a profile). Every reader is optional.
  function compilePerson(spec = {}) {
    const fromLabel = [].concat(spec.from_label || []).map((r) => new RegExp(r, "u"));
    const handleHref = spec.handle_href ? new RegExp(spec.handle_href) : null;
    const page = spec.page || {};
    const pagePath = page.handle_path ? new RegExp(page.handle_path) : null;

    const handleOf = (el) => {
      if (!el) return null;
      const href = el.getAttribute?.("href");
      if (href && handleHref) {
        try {
          const m = new URL(href, location.href).pathname.match(handleHref);
          if (m) return decodeURIComponent(m[1]);
        } catch (e) {
          // not a URL
        }
      }
      const text = visibleText(el);
      return /^@?[\w.\-@:]+$/u.test(text) && text ? text.replace(/^@/, "") : null;
    };
    // `name` and `handle` are one selector or a list tried in order (each in document order).
    const nameIn = (root, button) => {
      for (const css of [].concat(spec.name || [])) {
        for (const el of root.querySelectorAll(css)) {
          // Not the control itself, nor another control beside it ("Delete" is nobody's name); a whole card
          // that is itself clickable (X's user cells) still holds the name.
          if (el === button || el.contains(button) || button.contains(el)) continue;
          const control = el.closest("button, [role=button]");
          if (control && !control.contains(button)) continue;
          const text = visibleText(el);
          if (text) return text;
        }
      }
      return null;
    };
    const handleIn = (root, button) => {
      for (const css of [].concat(spec.handle || [])) {
        for (const el of root.querySelectorAll(css)) {
          if (el === button || button.contains(el)) continue;
          const h = handleOf(el);
          if (h) return h;
        }
      }
      return null;
    };
    const cardOf = (button) => {
      if (spec.card) return globalThis.ClientSafeDom.closest(button, spec.card);
      // The nearest ancestor that shows a name or handle of its own (a few levels at most: a row, a card).
      // It stops at the page's header (an h1) or main region: beyond those, names belong to the page.
      let node = button.parentElement;
      for (let depth = 0; node && depth < 8; depth++, node = node.parentElement) {
        if (node === document.body || node.matches("main, [role=main]") || node.querySelector("h1")) return null;
        if (nameIn(node, button) || handleIn(node, button)) return node;
      }
      return null;
    };

    return (button) => {
      const person = {};
      const labels = [button.getAttribute("aria-label"), button.getAttribute("title")].filter(Boolean).map(clean);
      for (const re of fromLabel) {
        const m = labels.map((l) => l.match(re)).find(Boolean);
        if (m?.groups?.name) person.name = clean(m.groups.name);
        if (m?.groups?.handle) person.handle = m.groups.handle.replace(/^@/, "");
        if (m) break;
      }
      const card = cardOf(button);
      if (card) {
        person.name ||= nameIn(card, button) || undefined;
        person.handle ||= handleIn(card, button) || undefined;
        const link = spec.profile ? [...card.querySelectorAll(spec.profile)].find((a) => a.href) : null;
        if (link) person.profile_url = link.href;
      }
      if (!person.name && page.name) person.name = visibleText(document.querySelector(page.name) || document.createElement("i")) || undefined;
      if (!person.handle && page.handle) person.handle = handleOf(document.querySelector(page.handle)) || undefined;
      if (!person.handle && pagePath) person.handle = location.pathname.match(pagePath)?.[1]?.replace(/^@/, "") || undefined;
      if (!person.profile_url && page.profile_url) person.profile_url = location.origin + location.pathname
        + (location.pathname === "/profile.php" ? `?id=${new URLSearchParams(location.search).get("id") || ""}` : "");
      return person;
    };
  }

  function compileAccount(spec) {
    if (!spec) return () => null;
    if (spec.initial_state === "mastodon") {
      return () => {
        try {
          const state = JSON.parse(document.getElementById("initial-state")?.textContent || "{}");
          return state.accounts?.[state.meta?.me]?.acct || null;
        } catch (e) {
          return null;
        }
      };
    }
    if (spec.path_re) {
      const re = new RegExp(spec.path_re);
      return () => location.pathname.match(re)?.[1] || null;
    }
    const re = spec.re ? new RegExp(spec.re) : null;
    return () => {
      const el = document.querySelector(spec.css);
      const value = el ? clean(spec.attr ? el.getAttribute(spec.attr) : el.textContent) : "";
      if (!value) return null;
      return re ? value.match(re)?.[1] || null : value;
    };
  }

  // Moderation help on the organisation's own pages (content/moderation.js): where a comment list's items, their
  // text and author are, and the site's own menu, hide, delete and reply controls (matchers, never pressed by
  // ClientSafe). The *_label texts ({en, es}) tell the moderator which control to press.
  function compileModeration(spec, labels) {
    if (!spec) return null;
    if (typeof spec.item !== "string" || typeof spec.text !== "string") throw new Error("moderation needs item and text");
    const optional = (m) => (m ? compileMatcher(m, labels) : null);
    return {
      // Who the person acts as on a comment list, where the site's composer-side reader does not see it (YouTube's
      // simplebox before it is clicked); else the adapter's own account reader.
      account: spec.account ? compileAccount(spec.account) : null,
      ownerPath: spec.owner_path ? new RegExp(spec.owner_path) : null, // the page's owner, from its path
      item: spec.item,
      text: spec.text,
      author: spec.author || null,
      menu: optional(spec.menu),
      hide: optional(spec.hide),
      delete: optional(spec.delete),
      reply: optional(spec.reply),
      labels: { menu: spec.menu_label || null, hide: spec.hide_label || null, delete: spec.delete_label || null },
    };
  }

  // The data as core.js uses it. Throws on data it cannot use (an unknown label key, a bad regex): the caller
  // reports the adapter as broken instead of running half of it.
  function compile(data, labels) {
    return {
      site: data.site,
      version: data.version,
      account: compileAccount(data.account),
      shadowHosts: data.shadow_hosts || null,
      surfaces: (data.surfaces || []).map((s) => ({
        where: s.where,
        composer: s.composer,
        within: s.within || null,
        path: s.path ? new RegExp(s.path) : null, // only on pages whose path matches (direct messages)
        submit: compileMatcher(s.submit || [], labels),
        keys: s.keys || [],
        media: s.media || null,
        keyOnly: !!s.key_only,
      })),
      people: (data.people || []).map((p) => ({
        kind: p.kind,
        button: compileMatcher(p.button, labels),
        person: compilePerson(p.person),
      })),
      moderation: compileModeration(data.moderation, labels),
    };
  }

  const api = { compile, normalise };
  if (typeof module !== "undefined" && module.exports) module.exports = api; // the Node unit tests
  else globalThis.ClientSafeAdapter = api;
})();
