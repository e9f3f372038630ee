// @ts-check
// Practice in the browser: the same rounds as the tray's Practice window, from the ClientSafe app. One example at
// a time; the person chooses, then sees the right answer, why, a safer version and the organisation's policy
// section. At the end the app scores the choices and records the score only (no answers are stored).
import { getRound, sendResult } from "./service.js";

const TEXT = {
  en: {
    title: "Practice — ClientSafe", heading: "Practice", language: "Language",
    intro: "For each example, choose what you would do. About ten minutes; only your score is recorded.",
    progress: "{n} of {total}", choose: "Your choice",
    fine: "Fine", second_look: "Needs a second look", must_not: "Must not post",
    right: "Right.", wrong: "Not quite.", answer: "The answer: {answer}.",
    rewrite: "A safer version:", rewrite_request: "What to do instead:",
    policy: "Your organisation's policy:", handbook: "From the ClientSafe handbook:",
    next: "Next", finish: "See my score", again: "Start another round",
    score: "You chose the right answer for {correct} of {total}.",
    passed: "Passed.", not_passed: "Not passed yet: another round will help.",
    recorded: "Recorded for your organisation (no answers are stored).",
    not_recorded: "This round could not be recorded: the audit is not available on this computer.",
    you_are: "You are: {role}.", your_example: "Your organisation's example",
    org: "the organisation's account", personal: "your own account",
    post: "Post", comment: "Comment", review_reply: "Reply to a review", friend_request: "Friend request",
    request_card: "New friend request  ·  Confirm  ·  Delete",
    not_paired: "This browser is not paired with the ClientSafe app. Open Pairing and settings from the ClientSafe button, pair, then reload this page.",
    not_running: "The ClientSafe app did not answer. Start it from your applications menu, then reload this page.",
    failed: "The ClientSafe app could not give a practice round ({detail}). Tell your IT team.",
    result_failed: "The ClientSafe app could not score this round ({detail}). Start another round.",
  },
  es: {
    title: "Práctica — ClientSafe", heading: "Práctica", language: "Idioma",
    intro: "En cada ejemplo, elija lo que haría. Unos diez minutos; solo se registra su puntuación.",
    progress: "{n} de {total}", choose: "Su elección",
    fine: "Está bien", second_look: "Hay que revisarlo", must_not: "No se debe publicar",
    right: "Correcto.", wrong: "No exactamente.", answer: "La respuesta: {answer}.",
    rewrite: "Una versión más segura:", rewrite_request: "Qué hacer en su lugar:",
    policy: "La política de su organización:", handbook: "Del manual de ClientSafe:",
    next: "Siguiente", finish: "Ver mi puntuación", again: "Empezar otra ronda",
    score: "Eligió la respuesta correcta en {correct} de {total}.",
    passed: "Aprobado.", not_passed: "Aún no aprobado: otra ronda le ayudará.",
    recorded: "Registrado para su organización (no se guarda ninguna respuesta).",
    not_recorded: "No se pudo registrar esta ronda: el registro de auditoría no está disponible en este equipo.",
    you_are: "Usted es: {role}.", your_example: "Ejemplo de su organización",
    org: "la cuenta de la organización", personal: "su cuenta personal",
    post: "Publicación", comment: "Comentario", review_reply: "Respuesta a una reseña",
    friend_request: "Solicitud de amistad", request_card: "Nueva solicitud de amistad  ·  Confirmar  ·  Eliminar",
    not_paired: "Este navegador no está vinculado con la aplicación ClientSafe. Abra la configuración desde el botón de ClientSafe, vincúlelo y vuelva a cargar esta página.",
    not_running: "La aplicación ClientSafe no respondió. Iníciela desde el menú de aplicaciones y vuelva a cargar esta página.",
    failed: "La aplicación ClientSafe no pudo dar una ronda ({detail}). Avise a su equipo de TI.",
    result_failed: "La aplicación ClientSafe no pudo puntuar esta ronda ({detail}). Empiece otra ronda.",
  },
};

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const choiceButtons = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll("[data-answer]")]);
const state = { lang: "en", round: null, index: 0, choices: {} };

const t = (key, values = {}) =>
  TEXT[state.lang][key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

function firstLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "es") return asked;
  return (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
}

function labels() {
  document.documentElement.lang = state.lang;
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
  return t(key, { detail: reply.body?.detail || reply.body?.error || `HTTP ${reply.status}` });
}

async function start() {
  labels();
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
  $("progress").textContent = t("progress", { n: state.index + 1, total: state.round.scenarios.length });
  const role = s.role.charAt(0).toUpperCase() + s.role.slice(1).replace(/\.$/, "");
  $("context").textContent = `${t("you_are", { role })} ${s.context}${s.from_organisation ? ` · ${t("your_example")}` : ""}`;
  $("where").textContent = `${s.site.replace(/_/g, " ")} · ${t(s.kind)} · ${t(s.account)}`;
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
  $("verdict").textContent = `${t(right ? "right" : "wrong")} ${t("answer", { answer: t(s.answer) })}`;
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
    $("score").textContent = t("score", { correct: result.correct, total: result.total });
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
state.lang = firstLanguage();
language.value = state.lang;
start();
