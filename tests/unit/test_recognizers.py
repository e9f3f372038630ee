"""Each recognizer against a table of examples: what it must find, and what it must leave alone."""

import pytest

from clientsafe.checker.recognizers.address import AddressRecognizer, StreetNameRecognizer
from clientsafe.checker.recognizers.age import AgeRecognizer
from clientsafe.checker.recognizers.credit_card import PaymentCardRecognizer
from clientsafe.checker.recognizers.dates import DateOfBirthRecognizer
from clientsafe.checker.recognizers.email import OfflineEmailRecognizer
from clientsafe.checker.recognizers.handle import HandleRecognizer
from clientsafe.checker.recognizers.health_ids import HealthPlanRecognizer, MedicalRecordRecognizer
from clientsafe.checker.recognizers.legal_ids import (
    AccountNumberRecognizer,
    ANumberRecognizer,
    CaseNumberRecognizer,
    DriverLicenseRecognizer,
    StudentIdRecognizer,
)
from clientsafe.checker.recognizers.name_slots import NameSlotRecognizer
from clientsafe.checker.recognizers.names import NameGazetteerRecognizer
from clientsafe.checker.recognizers.phone import NanpPhoneRecognizer
from clientsafe.checker.recognizers.ssn import SsnRecognizer

MIN_SCORE = 0.4


def found(recognizer, text):
    recognizer.load()
    return [(r.entity_type, text[r.start : r.end]) for r in recognizer.analyze(text, []) if r.score >= MIN_SCORE]


FINDS = [
    (NanpPhoneRecognizer, "call her at (541) 555-0187 tonight", ("PHONE_NUMBER", "(541) 555-0187")),
    (NanpPhoneRecognizer, "text 541.555.0187", ("PHONE_NUMBER", "541.555.0187")),
    (NanpPhoneRecognizer, "cell +1 541 555 0187", ("PHONE_NUMBER", "+1 541 555 0187")),
    (NanpPhoneRecognizer, "fax 1-800-555-0199 ext. 12", ("PHONE_NUMBER", "1-800-555-0199 ext. 12")),
    (NanpPhoneRecognizer, "my number is 5415550187", ("PHONE_NUMBER", "5415550187")),
    (OfflineEmailRecognizer, "email rosa.m@gmail.com today", ("EMAIL_ADDRESS", "rosa.m@gmail.com")),
    (
        AddressRecognizer,
        "she lives at 4417 NE Killingsworth St Apt 3, Portland, OR 97211 now",
        ("STREET_ADDRESS", "4417 NE Killingsworth St Apt 3, Portland, OR 97211"),
    ),
    (AddressRecognizer, "moved to 643 38th Ave, need to update", ("STREET_ADDRESS", "643 38th Ave")),
    (AddressRecognizer, "mail it to PO Box 1182", ("STREET_ADDRESS", "PO Box 1182")),
    (StreetNameRecognizer, "open tonight on 42nd & Daisy St.", ("STREET_NAME", "42nd & Daisy St")),
    (SsnRecognizer, "her social is 421-70-6384", ("US_SSN", "421-70-6384")),
    (SsnRecognizer, "SSN 421706384", ("US_SSN", "421706384")),
    # A famous sample is still a well-formed SSN: posted next to a client it reads as theirs.
    (SsnRecognizer, "the example 123-45-6789 from the training", ("US_SSN", "123-45-6789")),
    (PaymentCardRecognizer, "card 4704 2464 1401 1726 declined", ("CREDIT_CARD", "4704 2464 1401 1726")),
    # A 2-series Mastercard, which Presidio's CreditCardRecognizer does not know.
    (PaymentCardRecognizer, "card 2221 0012 3456 7896", ("CREDIT_CARD", "2221 0012 3456 7896")),
    (MedicalRecordRecognizer, "MRN 00482913 in room 4", ("MEDICAL_RECORD_NUMBER", "00482913")),
    (HealthPlanRecognizer, "Medicaid ID PX48291753 went through", ("MEDICAID_ID", "PX48291753")),
    (HealthPlanRecognizer, "his MBI is 3HJ7-WN2-RC48", ("MEDICARE_ID", "3HJ7-WN2-RC48")),
    (CaseNumberRecognizer, "case #2024-JV-00318 hearing", ("CASE_NUMBER", "2024-JV-00318")),
    (ANumberRecognizer, "A# 204-381-775 at court", ("A_NUMBER", "A# 204-381-775")),
    (DriverLicenseRecognizer, "OR DL 7391042, Jordan", ("DRIVER_LICENSE", "7391042")),
    (DriverLicenseRecognizer, "her license number is W8110755", ("DRIVER_LICENSE", "W8110755")),
    (DriverLicenseRecognizer, "licencia de conducir D1234567", ("DRIVER_LICENSE", "D1234567")),
    (AccountNumberRecognizer, "su cuenta bancaria 0045 1187 2290", ("ACCOUNT_NUMBER", "0045 1187 2290")),
    (StudentIdRecognizer, "student ID 4028817", ("STUDENT_ID", "4028817")),
    (AccountNumberRecognizer, "account # 0045 1187 2290", ("ACCOUNT_NUMBER", "0045 1187 2290")),
    (AgeRecognizer, "a 14-year-old boy", ("AGE_MINOR", "14-year-old")),
    (AgeRecognizer, "looking for a bed for a 15yo", ("AGE_MINOR", "15yo")),
    (AgeRecognizer, "my grandpa is 92 years old", ("AGE_OVER_89", "92 years old")),
    (AgeRecognizer, "Jayden, 14, finished", ("AGE_MINOR", ", 14")),
    (AgeRecognizer, "she's 16 and scared", ("AGE_MINOR", "16")),
    (DateOfBirthRecognizer, "DOB 03/14/2009", ("DATE_OF_BIRTH", "03/14/2009")),
    (DateOfBirthRecognizer, "born March 14, 2009 in Eugene", ("DATE_OF_BIRTH", "March 14, 2009")),
    (DateOfBirthRecognizer, "intake date: 01/06/2024", ("PERSONAL_DATE", "01/06/2024")),
    (DateOfBirthRecognizer, "placed in foster care June 11, 2025", ("PERSONAL_DATE", "June 11, 2025")),
    (DateOfBirthRecognizer, "fecha de nacimiento: 14/03/1985", ("DATE_OF_BIRTH", "14/03/1985")),
    (DateOfBirthRecognizer, "nació el 3 de marzo de 1990", ("DATE_OF_BIRTH", "3 de marzo de 1990")),
    (DateOfBirthRecognizer, "ingresó el 5 de mayo", ("PERSONAL_DATE", "5 de mayo")),
    (HandleRecognizer, "congrats @destiny.marie03!", ("SOCIAL_HANDLE", "@destiny.marie03")),
    (NameGazetteerRecognizer, "so proud of Keisha today", ("PERSON", "Keisha")),
    (NameGazetteerRecognizer, "talked to maria lopez today", ("PERSON", "maria lopez")),
    (NameGazetteerRecognizer, "Hope Martinez starts Monday", ("PERSON", "Hope Martinez")),
    (NameSlotRecognizer, "Happy birthday to Mateo from all of us", ("PERSON", "Mateo")),
    (NameSlotRecognizer, "J.R. finally got his GED", ("PERSON", "J.R.")),
    (NameSlotRecognizer, "tyler from the drop in got arrested", ("PERSON", "tyler")),
]

IGNORES = [
    (NanpPhoneRecognizer, "we served 1,250,000 meals"),
    (NanpPhoneRecognizer, "order 123-456-7890 (exchange starts with 4 but area starts with 1)"),
    (OfflineEmailRecognizer, "see you @ the park.com later"),
    (AddressRecognizer, "bell ringing Saturday 10–2 for our holiday drive"),
    (AddressRecognizer, "dropping it off tonight, Deb said"),
    (StreetNameRecognizer, "Marcus Oyelaran and Clinical Supervisor Priya"),
    (SsnRecognizer, "area 666-12-3456 is never issued"),
    (SsnRecognizer, "order 900-12-3456"),
    (PaymentCardRecognizer, "4704 2464 1401 1727 (fails Luhn)"),
    (AgeRecognizer, "it took 15 minutes"),
    (AgeRecognizer, "we turned 10 percent of the budget"),
    (DateOfBirthRecognizer, "Gala on May 3, 2025 at 6pm"),
    (HandleRecognizer, "write to info@riverbendyfs.org"),
    (NameGazetteerRecognizer, "Hope everyone has a great weekend"),
    (NameGazetteerRecognizer, "Will you be there?"),
    (NameSlotRecognizer, "Congrats to everyone who came"),
]


@pytest.mark.parametrize(("recognizer", "text", "expected"), FINDS, ids=[f"{c.__name__}:{t}" for c, t, _ in FINDS])
def test_when_identifier_present_then_recognizer_reports_it(recognizer, text, expected):
    assert expected in found(recognizer(), text)


@pytest.mark.parametrize(("recognizer", "text"), IGNORES, ids=[f"{c.__name__}:{t}" for c, t in IGNORES])
def test_when_lookalike_present_then_recognizer_stays_quiet(recognizer, text):
    assert found(recognizer(), text) == []
