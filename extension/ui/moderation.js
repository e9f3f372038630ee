// The moderation panel's frame: an extension page, so the site's scripts can neither read what it says (that a
// comment was flagged, and why) nor press its buttons. What to show comes from the worker, keyed by the random
// id in this frame's address (handed out once); the person's choice goes back to the worker, which records it
// (content-free) and tells the page's content script only which of the site's controls to lead the person to.
// ClientSafe never presses the site's hide or delete control: the person does, on the site (docs/moderation.md).
// Only trusted clicks count. All text is set with textContent.
(() => {
  const id = location.hash.slice(1);
  const es = navigator.language.toLowerCase().startsWith("es");
  const lang = es ? "es" : "en";
  const T = {
    en: {
      title: "This comment shares someone's private information",
      titleYouth: "This comment shares a young person's private information",
      self: "The writer shared their own information.",
      other: "The writer shared another person's information.",
      what: "What it shares:",
      why: "Your Community Standards ask you to remove comments like this, and to protect young people even when "
        + "they share about themselves.",
      how: (menu, item) => `ClientSafe does not hide or delete anything itself. Choose below and it takes you to the `
        + `comment: press “${menu}”, then “${item}”.`,
      hide: "Hide it…", delete: "Delete it…", reply: "Copy a reply and go to Reply", dismiss: "It's fine: dismiss",
      close: "Close", replyIntro: "A reply you can post (it repeats nothing from the comment):",
      hidden: "This panel is partly hidden by the page. Scroll or close what covers it, then choose again.",
    },
    es: {
      title: "Este comentario comparte información privada de alguien",
      titleYouth: "Este comentario comparte información privada de una persona joven",
      self: "Quien escribe compartió su propia información.",
      other: "Quien escribe compartió información de otra persona.",
      what: "Qué comparte:",
      why: "Sus normas de la comunidad piden retirar comentarios así y proteger a las personas jóvenes aunque "
        + "compartan sobre sí mismas.",
      how: (menu, item) => `ClientSafe no oculta ni elimina nada por sí mismo. Elija abajo y le llevará al `
        + `comentario: pulse «${menu}» y luego «${item}».`,
      hide: "Ocultarlo…", delete: "Eliminarlo…", reply: "Copiar una respuesta e ir a Responder",
      dismiss: "Está bien: descartar", close: "Cerrar",
      replyIntro: "Una respuesta que puede publicar (no repite nada del comentario):",
      hidden: "La página tapa parte de este panel. Desplácese o cierre lo que lo cubre y vuelva a elegir.",
    },
  }[lang];
  const WORDS = {
    HEALTH: ["health", "salud"], MENTAL_HEALTH: ["mental health or self-harm", "salud mental o autolesiones"],
    MEDICATION: ["medication", "medicamentos"], HIV_STI: ["HIV or STI status", "VIH o ITS"],
    PREGNANCY: ["pregnancy", "embarazo"], SUBSTANCE_USE: ["substance use", "consumo de sustancias"],
    ABUSE: ["abuse or violence", "abuso o violencia"], IMMIGRATION: ["immigration status", "situación migratoria"],
    CRIMINAL_JUSTICE: ["criminal justice", "justicia penal"], HOMELESSNESS: ["housing or homelessness", "vivienda"],
    FOSTER_CARE: ["foster care", "acogida"], DISABILITY: ["disability", "discapacidad"],
    SPECIAL_EDUCATION: ["special education", "educación especial"], GRADES_DISCIPLINE: ["school records", "expediente escolar"],
    BENEFITS: ["benefits", "ayudas"], LGBTQ: ["sexual orientation or gender identity", "orientación sexual o identidad de género"],
    SHELTER: ["a shelter", "un refugio"], PHONE_NUMBER: ["a phone number", "un teléfono"],
    EMAIL_ADDRESS: ["an e-mail address", "un correo"], STREET_ADDRESS: ["a home address", "una dirección"],
    DATE_OF_BIRTH: ["a date of birth", "una fecha de nacimiento"], US_SSN: ["an ID number", "un número de identidad"],
    ID_NUMBER: ["an ID number", "un número de identidad"], ROOM_NUMBER: ["a room number", "un número de habitación"],
    SELF_AGE_MINOR: ["the writer's age or grade (under 18)", "la edad o el curso de quien escribe (menor de 18)"],
    AGE_MINOR: ["a child's age", "la edad de un menor"], SCHOOL: ["a school or grade", "una escuela o curso"],
    YOUTH: ["a young person", "una persona joven"], PERSON: ["a name", "un nombre"],
    SERVICE_CONTEXT: ["that someone uses a service", "que alguien usa un servicio"],
  };
  const word = (type) => (WORDS[type] ? WORDS[type][es ? 1 : 0] : type.toLowerCase().replaceAll("_", " "));

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else node[k] = v;
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  // As the warning panel (panel.js): a page may fade or cover this frame to trick the person into a click
  // (clickjacking). Where the browser can tell (Intersection Observer v2), a click while the box is not fully
  // visible is refused; a "not visible" report waits up to 800 ms for the next one first.
  let visible = null;
  let reported = () => {};
  const watchVisibility = (box) => {
    if (!("isVisible" in (globalThis.IntersectionObserverEntry?.prototype || {}))) return;
    new IntersectionObserver((entries) => {
      for (const entry of entries) visible = entry.isVisible;
      reported();
    }, { trackVisibility: true, delay: 100, threshold: [1.0] }).observe(box);
  };
  const seenNow = () => visible !== false ? Promise.resolve(true) : new Promise((resolve) => {
    const timer = setTimeout(() => resolve(visible !== false), 800);
    reported = () => {
      if (visible === false) return;
      clearTimeout(timer);
      resolve(true);
    };
  });

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
      if (!(await seenNow())) {
        document.querySelector(".hint").textContent = T.hidden;
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
    // Only nodes: a false "who" line must leave nothing (append() would print the word "false").
    box.append(...[
      el("h2", { text: result.youth ? T.titleYouth : T.title }),
      result.self_disclosure && el("div", { className: "who", text: T.self }),
      result.about_other && el("div", { className: "who", text: T.other }),
      el("div", { text: T.what }),
      el("ul", {}, ...result.types.map((t) => el("li", { text: word(t) }))),
      el("p", { className: "example", text: T.why }),
    ].filter(Boolean));
    const item = controls.hide ? label("hide") : label("delete");
    if ((controls.hide || controls.delete) && label("menu")) {
      box.append(el("p", { className: "steps", text: T.how(label("menu"), item) }));
    }
    if (controls.reply && replyText) box.append(el("div", { text: T.replyIntro }), el("div", { className: "reply", text: replyText }));
    const copy = () => navigator.clipboard.writeText(replyText).catch(() => {});
    box.append(el("div", { className: "buttons" },
      controls.hide && button("hide", T.hide, true),
      controls.delete && button("delete", T.delete, !controls.hide),
      controls.reply && replyText && button("reply", T.reply, false, copy),
      button("dismiss", T.dismiss),
      button("close", T.close)), el("div", { className: "hint" }));
    document.body.append(box);
    watchVisibility(box);
    box.querySelector("button")?.focus();
  }

  document.addEventListener("keydown", (event) => event.isTrusted && event.key === "Escape" && choose("close"));
  chrome.runtime.sendMessage({ type: "moderation-get", id }).then((content) => {
    if (content?.result) render(content);
    else choose("close");
  }, () => choose("close"));
})();
