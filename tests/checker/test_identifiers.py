"""Every HIPAA Safe Harbor identifier a post can carry is found and held, through the whole checker; the
organisation's own website and phone numbers never warn."""

import pytest

from tests.conftest import utf16_slice


def _types(verdict):
    return {f.type for f in verdict.findings}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Client SSN 123-45-6789 for the benefits form", "US_SSN"),  # a famous sample is still an SSN
        ("Can someone drop off Rosa's passport? Passport no. G12345678, it's at the front desk", "PASSPORT"),
        ("her ITIN is 911-70-1234, please file it", "US_ITIN"),
        ("wire her rent to IBAN DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
        ("he keeps logging in from 73.158.64.15 to message the youth", "IP_ADDRESS"),
        ("tow yard has his truck, plate 7ABC123", "LICENSE_PLATE"),
        ("his car VIN 1HGCM82633A004352 came back stolen", "VEHICLE_ID"),
        ("his ankle monitor serial no. SN-48213-AC keeps dying", "DEVICE_ID"),
        ("her phone's IMEI 490154203237518 was flagged", "DEVICE_ID"),
        ("her RN license #RN123456 was suspended", "CERTIFICATE_NUMBER"),
        ("su cuenta bancaria 0045 1187 2290 está congelada", "ACCOUNT_NUMBER"),
        ("licencia de conducir D1234567, se la quitaron", "DRIVER_LICENSE"),
    ],
)
def test_when_post_carries_an_id_number_then_it_is_held(checker, text, kind):
    verdict = checker.check(text)
    assert kind in _types(verdict)
    assert verdict.action == "block"
    assert "ID_NUMBER" in {r.code for r in verdict.reasons}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Maria lives in 97211 now", "ZIP_CODE", "97211"),
        ("Maria's cell is +52 55 1234 5678", "PHONE_NUMBER", "+52 55 1234 5678"),
        ("Text Jayden at 555-0187 about Saturday", "PHONE_NUMBER", "555-0187"),
    ],
)
def test_when_a_persons_contact_detail_is_posted_then_it_warns(checker, text, kind, value):
    verdict = checker.check(text)
    assert verdict.action in {"warn", "block"}
    assert value in {utf16_slice(text, f.start, f.end) for f in verdict.findings if f.type == kind}


def test_when_client_zip_code_is_posted_then_the_client_is_identified(checker):
    # How strongly is the learned layer's call (rules alone block); that the client is identified is the rules'.
    verdict = checker.check("my client just moved to 97211 with her kids")
    assert verdict.action in {"warn", "block"}
    assert "CLIENT_IDENTIFIED" in {r.code for r in verdict.reasons}
    assert "ZIP_CODE" in _types(verdict)


@pytest.mark.parametrize("account", ["personal", "org"])
@pytest.mark.parametrize(
    "text",
    [
        "Join Dana Whitfield and Marcus Oyelaran at our gala! Tickets: riverbendyfs.org/gala or call (541) 555-0142.",
        "Questions? Tom Alvarez at 1-800-555-0199 or https://www.riverbendyfs.org/volunteer",
        "Volunteer with Tom Alvarez! Call +1 (541) 555-0142 ext. 3 or visit www.riverbendyfs.org.",
    ],
)
def test_when_post_gives_the_organisations_own_website_and_phone_then_it_never_warns(checker, text, account):
    verdict = checker.check(text, account=account)
    assert verdict.action == "allow"
    assert not _types(verdict) & {"URL", "PHONE_NUMBER"}


@pytest.mark.parametrize(
    "text",
    [
        "Join us May 3, 2025 at 6pm, tickets $75, 24 tables left!",
        "Update to version 2.4.1.7 tonight; the 5K raised 25000 dollars for 150 kids.",
        "Final score 21-14! Doors at 6:30, room 204, lot 7.",
    ],
)
def test_when_post_has_only_harmless_numbers_then_no_identifier_is_found(checker, text):
    verdict = checker.check(text, account="org")
    assert verdict.action == "allow"
    assert not _types(verdict) & (checker.rules.members("id_number") | checker.rules.members("contact"))
