"""``clientsafe policy``: the organisation policy in force and where each value came from; validate a file.

Exit codes: ``show`` 0, or 3 when a layer has a problem (the policy shown is still the one in force);
``check`` 0 when the file is valid, 3 with one line per problem, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CliError
from clientsafe.policy import POLICY, Policy, PolicyFileError, PolicyStore, build_schema
from clientsafe.policy.declaration import BY_NAME
from clientsafe.policy.files import parse
from clientsafe.policy.model import SOURCE_NAMES


def register(sub: Any) -> None:
    policy = sub.add_parser("policy", help="show the organisation policy in force, or check a policy file")
    actions = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="each setting in force, where it came from, and which are locked")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.add_argument("--org", type=Path, default=None, help="a policy file in place of the user's policy.json")
    check = actions.add_parser("check", help="validate a policy file; exit 3 with the problems when it is wrong")
    check.add_argument("file", type=Path)
    actions.add_parser("schema", help="print the policy's JSON Schema (shared/policy.schema.json)")


def run(args: argparse.Namespace) -> int:
    if args.policy_command == "check":
        return _check(args.file, sys.stdout, sys.stderr)
    if args.policy_command == "schema":
        sys.stdout.write(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    try:
        policy = PolicyStore(explicit_path=args.org).load()
    except PolicyFileError as e:
        raise CliError(str(e), EXIT_USAGE) from None
    if args.json:
        sys.stdout.write(json.dumps(as_json(policy), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(policy))
    return EXIT_INPUT if policy.problems else EXIT_OK


def as_json(policy: Policy) -> dict[str, Any]:
    return {
        "version": policy.version,
        "values": policy.values,
        "sources": {s.name: policy.source(s.name) for s in POLICY},
        "locked": sorted(policy.locked),
        "layers": policy.layers,
        "problems": list(policy.problems),
        "ignored": list(policy.ignored),
        "rule_actions_in_force": policy.rule_actions(),
    }


def _short(value: Any, width: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def render(policy: Policy) -> str:
    lines = [f"ClientSafe policy in force (version {policy.version})", ""]
    lines.append("Read from:")
    for source in ("url", "system", "user", "file"):
        if source in policy.layers:
            lines.append(f"  {SOURCE_NAMES[source]:<20} {policy.layers[source]}")
    if not policy.layers:
        lines.append("  no policy file: built-in defaults only")
    for title, messages in (("Problems", policy.problems), ("Ignored", policy.ignored)):
        if messages:
            lines += ["", f"{title}:"] + [f"  - {m}" for m in messages]
    lines += ["", f"{'setting':<26} {'value':<60}  {'from':<20} locked"]
    for setting in POLICY:
        if setting.layers == "system":
            continue  # policy_url and locked are shown above (Read from) and in the last column
        name = setting.name
        lock = "locked" if name in policy.locked else ""
        lines.append(f"{name:<26} {_short(policy[name]):<60}  {SOURCE_NAMES[policy.source(name)]:<20} {lock}".rstrip())
    lines += ["", f"{'rule actions in force':<26} {'personal':<9} org"]
    for code, action in sorted(policy.rule_actions().items()):
        lines.append(f"{code:<26} {action.get('personal', 'allow'):<9} {action.get('org', 'allow')}")
    return "\n".join(lines) + "\n"


def _check(path: Path, out: IO[str], err: IO[str]) -> int:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CliError(f"{path}: cannot be read ({e.strerror})", EXIT_USAGE) from None
    try:
        document = parse(raw, str(path))
    except PolicyFileError as e:
        err.write(f"{e.where}: the policy is not valid:\n")
        for problem in e.problems:
            err.write(f"  - {problem}\n")
        err.write("Fix the fields above; docs/policy.md lists every setting.\n")
        return EXIT_INPUT
    system_only = [n for n in document if BY_NAME[n].layers == "system"]
    out.write(f"{path}: valid ({len(document)} setting{'s' if len(document) != 1 else ''}).\n")
    if system_only:
        out.write(
            f"Note: {', '.join(system_only)}: read only from the IT-managed system policy file"
            " (locked also from the policy URL); a user's policy.json ignores them.\n"
        )
    return EXIT_OK
