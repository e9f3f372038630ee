"""What every ``clientsafe`` subcommand shares: exit codes, the one error type, loading the organisation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

from clientsafe.checker.org import OrgProfile
from clientsafe.policy import Policy, PolicyFileError, PolicyStore
from clientsafe.say import _, error_text, shown, use

EXIT_OK, EXIT_WARN, EXIT_BLOCK = 0, 10, 20
EXIT_USAGE, EXIT_INPUT, EXIT_ENGINE, EXIT_INTERNAL = 2, 3, 4, 70
EXIT_UNAVAILABLE = 6  # something ClientSafe keeps cannot be read just now (the OS keyring fails: locked?)


class CliError(Exception):
    """A problem a person can fix: printed as one line, no traceback, with this exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def load_org(path: Path | None) -> OrgProfile:
    """Just the organisation's details from the policy in force (``--org FILE`` in place of the user's file)."""
    return load_policy(path).org_profile()


def load_policy(path: Path | None, err: IO[str] | None = None, store: PolicyStore | None = None) -> Policy:
    """The policy in force (``--org FILE`` in place of the user's file); problems are printed, not fatal.

    A broken system or user file is reported and its last good copy stays in force; a broken ``--org`` file,
    which the person named on purpose, is an error.
    """
    err = err or sys.stderr
    try:
        policy = (store or PolicyStore(explicit_path=path)).load()
    except PolicyFileError as e:
        raise CliError(
            _("{problem}. Fix it, or pass another file with --org.").format(problem=shown(e)), EXIT_USAGE
        ) from None
    # From here on the command speaks the policy's language (its `language` setting, else the computer's).
    use(policy)
    for message in (*policy.problems, *policy.ignored):
        err.write("clientsafe: " + _("policy: {message}").format(message=shown(message)) + "\n")
    return policy


def print_list(out: IO[str], items: list[Any], empty: str, line: Any) -> None:
    """A list for a person: one line per item, or a sentence saying what to do when there is none."""
    if not items:
        out.write(empty + "\n")
    for item in items:
        out.write(line(item) + "\n")


def make_checker(org: OrgProfile, policy: Policy | None = None):  # type: ignore[no-untyped-def]
    from clientsafe.checker.analyzer import ModelMissingError
    from clientsafe.checker.engine import build_checker
    from clientsafe.settings import SettingError

    try:
        return build_checker(org, policy)
    except (ModelMissingError, SettingError) as e:
        raise CliError(error_text(e), EXIT_ENGINE) from None
