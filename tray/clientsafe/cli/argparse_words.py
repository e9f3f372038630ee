"""argparse's own words ("usage:", "options", "the following arguments are required: %s") in the person's language.

argparse says them through its module-level ``_`` and ``ngettext``, imported from gettext and looked up at call
time; Python ships no catalog for them, so gettext always answers in English. :func:`speaking` binds those two
names to our catalog while ``main()`` builds the parser and parses, and puts gettext's back afterwards, so
nothing else in the process (the tray, tests, a library using argparse) meets our words. The Spanish is part
"argparse" of ``clientsafe.say`` (``data/argparse_messages_es.json``), keyed by argparse's exact msgids, which
keep their %-placeholders: argparse fills them in itself. (Python 3.11: the version action's help is a plain
literal, not a msgid; ``main()`` passes its own.)
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from clientsafe import say


def word(message: str) -> str:
    """One of argparse's messages in the process's language (English when the catalog lacks it)."""
    return say.catalog(say.language()).get(message, message)


def words(singular: str, plural: str, n: int) -> str:
    """gettext's ``ngettext`` for argparse; English and Spanish both use the singular for exactly one."""
    return word(singular if n == 1 else plural)


@contextlib.contextmanager
def speaking() -> Iterator[None]:
    """argparse speaks our catalog inside the block (build the parser inside it too: group titles such as
    "options" and the help option's text are looked up when the parser is made)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = word, words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
