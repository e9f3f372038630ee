"""What to do about a friend, follow or message request, given whether the person is a client.

Staff should not connect with the people they serve from personal accounts (the organisation's social
media policy); a young person never. The decline scripts are short and kind: the person asking did
nothing wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from clientsafe.roster.match import PersonMatch

Kind = Literal["incoming_request", "outgoing_request", "message_request"]
KINDS: tuple[str, ...] = ("incoming_request", "outgoing_request", "message_request")

DECLINE_SCRIPTS: dict[str, str] = {
    "incoming_request": (
        "Thanks for reaching out! Our policy doesn't let me connect with people we serve on personal accounts; "
        "you can always reach me at work."
    ),
    "outgoing_request": (
        "It was good to see you! Our policy doesn't let me connect with people we serve on personal accounts, "
        "but you can follow our organisation's page and always reach me at work."
    ),
    "message_request": (
        "Thanks for your message! I can't talk about our work together on my personal account; please reach "
        "me at work so I can help you properly."
    ),
}


@dataclass(frozen=True)
class Advice:
    action: Literal["allow", "warn", "block"]
    code: str | None  # a reason code in data/reasons.json
    policy_ref: str | None
    decline_script: str | None


def advise(person: PersonMatch, kind: str) -> Advice:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if not person.client:
        return Advice("allow", None, None, None)
    script = DECLINE_SCRIPTS[kind]
    if person.minor:
        return Advice("block", "RELATIONSHIP_CLIENT_MINOR", "boundaries-minors", script)
    # A message can be answered kindly and moved to work channels; a connection cannot be half-made.
    action: Literal["warn", "block"] = "warn" if kind == "message_request" else "block"
    return Advice(action, "RELATIONSHIP_CLIENT", "social-media-boundaries", script)
