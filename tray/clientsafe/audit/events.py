"""The audit's two record types and the only fields that exist: none of them can hold post text.

``rule_codes`` and ``finding_types`` are codes from the checker's own vocabulary (``CLIENT_HEALTH_DETAIL``,
``PERSON``), never the words that triggered them; ``reason`` is the override reason *after* redaction
(``redact.py``); ``site`` is the extension's site key (``facebook``), never a URL.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

# check: a warning or hold was shown (verdict warn, block, or error when the checker failed);
# decision: what the person then did;
# coverage: a site's adapter missed part of a page (site, action cannot_hold | not_recognised, finding_types =
# the parts missing, e.g. "post:submit", reason = "adapter <version>"): the site has probably changed.
# training_completed: a practice round was finished (clientsafe/practice/record.py): action passed | not_passed,
# reason = the score as "correct/total" (never a typed reason), suggestions = how many scenarios, finding_types =
# ("lang_en",) or ("lang_es",). Never the scenarios' text nor the person's answers.
# moderation: moderation help on the organisation's own pages (clientsafe/api/routes_moderation.py): account "org",
# action marked | hid | deleted | replied | dismissed, finding_types = what the comment disclosed (types only),
# rule_codes = SELF_DISCLOSURE / ABOUT_OTHER / YOUTH. Never the comment, its author or its address.
KINDS = ("check", "decision", "coverage", "training_completed", "moderation")
# request_*: what the person did with a held friend, follow or message request (its check's finding_types is
# the kind of request, e.g. "outgoing_request").
CHOICES = ("edited", "applied_suggestions", "cancelled", "posted_anyway", "request_sent_anyway", "request_not_sent")

# The columns of the CSV export and the keys of every forwarded event, in this order. The forwarder and
# the export are built from this list and nothing else (tests/audit/test_forwarding.py checks the keys).
PUBLIC_FIELDS = (
    "event_id",
    "time",
    "kind",
    "check_id",
    "site",
    "account",
    "action",
    "rule_codes",
    "finding_types",
    "suggestions",
    "choice",
    "reason",
)


def _new_id() -> str:
    return secrets.token_hex(16)


@dataclass(frozen=True)
class AuditEvent:
    """One thing to record. ``time`` is seconds since the epoch (UTC); ``event_id`` lets a collector
    drop the duplicates that at-least-once forwarding can produce."""

    kind: str
    site: str = ""
    account: str = ""
    action: str = ""
    rule_codes: tuple[str, ...] = ()
    finding_types: tuple[str, ...] = ()
    suggestions: int = 0
    choice: str | None = None
    reason: str | None = None
    check_id: str | None = None
    time: float = field(default_factory=time.time)
    event_id: str = field(default_factory=_new_id)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.choice is not None and self.choice not in CHOICES:
            raise ValueError(f"choice must be one of {', '.join(CHOICES)}, not {self.choice!r}")


@dataclass(frozen=True)
class AuditRow:
    """An event as stored, for the "Recent warnings" window and the export."""

    id: int
    event_id: str
    time: dt.datetime  # timezone-aware, UTC
    kind: str
    check_id: str | None
    site: str
    account: str
    action: str
    rule_codes: tuple[str, ...]
    finding_types: tuple[str, ...]
    suggestions: int
    choice: str | None
    reason: str | None
    forwarded: bool

    def public(self) -> dict[str, Any]:
        """The content-free fields as JSON-ready values (what the collector receives)."""
        return {
            "event_id": self.event_id,
            "time": iso(self.time),
            "kind": self.kind,
            "check_id": self.check_id,
            "site": self.site,
            "account": self.account,
            "action": self.action,
            "rule_codes": list(self.rule_codes),
            "finding_types": list(self.finding_types),
            "suggestions": self.suggestions,
            "choice": self.choice,
            "reason": self.reason,
        }


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def join_codes(codes: tuple[str, ...] | list[str]) -> str:
    return " ".join(codes)


def split_codes(value: str | None) -> tuple[str, ...]:
    return tuple(value.split()) if value else ()
