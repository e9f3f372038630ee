"""``clientsafe roster``: import the client roster (CSV file or https address), show its status, clear it."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import IO, Any

from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_UNAVAILABLE, CliError

_STAGES = {"download": "Downloading", "read": "Reading rows", "hash": "Hashing clients", "write": "Saving"}
_MAX_LISTED_BAD_ROWS = 50


def register(sub: Any) -> None:
    roster = sub.add_parser("roster", help="import, show or clear the organisation's client roster")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    imp = roster_sub.add_parser(
        "import",
        help="replace the roster with a CSV export (a file or an https:// address)",
        description="Columns are matched by name: Name (or First/Last name), Aliases/Nicknames, handles or "
        "profile addresses, Minor (yes/no), Media consent (yes/no), Consent expiry (date). Only keyed hashes are "
        "kept; the CSV is never copied. A failed import leaves the previous roster in force, and so does a file "
        "with fewer than half the clients of the roster in force (unless --replace-smaller).",
    )
    imp.add_argument("source", metavar="FILE.csv|https://...")
    imp.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for an https source (default 30)")
    imp.add_argument(
        "--replace-smaller",
        action="store_true",
        help="import even if the file has fewer than half the clients of the roster in force (checked first)",
    )
    roster_sub.add_parser("status", help="how many clients, from where, imported when")
    roster_sub.add_parser("clear", help="remove the roster (and its hashing key)")


def run(args: argparse.Namespace) -> int:
    return _roster(args, sys.stdout, sys.stderr)


class _Progress:
    """Progress on stderr: one line per stage, rewritten in place (so a terminal shows a moving count)."""

    def __init__(self, err: IO[str]) -> None:
        self.err = err
        self.stage = ""
        self.shown = -1
        self.open = False

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage != self.stage:
            self.finish()
            self.stage, self.shown = stage, -1
        label = _STAGES.get(stage, stage)
        if total:
            percent = int(done * 100 / total)
            if percent == self.shown:
                return
            self.shown = percent
            self.err.write(f"\r{label}: {percent:3d}% ({done:,}/{total:,})")
        else:
            self.err.write(f"\r{label}: {done:,}")
        self.open = True
        self.err.flush()

    def finish(self) -> None:
        if self.open:
            self.err.write("\n")
            self.open = False


def _roster(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.roster import RosterError, clear, import_roster, status
    from clientsafe.roster.keys import RosterKey

    key = RosterKey()
    if key.warning:
        err.write(f"clientsafe: WARNING: {key.warning}\n")
    if args.roster_command == "status":
        try:
            st = status(key=key)
        except RosterError as e:
            raise CliError(str(e), EXIT_INPUT) from None
        if st.problem:  # a roster file is there, but nothing can use it: never its old client count
            raise CliError(st.problem, EXIT_UNAVAILABLE if st.keyring_failed else EXIT_INPUT)
        if not st.loaded:
            out.write("No roster imported. Import one with: clientsafe roster import FILE.csv\n")
            return EXIT_OK
        out.write(
            f"{st.clients:,} clients, imported {st.imported_at} from {st.source}\n"
            f"Stored as keyed hashes only in {st.file} ({st.size_bytes:,} bytes).\n"
        )
        return EXIT_OK
    if args.roster_command == "clear":
        existed = clear(key=key)
        out.write("Roster removed.\n" if existed else "There was no roster to remove.\n")
        return EXIT_OK
    from clientsafe.roster.importer import ShrinkRefused

    progress = _Progress(err)
    try:
        report = import_roster(
            args.source, progress=progress, timeout=args.timeout, key=key, replace_smaller=args.replace_smaller
        )
    except ShrinkRefused as e:
        progress.finish()
        again = f"clientsafe roster import --replace-smaller {shlex.quote(args.source)}"
        raise CliError(f"{e.summary} If the smaller list is right, run: {again}", EXIT_INPUT) from None
    except RosterError as e:
        raise CliError(str(e), EXIT_INPUT) from None
    finally:
        progress.finish()
    out.write(f"Read {report.source} ({report.encoding}).\n")
    out.write("Columns:\n")
    labels = {
        "name": "name",
        "first_name": "first name",
        "last_name": "last name",
        "aliases": "aliases",
        "handles": "handles/profiles",
        "minor": "minor",
        "consent": "media consent",
        "consent_expiry": "consent expiry",
        "dob": "date of birth (for minor)",
    }
    for field, headers in report.columns.items():
        out.write(f"  {labels.get(field, field):<26} <- {', '.join(repr(h) for h in headers)}\n")
    if report.ignored_columns:
        out.write(f"  ignored: {', '.join(repr(h) for h in report.ignored_columns)}\n")
    out.write(
        f"Imported {report.imported:,} clients from {report.rows:,} rows "
        f"({report.minors:,} minors, {report.with_consent:,} with a current media release) in {report.seconds:g} s.\n"
    )
    if report.duplicate_lines:
        lines = ", ".join(str(n) for n in report.duplicate_lines[:10])
        more = " ..." if len(report.duplicate_lines) > 10 else ""
        out.write(f"{len(report.duplicate_lines):,} duplicate rows skipped (lines {lines}{more}).\n")
    if report.bad_rows:
        out.write(f"{len(report.bad_rows):,} rows could not be read and were skipped:\n")
        for bad in report.bad_rows[:_MAX_LISTED_BAD_ROWS]:
            out.write(f"  line {bad.line}: {bad.reason}\n")
        if len(report.bad_rows) > _MAX_LISTED_BAD_ROWS:
            out.write(f"  ... and {len(report.bad_rows) - _MAX_LISTED_BAD_ROWS:,} more\n")
        out.write("Fix them in the export and import again to include them.\n")
    out.write(
        f"Stored as keyed hashes only ({report.size_bytes:,} bytes); the CSV was not copied. A running ClientSafe "
        "uses the new roster at once.\n"
    )
    return EXIT_OK
