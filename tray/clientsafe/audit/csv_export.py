"""The CSV a privacy officer opens in a spreadsheet: one event per line, content-free columns only.

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) get a
leading apostrophe: the override reason is typed by staff, and a CSV must not be a way to run anything on
the privacy officer's machine. https://owasp.org/www-community/attacks/CSV_Injection

The last column, ``source``, is this installation's random id (the JSON batches' ``source``, OTLP's
``service.instance.id``): ``clientsafe audit report`` counts machines by it when exports from many are
gathered. Exports from before it was added have no such column; the report reads both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from clientsafe.audit.events import PUBLIC_FIELDS, AuditRow, iso

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SOURCE_COLUMN = "source"
HEADER = (*PUBLIC_FIELDS, SOURCE_COLUMN)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(out: IO[str], rows: Iterable[AuditRow], source: str = "") -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for row in rows:
        values = row.public()
        values["time"] = iso(row.time)
        writer.writerow([*(_cell(values[name]) for name in PUBLIC_FIELDS), _cell(source)])
        count += 1
    return count
