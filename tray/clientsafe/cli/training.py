"""``clientsafe training``: when practice was last completed and when it is due (``status``), and the finished
rounds as CSV for HR (``export``): who (the machine's pseudonymous audit id), when, score, passed. Read from this
machine's content-free audit; no answers and no scenario text exist to export."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CliError, load_policy
from clientsafe.say import _, shown


def register(sub: Any) -> None:
    training = sub.add_parser("training", help=_("practice rounds: when last completed and due, and the HR export"))
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database", type=Path, default=None, help=_("the audit database (default: audit.sqlite3 in the data folder)")
    )
    commands = training.add_subparsers(dest="training_command", metavar="ACTION")
    export = commands.add_parser("export", parents=[database], help=_("write the finished practice rounds as CSV"))
    export.add_argument("--since", metavar="DATE", default=None, help=_("first day to include, YYYY-MM-DD"))
    export.add_argument("--out", type=Path, default=None, help=_("write to this file instead of standard output"))
    status = commands.add_parser("status", parents=[database], help=_("when practice was last completed and is due"))
    status.add_argument("--json", action="store_true", help=_("print the status as JSON"))
    status.add_argument("--org", type=Path, default=None, help=_("read this policy file instead of the user's"))


def run(args: argparse.Namespace) -> int:
    from clientsafe.audit import AuditError, AuditReader, default_path

    reader = AuditReader(getattr(args, "database", None) or default_path())
    try:
        if args.training_command == "export":
            return _export(reader, args.since, args.out)
        if args.training_command == "status":
            return _status(reader, args.org, args.json)
    except AuditError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    raise CliError(_("say what to do: clientsafe training status, or clientsafe training export"), EXIT_USAGE)


def _export(reader: Any, since_text: str | None, out: Path | None) -> int:
    from clientsafe.atomic_file import atomic_write
    from clientsafe.cli.audit import parse_since
    from clientsafe.practice.record import completions, write_hr_csv

    since = parse_since(since_text) if since_text else None
    if out is not None and not out.parent.is_dir():
        raise CliError(
            _("{folder}: no such folder. Create it or choose another --out.").format(folder=out.parent), EXIT_USAGE
        )
    if not reader.path.exists():
        print(
            "clientsafe: " + _("no audit at {file} yet: no practice round has been recorded.").format(file=reader.path),
            file=sys.stderr,
        )
    rows = completions(reader.iter_since(since), reader.source_id())
    if out is None:
        count = write_hr_csv(sys.stdout, rows)
        sys.stdout.flush()
    else:
        try:
            with atomic_write(out.resolve(), newline="", create_folder=False) as stream:
                count = write_hr_csv(stream, rows)
        except OSError as e:
            raise CliError(
                _("{file}: cannot write the export ({problem}). Choose another --out.").format(
                    file=out, problem=e.strerror
                ),
                EXIT_USAGE,
            ) from None
    if out is None:
        said = _("1 practice round written.") if count == 1 else _("{count} practice rounds written.")
    else:
        said = (
            _("1 practice round written to {file}.") if count == 1 else _("{count} practice rounds written to {file}.")
        )
    print(said.format(count=count, file=out), file=sys.stderr)
    return EXIT_OK


def _status(reader: Any, org: Path | None, as_json: bool) -> int:
    from clientsafe.practice.record import training_status

    policy = load_policy(org)
    interval = int(policy["training_interval_months"])
    found = training_status(reader.iter_since(None), interval)
    now = dt.datetime.now(dt.UTC)
    if as_json:
        print(
            json.dumps(
                {
                    "last_completed": found.last.isoformat() if found.last else None,
                    "last_score": found.last_score or None,
                    "interval_months": interval,
                    "due": found.due.isoformat() if found.due and found.last else ("now" if found.due else None),
                    "is_due": found.is_due(now),
                },
                indent=2,
            )
        )
    else:
        print(found.describe(now))
    return EXIT_OK
