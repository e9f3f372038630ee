"""Practice: a round of twelve realistic posts, comments, review replies and friend requests, one at a time. The
person chooses Fine / Needs a second look / Must not post, then sees the right answer, the plain reason, a safer
version and the organisation's policy section. At the end: the score, recorded content-free for the organisation
(clientsafe/practice/record.py); the answers themselves are never stored."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from typing import Any

from clientsafe.practice import LibraryError, Scenario
from clientsafe.practice.schema import ANSWERS
from clientsafe.practice.session import default_language, finish, library, new_round, section_link
from clientsafe.say import error_text
from clientsafe.ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from clientsafe.ui.translate import site_name

# Every string the window shows, in English and Spanish (issue 16 moves these to the translation machinery).
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Practice — ClientSafe",
        "intro": "For each example, choose what you would do. About ten minutes; only your score is recorded.",
        "progress": "{n} of {total}",
        "fine": "&Fine",
        "second_look": "Needs a &second look",
        "must_not": "&Must not post",
        "fine_plain": "Fine",
        "second_look_plain": "Needs a second look",
        "must_not_plain": "Must not post",
        "right": "Right.",
        "wrong": "Not quite.",
        "answer": "The answer: {answer}.",
        "rewrite": "A safer version:",
        "rewrite_request": "What to do instead:",
        "policy": "Your organisation's policy:",
        "handbook": "From the ClientSafe handbook:",
        "next": "&Next",
        "finish": "See my &score",
        "again": "Start &another round",
        "close": "C&lose",
        "language": "&Language:",
        "score": "You chose the right answer for {correct} of {total}.",
        "passed": "Passed.",
        "not_passed": "Not passed yet: another round will help.",
        "recorded": "Recorded for your organisation (no answers are stored).",
        "not_recorded": "This round could not be recorded: {why}",
        "no_audit": "the audit is not available on this machine",
        "org": "the organisation's account",
        "personal": "your own account",
        "post": "Post",
        "comment": "Comment",
        "review_reply": "Reply to a review",
        "friend_request": "Friend request",
        "your_example": "Your organisation's example",
        "you_are": "You are: {role}.",
        "request_card": "New friend request  ·  Confirm  ·  Delete",
        "cannot_start": "Practice cannot start: {why}",
        "language_name": "Language / Idioma",  # both: a person who cannot read this one finds the switch
        "progress_name": "Progress",
        "intro_name": "About practice",
        "problem_name": "Problem",
        "context_name": "Situation",
        "where_name": "Where it would appear",
        "post_name": "The example as the site would show it",
        "verdict_name": "Was your answer right",
        "reason_name": "Why",
        "rewrite_name": "A safer version",
        "policy_link_name": "Policy section",
        "summary_name": "Your score",
    },
    "es": {
        "title": "Práctica — ClientSafe",
        "intro": "En cada ejemplo, elija lo que haría. Unos diez minutos; solo se registra su puntuación.",
        "progress": "{n} de {total}",
        "fine": "&Está bien",
        "second_look": "Hay que &revisarlo",
        "must_not": "&No se debe publicar",
        "fine_plain": "Está bien",
        "second_look_plain": "Hay que revisarlo",
        "must_not_plain": "No se debe publicar",
        "right": "Correcto.",
        "wrong": "No exactamente.",
        "answer": "La respuesta: {answer}.",
        "rewrite": "Una versión más segura:",
        "rewrite_request": "Qué hacer en su lugar:",
        "policy": "La política de su organización:",
        "handbook": "Del manual de ClientSafe:",
        "next": "&Siguiente",
        "finish": "Ver mi &puntuación",
        "again": "Empezar &otra ronda",
        "close": "&Cerrar",
        "language": "&Idioma:",
        "score": "Eligió la respuesta correcta en {correct} de {total}.",
        "passed": "Aprobado.",
        "not_passed": "Aún no aprobado: otra ronda le ayudará.",
        "recorded": "Registrado para su organización (no se guarda ninguna respuesta).",
        "not_recorded": "No se pudo registrar esta ronda: {why}",
        "no_audit": "el registro de auditoría no está disponible en este equipo",
        "org": "la cuenta de la organización",
        "personal": "su cuenta personal",
        "post": "Publicación",
        "comment": "Comentario",
        "review_reply": "Respuesta a una reseña",
        "friend_request": "Solicitud de amistad",
        "your_example": "Ejemplo de su organización",
        "you_are": "Usted es: {role}.",
        "request_card": "Nueva solicitud de amistad  ·  Confirmar  ·  Eliminar",
        "cannot_start": "No se puede empezar la práctica: {why}",
        "language_name": "Idioma / Language",
        "progress_name": "Progreso",
        "intro_name": "Acerca de la práctica",
        "problem_name": "Problema",
        "context_name": "Situación",
        "where_name": "Dónde aparecería",
        "post_name": "El ejemplo como lo mostraría el sitio",
        "verdict_name": "Si su respuesta fue correcta",
        "reason_name": "Por qué",
        "rewrite_name": "Una versión más segura",
        "policy_link_name": "Sección de la política",
        "summary_name": "Su puntuación",
    },
}
LANGUAGES = (("en", "English"), ("es", "Español"))
# The window's parts a screen reader names, each by its TEXT key "<part>_name" (the window's language, not the
# tray's: Practice chooses its own).
NAMED = (
    "language",
    "progress",
    "intro",
    "problem",
    "context",
    "where",
    "post",
    "verdict",
    "reason",
    "rewrite",
    "policy_link",
    "summary",
)
# The example is shown the way the site shows a post: a white card with the site's name above it.
_CARD = "background:#ffffff;color:#1c1e21;border:1px solid #ccd0d5;border-radius:8px;padding:12px;"
_RIGHT = "background:#e6f4ea;color:#0d5226;padding:6px;"
_WRONG = "background:#fce8e6;color:#8c1d18;padding:6px;"


def _site(key: str, lang: str) -> str:
    """The site by the name people know it ("LinkedIn", "TikTok"; shared/sites.json, as the extension's Practice
    page shows it); a key the list does not have ("google_reviews") is made readable rather than shown raw."""
    name = site_name(key, lang)
    return key.replace("_", " ").title() if name == key else name


def _label(rich: bool = False) -> QLabel:
    """A label whose name ``_labels()`` gives in the window's language (``NAMED``)."""
    label = QLabel("")
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)  # the organisation's own policy page, in the person's browser
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)  # scenario text is shown as text, never as markup
    return label


class PracticeWindow(QWidget):
    """``policy`` and ``store`` are asked for when needed (the tray's policy in force and its audit store)."""

    def __init__(
        self,
        policy: Callable[[], Any] = lambda: None,
        store: Callable[[], Any] = lambda: None,
        lang: str | None = None,
        rng: random.Random | None = None,
        library_path: Any = None,
    ) -> None:
        super().__init__()
        self._policy = policy
        self._store = store
        self._rng = rng or random.Random()
        self._library_path = library_path
        self.lang = lang or default_language(self._policy())
        self.round: list[Scenario] = []
        self.choices: dict[str, str] = {}
        self.index = 0
        self.result: Any = None
        self.ticket: Any = None

        self.language_label = QLabel("")
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.progress = _label()
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.progress)

        self.intro = _label()
        self.context = _label()
        self.where = _label()
        self.where.setStyleSheet("color:#65676b;font-weight:bold;")
        self.post = _label()
        self.post.setStyleSheet(_CARD)
        self.post.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for answer in ANSWERS:
            button = QPushButton("")
            button.clicked.connect(lambda _=False, a=answer: self.choose(a))
            self.buttons[answer] = button
            row.addWidget(button)

        self.verdict = _label()
        self.reason = _label()
        self.rewrite = _label()
        self.policy_link = _label(rich=True)
        self.next_button = QPushButton("")
        self.next_button.clicked.connect(self.next)
        self.summary = _label()
        self.summary.setStyleSheet("font-size:15px;")
        self.again = QPushButton("")
        self.again.clicked.connect(self.start)
        self.close_button = QPushButton("")
        self.close_button.clicked.connect(self.close)
        self.problem = _label()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for widget in (self.intro, self.problem, self.context, self.where, self.post):
            layout.addWidget(widget)
        layout.addLayout(row)
        for widget in (self.verdict, self.reason, self.rewrite, self.policy_link, self.summary):
            layout.addWidget(widget)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for button in (self.next_button, self.again, self.close_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.resize(720, 540)

        self.language.setCurrentIndex(max(0, self.language.findData(self.lang)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.start()

    # -- the round ---------------------------------------------------------------------------------------
    def t(self, key: str, **values: Any) -> str:
        return TEXT[self.lang][key].format(**values)

    def start(self) -> None:
        """A new round in the chosen language; a library that cannot be read is said plainly, nothing else."""
        self.choices, self.index, self.result, self.ticket = {}, 0, None, None
        self._labels()
        try:
            self.round = new_round(library(self._policy(), self._library_path), self.lang, self._rng)
            self.problem.setText("")
        except LibraryError as e:
            self.round = []
            self.problem.setText(self.t("cannot_start", why=error_text(e, self.lang)))
        self.problem.setVisible(bool(self.problem.text()))
        self._show_scenario()

    def _language_changed(self) -> None:
        self.lang = str(self.language.currentData())
        self.start()

    def _labels(self) -> None:
        self.setWindowTitle(self.t("title"))
        self.setAccessibleName(self.t("title"))
        self.language_label.setText(self.t("language"))
        self.intro.setText(self.t("intro"))
        for answer, button in self.buttons.items():
            button.setText(self.t(answer))
            button.setAccessibleName(self.t(f"{answer}_plain"))
        self.again.setText(self.t("again"))
        self.close_button.setText(self.t("close"))
        for part in NAMED:
            getattr(self, part).setAccessibleName(self.t(f"{part}_name"))

    @property
    def current(self) -> Scenario | None:
        return self.round[self.index] if self.index < len(self.round) else None

    def _show_scenario(self) -> None:
        scenario = self.current
        answering = scenario is not None
        for widget in (self.context, self.where, self.post, *self.buttons.values()):
            widget.setVisible(answering)
        for widget in (self.verdict, self.reason, self.rewrite, self.policy_link, self.next_button):
            widget.setVisible(False)
        self.summary.setVisible(False)
        self.again.setVisible(not answering)
        self.progress.setText(self.t("progress", n=self.index + 1, total=len(self.round)) if answering else "")
        if scenario is None:
            return
        own = f" · {self.t('your_example')}" if scenario.from_organisation else ""
        role = scenario.role[:1].upper() + scenario.role[1:]
        self.context.setText(f"{self.t('you_are', role=role.rstrip('.'))} {scenario.context}{own}")
        self.where.setText(f"{_site(scenario.site, self.lang)} · {self.t(scenario.kind)} · {self.t(scenario.account)}")
        # A friend request has no text of its own (the situation says who asks): the card shows the request.
        self.post.setText(scenario.text or self.t("request_card"))
        for button in self.buttons.values():
            button.setEnabled(True)
        self.buttons[ANSWERS[0]].setFocus()

    def choose(self, answer: str) -> None:
        """The person's choice: show the right answer, why, the safer version and the policy section."""
        scenario = self.current
        if scenario is None or scenario.id in self.choices:
            return
        self.choices[scenario.id] = answer
        for button in self.buttons.values():
            button.setEnabled(False)
        right = answer == scenario.answer
        self.verdict.setText(
            f"{self.t('right' if right else 'wrong')} {self.t('answer', answer=self.t(scenario.answer + '_plain'))}"
        )
        self.verdict.setStyleSheet(_RIGHT if right else _WRONG)
        self.reason.setText(scenario.reason)
        # A friend request's "rewrite" is what to do (decline kindly, point to the official page), not a text.
        label = self.t("rewrite_request" if scenario.kind == "friend_request" else "rewrite")
        self.rewrite.setText(f"{label} {scenario.rewrite}" if scenario.rewrite else "")
        link = section_link(scenario, self._policy())
        if link.url:
            body = f'{html.escape(self.t("policy"))} <a href="{html.escape(link.url)}">{html.escape(link.title)}</a>'
        else:
            body = f"{html.escape(self.t('handbook'))} <b>{html.escape(link.title)}</b>: {html.escape(link.text)}"
        self.policy_link.setText(body)
        last = self.index == len(self.round) - 1
        self.next_button.setText(self.t("finish" if last else "next"))
        for widget in (self.verdict, self.reason, self.policy_link, self.next_button):
            widget.setVisible(True)
        self.rewrite.setVisible(bool(scenario.rewrite))
        self.next_button.setFocus()

    def next(self) -> None:
        if self.current is None or self.current.id not in self.choices:
            return
        self.index += 1
        if self.index < len(self.round):
            self._show_scenario()
        else:
            self._finish()

    def _finish(self) -> None:
        """Score, record (the score only) and show the summary."""
        self._show_scenario()
        store = self._store()
        self.result, self.ticket = finish(self.round, self.choices, self.lang, store)
        lines = [
            self.t("score", correct=self.result.correct, total=self.result.total),
            self.t("passed" if self.result.passed else "not_passed"),
            self.t("recorded") if store is not None else self.t("not_recorded", why=self.t("no_audit")),
        ]
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(True)
        self.again.setFocus()
