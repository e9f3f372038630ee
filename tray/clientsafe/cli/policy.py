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
from clientsafe.policy.model import SOURCES, masked
from clientsafe.policy.store import source_name
from clientsafe.say import _, shown


def register(sub: Any) -> None:
    policy = sub.add_parser("policy", help=_("show the organisation policy in force, or check a policy file"))
    actions = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=_("each setting in force, where it came from, and which are locked"))
    show.add_argument("--json", action="store_true", help=_("print it as JSON"))
    show.add_argument("--org", type=Path, default=None, help=_("a policy file in place of the user's policy.json"))
    check = actions.add_parser("check", help=_("validate a policy file; exit 3 with the problems when it is wrong"))
    check.add_argument("file", type=Path)
    actions.add_parser("schema", help=_("print the policy's JSON Schema (shared/policy.schema.json)"))
    templates = actions.add_parser(
        "templates",
        help=_("write IT's Group Policy (ADMX/ADML) and macOS profile templates (docs/managed-settings.md)"),
    )
    templates.add_argument("--out", type=Path, required=True, help=_("the folder to write them into (made if missing)"))
    extension = templates.add_mutually_exclusive_group()
    extension.add_argument(
        "--extension-id", help=_("the organisation's Chrome/Edge extension ID, for the extension's templates")
    )
    extension.add_argument(
        "--extension-json", type=Path, help=_("read the extension ID from the extension build's extension.json")
    )


def run(args: argparse.Namespace) -> int:
    if args.policy_command == "check":
        return _check(args.file, sys.stdout, sys.stderr)
    if args.policy_command == "schema":
        sys.stdout.write(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    if args.policy_command == "templates":
        return _templates(args.out, _extension_id(args.extension_id, args.extension_json), sys.stdout)
    try:
        policy = PolicyStore(explicit_path=args.org).load()
    except PolicyFileError as e:
        raise CliError(shown(e), EXIT_USAGE) from None
    if args.json:
        sys.stdout.write(json.dumps(as_json(policy), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(policy))
    return EXIT_INPUT if policy.problems else EXIT_OK


def as_json(policy: Policy) -> dict[str, Any]:
    return {
        "version": policy.version,
        "values": masked(policy.values),
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


# The rule-action columns are the policy's own keys for the two kinds of account (rule_actions: {"personal": ...,
# "org": ...}), IT's words like the setting names: the same in every language.
ACCOUNTS = ("personal", "org")


def render(policy: Policy) -> str:
    lines = [_("ClientSafe policy in force (version {version})").format(version=policy.version), ""]
    lines.append(_("Read from:"))
    for source in SOURCES:
        if source in policy.layers:
            lines.append(f"  {shown(source_name(source)):<20} {policy.layers[source]}")
    if not policy.layers:
        lines.append("  " + _("no policy file: built-in defaults only"))
    for title, messages in ((_("Problems:"), policy.problems), (_("Ignored:"), policy.ignored)):
        if messages:
            lines += ["", title] + [f"  - {shown(m)}" for m in messages]
    # Setting names, values and rule codes are IT's words in the policy file: the same in every language.
    lines += ["", f"{_('setting'):<26} {_('value'):<60}  {_('from'):<20} {_('locked')}"]
    locked = _("locked")
    for setting in POLICY:
        if setting.layers == "system":
            continue  # policy_url and locked are shown above (Read from) and in the last column
        name = setting.name
        lock = locked if name in policy.locked else ""
        value = _short(masked({name: policy[name]})[name])
        lines.append(f"{name:<26} {value:<60}  {shown(source_name(policy.source(name))):<20} {lock}".rstrip())
    personal, org = ACCOUNTS
    lines += ["", f"{_('rule actions in force'):<26} {personal:<9} {org}"]
    for code, action in sorted(policy.rule_actions().items()):
        lines.append(f"{code:<26} {action.get('personal', 'allow'):<9} {action.get('org', 'allow')}")
    return "\n".join(lines) + "\n"


def _extension_id(given: str | None, build_file: Path | None) -> str | None:
    if build_file is None:
        return given
    try:
        return str(json.loads(build_file.read_text(encoding="utf-8"))["chromium_id"])
    except OSError as e:
        raise CliError(
            _(
                "{file}: cannot be read ({problem}). Build the extension first "
                "(python packaging/extension/build.py), or give --extension-id."
            ).format(file=build_file, problem=e.strerror),
            EXIT_USAGE,
        ) from None
    except (ValueError, KeyError, TypeError):
        raise CliError(
            _(
                "{file}: has no chromium_id; is it the extension.json of an extension build? "
                "Give --extension-id instead."
            ).format(file=build_file),
            EXIT_USAGE,
        ) from None


def _templates(folder: Path, extension_id: str | None, out: IO[str]) -> int:
    from clientsafe.policy.templates import TemplateError, write_templates

    try:
        written = write_templates(folder, extension_id)
    except TemplateError as e:
        raise CliError(shown(e), EXIT_USAGE) from None
    out.write(_("Wrote {count} files to {folder}:").format(count=len(written), folder=folder) + "\n")
    for path in written:
        out.write(f"  {path.relative_to(folder)}\n")
    if extension_id is None:
        out.write(
            _(
                "No extension templates: give --extension-id (your extension build's chromium_id) to add the "
                "extension's Chrome and Edge settings."
            )
            + "\n"
        )
    out.write(_("docs/managed-settings.md says where to put them.") + "\n")
    return EXIT_OK


def _check(path: Path, out: IO[str], err: IO[str]) -> int:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CliError(
            _("{file}: cannot be read ({problem})").format(file=path, problem=e.strerror), EXIT_USAGE
        ) from None
    try:
        document = parse(raw, str(path))
    except PolicyFileError as e:
        err.write(_("{file}: the policy is not valid:").format(file=e.where) + "\n")
        for problem in e.problems:
            err.write(f"  - {shown(problem)}\n")
        err.write(_("Fix the fields above; docs/policy.md lists every setting.") + "\n")
        return EXIT_INPUT
    system_only = [n for n in document if BY_NAME[n].layers == "system"]
    said = _("{file}: valid (1 setting).") if len(document) == 1 else _("{file}: valid ({count} settings).")
    out.write(said.format(file=path, count=len(document)) + "\n")
    if system_only:
        out.write(
            _(
                "Note: {settings}: read only from the IT-managed system policy file (locked also from the policy "
                "URL); a user's policy.json ignores them."
            ).format(settings=", ".join(system_only))
            + "\n"
        )
    return EXIT_OK
