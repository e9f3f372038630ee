// Unit tests for the extension's pure logic (extension/content/logic.js), run with Node's built-in test runner:
//   node --test tests/extension/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const L = require("../../extension/content/logic.js");
const golden = JSON.parse(readFileSync(new URL("../../shared/golden/verdicts.json", import.meta.url), "utf8"));

test("golden verdicts: every finding's UTF-16 offsets select exactly its text in JavaScript", () => {
  for (const g of golden) {
    for (const f of g.expect.findings) assert.equal(g.input.text.slice(f.start, f.end), f.text, g.name);
  }
});

test("golden verdicts: the highlighted pieces join back to the post and mark only finding text", () => {
  for (const g of golden) {
    const pieces = L.segments(g.input.text, g.expect.findings);
    assert.equal(pieces.map((p) => p.text).join(""), g.input.text, g.name);
    const marked = pieces.filter((p) => p.mark).map((p) => p.text).join("|");
    for (const f of g.expect.findings) assert.ok(marked.includes(f.text), `${g.name}: ${f.text} not marked`);
    assert.equal(pieces.some((p) => p.mark), g.expect.findings.length > 0, g.name);
  }
});

test("applying suggestions after emoji uses UTF-16 offsets and keeps the rest of the post", () => {
  const g = golden.find((x) => x.name === "client-shelter-rewrite");
  const out = L.applySuggestions(g.input.text, g.expect.suggestions);
  assert.equal(out, "🎉🎉 So proud of someone 💙 for making the honor roll!");
});

test("overlapping findings merge into one highlight carrying both types", () => {
  const pieces = L.segments("from our youth shelter", [
    { type: "SERVICE_CONTEXT", start: 0, end: 22 }, { type: "SHELTER", start: 9, end: 22 },
  ]);
  assert.deepEqual(pieces, [{ text: "from our youth shelter", mark: true, types: ["SERVICE_CONTEXT", "SHELTER"] }]);
});

test("out-of-range or overlapping suggestions are ignored rather than corrupting the post", () => {
  assert.equal(L.applySuggestions("abc", [{ start: 2, end: 9, replacement: "X" }]), "abc");
  assert.equal(L.applySuggestions("abcdef", [
    { start: 0, end: 4, replacement: "X" }, { start: 2, end: 6, replacement: "Y" },
  ]), "abY");
});

test("phrase edits come last first, so applying them one by one in the editor keeps earlier offsets valid", () => {
  const text = "Maria and Jo at the shelter";
  const edits = L.suggestionEdits(text, [
    { start: 0, end: 5, replacement: "a young person" }, { start: 10, end: 12, replacement: "a friend" },
    { start: 3, end: 7, replacement: "overlaps Maria" },
  ]);
  assert.deepEqual(edits.map((e) => e.start), [10, 3]);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  assert.equal(out, L.applySuggestions(text, edits));
});

test("a long post is cut around its highlights, never inside one", () => {
  const text = `${"a".repeat(300)} Maria ${"b".repeat(300)}`;
  const pieces = L.excerpt(L.segments(text, [{ type: "PERSON", start: 301, end: 306 }]), 40);
  assert.equal(pieces[1].text, "Maria");
  assert.ok(pieces[0].text.startsWith("…") && pieces[0].text.length === 41);
  assert.ok(pieces[2].text.endsWith("…") && pieces[2].text.length === 41);
});

test("the organisation's accounts are recognised however the handle is written", () => {
  const org = { x: ["@HopeHouseYouth"], facebook: ["https://www.facebook.com/HopeHouseYouth/"] };
  assert.equal(L.accountType("hopehouseyouth", "x", org), "org");
  assert.equal(L.accountType("@HopeHouseYouth", "x", org), "org");
  assert.equal(L.accountType("HopeHouseYouth", "facebook", org), "org");
  assert.equal(L.accountType("maria.g", "x", org), "personal");
  assert.equal(L.accountType("HopeHouseYouth", "instagram", org), "personal");
  assert.equal(L.accountType(null, "x", org), "personal");
  assert.equal(L.accountType("x", "x", undefined), "personal");
});

test("hold rules follow the policy: overrides, reasons and the fail mode", () => {
  const warn = { action: "warn" };
  const block = { action: "block" };
  const error = { action: "error" };
  assert.deepEqual(L.holdRule({ action: "allow" }, {}), { hold: false, canSend: true, needsReason: false });
  assert.deepEqual(L.holdRule(warn, {}), { hold: true, canSend: true, needsReason: false });
  assert.deepEqual(L.holdRule(block, {}), { hold: true, canSend: true, needsReason: true });
  assert.equal(L.holdRule(block, { overrides: { block_can_be_overridden: false } }).canSend, false);
  assert.equal(L.holdRule(warn, { overrides: { needs_reason: true } }).needsReason, true);
  assert.equal(L.holdRule(block, { overrides: { needs_reason: false } }).needsReason, false);
  assert.deepEqual(L.holdRule(error, {}), { hold: true, canSend: true, needsReason: false });
  assert.equal(L.holdRule(error, { fail_mode: "block" }).canSend, false);
  assert.equal(L.holdRule(error, { fail_mode: "allow" }).hold, false);
  assert.equal(L.holdRule(undefined, {}).hold, true); // no verdict at all is treated as not checked
});

test("the popup shows exactly one state, the app's trouble first", () => {
  const page = { site: "x", recognised: 1, unrecognised: 0 };
  assert.equal(L.tabStatus({ tray: "ok", page }), "protected");
  assert.equal(L.tabStatus({ tray: "not_running", page }), "not_running");
  assert.equal(L.tabStatus({ tray: "not_paired", page }), "not_paired");
  assert.equal(L.tabStatus({ tray: "keyring", page }), "keyring"); // paired, but the app cannot read its keyring
  assert.equal(L.tabStatus({ tray: "starting", page }), "starting");
  assert.equal(L.tabStatus({ tray: "busy", page }), "busy");
  assert.equal(L.tabStatus({ tray: "something new", page }), "not_running");
  assert.equal(L.tabStatus({ tray: "ok", page: { site: "x", recognised: 0, unrecognised: 2 } }), "not_recognised");
  assert.equal(L.tabStatus({ tray: "ok", page: { site: "x", recognised: 0, unrecognised: 0 } }), "waiting");
  assert.equal(L.tabStatus({ tray: "ok", page: null }), "unsupported");
});
