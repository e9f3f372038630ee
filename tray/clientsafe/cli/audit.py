"""``clientsafe audit``: export the content-free audit as CSV, say how it stands, or make a report page.

    clientsafe audit export --since 2026-11-01 [--out FILE]   # CSV on stdout unless --out
    clientsafe audit status [--json]
    clientsafe audit report [--csv FILE ...] [--since DATE] [--out report.html]   # one HTML page with charts

All only read the database (a read-only connection): they never apply retention or change anything,
and they work while the service is running.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CliError
from clientsafe.say import _, shown


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help=_("export the content-free audit as CSV, show its status, or make a report"))
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database", type=Path, default=None, help=_("the audit database (default: audit.sqlite3 in the data folder)")
    )
    commands = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    export = commands.add_parser("export", parents=[database], help=_("write the events since a date as CSV"))
    export.add_argument(
        "--since",
        required=True,
        metavar="DATE",
        help=_("first day to include, YYYY-MM-DD (from local midnight), or an ISO 8601 time such as 2026-11-01T09:00Z"),
    )
    export.add_argument("--out", type=Path, default=None, help=_("write to this file instead of standard output"))
    status = commands.add_parser(
        "status", parents=[database], help=_("where the audit is, how many events, retention and forwarding")
    )
    status.add_argument("--json", action="store_true", help=_("print the status as JSON"))
    report = commands.add_parser(
        "report", parents=[database], help=_("one HTML page with charts, from this audit or from gathered CSV exports")
    )
    report.add_argument(
        "--csv",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=_("an `audit export` CSV from a machine; repeat for each (then this machine's audit is not read)"),
    )
    report.add_argument("--since", metavar="DATE", default=None, help=_("first day to count, as for export"))
    report.add_argument(
        "--out", type=Path, default=Path("audit-report.html"), help=_("the page to write (default: audit-report.html)")
    )


def run(args: argparse.Namespace) -> int:
    from clientsafe.audit import AuditError, AuditReader, default_path

    reader = AuditReader(getattr(args, "database", None) or default_path())
    try:
        if args.audit_command == "export":
            return _export(reader, parse_since(args.since), args.out)
        if args.audit_command == "status":
            return _status(reader, args.json)
        if args.audit_command == "report":
            return _report(reader, args.csv, args.since, args.out)
    except AuditError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    raise CliError(
        _("say what to do: clientsafe audit export --since DATE, clientsafe audit status, or clientsafe audit report"),
        EXIT_USAGE,
    )


def parse_since(value: str) -> dt.datetime:
    """A date (local midnight) or an ISO 8601 time (local time when it names no offset), made timezone-aware."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            moment = dt.datetime(day.year, day.month, day.day)
        else:
            moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CliError(
            _(
                "--since {value} is not a date. Use YYYY-MM-DD, e.g. --since 2026-11-01, "
                "or an ISO 8601 time such as 2026-11-01T09:00Z."
            ).format(value=repr(value)),
            EXIT_USAGE,
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def _export(reader: Any, since: dt.datetime, out: Path | None) -> int:
    if not reader.path.exists():
        print(
            "clientsafe: " + _("no audit at {file} yet: nothing has been recorded.").format(file=reader.path),
            file=sys.stderr,
        )
    if out is None:
        count = reader.export_csv(sys.stdout, since)
        sys.stdout.flush()
    else:
        if not out.parent.is_dir():
            raise CliError(
                _("{folder}: no such folder. Create it or choose another --out.").format(folder=out.parent), EXIT_USAGE
            )
        try:
            count = reader.export_csv(out, since)
        except OSError as e:
            raise CliError(
                _("{file}: cannot write the export ({problem}). Choose another --out.").format(
                    file=out, problem=e.strerror
                ),
                EXIT_USAGE,
            ) from None
    said = (
        _("{count} audit events since {since} written.")
        if out is None
        else _("{count} audit events since {since} written to {file}.")
    )
    print(said.format(count=count, since=since.isoformat(timespec="minutes"), file=out), file=sys.stderr)
    return EXIT_OK


def _report(reader: Any, csv_files: list[Path], since_text: str | None, out: Path) -> int:
    """Read every input first, then write the page whole: a bad CSV leaves nothing written."""
    from clientsafe.atomic_file import atomic_write
    from clientsafe.audit.report import ReportInputError, from_store, read_csv, summarise
    from clientsafe.audit.report_html import render

    since = parse_since(since_text) if since_text else None
    if not out.parent.is_dir():
        raise CliError(
            _("{folder}: no such folder. Create it or choose another --out.").format(folder=out.parent), EXIT_USAGE
        )
    try:
        inputs = [read_csv(path) for path in csv_files]
    except ReportInputError as e:
        raise CliError(_("{problem} Nothing was written.").format(problem=shown(e)), EXIT_INPUT) from None
    if not csv_files:
        if not reader.path.exists():
            print(
                "clientsafe: " + _("no audit at {file} yet: the report will be empty.").format(file=reader.path),
                file=sys.stderr,
            )
        inputs = [from_store(reader.iter_since(since), reader.source_id(), f"this machine's audit ({reader.path})")]
    for found in inputs:
        if found.skipped:
            print(f"clientsafe: {found.skipped_note()}", file=sys.stderr)
    summary = summarise(inputs, since)
    page = render(summary, inputs, dt.datetime.now(dt.UTC), since)
    try:
        with atomic_write(out.resolve(), create_folder=False) as stream:
            stream.write(page)
    except OSError as e:
        raise CliError(
            _("{file}: cannot write the report ({problem}). Choose another --out.").format(
                file=out, problem=e.strerror
            ),
            EXIT_USAGE,
        ) from None
    said = (
        _("Report of {events} events from 1 machine written to {file}; open {address} in a browser.")
        if summary.machines == 1
        else _("Report of {events} events from {machines} machines written to {file}; open {address} in a browser.")
    )
    print(
        said.format(events=summary.events, machines=summary.machines, file=out, address=out.resolve().as_uri()),
        file=sys.stderr,
    )
    return EXIT_OK


def _status(reader: Any, as_json: bool) -> int:
    status = reader.status(check_integrity=True)
    if as_json:
        fields = {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in vars(status).items()}
        print(json.dumps({**fields, "path": str(status.path)}, indent=2))
        return EXIT_OK
    print(_("Audit database: {file}").format(file=status.path))
    if not status.exists:
        print(_("Nothing recorded yet: the service creates the file when it starts."))
        return EXIT_OK
    if status.events:
        print(
            _("Events: {events} (oldest {oldest}, newest {newest})").format(
                events=status.events, oldest=_day(status.oldest), newest=_day(status.newest)
            )
        )
    else:
        print(_("Events: {events}").format(events=status.events))
    if status.retention_days:
        print(_("Retention: {days} days").format(days=status.retention_days))
    else:
        print(_("Retention: keep everything"))
    if status.forward_url:
        print(
            _("Forwarding: to {address}; {pending} waiting").format(address=status.forward_url, pending=status.pending)
        )
    elif status.pending:
        print(_("Forwarding: off ({pending} waiting from before)").format(pending=status.pending))
    else:
        print(_("Forwarding: off"))
    if status.last_forwarded:
        print(_("Last forwarded: {when}").format(when=status.last_forwarded))
    if status.last_forward_error:
        print(_("Last forwarding error: {problem}").format(problem=shown(status.last_forward_error)))
    print(_("Integrity: {result}").format(result=status.integrity))
    return EXIT_OK


def _day(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"
