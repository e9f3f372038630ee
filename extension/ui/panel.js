// The warning panel's frame: an extension page, so the social site's scripts can neither read what it says
// (the verdict, the reasons, whether someone is a client or a minor, the decline script) nor press its
// buttons. What to show comes from the extension's worker, keyed by the random id in this frame's address
// (handed out once, to a frame in the tab that asked); what the person chose goes back to the worker, which
// records it and tells the page's content script only the choice. Only the person's own input counts: a
// click or key that is not trusted is ignored, and so is a click while the page covers or fades this frame.
// All text is set with textContent, never as HTML (reasons and excerpts come from the post and the policy).
(() => {
  const L = globalThis.ClientSafeLogic;
  // The words, in the policy's language or the browser's (ui/i18n.js); set before anything is drawn.
  let t = (key) => key;
  let id = location.hash.slice(1); // empty in a frame loaded ahead of time, until it is shown
  const send = (message) => chrome.runtime.sendMessage(message).catch(() => null);

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k in node && k !== "role") node[k] = v;
      else node.setAttribute(k, v);
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  // A reason as the app words it (checker/explain.py: the same title, message, example and policy section the
  // tray and the command line show, in the policy's or the browser's language); this frame lays it out and
  // composes none of it. An older app sends no title and no policy: its policy_ref is looked up in the config.
  function reasonItem(reason, links) {
    if (!reason) return [];
    return [
      reason.title ? el("div", { className: "title", text: reason.title }) : null,
      el("div", { className: "message", text: reason.message }),
      reason.example ? el("div", { className: "example", text: reason.example }) : null,
      policyLink(reason, links),
    ];
  }

  function policyLink(reason, links) {
    const ref = reason?.policy?.ref || reason?.policy_ref;
    if (!ref) return null;
    const known = reason.policy || links?.[ref];
    if (known?.url) {
      return el("div", { className: "ref" }, `${t("panel_policy")} `,
        el("a", { href: known.url, target: "_blank", rel: "noopener noreferrer", text: known.title || ref }));
    }
    return el("div", { className: "ref", text: `${t("panel_policy")} ${known?.title || ref}` });
  }

  // Why a post (or a person) could not be checked, from the worker's view of the app, and what to do about it.
  const UNCHECKED = ["not_paired", "starting", "busy", "rate_limited", "too_many_checks", "keyring", "error"];
  function uncheckedText(why, aboutPerson) {
    const what = t(aboutPerson ? "panel_what_person" : "panel_what_post");
    const orOnlyIf = t(aboutPerson ? "panel_or_person" : "panel_or_post");
    return t(`panel_unchecked_${UNCHECKED.includes(why) ? why : "not_running"}`, what, orOnlyIf);
  }

  const REQUEST_WORDS = {
    incoming_request: "panel_request_accept",
    outgoing_request: "panel_request_send",
    message_request: "panel_request_message",
  };
  const NOTICES = { apply_failed: "panel_notice_apply_failed" };

  // What kind of detail a marked phrase is, in words (the same words as the moderation panel's list).
  const kindOf = (type) => t(`type_${String(type).toLowerCase()}`) || String(type).toLowerCase().replaceAll("_", " ");

  const LINK_AT = "\u2060LINK\u2060"; // where a link goes inside a sentence (never in a message itself)

  // Tab and Shift+Tab go round the panel's own controls: while the panel is open, focus never leaves it for the
  // page underneath (a frame's last Tab would otherwise move on into the site).
  function keepFocusIn(box, event) {
    const stops = [...box.querySelectorAll("a[href], button, textarea, [tabindex]")]
      .filter((node) => !node.disabled && node.tabIndex >= 0 && node.getClientRects().length);
    if (!stops.length) return;
    const at = stops.indexOf(document.activeElement);
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at === stops.length - 1 || at < 0 ? 0 : at + 1);
    event.preventDefault();
    stops[next].focus();
  }

  function render(spec) {
    const { kind, verdict, text, rule, account, config, unreachable, person, answer, requestKind, unheld, notice } = spec;
    const blocked = kind === "verdict" && verdict?.action === "block";
    const titles = {
      unchecked: requestKind ? "panel_title_unchecked_person" : "panel_title_unchecked_post",
      media: "panel_title_media",
      verdict: blocked ? "panel_title_block" : "panel_title_caution",
      notice: "panel_title_caution",
      person: answer?.reason?.code === "RELATIONSHIP_GUARDIAN" ? "panel_title_guardian"
        : answer?.minor ? "panel_title_minor" : "panel_title_person",
    };
    const box = el("div", { className: "box", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "t",
      "aria-describedby": "d" });
    box.style.setProperty("--edge", blocked ? "#b00020" : kind === "media" ? "#0b57d0" : "#8a5300");
    box.append(el("h2", { id: "t", text: t(unheld ? "panel_title_unheld" : titles[kind]) }));
    box.append(el("div", { className: "who", text: kind === "person"
      ? t("panel_person_who", person?.name || person?.handle || t("panel_this_person"),
        t(REQUEST_WORDS[requestKind] || "panel_request_connect"))
      : t(account === "org" ? "panel_posting_org" : "panel_posting_personal") }));
    const list = el("ul", { id: "d" });
    // unheld: this composer's submit control was not found, so the panel warns before the person posts and
    // cannot hold the post itself.
    if (unheld) list.append(el("li", { className: "unheld", text: t("panel_unheld") }));
    if (kind === "unchecked") {
      list.append(el("li", { text: uncheckedText(unreachable, !!requestKind) }));
    } else if (kind === "notice") {
      list.append(el("li", { text: t(NOTICES[notice] || NOTICES.apply_failed) }));
    } else if (kind === "person") {
      list.append(el("li", {}, ...(answer?.reason ? reasonItem(answer.reason, config?.policy_links)
        : [el("div", { text: t("panel_person_default") })])));
      if (answer?.decline_script) {
        const script = el("blockquote", { className: "post", text: answer.decline_script });
        const copy = el("button", { type: "button", text: t("panel_copy_reply") });
        copy.addEventListener("click", (event) => {
          if (!event.isTrusted) return;
          navigator.clipboard?.writeText(answer.decline_script)
            .then(() => (copy.textContent = t("panel_copied")), () => (copy.textContent = t("panel_copy_by_hand")));
        });
        list.append(el("li", {}, el("div", { text: t("panel_reply_intro") }), script, copy));
      }
    } else if (kind === "media") {
      list.append(el("li", { text: t("panel_media") }));
    } else {
      const pieces = L.excerpt(L.segments(text || "", verdict?.findings));
      if (pieces.some((p) => p.mark)) {
        box.append(el("div", { className: "post", role: "group", "aria-label": t("panel_post_label") },
          ...pieces.map((p) => (p.mark ? el("mark", { text: p.text, title: p.types.map(kindOf).join(", ") }) : p.text))));
      }
      for (const reason of verdict?.reasons || []) list.append(el("li", {}, ...reasonItem(reason, config?.policy_links)));
      // The rewrite is offered only when the app checked it again and it came back clear; otherwise say what
      // still needs the person's own edit.
      const still = verdict?.rewrite && !verdict.rewrite.safe ? verdict.rewrite.still_to_edit || [] : [];
      if (still.length) {
        list.append(el("li", { className: "still",
          text: t("panel_still_to_edit", still.map((d) => `“${d.text}”`).join(", ")) }));
      }
    }
    box.append(list);
    if (account === "org" && config?.community_standards_url) {
      // The link sits inside the sentence wherever the language puts it.
      const [before, after] = t("panel_standards", LINK_AT).split(LINK_AT);
      box.append(el("div", { className: "ref" }, before,
        el("a", { href: config.community_standards_url, target: "_blank", rel: "noopener noreferrer",
          text: t("panel_standards_link") }), after));
    }
    const reasonBox = el("textarea", { rows: 2, id: "why" });
    const reasonLabel = el("label", { htmlFor: "why" }, `${t("panel_why")} `, reasonBox);
    const hint = el("div", { className: "hint", role: "status" });
    if (!rule?.needsReason || !rule?.canSend) reasonLabel.hidden = true;
    box.append(reasonLabel, hint);
    const buttons = el("div", { className: "buttons" });
    const add = (act, label, primary) => {
      const button = el("button", { type: "button", className: primary ? "primary" : "", text: t(label) });
      button.dataset.act = act;
      buttons.append(button);
    };
    if (kind === "media") {
      add("confirm", "panel_releases_on_file", true);
      add("cancel", "panel_cancel");
    } else if (kind === "person") {
      add("cancel", "panel_dont_connect", true);
      if (rule?.canSend) add("send", "panel_continue_anyway");
    } else if (kind === "notice") {
      add("edit", "panel_edit", true);
    } else {
      add("edit", "panel_edit", true);
      if (kind === "verdict" && verdict?.suggestions?.length) add("apply", "panel_apply");
      if (unheld) add("send", "panel_understand");
      else {
        if (rule?.canSend) add("send", kind === "unchecked" ? "panel_post_unchecked" : "panel_post_anyway");
        add("cancel", "panel_cancel");
      }
    }
    box.append(buttons);
    document.body.append(box);
    performance.mark("clientsafe-panel-drawn"); // for bench/extension.py: click -> panel drawn

    // A click while the page fades, shrinks or covers this box is refused (clickjacking; ui/visible_guard.js).
    const visibility = globalThis.ClientSafeVisibleGuard.create();
    visibility.watch(box);

    let done = false;
    const finish = (choice) => {
      if (done) return;
      done = true;
      send({ type: "panel-choice", id, choice, reason: reasonBox.value.trim() });
    };
    buttons.addEventListener("click", async (event) => {
      const act = event.target?.dataset?.act;
      if (!act || !event.isTrusted) return;
      if (!(await visibility.seenNow())) {
        hint.textContent = t("panel_hidden");
        return;
      }
      if (act === "send" && rule?.needsReason && rule?.canSend && !reasonBox.value.trim()) {
        hint.textContent = t("panel_need_reason");
        reasonBox.focus();
        return;
      }
      finish(act);
    });
    document.addEventListener("keydown", (event) => {
      if (!event.isTrusted) return;
      if (event.key === "Escape") finish("cancel");
      else if (event.key === "Tab") keepFocusIn(box, event);
    });
    buttons.querySelector("button").focus();
  }

  // The id comes in this frame's address, or (a frame loaded ahead of time) in a message from the content
  // script that shows it. Anyone in the page may message this frame too, but only a live id the worker handed
  // to this tab gets content, and an id that gets none does not use the frame up.
  let shown = false;
  let asked = false;
  function start(candidate) {
    if (shown || asked || !/^[0-9a-f]{32}$/.test(candidate || "")) return;
    asked = true;
    performance.mark("clientsafe-panel-asked");
    Promise.all([send({ type: "panel-get", id: candidate }), words]).then(([spec]) => {
      asked = false;
      if (!spec?.kind || shown) return;
      shown = true;
      id = candidate;
      render(spec);
    });
  }
  const words = globalThis.ClientSafeI18n.ready.then(({ lang, t: words }) => {
    t = words;
    document.documentElement.lang = lang;
    document.title = t("panel_document_title");
  });
  addEventListener("message", (event) => start(event.data?.clientsafePanel));
  start(id);
})();
