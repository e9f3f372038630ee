"""Policy and Community Standards: the organisation policy in force in plain words (each setting's title and value
as a person reads them), links to the organisation's own policies, and, in the IT / privacy officer view, each
setting's name and value as IT writes them, where it came from, which ones IT has locked, and the policy files'
problems in full."""

from __future__ import annotations

import html
import json
from typing import Any

from clientsafe.policy.templates import texts
from clientsafe.say import in_language
from clientsafe.ui.admin import AdminSwitch
from clientsafe.ui.qt import QLabel, QPushButton, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
from clientsafe.ui.tables import make_table
from clientsafe.ui.translate import QT_TRANSLATE_NOOP, current, site_name, translate

# Where a setting came from (clientsafe.policy.model.SOURCE_NAMES), in the words the window shows.
SOURCES = {
    "default": QT_TRANSLATE_NOOP("PolicyWindow", "built-in default"),
    "url": QT_TRANSLATE_NOOP("PolicyWindow", "policy URL"),
    "system": QT_TRANSLATE_NOOP("PolicyWindow", "system policy file"),
    "managed": QT_TRANSLATE_NOOP("PolicyWindow", "OS-managed policy"),
    "user": QT_TRANSLATE_NOOP("PolicyWindow", "user policy file"),
    "file": QT_TRANSLATE_NOOP("PolicyWindow", "--org file"),
}
# Columns: staff see the first two; the IT / privacy officer view adds the rest.
PLAIN, VALUE, NAME, RAW, SOURCE, LOCKED = range(6)


def raw_value(value: Any) -> str:
    """A value as IT writes it in the policy file (JSON, shortened)."""
    if isinstance(value, str):
        return value
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


def title(name: str, lang: str) -> str:
    """A setting's plain title (the one IT's templates show), else its name."""
    row = texts.SETTINGS.get(name)
    if row is None:
        return name
    return row[1] if lang == "es" else row[0]


def _in(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "es" else pair[0]


def word(name: str, item: str, lang: str) -> str:
    """One word of setting ``name``'s value as staff read it (a word with none declared is shown as it is)."""
    if name == "review_sites":
        return site_name(item, lang)
    if name == "locked":  # setting names: their titles
        return title(item, lang)
    pair = texts.VALUES.get(name, {}).get(item)
    return item if pair is None else _in(pair, lang)


def help_text(setting: Any, lang: str) -> str:
    row = texts.SETTINGS.get(setting.name)
    return row[2] if lang == "es" and row is not None else str(setting.help)


class PolicyWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Policy and Community Standards — ClientSafe"))
        self.setAccessibleName(self.tr("Policy and Community Standards"))
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Policy in force"))
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems with the policy"))
        self.links = QLabel("")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setOpenExternalLinks(True)  # the organisation's own pages, in the person's browser
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setAccessibleName(self.tr("The organisation's policies"))
        settings_label = QLabel(self.tr("&Settings in force:"))
        headers = [
            self.tr("Setting"),
            self.tr("Value"),
            self.tr("Name in the policy file"),
            self.tr("Value in the policy file"),
            self.tr("Set by"),
            self.tr("Locked by IT"),
        ]
        self.table: QTableWidget = make_table(headers, self.tr("Settings in force"))
        settings_label.setBuddy(self.table)
        self.admin = AdminSwitch("clientsafe policy show")
        self.admin.changed.connect(self._show_admin)
        close = QPushButton(self.tr("C&lose"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.problems, self.links, settings_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.admin)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        QWidget.setTabOrder(self.links, self.table)
        QWidget.setTabOrder(self.table, self.admin.box)
        QWidget.setTabOrder(self.admin.box, close)
        self.resize(760, 560)
        self.policy: Any = None
        self.show_policy(None)

    def set_admin_allowed(self, allowed: bool) -> None:
        self.admin.set_allowed(allowed)

    def _show_admin(self, on: bool) -> None:
        for column in (NAME, RAW, SOURCE, LOCKED):
            self.table.setColumnHidden(column, not on)
        self.show_policy(self.policy)

    def _plain(self, name: str, value: Any, lang: str) -> str:
        """A value as a person reads it: yes/no, "Not set", words for a fixed choice, a short list, or how many
        entries."""
        if isinstance(value, bool):
            return _in(texts.YES_NO[value], lang)
        if value in (None, "", [], {}):
            return self.tr("Not set")
        if isinstance(value, str):
            return word(name, value, lang)
        if isinstance(value, int | float):
            return str(value)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            shown = ", ".join(word(name, v, lang) for v in value)
            return shown if len(shown) <= 80 else shown[:79] + "…"
        return self.tr("{count} entries").format(count=len(value)) if isinstance(value, list | dict) else str(value)

    def show_policy(self, policy: Any) -> None:
        self.policy = policy
        admin = self.admin.on
        for column in (NAME, RAW, SOURCE, LOCKED):
            self.table.setColumnHidden(column, not admin)
        if policy is None:
            self.summary.setText(self.tr("ClientSafe is still reading the organisation policy…"))
            self.problems.hide()
            self.links.setText("")
            self.table.setRowCount(0)
            return
        from clientsafe.policy import POLICY
        from clientsafe.policy.model import masked

        lang = current()
        org = policy["organisation"].get("name") or self.tr("your organisation")
        summary = self.tr("The policy of {org} in force (version {version}).").format(org=org, version=policy.version)
        if admin:
            layers = ", ".join(f"{self._source(k)}: {v}" for k, v in policy.layers.items()) or self._source("default")
            summary += "\n" + self.tr("Read from: {layers}").format(layers=layers)
        self.summary.setText(summary)
        issues = [*policy.problems, *policy.ignored]
        if admin:
            self.problems.setText(
                self.tr("Problems (the last good policy stays in force):")
                + "\n"
                + "\n".join(f"• {in_language(p, lang)}" for p in issues)
            )
        else:
            self.problems.setText(
                self.tr("The policy files have a problem; the last good policy stays in force. Tell your IT team.")
            )
        self.problems.setVisible(bool(issues))
        self._links(policy, org)
        self.table.setRowCount(len(POLICY))
        shown = masked({setting.name: policy[setting.name] for setting in POLICY})  # IT's secrets stay hidden
        for row, setting in enumerate(POLICY):
            value = shown[setting.name]
            cells = {
                PLAIN: title(setting.name, lang),
                VALUE: self._plain(setting.name, value, lang),
                NAME: setting.name,
                RAW: raw_value(value),
                SOURCE: self._source(policy.source(setting.name)),
                LOCKED: self.tr("locked") if setting.name in policy.locked else "",
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(help_text(setting, lang) if column in (PLAIN, NAME) else text)
                self.table.setItem(row, column, item)

    def _links(self, policy: Any, org: str) -> None:
        items = []
        for link in policy.policy_links().values():
            if link["url"]:
                items.append(f'<a href="{html.escape(str(link["url"]))}">{html.escape(str(link["title"]))}</a>')
        if policy["community_standards_url"]:
            url = html.escape(policy["community_standards_url"])
            words = self.tr("Community Standards for {org}'s pages").format(org=org)
            items.append(f'<a href="{url}">{html.escape(words)}</a>')
        none = self.tr(
            "Your organisation has not linked its confidentiality or social-media policy yet. Ask your privacy "
            "officer; IT adds the links in the policy file."
        )
        self.links.setText("<br>".join(items) if items else html.escape(none))

    @staticmethod
    def _source(key: str | None) -> str:
        return translate("PolicyWindow", SOURCES[key]) if key in SOURCES else str(key or "")
