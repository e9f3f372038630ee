"""What the tray shows at a glance: one state and one status sentence, from plain facts (no Qt here)."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from clientsafe.ui.marks import QT_TRANSLATE_NOOP


class TrayState(enum.Enum):
    WARMING = "warming"
    PROTECTED = "protected"
    PAUSED = "paused"
    NOT_PAIRED = "not_paired"
    PROBLEM = "problem"


# What each state means, for the icon's tooltip and the accessible name of the status line (translated where shown).
STATE_LABEL = {
    TrayState.WARMING: QT_TRANSLATE_NOOP("TrayStatus", "ClientSafe is starting"),
    TrayState.PROTECTED: QT_TRANSLATE_NOOP("TrayStatus", "ClientSafe is protecting you"),
    TrayState.PAUSED: QT_TRANSLATE_NOOP("TrayStatus", "ClientSafe is paused"),
    TrayState.NOT_PAIRED: QT_TRANSLATE_NOOP("TrayStatus", "ClientSafe: no browser paired"),
    TrayState.PROBLEM: QT_TRANSLATE_NOOP("TrayStatus", "ClientSafe needs attention"),
}


@dataclass
class Facts:
    engine_ready: bool = False
    engine_error: str = ""
    service_error: str = ""
    port: int = 0
    paused_until: float = 0.0
    paired: int = 0
    # Things IT should fix but that leave protection running (e.g. no OS keyring): shown in About and notified
    # once, never in the status line, and they do not make the icon ask for attention.
    warnings: list[str] = field(default_factory=list)
    # A broken policy file or unreachable policy URL: the last good policy stays in force.
    policy_problems: list[str] = field(default_factory=list)
    # The keyring fails (locked?): the paired browsers cannot be read (TokenStore.problem). ``paired`` is then
    # unknown, never "none".
    keyring_error: str = ""
    # True while that failure leaves no browser verifiable (nothing was read before it): checks are refused.
    keyring_blocks: bool = False
    # The audit cannot be written (AuditStore.problem): checks go on, events wait in memory.
    audit_problem: str = ""


def state_of(facts: Facts, now: float | None = None) -> TrayState:
    now = time.time() if now is None else now
    if facts.engine_error or facts.service_error or facts.keyring_error:
        return TrayState.PROBLEM
    if not facts.engine_ready:
        return TrayState.WARMING
    if now < facts.paused_until:
        return TrayState.PAUSED
    if facts.paired == 0:
        return TrayState.NOT_PAIRED
    if facts.policy_problems or facts.audit_problem:
        return TrayState.PROBLEM
    return TrayState.PROTECTED


def _same(text: str) -> str:
    return text


def status_line(facts: Facts, now: float | None = None, tr: Callable[[str], str] = _same) -> str:
    """One short sentence for the top of the menu (the details are in About and in the notification that said
    so): what is going on and, if anything is wrong, what to do. ``tr`` translates a "TrayStatus" string."""
    now = time.time() if now is None else now
    state = state_of(facts, now)
    if facts.service_error:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Not protecting: ClientSafe could not start"))
    if facts.engine_error:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Not protecting: the checker could not start"))
    if facts.keyring_error:
        if facts.keyring_blocks:
            return tr(QT_TRANSLATE_NOOP("TrayStatus", "Not protecting: unlock your keyring"))
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Protected; unlock your keyring"))
    if state is TrayState.WARMING:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Starting…"))
    if state is TrayState.PAUSED:
        minutes = max(1, round((facts.paused_until - now) / 60))
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Paused: checks resume in {minutes} min")).format(minutes=minutes)
    if state is TrayState.NOT_PAIRED:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Ready: pair a browser to start"))
    if facts.audit_problem:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Protected; free some disk space"))
    if facts.policy_problems:
        return tr(QT_TRANSLATE_NOOP("TrayStatus", "Protected; the policy has a problem"))
    return tr(QT_TRANSLATE_NOOP("TrayStatus", "Protected"))


def details(facts: Facts, say: Callable[[str], str] = _same) -> list[str]:
    """The whole story behind the status line, each fact once, for About (in plain words where they come from:
    the service, the engine, the keyring, the audit, the policy). ``say`` puts an engine message in the reader's
    language (``say.in_language``); the facts keep the message itself, so a later language change follows."""
    found = [facts.service_error, facts.engine_error, facts.keyring_error, facts.audit_problem]
    found += [*facts.policy_problems, *facts.warnings]
    return list(dict.fromkeys(say(item) for item in found if item))
