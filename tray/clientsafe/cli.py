"""The ``clientsafe`` command.

Exit codes of ``clientsafe check`` (also in docs/cli.md):
  0 allow, 10 warn, 20 block; 2 usage error; 3 the input could not be checked (too long, not UTF-8,
  bad JSON line in --jsonl); 4 the engine could not start (e.g. the model is not installed);
  70 an internal error (reported without a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from clientsafe import __version__, paths
from clientsafe.checker.org import OrgProfile

EXIT_OK, EXIT_WARN, EXIT_BLOCK = 0, 10, 20
EXIT_USAGE, EXIT_INPUT, EXIT_ENGINE, EXIT_INTERNAL = 2, 3, 4, 70
_EXIT_FOR = {"allow": EXIT_OK, "warn": EXIT_WARN, "block": EXIT_BLOCK}


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clientsafe",
        description="ClientSafe checks social-media posts for client information before they are posted.",
    )
    parser.add_argument("--version", action="version", version=f"clientsafe {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="check a post and print the verdict")
    check.add_argument(
        "text", nargs="?", help="the post to check; - reads it from standard input (omit with --jsonl or -i)"
    )
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print the verdict as JSON")
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help='read one JSON object per line on stdin ({"text": ..., "account": "personal|org", "site": ...}) '
        "and write one verdict per line, in order",
    )
    mode.add_argument("-i", "--interactive", action="store_true", help="paste posts one after another")
    check.add_argument(
        "--account",
        choices=("personal", "org"),
        default="personal",
        help="whose account the post goes on (default: personal)",
    )
    check.add_argument("--site", default=None, help="the site, e.g. facebook (informational)")
    check.add_argument(
        "--org",
        type=Path,
        default=None,
        help="organisation profile or policy JSON (default: policy.json in the config folder)",
    )
    serve = sub.add_parser("serve", help="run the local service without the tray (servers, tests, no display)")
    serve.add_argument(
        "--port", type=int, default=None, help="listen on this port (default: first free of 47390-47399)"
    )
    serve.add_argument("--org", type=Path, default=None, help="organisation profile or policy JSON")
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="extension origin allowed to call, e.g. chrome-extension://<id> (repeatable)",
    )
    pair = sub.add_parser("pair", help="approve, list and revoke paired browsers")
    pair_sub = pair.add_subparsers(dest="pair_command", metavar="ACTION", required=True)
    for name, text in (("approve", "approve the browser showing this code"), ("deny", "refuse this code")):
        p = pair_sub.add_parser(name, help=text)
        p.add_argument("code")
    pair_sub.add_parser("pending", help="pairing requests waiting for a person")
    pair_sub.add_parser("list", help="paired browsers")
    revoke = pair_sub.add_parser("revoke", help="unpair a browser (its token stops working at once)")
    revoke.add_argument("id")
    return parser


def _load_org(path: Path | None) -> OrgProfile:
    candidate = path or paths.config_dir() / "policy.json"
    if path is None and not candidate.exists():
        return OrgProfile()
    try:
        return OrgProfile.load(candidate)
    except FileNotFoundError:
        raise CliError(f"{candidate}: file not found. Check the path given to --org.", EXIT_USAGE) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CliError(
            f"{candidate}: not valid JSON ({e}). Fix the file or pass another with --org.", EXIT_USAGE
        ) from None
    except (KeyError, TypeError, AttributeError) as e:
        raise CliError(f"{candidate}: the organisation section is malformed ({e}).", EXIT_USAGE) from None


def _checker(org: OrgProfile):  # type: ignore[no-untyped-def]
    from clientsafe.checker.analyzer import ModelMissingError
    from clientsafe.checker.engine import Checker
    from clientsafe.settings import SettingError

    try:
        return Checker(org=org)
    except (ModelMissingError, SettingError) as e:
        raise CliError(str(e), EXIT_ENGINE) from None


def _check_one(args: argparse.Namespace, out: IO[str]) -> int:
    from clientsafe.checker.engine import InputError
    from clientsafe.display import render, use_colour

    if args.text is None:
        raise CliError('Give the post to check, e.g. clientsafe check "text", or use --jsonl or -i.', EXIT_USAGE)
    text = args.text
    if text == "-":
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise CliError(
                f"standard input is not valid UTF-8 (byte {e.start}); save the text as UTF-8", EXIT_INPUT
            ) from None
    checker = _checker(_load_org(args.org))
    try:
        verdict = checker.check(text, account=args.account, site=args.site)
    except InputError as e:
        raise CliError(str(e), EXIT_INPUT) from None
    if args.json:
        out.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(render(text, verdict, colour=use_colour(out)) + "\n")
    return _EXIT_FOR[verdict.action]


def _jsonl_records(lines: Iterable[bytes]) -> Iterable[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield (line number, record, error) for each non-blank line; exactly one of record/error is set."""
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield number, None, f"line {number} is not valid UTF-8 (byte {e.start}); save the file as UTF-8"
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield number, None, f"line {number} is not valid JSON: {e.msg} at column {e.colno}"
            continue
        if not isinstance(record, dict):
            yield number, None, f'line {number} is a JSON {type(record).__name__}, expected an object with "text"'
            continue
        if not isinstance(record.get("text"), str):
            yield number, None, f'line {number} has no "text" string'
            continue
        yield number, record, None


def _check_jsonl(args: argparse.Namespace, stdin: IO[bytes], out: IO[str]) -> int:
    from clientsafe.checker.engine import InputError

    checker = _checker(_load_org(args.org))
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
                error = f"line {number}: {e}"
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

    out.write("ClientSafe practice check: loading the checker...\n")
    out.flush()
    checker = _checker(_load_org(args.org))
    account = args.account
    out.write(
        "Paste or type a post, then press Enter on an empty line to check it.\n"
        "Type :org or :personal to switch account (now: " + account + "), :quit or Ctrl-D to leave.\n\n"
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
            whose = "the organisation's account" if account == "org" else "your personal account"
            out.write(f"Now checking posts for {whose}.\n")
            continue
        if line.strip() or not buffer:
            if line.strip():
                buffer.append(line)
            continue
        text = "\n".join(buffer)
        buffer = []
        try:
            verdict = checker.check(text, account=account)
            out.write("\n" + render(text, verdict, colour=use_colour(out)) + "\n\n")
        except InputError as e:
            out.write(f"Could not check that: {e}\n\n")


def _serve(args: argparse.Namespace) -> int:
    from clientsafe.api.config import ServiceConfig
    from clientsafe.api.server import NoFreePortError, bind, build_server, setup_logging, write_service_file
    from clientsafe.api.tokens import TokenStore

    try:
        sock = bind(args.port)
    except NoFreePortError as e:
        raise CliError(f"{e}. Stop the other ClientSafe or pass --port.", EXIT_USAGE) from None
    port = sock.getsockname()[1]
    log_file = setup_logging()
    tokens = TokenStore()
    if tokens.warning:
        print(f"clientsafe: WARNING: {tokens.warning}", file=sys.stderr)
    print(
        f"ClientSafe service starting on http://127.0.0.1:{port} (headless: no tray). Loading the checker...",
        flush=True,
    )
    checker = _checker(_load_org(args.org))
    write_service_file(port)
    config = ServiceConfig(port=port, allowed_origins=frozenset(args.allow_origin))
    server = build_server(checker, sock, tokens=tokens, config=config)
    print(
        f"Ready. Logs: {log_file}. Approve browsers with: clientsafe pair approve CODE. Ctrl-C or SIGTERM stops.",
        flush=True,
    )
    server.run(sockets=[sock])
    print("ClientSafe service stopped.", flush=True)
    return EXIT_OK


def _print_list(out: IO[str], items: list[Any], empty: str, line: Any) -> None:
    """A list for a person: one line per item, or a sentence saying what to do when there is none."""
    if not items:
        out.write(empty + "\n")
    for item in items:
        out.write(line(item) + "\n")


def _pair(args: argparse.Namespace, out: IO[str]) -> int:
    import datetime

    from clientsafe.api.pairing import PairingBook, PairingError
    from clientsafe.api.tokens import TokenStore

    tokens = TokenStore()
    book = PairingBook(tokens)
    if args.pair_command in {"approve", "deny"}:
        try:
            pending = book.decide(args.code, approve=args.pair_command == "approve")
        except PairingError as e:
            raise CliError(str(e), EXIT_USAGE) from None
        verb = "Approved" if args.pair_command == "approve" else "Denied"
        out.write(f"{verb}: {pending.client_name} (code {pending.code}).\n")
        return EXIT_OK
    if args.pair_command == "pending":
        _print_list(
            out,
            book.pending(),
            "No browser is waiting to pair. Start pairing from the extension's options page.",
            lambda p: f"{p.code[:3]}-{p.code[3:]}  {p.client_name}",
        )
        return EXIT_OK
    if args.pair_command == "list":
        _print_list(
            out,
            tokens.list(),
            "No browsers are paired yet. Pair one from the extension's options page.",
            lambda b: f"{b.id}  {b.name}  (paired {datetime.datetime.fromtimestamp(b.created):%Y-%m-%d %H:%M})",
        )
        return EXIT_OK
    if not tokens.revoke(args.id):
        raise CliError(f"no paired browser with id {args.id}; see `clientsafe pair list`", EXIT_USAGE)
    out.write(f"Revoked {args.id}: its token no longer works.\n")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            if args.jsonl:
                return _check_jsonl(args, sys.stdin.buffer, sys.stdout)
            if args.interactive:
                return _interactive(args, sys.stdin, sys.stdout)
            return _check_one(args, sys.stdout)
        if args.command == "serve":
            return _serve(args)
        if args.command == "pair":
            return _pair(args, sys.stdout)
        parser.print_help()
        return EXIT_USAGE
    except CliError as e:
        print(f"clientsafe: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # never a traceback for a person; say what happened and where to report it
        print(
            f"clientsafe: internal error ({type(e).__name__}). Please report this; no post text was logged.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
