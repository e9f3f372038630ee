// The moderation panel's frame: an extension page, so the site's scripts can neither read what it says (that a
// comment was flagged, and why) nor press its buttons. What to show comes from the worker, keyed by the random
// id in this frame's address (handed out once); the person's choice goes back to the worker, which records it
// (content-free) and tells the page's content script only which of the site's controls to lead the person to.
// ClientSafe never presses the site's hide or delete control: the person does, on the site (docs/moderation.md).
// Only trusted clicks count. All text is set with textContent.
(() => {
  const id = location.hash.slice(1);
  // The words (ui/i18n.js: the policy's language or the browser's); set before the panel is drawn.
  let t = () => "";
  let lang = "en";
  const word = (type) => t(`type_${type.toLowerCase()}`) || type.toLowerCase().replaceAll("_", " ");

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else node[k] = v;
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  // As the warning panel: a click while the page fades or covers this box is refused (clickjacking;
  // ui/visible_guard.js). The box is watched once it is drawn.
  const visibility = globalThis.ClientSafeVisibleGuard.create();

  let done = false;
  function choose(choice) {
    if (done) return;
    done = true;
    chrome.runtime.sendMessage({ type: "moderation-choice", id, choice }).catch(() => {});
  }
  const button = (act, text, primary, extra) => {
    const b = el("button", { type: "button", text, className: primary ? "primary" : "" });
    b.dataset.act = act;
    b.addEventListener("click", async (event) => {
      if (!event.isTrusted) return; // a forged click is ignored
      if (!(await visibility.seenNow())) {
        document.querySelector(".hint").textContent = t("mod_hidden");
        return;
      }
      if (extra) await extra();
      choose(act);
    });
    return b;
  };

  function render(content) {
    const { result, reply, controls, labels } = content;
    const label = (key) => labels?.[key]?.[lang] || labels?.[key]?.en || "";
    const replyText = reply?.[result.language === "es" ? "es" : "en"] || reply?.en || "";
    const box = el("div", { className: `box${result.youth ? " urgent" : ""}`, role: "dialog" });
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "t"); // the heading names the dialog for screen readers
    // Only nodes: a false "who" line must leave nothing (append() would print the word "false").
    box.append(...[
      el("h2", { id: "t", text: t(result.youth ? "mod_title_youth" : "mod_title") }),
      result.self_disclosure && el("div", { className: "who", text: t("mod_self") }),
      result.about_other && el("div", { className: "who", text: t("mod_other") }),
      el("div", { text: t("mod_what") }),
      el("ul", {}, ...result.types.map((type) => el("li", { text: word(type) }))),
      el("p", { className: "example", text: t("mod_why") }),
    ].filter(Boolean));
    const item = controls.hide ? label("hide") : label("delete");
    if ((controls.hide || controls.delete) && label("menu")) {
      box.append(el("p", { className: "steps", text: t("mod_how", label("menu"), item) }));
    }
    if (controls.reply && replyText) box.append(el("div", { text: t("mod_reply_intro") }), el("div", { className: "reply", text: replyText }));
    const copy = () => navigator.clipboard.writeText(replyText).catch(() => {});
    box.append(el("div", { className: "buttons" },
      controls.hide && button("hide", t("mod_hide"), true),
      controls.delete && button("delete", t("mod_delete"), !controls.hide),
      controls.reply && replyText && button("reply", t("mod_reply"), false, copy),
      button("dismiss", t("mod_dismiss")),
      button("close", t("mod_close"))), el("div", { className: "hint" }));
    document.body.append(box);
    visibility.watch(box);
    box.querySelector("button")?.focus();
  }

  // Tab and Shift+Tab go round the panel's own controls, so focus never leaves it for the page underneath.
  function keepFocusIn(event) {
    const stops = [...document.querySelectorAll(".box a[href], .box button")].filter((b) => !b.disabled);
    if (!stops.length) return;
    const at = stops.indexOf(document.activeElement);
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    event.preventDefault();
    stops[next].focus();
  }
  document.addEventListener("keydown", (event) => {
    if (!event.isTrusted) return;
    if (event.key === "Escape") choose("close");
    else if (event.key === "Tab") keepFocusIn(event);
  });
  const words = globalThis.ClientSafeI18n.ready.then((chosen) => {
    ({ lang, t } = chosen);
    document.documentElement.lang = lang;
    document.title = t("mod_document_title");
  });
  Promise.all([chrome.runtime.sendMessage({ type: "moderation-get", id }), words]).then(([content]) => {
    if (content?.result) render(content);
    else choose("close");
  }, () => choose("close"));
})();
