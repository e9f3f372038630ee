"""``clientsafe standards``: the organisation's Community Standards page, written from the policy in force.

Exit codes: 0 written; 2 a bad ``--org`` file; 3 the policy cannot make a page (no organisation name) or the
output file cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clientsafe.atomic_file import atomic_write
from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, CliError, load_policy
from clientsafe.policy.declaration import LANGUAGES
from clientsafe.say import _, shown
from clientsafe.standards import FORMATS, StandardsError, generate


def register(sub: Any) -> None:
    standards = sub.add_parser(
        "standards",
        help=_("write the organisation's Community Standards page (Markdown or HTML) from the policy"),
        description=_(
            "Write the organisation's Community Standards page from the policy's community_standards, "
            "organisation and policy_links settings (docs/community-standards.md)."
        ),
    )
    standards.add_argument("--format", choices=FORMATS, default="md", help=_("md (Markdown, the default) or html"))
    standards.add_argument("--lang", choices=LANGUAGES, default=None, help=_("en or es (default: the policy's)"))
    standards.add_argument("--out", type=Path, default=None, help=_("write to this file instead of the screen"))
    standards.add_argument("--org", type=Path, default=None, help=_("a policy file in place of the user's policy.json"))


def run(args: argparse.Namespace) -> int:
    policy = load_policy(args.org)
    try:
        text = generate(policy.values, args.format, args.lang)
    except StandardsError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        # Whole or not at all: a page half-written over last year's would be published as it is.
        with atomic_write(args.out, create_folder=False) as f:
            f.write(text)
    except OSError as e:
        raise CliError(
            _(
                "{file} could not be written ({problem}). Check the folder exists and is writable, or choose "
                "another file with --out."
            ).format(file=args.out, problem=e.strerror or type(e).__name__),
            EXIT_INPUT,
        ) from None
    sys.stdout.write(
        _("Community Standards ({format}) written to {file}").format(format=args.format, file=args.out) + "\n"
    )
    return EXIT_OK
