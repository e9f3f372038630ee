"""Policy and Community Standards: the organisation policy in force, where each setting came from, which ones IT
has locked, problems with the policy files, and links to the organisation's own policies."""

from __future__ import annotations

import html
import json
from typing import Any

from clientsafe.ui.qt import QLabel, QPushButton, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
from clientsafe.ui.tables import make_table

NO_LINKS = (
    "Your organisation has not linked its confidentiality or social-media policy yet. Ask your privacy officer; "
    "IT adds the links in the policy file (policy_links, community_standards_url)."
)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value in (None, "", [], {}):
        return "(not set)"
    if isinstance(value, str | int | float):
        return str(value)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


class PolicyWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Policy and Community Standards — ClientSafe")
        self.setAccessibleName("Policy and Community Standards")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Policy in force")
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems with the policy")
        self.links = QLabel("")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setOpenExternalLinks(True)  # the organisation's own pages, in the person's browser
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setAccessibleName("The organisation's policies")
        settings_label = QLabel("&Settings in force:")
        self.table: QTableWidget = make_table(["Setting", "Value", "Set by", "Locked by IT"], "Settings in force")
        settings_label.setBuddy(self.table)
        close = QPushButton("C&lose")
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.problems, self.links, settings_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        QWidget.setTabOrder(self.links, self.table)
        QWidget.setTabOrder(self.table, close)
        self.resize(760, 560)
        self.show_policy(None)

    def show_policy(self, policy: Any) -> None:
        if policy is None:
            self.summary.setText("ClientSafe is still reading the organisation policy…")
            self.problems.hide()
            self.links.setText("")
            self.table.setRowCount(0)
            return
        from clientsafe.policy import POLICY
        from clientsafe.policy.model import SOURCE_NAMES, masked

        org = policy["organisation"].get("name") or "your organisation"
        layers = ", ".join(f"{SOURCE_NAMES.get(k, k)}: {v}" for k, v in policy.layers.items()) or "built-in defaults"
        self.summary.setText(f"The policy of {org} in force (version {policy.version}).\nRead from: {layers}")
        issues = [*policy.problems, *policy.ignored]
        self.problems.setText("Problems (the last good policy stays in force):\n" + "\n".join(f"• {p}" for p in issues))
        self.problems.setVisible(bool(issues))
        items = []
        for link in policy.policy_links().values():
            if link["url"]:
                items.append(f'<a href="{html.escape(str(link["url"]))}">{html.escape(str(link["title"]))}</a>')
        if policy["community_standards_url"]:
            url = html.escape(policy["community_standards_url"])
            items.append(f'<a href="{url}">Community Standards for {html.escape(org)}\'s pages</a>')
        self.links.setText("<br>".join(items) if items else html.escape(NO_LINKS))
        self.table.setRowCount(len(POLICY))
        shown = masked({setting.name: policy[setting.name] for setting in POLICY})  # IT's secrets stay hidden
        for row, setting in enumerate(POLICY):
            locked = "locked" if setting.name in policy.locked else ""
            cells = [setting.name, _value(shown[setting.name]), SOURCE_NAMES.get(policy.source(setting.name)), locked]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text or "")
                item.setToolTip(setting.help if column == 0 else text or "")
                self.table.setItem(row, column, item)
