import pytest

from clientsafe.checker.normalise import index_from_utf16, latin_lookalikes, normalise, utf16_prefix


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


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Іvan", "Ivan"),  # Cyrillic capital І: Unicode's prototype is "l", the same-case letter "I" wins
        ("Ꭺlex", "Alex"),  # Cherokee Ꭺ
        ("Jօhn", "John"),  # Armenian օ
        ("ΑΒΓ test", "ΑΒΓ test"),  # Greek words are left alone
        ("preguntó Peña", "preguntó Peña"),  # accents are kept
    ],
)
def test_when_letters_look_latin_then_unicode_confusables_data_folds_them(original, expected):
    assert normalise(original).text == expected


def test_when_post_has_only_accented_latin_letters_then_the_confusables_table_is_not_loaded():
    latin_lookalikes.cache_clear()
    normalise("Mi cliente Peña preguntó por la cita del niño")
    assert latin_lookalikes.cache_info().currsize == 0
    normalise("Mаria")  # Cyrillic а
    assert latin_lookalikes.cache_info().currsize == 1


def test_confusables_table_comes_from_the_unicode_data_package():
    table = latin_lookalikes()
    assert table["а"] == "a" and table["Р"] == "P" and table["ο"] == "o"
    assert len(table) > 1000  # the hand-made table it replaced had 58 letters
