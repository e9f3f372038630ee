"""The tray's reminder: whether a practice round is due under the policy's ``training_interval_months``, and the
words for the menu badge and the notification (English and Spanish)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from clientsafe.practice.record import KIND, training_status

BADGE = {"en": "Prac&tice… (due)", "es": "Prác&tica… (pendiente)"}  # same mnemonic as the entry
TITLE = {"en": "Practice is due", "es": "Toca practicar"}
BODY = {
    "en": "Your organisation asks for a practice round every {months} months. It takes about ten minutes: "
    "choose Practice… in the ClientSafe menu.",
    "es": "Su organización pide una ronda de práctica cada {months} meses. Son unos diez minutos: elija "
    "Práctica… en el menú de ClientSafe.",
}


def is_due(policy: Any, audit_path: Path | None, now: dt.datetime | None = None) -> bool:
    """True when the policy asks for practice and the last round here is older than the interval (or missing)."""
    months = int(policy["training_interval_months"]) if policy is not None else 0
    if months <= 0:
        return False
    from clientsafe.audit import AuditError, AuditReader

    rows: list[Any] = []
    if audit_path is not None:
        try:
            rows = AuditReader(audit_path).recent(limit=1, kind=KIND)
        except AuditError:
            rows = []  # the local record (practice.json) still says when practice was last done
    return training_status(rows, months).is_due(now or dt.datetime.now(dt.UTC))


def message(policy: Any, lang: str) -> tuple[str, str]:
    lang = lang if lang in BODY else "en"
    return TITLE[lang], BODY[lang].format(months=int(policy["training_interval_months"]))
