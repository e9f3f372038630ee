"""The training record: one content-free ``training_completed`` audit event per finished round (who is the
audit's own pseudonymous machine id; when, score, how many scenarios, language), read back for
``clientsafe training status`` and the HR export. Never the scenarios' text nor the person's answers."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from clientsafe.audit.events import AuditEvent, AuditRow, iso
from clientsafe.practice.scoring import PASS_MARK, RoundResult
from clientsafe.practice.state import load_state, save_state

KIND = "training_completed"
HR_HEADER = ("who", "when", "score", "passed", "scenarios", "language")


def training_event(result: RoundResult) -> AuditEvent:
    """The event for a finished round (events.py documents which field holds what)."""
    return AuditEvent(
        kind=KIND,
        action="passed" if result.passed else "not_passed",
        reason=result.score,
        suggestions=result.total,
        finding_types=(f"lang_{result.lang}",),
    )


def record_round(store: Any, result: RoundResult, ids: Iterable[str], now: dt.datetime | None = None) -> Any:
    """Record the round in the audit (``store`` is an AuditStore, or None when the audit is off) and remember its
    ids and date on this machine; returns the store's ticket (None without a store)."""
    state = load_state()
    state.last_ids = list(ids)
    state.last_completed = now or dt.datetime.now(dt.UTC)
    save_state(state)
    return store.record(training_event(result)) if store is not None else None


@dataclass(frozen=True)
class Completion:
    who: str
    when: dt.datetime
    score: str
    passed: bool
    scenarios: int
    language: str


def completions(rows: Iterable[AuditRow], who: str) -> list[Completion]:
    """The training events among ``rows``, oldest first."""
    out = []
    for row in rows:
        if row.kind != KIND:
            continue
        lang = next((t[5:] for t in row.finding_types if t.startswith("lang_")), "")
        out.append(Completion(who, row.time, row.reason or "", row.action == "passed", row.suggestions, lang))
    return out


def write_hr_csv(out: IO[str], rows: Iterable[Completion]) -> int:
    """One line per finished round: who (the machine's pseudonymous id), when (UTC), score, passed."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HR_HEADER)
    count = 0
    for c in rows:
        writer.writerow([c.who, iso(c.when), c.score, "yes" if c.passed else "no", c.scenarios, c.language])
        count += 1
    return count


def add_months(moment: dt.datetime, months: int) -> dt.datetime:
    """The same day ``months`` later (the month's last day when it is shorter: 31 January + 1 = 28/29 February)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@dataclass(frozen=True)
class TrainingStatus:
    last: dt.datetime | None  # the last finished round on this machine
    last_score: str
    interval_months: int  # 0: the organisation does not ask
    due: dt.datetime | None  # None when not asked; the last round's date + interval, or now when never done

    def is_due(self, now: dt.datetime) -> bool:
        return self.due is not None and now >= self.due

    def describe(self, now: dt.datetime) -> str:
        """For a person: when last done, when next due."""
        done = (
            f"Practice last completed on {self.last.astimezone().date().isoformat()} (score {self.last_score})."
            if self.last and self.last_score
            else f"Practice last completed on {self.last.astimezone().date().isoformat()}."
            if self.last
            else "Practice has not been completed on this machine yet."
        )
        if self.due is None:
            return f"{done} Your organisation does not ask for it on a schedule (training_interval_months is 0)."
        if self.is_due(now):
            return f"{done} It is due now: open Practice… in the ClientSafe menu (about ten minutes)."
        return f"{done} Next due on {self.due.astimezone().date().isoformat()}."


def training_status(rows: Iterable[AuditRow], interval_months: int) -> TrainingStatus:
    """From the audit's training events and the local state (which outlives the audit's retention)."""
    found = completions(rows, "")
    last = found[-1] if found else None
    saved = load_state().last_completed
    when = last.when if last else None
    score = last.score if last else ""
    if saved is not None and (when is None or saved > when):
        when, score = saved, ""
    due: dt.datetime | None = None
    if interval_months > 0:
        due = add_months(when, interval_months) if when else dt.datetime.min.replace(tzinfo=dt.UTC)
    return TrainingStatus(when, score, interval_months, due)


__all__ = [
    "HR_HEADER",
    "KIND",
    "PASS_MARK",
    "Completion",
    "TrainingStatus",
    "add_months",
    "completions",
    "record_round",
    "training_event",
    "training_status",
    "write_hr_csv",
]
