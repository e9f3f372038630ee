"""What the tray window and the service share: the library in force (built-in plus the policy's examples), the
person's language, a new round, and finishing one (score, record, remember). No Qt."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from clientsafe import i18n
from clientsafe.practice.library import Scenario, load_library
from clientsafe.practice.record import record_round
from clientsafe.practice.rounds import pick_round
from clientsafe.practice.scoring import RoundResult, score_round
from clientsafe.practice.sections import SectionLink, link_for
from clientsafe.practice.state import load_state


def default_language(policy: Any = None) -> str:
    """The language ClientSafe speaks (``i18n.language``): the policy's ``language``, else the system's, else en."""
    return i18n.language(policy)


def library(policy: Any = None, path: Path | None = None) -> list[Scenario]:
    """The built-in scenarios (or ``path``'s) and the organisation's ``practice_examples``; raises LibraryError."""
    examples = policy["practice_examples"] if policy is not None else []
    return load_library(path, examples)


def new_round(scenarios: Sequence[Scenario], lang: str, rng: random.Random | None = None) -> list[Scenario]:
    """A round that avoids the scenarios of the last round finished on this machine."""
    return pick_round(scenarios, lang, load_state().last_ids, rng)


def section_link(scenario: Scenario, policy: Any = None) -> SectionLink:
    links = policy.policy_links() if policy is not None else {}
    standards = policy["community_standards_url"] if policy is not None else None
    return link_for(scenario.policy_section, scenario.lang, links, standards)


def finish(round_: Sequence[Scenario], choices: Mapping[str, str], lang: str, store: Any) -> tuple[RoundResult, Any]:
    """Score the round, record it in the audit (content-free) and remember its ids; returns (result, ticket)."""
    result = score_round(round_, choices, lang)
    ticket = record_round(store, result, [s.id for s in round_])
    return result, ticket
