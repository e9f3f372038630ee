"""One normalisation for roster names and for the text they are looked for in, so both hash alike.

Case, accents and punctuation do not count ("JOSÉ o'neil-ríos" == "Jose ONeil Rios"); a possessive is
dropped ("Keisha's" -> "keisha"); a hyphen splits words. Handles lose their "@" and profile addresses
become the handle they name ("https://www.instagram.com/keisha.b/" -> "keisha.b").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

# A word: letters or digits, with apostrophes inside ("O'Neil", "D’Andre"). Underscores split nothing in
# names, so they are not word characters here.
_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’ʼ")
_HANDLE_CHARS = re.compile(r"^[a-z0-9_.\-]{2,64}$")
# Path prefixes before the handle on common sites: linkedin.com/in/x, youtube.com/c/x, reddit.com/user/x.
_PATH_PREFIXES = frozenset({"in", "c", "channel", "user", "u", "people", "add", "profile", "pub"})


class Token(NamedTuple):
    """One word of a text: its normalised form and where it was (Python offsets into that text).
    (A named tuple: a post has hundreds of words, and a tuple is several times cheaper to make.)"""

    norm: str
    start: int
    end: int
    raw: str


def fold(value: str) -> str:
    """Lower case without accents: NFKD, combining marks dropped, casefolded ("Ñúñez" -> "nunez")."""
    if value.isascii():
        return value.lower()  # most names: no accents to drop, and ASCII lower() is casefold()
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _norm_word(raw: str) -> str:
    return fold(raw).translate(_APOSTROPHES)


def tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised, with their offsets. (Runs on every post: kept to plain loops.)"""
    out: list[Token] = []
    append = out.append
    for m in _WORD.finditer(text):
        raw = m.group()
        start, end = m.span()
        if len(raw) > 3 and raw[-2] in "'’ʼ" and raw[-1] in "sS":
            raw, end = raw[:-2], end - 2  # the possessive is not part of the name: "[Keisha]'s"
        word = raw.lower() if raw.isascii() else fold(raw)
        if "'" in word or "’" in word or "ʼ" in word:
            word = word.translate(_APOSTROPHES)
        append(Token(word, start, end, raw))
    return out


def name_words(value: str) -> tuple[str, ...]:
    """A roster name as normalised words: "Keisha  BROWN-Díaz" -> ("keisha", "brown", "diaz").

    The same words as :func:`tokens` gives, without the offsets (an import reads 50,000 of these)."""
    out = []
    for raw in _WORD.findall(value):
        if len(raw) > 3 and raw[-2] in "'’ʼ" and raw[-1] in "sS":
            raw = raw[:-2]
        word = _norm_word(raw)
        if word:
            out.append(word)
    return tuple(out)


def handle(value: str) -> str | None:
    """A social handle or profile address as the bare handle, or None when it names no one.

    "@Keisha.B", "keisha.b", "https://instagram.com/keisha.b/", "tiktok.com/@keisha.b",
    "https://mastodon.social/@keisha_b" and "https://www.facebook.com/profile.php?id=1000123" all work.
    """
    value = value.strip().strip("<>\"'")
    if not value:
        return None
    lowered = value.lower()
    if "/" in value or lowered.startswith(("http:", "https:", "www.")):
        parts = urlsplit(value if "://" in value else "https://" + value)
        if parts.path.rstrip("/").endswith("profile.php"):
            ids = parse_qs(parts.query).get("id")
            value = ids[0] if ids else ""
        else:
            segments = [s for s in parts.path.split("/") if s]
            while segments and segments[0].lower() in _PATH_PREFIXES and len(segments) > 1:
                segments = segments[1:]
            value = segments[0] if segments else ""
    value = value.strip().lstrip("@")
    value = value.split("@")[0]  # a Mastodon address "keisha@mastodon.social": the user part
    value = fold(value).rstrip(".")
    return value if _HANDLE_CHARS.match(value) else None
