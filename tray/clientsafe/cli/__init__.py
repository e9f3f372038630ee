"""The ``clientsafe`` command: one module per subcommand, each with ``register(sub)`` and ``run(args)``.

Exit codes shared by every subcommand (docs/cli.md): 0 fine, 2 usage error, 3 bad input, 4 the engine could
not start, 70 an internal error (reported without a traceback); ``check`` adds 10 warn and 20 block.
"""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from clientsafe import __version__, say
from clientsafe.cli import (
    adapters,
    argparse_words,
    audit,
    check,
    native_host,
    pair,
    policy,
    roster,
    self_test,
    serve,
    standards,
    training,
    tray,
)
from clientsafe.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, CliError
from clientsafe.say import _

# The order here is the order of `clientsafe --help`.
COMMANDS: dict[str, ModuleType] = {
    "check": check,
    "serve": serve,
    "pair": pair,
    "policy": policy,
    "audit": audit,
    "roster": roster,
    "standards": standards,
    "training": training,
    "adapters": adapters,
    "self-test": self_test,
    "native-host": native_host,
    "tray": tray,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clientsafe",
        description=_("ClientSafe checks social-media posts for client information before they are posted."),
    )
    # Python 3.11's version action has an English literal for its help, not a msgid argparse_words can translate.
    parser.add_argument(
        "--version",
        action="version",
        version=f"clientsafe {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--self-test", action="store_true", help=_("same as `clientsafe self-test`: check this install works offline")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS.values():
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Each command starts in the computer's language and takes the policy's once it has read it (clientsafe/say.py);
    # a previous command in the same process (the tray, tests) must not leave its policy's language behind.
    say.use(None)
    # argparse's own words (usage, errors, --help) in that language too, only while it builds and parses.
    with argparse_words.speaking():
        parser = _parser()
        args = parser.parse_args(argv)
        if args.self_test and not args.command:
            args = parser.parse_args(["self-test"])
        module = COMMANDS.get(args.command or "")
        if module is None:
            parser.print_help()
            return EXIT_USAGE
    try:
        return int(module.run(args))
    except CliError as e:
        print(f"clientsafe: {say.error_text(e)}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # never a traceback for a person; say what happened and where to report it
        print(
            "clientsafe: "
            + _("internal error ({error}). Please report this; no post text was logged.").format(
                error=type(e).__name__
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
