"""The roster in force in plain words, the same for ``clientsafe roster status`` and the tray's roster window:
how many clients, from where (IT's bundle, or imported on this computer), how old, when it expires, and what
went wrong with the last fetch. No name is ever involved: only counts, addresses, times and messages."""

from __future__ import annotations

import datetime as dt

from clientsafe.roster.store import RosterStatus
from clientsafe.roster.sync import SyncState
from clientsafe.say import said

_TIME = "%Y-%m-%dT%H:%M:%SZ"
MANAGED_NOTE = said(
    "Managed by your organisation's IT: it cannot be replaced or cleared on this computer, and it is fetched again "
    "at every refresh."
)


def _parse(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, _TIME).replace(tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def _units(n: int) -> dict[str, str]:
    # One sentence per unit and number: the words around n differ by language, not only an -s.
    if n == 1:
        return {"day": said("1 day ago"), "hour": said("1 hour ago"), "minute": said("1 minute ago")}
    return {
        "day": said("{n} days ago", n=n),
        "hour": said("{n} hours ago", n=n),
        "minute": said("{n} minutes ago", n=n),
    }


def ago(text: str, now: dt.datetime) -> str:
    """ "3 days ago" for an ISO time; "at an unknown time" when there is none."""
    when = _parse(text)
    if when is None:
        return said("at an unknown time")
    seconds = max(0, int((now - when).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return _units(seconds // size)[unit]
    return said("just now")


def expired(status: RosterStatus, now: dt.datetime) -> bool:
    until = _parse(status.expires)
    return until is not None and until <= now


def _from_it(status: RosterStatus) -> str:
    if status.bundle_source:
        return said(
            "{clients:,} clients, from IT: {url} (built from {source}). Built {built}, expires {expires}.",
            clients=status.clients,
            url=status.managed_url,
            source=status.bundle_source,
            built=status.built_at,
            expires=status.expires,
        )
    return said(
        "{clients:,} clients, from IT: {url}. Built {built}, expires {expires}.",
        clients=status.clients,
        url=status.managed_url,
        built=status.built_at,
        expires=status.expires,
    )


def _fetched(status: RosterStatus, state: SyncState, now: dt.datetime, failed: str) -> str:
    checked = state.last_success if state.url == status.managed_url and state.last_success else ""
    fetched = said("From IT, fetched {ago} ({at})", ago=ago(status.fetched_at, now), at=status.fetched_at)
    if checked and checked > status.fetched_at:
        fetched = said(
            "From IT, fetched {ago} ({at}), still current when checked {checked}",
            ago=ago(status.fetched_at, now),
            at=status.fetched_at,
            checked=ago(checked, now),
        )
    return said("{line}; {failed}", line=fetched, failed=failed) if failed else said("{line}.", line=fetched)


def _managed(status: RosterStatus, state: SyncState, now: dt.datetime, failed: str) -> list[str]:
    lines = [_from_it(status), _fetched(status, state, now, failed)]
    if expired(status, now):
        lines.append(
            said(
                "This roster expired on {expires}: IT must publish a new one. It is still used meanwhile, so clients "
                "stay protected.",
                expires=status.expires,
            )
        )
    lines.append(MANAGED_NOTE)
    return lines


def _imported(status: RosterStatus) -> list[str]:
    if status.imported_at:
        first = said(
            "{clients:,} clients, imported {at} from {source}.",
            clients=status.clients,
            at=status.imported_at,
            source=status.source,
        )
    else:
        first = said(
            "{clients:,} clients, imported at an unknown time from {source}.",
            clients=status.clients,
            source=status.source,
        )
    return [first, said("Imported on this computer (not from IT).")]


def describe(status: RosterStatus, state: SyncState, now: dt.datetime | None = None) -> list[str]:
    """Lines for a person; the first says what is in force. ``status.problem`` is the caller's to show first.
    Each line is a :class:`~clientsafe.say.Said`: the tray and the CLI say it in their reader's language."""
    now = now or dt.datetime.now(dt.UTC)
    failed = (
        said("the last attempt failed ({ago}): {error}", ago=ago(state.last_attempt, now), error=state.last_error)
        if state.last_error
        else ""
    )
    if status.managed:
        return _managed(status, state, now, failed)
    lines = _imported(status) if status.loaded else []
    if failed and state.url:
        lines.append(said("IT's roster at {url} is not in force: {failed}", url=state.url, failed=failed))
    return lines
