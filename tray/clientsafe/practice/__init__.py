"""Practice mode: rounds of realistic posts, comments, review replies and friend requests where a person
chooses *fine / needs a second look / must not post*, sees the right answer, and the round's score is recorded
content-free for the organisation (issue 15).

``schema.py`` is a scenario's JSON Schema (the policy declaration uses it too), ``library.py`` loads and validates
the scenarios (the built-in library and the organisation's ``practice_examples``), ``rounds.py`` picks a round,
``scoring.py`` scores it, ``sections.py`` links each answer to the organisation's policy, ``record.py`` writes the
audit event and reads it back (status, HR export), ``state.py`` remembers the last round's ids and date,
``reminder.py`` says when a round is due, and ``session.py`` ties them together for the tray window and the
service's routes (api/routes_practice.py). No Qt here: the window and the extension page are clients of it.
"""

from __future__ import annotations

from clientsafe.practice.library import ANSWERS, KINDS, LANGS, SECTIONS, LibraryError, Scenario, load_library
from clientsafe.practice.rounds import ROUND_SIZE, pick_round
from clientsafe.practice.scoring import PASS_MARK, RoundResult, score_round

__all__ = [
    "ANSWERS",
    "KINDS",
    "LANGS",
    "PASS_MARK",
    "ROUND_SIZE",
    "SECTIONS",
    "LibraryError",
    "RoundResult",
    "Scenario",
    "load_library",
    "pick_round",
    "score_round",
]
