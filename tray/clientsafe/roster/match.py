"""Find roster clients in a text, or decide whether one person is a client.

The roster is never read back as names: the matcher hashes the candidate phrases of the text (every run
of 1..k normalised words, k being the longest name in the roster, plus the handles and profile addresses
in it) and looks each hash up. The cost therefore grows with the length of the text, not with the size
of the roster, and a word boundary is built in ("Eve" is never found inside "never").

Names that are also ordinary words (Hope, Grace, Will, Faith...) are found alone only when written as a
name: capitalised, and not a sentence opening such as "Hope you are well". A first name alone is never
found unless the roster lists it as an alias, since first names alone are never stored.

The store is re-read when its file changes (a cheap ``stat`` per call), so a running service picks up a
new import without a restart. When the roster's key cannot be read because the keyring fails (locked at
login), the roster is not in force, ``problem`` says why and ``keyring_failed`` is set, and the key is tried
again every few seconds, so unlocking the keyring brings the roster back without a restart.
"""

from __future__ import annotations

import datetime
import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from clientsafe.roster import store
from clientsafe.roster.errors import RosterError
from clientsafe.roster.keys import RosterKey, key_id
from clientsafe.roster.normalise import Token, handle, tokens
from clientsafe.roster.org_key import OrgKey
from clientsafe.say import reason, said
from clientsafe.secret_store import KeyringUnavailable
from clientsafe.wordlists import english_stop_words as stop_words
from clientsafe.wordlists import function_words, ordinary_words

log = logging.getLogger("clientsafe.roster")

# "@keisha.b", a profile address, or a bare handle-looking word ("keisha_b92").
_AT_HANDLE = re.compile(r"(?<![\w@])@[\w.]*\w")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[a-z0-9.-]+\.(?:com|social|net|org)/[^\s<>\"')\]]+", re.I)
# (Only words with a digit, "_" or "." in them get this far: see _handle_candidates.)
_BARE_HANDLE = re.compile(r"(?<![\w@/.])(?=[\w.]*[\d_.])[a-z0-9_][\w.]*[a-z0-9_](?![\w@/])", re.I)
KEYRING_RETRY_SECONDS = 5.0  # while the keyring fails, how often the roster's key is asked for again
ORG_KEY_RETRY_SECONDS = 60.0  # while the organisation's key is missing, how often it is looked for again


@dataclass(frozen=True)
class Match:
    """A roster client named in a text. Offsets are Python offsets into the text given."""

    start: int
    end: int
    kind: str  # "name" | "alias" | "handle"
    minor: bool
    consent: bool  # media consent on file and not expired today


@dataclass(frozen=True)
class PersonMatch:
    client: bool
    minor: bool = False
    consent: bool = False
    matched_on: tuple[str, ...] = ()  # of "name", "alias", "handle"
    guardian: bool = False  # a client's parent or guardian as the roster lists them (says nothing of which client)


def _kind(flags: int) -> str:
    return "handle" if flags & store.HANDLE else "name" if flags & store.NAME else "alias"


class Roster:
    """The imported roster, as hashes. Safe to share between threads; build once and keep."""

    def __init__(self, file: Path | None = None, key: RosterKey | None = None, org_key: OrgKey | None = None) -> None:
        self.file = file or store.default_file()
        self._key_source = key
        # An IT-managed roster (from the organisation's bundle) is hashed with the organisation's key instead.
        self._org_key_source = org_key
        self._stamp: tuple[int, int, int] | None = None
        self._entries: dict[bytes, tuple[int, int]] = {}
        self._key = b""
        self._max_words = 0
        self._glue: frozenset[str] = frozenset()
        self._clients = 0
        self.problem = ""  # why a roster file present could not be used, for status displays
        self.keyring_failed = False  # ...because the keyring failed (not a missing or damaged roster)
        self._retry_at: float | None = None  # monotonic time of the next try while the keyring fails
        self._lock = threading.Lock()
        store.remove_orphans(self.file)  # temporary files a crash mid-import left behind

    # -- loading ------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        try:
            st = self.file.stat()
            stamp: tuple[int, int, int] | None = (st.st_mtime_ns, st.st_size, st.st_ino)
        except FileNotFoundError:
            stamp = None
        if stamp == self._stamp and not self._retry_due():
            return
        with self._lock:
            if stamp == self._stamp and not self._retry_due():
                return
            self._load(stamp)

    def _retry_due(self) -> bool:
        return self._retry_at is not None and time.monotonic() >= self._retry_at

    def _load(self, stamp: tuple[int, int, int] | None) -> None:
        known_key, previous_problem = self._key, self.problem
        self._entries, self._clients, self._max_words, self.problem = {}, 0, 0, ""
        self._stamp, self._retry_at = stamp, None
        was_failing, self.keyring_failed = self.keyring_failed, False
        if stamp is None:
            return
        try:
            header, entries = store.read(self.file)
            managed = isinstance(header.get("managed"), dict)
            if known_key and key_id(known_key) == header.get("key_id"):
                secret: bytes | None = known_key  # a re-import with the same key: no keyring call needed
            elif managed:
                org = self._org_key_source or OrgKey()
                secret = org.find(str(header.get("key_id")))
                if secret is None:
                    # IT may deploy the key after the roster arrived: look for it again now and then.
                    self._retry_at = time.monotonic() + ORG_KEY_RETRY_SECONDS
                    raise RosterError(store.it_key_missing(org, str(header.get("key_id"))))
            else:
                secret = (self._key_source or RosterKey()).get()
            if secret is None or key_id(secret) != header.get("key_id"):
                raise RosterError(store.KEY_REPLACED)
        except KeyringUnavailable as e:
            self.problem = said("The client roster cannot be used for now: {problem}", problem=reason(e))
            self.keyring_failed = True
            self._retry_at = time.monotonic() + KEYRING_RETRY_SECONDS
            if not was_failing:
                log.error("roster not loaded: the keyring failed (%s); the roster file is kept", e.cause)
            return
        except (RosterError, OSError) as e:
            self.problem = reason(e)
            if self.problem != previous_problem:  # said once, not at every retry
                log.warning("roster not loaded: %s", e)  # file names and reasons only, never roster content
            return
        if was_failing:
            log.info("the keyring can be read again: the roster is in force")
        self._entries, self._key = entries, secret
        self._max_words = int(header.get("max_words", 3))
        self._glue = frozenset(header.get("function_words_in_names", ()))
        self._clients = int(header.get("clients", 0))

    def loaded(self) -> bool:
        self._refresh()
        return bool(self._entries)

    @property
    def clients(self) -> int:
        """How many clients the roster in force holds (0 when none is imported or it cannot be used)."""
        self._refresh()
        return self._clients

    # -- lookups ------------------------------------------------------------------------------------
    def _lookup(self, namespace: bytes, value: str) -> tuple[int, int] | None:
        return self._entries.get(store.digest(self._key, namespace, value))

    def _consented(self, flags: int, expiry: int, today: int) -> bool:
        return bool(flags & store.CONSENT) and (expiry == 0 or expiry >= today)

    def _match(self, first: Token, last: Token, hit: tuple[int, int], day: int) -> Match:
        flags, expiry = hit
        return Match(
            first.start, last.end, _kind(flags), bool(flags & store.MINOR), self._consented(flags, expiry, day)
        )

    def find(self, text: str, today: datetime.date | None = None) -> list[Match]:
        """Roster clients named in ``text``: the longest match wins where two overlap."""
        self._refresh()
        entries = self._entries
        if not entries:
            return []
        day = store.days(today or datetime.date.today())
        found: list[Match] = []
        handles = _handle_candidates(text)
        # Words inside an @handle or an address are matched as that whole handle, not as names:
        # "@keisha.brown.art" is not "Keisha Brown".
        inside = [(s, e) for s, e, _, bare in handles if not bare]
        words = tokens(text)
        if inside:
            words = [t for t in words if not any(s <= t.start < e for s, e in inside)]
        norms = [t.norm for t in words]
        # Words no roster phrase is built on: a phrase never starts at, or runs through, one of them.
        skip = [(w in function_words() and w not in self._glue) or w.isdigit() for w in norms]
        # One hash per word: the word's own record says whether it is a one-word name (an alias) and whether
        # it occurs in a longer one; only then are the longer phrases starting here hashed.
        single = [None if skip[i] else self._lookup(b"n", w) for i, w in enumerate(norms)]
        for i in range(len(words)):
            hit = single[i]
            if hit is None:
                continue
            flags = hit[0]
            if flags & store.KINDS and _used_as_name(words[i], words, i, text):
                found.append(self._match(words[i], words[i], hit, day))
            if not flags & store.WORD:
                continue
            phrase = norms[i]
            for n in range(2, min(self._max_words, len(words) - i) + 1):
                nxt = single[i + n - 1]
                if nxt is None or not nxt[0] & store.WORD:
                    break
                phrase += " " + norms[i + n - 1]
                longer = self._lookup(b"n", phrase)
                if longer is not None and longer[0] & store.KINDS:
                    found.append(self._match(words[i], words[i + n - 1], longer, day))
        for start, end, value, _ in handles:
            hit = self._lookup(b"h", value)
            if hit is not None:
                flags, expiry = hit
                found.append(
                    Match(start, end, "handle", bool(flags & store.MINOR), self._consented(flags, expiry, day))
                )
        return _longest_first(found)

    def person(
        self,
        name: str,
        handle_or_url: str | None = None,
        profile_url: str | None = None,
        today: datetime.date | None = None,
    ) -> PersonMatch:
        """Is this one person (a display name, a handle, a profile address) a client? Nothing about anyone else."""
        self._refresh()
        if not self._entries:
            return PersonMatch(client=False)
        day = store.days(today or datetime.date.today())
        hits: list[tuple[int, int]] = []
        words = [t.norm for t in tokens(name)]
        # A display name is a name by definition, so ordinary-word names count here; any run of its
        # words may be the client's name ("Keisha Brown (she/her) 🌻" or "Coach Keisha Brown").
        for i in range(len(words)):
            for n in range(1, min(self._max_words, len(words) - i) + 1):
                hit = self._lookup(b"n", " ".join(words[i : i + n]))
                if hit is not None and hit[0] & (store.KINDS | store.GUARDIAN):
                    hits.append(hit)
        for value in (handle_or_url, profile_url):
            h = handle(value) if value else None
            if h:
                hit = self._lookup(b"h", h)
                if hit is not None:
                    hits.append(hit)
        guardian = any(f & store.GUARDIAN for f, _ in hits)
        hits = [(f, e) for f, e in hits if f & store.KINDS]
        if not hits:
            return PersonMatch(client=False, guardian=guardian)
        return PersonMatch(
            client=True,
            minor=any(f & store.MINOR for f, _ in hits),
            consent=all(self._consented(f, e, day) for f, e in hits),
            matched_on=tuple(sorted({_kind(f) for f, _ in hits})),
            guardian=guardian,
        )


def _used_as_name(word: Token, words: list[Token], i: int, text: str) -> bool:
    """A one-word roster name ("Hope", "Kiki") in a text: ordinary words only when written as a name."""
    if word.norm not in ordinary_words():
        return True
    raw = word.raw
    if not raw[:1].isupper() or (raw.isupper() and len(raw) > 1):
        return False  # "hope", "HOPE YOU ALL COME"
    following_word = words[i + 1] if i + 1 < len(words) else None
    if (
        following_word is not None
        and following_word.raw[:1].isupper()
        and not text[word.end : following_word.start].strip()
    ):
        return False  # "Will Smith": someone else's full name (the client's own would be the longer match)
    if _sentence_start(text, word.start):
        # Sentence opening: "Hope you are well" is a word; "Hope got her GED" is a name.
        following = words[i + 1].norm if i + 1 < len(words) else ""
        return bool(following) and following not in stop_words()
    return True


def _sentence_start(text: str, start: int) -> bool:
    """At the start of the text, or after . ! ? : ; a line break or an emoji (quotes and brackets skipped)."""
    before = text[max(0, start - 200) : start].rstrip().rstrip("\"'“‘([*-—–").rstrip()
    if not before:
        return True
    last = before[-1]
    return not last.isalnum() and last not in ",&/+"


def _handle_candidates(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, handle, found without "@" or an address)."""
    out: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_URL, _AT_HANDLE):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            found = m.group().rstrip(".,!?:;")
            value = handle(found)
            taken.append(m.span())
            if value:
                out.append((m.start(), m.start() + len(found), value, False))
    for m in _BARE_HANDLE.finditer(text):
        word = m.group()
        if any(s <= m.start() < e for s, e in taken):
            continue
        # Without "@" a word is a handle only if it looks like one: a digit, "_" or "." inside ("hope_w22",
        # "keisha.b"). A handle of letters alone needs its "@": as a bare word it may be a name or a word.
        if any(c.isdigit() or c in "_." for c in word):
            value = handle(word)
            if value:
                out.append((m.start(), m.end(), value, True))
    return out


def _longest_first(found: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
