"""Community Standards: the organisation's page written from the policy in force (clientsafe.standards), shown as
it will read, in English or Spanish, to copy as Markdown (for a page's "About" box or a website editor) or save as
one self-contained HTML file. The window's own words follow the language chosen for the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clientsafe.atomic_file import atomic_write
from clientsafe.say import error_text
from clientsafe.standards import StandardsError, default_language, generate
from clientsafe.ui.qt import (
    QComboBox,
    QFileDialog,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from clientsafe.ui.translate import current

LANGUAGES = (("en", "English"), ("es", "Español"))
TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Community Standards — ClientSafe", "es": "Normas de la comunidad — ClientSafe"},
    "intro": {
        "en": "Your organisation's Community Standards, written from its policy. Publish them on the organisation's "
        "pages and website, and point to them when you hide or remove a comment.",
        "es": "Las normas de la comunidad de su organización, escritas a partir de su política. Publíquelas en las "
        "páginas y el sitio web de la organización, y enlácelas cuando oculte o elimine un comentario.",
    },
    "language": {"en": "&Language:", "es": "&Idioma:"},
    # Both languages: a person who cannot read the one shown still finds the switch.
    "language_name": {"en": "Language / Idioma", "es": "Idioma / Language"},
    "problem": {"en": "Problem", "es": "Problema"},
    "status": {"en": "Status", "es": "Estado"},
    "preview": {"en": "Preview of the page", "es": "Vista previa de la página"},
    "copy": {"en": "&Copy as Markdown", "es": "&Copiar como Markdown"},
    "save": {"en": "Save &HTML…", "es": "Guardar &HTML…"},
    "close": {"en": "C&lose", "es": "C&errar"},
    "copied": {
        "en": "Copied as Markdown: paste it into the page's editor.",
        "es": "Copiado como Markdown: péguelo en el editor de la página.",
    },
    "saved": {"en": "Saved to {path}.", "es": "Guardado en {path}."},
    "save_failed": {
        "en": "{path} could not be saved ({why}). Choose another folder and try again.",
        "es": "No se pudo guardar {path} ({why}). Elija otra carpeta y vuelva a intentarlo.",
    },
    "loading": {
        "en": "ClientSafe is still reading the organisation policy…",
        "es": "ClientSafe todavía está leyendo la política de la organización…",
    },
    "file_name": {"en": "community-standards.html", "es": "normas-de-la-comunidad.html"},
    "filter": {"en": "Web page (*.html)", "es": "Página web (*.html)"},
}
SaveDialog = Callable[[QWidget, str, str, str], str]


def opening_language(values: Any) -> str:
    """The page's language the policy names, else the tray's: someone reading the tray in Spanish meets the page
    and the window's words in Spanish first (``clientsafe standards`` on the command line still starts in English)."""
    if (values.get("community_standards") or {}).get("language"):
        return default_language(values)
    return current()


def _ask_where(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    return QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)[0]


class StandardsWindow(QWidget):
    def __init__(self, policy: Callable[[], Any], ask_where: SaveDialog = _ask_where) -> None:
        super().__init__()
        self._policy = policy
        self._ask_where = ask_where  # tests answer the save dialog themselves
        self.intro = QLabel("")
        self.intro.setWordWrap(True)
        self.language_label = QLabel("")
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(True)  # the organisation's own pages, in the person's browser
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.copy_button = QPushButton("")
        self.save_button = QPushButton("")
        self.close_button = QPushButton("")
        self.copy_button.clicked.connect(self.copy_markdown)
        self.save_button.clicked.connect(self.save_html)
        self.close_button.clicked.connect(self.close)
        choose = QHBoxLayout()
        choose.addWidget(self.language_label)
        choose.addWidget(self.language)
        choose.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(choose)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for first, second in (
            (self.language, self.preview),
            (self.preview, self.copy_button),
            (self.copy_button, self.save_button),
            (self.save_button, self.close_button),
        ):
            QWidget.setTabOrder(first, second)
        self.language.currentIndexChanged.connect(lambda _: self.refresh(keep_language=True))
        self.resize(760, 640)
        self.refresh()

    @property
    def lang(self) -> str:
        return str(self.language.currentData())

    def _text(self, key: str) -> str:
        return TEXTS[key][self.lang]

    def page(self, fmt: str) -> str | None:
        """The page in ``fmt`` for the chosen language; None (and the problem shown) when the policy cannot make one."""
        policy = self._policy()
        if policy is None:
            return None
        try:
            return generate(policy.values, fmt, self.lang)
        except StandardsError as e:
            self.problem.setText(error_text(e, self.lang))
            self.problem.show()
            return None

    def refresh(self, keep_language: bool = False) -> None:
        """Show the page from the policy in force now (the window stays open across a policy change)."""
        policy = self._policy()
        if not keep_language and policy is not None:
            index = self.language.findData(opening_language(policy.values))
            self.language.blockSignals(True)  # one refresh, not two
            self.language.setCurrentIndex(max(index, 0))
            self.language.blockSignals(False)
        self._label()
        self.problem.hide()
        self.status.setText("")
        html = self.page("html")
        self.preview.setHtml(html or "")
        if policy is None:
            self.problem.setText(self._text("loading"))
            self.problem.show()
        self.copy_button.setEnabled(html is not None)
        self.save_button.setEnabled(html is not None)

    def _label(self) -> None:
        self.setWindowTitle(self._text("title"))
        self.setAccessibleName(self._text("title").split(" — ")[0])
        self.intro.setText(self._text("intro"))
        self.language_label.setText(self._text("language"))
        self.language.setAccessibleName(self._text("language_name"))
        self.problem.setAccessibleName(self._text("problem"))
        self.status.setAccessibleName(self._text("status"))
        self.preview.setAccessibleName(self._text("preview"))
        self.copy_button.setText(self._text("copy"))
        self.save_button.setText(self._text("save"))
        self.close_button.setText(self._text("close"))

    def copy_markdown(self) -> None:
        text = self.page("md")
        if text is None:
            return
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self._text("copied"))

    def save_html(self) -> None:
        text = self.page("html")
        if text is None:
            return
        chosen = self._ask_where(
            self, self._text("save").replace("&", "").rstrip("…"), self._text("file_name"), self._text("filter")
        )
        if not chosen:
            return  # the person cancelled: nothing to say
        path = Path(chosen)
        try:
            # Whole or not at all: a half-written page must not replace the one on the website's server.
            with atomic_write(path, create_folder=False) as f:
                f.write(text)
        except OSError as e:
            why = e.strerror or type(e).__name__
            self.status.setText(self._text("save_failed").format(path=path, why=why))
            return
        self.status.setText(self._text("saved").format(path=path))
