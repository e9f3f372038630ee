"""The one error type of the roster package: a problem a person can fix, said in one plain sentence."""

from __future__ import annotations


class RosterError(ValueError):
    """The roster could not be imported or read; the message says why and what to do next.

    The previous roster (if any) is still in force whenever this is raised during an import.
    """
