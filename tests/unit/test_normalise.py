import pytest

from clientsafe.checker.normalise import index_from_utf16, normalise, utf16_prefix


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Ma\u200bria", "Maria"),  # zero-width space inside a name
        ("Ma\u00adria", "Maria"),  # soft hyphen
        ("\ufeffMaria", "Maria"),  # BOM
        ("Mаria", "Maria"),  # Cyrillic а in a Latin word
        ("𝐌𝐚𝐫𝐢𝐚", "Maria"),  # mathematical bold
        ("Ｍａｒｉａ", "Maria"),  # full width
        ("Москва", "Москва"),  # a Russian word is left alone
        ("e\u0301", "e"),  # a stray combining accent
        ("plain text", "plain text"),
    ],
)
def test_when_text_is_disguised_then_normalised_form_reads_plainly(original, expected):
    assert normalise(original).text == expected


def test_when_span_found_in_normalised_text_then_it_maps_to_original_utf16_offsets():
    original = "🎉 Ma\u200bria 🎉"
    norm = normalise(original)
    start = norm.text.index("Maria")
    # "🎉" is two UTF-16 units, then a space: Maria starts at unit 3 and, with the hidden
    # character, covers 6 units.
    assert norm.span_to_utf16(start, start + 5) == (3, 9)


def test_when_lone_surrogate_present_then_it_counts_as_one_utf16_unit():
    text = "a\ud800b"
    assert utf16_prefix(text) == (0, 1, 2, 3)
    assert normalise(text).text == "a\ufffdb"


@pytest.mark.parametrize("text", ["", "abc", "🎉x🎉", "a\ud800b", "𝐌𝐚𝐫𝐢𝐚 é"])
def test_when_converting_back_from_utf16_then_every_character_boundary_round_trips(text):
    prefix = utf16_prefix(text)
    for i in range(len(text) + 1):
        assert index_from_utf16(text, prefix[i]) == i
