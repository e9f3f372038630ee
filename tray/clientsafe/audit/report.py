"""``clientsafe audit report``, the counting half: audit events in, the numbers the HTML page shows out.

For small organisations with no SIEM: the privacy officer gathers ``clientsafe audit export`` CSVs from each
machine (or reads this machine's audit) and gets one page of charts. Everything here is a pure function of the
events; ``report_html.py`` draws them. No Qt, no network.

A CSV from another machine is untrusted input: it is checked against the export's own columns
(``csv_export.HEADER``), bad rows are skipped and counted, and every value stays plain text here (the HTML
half escapes it).

Training: issue 15 adds practice rounds. A ``training_completed`` event (``TRAINING_KINDS``) is counted as
who (the machine's pseudonymous ``source`` id, as in the audit), when, and its score (a ``score`` column when the
export has one, else the event's reason, where clientsafe/practice/record.py keeps it). With no round recorded,
the page shows an empty state.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clientsafe.audit.csv_export import SOURCE_COLUMN
from clientsafe.audit.events import KINDS, PUBLIC_FIELDS, AuditRow, split_codes
from clientsafe.audit.otlp import OVERRIDES

# Kinds that record a finished practice round (issue 15, clientsafe/practice/record.py). The store keeps the
# score in the event's reason ("10/12"); a CSV with its own score column is read from that column.
TRAINING_KINDS = frozenset({"training_completed"})
SCORE_COLUMN = "score"
# The columns every audit export has had (the ``source`` column came later and is optional).
REQUIRED_COLUMNS = PUBLIC_FIELDS
# How many skipped-row reasons are spelled out per file (the rest are counted).
SHOWN_PROBLEMS = 5


class ReportInputError(Exception):
    """A file that cannot be used at all (missing, unreadable, not an audit export): says which and why."""


@dataclass(frozen=True)
class ReportEvent:
    """The fields of one audit event the report counts: codes and choices, never text."""

    event_id: str
    time: dt.datetime  # timezone-aware, UTC
    kind: str
    source: str  # the machine's random id (or its file's name for exports without a source column)
    site: str = ""
    account: str = ""
    action: str = ""
    rule_codes: tuple[str, ...] = ()
    choice: str = ""
    score: str = ""  # training events only, as the export wrote it

    @property
    def is_warning(self) -> bool:
        """A warning, a hold or the could-not-check notice was shown."""
        return self.kind == "check"

    @property
    def is_override(self) -> bool:
        return self.kind == "decision" and self.choice in OVERRIDES


@dataclass
class Input:
    """One source of events (this machine's audit or one CSV file), with what was skipped in it and why."""

    name: str
    events: list[ReportEvent] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def skip(self, first: int, last: int, why: str) -> None:
        self.skipped += 1
        if len(self.problems) < SHOWN_PROBLEMS:
            where = f"line {first}" if first == last else f"lines {first} to {last}"
            self.problems.append(f"{where}: {why}")

    def skipped_note(self) -> str:
        """``3 rows skipped in x.csv: line 4: ...`` or "" when nothing was skipped."""
        if not self.skipped:
            return ""
        more = self.skipped - len(self.problems)
        tail = f"; and {more} more" if more else ""
        rows = "row" if self.skipped == 1 else "rows"
        return f"{self.skipped} {rows} skipped in {self.name}: {'; '.join(self.problems)}{tail}"


def from_store(rows: Iterable[AuditRow], source: str, name: str) -> Input:
    """This machine's audit (``AuditReader.iter_since``) as a report input."""
    found = Input(name)
    for row in rows:
        found.events.append(
            ReportEvent(
                event_id=row.event_id,
                time=row.time,
                kind=row.kind,
                source=source,
                site=row.site,
                account=row.account,
                action=row.action,
                rule_codes=row.rule_codes,
                choice=row.choice or "",
                score=(row.reason or "") if row.kind in TRAINING_KINDS else "",
            )
        )
    if found.events or source:
        found.sources.add(source or name)
    return found


def read_csv(path: Path) -> Input:
    """One ``clientsafe audit export`` file. Raises ReportInputError when it cannot be read or lacks columns."""
    found = Input(str(path))
    try:
        # utf-8-sig: a spreadsheet that saved the export again may have put a byte-order mark in front.
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for event in _parse(stream, path, found):
                found.events.append(event)
                found.sources.add(event.source)
    except FileNotFoundError:
        raise ReportInputError(f"{path}: no such file. Check the name, or leave out this --csv.") from None
    except IsADirectoryError:
        raise ReportInputError(f"{path} is a folder. Name the CSV files in it, one --csv each.") from None
    except UnicodeDecodeError:
        raise ReportInputError(
            f"{path} is not UTF-8 text, so it is not a ClientSafe audit export. Export it again with "
            "`clientsafe audit export --since DATE --out FILE` on that machine."
        ) from None
    except csv.Error as e:
        raise ReportInputError(f"{path} cannot be read as CSV ({e}). Export it again on that machine.") from None
    except OSError as e:
        raise ReportInputError(f"{path} cannot be read ({e.strerror}).") from None
    if not found.sources:
        # An export with no events (or from before the source column): the file still stands for one machine.
        found.sources.add(f"file:{path}")
    return found


def _parse(stream: Iterable[str], path: Path, found: Input) -> Iterator[ReportEvent]:
    """The good rows' events; each bad row is skipped and noted in ``found``."""
    reader = csv.DictReader(stream)
    columns = reader.fieldnames or []
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ReportInputError(
            f"{path} is not a ClientSafe audit export: it has no {', '.join(missing)} "
            f"column{'s' if len(missing) > 1 else ''}. Use the file `clientsafe audit export` writes, unchanged."
        )
    fallback = f"file:{path}"
    first = reader.line_num + 1
    for record in reader:
        try:
            if None in record:
                raise ValueError("more cells than columns")
            if any(record[name] is None for name in columns):
                # A stray quote makes the csv module read on to the next quote, often the end of the file, as
                # one cell: without this the rows it swallowed would vanish without a word.
                raise ValueError("fewer cells than columns (a stray quote or a cut-off line?)")
            event = _event(record, fallback)
        except ValueError as e:
            found.skip(first, reader.line_num, str(e))
            continue
        finally:
            first = reader.line_num + 1
        yield event


def _event(record: dict[str, str | None], fallback_source: str) -> ReportEvent:
    value = {name: (record.get(name) or "").strip() for name in (*PUBLIC_FIELDS, SOURCE_COLUMN, SCORE_COLUMN)}
    kind = value["kind"]
    if kind not in KINDS and kind not in TRAINING_KINDS:
        raise ValueError(f"unknown kind {kind!r} (an export from a newer ClientSafe?)")
    return ReportEvent(
        event_id=value["event_id"],
        time=_time(value["time"]),
        kind=kind,
        source=value[SOURCE_COLUMN] or fallback_source,
        site=value["site"],
        account=value["account"],
        action=value["action"],
        rule_codes=split_codes(value["rule_codes"]),
        choice=value["choice"],
        score=value[SCORE_COLUMN] or (value["reason"] if kind in TRAINING_KINDS else ""),
    )


def _time(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"time {text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise ValueError(f"time {text!r} names no time zone (the export writes UTC, ending in Z)")
    return moment.astimezone(dt.UTC)


# --- counting -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Warnings shown and overrides chosen for one week, site, rule or account type."""

    label: str
    warnings: int
    overrides: int

    @property
    def override_rate(self) -> float | None:
        return self.overrides / self.warnings if self.warnings else None


@dataclass(frozen=True)
class Completion:
    """One machine's practice rounds: how many, the latest, and the latest one's score."""

    who: str
    rounds: int
    latest: dt.datetime
    score: str


@dataclass(frozen=True)
class Summary:
    machines: int
    events: int
    warnings: int
    overrides: int
    coverage_gaps: int
    first: dt.datetime | None
    last: dt.datetime | None
    weeks: list[Tally]
    sites: list[Tally]
    rules: list[Tally]
    accounts: list[Tally]
    training: list[Completion]
    duplicates: int

    @property
    def override_rate(self) -> float | None:
        return self.overrides / self.warnings if self.warnings else None


def summarise(inputs: list[Input], since: dt.datetime | None = None) -> Summary:
    """Every number on the page. Events seen twice (the same event_id in two exports) are counted once;
    machines are the distinct sources across all inputs."""
    events, duplicates = _unique(e for found in inputs for e in found.events if since is None or e.time >= since)
    machines: set[str] = set().union(*(found.sources for found in inputs)) if inputs else set()
    warnings = [e for e in events if e.is_warning]
    overrides = [e for e in events if e.is_override]
    return Summary(
        machines=len(machines),
        events=len(events),
        warnings=len(warnings),
        overrides=len(overrides),
        coverage_gaps=sum(1 for e in events if e.kind == "coverage"),
        first=min((e.time for e in events), default=None),
        last=max((e.time for e in events), default=None),
        weeks=weekly(warnings, overrides),
        sites=_by(warnings, overrides, lambda e: (e.site or "(no site)",)),
        rules=_by(warnings, overrides, lambda e: e.rule_codes or ("(no rule code)",)),
        accounts=_by(warnings, overrides, lambda e: (e.account or "(no account type)",)),
        training=training(events),
        duplicates=duplicates,
    )


def _unique(events: Iterable[ReportEvent]) -> tuple[list[ReportEvent], int]:
    seen: set[str] = set()
    kept: list[ReportEvent] = []
    duplicates = 0
    for event in events:
        if event.event_id and event.event_id in seen:
            duplicates += 1
            continue
        seen.add(event.event_id)
        kept.append(event)
    return kept, duplicates


def iso_week(moment: dt.datetime) -> str:
    """``2026-W48``: the ISO 8601 week of the moment's UTC date (machines in several time zones agree)."""
    year, week, _ = moment.astimezone(dt.UTC).isocalendar()
    return f"{year}-W{week:02d}"


def weekly(warnings: list[ReportEvent], overrides: list[ReportEvent]) -> list[Tally]:
    """One tally per ISO week from the first event's week to the last's, quiet weeks included as zero
    (leaving them out would draw a busy month as a busy streak)."""
    moments = [e.time for e in (*warnings, *overrides)]
    if not moments:
        return []
    shown = Counter(iso_week(e.time) for e in warnings)
    overridden = Counter(iso_week(e.time) for e in overrides)
    monday = _monday(min(moments))
    end = _monday(max(moments))
    weeks = []
    while monday <= end:
        label = iso_week(dt.datetime.combine(monday, dt.time(), dt.UTC))
        weeks.append(Tally(label, shown[label], overridden[label]))
        monday += dt.timedelta(days=7)
    return weeks


def _monday(moment: dt.datetime) -> dt.date:
    day = moment.astimezone(dt.UTC).date()
    return day - dt.timedelta(days=day.weekday())


def _by(
    warnings: list[ReportEvent], overrides: list[ReportEvent], keys: Callable[[ReportEvent], Iterable[str]]
) -> list[Tally]:
    """Tallies per key, most warnings first (an event with two rule codes counts once for each)."""
    shown: Counter[str] = Counter(k for e in warnings for k in keys(e))
    overridden: Counter[str] = Counter(k for e in overrides for k in keys(e))
    labels = set(shown) | set(overridden)
    ordered = sorted(labels, key=lambda k: (-shown[k], -overridden[k], k))
    return [Tally(k, shown[k], overridden[k]) for k in ordered]


def training(events: Iterable[ReportEvent]) -> list[Completion]:
    """Practice rounds per machine, the most recent first."""
    rounds: dict[str, list[ReportEvent]] = {}
    for event in events:
        if event.kind in TRAINING_KINDS:
            rounds.setdefault(event.source, []).append(event)
    done = [
        Completion(who, len(mine), latest.time, latest.score)
        for who, mine in rounds.items()
        for latest in [max(mine, key=lambda e: e.time)]
    ]
    return sorted(done, key=lambda c: c.latest, reverse=True)
