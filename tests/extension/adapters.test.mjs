// The adapter data and IT's signed updates, under Node's test runner (no browser): every shipped adapter
// compiles with the shipped words; controls are matched by their words in every language listed; an update
// verifies only with the policy's key and unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";

const require = createRequire(import.meta.url);
const A = require("../../extension/content/adapter.js");
const dir = new URL("../../extension/adapters/", import.meta.url);
const labels = JSON.parse(readFileSync(new URL("labels.json", dir), "utf8"));
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "labels.json");

// Just enough of an element for the matchers: a CSS test by tag name, attributes, text.
const element = (tag, attrs = {}, text = "") => ({
  tagName: tag.toUpperCase(),
  matches: (css) => css.split(",").some((c) => c.trim() === tag || c.trim() === `[role=${attrs.role}]`),
  getAttribute: (name) => attrs[name] ?? null,
  innerText: text,
});

test("every shipped adapter compiles, names its sources and is dated", () => {
  assert.ok(files.length >= 12);
  for (const f of files) {
    const data = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
    assert.equal(`${data.site}.json`, f);
    assert.match(data.version, /^\d{4}-\d{2}-\d{2}$/);
    const compiled = A.compile(data, labels);
    assert.equal(compiled.surfaces.length, data.surfaces.length, f);
    for (const part of [...data.surfaces, ...(data.people || [])]) {
      assert.ok(part.source && part.read, `${f}: every surface and people control says where it was read, and when`);
    }
  }
});

test("a control marked only by its words is found in every language the labels list, and nothing else", () => {
  const data = { site: "t", version: "1", surfaces: [{ where: "post", composer: "div",
    submit: [{ css: "button, [role=button]", label: ["post", "share"] }] }] };
  const submit = A.compile(data, labels).surfaces[0].submit;
  for (const word of ["Post", "Publicar", "Posten", "Publier", "Compartir", "Teilen", "  post! "]) {
    assert.ok(submit(element("button", {}, word)), word);
  }
  assert.ok(submit(element("div", { role: "button", "aria-label": "Publicar" }, "")));
  for (const word of ["Cancel", "Post anyway please", "Postal code", "Abbrechen"]) assert.ok(!submit(element("button", {}, word)), word);
  assert.ok(!submit(element("span", {}, "Post")), "the CSS must match too");
});

test("data that cannot be used is refused whole, never half-run", () => {
  const bad = { site: "t", version: "1", surfaces: [{ where: "post", composer: "div", submit: [{ css: "button", label: "nonsense" }] }] };
  assert.throws(() => A.compile(bad, labels), /unknown label "nonsense"/);
  assert.throws(() => A.compile({ ...bad, surfaces: [{ where: "post", composer: "div", submit: [{ label: "post" }] }] }, labels),
    /needs a css selector/);
});

test("a signed update verifies with the policy's key only, and not once changed", async () => {
  globalThis.chrome = { runtime: { getURL: (p) => p } };
  const { verifyUpdate } = await import("../../extension/background/adapters.js");
  const fixture = JSON.parse(readFileSync(new URL("data/adapter-update.json", import.meta.url), "utf8"));
  const payload = await verifyUpdate(fixture.bundle, fixture.public_key);
  assert.equal(payload.adapters.x.version, "2099-01-01");
  assert.equal(await verifyUpdate(fixture.bundle, fixture.other_public_key), null);
  const changed = { ...fixture.bundle, payload: fixture.bundle.payload.replace("tweetButtonInline", "tweetButtonInlin3") };
  assert.equal(await verifyUpdate(changed, fixture.public_key), null);
  assert.equal(await verifyUpdate({ payload: fixture.bundle.payload }, fixture.public_key), null);
});
