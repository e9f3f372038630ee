// The extension's own frames share their code instead of copying it: the clickjacking guard of the two panels
// (ui/visible_guard.js) and the paint and port of the two marks (ui/mark_frame.js). These tests run that shared
// code in Node with stand-ins for the browser's objects; the real-browser tests (tests/e2e) cover the frames whole.
//   node --test tests/extension/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const EXT = new URL("../../extension/", import.meta.url);
const read = (path) => readFileSync(new URL(path, EXT), "utf8");
// Objects made inside a vm context have that context's prototypes; compare their JSON.
const plain = (value) => JSON.parse(JSON.stringify(value));
const scriptsOf = (html) => [...read(`ui/${html}`).matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]);

// Each frame: its page, the shared script it needs, its own script.
const FRAMES = [
  ["panel.html", "visible_guard.js", "panel.js"],
  ["moderation.html", "visible_guard.js", "moderation.js"],
  ["mark.html", "mark_frame.js", "mark.js"],
  ["moderation-mark.html", "mark_frame.js", "moderation-mark.js"],
];

test("each frame's page loads i18n.js, then the shared script, then its own (classic scripts, no inline code)", () => {
  for (const [html, shared, own] of FRAMES) {
    const scripts = scriptsOf(html);
    const at = (src) => scripts.indexOf(src);
    assert.ok(at("i18n.js") >= 0 && at(shared) > at("i18n.js") && at(own) > at(shared), `${html}: ${scripts}`);
    assert.doesNotMatch(read(`ui/${html}`), /<script(?![^>]*\bsrc=)/, `${html} has an inline script`);
  }
});

test("no frame script writes the shared code again", () => {
  const guard = /IntersectionObserver|trackVisibility|isVisible|setTimeout/;
  for (const own of ["panel.js", "moderation.js"]) assert.doesNotMatch(read(`ui/${own}`), guard, own);
  const mark = /runtime\.connect|onDisconnect|dataset\.state|ClientSafeI18n|setAttribute\(\s*"aria-label"/;
  for (const own of ["mark.js", "moderation-mark.js"]) assert.doesNotMatch(read(`ui/${own}`), mark, own);
});

// A browser-like global object for a script run with vm: timers the test fires by hand.
function sandbox(extra = {}) {
  const timers = [];
  const context = {
    setTimeout: (fn, ms) => timers.push({ fn, ms, live: true }) - 1,
    clearTimeout: (n) => timers[n] && (timers[n].live = false),
    ...extra,
  };
  vm.createContext(context);
  const fire = (ms) => {
    for (const timer of timers.filter((x) => x.live && x.ms === ms)) {
      timer.live = false;
      timer.fn();
    }
  };
  const run = (path) => vm.runInContext(read(path), context, { filename: path });
  return { context, timers, fire, run };
}

// What a promise has settled to so far, without waiting for it ("pending" if not yet).
async function settled(promise) {
  const PENDING = Symbol("pending");
  const value = await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(PENDING)))]);
  return value === PENDING ? "pending" : value;
}

// Chromium's Intersection Observer v2 as the guard sees it: the test reports visibility by hand.
function chromium() {
  const observers = [];
  class IntersectionObserver {
    constructor(callback, options) {
      Object.assign(this, { callback, options, targets: [] });
      observers.push(this);
    }
    observe(target) {
      this.targets.push(target);
    }
  }
  class IntersectionObserverEntry {}
  IntersectionObserverEntry.prototype.isVisible = false;
  const report = (isVisible) => observers.forEach((o) => o.callback(o.targets.map(() => ({ isVisible }))));
  return { globals: { IntersectionObserver, IntersectionObserverEntry }, observers, report };
}

function guard(globals) {
  const box = sandbox(globals);
  box.run("ui/visible_guard.js");
  return { ...box, visibility: box.context.ClientSafeVisibleGuard.create() };
}

test("the guard watches the box with Intersection Observer v2, fully visible, where the browser has it", () => {
  const browser = chromium();
  const { visibility } = guard(browser.globals);
  const box = { id: "box" };
  visibility.watch(box);
  assert.equal(browser.observers.length, 1);
  assert.deepEqual(browser.observers[0].targets, [box]);
  const { trackVisibility, delay, threshold } = browser.observers[0].options;
  assert.deepEqual(plain({ trackVisibility, delay, threshold }), { trackVisibility: true, delay: 100, threshold: [1] });
});

test("a click before any report, or after a visible one, counts at once", async () => {
  const browser = chromium();
  const { visibility, timers } = guard(browser.globals);
  visibility.watch({});
  assert.equal(await settled(visibility.seenNow()), true);
  browser.report(true);
  assert.equal(await settled(visibility.seenNow()), true);
  assert.equal(timers.length, 0);
});

test("after a 'not visible' report a click waits for the next report: visible then, it counts", async () => {
  const browser = chromium();
  const { visibility } = guard(browser.globals);
  visibility.watch({});
  browser.report(false);
  const seen = visibility.seenNow();
  assert.equal(await settled(seen), "pending");
  browser.report(false);
  assert.equal(await settled(seen), "pending", "a second 'not visible' report still waits");
  browser.report(true);
  assert.equal(await settled(seen), true);
});

test("after a 'not visible' report and no better one within 800 ms, the click is refused", async () => {
  const browser = chromium();
  const { visibility, timers, fire } = guard(browser.globals);
  visibility.watch({});
  browser.report(false);
  const seen = visibility.seenNow();
  assert.deepEqual(timers.map((x) => x.ms), [800]);
  fire(800);
  assert.equal(await settled(seen), false);
});

test("without isVisible (Firefox) nothing is observed and a click counts", async () => {
  const browser = chromium();
  delete browser.globals.IntersectionObserverEntry.prototype.isVisible;
  const { visibility } = guard(browser.globals);
  visibility.watch({});
  assert.equal(browser.observers.length, 0);
  assert.equal(await settled(visibility.seenNow()), true);
});

// A mark frame's document, worker port and words, as mark_frame.js uses them.
function markWorld({ connectFails = false } = {}) {
  const listeners = {};
  const span = {
    style: {},
    attributes: {},
    setAttribute(name, value) {
      this.attributes[name] = value;
    },
    addEventListener(type, fn) {
      (listeners[type] ||= []).push(fn);
    },
  };
  const document = { getElementById: (id) => (id === "mark" ? span : null), body: { dataset: {} },
    documentElement: {}, title: "" };
  const ports = [];
  const sent = [];
  let giveWords;
  const words = new Promise((resolve) => (giveWords = resolve));
  const chrome = { runtime: {
    connect({ name }) {
      if (connectFails) throw new Error("Extension context invalidated.");
      const port = { name, posted: [], on: {} };
      port.onMessage = { addListener: (fn) => (port.on.message = fn) };
      port.onDisconnect = { addListener: (fn) => (port.on.disconnect = fn) };
      port.postMessage = (message) => port.posted.push(message);
      ports.push(port);
      return port;
    },
    sendMessage: (message) => sent.push(message) && Promise.resolve(),
  } };
  const box = sandbox({ document, location: { hash: "#0123abcd" }, chrome, ClientSafeI18n: { ready: words } });
  box.run("ui/mark_frame.js");
  const t = (key) => `[${key}]`;
  const speak = async () => {
    giveWords({ lang: "es", t });
    await words;
    await new Promise(setImmediate);
  };
  return { ...box, span, document, ports, sent, speak, listeners };
}

const LOOKS = { on: ["✓", "#111", "x_on"], off: ["■", "#222", "x_off"], unchecked: ["?", "#333", "x_unchecked"] };
const START = { looks: LOOKS, port: "p", initial: "off", titleKey: "x_title" };
const startMark = (world, options = {}) => world.context.ClientSafeMarkFrame.start({ ...START, ...options });
const ASK = { id: "0123abcd" }; // the id in the frame's address (markWorld's location.hash)
// Each port the mark opened: its name and what the mark posted on it.
const asked = (world) => plain(world.ports.map((p) => [p.name, p.posted]));

test("a mark shows its first state, asks the worker by its id, and names the state once the words come", async () => {
  const world = markWorld();
  startMark(world, { port: "some-mark" });
  assert.deepEqual(asked(world), [["some-mark", [ASK]]]);
  assert.equal(world.span.textContent, "■");
  assert.equal(world.span.style.background, "#222");
  assert.equal(world.document.body.dataset.state, "off");
  await world.speak();
  assert.equal(world.span.attributes["aria-label"], "[x_off]");
  assert.equal(world.span.title, "[x_off]");
  assert.equal(world.document.title, "[x_title]");
  assert.equal(world.document.documentElement.lang, "es");
});

test("a mark paints what the worker says, and a state it does not know as unchecked", async () => {
  const world = markWorld();
  const mark = startMark(world);
  await world.speak();
  world.ports[0].on.message({ state: "on" });
  assert.deepEqual([world.span.textContent, world.span.title, world.document.body.dataset.state, mark.state()],
    ["✓", "[x_on]", "on", "on"]);
  world.ports[0].on.message({ state: "made-up" });
  assert.deepEqual([world.span.textContent, world.span.title, world.document.body.dataset.state, mark.state()],
    ["?", "[x_unchecked]", "unchecked", "unchecked"]);
  world.ports[0].on.message({});
  assert.equal(mark.state(), "unchecked");
});

test("a mark whose worker went away connects again after 200 ms, with the same id", () => {
  const world = markWorld();
  startMark(world);
  world.ports[0].on.disconnect();
  assert.equal(world.ports.length, 1);
  world.fire(200);
  assert.deepEqual(asked(world), [["p", [ASK]], ["p", [ASK]]]);
});

test("a mark left behind by a reloaded extension stops trying", () => {
  const world = markWorld({ connectFails: true });
  startMark(world);
  assert.equal(world.timers.length, 0);
  assert.equal(world.span.textContent, "■");
});

test("a clickable mark shows a pointer only in the states that open something; other marks keep theirs", () => {
  const clickable = markWorld();
  startMark(clickable, { clickable: ["on"] });
  assert.equal(clickable.span.style.cursor, "default");
  clickable.ports[0].on.message({ state: "on" });
  assert.equal(clickable.span.style.cursor, "pointer");
  const other = markWorld();
  startMark(other, { initial: "on" });
  assert.equal(other.span.style.cursor, undefined);
});

// The worker answers only the port names it knows (background/panels.js, background/moderation.js).
const workerPort = (file) => read(`background/${file}`).match(/port\.name !== "([\w-]+)"/)[1];

test("the two marks keep their port names, first states and titles", async () => {
  const cases = [
    ["mark.js", workerPort("panels.js"), "watching", "mark_document_title"],
    ["moderation-mark.js", workerPort("moderation.js"), "unchecked", "modmark_document_title"],
  ];
  for (const [file, port, initial, title] of cases) {
    const world = markWorld();
    world.run(`ui/${file}`);
    assert.deepEqual(world.ports.map((p) => p.name), [port], file);
    assert.equal(world.document.body.dataset.state, initial, file);
    await world.speak();
    assert.equal(world.document.title, `[${title}]`, file);
  }
});

test("a flagged comment's mark opens the moderation panel on the person's own click or Enter, not a forged one", () => {
  const world = markWorld();
  world.run("ui/moderation-mark.js");
  const press = (event) => world.listeners[event.type].forEach((fn) => fn({ preventDefault() {}, ...event }));
  press({ type: "click", isTrusted: true });
  assert.deepEqual(world.sent, [], "an unchecked mark opens nothing");
  world.ports[0].on.message({ state: "review" });
  press({ type: "click", isTrusted: false });
  press({ type: "keydown", isTrusted: true, key: "a" });
  assert.deepEqual(world.sent, []);
  press({ type: "click", isTrusted: true });
  press({ type: "keydown", isTrusted: true, key: "Enter" });
  const opening = { type: "moderation-open", ...ASK };
  assert.deepEqual(plain(world.sent), [opening, opening]);
});
