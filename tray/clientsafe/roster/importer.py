"""``import_roster``: a CSV file or HTTPS address in, the hashed roster replaced atomically, a report out.

An import that would lose data is refused and the roster in force stays: a CSV whose quotes do not balance
(read.py), a list less than half the size of the roster in force (:class:`ShrinkRefused`, unless the person
says the smaller list is right), a key the keyring cannot give, a disk too full to save the new roster.
"""

from __future__ import annotations

import datetime
import errno
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from clientsafe import settings
from clientsafe.roster import store
from clientsafe.roster.errors import RosterError
from clientsafe.roster.fetch import fetch
from clientsafe.roster.guardians import GuardianRead, read_guardians
from clientsafe.roster.keys import RosterKey, key_id
from clientsafe.roster.read import Client, ReadResult, RowError, read_csv
from clientsafe.said_parts import joined
from clientsafe.say import reason, said
from clientsafe.secret_store import KeyringUnavailable
from clientsafe.wordlists import function_words

ProgressCallback = Callable[[str, int, int | None], None]
"""``progress(stage, done, total)``: stage is "download" (bytes), "read" (rows), "hash" (clients) or
"write" (0 then 1); ``total`` is None when unknown (a download without Content-Length, rows before the end).
Called from the importing thread; a Qt caller should forward it with a queued signal."""

# More words than this in one roster name add nothing: first + last name are stored as well.
MAX_WORDS = 6
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A new list with fewer than SHRINK_FRACTION of the clients in force is refused (unless replace_smaller), once
# the roster in force has at least SHRINK_MIN_CLIENTS: an export cut short, or a stray quote, looks like that.
SHRINK_FRACTION = 0.5
SHRINK_MIN_CLIENTS = 20


class ShrinkRefused(RosterError):
    """The new list is much smaller than the roster in force; nothing was imported. ``current`` and ``new``
    are the two client counts; import again with ``replace_smaller=True`` if the smaller list is right."""

    def __init__(self, current: int, new: int, source: str) -> None:
        self.current, self.new = current, new
        # What happened, without what to do next (each front end says that its own way: a flag, a button).
        self.summary = said(
            "{source} has {new:,} clients, fewer than half of the {current:,} in the roster in force, so it was "
            "not imported and the previous roster is still in force: an export that was cut short or damaged "
            "looks like this. Check the file first.",
            source=source,
            new=new,
            current=current,
        )
        super().__init__(
            said(
                "{summary} If the smaller list is right, import it again and confirm that it replaces the larger one.",
                summary=self.summary,
            )
        )


class ManagedRefused(RosterError):
    """The roster in force is the organisation's, fetched from IT (policy ``roster_bundle``): an import on this
    computer would replace it until the next refresh, so it is refused unless the person insists."""

    def __init__(self) -> None:
        self.summary = said(
            "The client roster on this computer is managed by IT (fetched from the organisation's roster "
            "bundle), so it was not replaced; the roster in force is unchanged."
        )
        super().__init__(
            said(
                "{summary} Ask IT to update the roster they publish. (An import here would be replaced again at "
                "the next refresh.)",
                summary=self.summary,
            )
        )


@dataclass
class ImportReport:
    """What an import did, for a person to read (no names in it)."""

    source: str
    encoding: str
    columns: dict[str, list[str]]  # field -> header(s) read as it
    ignored_columns: list[str]
    rows: int  # data rows read (blank lines not counted)
    imported: int  # distinct clients now in the roster
    bad_rows: list[RowError] = field(default_factory=list)
    duplicate_lines: list[int] = field(default_factory=list)
    minors: int = 0
    with_consent: int = 0
    file: str = ""
    size_bytes: int = 0
    seconds: float = 0.0
    key_warning: str = ""
    guardians: int = 0  # distinct guardian names (optional guardian columns; guardians.py)


@dataclass
class RosterRead(ReadResult):
    """The clients read.py read, and the guardian names read from the same CSV (none when it has no such column)."""

    guardians: GuardianRead = field(default_factory=GuardianRead)


def display_source(source: str) -> str:
    """The source as stored and shown: a path, or an address without query or credentials (a signed
    download link carries its secret in the query)."""
    if "://" not in source:
        return str(Path(source).expanduser().resolve())
    parts = urlsplit(source)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _variants(client: Client) -> Iterator[tuple[bytes, str, int]]:
    """Every phrase that names this client: full name, first + last, each alias, alias + last name."""
    name = client.name
    full = " ".join(name[:MAX_WORDS])
    yield b"n", full, store.NAME
    bare = name[:-1] if len(name) > 2 and name[-1] in _SUFFIXES else name  # "Marcus Johnson Jr."
    if len(bare) >= 2 and f"{bare[0]} {bare[-1]}" != full:
        yield b"n", f"{bare[0]} {bare[-1]}", store.NAME  # first + last: "Maria Elena Lopez" -> "Maria Lopez"
    for alias in client.aliases:
        yield b"n", " ".join(alias[:MAX_WORDS]), store.ALIAS
        if len(alias) == 1:
            # "Kiki Brown", and each other part of a double surname: "Pepe Rios" for José Ríos-Núñez.
            for surname in dict.fromkeys(bare[1:]):
                if surname != alias[0]:
                    yield b"n", f"{alias[0]} {surname}", store.ALIAS
    for h in client.handles:
        yield b"h", h, store.HANDLE


def _read_source(source: str, timeout: float, progress: ProgressCallback | None) -> bytes:
    if "://" in source:
        return fetch(
            source,
            timeout=timeout,
            progress=(lambda done, total: progress("download", done, total)) if progress else None,
        )
    path = Path(source).expanduser()
    if path.is_dir():
        raise RosterError(said("{path} is a folder. Give the CSV file itself.", path=path))
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods", ".numbers"}:
        raise RosterError(
            said(
                "{name} is a spreadsheet, not a CSV file. Open it, choose File > Save As > 'CSV UTF-8 (comma "
                "delimited)', and import the .csv file.",
                name=path.name,
            )
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RosterError(said("{path}: file not found. Check the name and folder.", path=path)) from None
    limit = int(settings.get("roster_max_bytes"))
    if size > limit:
        raise RosterError(
            said(
                "{path} is {size:,} bytes; a roster CSV may be at most {limit:,}. Is this the right file?",
                path=path,
                size=size,
                limit=limit,
            )
        )
    try:
        return path.read_bytes()
    except PermissionError:
        raise RosterError(
            said("{path}: permission denied. Copy the file somewhere you can read it.", path=path)
        ) from None


def _clients_in_force(file: Path) -> int:
    """The client count of the roster now on disk (0 when there is none, or it is not a roster)."""
    try:
        header, _ = store.read_header(file)
        return int(header.get("clients", 0))
    except (OSError, RosterError, ValueError, TypeError):
        return 0


NOTHING_IMPORTED = said("Nothing was imported; the previous roster is still in force.")


def _disk_error(error: OSError, folder: Path) -> RosterError:
    """A failed save, said plainly: the full disk by name (not a traceback, not "error 28")."""
    kept = NOTHING_IMPORTED
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        what = said("The disk is full") if error.errno == errno.ENOSPC else said("Your disk quota is used up")
        return RosterError(
            said(
                "{what}: the new roster could not be saved in {folder}. Free some space and import again. {kept}",
                what=what,
                folder=folder,
                kept=kept,
            )
        )
    return RosterError(
        said(
            "The new roster could not be saved in {folder} ({error}). Check that the folder is writable and import "
            "again. {kept}",
            folder=folder,
            error=error.strerror or type(error).__name__,
            kept=kept,
        )
    )


def read_clients(
    source: str,
    *,
    timeout: float = 30.0,
    progress: ProgressCallback | None = None,
    today: datetime.date | None = None,
) -> RosterRead:
    """Read a roster CSV (file or ``https://`` address) into clients: the same reading, limits and refusals for a
    person's import and for IT's bundle (``bundle.build``). RosterError when no client can be read."""
    data = _read_source(source, timeout, progress)
    result = read_csv(
        data,
        max_rows=int(settings.get("roster_max_rows")),
        progress=(lambda n: progress("read", n, None)) if progress else None,
        today=today,
    )
    guardians = read_guardians(data) if result.clients else GuardianRead()
    del data  # the CSV text is not kept a moment longer than needed
    if not result.clients:
        detail = joined([said("line {line}: {reason}", line=e.line, reason=e.reason) for e in result.bad_rows[:3]])
        raise RosterError(
            said(
                "No client could be read from {rows} row(s) ({detail}). Fix the rows and import again; the previous "
                "roster is still in force.",
                rows=len(result.bad_rows),
                detail=detail or said("no data rows"),
            )
        )
    if guardians.columns:
        result.columns["guardians"] = guardians.columns
        result.ignored_columns = [c for c in result.ignored_columns if c not in guardians.columns]
    bad_rows = sorted([*result.bad_rows, *guardians.bad_rows], key=lambda e: e.line)
    return RosterRead(**{**vars(result), "bad_rows": bad_rows}, guardians=guardians)


def hash_clients(
    clients: list[Client],
    secret: bytes,
    *,
    today: datetime.date,
    progress: ProgressCallback | None = None,
    guardians: Sequence[tuple[str, ...]] = (),
) -> tuple[dict[bytes, tuple[int, int]], dict[str, Any]]:
    """The records of ``roster.bin`` (keyed hashes and flags) and the header fields that describe them (client
    count, key fingerprint, longest name, function words in names). Nothing returned names anyone."""
    total = len(clients)

    def items() -> Iterator[tuple[bytes, str, int, int]]:
        for i, client in enumerate(clients, 1):
            flags = store.MINOR if client.minor else 0
            if client.consent and (client.consent_expiry is None or client.consent_expiry >= today):
                flags |= store.CONSENT
            expiry = store.days(client.consent_expiry) if flags & store.CONSENT else 0
            for namespace, value, kind in _variants(client):
                yield namespace, value, flags | kind, expiry
                if namespace == b"n" and " " in value:
                    for word in value.split(" "):
                        yield b"n", word, store.WORD, 0
            if progress and (i % 1000 == 0 or i == total):
                progress("hash", i, total)
        # Guardians: their full name and first + last, flagged GUARDIAN only. No WORD records: a guardian is never
        # looked for in a post, only as the one person behind a request (match.Roster.person).
        for name in guardians:
            full = " ".join(name[:MAX_WORDS])
            yield b"n", full, store.GUARDIAN, 0
            if len(name) > 2:
                yield b"n", f"{name[0]} {name[-1]}", store.GUARDIAN, 0

    entries = store.build_entries(secret, items())
    max_words = max(min(len(c.name), MAX_WORDS) for c in clients)
    max_words = max([max_words, *(min(len(a), MAX_WORDS) for c in clients for a in c.aliases)])
    max_words = max([max_words, *(min(len(g), MAX_WORDS) for g in guardians)])
    # The few function words that do occur in names ("de", "la"): the matcher must not skip them. Only
    # common English words are listed here, never a name.
    glue = {w for c in clients for phrase in (c.name, *c.aliases) for w in phrase} & function_words()
    meta = {
        "clients": total,
        "key_id": key_id(secret),
        "max_words": max_words,
        "function_words_in_names": sorted(glue),
    }
    if guardians:  # absent, not 0, when the CSV has none: the header stays as older versions wrote it
        meta["guardians"] = len(guardians)
    return entries, meta


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def import_roster(
    source: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    timeout: float = 30.0,
    file: Path | None = None,
    key: RosterKey | None = None,
    today: datetime.date | None = None,
    replace_smaller: bool = False,
    replace_managed: bool = False,
) -> ImportReport:
    """Import a roster from a CSV file or an ``https://`` address, replacing the current one atomically.

    Bad rows are reported (line number and why) and skipped; the good rows are imported. Raises
    :class:`RosterError` with a message for a person when nothing can be imported (empty file, a
    spreadsheet, a web page, a timeout, too many rows, unbalanced quotes, a full disk, a failing
    keyring...); the previous roster then stays in force. :class:`ShrinkRefused` (a RosterError) when the
    list has fewer than half the clients of the roster in force (of at least 20): pass
    ``replace_smaller=True`` once the person confirms the smaller list is right. :class:`ManagedRefused` when
    the roster in force comes from IT (``roster_bundle``), unless ``replace_managed``.
    ``file`` and ``key`` default to the user's data folder and OS keyring (tests pass their own).
    """
    started = time.perf_counter()
    text_source = os.fspath(source)
    target = file or store.default_file()
    store.remove_orphans(target)
    if not replace_managed and store.managed_info(target):
        raise ManagedRefused()
    result = read_clients(text_source, timeout=timeout, progress=progress, today=today)
    total = len(result.clients)
    current = _clients_in_force(target)
    if not replace_smaller and current >= SHRINK_MIN_CLIENTS and total < current * SHRINK_FRACTION:
        raise ShrinkRefused(current, total, display_source(text_source))
    key = key or RosterKey()
    try:
        secret = key.get_or_create()
    except KeyringUnavailable as e:
        raise RosterError(said("{problem} {kept}", problem=reason(e), kept=NOTHING_IMPORTED)) from None
    except OSError as e:
        raise _disk_error(e, key.file.parent) from None
    today = today or datetime.date.today()
    entries, described = hash_clients(
        result.clients, secret, today=today, progress=progress, guardians=result.guardians.names
    )
    if progress:
        progress("write", 0, 1)
    shown = display_source(text_source)
    meta = {**described, "source": shown, "imported_at": now_utc()}
    try:
        written = store.write(entries, meta, target)
    except OSError as e:  # atomic_write removed its temporary file: the roster in force is untouched
        raise _disk_error(e, target.parent) from None
    if progress:
        progress("write", 1, 1)
    return ImportReport(
        source=shown,
        encoding=result.encoding,
        columns=result.columns,
        ignored_columns=result.ignored_columns,
        rows=result.rows,
        imported=total,
        bad_rows=result.bad_rows,
        duplicate_lines=result.duplicate_lines,
        minors=sum(c.minor for c in result.clients),
        with_consent=sum(c.consent and (c.consent_expiry is None or c.consent_expiry >= today) for c in result.clients),
        file=str(written),
        size_bytes=written.stat().st_size,
        seconds=round(time.perf_counter() - started, 2),
        key_warning=key.warning,
        guardians=len(result.guardians.names),
    )
