"""Every reason and every policy section a reason cites can be shown in Spanish, in the same voice as the rest of
ClientSafe (usted, as the extension, the tray and the practice handbook speak to staff)."""

from __future__ import annotations

import json
import re

import pytest

from clientsafe.checker.engine import LEARNED_POLICY_REFS
from clientsafe.policy.declaration import DEFAULT_POLICY_TITLES
from clientsafe.roster.match import PersonMatch
from clientsafe.roster.relationship import advise
from tests.conftest import ROOT

REASONS = json.loads((ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
SECTIONS = json.loads((ROOT / "shared" / "policy_sections.json").read_text(encoding="utf-8"))
RULES = json.loads((ROOT / "tray" / "clientsafe" / "checker" / "rules.json").read_text(encoding="utf-8"))["rules"]
# Fields a person reads; suggested_reply only where the English has one.
FIELDS = ("title", "message", "example")


def _cited_refs() -> set[str]:
    refs = {r["policy_ref"] for r in RULES} | set(LEARNED_POLICY_REFS.values()) | {"fail-mode"}
    for who in ({"client": True}, {"client": True, "minor": True}, {"client": False, "guardian": True}):
        refs.add(advise(PersonMatch(**who), "incoming_request").policy_ref or "")
    return refs - {""}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_reason_has_spanish_title_message_example_and_reply(code):
    english = REASONS[code]
    spanish = english.get("es") or {}
    wanted = [f for f in FIELDS if english.get(f)] + (["suggested_reply"] if english.get("suggested_reply") else [])
    for field in wanted:
        assert isinstance(spanish.get(field), str) and spanish[field].strip(), f"{code} has no Spanish {field}"
        assert spanish[field] != english[field], f"{code}: the Spanish {field} is the English one"


@pytest.mark.parametrize("code", sorted(REASONS))
def test_the_spanish_reasons_speak_to_staff_as_usted(code):
    """Outside quoted example posts and replies, no tú forms: one register with the panel, tray and handbook."""
    for field, text in REASONS[code].get("es", {}).items():
        if not isinstance(text, str) or field == "suggested_reply":
            continue
        own_words = re.sub(r"\"[^\"]*\"", " ", text)  # the quoted posts and replies are someone else's words
        found = re.findall(
            r"\b(tu|tus|atiendes|puedes|eres|mantenlo|mantenla|asegúrate|pídele|menciones|incluyas|digas|mantén|rechaza)\b",
            own_words,
            flags=re.IGNORECASE,
        )
        assert not found, f"{code}.{field} says {found} (tú) to the person"


def test_every_policy_section_a_reason_cites_has_an_english_and_a_spanish_title():
    for ref in sorted(_cited_refs()):
        titles = SECTIONS.get(ref) or {}
        assert titles.get("en") and titles.get("es") and titles["en"] != titles["es"], ref


def test_the_policy_titles_the_extension_config_gives_are_the_shared_english_ones():
    # One source: GET /v1/config's policy_links titles and the Explanation's come from shared/policy_sections.json.
    assert {ref: titles["en"] for ref, titles in SECTIONS.items()} == DEFAULT_POLICY_TITLES
