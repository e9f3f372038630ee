"""Text normalisation with an offset map back to the original.

People (and sometimes people trying to get round a filter) write "Ma\u200bria", "𝐌𝐚𝐫𝐢𝐚", "Mаria" with a
Cyrillic "а", or full-width digits. The checker reads a normalised copy, and every span it finds is mapped
back to the original text and reported in UTF-16 code units, which is how JavaScript in the extension
counts (an emoji is two units there, one character in Python).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
from dataclasses import dataclass

# Imported (not only named) so that PyInstaller sees the package and its hook collects confusables.json; the
# package's __init__ reads nothing.
import confusable_homoglyphs

# Invisible characters that split a word without showing: zero-width space/joiners, word joiner,
# BOM, soft hyphen, invisible separators (U+2061-U+2064), Mongolian vowel separator.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u2061\u2062\u2063\u2064\u180e")


# Letters from other scripts that look like Latin ones ("Mаria" with a Cyrillic "а") are folded to the Latin
# letter, following Unicode's confusables data (UTS #39 confusables.txt) as shipped by the confusable-homoglyphs
# package, rather than a table of our own. Folded only inside words that also contain Latin letters, so a post
# written in Russian or Greek is left alone.
@functools.cache
def latin_lookalikes() -> dict[str, str]:
    """Each non-ASCII letter that Unicode lists as confusable with one ASCII letter, and that letter.

    confusables.txt maps a character to a "prototype" (Cyrillic "І" -> "l", as "I" -> "l"), so the ASCII
    letters reachable through the prototype count too, and the one with the same case wins ("І" -> "I").
    Loaded on the first post that needs it (the JSON is about 1 MB).
    """
    data = json.loads(
        (importlib.resources.files(confusable_homoglyphs) / "confusables.json").read_text(encoding="utf-8")
    )

    def ascii_letters(chars: list[dict[str, str]]) -> list[str]:
        return [e["c"] for e in chars if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalpha()]

    table: dict[str, str] = {}
    for ch, similar in data.items():
        if len(ch) != 1 or ch.isascii() or not ch.isalpha():
            continue
        direct = ascii_letters(similar)
        if not direct:
            continue
        candidates = direct + [c for proto in direct for c in ascii_letters(data.get(proto, []))]
        same_case = [c for c in candidates if c.isupper() == ch.isupper()]
        table[ch] = (same_case or candidates)[0]
    return table


def _may_be_lookalike(ch: str) -> bool:
    """Accented Latin letters (é, ñ, ü...) decompose to an ASCII letter and are never confusables; only other
    letters need the table (so an ordinary Spanish post never loads it)."""
    return ch.isalpha() and not unicodedata.normalize("NFD", ch)[0].isascii()


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str
    # to_original[i] is the index in ``original`` of the character that produced text[i].
    to_original: tuple[int, ...]
    # utf16_prefix[i] is the UTF-16 offset of original[i]; one extra entry for the end.
    utf16_prefix: tuple[int, ...]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to Python indices of the original."""
        if end <= start:
            pos = self.to_original[start] if start < len(self.to_original) else len(self.original)
            return pos, pos
        return self.to_original[start], self.to_original[end - 1] + 1

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        o_start, o_end = self.span_to_original(start, end)
        return self.utf16_prefix[o_start], self.utf16_prefix[o_end]


def utf16_prefix(text: str) -> tuple[int, ...]:
    prefix = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        prefix[i] = total
        # Astral characters are a surrogate pair in UTF-16; a lone surrogate is one unit.
        total += 2 if ord(ch) > 0xFFFF else 1
    prefix[len(text)] = total
    return tuple(prefix)


def _fold_homoglyphs(chars: list[str]) -> None:
    text = "".join(chars)
    if text.isascii():
        return
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii() or not any("a" <= c.lower() <= "z" for c in word):
            continue
        if not any(_may_be_lookalike(c) for c in word if not c.isascii()):
            continue
        table = latin_lookalikes()
        for i in range(match.start(), match.end()):
            chars[i] = table.get(chars[i], chars[i])


def normalise(original: str) -> Normalised:
    if original.isascii():
        # The common case: nothing to fold, every offset maps to itself (ASCII is one UTF-16 unit).
        identity = tuple(range(len(original) + 1))
        return Normalised(original, original, identity[:-1], identity)
    chars: list[str] = []
    to_original: list[int] = []
    for i, ch in enumerate(original):
        if ch in INVISIBLE:
            continue
        if 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate (JSON allows them): keep the slot, drop the junk
            out = "\ufffd"
        elif ch.isascii():
            out = ch
        else:
            out = unicodedata.normalize("NFKC", ch)
            # Accents are kept (names need them) but combining marks that NFKC could not compose
            # on their own are dropped so that "e\u0301" and "é" read alike.
            if unicodedata.combining(ch):
                continue
        for sub in out:
            chars.append(sub)
            to_original.append(i)
    _fold_homoglyphs(chars)
    return Normalised(original, "".join(chars), tuple(to_original), utf16_prefix(original))


def index_from_utf16(text: str, offset: int) -> int:
    """The Python index in ``text`` of a UTF-16 offset (the inverse of :func:`utf16_prefix`)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
