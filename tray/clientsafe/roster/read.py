"""Read a case-management export (CSV bytes) into clients, with every bad row reported by line number.

Column names are matched leniently ("Client Name", "full_name", "NAME" are all the name; "Nickname(s)"
and "AKA" are aliases; any column naming a handle, profile or social site holds handles) and reported,
so the person importing sees what was understood. A bad row is reported and skipped; the good rows are
still read. The text is decoded as UTF-8 (with or without a byte-order mark) or, failing that, as
Windows-1252, the two encodings spreadsheet programs save CSV in.

A quote that opens a cell and never closes where it should makes a CSV reader take every following line, up to
the next quote or the end of the file, as one cell: one stray quote in a 2,000-row export would import a
handful of clients. Such a file is refused, naming the line where the quote opened (:func:`_runaway_quote`).
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clientsafe.roster.errors import RosterError
from clientsafe.roster.normalise import handle, name_words
from clientsafe.say import reason, said

FIELDS = ("name", "first_name", "last_name", "aliases", "handles", "minor", "consent", "consent_expiry", "dob")
# Header spellings per field, compared after dropping case, spaces and punctuation.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "clientname", "participantname", "legalname", "clientfullname", "displayname"),
    "first_name": ("firstname", "givenname", "first", "forename", "clientfirstname"),
    "last_name": ("lastname", "surname", "familyname", "last", "clientlastname"),
    "aliases": ("alias", "aliases", "nickname", "nicknames", "aka", "alsoknownas", "othernames", "preferredname"),
    "minor": ("minor", "isminor", "under18", "youth", "child", "juvenile", "minoryn"),
    "consent": ("mediaconsent", "consent", "photoconsent", "mediarelease", "release", "mediaconsentyn", "photorelease"),
    "consent_expiry": (
        "consentexpiry",
        "consentexpires",
        "consentexpiration",
        "mediaconsentexpiry",
        "mediaconsentexpires",
        "expiry",
        "expires",
        "expiration",
        "consentuntil",
        "releaseexpiry",
        "releaseexpires",
        "consentexpirydate",
    ),
    "dob": ("dob", "dateofbirth", "birthdate", "birthday"),
}
_HANDLE_WORDS = ("handle", "profile", "social", "username", "instagram", "facebook", "tiktok", "twitter", "snapchat")
_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "minor", "on file", "signed"})
_NO = frozenset({"no", "n", "false", "0", "", "-", "none", "not on file", "adult"})
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y", "%Y/%m/%d", "%b %d %Y", "%B %d %Y", "%d %b %Y")
_SPLIT = re.compile(r"\s*[;|,\n]\s*")
MAX_NAME_CHARS = 200
# A cell over this many lines is never one roster value: it is rows swallowed by an open quote.
MAX_CELL_LINES = 50
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Client:
    """One roster row, normalised. Lives only in memory during an import: never written anywhere."""

    name: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...]
    handles: tuple[str, ...]
    minor: bool
    consent: bool
    consent_expiry: datetime.date | None


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass
class ReadResult:
    clients: list[Client]
    encoding: str
    columns: dict[str, list[str]]  # field -> the header(s) read as that field
    ignored_columns: list[str]
    rows: int
    bad_rows: list[RowError] = field(default_factory=list)
    duplicate_lines: list[int] = field(default_factory=list)


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def match_columns(header: list[str]) -> tuple[dict[str, list[int]], list[str]]:
    """Which column is which field: field -> column indexes, plus the headers not used."""
    found: dict[str, list[int]] = {}
    ignored = []
    for i, title in enumerate(header):
        key = _key(title)
        field_name = next((f for f, names in _SYNONYMS.items() if key in names), None)
        if field_name is None and any(w in key for w in _HANDLE_WORDS):
            field_name = "handles"
        if field_name is None and key.startswith(("name", "client")) and "name" in key and "name" not in found:
            field_name = "name"
        if field_name is None or (field_name != "handles" and field_name in found):
            ignored.append(title.strip() or f"(column {i + 1}, no title)")
            continue
        found.setdefault(field_name, []).append(i)
    return found, ignored


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read as."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise RosterError(
            said(
                "The file is not text in UTF-8 or Windows-1252. Save it from your spreadsheet as 'CSV UTF-8' and "
                "import that."
            )
        ) from None


def refuse_non_csv(data: bytes) -> None:
    """Spreadsheets, web pages and empty files get a message that says what to do instead."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise RosterError(said("The file is empty. Export the client list again (as CSV) and import that file."))
    if data.startswith(b"PK\x03\x04"):
        raise RosterError(
            said(
                "This is an Excel workbook (.xlsx), not a CSV file. Open it in your spreadsheet program, choose "
                "File > Save As > 'CSV UTF-8 (comma delimited)', and import the .csv file."
            )
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(
            said("This is an old Excel workbook (.xls), not a CSV file. Save it as 'CSV UTF-8' and import that.")
        )
    head = data[:512].lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        raise RosterError(
            said(
                "This is a web page (HTML), not a CSV file: perhaps a sign-in page or an error page. Download the "
                "export as CSV and import that file (or give the export's direct download address)."
            )
        )


def _yes_no(value: str, column: str) -> bool:
    v = value.strip().lower()
    if v in _YES:
        return True
    if v in _NO:
        return False
    raise ValueError(said("{column}: '{value}' is not yes or no", column=column, value=value.strip()[:20]))


def _date(value: str, column: str) -> datetime.date | None:
    v = value.strip().replace(",", "")
    if not v:
        return None
    return _parse_date(v, column)


@functools.lru_cache(maxsize=4096)  # an export repeats the same few hundred dates
def _parse_date(v: str, column: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(v)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    raise ValueError(said("{column}: '{value}' is not a date (use YYYY-MM-DD)", column=column, value=v[:20]))


def _cell(row: list[str], indexes: list[int] | None) -> list[str]:
    return [row[i] for i in indexes or () if i < len(row) and row[i].strip()]


def _rows(text: str) -> tuple[csv.Dialect | type[csv.Dialect], Any]:
    sample = text[:8192]
    try:
        dialect: csv.Dialect | type[csv.Dialect] = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return dialect, csv.reader(io.StringIO(text, newline=""), dialect)


def read_csv(
    data: bytes, max_rows: int, progress: Progress | None = None, today: datetime.date | None = None
) -> ReadResult:
    """Parse CSV bytes. Raises RosterError for a file that cannot be a roster at all; bad rows are listed."""
    refuse_non_csv(data)
    text, encoding = decode(data)
    today = today or datetime.date.today()
    dialect, reader = _rows(text)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise RosterError(
            said("The file has no header row. The first line must name the columns (e.g. Name, Aliases).")
        ) from None
    columns, ignored = match_columns(header)
    if "name" not in columns and "first_name" not in columns:
        raise RosterError(
            said(
                "No name column found among: {columns}. Name one column 'Name' (or 'First name' and 'Last name') and "
                "import again.",
                columns=", ".join(h.strip() for h in header)[:300],
            )
        )
    result = ReadResult(
        clients=[],
        encoding=encoding,
        columns={f: [header[i].strip() for i in idx] for f, idx in columns.items()},
        ignored_columns=ignored,
        rows=0,
    )
    seen: set[Client] = set()
    line = reader.line_num
    try:
        for row in reader:
            start_line, line = line + 1, reader.line_num
            if line > start_line:  # a quoted cell spans lines: legitimately (a line break typed in a cell), or not
                _runaway_quote(row, start_line, line, len(header), str(dialect.delimiter))
            if not any(c.strip() for c in row):
                continue
            result.rows += 1
            if result.rows > max_rows:
                raise RosterError(
                    said(
                        "The file has more than {rows:,} client rows. ClientSafe keeps at most {rows:,} (raise "
                        "CLIENTSAFE_ROSTER_MAX_ROWS if this is really one organisation's list); nothing was imported "
                        "and the previous roster is still in force.",
                        rows=max_rows,
                    )
                )
            if progress and result.rows % 1000 == 0:
                progress(result.rows)
            try:
                client = _client(row, columns, today)
            except ValueError as e:
                result.bad_rows.append(RowError(start_line, reason(e)))
                continue
            if client in seen:
                result.duplicate_lines.append(start_line)
                continue
            seen.add(client)
            result.clients.append(client)
    except csv.Error as e:
        raise RosterError(
            said(
                "Line {line}: the CSV is malformed ({error}). Export the list again as CSV.",
                line=reader.line_num,
                error=str(e),
            )
        ) from None
    if progress:
        progress(result.rows)
    return result


def _runaway_quote(row: list[str], start_line: int, end_line: int, width: int, delimiter: str) -> None:
    """Refuse a record whose quoted cell swallowed following rows: the cell has a line that looks like a whole
    row (as many delimiters as the header has between its columns), or more lines than any cell has."""
    opened = start_line
    for cell in row:
        lines = _LINE_BREAK.split(cell)
        row_like = width > 1 and any(part.count(delimiter) >= width - 1 for part in lines[1:])
        if row_like or len(lines) > MAX_CELL_LINES:
            raise RosterError(
                said(
                    'Line {opened} opens a quote (") that is not closed where the cell ends, so lines {opened} to '
                    "{end} would be read as one cell and those clients lost. Remove the stray quote on line "
                    '{opened} (or write a quote inside a cell as two: ""), then import again. Nothing was imported; '
                    "the previous roster is still in force.",
                    opened=opened,
                    end=end_line,
                )
            )
        opened += len(lines) - 1


def _client(row: list[str], columns: dict[str, list[int]], today: datetime.date) -> Client:
    full = " ".join(_cell(row, columns.get("name")))
    if not full:
        full = " ".join(_cell(row, columns.get("first_name")) + _cell(row, columns.get("last_name")))
    if not full.strip():
        raise ValueError(said("no name"))
    if len(full) > MAX_NAME_CHARS:
        raise ValueError(said("name is longer than {limit} characters", limit=MAX_NAME_CHARS))
    name = name_words(full)
    if not name or not any(c.isalpha() for c in "".join(name)):
        raise ValueError(said("the name has no letters"))
    aliases = tuple(
        words
        for cell in _cell(row, columns.get("aliases"))
        for part in _SPLIT.split(cell)
        if (words := name_words(part))
    )
    handles: list[str] = []
    for cell in _cell(row, columns.get("handles")):
        for part in re.split(r"[\s;|,]+", cell):
            if not part:
                continue
            h = handle(part)
            if h is None:
                # Not echoed: a handle is roster data, and this report may be pasted into a ticket.
                raise ValueError(said("a value in the handles column is not a handle or profile address"))
            handles.append(h)
    minor_cells = _cell(row, columns.get("minor"))
    minor = _yes_no(minor_cells[0], said("minor")) if minor_cells else False
    dob_cells = _cell(row, columns.get("dob"))
    if dob_cells and not minor:
        born = _date(dob_cells[0], said("date of birth"))
        if born is not None:
            minor = (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) < 18
    consent_cells = _cell(row, columns.get("consent"))
    consent = _yes_no(consent_cells[0], said("media consent")) if consent_cells else False
    expiry_cells = _cell(row, columns.get("consent_expiry"))
    expiry = _date(expiry_cells[0], said("consent expiry")) if expiry_cells else None
    return Client(name, aliases, tuple(dict.fromkeys(handles)), minor, consent, expiry)
