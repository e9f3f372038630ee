"""``clientsafe roster``: import the client roster (CSV file or https address), show its status, clear it; and
IT's side of the roster from IT: ``keygen`` and ``build`` a signed bundle, ``key install`` the organisation's
hashing key on a machine, ``sync`` (fetch the bundle now)."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import IO, Any

from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE, CliError

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
    imp.add_argument(
        "--force",
        action="store_true",
        help="replace a roster managed by IT (it comes back at the next refresh while the policy names roster_bundle)",
    )
    roster_sub.add_parser("status", help="how many clients, from where (IT or this computer), how old, last fetch")
    clear = roster_sub.add_parser("clear", help="remove the roster (and its hashing key)")
    clear.add_argument(
        "--force", action="store_true", help="clear a roster managed by IT (it comes back at the next refresh)"
    )
    roster_sub.add_parser("sync", help="fetch IT's roster bundle now (the policy's roster_bundle)")
    build = roster_sub.add_parser(
        "build",
        help="(IT) build a signed roster bundle from the case-management CSV export",
        description="Reads the CSV exactly as `roster import` does (same columns, checks and refusals), hashes every "
        "client with the organisation's hashing key and signs the result. The bundle holds keyed hashes only, never a "
        "name, and not the hashing key: publish it at the policy's roster_bundle.url.",
    )
    build.add_argument("source", metavar="FILE.csv|https://...")
    build.add_argument("--signing-key", type=Path, required=True, help="the PEM signing key from `roster keygen`")
    build.add_argument("--hash-key", type=Path, required=True, help="the organisation hashing key from `roster keygen`")
    build.add_argument("--out", type=Path, required=True, help="the bundle to write (published by IT)")
    build.add_argument("--valid-days", type=int, default=30, help="days machines accept it (default 30, 1-366)")
    build.add_argument("--label", default=None, help="source label shown to staff (default: the CSV's file name)")
    build.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for an https source")
    keygen = roster_sub.add_parser(
        "keygen", help="(IT) make the roster signing key pair and the organisation hashing key (never overwrites)"
    )
    keygen.add_argument("--signing-key", type=Path, required=True, help="where to write the private signing key (PEM)")
    keygen.add_argument("--hash-key", type=Path, required=True, help="where to write the organisation hashing key")
    key = roster_sub.add_parser("key", help="the organisation's roster hashing key on this computer")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    install = key_sub.add_parser(
        "install", help="keep IT's roster.key in your OS keyring (an MDM login script can run it)"
    )
    install.add_argument("file", type=Path)


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
    from clientsafe.roster import RosterError, clear, import_roster
    from clientsafe.roster.keys import RosterKey

    if args.roster_command in _IT_COMMANDS:  # the user's own roster key plays no part in these
        return _IT_COMMANDS[args.roster_command](args, out, err)
    key = RosterKey()
    if key.warning:
        err.write(f"clientsafe: WARNING: {key.warning}\n")
    if args.roster_command == "status":
        return _status(key, out)
    if args.roster_command == "clear":
        from clientsafe.roster.store import managed_info

        managed = managed_info()
        if managed is not None and not args.force:
            raise CliError(
                f"The roster on this computer is managed by IT (fetched from {managed.get('url', 'the policy')}): "
                "clearing it here only lasts until the next refresh, unless IT removes roster_bundle from the policy. "
                "Nothing was removed. To clear it anyway, run: clientsafe roster clear --force",
                EXIT_INPUT,
            )
        existed = clear(key=key)
        out.write("Roster removed.\n" if existed else "There was no roster to remove.\n")
        if managed is not None:
            out.write("It will be fetched again at the next refresh while the policy names roster_bundle.\n")
        return EXIT_OK
    from clientsafe.roster.importer import ManagedRefused, ShrinkRefused

    progress = _Progress(err)
    try:
        report = import_roster(
            args.source,
            progress=progress,
            timeout=args.timeout,
            key=key,
            replace_smaller=args.replace_smaller,
            replace_managed=args.force,
        )
    except ShrinkRefused as e:
        progress.finish()
        again = f"clientsafe roster import --replace-smaller {shlex.quote(args.source)}"
        raise CliError(f"{e.summary} If the smaller list is right, run: {again}", EXIT_INPUT) from None
    except ManagedRefused as e:
        again = f"clientsafe roster import --force {shlex.quote(args.source)}"
        raise CliError(f"{e.summary} To replace it anyway until the next refresh, run: {again}", EXIT_INPUT) from None
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
        "guardians": "guardian names",
    }
    for field, headers in report.columns.items():
        out.write(f"  {labels.get(field, field):<26} <- {', '.join(repr(h) for h in headers)}\n")
    if report.ignored_columns:
        out.write(f"  ignored: {', '.join(repr(h) for h in report.ignored_columns)}\n")
    out.write(
        f"Imported {report.imported:,} clients from {report.rows:,} rows "
        f"({report.minors:,} minors, {report.with_consent:,} with a current media release) in {report.seconds:g} s.\n"
    )
    if report.guardians:
        # Never tied to a client: a friend request from one is held as "a client's parent or guardian".
        out.write(f"Imported {report.guardians:,} parent or guardian names (not linked to which client).\n")
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
        out.write(
            "Fix them in the export and import again to include them (a 'guardian:' line skipped only that "
            "guardian name; the client on that row was imported).\n"
            if any(bad.reason.startswith("guardian:") for bad in report.bad_rows)
            else "Fix them in the export and import again to include them.\n"
        )
    out.write(
        f"Stored as keyed hashes only ({report.size_bytes:,} bytes); the CSV was not copied. A running ClientSafe "
        "uses the new roster at once.\n"
    )
    return EXIT_OK


def _status(key: Any, out: IO[str]) -> int:
    from clientsafe.roster import RosterError, status
    from clientsafe.roster.describe import describe
    from clientsafe.roster.sync import SyncState

    try:
        st = status(key=key)
    except RosterError as e:
        raise CliError(str(e), EXIT_INPUT) from None
    state = SyncState.read()
    if st.problem:  # a roster file is there, but nothing can use it: never its old client count
        raise CliError(st.problem, EXIT_UNAVAILABLE if st.keyring_failed else EXIT_INPUT)
    lines = describe(st, state)
    if not st.loaded:
        out.write("No roster imported. Import one with: clientsafe roster import FILE.csv\n")
        for line in lines:
            out.write(line + "\n")
        return EXIT_OK
    for line in lines:
        out.write(line + "\n")
    out.write(f"Stored as keyed hashes only in {st.file} ({st.size_bytes:,} bytes).\n")
    return EXIT_OK


def _sync(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.cli.common import load_policy
    from clientsafe.roster import RosterError
    from clientsafe.roster.sync import sync

    setting = load_policy(None, err=err)["roster_bundle"]
    if not setting:
        raise CliError(
            "The organisation's policy names no roster bundle (roster_bundle), so there is nothing to fetch. IT sets "
            "it in the system policy file (docs/roster.md, 'The roster from IT').",
            EXIT_INPUT,
        )
    try:
        result = sync(setting)
    except RosterError as e:
        raise CliError(str(e), EXIT_INPUT) from None
    out.write(f"{result.message} Expires {result.expires}.\n")
    return EXIT_OK


def _build(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.roster import RosterError
    from clientsafe.roster.bundle import build, read_file
    from clientsafe.roster.keys import key_id
    from clientsafe.roster.org_key import read_key_file

    progress = _Progress(err)
    try:
        hash_key = read_key_file(args.hash_key)
        data, header = build(
            args.source,
            read_file(args.signing_key),
            hash_key,
            valid_days=args.valid_days,
            label=args.label,
            timeout=args.timeout,
            progress=progress,
        )
    except RosterError as e:
        progress.finish()
        raise CliError(str(e), EXIT_INPUT) from None
    progress.finish()
    from clientsafe.atomic_file import atomic_write

    try:
        with atomic_write(args.out, binary=True, create_folder=False) as f:
            f.write(data)
    except OSError as e:
        raise CliError(f"{args.out} could not be written ({e.strerror or type(e).__name__}).", EXIT_USAGE) from None
    out.write(
        f"Built {args.out} ({len(data):,} bytes): {header['clients']:,} clients as keyed hashes only, hashing key "
        f"{key_id(hash_key)}, expires {header['expires']}.\n"
        "Publish it at the policy's roster_bundle.url. The hashing key is not in it: deploy that key to staff "
        "machines separately (docs/roster.md).\n"
    )
    return EXIT_OK


def _keygen(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.roster import RosterError
    from clientsafe.roster.bundle import keygen

    try:
        public, hash_id = keygen(args.signing_key, args.hash_key)
    except RosterError as e:
        raise CliError(str(e), EXIT_USAGE) from None
    err.write(
        f"Signing key written to {args.signing_key}: keep it with IT only; it signs the roster every machine trusts.\n"
        f"Organisation hashing key (key_id {hash_id}) written to {args.hash_key}: deploy it to staff machines as "
        "roster.key beside the system policy file (or `clientsafe roster key install`), never beside the bundle.\n"
        "The policy's roster_bundle.public_key is:\n"
    )
    out.write(public + "\n")
    return EXIT_OK


def _key(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.roster import RosterError
    from clientsafe.roster.keys import key_id
    from clientsafe.roster.org_key import OrgKey, read_key_file
    from clientsafe.secret_store import KeyringUnavailable

    try:
        key = read_key_file(args.file)
    except RosterError as e:
        raise CliError(str(e), EXIT_INPUT) from None
    place = OrgKey()
    try:
        place.install(key)
    except KeyringUnavailable as e:
        raise CliError(str(e), EXIT_UNAVAILABLE) from None
    except OSError as e:
        raise CliError(f"The key could not be saved ({e.strerror or type(e).__name__}).", EXIT_USAGE) from None
    out.write(f"The organisation's roster hashing key {key_id(key)} is kept in {place.user_place}.\n")
    return EXIT_OK


_IT_COMMANDS = {"sync": _sync, "build": _build, "keygen": _keygen, "key": _key}
