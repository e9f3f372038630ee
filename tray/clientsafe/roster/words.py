"""Word lists the matcher needs, loaded on first use (importing the roster package stays cheap)."""

from __future__ import annotations

import functools


@functools.cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def ordinary_words() -> frozenset[str]:
    """Names that are also words (the checker's list: Hope, Grace, Will...) and English function words.
    A one-word roster name among them counts only when written as a name."""
    from clientsafe.checker.recognizers.names import WORD_NAMES

    return frozenset(WORD_NAMES) | stop_words()


@functools.cache
def function_words() -> frozenset[str]:
    """English function words that are not also names ("the", "to", "our"; not "will", "may").

    No roster phrase starts with one or runs through one unless the roster says so (an import stores the
    few that occur in its names, such as "de" or "la"), so the matcher skips phrases built on them: about
    half the words of a post, and most of the hashing a post would otherwise cost."""
    from clientsafe.checker.recognizers.names import WORD_NAMES

    return stop_words() - frozenset(WORD_NAMES)
