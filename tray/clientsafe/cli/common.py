"""What every ``clientsafe`` subcommand shares: exit codes, the one error type, loading the organisation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from clientsafe import paths

if TYPE_CHECKING:  # importing clientsafe.checker loads spaCy: only the commands that check pay for it
    from clientsafe.checker.org import OrgProfile

EXIT_OK, EXIT_WARN, EXIT_BLOCK = 0, 10, 20
EXIT_USAGE, EXIT_INPUT, EXIT_ENGINE, EXIT_INTERNAL = 2, 3, 4, 70


class CliError(Exception):
    """A problem a person can fix: printed as one line, no traceback, with this exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def load_org(path: Path | None) -> OrgProfile:
    from clientsafe.checker.org import OrgProfile

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


def print_list(out: IO[str], items: list[Any], empty: str, line: Any) -> None:
    """A list for a person: one line per item, or a sentence saying what to do when there is none."""
    if not items:
        out.write(empty + "\n")
    for item in items:
        out.write(line(item) + "\n")


def make_checker(org: OrgProfile):  # type: ignore[no-untyped-def]
    from clientsafe.checker.analyzer import ModelMissingError
    from clientsafe.checker.engine import Checker
    from clientsafe.settings import SettingError

    try:
        return Checker(org=org)
    except (ModelMissingError, SettingError) as e:
        raise CliError(str(e), EXIT_ENGINE) from None
