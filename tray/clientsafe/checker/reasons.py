"""The plain-language reasons (``shared/reasons.json``, packaged as ``clientsafe/data/reasons.json``) and the titles
of the policy sections they cite (``shared/policy_sections.json``), in English and Spanish.

Its own module so the service's routes can read them without importing the engine (spaCy and Presidio take
a second or more to import, and the service should be listening while the engine warms up).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


def load_reasons() -> dict[str, dict[str, str]]:
    text = (resources.files("clientsafe") / "data" / "reasons.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def reasons() -> dict[str, dict]:
    """``load_reasons()``, read once: the renderer calls it for every verdict."""
    return load_reasons()


@cache
def policy_section_titles() -> dict[str, dict[str, str]]:
    """policy_ref -> {"en": title, "es": title}: the handbook's name for each section a reason cites."""
    text = (resources.files("clientsafe") / "data" / "policy_sections.json").read_text(encoding="utf-8")
    return json.loads(text)


def localised(info: dict, lang: str) -> dict:
    """A reason's texts in ``lang`` where reasons.json has them (nested under "es"), English otherwise."""
    other = info.get(lang) if lang != "en" else None
    return {**info, **other} if isinstance(other, dict) else info
