"""``clientsafe check``: one post, a JSONL stream, or an interactive practice session.

Exit codes: 0 allow, 10 warn, 20 block; 3 the input could not be checked (too long, not UTF-8, bad JSON line
in --jsonl); 4 the engine could not start (e.g. the model is not installed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from clientsafe import json_errors
from clientsafe.cli.common import (
    EXIT_BLOCK,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WARN,
    CliError,
    load_policy,
    make_checker,
)
from clientsafe.say import _, shown

_EXIT_FOR = {"allow": EXIT_OK, "warn": EXIT_WARN, "block": EXIT_BLOCK}


def register(sub: Any) -> None:
    check = sub.add_parser("check", help=_("check a post and print the verdict"))
    check.add_argument(
        "text", nargs="?", help=_("the post to check; - reads it from standard input (omit with --jsonl or -i)")
    )
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help=_("print the verdict as JSON"))
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help=_(
            'read one JSON object per line on stdin ({"text": ..., "account": "personal|org", "site": ...}) '
            "and write one verdict per line, in order"
        ),
    )
    mode.add_argument("-i", "--interactive", action="store_true", help=_("paste posts one after another"))
    check.add_argument(
        "--account",
        choices=("personal", "org"),
        default="personal",
        help=_("whose account the post goes on (default: personal)"),
    )
    check.add_argument("--site", default=None, help=_("the site, e.g. facebook (informational)"))
    check.add_argument(
        "--org",
        type=Path,
        default=None,
        help=_(
            "policy JSON (or an organisation profile) used in place of the user's policy.json in the config folder; "
            "the IT-managed system policy still applies"
        ),
    )


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _check_jsonl(args, sys.stdin.buffer, sys.stdout)
    if args.interactive:
        return _interactive(args, sys.stdin, sys.stdout)
    return _check_one(args, sys.stdout)


def _check_one(args: argparse.Namespace, out: IO[str]) -> int:
    from clientsafe.checker.engine import InputError
    from clientsafe.display import render, use_colour

    # The policy first: its language is the one every message below is said in.
    policy = load_policy(args.org)
    if args.text is None:
        raise CliError(_('Give the post to check, e.g. clientsafe check "text", or use --jsonl or -i.'), EXIT_USAGE)
    text = args.text
    if text == "-":
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise CliError(
                _("standard input is not valid UTF-8 (byte {byte}); save the text as UTF-8").format(byte=e.start),
                EXIT_INPUT,
            ) from None
    checker = make_checker(policy.org_profile(), policy)
    try:
        verdict = checker.check(text, account=args.account, site=args.site)
    except InputError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    if args.json:
        out.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(render(text, verdict, colour=use_colour(out), policy=policy) + "\n")
    return _EXIT_FOR[verdict.action]


def _checker_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    policy = load_policy(args.org)
    return make_checker(policy.org_profile(), policy)


def _jsonl_records(lines: Iterable[bytes]) -> Iterable[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield (line number, record, error) for each non-blank line; exactly one of record/error is set."""
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield (
                number,
                None,
                _("line {line} is not valid UTF-8 (byte {byte}); save the file as UTF-8").format(
                    line=number, byte=e.start
                ),
            )
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield (
                number,
                None,
                _("line {line} is not valid JSON: {problem} at column {column}").format(
                    line=number, problem=shown(json_errors.reason(e)), column=e.colno
                ),
            )
            continue
        if not isinstance(record, dict):
            yield (
                number,
                None,
                _('line {line} is a JSON {kind}, expected an object with "text"').format(
                    line=number, kind=type(record).__name__
                ),
            )
            continue
        if not isinstance(record.get("text"), str):
            yield number, None, _('line {line} has no "text" string').format(line=number)
            continue
        yield number, record, None


def _check_jsonl(args: argparse.Namespace, stdin: IO[bytes], out: IO[str]) -> int:
    from clientsafe.checker.engine import InputError

    checker = _checker_for(args)
    had_error = False
    for number, record, error in _jsonl_records(stdin):
        result: dict[str, Any]
        if record is not None:
            try:
                verdict = checker.check(
                    record["text"], account=record.get("account", args.account), site=record.get("site")
                )
                result = verdict.to_dict()
            except InputError as e:
                error = _("line {line}: {problem}").format(line=number, problem=shown(e))
        if error is not None:
            had_error = True
            result = {"action": "error", "line": number, "error": error}
        if record is not None and "id" in record:
            result = {"id": record["id"], **result}
        out.write(json.dumps(result) + "\n")
        out.flush()
    return EXIT_INPUT if had_error else EXIT_OK


def _interactive(args: argparse.Namespace, stdin: IO[str], out: IO[str]) -> int:
    from clientsafe.checker.engine import InputError
    from clientsafe.display import render, use_colour

    policy = load_policy(args.org)
    out.write(_("ClientSafe practice check: loading the checker...") + "\n")
    out.flush()
    checker = make_checker(policy.org_profile(), policy)
    account = args.account
    out.write(_("Paste or type a post, then press Enter on an empty line to check it.") + "\n")
    out.write(
        _("Type :org or :personal to switch account (now: {account}), :quit or Ctrl-D to leave.").format(
            account=account
        )
        + "\n\n"
    )
    buffer: list[str] = []
    while True:
        out.write("> " if not buffer else ". ")
        out.flush()
        line = stdin.readline()
        if not line:
            out.write("\n")
            return EXIT_OK
        line = line.rstrip("\n")
        if not buffer and line.strip() in {":quit", ":q", ":exit"}:
            return EXIT_OK
        if not buffer and line.strip() in {":org", ":personal"}:
            account = line.strip()[1:]
            whose = _("the organisation's account") if account == "org" else _("your personal account")
            out.write(_("Now checking posts for {whose}.").format(whose=whose) + "\n")
            continue
        if line.strip() or not buffer:
            if line.strip():
                buffer.append(line)
            continue
        text = "\n".join(buffer)
        buffer = []
        try:
            verdict = checker.check(text, account=account)
            out.write("\n" + render(text, verdict, colour=use_colour(out), policy=policy) + "\n\n")
        except InputError as e:
            out.write(_("Could not check that: {problem}").format(problem=shown(e)) + "\n\n")
