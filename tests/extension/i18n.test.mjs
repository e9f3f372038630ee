// The extension speaks English and Spanish (issue 16): every word its own pages and frames show comes from
// extension/_locales/<lang>/messages.json, and the two languages have the same messages with the same placeholders.
//   node --test tests/extension/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";

const require = createRequire(import.meta.url);
const EXT = new URL("../../extension/", import.meta.url);
const read = (path) => readFileSync(new URL(path, EXT), "utf8");
const json = (path) => JSON.parse(read(path));

// The extension's pages and frames: what a person reads in the warning panel, the marks, the moderation panel, the
// toolbar popup, the options page and Practice.
const FOLDERS = ["ui", "popup", "options", "practice"];
const FILES = FOLDERS.flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, EXT)).filter((f) => /\.(js|html)$/.test(f)).map((f) => `${folder}/${f}`));

// String and template literals of a script, outside comments; a template's ${...} parts become "\0" (and the
// literals inside them are collected too).
export function literals(src) {
  const out = [];
  let i = 0;
  const quoted = (q) => {
    const start = i++;
    let value = "";
    while (i < src.length && src[i] !== q) {
      if (src[i] === "\\") {
        value += src[i + 1];
        i += 2;
      } else value += src[i++];
    }
    i++;
    out.push({ value, start });
  };
  const template = () => {
    const start = i++;
    let value = "";
    while (i < src.length && src[i] !== "`") {
      if (src[i] === "\\") {
        value += src[i + 1];
        i += 2;
      } else if (src[i] === "$" && src[i + 1] === "{") {
        i += 2;
        code(true);
        value += "\0";
      } else value += src[i++];
    }
    i++;
    out.push({ value, start, template: true });
  };
  const code = (inExpression) => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === "/" && src[i + 1] === "/") {
        const end = src.indexOf("\n", i);
        i = end < 0 ? src.length : end;
      } else if (c === "/" && src[i + 1] === "*") {
        i = src.indexOf("*/", i) + 2;
      } else if (c === '"' || c === "'") {
        quoted(c);
      } else if (c === "`") {
        template();
      } else {
        if (inExpression && c === "{") depth++;
        if (inExpression && c === "}" && depth-- === 0) {
          i++;
          return;
        }
        i++;
      }
    }
  };
  code(false);
  return out;
}

const WORD = /\p{L}{2,}/u;
const PROSE = /\p{L}{2,}[,.:;!?'’]?\s+\p{L}{2,}/u; // two words or more
// Where a literal is shown to the person: set as text, as a name a screen reader reads, or appended to the page.
const SHOWN = [
  /(?:textContent|innerText|innerHTML|title|placeholder|alt|ariaLabel)\s*=\s*$/,
  /(?:\btext|\btitle|\bplaceholder|\balt|["']aria-label["'])\s*:\s*$/,
  /setAttribute\(\s*["'](?:aria-label|title|placeholder|alt)["']\s*,\s*$/,
  /\.(?:append|prepend|before|after|replaceChildren)\((?:[^()]*,)?\s*$/,
  /\},\s*(?:[^(){}]*,\s*)?$/, // a child of el(tag, {props}, ...children)
  /[?:]\s*$/, // either side of a condition whose result is shown (checked with the line's own context below)
];
// Literals that are never shown: selectors, link relations, class names, types, roles, message types.
const NEVER = [
  /(?:querySelector|querySelectorAll|closest|matches|getElementById)\(\s*$/,
  /\b(?:rel|className|type|role|id|href|target|htmlFor|name|act|lang)\s*[:=]\s*$/,
];

function userVisibleLiterals(file, src) {
  const found = [];
  const lineOf = (at) => src.slice(0, at).split("\n").length;
  for (const { value, start } of literals(src)) {
    const text = value.replace(/\0/g, " ");
    if (!WORD.test(text)) continue;
    const before = src.slice(Math.max(0, start - 120), start);
    if (NEVER.some((re) => re.test(before))) continue;
    const line = src.slice(src.lastIndexOf("\n", start) + 1, src.indexOf("\n", start));
    // After ? or :, only words that look written for people (capitals or spaces) on a line that shows text; a
    // message name or a class name there is not.
    const shownHere = SHOWN.slice(0, -1).some((re) => re.test(before))
      || (SHOWN.at(-1).test(before) && /[A-Z\s]/.test(text) && /textContent|text:|title|aria-label|append/.test(line));
    if (shownHere || PROSE.test(text)) found.push(`${file}:${lineOf(start)}: ${JSON.stringify(value)}`);
  }
  return found;
}

function htmlLiterals(file, src) {
  const found = [];
  const body = src.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "");
  for (const [, text] of body.matchAll(/>([^<]+)</g)) {
    if (WORD.test(text)) found.push(`${file}: text ${JSON.stringify(text.trim())}`);
  }
  for (const [, name, value] of body.matchAll(/\s(title|aria-label|placeholder|alt)="([^"]*)"/g)) {
    if (WORD.test(value)) found.push(`${file}: ${name}=${JSON.stringify(value)}`);
  }
  return found;
}

test("no word the extension's pages and frames show is written in their code: all come from _locales", () => {
  const found = FILES.flatMap((file) =>
    (file.endsWith(".html") ? htmlLiterals : userVisibleLiterals)(file, read(file)));
  assert.deepEqual(found, []);
});

test("the scan finds the kinds of text a person sees (so an empty result above means something)", () => {
  const js = [
    'node.textContent = "Saved";',
    'el("div", { text: "Copied" });',
    'span.setAttribute("aria-label", "ClientSafe status");',
    'box.append(el("p", {}, "Our ", link));',
    'const T = { en: { hint: "Scroll or close what covers it" } };',
    'const who = `${name}: think twice`;',
  ];
  for (const line of js) assert.equal(userVisibleLiterals("x.js", line).length, 1, line);
  const fine = [
    'node.textContent = t("panel_copied");',
    'box.querySelectorAll("a[href], button, textarea");',
    'el("a", { rel: "noopener noreferrer" });',
    '// a comment says "Post anyway"',
  ];
  for (const line of fine) assert.deepEqual(userVisibleLiterals("x.js", line), [], line);
  assert.equal(htmlLiterals("x.html", '<h1>Practice</h1><span aria-label="Checking"></span>').length, 2);
  assert.deepEqual(htmlLiterals("x.html", '<h1 data-i18n="practice_heading"></h1><script>x = "Hi there"</script>'), []);
});

const en = json("_locales/en/messages.json");
const es = json("_locales/es/messages.json");
const placeholders = (entry) => [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();

test("Spanish has every English message, with the same placeholders standing for the same values", () => {
  assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
  for (const [key, entry] of Object.entries(en)) {
    assert.ok(entry.message.trim() && es[key].message.trim(), `${key} is empty`);
    assert.deepEqual(placeholders(es[key]), placeholders(entry), `${key}: placeholders differ`);
    assert.deepEqual(es[key].placeholders || {}, entry.placeholders || {}, `${key}: placeholder contents differ`);
    for (const lang of [entry, es[key]]) {
      for (const name of placeholders(lang)) assert.ok(lang.placeholders?.[name], `${key}: $${name}$ is not declared`);
    }
  }
  // Chrome's rule for message names: ASCII letters, digits and underscores.
  for (const key of Object.keys(en)) assert.match(key, /^[A-Za-z0-9_]+$/);
});

test("every message the code asks for exists (fixed names in HTML, the manifest and t(...) calls)", () => {
  const used = new Set();
  for (const [, key] of read("manifest.json").matchAll(/__MSG_(\w+)__/g)) used.add(key);
  for (const file of FILES) {
    const src = read(file);
    if (file.endsWith(".html")) {
      for (const [, key] of src.matchAll(/data-i18n(?:-[a-z-]+)?="(\w+)"/g)) used.add(key);
      continue;
    }
    const prefix = file === "practice/practice.js" ? "practice_" : "";
    for (const [, fn, key] of src.matchAll(/\b(t|words)\(\s*"(\w+)"/g)) used.add(fn === "t" ? prefix + key : key);
    // Names looked up from a table: "panel_...", "mark_...", "modmark_..." values.
    for (const [, key] of src.matchAll(/"((?:panel|mark|modmark|mod|popup|options)_\w+)"/g)) used.add(key);
  }
  // Names put together at run time.
  const L = require("../../extension/content/logic.js");
  const logic = readFileSync(new URL("../../extension/content/logic.js", import.meta.url), "utf8");
  const tabStates = [...logic.slice(logic.indexOf("tabStatus")).matchAll(/return "(\w+)"|\[((?:"\w+",?\s*)+)\]\.includes\(tray\)/g)]
    .flatMap((m) => (m[1] ? [m[1]] : [...m[2].matchAll(/"(\w+)"/g)].map((x) => x[1])));
  assert.ok(tabStates.length >= 8 && typeof L.tabStatus === "function");
  for (const state of tabStates) used.add(`popup_${state}_title`).add(`popup_${state}_detail`);
  for (const why of ["not_paired", "starting", "busy", "rate_limited", "too_many_checks", "keyring", "error", "not_running"]) {
    used.add(`panel_unchecked_${why}`);
  }
  for (const key of ["post", "comment", "review_reply", "friend_request", "org", "personal", "fine", "second_look",
    "must_not"]) used.add(`practice_${key}`);
  const missing = [...used].filter((key) => !(key in en));
  assert.deepEqual(missing, []);
});

test("site names are the ones people know (shared/sites.json), in both languages", () => {
  const sites = JSON.parse(readFileSync(new URL("../../shared/sites.json", import.meta.url), "utf8")).sites;
  for (const [key, names] of Object.entries(sites)) {
    assert.equal(en[`site_${key}`]?.message, names.en, key);
    assert.equal(es[`site_${key}`]?.message, names.es, key);
  }
  const extra = Object.keys(en).filter((k) => k.startsWith("site_") && !(k.slice(5) in sites));
  assert.deepEqual(extra, []);
});

test("messages read from the file are filled in as Chrome fills them", () => {
  globalThis.navigator ??= { language: "en-US" };
  const { format } = require("../../extension/ui/i18n.js");
  const entry = { message: "$NAME$: think twice before you $Action$. Costs $$5.", placeholders: {
    name: { content: "$1" }, action: { content: "$2" } } };
  assert.equal(format(entry, ["Sam", "connect"]), "Sam: think twice before you connect. Costs $5.");
  assert.equal(format(es.panel_person_who, ["Sam", es.panel_request_connect.message]),
    "Sam: piénselo dos veces antes de conectar.");
  assert.equal(format(en.practice_progress, [3, 12]), "3 of 12");
  assert.equal(format(es.practice_score, [7, 12]), "Eligió la respuesta correcta en 7 de 12.");
  assert.equal(format(undefined, []), "");
});

test("the toolbar button's tooltip for every state is a message in both languages", () => {
  // background/status.js paints the badge; its tooltip is badge_<state> (badge_ok when all is well).
  const source = read("background/status.js");
  assert.doesNotMatch(source, /title:\s*"/, "a tooltip written into status.js is English only");
  const states = [...source.slice(source.indexOf("const BADGES"), source.indexOf("};", source.indexOf("const BADGES")))
    .matchAll(/^\s+([a-z_]+):\s*\{/gm)].map((m) => m[1]);
  assert.ok(states.length >= 7, `found states ${states}`);
  for (const lang of ["en", "es"]) {
    const messages = json(`_locales/${lang}/messages.json`);
    for (const state of [...states, "ok"]) assert.ok(messages[`badge_${state}`]?.message, `${lang}: badge_${state}`);
  }
});
