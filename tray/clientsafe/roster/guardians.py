"""The optional guardian columns of a roster CSV: the names of clients' parents and guardians.

A column titled for a guardian's or parent's name ("Guardian", "Guardian name(s)", "Parent/Guardian",
"Parent 2") holds guardian names, several in one cell separated by ";", "|" or a line break. They are hashed like
client names (importer.py) with the GUARDIAN flag, and never tied to the client on the same row, so the roster
can say "a client's parent or guardian" but never whose. A CSV without such columns reads exactly as before.

read.py reads the clients; this module reads the same bytes again for these columns only, with the same
decoding and dialect, so line numbers in its report match the client report's.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from clientsafe.roster.errors import RosterError
from clientsafe.roster.normalise import name_words
from clientsafe.roster.read import _HANDLE_WORDS, MAX_NAME_CHARS, RowError, _key, _rows, decode
from clientsafe.say import said

PREFIXES = ("guardian", "parent")
# "Guardian", "Guardians", "Guardian name(s)", "Parent/Guardian", "Parent or guardian name", "Guardian 2 name",
# "Parent 1", after read.py's folding (lower case, letters and digits only). "Parent/Guardian consent" or
# "Guardian phone" are other facts about a guardian, not names: left alone.
_NAME_COLUMN = re.compile(r"(parent(or)?)?(guardian|parent)s?\d?(full)?(names?)?\d?")
_SPLIT = re.compile(r"\s*[;|\n]\s*")
# "Mother: Ana Ruiz; Father: Luis Ruiz": a short label before a colon says who, and is not part of the name.
_LABEL = re.compile(r"^[^:\d]{1,20}:\s*")


@dataclass
class GuardianRead:
    names: list[tuple[str, ...]] = field(default_factory=list)  # distinct, normalised
    columns: list[str] = field(default_factory=list)  # the headers read as guardian names
    bad_rows: list[RowError] = field(default_factory=list)
    rows_with_guardians: int = 0


def guardian_columns(header: list[str]) -> list[int]:
    return [i for i, title in enumerate(header) if _NAME_COLUMN.fullmatch(_key(title))]


def read_guardians(data: bytes) -> GuardianRead:
    """Guardian names from CSV bytes read.py has already accepted. A guardian column whose title also names a
    handle ("Guardian Instagram") is refused: read.py would take it as the client's own handles."""
    text, _ = decode(data)
    _, reader = _rows(text)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return GuardianRead()
    indexes = guardian_columns(header)
    result = GuardianRead(columns=[header[i].strip() for i in indexes])
    handle_like = [
        title.strip()
        for title in header
        if _key(title).startswith(PREFIXES) and any(w in _key(title) for w in _HANDLE_WORDS)
    ]
    if handle_like:
        raise RosterError(
            said(
                "The column {column} would be read as the clients' own handles. ClientSafe reads guardians by name "
                "only: remove that column (or rename it so it does not say handle, profile, social, username or a "
                "site's name) and import again. Nothing was imported; the previous roster is still in force.",
                column=repr(handle_like[0]),
            )
        )
    if not indexes:
        return result
    seen: set[tuple[str, ...]] = set()
    line = reader.line_num
    for row in reader:
        start_line, line = line + 1, reader.line_num
        cells = [row[i] for i in indexes if i < len(row) and row[i].strip()]
        if not cells:
            continue
        result.rows_with_guardians += 1
        for cell in cells:
            for labelled in _SPLIT.split(cell.strip()):
                part = _LABEL.sub("", labelled)
                if not part:
                    continue
                words = name_words(part) if len(part) <= MAX_NAME_CHARS else ()
                if len(part) > MAX_NAME_CHARS:
                    result.bad_rows.append(
                        RowError(
                            start_line, said("guardian: a name is longer than {limit} characters", limit=MAX_NAME_CHARS)
                        )
                    )
                elif not words or not any(c.isalpha() for c in "".join(words)):
                    result.bad_rows.append(RowError(start_line, said("guardian: a name has no letters")))
                elif len(words) < 2:
                    # A first name alone would hold every request from anyone called that: never stored.
                    result.bad_rows.append(RowError(start_line, said("guardian: give a first and last name")))
                elif words not in seen:
                    seen.add(words)
                    result.names.append(words)
    return result
