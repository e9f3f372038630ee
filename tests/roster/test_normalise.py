"""Roster names and post text normalise alike: case, accents, punctuation, possessives, handles."""

from __future__ import annotations

import pytest

from clientsafe.roster.normalise import handle, name_words, tokens


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("Keisha Brown", ("keisha", "brown")),
        ("  KEISHA   brown ", ("keisha", "brown")),
        ("José Ríos-Núñez", ("jose", "rios", "nunez")),
        ("DeShawn O'Neil", ("deshawn", "oneil")),
        ("DeShawn O’Neil", ("deshawn", "oneil")),
        ("Keisha's", ("keisha",)),
        ("Brown, Keisha", ("brown", "keisha")),
        ("Ærin Straße", ("ærin", "strasse")),
    ],
)
def test_names_normalise(raw, words):
    assert name_words(raw) == words


def test_a_possessive_is_not_part_of_the_reported_span():
    (t,) = tokens("Kiki's")
    assert (t.norm, t.start, t.end) == ("kiki", 0, 4)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@Keisha.B", "keisha.b"),
        ("keisha.b", "keisha.b"),
        ("https://www.instagram.com/keisha.b/", "keisha.b"),
        ("instagram.com/keisha.b?igsh=abc", "keisha.b"),
        ("https://www.tiktok.com/@hopewilliams09", "hopewilliams09"),
        ("https://mastodon.social/@keisha_b", "keisha_b"),
        ("@keisha_b@mastodon.social", "keisha_b"),
        ("https://www.facebook.com/profile.php?id=100004412345", "100004412345"),
        ("https://www.linkedin.com/in/keisha-brown-123/", "keisha-brown-123"),
        ("https://x.com/", None),
        ("@", None),
        ("two words", None),
    ],
)
def test_handles_and_profile_addresses_become_the_bare_handle(raw, expected):
    assert handle(raw) == expected
