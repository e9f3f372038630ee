"""The content of a Community Standards page, from the policy in force, as plain data (no markup yet).

Markdown and HTML are written from this one structure (markdown.py, html_page.py), so the two formats cannot
say different things. Nothing here reads the roster or anything about a person: only the organisation's policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clientsafe.policy.declaration import LANGUAGES, REMOVED_KINDS
from clientsafe.standards.texts import DEFAULT_VALUES, REMOVED, phrase

# Which policy_links entry is the privacy policy, best first: a public "privacy" page the organisation adds for
# this purpose, else the confidentiality sections the rules cite (which may be intranet pages: docs say so).
PRIVACY_REFS = ("privacy", "confidentiality-clients", "hipaa-minimum-necessary", "confidentiality-minors")


class StandardsError(ValueError):
    """The policy cannot make a page; the message says what to set."""


@dataclass(frozen=True)
class Link:
    label: str
    text: str
    url: str | None = None  # None: plain text (a phone number, a channel's name)


@dataclass(frozen=True)
class Page:
    lang: str
    title: str
    intro: str
    responsible_heading: str
    responsible: str
    removed_heading: str
    removed_intro: str
    removed: tuple[tuple[str, str], ...]  # (what, why)
    removed_after: str
    youth_heading: str | None
    youth: str | None
    contact_heading: str
    contact_intro: str
    contacts: tuple[Link, ...]
    privacy_heading: str | None
    privacy: str | None
    privacy_link: Link | None


def localised(value: Any, lang: str) -> str:
    """A policy text: one string for every language, or {"en": ..., "es": ...} (the other language as a fallback)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        text = value.get(lang) or next((value[k] for k in LANGUAGES if value.get(k)), "")
        return str(text)
    return ""


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {phrase('and', lang)} {items[-1]}"


def default_language(values: Mapping[str, Any]) -> str:
    return str((values.get("community_standards") or {}).get("language") or "en")


def build(values: Mapping[str, Any], lang: str | None = None) -> Page:
    """The page for the policy ``values`` (``Policy.values``) in ``lang`` (default: the policy's language)."""
    cs: Mapping[str, Any] = values.get("community_standards") or {}
    lang = lang or default_language(values)
    if lang not in LANGUAGES:
        raise StandardsError(
            f"There is no Community Standards text in '{lang}'. Choose one of: {', '.join(LANGUAGES)}."
        )
    org = str((values.get("organisation") or {}).get("name") or "").strip()
    if not org:
        raise StandardsError(
            "The policy has no organisation name, and the page is written in its name. Set organisation.name in the "
            "policy (clientsafe policy show says which file is in force) and try again."
        )
    fill = [localised(v, lang) for v in cs.get("values") or ()] or list(DEFAULT_VALUES[lang])
    # Left out: every built-in kind. An empty list is a choice (only the organisation's own items), not an omission.
    chosen = cs.get("removed")
    kinds = [k for k in REMOVED_KINDS if k in set(REMOVED_KINDS if chosen is None else chosen)]
    removed = [(REMOVED[k]["what"][lang], REMOVED[k]["why"][lang]) for k in kinds]
    removed += [(localised(e["what"], lang), localised(e["why"], lang)) for e in cs.get("removed_extra") or ()]
    youth = cs.get("youth_extra_protection", True)
    return Page(
        lang=lang,
        title=phrase("title", lang).format(org=org),
        intro=phrase("intro", lang).format(org=org, values=_join(fill, lang)),
        responsible_heading=phrase("responsible_heading", lang),
        responsible=phrase("responsible", lang),
        removed_heading=phrase("removed_heading", lang),
        removed_intro=phrase("removed_intro", lang),
        removed=tuple(removed),
        removed_after=phrase("removed_after", lang),
        youth_heading=phrase("youth_heading", lang) if youth else None,
        youth=phrase("youth", lang) if youth else None,
        contact_heading=phrase("contact_heading", lang),
        **_contacts(cs.get("contact") or {}, lang),
        **_privacy(values.get("policy_links") or {}, lang),
    )


def _contacts(contact: Mapping[str, Any], lang: str) -> dict[str, Any]:
    links: list[Link] = []
    if contact.get("private_channel"):
        links.append(Link("", localised(contact["private_channel"], lang)))
    if contact.get("phone"):
        phone = str(contact["phone"])
        dial = "".join(c for c in phone if c.isdigit() or c == "+")
        links.append(Link(phrase("phone", lang), phone, f"tel:{dial}" if dial else None))
    if contact.get("email"):
        email = str(contact["email"])
        links.append(Link(phrase("email", lang), email, f"mailto:{email}"))
    if contact.get("url"):
        links.append(Link(phrase("web", lang), str(contact["url"]), str(contact["url"])))
    intro = phrase("contact_intro" if links else "contact_none", lang)
    return {"contact_intro": intro, "contacts": tuple(links)}


def _privacy(links: Mapping[str, Any], lang: str) -> dict[str, Any]:
    ref = next((r for r in PRIVACY_REFS if isinstance(links.get(r), Mapping) and links[r].get("url")), None)
    if ref is None:
        return {"privacy_heading": None, "privacy": None, "privacy_link": None}
    link = links[ref]
    title = str(link.get("title") or phrase("privacy_heading", lang))
    return {
        "privacy_heading": phrase("privacy_heading", lang),
        "privacy": phrase("privacy", lang),
        "privacy_link": Link("", title, str(link["url"])),
    }
