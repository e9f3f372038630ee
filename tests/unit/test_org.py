import pytest


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("PHONE_NUMBER", "541.555.0142"),
        ("PHONE_NUMBER", "+1 (541) 555-0142"),
        ("EMAIL_ADDRESS", "INFO@riverbendyfs.org"),
        ("EMAIL_ADDRESS", "dana@riverbendyfs.org"),
        ("STREET_ADDRESS", "2140 Alder St"),
        ("SOCIAL_HANDLE", "@riverbendyfs"),
        ("PERSON", "Dana Whitfield"),
        ("PERSON", "Holloway"),
        ("PHONE_NUMBER", "(541) 555-0142 ext. 12"),
        ("URL", "riverbendyfs.org"),
        ("URL", "https://www.riverbendyfs.org/give"),
        ("URL", "shop.riverbendyfs.org/gala"),
    ],
)
def test_when_detail_is_the_organisations_own_then_it_is_recognised(org_profile, kind, value):
    assert org_profile.is_own(kind, value)


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        ("PHONE_NUMBER", "541-555-0187", ""),
        ("PERSON", "Maria", ""),
        # A client may share a first name with a public person; only the full name in the same post clears it.
        ("PERSON", "Luis", "Congrats to Luis on finishing the program!"),
        ("STREET_ADDRESS", "4417 NE Killingsworth St", ""),
        ("URL", "gofundme.com/f/help-rosa", ""),
        ("URL", "notriverbendyfs.org", ""),
    ],
)
def test_when_detail_is_someone_elses_then_it_is_not_treated_as_the_organisations(org_profile, kind, value, text):
    assert not org_profile.is_own(kind, value, text)


def test_first_name_of_public_person_is_cleared_when_full_name_is_in_the_post(org_profile):
    assert org_profile.is_own("PERSON", "Luis", "Thanks to Rep. Luis Ortega! Luis was great.")


def test_programme_short_names_are_derived(org_profile):
    assert "Next Steps" in org_profile.program_names()
