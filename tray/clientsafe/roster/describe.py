"""The roster in force in plain words, the same for ``clientsafe roster status`` and the tray's roster window:
how many clients, from where (IT's bundle, or imported on this computer), how old, when it expires, and what
went wrong with the last fetch. No name is ever involved: only counts, addresses, times and messages."""

from __future__ import annotations

import datetime as dt

from clientsafe.roster.store import RosterStatus
from clientsafe.roster.sync import SyncState

_TIME = "%Y-%m-%dT%H:%M:%SZ"
MANAGED_NOTE = (
    "Managed by your organisation's IT: it cannot be replaced or cleared on this computer, and it is fetched again "
    "at every refresh."
)


def _parse(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, _TIME).replace(tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def ago(text: str, now: dt.datetime) -> str:
    """ "3 days ago" for an ISO time; "at an unknown time" when there is none."""
    when = _parse(text)
    if when is None:
        return "at an unknown time"
    seconds = max(0, int((now - when).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def expired(status: RosterStatus, now: dt.datetime) -> bool:
    until = _parse(status.expires)
    return until is not None and until <= now


def describe(status: RosterStatus, state: SyncState, now: dt.datetime | None = None) -> list[str]:
    """Lines for a person; the first says what is in force. ``status.problem`` is the caller's to show first."""
    now = now or dt.datetime.now(dt.UTC)
    failed = f"the last attempt failed ({ago(state.last_attempt, now)}): {state.last_error}" if state.last_error else ""
    if status.managed:
        lines = [
            f"{status.clients:,} clients, from IT: {status.managed_url}"
            + (f" (built from {status.bundle_source})" if status.bundle_source else "")
            + f". Built {status.built_at}, expires {status.expires}."
        ]
        checked = state.last_success if state.url == status.managed_url and state.last_success else ""
        fetched = f"From IT, fetched {ago(status.fetched_at, now)} ({status.fetched_at})"
        if checked and checked > status.fetched_at:
            fetched += f", still current when checked {ago(checked, now)}"
        lines.append(fetched + (f"; {failed}" if failed else "."))
        if expired(status, now):
            lines.append(
                f"This roster expired on {status.expires}: IT must publish a new one. It is still used meanwhile, so "
                "clients stay protected."
            )
        lines.append(MANAGED_NOTE)
        return lines
    if status.loaded:
        lines = [
            f"{status.clients:,} clients, imported {status.imported_at or 'at an unknown time'} from {status.source}.",
            "Imported on this computer (not from IT).",
        ]
    else:
        lines = []
    if failed and state.url:
        lines.append(f"IT's roster at {state.url} is not in force: {failed}")
    return lines
