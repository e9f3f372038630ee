"""Labelled synthetic sentences for measuring identifier recall.

Self-contained on purpose: no imports from the clientsafe package and no network.
Everything is driven by ``random.Random(seed)`` plus Faker instances seeded with
``seed_instance(seed)``, so a given seed (and Faker version) always yields the
same samples.

Sentences imitate what nonprofit staff actually write: social posts, text
messages and case notes.  Every identifier that appears in a sentence is
labelled, whatever type the sentence was generated for.

    samples = generate(n_per_type=60, seed=1)
    scores = recall(samples, lambda text: my_detector(text))

Each sample is ``{"text": str, "spans": [{"start", "end", "type", "value"}]}``
with Python ``str`` offsets.  Span conventions (what a person would highlight):

* NAME     the name only (``Maria Gonzalez``; ``Maria`` in ``Maria's``).
* ADDRESS  street line, with unit and city/state/ZIP when present; a PO Box
           with its city line; or ``City, ST ZIP`` on its own.  A multi-line
           address is one span containing the newline.
* PHONE    the number, including a ``+1``/``1-`` prefix and an extension.
* EMAIL    the address only (not ``mailto:``, not surrounding ``<>``).
* SSN/CARD the digits with their separators.
* AGE      the age expression including the number: ``14-year-old``,
           ``16 y/o``, ``age 15``, ``aged 92``, ``91 years old``, ``15yo``;
           just the number after ``she's``/``turned``/``(``.
* DOB      the date itself, without the cue (``DOB``, ``born``, ``b.``).
* ZIP      a ZIP code said of where someone lives (``97211``, ``97211-4410``).
* URL      a web address about one person (a fundraiser, a memorial or
           care page, a personal site), scheme included when present.
* IP       an IPv4 or IPv6 address.
* BANK     a bank account number or an IBAN, without its cue.
* GOV_ID   an ITIN, passport, driver's licence or professional licence
           number, without its cue.
* VEHICLE  a licence plate or a VIN.
* DEVICE   an IMEI, a device serial number or a MAC address.
* PHONE_INTL  a phone number outside the NANP, in international form.
* DATE     a date tied to the person (admission, discharge, court, death),
           without the cue.

Run ``python bench/synthetic_identifiers.py [n_per_type] [seed]`` to print
samples as JSON lines.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from itertools import pairwise

from faker import Faker

TYPES = (
    "NAME",
    "ADDRESS",
    "PHONE",
    "EMAIL",
    "SSN",
    "CARD",
    "AGE",
    "DOB",
    # The rest of HIPAA Safe Harbor's list, added after the first eight so a seed still yields the same
    # sentences for those.
    "ZIP",
    "URL",
    "IP",
    "BANK",
    "GOV_ID",
    "VEHICLE",
    "DEVICE",
    "PHONE_INTL",
    "DATE",
)

# Ages in DOB sentences are computed against this date so "born ... / turned N"
# pairs stay consistent.
REFERENCE_DATE = date(2025, 6, 1)

# --------------------------------------------------------------------------
# Templates.  {TOKEN}s in upper case are labelled identifiers; {A}, {BRAND},
# {EXP} and {CVV} are unlabelled fillers resolved after the identifiers.
# NAME_F/FIRST_F/WORD_F are female names (for "her"/"she" templates), *_M male.
# AGE_*_Y is a minor (10-17), AGE_*_A an adult (18-89), AGE_*_O an older adult
# (60-104, half of them over 89); plain AGE_* draws from the overall mix.
# --------------------------------------------------------------------------

TEMPLATES: dict[str, tuple[str, ...]] = {
    "NAME": (
        "Can someone give {NAME_F} a ride? her number is {PHONE}",
        "talked to {NAME} today, doing a lot better since the move",
        "Shoutout to {NAME} for volunteering 20 hours at the pantry this month!!",
        "Client: {NAME}. Met at drop-in center, requested bus pass and hygiene kit.",
        "{FIRST} missed group again, third week in a row. will follow up",
        "Please welcome our newest board member, {NAME}! 🎉",
        "hey is {FIRST_M} still coming saturday? he said he'd bring the truck",
        "Case note 3/12: spoke w/ {NAME_F} and her mom about school enrollment.",
        "{WORD_F} said she can't make it to the shelter shift tonight",
        "Can {WORD_M} grab the extra chairs from storage before 6?",
        "Congrats to {NAME_F} on getting her GED!!! so proud of her",
        "Referral from {NAME} at county DHS for rent assistance",
        "Mom ({NAME_F}) called, said {FIRST} is sick and won't be at tutoring",
        "Youth: {NAME} | Mentor: {NAME} | Match start: next Monday",
        "Thank you {FIRST} and {FIRST} for running the coat drive this weekend!",
        "Left voicemail for {NAME}, no answer. Try again Thurs.",
        "picked up {FIRST}'s meds from the pharmacy, dropping off after lunch",
        "{NAME_M} came in asking about the job training program, gave him a flyer",
        "Staff on call this weekend: {NAME} (Sat), {NAME} (Sun)",
        "{WORD_F} and {FIRST} are co-leading the parent support group this fall",
    ),
    "ADDRESS": (
        "lives at {ADDR_FULL}",
        "Family moved to {ADDR_LINE}, need to update file",
        "Drop off donations at {ADDR_FULL} between 9-5 this week!",
        "New address: {ADDR}",
        "{NAME_F} is staying with her aunt at {ADDR_LINE} for now",
        "Please mail the signed forms to {POBOX}",
        "Home visit today @ {ADDR_LINE}. dog in yard, knock loud",
        "can someone pick up {FIRST} from {ADDR_LINE} around 3:30?",
        "Shelter beds at {ADDR_FULL} open at 7pm, first come first served",
        "Mailing address:\n{ADDR_MULTI}",
        "Eviction notice posted at {ADDR} - family needs help ASAP",
        "They moved out to {ADDR_CSZ} last month, still want services",
        "Client reports sleeping in car parked near {ADDR_LINE}.",
        "Pantry pop-up this Sat at {ADDR_FULL}, bring your own bags",
        "Address on intake form: {ADDR}",
        "send the gift cards to {ADDR_FULL} attn {NAME}",
    ),
    "PHONE": (
        "Can someone give {NAME_F} a ride? her number is {PHONE}",
        "call me back at {PHONE} when u get this",
        "Crisis line: {PHONE} (24/7)",
        "Mom's cell {PHONE}, work {PHONE}",
        "text {PHONE} if you want to volunteer Saturday!!",
        "Phone: {PHONE}",
        "Client's new number is {PHONE}, old one disconnected",
        "For rental assistance call {PHONE} and ask for {FIRST}",
        "Left msg at {PHONE}. No callback yet.",
        "Emergency contact: {NAME} (grandma) {PHONE}",
        "Our office line changed to {PHONE}! Please update your contacts",
        "he said to reach him on whatsapp {PHONE}",
        "{PHONE} - that's the number for the food bank hotline",
        "pls call the school at {PHONE} re: attendance",
        "Questions about the toy drive? Call {NAME} at {PHONE}",
    ),
    "EMAIL": (
        "email me at {EMAIL} with the sign-up sheet",
        "Her email is {EMAIL}",
        "{NAME} <{EMAIL}>",
        "Contact: {EMAIL}",
        "Send the intake forms to {EMAIL} by Friday pls",
        "new email for {FIRST}: {EMAIL} (old one got hacked)",
        "Questions? Reach out to {EMAIL}!",
        "cc {EMAIL} on anything about the lease",
        "Parent email {EMAIL} bounced, need an updated one",
        "RSVP to {EMAIL} - spots are limited!",
        "I think it's {EMAIL} but double check w/ her",
        "DM me or email {EMAIL}.",
        "mailto:{EMAIL}",
        "{NAME}'s caseworker is {NAME}, {EMAIL}",
    ),
    "SSN": (
        "SSN {SSN}",
        "SS# {SSN} for the benefits app",
        "her social is {SSN}",
        "Client SSN: {SSN}, DOB: {DOB}",
        "need {FIRST}'s social for the SNAP application - it's {SSN}",
        "soc sec no. {SSN}",
        "Social Security Number: {SSN}",
        "{SSN} is the SSN on the card he brought in",
        "ssn {SSN} name {NAME}",
        "Verified SSN ({SSN}) with SSA award letter",
        "pls don't post this but the ss is {SSN}",
        "Tax ID / SSN - {SSN}",
        "I have his social security # its {SSN}",
        "{NAME}, SSN {SSN}, needs replacement card",
    ),
    "CARD": (
        "Card number {CARD} exp {EXP}",
        "paid the deposit w/ my {BRAND} {CARD}",
        "CC: {CARD}",
        "Can you run {CARD} for the $50 donation? Name on card {NAME}",
        "donor gave card # {CARD} over the phone",
        "pls charge {CARD} monthly, $25, starting next month",
        "credit card {CARD} exp {EXP} cvv {CVV}",
        "Billing: {BRAND} {CARD}",
        "debit card number is {CARD}",
        "the card on file ({CARD}) was declined again",
        "{NAME} - {BRAND} - {CARD}",
        "sponsor paid with {CARD}, receipt emailed",
        "{CARD} {EXP}",
    ),
    "AGE": (
        "{NAME} is {A} {AGE_ADJ_Y} in our youth program",
        "The {AGE_ADJ_Y} was picked up by her uncle around 9pm",
        "we have {A} {AGE_ADJ_Y} looking for a mentor, any takers?",
        "{FIRST_F} just turned {AGE_NUM}!! happy birthday",
        "Client, {AGE_KW}, referred by hospital social worker for housing",
        "Grandmother, {AGE_KW_O}, is the primary caregiver",
        "she's {AGE_NUM_Y} and basically raising her little brothers",
        "{NAME} ({AGE_NUM}) attended the session today",
        "He is {AGE_PRED_A} and living in his car",
        "looking for a bed for {A} {AGE_ADJ_Y} boy tonight, pls call",
        "{FIRST_M}, {AGE_NUM}, needs a winter coat size L",
        "my grandpa is {AGE_PRED_O} and still volunteers every week",
        "Pt is {A} {AGE_ADJ} female presenting for intake",
        "{AGE_ADJ_Y} runaway staying at a friend's, mom aware",
        "Resident {NAME}, {AGE_KW_O}, moved to memory care",
    ),
    "DOB": (
        "DOB {DOB}",
        "date of birth: {DOB}",
        "born {DOB}",
        "b. {DOB}",
        "her birthday is {DOB}",
        "{NAME}, DOB: {DOB}, referred by hospital social worker",
        "D.O.B. {DOB}",
        "Pt {NAME} (dob {DOB}) seen for intake",
        "Need birth cert for {FIRST} - born {DOB}",
        "Client DOB {DOB}; {AGE_KW}",
        "DOB on the ID says {DOB} but mom says that's wrong",
        "Birthdate: {DOB}",
        "he was born on {DOB} at the county hospital",
        "bday is {DOB} so she's {AGE_NUM} now",
    ),
    "ZIP": (
        "{NAME_F} just moved to {ZIP} with her kids",
        "client lives in {ZIP}, need a pantry closer to her",
        "Family relocated to the {ZIP} area after the eviction",
        "zip code on her intake is {ZIP}",
        "He's staying with his cousin in {ZIP} for now",
        "Zip: {ZIP} (mom's place)",
        "{FIRST_M} moved out to {ZIP} last month, still wants services",
        "can anyone do a home visit in {ZIP} on Thursday?",
        "she resides in {ZIP} per the court papers",
        "New zip for {FIRST}: {ZIP}",
        "the family lives near {ZIP} now, closer to school",
        "ZIP code {ZIP} - need the nearest shelter for him",
    ),
    "URL": (
        "Please share {NAME_F}'s fundraiser: {URL}",
        "his mom set up a page for his treatment {URL}",
        "Updates on {FIRST}'s recovery are at {URL}",
        "Memorial page for {NAME}: {URL}",
        "found her blog {URL} and it has her address on it",
        "Donate to help {FIRST_F} with rent: {URL}",
        "{NAME_M}'s page is {URL} if you want to check on him",
        "the family's care page: {URL}",
        "link to her story {URL} (please don't repost)",
        "{FIRST} made a site for the band: {URL}",
        "GoFundMe for the fire victims (the Lopez family): {URL}",
        "she posted everything on {URL}, should we report it?",
    ),
    "IP": (
        "the harassing messages came from {IP}",
        "He keeps logging in from {IP} to message the youth",
        "IT says the login was from IP {IP}",
        "Blocked {IP} on the shelter wifi after the threats",
        "her ex's IP is {IP} per the police report",
        "flagged account, last seen at {IP}",
        "IP address: {IP}",
        "the client's laptop shows {IP} on the network",
        "Reported {IP} to the platform for doxxing {FIRST_F}",
        "login attempts from {IP} on {FIRST}'s portal account",
        "{IP} - that's the address that sent the threats",
        "can we ban {IP} from the youth forum?",
    ),
    "BANK": (
        "direct deposit to account {BANK}",
        "her checking account number is {BANK}",
        "Acct # {BANK} for the rent transfer",
        "wire it to IBAN {IBAN}",
        "{FIRST}'s savings account: {BANK}",
        "bank account {BANK} was frozen, she can't get her SSI",
        "send the refund to {IBAN} (his account back home)",
        "routing 123000848 account {BANK}",
        "account no. {BANK} - please update in the system",
        "IBAN: {IBAN}",
        "{NAME_M} gave me his account number {BANK} for the stipend",
        "her bank acct is {BANK} at the credit union",
    ),
    "GOV_ID": (
        "his ITIN is {ITIN}",
        "ITIN {ITIN} for the tax clinic",
        "Passport no. {PASSPORT}, expires next year",
        "she left her passport ({PASSPORT}) in the office",
        "driver's license {DL}, suspended",
        "DL# {DL} for the background check",
        "{NAME_F}'s license number is {DL}",
        "RN license #{PRO_LICENSE} came up in the board complaint",
        "her nursing license number is {PRO_LICENSE}",
        "Passport number: {PASSPORT}",
        "tax ID (ITIN) {ITIN} - don't post this",
        "{FIRST_M}'s driver license: {DL}",
    ),
    "VEHICLE": (
        "she's sleeping in a silver Civic, plate {PLATE}",
        "license plate {PLATE}, parked behind the church",
        "his truck (plate {PLATE}) got towed",
        "VIN {VIN} for the donated car paperwork",
        "tag # {PLATE} keeps showing up outside the shelter",
        "the abuser drives a black SUV, plate {PLATE}",
        "car title: VIN {VIN}",
        "Plate: {PLATE}",
        "{NAME_F} lives in her van, license plate {PLATE}",
        "vin {VIN} - need it for the insurance claim",
        "white Ford, plate number {PLATE}",
        "saw his car again, plates {PLATE}",
    ),
    "DEVICE": (
        "her phone's IMEI {IMEI} was reported stolen",
        "IMEI: {IMEI}",
        "ankle monitor serial no. {SERIAL} keeps dying",
        "insulin pump S/N {SERIAL}",
        "the tablet we gave {FIRST} is serial {SERIAL}",
        "MAC address {MAC} is his phone on our wifi",
        "device ID {SERIAL} for the hearing aid",
        "blocked {MAC} from the guest network",
        "his laptop serial number: {SERIAL}",
        "{NAME_F}'s phone IMEI is {IMEI}",
        "wifi log shows {MAC} connecting at 2am",
        "serial # {SERIAL} on the donated wheelchair",
    ),
    "PHONE_INTL": (
        "her mom's number in Mexico is {PHONE_INTL}",
        "call {FIRST}'s dad at {PHONE_INTL}",
        "WhatsApp {PHONE_INTL}",
        "his family back home: {PHONE_INTL}",
        "{NAME_F}'s cell {PHONE_INTL}",
        "Emergency contact (aunt): {PHONE_INTL}",
        "text her on {PHONE_INTL}, she doesn't have a US number yet",
        "the sponsor in Guatemala is {PHONE_INTL}",
        "Tel: {PHONE_INTL}",
        "reach {FIRST_M} at {PHONE_INTL} until he's back",
        "new number {PHONE_INTL} (Spain)",
        "{PHONE_INTL} is her sister, call if no answer",
    ),
    "DATE": (
        "admitted {DATE} for the overdose",
        "he was discharged on {DATE}",
        "court date is {DATE} for {FIRST}",
        "{NAME_F} passed away {DATE}",
        "intake date: {DATE}",
        "she was arrested on {DATE}",
        "date of death {DATE}",
        "hearing on {DATE}, custody",
        "placed in foster care {DATE}",
        "released {DATE} from county",
        "Discharge date: {DATE}",
        "sentencing {DATE} - please come support {FIRST_M}",
    ),
}

_TOKEN_RE = re.compile(r"\{([A-Z_]+)\}")
_TOKEN_TYPE = {
    "NAME": "NAME",
    "NAME_F": "NAME",
    "NAME_M": "NAME",
    "FIRST": "NAME",
    "FIRST_F": "NAME",
    "FIRST_M": "NAME",
    "WORD_F": "NAME",
    "WORD_M": "NAME",
    "ADDR": "ADDRESS",
    "ADDR_FULL": "ADDRESS",
    "ADDR_LINE": "ADDRESS",
    "ADDR_CSZ": "ADDRESS",
    "ADDR_MULTI": "ADDRESS",
    "POBOX": "ADDRESS",
    "PHONE": "PHONE",
    "EMAIL": "EMAIL",
    "SSN": "SSN",
    "CARD": "CARD",
    "AGE_ADJ": "AGE",
    "AGE_PRED": "AGE",
    "AGE_KW": "AGE",
    "AGE_NUM": "AGE",
    **{f"AGE_{k}_{g}": "AGE" for k in ("ADJ", "PRED", "KW", "NUM") for g in "YAO"},
    "DOB": "DOB",
    "ZIP": "ZIP",
    "URL": "URL",
    "IP": "IP",
    "BANK": "BANK",
    "IBAN": "BANK",
    "ITIN": "GOV_ID",
    "PASSPORT": "GOV_ID",
    "DL": "GOV_ID",
    "PRO_LICENSE": "GOV_ID",
    "PLATE": "VEHICLE",
    "VIN": "VEHICLE",
    "IMEI": "DEVICE",
    "SERIAL": "DEVICE",
    "MAC": "DEVICE",
    "PHONE_INTL": "PHONE_INTL",
    "DATE": "DATE",
}
_FILLERS = ("A", "BRAND", "EXP", "CVV")


def _check_templates() -> None:
    for typ, pool in TEMPLATES.items():
        for template in pool:
            toks = _TOKEN_RE.findall(template)
            assert all(k in _TOKEN_TYPE or k in _FILLERS for k in toks), template
            assert typ in {_TOKEN_TYPE.get(k) for k in toks}, template


_check_templates()

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

# (faker locale or "ar_latin"/"uk_latin", weight).  Non-Latin locales are
# either transliterated (uk_UA) or replaced by a hand list (Arabic/Somali).
_NAME_SOURCES = (
    ("en_US", 34),
    ("es_MX", 18),
    ("vi_VN", 10),
    ("fr_FR", 6),
    ("pt_BR", 5),
    ("yo_NG", 5),
    ("en_KE", 4),
    ("uk_latin", 6),
    ("ar_latin", 12),
)
_FAKER_LOCALES = ("en_US", "es_MX", "vi_VN", "fr_FR", "pt_BR", "yo_NG", "en_KE", "uk_UA")

_AR_FIRST_F = (
    "Fatima",
    "Aisha",
    "Khadija",
    "Mariam",
    "Layla",
    "Noor",
    "Amina",
    "Zainab",
    "Hodan",
    "Fartun",
    "Ayan",
    "Salma",
    "Huda",
    "Rania",
    "Yasmin",
    "Hawa",
)
_AR_FIRST_M = (
    "Ahmed",
    "Mohamed",
    "Mohammed",
    "Omar",
    "Yusuf",
    "Ali",
    "Hassan",
    "Hussein",
    "Ibrahim",
    "Abdullahi",
    "Khalid",
    "Mustafa",
    "Tariq",
    "Bilal",
    "Abdirahman",
    "Samir",
)
_AR_LAST = (
    "Al-Sayed",
    "Haddad",
    "Hassan",
    "Abdi",
    "Mohamud",
    "Khalil",
    "Nasser",
    "Farah",
    "Ali",
    "Osman",
    "Mansour",
    "Saleh",
    "El-Amin",
    "Abdullah",
    "Warsame",
    "Al-Jabouri",
    "Yousef",
    "Hussein",
    "Aden",
    "Qasim",
)

# Names that are also ordinary English words.
_WORD_F = (
    "Hope",
    "Grace",
    "Faith",
    "Joy",
    "Rose",
    "Summer",
    "Autumn",
    "Destiny",
    "Patience",
    "Ivy",
    "Hazel",
    "Dawn",
    "April",
    "June",
    "Amber",
    "Precious",
    "Charity",
    "Sunny",
    "Iris",
)
_WORD_M = (
    "Will",
    "Mark",
    "Chase",
    "Hunter",
    "Bill",
    "Rich",
    "Guy",
    "Frank",
    "Drew",
    "Miles",
    "Art",
    "Rusty",
    "Sonny",
    "Cash",
    "Pierce",
)

_UK_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "yu",
    "я": "ya",
    "'": "",
    "’": "",
    "ʼ": "",
    "ё": "yo",
    "ы": "y",
    "э": "e",
    "ъ": "",
}

_STREET_NAMES = (
    "Main",
    "Oak",
    "Maple",
    "Killingsworth",
    "Alberta",
    "Division",
    "Burnside",
    "Sandy",
    "Powell",
    "Foster",
    "Holgate",
    "Fremont",
    "Broadway",
    "Lincoln",
    "Washington",
    "Park",
    "Cedar",
    "Elm",
    "Pine",
    "Sunset",
    "Lake",
    "Hillcrest",
    "Martin Luther King Jr",
    "MLK Jr",
    "Cesar Chavez",
    "Glisan",
    "Stark",
    "Halsey",
    "Lombard",
    "Columbia",
    "Rainier",
    "Aurora",
    "Colfax",
    "Grand",
    "Madison",
    "Jefferson",
    "Franklin",
    "Walnut",
    "Cherry",
    "Willow",
    "Magnolia",
    "Mission",
    "Olympic",
    "Figueroa",
    "Ashland",
    "Halsted",
    "Peachtree",
    "Woodward",
    "Michigan",
    "Lyndale",
    "Kingsway",
    "Center",
    "Church",
    "Mill",
)
_SUFFIXES = (
    ("St", 22),
    ("Ave", 20),
    ("Blvd", 7),
    ("Rd", 8),
    ("Dr", 7),
    ("Ln", 4),
    ("Ct", 3),
    ("Way", 4),
    ("Pl", 2),
    ("Hwy", 2),
    ("Pkwy", 2),
    ("Ter", 1),
    ("St.", 3),
    ("Ave.", 3),
    ("Street", 6),
    ("Avenue", 5),
    ("Road", 3),
    ("Boulevard", 1),
    ("Drive", 2),
)
_DIRECTIONALS = ("NE", "NW", "SE", "SW", "N", "S", "E", "W", "N.", "S.", "North", "South", "East", "West", "N.E.")
_POST_DIRECTIONALS = ("NE", "NW", "SE", "SW", "N", "S", "E", "W")
# (city, state abbr, state name, 3-digit ZIP prefix)
_CITIES = (
    ("Portland", "OR", "Oregon", "972"),
    ("Eugene", "OR", "Oregon", "974"),
    ("Salem", "OR", "Oregon", "973"),
    ("Gresham", "OR", "Oregon", "970"),
    ("Seattle", "WA", "Washington", "981"),
    ("Tacoma", "WA", "Washington", "984"),
    ("Spokane", "WA", "Washington", "992"),
    ("Boise", "ID", "Idaho", "837"),
    ("Sacramento", "CA", "California", "958"),
    ("Oakland", "CA", "California", "946"),
    ("Los Angeles", "CA", "California", "900"),
    ("Fresno", "CA", "California", "937"),
    ("Phoenix", "AZ", "Arizona", "850"),
    ("Denver", "CO", "Colorado", "802"),
    ("Chicago", "IL", "Illinois", "606"),
    ("Houston", "TX", "Texas", "770"),
    ("San Antonio", "TX", "Texas", "782"),
    ("Atlanta", "GA", "Georgia", "303"),
    ("Detroit", "MI", "Michigan", "482"),
    ("Minneapolis", "MN", "Minnesota", "554"),
    ("Bronx", "NY", "New York", "104"),
    ("Brooklyn", "NY", "New York", "112"),
    ("Philadelphia", "PA", "Pennsylvania", "191"),
    ("Baltimore", "MD", "Maryland", "212"),
    ("Memphis", "TN", "Tennessee", "381"),
    ("New Orleans", "LA", "Louisiana", "701"),
    ("Albuquerque", "NM", "New Mexico", "871"),
    ("Miami", "FL", "Florida", "331"),
    ("Cleveland", "OH", "Ohio", "441"),
    ("Milwaukee", "WI", "Wisconsin", "532"),
    ("St. Louis", "MO", "Missouri", "631"),
    ("Louisville", "KY", "Kentucky", "402"),
    ("Tulsa", "OK", "Oklahoma", "741"),
    ("Anchorage", "AK", "Alaska", "995"),
    ("Jackson", "MS", "Mississippi", "392"),
    ("Hartford", "CT", "Connecticut", "061"),
    ("Boston", "MA", "Massachusetts", "021"),
    ("Providence", "RI", "Rhode Island", "029"),
)
_UNITS = (
    "Apt {n}",
    "Apt. {n}",
    "Apt {n}{l}",
    "#{n}",
    "# {n}",
    "Unit {n}",
    "Unit {l}",
    "Ste {n}",
    "Space {n}",
    "Lot {n}",
    "Trlr {n}",
    "Rm {n}",
)

_AREA_CODES = (
    "541",
    "503",
    "971",
    "458",
    "360",
    "206",
    "253",
    "425",
    "509",
    "208",
    "916",
    "510",
    "213",
    "323",
    "559",
    "602",
    "480",
    "303",
    "720",
    "312",
    "773",
    "713",
    "832",
    "210",
    "404",
    "678",
    "313",
    "612",
    "718",
    "347",
    "917",
    "212",
    "215",
    "267",
    "410",
    "901",
    "504",
    "505",
    "305",
    "786",
    "216",
    "414",
    "314",
    "502",
    "918",
    "907",
    "601",
    "860",
    "617",
    "401",
    "702",
    "801",
    "615",
    "919",
    "704",
    "405",
    "316",
    "402",
    "515",
    "808",
)
_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")

_EMAIL_DOMAINS = (
    ("gmail.com", 40),
    ("yahoo.com", 12),
    ("hotmail.com", 8),
    ("outlook.com", 7),
    ("icloud.com", 6),
    ("aol.com", 3),
    ("comcast.net", 2),
    ("live.com", 2),
    ("msn.com", 1),
    ("protonmail.com", 1),
    ("att.net", 1),
)
_ORG_DOMAINS = (
    "hopefoodbank.org",
    "eastsidecommunity.org",
    "ywca-cascadia.org",
    "familypromise.org",
    "youthhaven.org",
    "students.pps.net",
    "pdx.edu",
    "multco.us",
    "dhs.oregon.gov",
    "unitedwaycw.org",
    "casaforchildren.org",
    "refugeecare.org",
    "k12.or.us",
)
_EMAIL_WORDS = (
    "soccerstar",
    "mamabear",
    "queenb",
    "bigdawg",
    "blessed",
    "sunshine",
    "gamer",
    "lilmama",
    "proudmom",
    "dreamer",
    "bookworm",
    "coolkid",
    "ballislife",
)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_BRAND_WORDS = {
    "visa": ("Visa", "VISA", "visa"),
    "mc": ("Mastercard", "MC", "mastercard"),
    "amex": ("Amex", "AMEX", "American Express"),
    "disc": ("Discover", "discover"),
}


def _weighted(rng: random.Random, pairs):
    items = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(items, weights=weights, k=1)[0]


def _ascii_fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ø", "o")
    s = s.replace("æ", "ae").replace("œ", "oe").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _uk_translit(s: str) -> str:
    out = []
    for ch in s:
        t = _UK_TRANSLIT.get(ch.lower())
        if t is None:
            out.append(ch)
        else:
            out.append(t.capitalize() if ch.isupper() else t)
    return "".join(out)


def luhn_check_digit(partial: str) -> str:
    """Check digit that makes ``partial + digit`` Luhn-valid."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:  # these positions get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return len(digits) > 1 and luhn_check_digit(digits[:-1]) == digits[-1]


_FAMOUS_SSNS = {"123456789", "078051120", "219099999"}


def ssn_valid(ssn: str) -> bool:
    """SSA rules: area not 000/666/900-999, group not 00, serial not 0000; no famous samples."""
    d = re.sub(r"\D", "", ssn)
    if len(d) != 9 or d in _FAMOUS_SSNS:
        return False
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------


class _Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        for loc in _FAKER_LOCALES:
            fk = Faker(loc)
            fk.seed_instance(seed)
            self.fakers[loc] = fk

    # ---- names -----------------------------------------------------------
    def _first_last(self, gender: str) -> tuple[str, str, str]:
        """(first, last, full) for one person; gender is 'f' or 'm'."""
        rng = self.rng
        src = _weighted(rng, _NAME_SOURCES)
        if src == "ar_latin":
            first = rng.choice(_AR_FIRST_F if gender == "f" else _AR_FIRST_M)
            last = rng.choice(_AR_LAST)
            return first, last, f"{first} {last}"
        fk = self.fakers["uk_UA" if src == "uk_latin" else src]
        first = fk.first_name_female() if gender == "f" else fk.first_name_male()
        last = fk.last_name()
        if src == "uk_latin":
            first, last = _uk_translit(first), _uk_translit(last)
        fold = src in ("vi_VN", "es_MX", "fr_FR", "pt_BR") and rng.random() < 0.35
        if fold:
            first, last = _ascii_fold(first), _ascii_fold(last)  # as often typed in US systems
        if src == "vi_VN" and rng.random() < 0.4:
            middle = "Thị" if gender == "f" else fk.middle_name()
            if fold:
                middle = _ascii_fold(middle)
            return first, last, f"{last} {middle} {first}"  # Vietnamese order
        if src == "es_MX" and rng.random() < 0.35:
            return first, last, f"{first} {last} {fk.last_name()}"  # two surnames
        if src == "en_US" and rng.random() < 0.08:
            return first, last, f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
        if rng.random() < 0.05:
            first = rng.choice(_WORD_F if gender == "f" else _WORD_M)
        return first, last, f"{first} {last}"

    def name(self, token: str, ctx: dict) -> str:
        gender = "f" if token.endswith("_F") else "m" if token.endswith("_M") else self.rng.choice("fm")
        if token.startswith("WORD"):
            value = self.rng.choice(_WORD_F if gender == "f" else _WORD_M)
            ctx["person"] = (value, "")
            return value
        first, last, full = self._first_last(gender)
        ctx["person"] = (first, last)  # an {EMAIL} later on is built from the latest person
        if token.startswith("FIRST"):
            return first
        if self.rng.random() < 0.12:
            return first  # single first names even where a full name fits
        return full

    # ---- addresses ---------------------------------------------------------
    def _street_line(self, unit_p: float = 0.3) -> str:
        rng = self.rng
        num = str(rng.choice((rng.randint(1, 999), rng.randint(100, 9999), rng.randint(1000, 24999))))
        if rng.random() < 0.2:
            n = rng.randint(1, 182)
            suffix_n = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            street = f"{n}{suffix_n}"
        elif rng.random() < 0.15:
            street = self.fakers["en_US"].last_name()
        else:
            street = rng.choice(_STREET_NAMES)
        parts = [num]
        post = None
        r = rng.random()
        if r < 0.35:
            parts.append(rng.choice(_DIRECTIONALS))
        elif r < 0.45:
            post = rng.choice(_POST_DIRECTIONALS)
        parts.append(street)
        parts.append(_weighted(rng, _SUFFIXES))
        if post:
            parts.append(post)
        line = " ".join(parts)
        if rng.random() < unit_p:
            unit = rng.choice(_UNITS).format(n=rng.randint(1, 420), l=rng.choice("ABCDEF"))
            line += rng.choice((" ", " ", ", ")) + unit
        return line

    def _city_line(self) -> str:
        rng = self.rng
        city, st, state_name, prefix = rng.choice(_CITIES)
        zipc = prefix + f"{rng.randint(1, 99):02d}"
        if rng.random() < 0.1:
            zipc += f"-{rng.randint(1, 9999):04d}"
        r = rng.random()
        if r < 0.7:
            return f"{city}, {st} {zipc}"
        if r < 0.85:
            return f"{city} {st} {zipc}"
        if r < 0.95:
            return f"{city}, {state_name} {zipc}"
        return f"{city}, {st}, {zipc}"

    def _po_box(self) -> str:
        rng = self.rng
        box = rng.choice(("PO Box", "P.O. Box", "P O Box", "POB", "Po box"))
        return f"{box} {rng.randint(1, 19999)}, {self._city_line()}"

    def address(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if token == "ADDR":
            r = rng.random()
            token = "POBOX" if r < 0.08 else "ADDR_LINE" if r < 0.5 else "ADDR_FULL"
        if token == "POBOX":
            return self._po_box()
        if token == "ADDR_LINE":
            return self._street_line(unit_p=0.35)
        if token == "ADDR_CSZ":
            return self._city_line()
        if token == "ADDR_MULTI":
            return f"{self._street_line()}\n{self._city_line()}"
        return f"{self._street_line()}{rng.choice((', ', ', ', ' '))}{self._city_line()}"

    # ---- phones ------------------------------------------------------------
    def _exchange(self) -> str:
        while True:
            x = self.rng.randint(200, 999)
            if x % 100 != 11:  # no N11 service codes
                return str(x)

    def phone(self, token: str, ctx: dict) -> str:
        rng = self.rng
        line = f"{rng.randint(0, 9999):04d}"
        ex = self._exchange()
        if rng.random() < 0.1:
            area = rng.choice(_TOLL_FREE)
            fmt = rng.choice(("1-{a}-{e}-{l}", "1 ({a}) {e}-{l}", "{a}-{e}-{l}", "1.{a}.{e}.{l}"))
        else:
            area = rng.choice(_AREA_CODES) if rng.random() < 0.8 else self._area_code_random()
            fmt = _weighted(
                rng,
                (
                    ("({a}) {e}-{l}", 20),
                    ("{a}-{e}-{l}", 22),
                    ("{a}.{e}.{l}", 10),
                    ("{a} {e} {l}", 7),
                    ("{a}{e}{l}", 8),
                    ("+1 {a} {e} {l}", 5),
                    ("+1 ({a}) {e}-{l}", 5),
                    ("+1-{a}-{e}-{l}", 4),
                    ("+1{a}{e}{l}", 3),
                    ("1-{a}-{e}-{l}", 4),
                    ("({a}){e}-{l}", 5),
                    ("{a}/{e}-{l}", 2),
                ),
            )
        value = fmt.format(a=area, e=ex, l=line)
        if rng.random() < 0.12:
            value += rng.choice((" ext. {n}", " ext {n}", " x{n}", " Ext. {n}", " x {n}")).format(n=rng.randint(2, 999))
        return value

    def _area_code_random(self) -> str:
        while True:
            a = self.rng.randint(201, 989)
            if a % 100 != 11 and (a // 10) % 10 != 9:  # no N11, no N9X (reserved)
                return str(a)

    # ---- emails ------------------------------------------------------------
    def email(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if "person" in ctx and rng.random() < 0.7:
            first, last = ctx["person"]
        else:
            first, last, _ = self._first_last(rng.choice("fm"))
        f = re.sub(r"[^a-z0-9]", "", _ascii_fold(first).lower()) or "client"
        la = re.sub(r"[^a-z0-9]", "", _ascii_fold(last).lower()) or "user"
        year = str(rng.randint(1955, 2012))
        local = _weighted(
            rng,
            (
                (f"{f}.{la}", 20),
                (f"{f}{la}", 12),
                (f"{f[0]}{la}", 12),
                (f"{f}_{la}", 6),
                (f"{f}.{la}{rng.randint(1, 99)}", 8),
                (f"{f}{la}{year[2:]}", 8),
                (f"{f}{year}", 6),
                (f"{rng.choice(_EMAIL_WORDS)}{rng.randint(1, 999)}", 8),
                (f"{la}.{f}", 4),
                (f"{f}.{la}+{rng.choice(('food', 'news', 'vol', 'rent'))}", 3),
                (f"{f}{rng.choice(('_', '.', ''))}{rng.choice(_EMAIL_WORDS)}", 4),
                (f"{f[0]}.{la}", 4),
            ),
        )
        if rng.random() < 0.25:
            domain = rng.choice(_ORG_DOMAINS)
            if domain.endswith((".org", ".gov", ".us", ".edu")) and rng.random() < 0.6:
                local = f"{f}.{la}" if rng.random() < 0.5 else f"{f[0]}{la}"
        else:
            domain = _weighted(rng, _EMAIL_DOMAINS)
        value = f"{local}@{domain}"
        if rng.random() < 0.06:
            value = value[0].upper() + value[1:]
        return value

    # ---- SSN / card --------------------------------------------------------
    def ssn(self, token: str, ctx: dict) -> str:
        rng = self.rng
        while True:
            area = rng.randint(1, 899)
            group = rng.randint(1, 99)
            serial = rng.randint(1, 9999)
            d = f"{area:03d}{group:02d}{serial:04d}"
            if area != 666 and d not in _FAMOUS_SSNS:
                break
        fmt = _weighted(rng, (("-", 60), ("", 25), (" ", 15)))
        return f"{d[:3]}{fmt}{d[3:5]}{fmt}{d[5:]}"

    def card(self, token: str, ctx: dict) -> str:
        rng = self.rng
        brand = _weighted(rng, (("visa", 40), ("mc", 30), ("amex", 15), ("disc", 15)))
        if brand == "visa":
            prefix, length = "4", 16
        elif brand == "mc":
            prefix = str(rng.randint(51, 55)) if rng.random() < 0.8 else str(rng.randint(2221, 2720))
            length = 16
        elif brand == "amex":
            prefix, length = rng.choice(("34", "37")), 15
        else:
            prefix = rng.choice(("6011", str(rng.randint(644, 649)), "65"))
            length = 16
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        digits = body + luhn_check_digit(body)
        ctx.setdefault("brand", rng.choice(_BRAND_WORDS[brand]))
        sep = _weighted(rng, ((" ", 45), ("-", 25), ("", 30)))
        cuts = (0, 4, 10, 15) if length == 15 else (0, 4, 8, 12, 16)  # Amex 4-6-5, others 4-4-4-4
        return sep.join(digits[a:b] for a, b in pairwise(cuts))

    # ---- ages --------------------------------------------------------------
    def _age_value(self, ctx: dict, group: str) -> int:
        if "age" in ctx:
            return ctx["age"]
        rng = self.rng
        if group == "":
            r = rng.random()
            group = "Y" if r < 0.4 else "A" if r < 0.75 else "O"
        if group == "Y":
            n = rng.randint(10, 17)
        elif group == "A":
            n = rng.randint(18, 89)
        else:
            n = rng.randint(60, 89) if rng.random() < 0.5 else rng.randint(90, 104)
        ctx["age"] = n
        return n

    def age(self, token: str, ctx: dict) -> str:
        rng = self.rng
        group = token[-1] if token.count("_") == 2 else ""
        token = token[:-2] if group else token
        n = self._age_value(ctx, group)
        if token == "AGE_NUM":
            return str(n)
        if token == "AGE_KW":
            kw = ("age {n}", "aged {n}", "Age {n}", "age: {n}", "Age: {n}", "aged {n}")
            return rng.choice(kw).format(n=n)
        if token == "AGE_PRED":
            return rng.choice(
                ("{n} years old", "{n} years old", "{n} yrs old", "{n} years of age", "{n} yo", "{n}")
            ).format(n=n)
        return _weighted(
            rng,
            (
                ("{n}-year-old", 30),
                ("{n} year old", 18),
                ("{n}-yr-old", 5),
                ("{n} yr old", 5),
                ("{n} y/o", 12),
                ("{n}yo", 8),
                ("{n} yo", 8),
                ("{n} y.o.", 6),
                ("{n}y/o", 4),
                ("{n} year-old", 4),
            ),
        ).format(n=n)

    # ---- DOB ---------------------------------------------------------------
    def dob(self, token: str, ctx: dict) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            age = rng.randint(1, 17)
        elif r < 0.85:
            age = rng.randint(18, 89)
        else:
            age = rng.randint(90, 104)
        start = date(REFERENCE_DATE.year - age - 1, REFERENCE_DATE.month, REFERENCE_DATE.day)
        d = start + timedelta(days=rng.randint(1, 365))
        ctx.setdefault(
            "age", REFERENCE_DATE.year - d.year - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (d.month, d.day))
        )
        m, dd, y, mon = d.month, d.day, d.year, _MONTHS[d.month - 1]
        two_digit_year = 10 if age < 80 else 0  # "2/26/31" would read as 2031
        ordinal = "th" if 10 <= dd <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
        return _weighted(
            rng,
            (
                (f"{m:02d}/{dd:02d}/{y}", 22),
                (f"{m}/{dd}/{y}", 14),
                (f"{m}/{dd}/{y % 100:02d}", two_digit_year),
                (f"{y}-{m:02d}-{dd:02d}", 10),
                (f"{mon} {dd}, {y}", 12),
                (f"{mon[:3]} {dd}, {y}", 6),
                (f"{mon} {dd} {y}", 4),
                (f"{dd} {mon} {y}", 6),
                (f"{dd} {mon[:3]} {y}", 3),
                (f"{m:02d}-{dd:02d}-{y}", 6),
                (f"{mon} {dd}{ordinal}, {y}", 4),
                (f"{m}.{dd}.{y}", 3),
            ),
        )

    # ---- the rest of Safe Harbor's list --------------------------------------
    def zip_code(self, token: str, ctx: dict) -> str:
        rng = self.rng
        while True:
            z = f"{rng.randint(1001, 99950):05d}"
            if z not in ("12345", "11111", "99999"):
                break
        return z + (f"-{rng.randint(1, 9999):04d}" if rng.random() < 0.15 else "")

    def _slug(self, ctx: dict) -> tuple[str, str]:
        if "person" in ctx:
            first, last = ctx["person"]
        else:
            first, last, _ = self._first_last(self.rng.choice("fm"))
        f = re.sub(r"[^a-z0-9]", "", _ascii_fold(first).lower()) or "client"
        la = re.sub(r"[^a-z0-9]", "", _ascii_fold(last).lower()) or "family"
        return f, la

    def url(self, token: str, ctx: dict) -> str:
        rng = self.rng
        f, la = self._slug(ctx)
        value = _weighted(
            rng,
            (
                (f"gofundme.com/f/help-{f}-{la}", 14),
                (f"https://www.gofundme.com/f/{f}-{la}-recovery", 10),
                (f"www.caringbridge.org/visit/{f}{la}", 8),
                (f"https://{f}{la}.wordpress.com", 8),
                (f"{f}-{la}.com", 6),
                (f"https://www.legacy.com/us/obituaries/name/{f}-{la}-obituary", 6),
                (f"http://{f}{la}.blogspot.com/2024/03/my-story.html", 5),
                (f"linktr.ee/{f}{la}", 5),
                (f"www.{f}{la}{rng.randint(1, 99)}.net", 4),
                (f"https://givesendgo.com/{f}{la}", 4),
                (f"sites.google.com/view/{f}-{la}", 4),
                (f"https://{f}{la}.carrd.co", 3),
            ),
        )
        return value

    def ip(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if rng.random() < 0.15:
            groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(8)]
            if rng.random() < 0.5:
                return "2001:db8::" + ":".join(groups[:3])
            return ":".join(groups)
        first = rng.choice([n for n in range(11, 224) if n not in (127, 169, 172, 192)])
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def bank(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if token == "IBAN":
            country, length = rng.choice((("DE", 18), ("ES", 20), ("GB", 0)))
            bban = (
                "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
                + "".join(str(rng.randint(0, 9)) for _ in range(14))
                if country == "GB"
                else "".join(str(rng.randint(0, 9)) for _ in range(length))
            )
            numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
            iban = f"{country}{98 - int(numeric) % 97:02d}{bban}"
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.6 else iban
        digits = "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(8, 14)))
        if rng.random() < 0.2:
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        return digits

    def gov_id(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if token == "ITIN":
            group = rng.choice([*range(50, 66), *range(70, 89), *range(90, 93), *range(94, 100)])
            sep = _weighted(rng, (("-", 70), (" ", 15), ("", 15)))
            return f"9{rng.randint(0, 99):02d}{sep}{group}{sep}{rng.randint(1, 9999):04d}"
        if token == "PASSPORT":
            if rng.random() < 0.5:
                return f"{rng.choice('ACEGHKLMNPRSTXZ')}{rng.randint(10_000_000, 99_999_999)}"
            return f"{rng.randint(100_000_000, 999_999_999)}"
        if token == "DL":
            return _weighted(
                rng,
                (
                    (f"{rng.choice('ABCDFGHJKLMNPRSTW')}{rng.randint(1_000_000, 9_999_999)}", 40),
                    (f"{rng.randint(1_000_000, 9_999_999)}", 25),
                    (f"{rng.randint(100_000_000, 999_999_999)}", 20),
                    (f"{rng.choice('ABCDFGHJKLMNPRSTW')}{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", 15),
                ),
            )
        return rng.choice(("RN", "")) + f"{rng.randint(100_000, 9_999_999)}"

    def vehicle(self, token: str, ctx: dict) -> str:
        rng = self.rng
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if token == "VIN":
            chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
            values = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
            values.update({**dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9})
            values.update(dict(zip("STUVWXYZ", range(2, 10), strict=True)))
            weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
            while True:
                vin = [rng.choice(chars) for _ in range(17)]
                vin[0] = rng.choice("12345JKLSWZ")
                check = sum(values[c] * w for c, w in zip(vin, weights, strict=True)) % 11
                vin[8] = "X" if check == 10 else str(check)
                value = "".join(vin)
                if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
                    return value
        a = "".join(rng.choice(letters) for _ in range(3))
        return _weighted(
            rng,
            (
                (f"{rng.randint(1, 9)}{a}{rng.randint(100, 999)}", 35),
                (f"{a} {rng.randint(1000, 9999)}", 25),
                (f"{a}-{rng.randint(100, 999)}", 15),
                (f"{rng.randint(100, 999)} {a}", 15),
                (f"{a}{rng.randint(1000, 9999)}", 10),
            ),
        )

    def device(self, token: str, ctx: dict) -> str:
        rng = self.rng
        if token == "IMEI":
            body = "35" + "".join(str(rng.randint(0, 9)) for _ in range(12))
            return body + luhn_check_digit(body)
        if token == "MAC":
            sep = rng.choice(":-")
            octets = [f"{rng.randint(0, 255):02X}" for _ in range(6)]
            octets[0] = f"{rng.randint(0, 63) * 4:02X}"  # a unicast, globally administered address
            value = sep.join(octets)
            return value.lower() if rng.random() < 0.3 else value
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return _weighted(
            rng,
            (
                (f"{''.join(rng.choice(letters) for _ in range(2))}{rng.randint(10_000_000, 99_999_999)}", 40),
                (f"{rng.randint(1000, 9999)}-{rng.choice(letters)}{rng.randint(1000, 9999)}", 30),
                (
                    f"{rng.choice(letters)}{rng.randint(10, 99)}{''.join(rng.choice(letters) for _ in range(3))}"
                    f"{rng.randint(1000, 9999)}",
                    30,
                ),
            ),
        )

    def phone_intl(self, token: str, ctx: dict) -> str:
        rng = self.rng

        def d(n: int) -> str:
            return "".join(str(rng.randint(0, 9)) for _ in range(n))

        return _weighted(
            rng,
            (
                (f"+52 {rng.choice(('55', '33', '81'))} {d(4)} {d(4)}", 20),
                (f"+52 1 {rng.choice(('55', '33', '81'))} {d(4)} {d(4)}", 5),
                (f"+502 {rng.choice('3456')}{d(3)} {d(4)}", 10),
                (f"+503 {rng.choice('67')}{d(3)} {d(4)}", 8),
                (f"+504 {rng.choice('389')}{d(3)}-{d(4)}", 8),
                (f"+34 6{d(2)} {d(3)} {d(3)}", 10),
                (f"+57 3{d(2)} {d(3)} {d(4)}", 8),
                (f"+44 7{d(3)} {d(6)}", 6),
                (f"+63 9{d(2)} {d(3)} {d(4)}", 6),
                (f"+84 9{d(1)} {d(3)} {d(4)}", 5),
                (f"+52{rng.choice(('55', '33', '81'))}{d(8)}", 6),
                (f"011 52 {rng.choice(('55', '33', '81'))} {d(4)} {d(4)}", 4),
            ),
        )

    def personal_date(self, token: str, ctx: dict) -> str:
        rng = self.rng
        d = REFERENCE_DATE - timedelta(days=rng.randint(-120, 720))
        m, dd, y, mon = d.month, d.day, d.year, _MONTHS[d.month - 1]
        return _weighted(
            rng,
            (
                (f"{m:02d}/{dd:02d}/{y}", 25),
                (f"{m}/{dd}/{y}", 15),
                (f"{m}/{dd}/{y % 100:02d}", 10),
                (f"{y}-{m:02d}-{dd:02d}", 10),
                (f"{mon} {dd}, {y}", 15),
                (f"{mon[:3]} {dd}", 10),
                (f"{mon} {dd}", 10),
                (f"{m}-{dd}-{y}", 5),
            ),
        )

    # ---- assembly ----------------------------------------------------------
    def fill(self, template: str, lowercase: bool = False) -> dict:
        makers: dict[str, Callable[[str, dict], str]] = {
            "NAME": self.name,
            "ADDRESS": self.address,
            "PHONE": self.phone,
            "EMAIL": self.email,
            "SSN": self.ssn,
            "CARD": self.card,
            "AGE": self.age,
            "DOB": self.dob,
            "ZIP": self.zip_code,
            "URL": self.url,
            "IP": self.ip,
            "BANK": self.bank,
            "GOV_ID": self.gov_id,
            "VEHICLE": self.vehicle,
            "DEVICE": self.device,
            "PHONE_INTL": self.phone_intl,
            "DATE": self.personal_date,
        }
        ctx: dict = {}
        pieces: list[tuple[str, str | None]] = []
        pos = 0
        # DOB goes first so an age in the same sentence agrees with it.
        tokens = list(_TOKEN_RE.finditer(template))
        values: dict[int, str] = {}
        for i in sorted(range(len(tokens)), key=lambda k: tokens[k].group(1) != "DOB"):
            tok = tokens[i].group(1)
            if tok in _TOKEN_TYPE:
                values[i] = makers[_TOKEN_TYPE[tok]](tok, ctx)
        for i, m in enumerate(tokens):
            pieces.append((template[pos : m.start()], None))
            tok = m.group(1)
            if tok in _TOKEN_TYPE:
                pieces.append((values[i], _TOKEN_TYPE[tok]))
            else:
                pieces.append((self._filler(tok, ctx), None))
            pos = m.end()
        pieces.append((template[pos:], None))

        text_parts: list[str] = []
        spans = []
        offset = 0
        for chunk, typ in pieces:
            if lowercase:
                chunk = chunk.lower()
            if typ is not None:
                end = offset + len(chunk)
                spans.append({"start": offset, "end": end, "type": typ, "value": chunk})
            text_parts.append(chunk)
            offset += len(chunk)
        text = "".join(text_parts)
        for s in spans:
            assert text[s["start"] : s["end"]] == s["value"], (text, s)
        return {"text": text, "spans": spans}

    def _filler(self, tok: str, ctx: dict) -> str:
        rng = self.rng
        if tok == "A":
            n = ctx.get("age", 0)
            return "an" if n in (11, 18) or 80 <= n <= 89 or n == 8 else "a"
        if tok == "BRAND":
            return ctx.get("brand", "Visa")
        if tok == "EXP":
            return f"{rng.randint(1, 12):02d}/{rng.randint(25, 31)}"
        if tok == "CVV":
            return f"{rng.randint(100, 999)}"
        raise KeyError(tok)


def generate(n_per_type: int = 60, seed: int = 1) -> list[dict]:
    """Each item: {"text": str, "spans": [{"start": int, "end": int, "type": str, "value": str}]}
    (Python str offsets).  Every sentence contains at least one span of the type being
    generated and may contain others (also labelled).  Items are grouped by type in
    TYPES order, n_per_type items per type."""
    gen = _Gen(seed)
    rng = gen.rng
    out: list[dict] = []
    for typ in TYPES:
        pool = list(TEMPLATES[typ])
        for i in range(n_per_type):
            if i % len(pool) == 0:  # cycle through every template, reshuffled per seed and round
                rng.shuffle(pool)
            template = pool[i % len(pool)]
            lowercase = typ == "NAME" and rng.random() < 0.1
            item = gen.fill(template, lowercase=lowercase)
            assert any(s["type"] == typ for s in item["spans"]), (typ, item)
            out.append(item)
    return out


Detector = Callable[[str], Iterable[tuple[int, int, str]]]


def recall(samples: list[dict], detect: Detector) -> dict[str, dict]:
    """detect(text) -> iterable of (start, end, type) with type in TYPES (callers map their
    own labels first).  A gold span is recalled when some predicted span of the same type
    overlaps at least half of the gold span's characters.
    Returns {type: {"gold": n, "hit": k, "recall": k/n}} plus an "ALL" entry (micro average).
    Types with no gold spans get recall 0.0."""
    gold = {t: 0 for t in TYPES}
    hit = {t: 0 for t in TYPES}
    for sample in samples:
        preds: dict[str, list[tuple[int, int]]] = {}
        for start, end, typ in detect(sample["text"]) or ():
            preds.setdefault(typ, []).append((int(start), int(end)))
        for span in sample["spans"]:
            typ, gs, ge = span["type"], span["start"], span["end"]
            gold[typ] += 1
            need = ge - gs
            if any(2 * (min(ge, pe) - max(gs, ps)) >= need for ps, pe in preds.get(typ, ())):
                hit[typ] += 1
    result = {t: {"gold": gold[t], "hit": hit[t], "recall": hit[t] / gold[t] if gold[t] else 0.0} for t in TYPES}
    g, h = sum(gold.values()), sum(hit.values())
    result["ALL"] = {"gold": g, "hit": h, "recall": h / g if g else 0.0}
    return result


if __name__ == "__main__":
    _n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    _seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for _item in generate(_n, _seed):
        print(json.dumps(_item, ensure_ascii=False))
