"""The tray app: the icon and its menu, the windows, notifications, and the service running behind them.

The icon appears first; the service and the engine start on a background thread (``Backend``) and report back
through queued signals, so analysis never blocks the Qt thread. Quitting stops the service cleanly.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from clientsafe import settings
from clientsafe.say import in_language
from clientsafe.secret_store import KeyringUnavailable
from clientsafe.ui.about import AboutWindow
from clientsafe.ui.admin import admin_locked
from clientsafe.ui.backend import Backend, BackendOptions, Callbacks
from clientsafe.ui.check_draft import CheckDraftWindow, reason_titles
from clientsafe.ui.icons import icon
from clientsafe.ui.no_tray import NoTrayWindow
from clientsafe.ui.notifier import DesktopService, Notifier
from clientsafe.ui.qt import QAction, QApplication, QMenu, QObject, QSystemTrayIcon, QTimer, QWidget, Signal
from clientsafe.ui.state import STATE_LABEL, Facts, TrayState, details, state_of, status_line
from clientsafe.ui.translate import QT_TRANSLATE_NOOP, install, site_name, translate

# What the person chose about a held post, for the notification (translated where shown, context "TrayApp").
_CHOICE = {
    "edited": QT_TRANSLATE_NOOP("TrayApp", "You edited the post."),
    "applied_suggestions": QT_TRANSLATE_NOOP("TrayApp", "You applied the suggestions."),
    "cancelled": QT_TRANSLATE_NOOP("TrayApp", "You did not post it."),
    "posted_anyway": QT_TRANSLATE_NOOP("TrayApp", "You posted it anyway."),
    "request_sent_anyway": QT_TRANSLATE_NOOP("TrayApp", "You went ahead with the request."),
    "request_not_sent": QT_TRANSLATE_NOOP("TrayApp", "You did not connect."),
}
_ACCOUNT = {
    "personal": QT_TRANSLATE_NOOP("TrayApp", "your personal account"),
    "org": QT_TRANSLATE_NOOP("TrayApp", "the organisation's account"),
}


class TrayApp(QObject):
    # object, not str: a Qt string would drop the engine message's template (say.Said), and with it its Spanish.
    service_result = Signal(int, object)
    engine_result = Signal(object)
    pair_requested = Signal(object)
    decision_made = Signal(str, str, str, object, str)
    policy_changed = Signal(object)
    policy_problems = Signal(object)

    def __init__(
        self,
        app: QApplication,
        tokens: Any,
        book: Any,
        options: BackendOptions | None = None,
        desktop: DesktopService | None = None,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.tokens = tokens
        self.book = book
        self.backend = Backend(tokens, options or BackendOptions())
        self.facts = Facts(warnings=[tokens.warning] if tokens.warning else [])
        self.windows: dict[str, QWidget] = {}
        self.warned_silent: set[str] = set()
        self.stopped = False
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray_available = tray_available

        self.tray = QSystemTrayIcon(icon(TrayState.WARMING))
        self.menu = QMenu()
        self.status_action = self.menu.addAction("")
        self.status_action.setEnabled(False)
        self.menu.addSeparator()
        self.check_action = self._add(self.open_check_draft)
        self.pause_15_action = self._add(lambda: self.pause(15 * 60))
        self.pause_60_action = self._add(lambda: self.pause(60 * 60))
        self.resume_action = self._add(self.resume)
        self.pair_action = self._add(self.open_pair)
        self.menu.addSeparator()
        self.roster_action = self._add(self.open_roster)
        self.warnings_action = self._add(self.open_warnings)
        self.practice_action = self._add(self.open_practice)
        self.practice_reminded = False  # the due-practice notification is shown once per session
        self.practice_due = False
        self.policy_action = self._add(self.open_policy)
        self.standards_action = self._add(self.open_standards)
        self.menu.addSeparator()
        self.about_action = self._add(self.open_about)
        self.quit_action = self._add(self.quit)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        # Pairing requests notified and not yet decided, by code: withdrawn once decided (here or elsewhere).
        self.pair_notes: dict[str, Any] = {}
        self.keyring_warned = False
        self.keyring_said = False  # the failing keyring was notified (again once it has worked in between)
        # Faults are notified once the policy is read: it may name the language, and a notification shown in the
        # computer's language cannot be said again in the policy's.
        self.policy_read = False

        self.no_tray: NoTrayWindow | None = None
        if not tray_available:
            # Every entry of the menu, as buttons that follow the menu's texts, visibility and state.
            self.no_tray = NoTrayWindow([a for a in self.menu.actions()[1:] if not a.isSeparator()])
            self.no_tray.quit_on_close = self.quit
        self.notifier = Notifier(self.tray if tray_available else None, desktop)

        self.service_result.connect(self._service_started)
        self.engine_result.connect(self._engine_finished)
        self.pair_requested.connect(self._pair_requested)
        self.decision_made.connect(self._decision)
        self.policy_changed.connect(self._policy_changed)
        self.policy_problems.connect(self._policy_problems)
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.refresh)
        self.silence_timer = QTimer(self)
        self.silence_timer.setInterval(60 * 60 * 1000)
        self.silence_timer.timeout.connect(self.check_silent_browsers)
        self.language = ""
        self.apply_language()  # the system's language until the policy has been read (_service_started)

    def _add(self, slot: Any) -> QAction:
        action = self.menu.addAction("")  # its words come from retranslate(), in the language in force
        action.triggered.connect(slot)
        return action

    def apply_language(self) -> None:
        """Speak the language the policy (or the system) asks for: the catalogue, then every text of the menu.
        Windows opened from now on are built in it; open ones keep theirs until they are opened again."""
        from clientsafe.i18n import language

        wanted = language(self.backend.policy)
        if wanted == self.language:
            return
        install(wanted)
        self.language = wanted
        for key in [k for k in self.windows if k != "check"]:  # rebuilt in the new language when next opened
            self.windows.pop(key).close()
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setAccessibleName(self.tr("ClientSafe menu"))
        for action, text in (
            (self.check_action, self.tr("&Check a draft…")),
            (self.pause_15_action, self.tr("&Pause for 15 minutes")),
            (self.pause_60_action, self.tr("Pause for 1 &hour")),
            (self.resume_action, self.tr("&Resume checking now")),
            (self.pair_action, self.tr("Pair a &browser…")),
            (self.roster_action, self.tr("Client r&oster…")),
            (self.warnings_action, self.tr("Recent &warnings…")),
            (self.practice_action, self._practice_text()),
            (self.policy_action, self.tr("Policy and Community &Standards…")),
            (self.standards_action, self.tr("Community Standards pa&ge…")),
            (self.about_action, self.tr("&About ClientSafe")),
            (self.quit_action, self.tr("&Quit")),
        ):
            action.setText(text)
        if self.no_tray is not None:
            self.no_tray.retranslate()
        self.refresh()

    def _practice_text(self) -> str:
        from clientsafe.practice import reminder

        return reminder.BADGE[self.language] if self.practice_due else self.tr("Prac&tice…")

    # -- start and stop ------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the icon (or the no-tray window) now; start the service and the engine behind it."""
        if self.no_tray is not None:
            self.no_tray.show()
        else:
            self.tray.show()
        self.timer.start()
        self.silence_timer.start()
        callbacks = Callbacks(
            service=self.service_result.emit,
            engine=self.engine_result.emit,
            pair_request=self.pair_requested.emit,
            decision=self._emit_decision,
            policy_changed=self.policy_changed.emit,
            policy_problems=self.policy_problems.emit,
        )
        self.backend_thread = threading.Thread(
            target=self.backend.run, args=(callbacks,), name="clientsafe-backend", daemon=True
        )
        QTimer.singleShot(0, self.backend_thread.start)

    def _emit_decision(self, site: str, account: str, action: str, codes: list[str], choice: str) -> None:
        self.decision_made.emit(site, account, action, codes, choice)

    def quit(self) -> None:
        self.shutdown()
        self.app.quit()

    def shutdown(self) -> bool:
        """Stop the service (graceful, bounded) and hide the icon. True when the service thread ended."""
        if self.stopped:
            return True
        self.stopped = True
        self.timer.stop()
        self.silence_timer.stop()
        stopped = self.backend.stop()
        self.tray.hide()
        for window in self.windows.values():
            window.close()
        if self.no_tray is not None:
            self.no_tray.quit_on_close = None
            self.no_tray.close()
        if self.notifier.desktop is not None:
            self.notifier.desktop.close()
        return stopped

    # -- state ---------------------------------------------------------------------------------------
    @property
    def state(self) -> TrayState:
        return state_of(self.facts)

    def refresh(self) -> None:
        self._read_faults()
        stamp = self._roster_stamp()
        if getattr(self, "roster_stamp", None) is None:
            self.roster_stamp = stamp
        elif stamp != self.roster_stamp:
            self._roster_changed(None)
        self._withdraw_decided_pairings()
        line = status_line(self.facts, tr=lambda text: translate("TrayStatus", text))
        state = self.state
        self.status_action.setText(line)
        self.tray.setIcon(icon(state))
        self.tray.setToolTip(f"{translate('TrayStatus', STATE_LABEL[state])}\n{line}")
        paused = state is TrayState.PAUSED
        self.resume_action.setVisible(paused)
        self.check_action.setEnabled(not (self.facts.engine_error or self.facts.service_error))
        if self.no_tray is not None:
            self.no_tray.status.setText(line)
            self.no_tray.setWindowIcon(icon(state))
            self.no_tray.sync()
        about = self.windows.get("about")
        if isinstance(about, AboutWindow):
            about.set_status(line, details(self.facts, say=self._say))
        self._remind_practice()

    def _say(self, text: str) -> str:
        """An engine message (say.Said) in the tray's language, at the moment it is shown: Facts keep the message
        itself, so About follows a language the policy changes later."""
        return in_language(text, self.language or None)

    def _read_faults(self) -> None:
        """The paired count, and the faults that leave checks answering but need the person: a keyring that
        fails (then the count is unknown, never "none"), an audit the disk refuses. Each is notified once."""
        with contextlib.suppress(KeyringUnavailable):  # keyring_error below says why; the last count known stays
            self.facts.paired = len(self.tokens.list())
        if self.facts.warnings and not self.keyring_warned and self.policy_read:  # e.g. no OS keyring: said once
            self.keyring_warned = True
            self.notifier.notify(self.tr("ClientSafe needs IT's attention"), self._say(self.facts.warnings[0]))
        keyring_error = getattr(self.tokens, "problem", "")
        if not keyring_error:
            self.keyring_said = False
        elif self.policy_read and not self.keyring_said:
            self.keyring_said = True
            self.notifier.notify(self.tr("ClientSafe can't read its keyring"), self._say(keyring_error), critical=True)
        self.facts.keyring_error = keyring_error
        self.facts.keyring_blocks = bool(keyring_error) and not getattr(self.tokens, "readable", True)
        audit = self.backend.audit
        audit_problem = getattr(audit, "problem", "") if audit is not None else ""
        if audit_problem and not self.facts.audit_problem:
            self.notifier.notify(
                self.tr("ClientSafe's audit log is not being written"),
                self.tr(
                    "The disk seems to be full. Checks go on, and what they record waits in memory; free some disk "
                    "space and it is written when space returns."
                ),
                critical=True,
            )
        self.facts.audit_problem = audit_problem

    def _service_started(self, port: int, error: str) -> None:
        self.policy_read = True  # the service starts once the policy is read (or found unreadable)
        self.facts.port = port
        self.facts.service_error = error
        if error:
            self.notifier.notify(self.tr("ClientSafe is not protecting you"), self._say(error), critical=True)
        self._apply_pause()
        self.apply_language()  # the policy has been read by now: it may name a language
        self.refresh()

    def _engine_finished(self, error: str) -> None:
        self.facts.engine_ready = not error
        self.facts.engine_error = error
        if error:
            self.notifier.notify(self.tr("ClientSafe could not start its checker"), self._say(error), critical=True)
        self.refresh()
        self.check_silent_browsers()

    def pause(self, seconds: int) -> None:
        self.facts.paused_until = time.time() + seconds
        self._apply_pause()
        QTimer.singleShot(seconds * 1000 + 500, self.refresh)
        self.refresh()

    def resume(self) -> None:
        self.facts.paused_until = 0.0
        self._apply_pause()
        self.refresh()

    def _apply_pause(self) -> None:
        if self.backend.checker is not None:
            self.backend.checker.paused_until = self.facts.paused_until

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:  # a left click: the menu, like a right click
            self.menu.popup(self.tray.geometry().center())

    def bring_forward(self) -> None:
        """A second launch asked this one to come forward: show what is going on."""
        if self.no_tray is not None:
            self.no_tray.showNormal()
            self.no_tray.raise_()
            self.no_tray.activateWindow()
        else:
            self.open_about()

    # -- windows -------------------------------------------------------------------------------------
    def _show(self, key: str, window: QWidget) -> QWidget:
        window = self.windows.setdefault(key, window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _check(self, text: str, account: str) -> Any:
        checker = self.backend.checker
        if checker is None:
            raise RuntimeError(self.tr("ClientSafe is still starting"))
        return checker.check(text, account, None, honour_pause=False)

    def open_check_draft(self) -> CheckDraftWindow:
        window = self.windows.get("check") or CheckDraftWindow(self._check, policy=lambda: self.backend.policy)
        return self._show("check", window)  # type: ignore[return-value]

    def open_pair(self) -> Any:
        from clientsafe.ui.pair_window import PairWindow

        window = self.windows.get("pair") or PairWindow(self.tokens, self.book, on_changed=self.refresh)
        return self._show("pair", window)

    def open_roster(self) -> Any:
        from clientsafe.ui.roster_window import RosterWindow

        window = self.windows.get("roster") or RosterWindow(
            on_changed=self._roster_changed, policy=lambda: self.backend.policy
        )
        window.refresh()  # type: ignore[attr-defined]
        return self._show("roster", window)

    def _roster_stamp(self) -> str:
        try:
            from clientsafe.roster import status

            current = status()
        except Exception:  # an unreadable roster file is the roster window's to explain
            return "unreadable"
        return f"{current.loaded}|{current.imported_at}|{current.clients}"

    def _roster_changed(self, report: Any) -> None:
        """The roster was imported or cleared (here, or by `clientsafe roster` in another process)."""
        self.roster_stamp = self._roster_stamp()
        from clientsafe.roster import status

        current = status()
        title = self.tr("ClientSafe's client roster changed")
        if current.problem:  # there, but not in force: say why (a locked keyring is not a cleared roster)
            title, body = self.tr("ClientSafe's client roster cannot be used"), self._say(current.problem)
        elif current.loaded:
            body = self.tr("{count} clients are now recognised in posts and friend requests.").format(
                count=current.clients
            )
        else:
            body = self.tr("No roster is loaded: ClientSafe no longer recognises clients by name.")
        self.notifier.notify(title, body, on_click=self.open_roster)
        window = self.windows.get("roster")
        if window is not None:
            window.refresh()  # type: ignore[attr-defined]

    def open_warnings(self) -> Any:
        from clientsafe.audit import AuditReader, default_path
        from clientsafe.ui.warnings_window import WarningsWindow

        audit = self.backend.audit
        window = self.windows.get("warnings") or WarningsWindow(AuditReader(audit.path if audit else default_path()))
        window.refresh()  # type: ignore[attr-defined]
        return self._show("warnings", window)

    def open_policy(self) -> Any:
        from clientsafe.ui.policy_window import PolicyWindow

        window = self.windows.get("policy") or PolicyWindow()
        window.set_admin_allowed(not admin_locked(self.backend.policy))  # type: ignore[attr-defined]
        window.show_policy(self.backend.policy)  # type: ignore[attr-defined]
        return self._show("policy", window)

    def open_standards(self) -> Any:
        from clientsafe.ui.standards_window import StandardsWindow

        window = self.windows.get("standards") or StandardsWindow(policy=lambda: self.backend.policy)
        window.refresh()  # type: ignore[attr-defined]
        return self._show("standards", window)

    def open_practice(self) -> Any:
        from clientsafe.ui.practice_window import PracticeWindow

        window = self.windows.get("practice") or PracticeWindow(
            policy=lambda: self.backend.policy, store=lambda: self.backend.audit
        )
        return self._show("practice", window)

    def _remind_practice(self) -> None:
        """The policy's training_interval_months: a badge on the menu entry, and one notification, when due."""
        from clientsafe.practice import reminder

        policy, audit = self.backend.policy, self.backend.audit
        self.practice_due = reminder.is_due(policy, audit.path if audit else None)
        self.practice_action.setText(self._practice_text())
        if self.practice_due and not self.practice_reminded:
            self.practice_reminded = True
            title, body = reminder.message(policy, self.language)
            self.notifier.notify(title, body, on_click=self.open_practice)

    def open_about(self) -> AboutWindow:
        window = self.windows.get("about") or AboutWindow()
        window.set_admin_allowed(not admin_locked(self.backend.policy))  # type: ignore[attr-defined]
        self._show("about", window)
        self.refresh()
        return window  # type: ignore[return-value]

    # -- notifications -------------------------------------------------------------------------------
    def _withdraw_decided_pairings(self) -> None:
        """A pairing request approved or denied (in the Pair window, from the notification, or with
        `clientsafe pair` in a terminal) or expired: its notification must not stay on screen asking."""
        if not self.pair_notes:
            return
        waiting = {p.code for p in self.book.pending()}
        for code in [c for c in self.pair_notes if c not in waiting]:
            self.notifier.withdraw(self.pair_notes.pop(code))

    def _pair_requested(self, pending: Any) -> None:
        code = pending.code
        spaced = f"{code[:3]} {code[3:]}"

        def act(key: str) -> None:
            if key in ("approve", "deny"):
                self.open_pair().decide(code, key == "approve")
            else:
                self.open_pair().select_code(code)

        self.notifier.notify(
            self.tr("A browser asks to pair with ClientSafe"),
            self.tr("“{browser}” shows the code {code}. Approve only if your browser shows the same code.").format(
                browser=pending.client_name, code=spaced
            ),
            actions={"approve": self.tr("Approve"), "deny": self.tr("Deny"), "default": self.tr("Open")},
            on_action=act,
            on_click=lambda: self.open_pair().select_code(code),
        )
        self.pair_notes[code] = self.notifier.history[-1]
        pair = self.windows.get("pair")
        if pair is not None and pair.isVisible():
            pair.refresh()  # type: ignore[attr-defined]

    def _decision(self, site: str, account: str, action: str, codes: list[str], choice: str) -> None:
        """A post was held in the browser: say where and what kind of risk, never the text."""
        if action != "block":
            return
        titles = reason_titles()
        kinds = "; ".join(dict.fromkeys(titles.get(c) or c for c in codes)) or self.tr("client information")
        name = site_name(site) if site else self.tr("a site")
        chosen = translate("TrayApp", _CHOICE[choice]) if choice in _CHOICE else ""
        account_words = translate("TrayApp", _ACCOUNT[account]) if account in _ACCOUNT else account
        self.notifier.notify(
            self.tr("ClientSafe held a post on {site}").format(site=name),
            self.tr("On {site} ({account}): {kinds}.").format(site=name, account=account_words, kinds=kinds)
            + (" " + chosen if chosen else ""),
        )

    def _policy_changed(self, policy: Any) -> None:
        self.facts.policy_problems = list(policy.problems)
        self.refresh()
        window = self.windows.get("policy")
        if window is not None:
            window.show_policy(policy)  # type: ignore[attr-defined]
        standards = self.windows.get("standards")
        if standards is not None:
            standards.refresh(keep_language=True)  # type: ignore[attr-defined]
        self.apply_language()
        org = policy["organisation"].get("name") or self.tr("Your organisation")
        self.notifier.notify(
            self.tr("ClientSafe's policy changed"),
            self.tr("{org} updated the policy ClientSafe follows (version {version}). It applies from now on.").format(
                org=org, version=policy.version
            ),
            on_click=self.open_policy,
        )

    def _policy_problems(self, problems: list[str]) -> None:
        self.apply_language()  # the first problems come before the service starts: the policy may name a language
        self.facts.policy_problems = list(problems)
        self.refresh()
        self.notifier.notify(
            self.tr("A problem with ClientSafe's policy"),
            self.tr("{problem} The last good policy stays in force; tell IT.").format(problem=self._say(problems[0])),
            on_click=self.open_policy,
            critical=True,
        )

    def check_silent_browsers(self) -> None:
        hours = float(settings.get("browser_silence_hours"))
        try:
            silent = self.tokens.silent(hours * 3600)
        except KeyringUnavailable:
            return  # the status line says the keyring fails; silence is judged once it can be read
        for browser in silent:
            if browser.id in self.warned_silent:
                continue
            self.warned_silent.add(browser.id)
            self.notifier.notify(
                self.tr("A paired browser has gone quiet"),
                self.tr(
                    "“{browser}” has not been in touch with ClientSafe for over {hours} hours. "
                    "If its ClientSafe extension was removed or turned off, posts there are not being checked."
                ).format(browser=browser.name, hours=f"{hours:g}"),
                on_click=self.open_pair,
            )
