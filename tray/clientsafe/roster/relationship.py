"""What to do about a friend, follow or message request, given whether the person is a client (or a client's
parent or guardian, where the roster lists them).

Staff should not connect with the people they serve, or their families, from personal accounts (the
organisation's social media policy); a young person never. The decline scripts are short and kind: the person
asking did nothing wrong. The policy's ``decline_scripts`` may replace them, per person and language.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from clientsafe.roster.match import PersonMatch

Kind = Literal["incoming_request", "outgoing_request", "message_request"]
KINDS: tuple[str, ...] = ("incoming_request", "outgoing_request", "message_request")
LANGUAGES: tuple[str, ...] = ("en", "es")

_CLIENT: dict[str, dict[str, str]] = {
    "incoming_request": {
        "en": "Thanks for reaching out! Our policy doesn't let me connect with people we serve on personal accounts; "
        "you can always reach me at work.",
        "es": "¡Gracias por escribirme! Nuestra política no me permite conectar con las personas que atendemos en "
        "mis cuentas personales; siempre puedes contactarme en el trabajo.",
    },
    "outgoing_request": {
        "en": "It was good to see you! Our policy doesn't let me connect with people we serve on personal accounts, "
        "but you can follow our organisation's page and always reach me at work.",
        "es": "¡Me dio gusto verte! Nuestra política no me permite conectar con las personas que atendemos en mis "
        "cuentas personales, pero puedes seguir la página de nuestra organización y siempre contactarme en el "
        "trabajo.",
    },
    "message_request": {
        "en": "Thanks for your message! I can't talk about our work together on my personal account; please reach "
        "me at work so I can help you properly.",
        "es": "¡Gracias por tu mensaje! No puedo hablar de nuestro trabajo en mi cuenta personal; por favor, "
        "contáctame en el trabajo para poder ayudarte bien.",
    },
}
_GUARDIAN: dict[str, dict[str, str]] = {
    "incoming_request": {
        "en": "Thank you for reaching out! Our policy doesn't let me connect on personal accounts with the families "
        "of people we serve; you can always reach me at work.",
        "es": "¡Gracias por escribirme! Nuestra política no me permite conectar en mis cuentas personales con las "
        "familias de las personas que atendemos; siempre puede contactarme en el trabajo.",
    },
    "outgoing_request": {
        "en": "It was good to meet you! Our policy doesn't let me connect on personal accounts with the families of "
        "people we serve, but you can follow our organisation's page and always reach me at work.",
        "es": "¡Me dio gusto conocerle! Nuestra política no me permite conectar en mis cuentas personales con las "
        "familias de las personas que atendemos, pero puede seguir la página de nuestra organización y siempre "
        "contactarme en el trabajo.",
    },
    "message_request": {
        "en": "Thank you for your message! I can't talk about our work with your family on my personal account; "
        "please reach me at work so I can help properly.",
        "es": "¡Gracias por su mensaje! No puedo hablar de nuestro trabajo con su familia en mi cuenta personal; por "
        "favor, contácteme en el trabajo para poder ayudar bien.",
    },
}
# Built-in scripts per person, kind of request and language. A young client gets the client's words: kind,
# short, and pointing to work channels, which is what the boundaries policy asks of staff with minors too.
BUILT_IN: dict[str, dict[str, dict[str, str]]] = {"client": _CLIENT, "minor": _CLIENT, "guardian": _GUARDIAN}
# The English scripts, as before the policy could set them (kept for callers that read them directly).
DECLINE_SCRIPTS: dict[str, str] = {kind: texts["en"] for kind, texts in _CLIENT.items()}


@dataclass(frozen=True)
class Advice:
    action: Literal["allow", "warn", "block"]
    code: str | None  # a reason code in data/reasons.json
    policy_ref: str | None
    decline_script: str | None
    lang: str = "en"  # the language of decline_script


def _two_letters(tag: str | None) -> str | None:
    """ "es-MX", "es_ES.UTF-8", "Spanish_Spain" -> "es"; None for a language ClientSafe has no scripts in."""
    if not tag:
        return None
    head = tag.replace("_", "-").split("-")[0].split(".")[0].lower()
    head = {"spanish": "es", "english": "en"}.get(head, head)
    return head if head in LANGUAGES else None


def system_language() -> str | None:
    """The person's language from the system: POSIX locale variables, else Python's view of the locale."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return _two_letters(value)
    try:
        return _two_letters(locale.getlocale()[0])
    except ValueError:
        return None


def answer_language(requested: str | None, scripts: Mapping[str, Any] | None) -> str:
    """The language of a decline script: what the browser asks for, else the policy's, else the system's, else en."""
    chosen = _two_letters(requested) or _two_letters(str((scripts or {}).get("language") or ""))
    return chosen or system_language() or "en"


def decline_script(who: str, kind: str, lang: str, scripts: Mapping[str, Any] | None = None) -> str:
    """The policy's script for this person and language, else the built-in one for this kind of request."""
    own = (scripts or {}).get(who) or {}
    return str(own.get(lang) or BUILT_IN[who][kind][lang])


def advise(person: PersonMatch, kind: str, lang: str = "en", scripts: Mapping[str, Any] | None = None) -> Advice:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}")
    # A message can be answered kindly and moved to work channels; a connection cannot be half-made.
    adult_action: Literal["warn", "block"] = "warn" if kind == "message_request" else "block"
    if person.client and person.minor:
        script = decline_script("minor", kind, lang, scripts)
        return Advice("block", "RELATIONSHIP_CLIENT_MINOR", "boundaries-minors", script, lang)
    if person.client:
        script = decline_script("client", kind, lang, scripts)
        return Advice(adult_action, "RELATIONSHIP_CLIENT", "social-media-boundaries", script, lang)
    if person.guardian:
        # A parent's friend request is about the client too: accepting it tells their circle whose worker you are.
        script = decline_script("guardian", kind, lang, scripts)
        return Advice(adult_action, "RELATIONSHIP_GUARDIAN", "social-media-boundaries", script, lang)
    return Advice("allow", None, None, None, lang)
