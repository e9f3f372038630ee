"""The organisation's own public details, which must never warn.

Its address, phone and hotline, e-mail, website and handles, its staff, board, public officials and
sponsors appear in public posts all the time. The policy file's ``organisation`` section supplies them
(see docs/policy.md); tests use ``tests/data/org_profile.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def phrase_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every [start, end) where one of ``phrases`` occurs in ``text``, ignoring case."""
    lowered = text.lower()
    spans = []
    for phrase in phrases:
        needle = phrase.lower()
        at = lowered.find(needle)
        while at != -1:
            spans.append((at, at + len(needle)))
            at = lowered.find(needle, at + 1)
    return spans


def _key(text: str) -> str:
    """Compare loosely: case, punctuation and spacing do not matter ("(541) 555-0142" == "541.555.0142")."""
    return re.sub(r"[\W_]+", "", text.lower())


_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension)\s*\d{1,6}\s*$", re.IGNORECASE)


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", _EXTENSION.sub("", text))
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _host(url: str) -> str:
    """ "https://www.Riverbendyfs.org/give" -> "riverbendyfs.org"."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0].split("?", 1)[0]
    return host.removeprefix("www.").rstrip(".")


@dataclass(frozen=True)
class OrgProfile:
    name: str = ""
    aliases: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    public_people: tuple[str, ...] = ()
    sponsors: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    _phone_keys: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrgProfile:
        people = tuple(p["name"] if isinstance(p, dict) else str(p) for p in data.get("public_people", ()))
        phones = tuple(str(p) for p in data.get("phones", ()))
        return cls(
            name=str(data.get("name", "")),
            aliases=tuple(data.get("aliases", ())),
            addresses=tuple(data.get("addresses", ())),
            phones=phones,
            emails=tuple(data.get("emails", ())),
            websites=tuple(data.get("websites", ())),
            handles=tuple(data.get("handles", ())),
            public_people=people,
            sponsors=tuple(data.get("sponsors", ())),
            programs=tuple(data.get("programs", ())),
            _phone_keys=frozenset(_digits(p) for p in phones),
        )

    @classmethod
    def load(cls, path: Path) -> OrgProfile:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return cls.from_dict(data.get("organisation", data))

    def program_names(self) -> tuple[str, ...]:
        """Programme names and their short forms ("Next Steps Mentoring" is also "Next Steps")."""
        generic = {"program", "programme", "center", "centre", "clinic", "mentoring", "services", "project"}
        names = set()
        for name in self.programs:
            names.add(name)
            words = name.split()
            if len(words) > 1 and words[-1].lower() in generic:
                names.add(" ".join(words[:-1]))
        return tuple(sorted(names, key=len, reverse=True))

    def names_in_text(self) -> tuple[str, ...]:
        """Phrases whose every mention is the organisation itself (names, sponsors, programs)."""
        return tuple(n for n in (self.name, *self.aliases, *self.sponsors, *self.programs) if n)

    def is_own(self, finding_type: str, value: str, text: str = "") -> bool:
        """True when a finding is one of the organisation's own public details."""
        key = _key(value)
        if not key:
            return False
        if finding_type == "PHONE_NUMBER":
            digits = _digits(value)
            # The same number written with or without its country code ("+52 55 1234 5678", "55 1234 5678").
            return digits in self._phone_keys or any(
                min(len(digits), len(own)) >= 10 and (digits.endswith(own) or own.endswith(digits))
                for own in self._phone_keys
            )
        if finding_type == "URL":
            # Its own site and any page or subdomain of it ("riverbendyfs.org/give", "shop.riverbendyfs.org").
            host = _host(value)
            return any(host == own or host.endswith("." + own) for own in map(_host, self.websites) if own)
        if finding_type == "EMAIL_ADDRESS":
            return key in {_key(e) for e in self.emails} or any(
                value.lower().endswith("@" + w.lower()) for w in self.websites
            )
        if finding_type == "SOCIAL_HANDLE":
            return key in {_key(h) for h in self.handles} or any(_key(w) in key for w in self.websites)
        if finding_type in {"STREET_ADDRESS", "STREET_NAME"}:
            return any(key in _key(a) or _key(a) in key for a in self.addresses)
        if finding_type == "PERSON":
            if key in {_key(p) for p in self.public_people}:
                return True
            # "Mayor Holloway": a surname alone is the public person. A first name alone ("Luis") is only
            # when their full name is in the same post; otherwise it may be a client who shares it.
            if key in {_key(p.split()[-1]) for p in self.public_people if len(p.split()) > 1}:
                return True
            lowered = text.lower()
            if any(key == _key(p.split()[0]) and p.lower() in lowered for p in self.public_people):
                return True
            # Part of the organisation's, a sponsor's or a programme's name, as whole words ("Hartley").
            pattern = re.compile(r"\b" + re.escape(value.lower().strip()) + r"\b")
            return any(pattern.search(n.lower()) for n in self.names_in_text())
        return False
