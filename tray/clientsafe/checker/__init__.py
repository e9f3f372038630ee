"""The local PII/PHI checker. No Qt here: the tray, the API and the CLI are all clients of this."""

from clientsafe.checker.engine import ACCOUNTS, Checker, InputError
from clientsafe.checker.org import OrgProfile
from clientsafe.checker.verdict import Finding, Reason, Suggestion, Verdict

__all__ = ["ACCOUNTS", "Checker", "Finding", "InputError", "OrgProfile", "Reason", "Suggestion", "Verdict"]
