// @ts-check
// Practice in the browser: the same rounds as the tray's Practice window, from the ClientSafe app. One example at
// a time; the person chooses, then sees the right answer, why, a safer version and the organisation's policy
// section. At the end the app scores the choices and records the score only (no answers are stored).
import { getRound, sendResult } from "./service.js";

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const choiceButtons = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll("[data-answer]")]);
const I18N = globalThis.ClientSafeI18n;
const state = { lang: "en", round: null, index: 0, choices: {} };
// The page's words are the messages practice_* (_locales), in the language the person picked on the page.
/** @type {(key: string, ...subs: any[]) => string} */
let words = (key) => key;
const t = (key, ...subs) => words(`practice_${key}`, ...subs);

// ?lang=en|es, else the policy's language, else the browser's (ui/i18n.js).
async function firstLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "es") return asked;
  return (await I18N.ready).lang;
}

async function labels() {
  words = await I18N.words(state.lang);
  I18N.apply(document, words, state.lang);
  document.title = t("title");
  $("heading").textContent = t("heading");
  $("language-label").textContent = t("language");
  $("intro").textContent = t("intro");
  $("choose-label").textContent = t("choose");
  for (const button of choiceButtons) button.textContent = t(button.dataset.answer || "");
  $("again").textContent = t("again");
}

function show(section) {
  for (const id of ["question", "feedback", "summary"]) $(id).hidden = !section.includes(id);
}

function problem(text) {
  $("problem").textContent = text;
  $("problem").hidden = !text;
}

function whyNot(reply, key) {
  if (reply.status === 401) return t("not_paired");
  if (reply.status === 0) return t("not_running");
  return t(key, reply.body?.detail || reply.body?.error || `HTTP ${reply.status}`);
}

async function start() {
  await labels();
  problem("");
  show([]);
  $("progress").textContent = "";
  const reply = await getRound(state.lang);
  if (reply.status !== 200) {
    problem(whyNot(reply, "failed"));
    return;
  }
  state.round = reply.body;
  state.index = 0;
  state.choices = {};
  scenario();
}

function scenario() {
  const s = state.round.scenarios[state.index];
  show(["question"]);
  $("progress").textContent = t("progress", state.index + 1, state.round.scenarios.length);
  const role = s.role.charAt(0).toUpperCase() + s.role.slice(1).replace(/\.$/, "");
  $("context").textContent = `${t("you_are", role)} ${s.context}${s.from_organisation ? ` · ${t("your_example")}` : ""}`;
  // The site by the name people know it (shared/sites.json, copied into the messages as site_<key>).
  const site = words(`site_${s.site}`) || s.site.replace(/_/g, " ");
  $("where").textContent = `${site} · ${t(s.kind)} · ${t(s.account)}`;
  // A friend request has no text of its own (the situation says who asks): the card shows the request.
  $("post").textContent = s.text || t("request_card");
  for (const button of choiceButtons) button.disabled = false;
  choiceButtons[0].focus();
}

function choose(answer) {
  const s = state.round.scenarios[state.index];
  if (state.choices[s.id]) return;
  state.choices[s.id] = answer;
  for (const button of choiceButtons) button.disabled = true;
  const right = answer === s.answer;
  $("verdict").textContent = `${t(right ? "right" : "wrong")} ${t("answer", t(s.answer))}`;
  $("verdict").className = `verdict ${right ? "right" : "wrong"}`;
  $("reason").textContent = s.reason;
  const label = t(s.kind === "friend_request" ? "rewrite_request" : "rewrite");
  $("rewrite").textContent = s.rewrite ? `${label} ${s.rewrite}` : "";
  $("rewrite").hidden = !s.rewrite;
  const policy = $("policy");
  policy.textContent = "";
  if (s.policy.url) {
    const link = document.createElement("a");
    link.href = s.policy.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = s.policy.title;
    policy.append(`${t("policy")} `, link);
  } else {
    const title = document.createElement("b");
    title.textContent = s.policy.title;
    policy.append(`${t("handbook")} `, title, `: ${s.policy.text}`);
  }
  const last = state.index === state.round.scenarios.length - 1;
  $("next").textContent = t(last ? "finish" : "next");
  show(["question", "feedback"]);
  $("next").focus();
}

async function next() {
  state.index += 1;
  if (state.index < state.round.scenarios.length) {
    scenario();
    return;
  }
  $("next").disabled = true;
  const reply = await sendResult(state.round.round_id, state.choices);
  $("next").disabled = false;
  show(["summary"]);
  $("progress").textContent = "";
  if (reply.status !== 200) {
    $("score").textContent = "";
    $("passed").textContent = "";
    $("recorded").textContent = whyNot(reply, "result_failed");
  } else {
    const result = reply.body;
    $("score").textContent = t("score", result.correct, result.total);
    $("passed").textContent = t(result.passed ? "passed" : "not_passed");
    $("recorded").textContent = t(result.recorded ? "recorded" : "not_recorded");
  }
  $("again").focus();
}

for (const button of choiceButtons) button.addEventListener("click", () => choose(button.dataset.answer));
$("next").addEventListener("click", next);
$("again").addEventListener("click", start);
const language = /** @type {HTMLSelectElement} */ ($("language"));
language.addEventListener("change", () => {
  state.lang = language.value;
  start();
});
state.lang = await firstLanguage();
language.value = state.lang;
start();
