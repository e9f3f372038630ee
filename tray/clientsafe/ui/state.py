"""What the tray shows at a glance: one state and one status sentence, from plain facts (no Qt here)."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field


class TrayState(enum.Enum):
    WARMING = "warming"
    PROTECTED = "protected"
    PAUSED = "paused"
    NOT_PAIRED = "not_paired"
    PROBLEM = "problem"


# What each state means, for the icon's tooltip and the accessible name of the status line.
STATE_LABEL = {
    TrayState.WARMING: "ClientSafe is starting",
    TrayState.PROTECTED: "ClientSafe is protecting you",
    TrayState.PAUSED: "ClientSafe is paused",
    TrayState.NOT_PAIRED: "ClientSafe: no browser paired",
    TrayState.PROBLEM: "ClientSafe needs attention",
}


@dataclass
class Facts:
    engine_ready: bool = False
    engine_error: str = ""
    service_error: str = ""
    port: int = 0
    paused_until: float = 0.0
    paired: int = 0
    # Things IT or the person should fix but that leave protection running (e.g. no OS keyring).
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
    if facts.warnings or facts.policy_problems or facts.audit_problem:
        return TrayState.PROBLEM
    return TrayState.PROTECTED


def status_line(facts: Facts, now: float | None = None) -> str:
    """One sentence for the top of the menu: what is going on and, if anything is wrong, what to do."""
    now = time.time() if now is None else now
    state = state_of(facts, now)
    if facts.service_error:
        return f"Not protecting: {facts.service_error}"
    if facts.engine_error:
        return f"Not protecting: the checker could not start ({facts.engine_error})"
    if facts.keyring_error:
        if facts.keyring_blocks:
            return (
                "Not protecting your browsers: ClientSafe can't read its keyring (is it locked?). Unlock your "
                "login keyring; ClientSafe tries again every few seconds, and no browser was unpaired"
            )
        return (
            "Protecting you, but ClientSafe can't read its keyring (is it locked?): unlock your login keyring; "
            "paired browsers are kept"
        )
    if state is TrayState.WARMING:
        return "Starting up: loading the checker (a few seconds)…"
    if state is TrayState.PAUSED:
        minutes = max(1, round((facts.paused_until - now) / 60))
        return f"Paused: checks resume in {minutes} min"
    if state is TrayState.NOT_PAIRED:
        return "Ready, but no browser is paired yet: choose Pair a browser…"
    if facts.audit_problem:
        return (
            "Protecting you, but the audit log is not being written (disk full?): free some disk space; the "
            "waiting events are written when space returns"
        )
    if facts.policy_problems:
        return "Protecting you, with a problem in the policy: see Policy and Community Standards…"
    if facts.warnings:
        return "Protecting you, with a problem: " + facts.warnings[0].split(". ")[0]
    browsers = "1 browser" if facts.paired == 1 else f"{facts.paired} browsers"
    return f"Protecting you ({browsers} paired)"
