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
from clientsafe.say import _, shown

_STAGES = {"download": "Downloading", "read": "Reading rows", "hash": "Hashing clients", "write": "Saving"}
_MAX_LISTED_BAD_ROWS = 50


def register(sub: Any) -> None:
    roster = sub.add_parser("roster", help=_("import, show or clear the organisation's client roster"))
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    imp = roster_sub.add_parser(
        "import",
        help=_("replace the roster with a CSV export (a file or an https:// address)"),
        description=_(
            "Columns are matched by name: Name (or First/Last name), Aliases/Nicknames, handles or "
            "profile addresses, Minor (yes/no), Media consent (yes/no), Consent expiry (date). Only keyed hashes are "
            "kept; the CSV is never copied. A failed import leaves the previous roster in force, and so does a file "
            "with fewer than half the clients of the roster in force (unless --replace-smaller)."
        ),
    )
    imp.add_argument("source", metavar="FILE.csv|https://...")
    imp.add_argument("--timeout", type=float, default=30.0, help=_("seconds to wait for an https source (default 30)"))
    imp.add_argument(
        "--replace-smaller",
        action="store_true",
        help=_("import even if the file has fewer than half the clients of the roster in force (checked first)"),
    )
    imp.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace a roster managed by IT (it comes back at the next refresh while the policy names roster_bundle)"
        ),
    )
    roster_sub.add_parser("status", help=_("how many clients, from where (IT or this computer), how old, last fetch"))
    clear = roster_sub.add_parser("clear", help=_("remove the roster (and its hashing key)"))
    clear.add_argument(
        "--force", action="store_true", help=_("clear a roster managed by IT (it comes back at the next refresh)")
    )
    roster_sub.add_parser("sync", help=_("fetch IT's roster bundle now (the policy's roster_bundle)"))
    build = roster_sub.add_parser(
        "build",
        help=_("(IT) build a signed roster bundle from the case-management CSV export"),
        description=_(
            "Reads the CSV exactly as `roster import` does (same columns, checks and refusals), hashes every "
            "client with the organisation's hashing key and signs the result. The bundle holds keyed hashes only, "
            "never a name, and not the hashing key: publish it at the policy's roster_bundle.url."
        ),
    )
    build.add_argument("source", metavar="FILE.csv|https://...")
    build.add_argument("--signing-key", type=Path, required=True, help=_("the PEM signing key from `roster keygen`"))
    build.add_argument(
        "--hash-key", type=Path, required=True, help=_("the organisation hashing key from `roster keygen`")
    )
    build.add_argument("--out", type=Path, required=True, help=_("the bundle to write (published by IT)"))
    build.add_argument("--valid-days", type=int, default=30, help=_("days machines accept it (default 30, 1-366)"))
    build.add_argument("--label", default=None, help=_("source label shown to staff (default: the CSV's file name)"))
    build.add_argument("--timeout", type=float, default=30.0, help=_("seconds to wait for an https source"))
    keygen = roster_sub.add_parser(
        "keygen", help=_("(IT) make the roster signing key pair and the organisation hashing key (never overwrites)")
    )
    keygen.add_argument(
        "--signing-key", type=Path, required=True, help=_("where to write the private signing key (PEM)")
    )
    keygen.add_argument("--hash-key", type=Path, required=True, help=_("where to write the organisation hashing key"))
    key = roster_sub.add_parser("key", help=_("the organisation's roster hashing key on this computer"))
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    install = key_sub.add_parser(
        "install", help=_("keep IT's roster.key in your OS keyring (an MDM login script can run it)")
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
        err.write("clientsafe: " + _("WARNING: {problem}").format(problem=shown(key.warning)) + "\n")
    if args.roster_command == "status":
        return _status(key, out)
    if args.roster_command == "clear":
        from clientsafe.roster.store import managed_info

        managed = managed_info()
        if managed is not None and not args.force:
            raise CliError(
                _(
                    "The roster on this computer is managed by IT (fetched from {where}): clearing it here only lasts "
                    "until the next refresh, unless IT removes roster_bundle from the policy. Nothing was removed. To "
                    "clear it anyway, run: clientsafe roster clear --force"
                ).format(where=managed.get("url") or _("the policy")),
                EXIT_INPUT,
            )
        existed = clear(key=key)
        out.write((_("Roster removed.") if existed else _("There was no roster to remove.")) + "\n")
        if managed is not None:
            out.write(_("It will be fetched again at the next refresh while the policy names roster_bundle.") + "\n")
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
        raise CliError(
            _("{problem} If the smaller list is right, run: {command}").format(problem=shown(e.summary), command=again),
            EXIT_INPUT,
        ) from None
    except ManagedRefused as e:
        again = f"clientsafe roster import --force {shlex.quote(args.source)}"
        raise CliError(
            _("{problem} To replace it anyway until the next refresh, run: {command}").format(
                problem=shown(e.summary), command=again
            ),
            EXIT_INPUT,
        ) from None
    except RosterError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    finally:
        progress.finish()
    out.write(_("Read {file} ({encoding}).").format(file=report.source, encoding=report.encoding) + "\n")
    out.write(_("Columns:") + "\n")
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
        out.write(
            "  " + _("ignored: {columns}").format(columns=", ".join(repr(h) for h in report.ignored_columns)) + "\n"
        )
    out.write(
        _(
            "Imported {clients} clients from {rows} rows ({minors} minors, {consented} with a current media release) "
            "in {seconds} s."
        ).format(
            clients=f"{report.imported:,}",
            rows=f"{report.rows:,}",
            minors=f"{report.minors:,}",
            consented=f"{report.with_consent:,}",
            seconds=f"{report.seconds:g}",
        )
        + "\n"
    )
    if report.guardians:
        # Never tied to a client: a friend request from one is held as "a client's parent or guardian".
        out.write(
            _("Imported {count} parent or guardian names (not linked to which client).").format(
                count=f"{report.guardians:,}"
            )
            + "\n"
        )
    if report.duplicate_lines:
        lines = ", ".join(str(n) for n in report.duplicate_lines[:10])
        more = " ..." if len(report.duplicate_lines) > 10 else ""
        out.write(
            _("{count} duplicate rows skipped (lines {lines}).").format(
                count=f"{len(report.duplicate_lines):,}", lines=lines + more
            )
            + "\n"
        )
    if report.bad_rows:
        out.write(
            _("{count} rows could not be read and were skipped:").format(count=f"{len(report.bad_rows):,}") + "\n"
        )
        for bad in report.bad_rows[:_MAX_LISTED_BAD_ROWS]:
            out.write("  " + _("line {line}: {problem}").format(line=bad.line, problem=shown(bad.reason)) + "\n")
        if len(report.bad_rows) > _MAX_LISTED_BAD_ROWS:
            left = len(report.bad_rows) - _MAX_LISTED_BAD_ROWS
            out.write("  " + _("... and {count} more").format(count=f"{left:,}") + "\n")
        out.write(
            (
                _(
                    "Fix them in the export and import again to include them (a 'guardian:' line skipped only that "
                    "guardian name; the client on that row was imported)."
                )
                if any(bad.reason.startswith("guardian:") for bad in report.bad_rows)
                else _("Fix them in the export and import again to include them.")
            )
            + "\n"
        )
    out.write(
        _(
            "Stored as keyed hashes only ({size} bytes); the CSV was not copied. A running ClientSafe uses the new "
            "roster at once."
        ).format(size=f"{report.size_bytes:,}")
        + "\n"
    )
    return EXIT_OK


def _status(key: Any, out: IO[str]) -> int:
    from clientsafe.roster import RosterError, status
    from clientsafe.roster.describe import describe
    from clientsafe.roster.sync import SyncState

    try:
        st = status(key=key)
    except RosterError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    state = SyncState.read()
    if st.problem:  # a roster file is there, but nothing can use it: never its old client count
        raise CliError(shown(st.problem), EXIT_UNAVAILABLE if st.keyring_failed else EXIT_INPUT)
    lines = describe(st, state)
    if not st.loaded:
        out.write(_("No roster imported. Import one with: clientsafe roster import FILE.csv") + "\n")
        for line in lines:
            out.write(line + "\n")
        return EXIT_OK
    for line in lines:
        out.write(line + "\n")
    out.write(
        _("Stored as keyed hashes only in {file} ({size} bytes).").format(file=st.file, size=f"{st.size_bytes:,}")
        + "\n"
    )
    return EXIT_OK


def _sync(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.cli.common import load_policy
    from clientsafe.roster import RosterError
    from clientsafe.roster.sync import sync

    setting = load_policy(None, err=err)["roster_bundle"]
    if not setting:
        raise CliError(
            _(
                "The organisation's policy names no roster bundle (roster_bundle), so there is nothing to fetch. IT "
                "sets it in the system policy file (docs/roster.md, 'The roster from IT')."
            ),
            EXIT_INPUT,
        )
    try:
        result = sync(setting)
    except RosterError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    out.write(_("{message} Expires {when}.").format(message=shown(result.message), when=result.expires) + "\n")
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
        raise CliError(shown(e), EXIT_INPUT) from None
    progress.finish()
    from clientsafe.atomic_file import atomic_write

    try:
        with atomic_write(args.out, binary=True, create_folder=False) as f:
            f.write(data)
    except OSError as e:
        raise CliError(
            _("{file} could not be written ({problem}).").format(file=args.out, problem=e.strerror or type(e).__name__),
            EXIT_USAGE,
        ) from None
    out.write(
        _(
            "Built {file} ({size} bytes): {clients} clients as keyed hashes only, hashing key {key}, expires {when}."
        ).format(
            file=args.out,
            size=f"{len(data):,}",
            clients=f"{header['clients']:,}",
            key=key_id(hash_key),
            when=header["expires"],
        )
        + "\n"
        + _(
            "Publish it at the policy's roster_bundle.url. The hashing key is not in it: deploy that key to staff "
            "machines separately (docs/roster.md)."
        )
        + "\n"
    )
    return EXIT_OK


def _keygen(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from clientsafe.roster import RosterError
    from clientsafe.roster.bundle import keygen

    try:
        public, hash_id = keygen(args.signing_key, args.hash_key)
    except RosterError as e:
        raise CliError(shown(e), EXIT_USAGE) from None
    err.write(
        _("Signing key written to {file}: keep it with IT only; it signs the roster every machine trusts.").format(
            file=args.signing_key
        )
        + "\n"
        + _(
            "Organisation hashing key (key_id {key}) written to {file}: deploy it to staff machines as roster.key "
            "beside the system policy file (or `clientsafe roster key install`), never beside the bundle."
        ).format(key=hash_id, file=args.hash_key)
        + "\n"
        + _("The policy's roster_bundle.public_key is:")
        + "\n"
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
        raise CliError(shown(e), EXIT_INPUT) from None
    place = OrgKey()
    try:
        place.install(key)
    except KeyringUnavailable as e:
        raise CliError(shown(e), EXIT_UNAVAILABLE) from None
    except OSError as e:
        raise CliError(
            _("The key could not be saved ({problem}).").format(problem=e.strerror or type(e).__name__), EXIT_USAGE
        ) from None
    out.write(
        _("The organisation's roster hashing key {key} is kept in {where}.").format(
            key=key_id(key), where=place.user_place
        )
        + "\n"
    )
    return EXIT_OK


_IT_COMMANDS = {"sync": _sync, "build": _build, "keygen": _keygen, "key": _key}
