#!/usr/bin/env python3
# Written by an independent helper who never saw ClientSafe's recognizers (the second generator of issue 11); its
# output is tests/data/identifiers_second_generator*.jsonl, read by bench/identifier_recall.py. Not tuned on.
"""Independent generator of short social-media-style sentences with personal identifiers.

Each positive sentence mentions one or two HIPAA Safe Harbor style identifiers of a
person the writer serves (client, patient, student), with exact character spans.
A separate negative file holds sentences full of numbers that are NOT personal
identifiers (prices, times, scores, versions, public event dates, ...).

Sources of values:
  * Faker (pinned to 40.63.0) for locale data: SSNs, ITINs, IBANs, card numbers,
    street addresses, ZIP codes, licence plates, e-mail addresses, user names,
    IPv4 addresses, US passport numbers, dates.
  * small hand-written generators (below) for formats Faker lacks or renders oddly:
    international phone formats, Medicare MBIs, IMSS NSS, CLABE, Spanish CCC,
    IMEI, device serials, licence/certificate numbers, driver licence formats.
  * sentence templates written by hand for this file (English and Spanish).

Usage:
    python identifier_sentences.py --n 1600 --seed 7 --out identifier_sentences.jsonl
    (the negative file goes to --neg-out, default identifier_negatives.jsonl next to --out)

Output line shape:
    {"id": "...", "lang": "en"|"es", "text": "...",
     "entities": [{"type": T, "start": s, "end": e}]}
Offsets are Python ``str`` indices (Unicode code points), end exclusive, and
text[start:end] is exactly the identifier value (never its label words).

Determinism: Faker.seed(), random.seed(), a private random.Random(seed) for all
template/format choices and Faker.seed_instance() per locale; no use of "today".
Same seed + same Faker version => byte-identical files.
"""

import argparse
import collections
import datetime as dt
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata

from faker import Faker

# ---------------------------------------------------------------------------
# Entity types (HIPAA Safe Harbor identifiers covered by this generator)
# ---------------------------------------------------------------------------
TYPES = [
    "US_SSN",
    "PHONE_NUMBER",
    "FAX_NUMBER",
    "EMAIL_ADDRESS",
    "STREET_ADDRESS",
    "ZIP_CODE",
    "DATE",
    "AGE_OVER_89",
    "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN_ID",
    "ACCOUNT_NUMBER",
    "IBAN_CODE",
    "CREDIT_CARD",
    "US_ITIN",
    "PASSPORT",
    "DRIVER_LICENSE",
    "LICENSE_PLATE",
    "DEVICE_ID",
    "CERTIFICATE_NUMBER",
    "URL",
    "IP_ADDRESS",
]

MIN_PER_TYPE = 70  # every type must appear in at least this many sentences
MIN_TEMPLATES = 8  # hand-written single-identifier templates per type per language

# Well-known sample / test numbers that must never be emitted.
FAMOUS = {
    "123456789",
    "078051120",
    "219099999",
    "987654320",
    "111111111",
    "4111111111111111",
    "4242424242424242",
    "5555555555554444",
    "5105105105105100",
    "378282246310005",
    "371449635398431",
    "6011111111111117",
    "4012888888881881",
    "1EG4TE5MK73",  # CMS's example Medicare Beneficiary Identifier
}

# ---------------------------------------------------------------------------
# Sentence templates
#
# {TYPE} or {TYPE:variant} is an identifier slot (variant picks a sub-format,
# e.g. {PHONE_NUMBER:intl}, {DATE:dob}).  Lower-case {names} are fillers:
#   English: {she} {She} {his} {His} {him} {man}
#   Spanish: {o} (o/a ending) {el} {El} {del} {lo} {Lo} {senor} {ella}
#   from generators: {dl_state} {dl_de} (driver licence), {placa} {Placa} (plate word)
# No person names, cities or other unlabelled identifiers appear in templates.
# ---------------------------------------------------------------------------
TEMPLATES = {
    "en": {
        "US_SSN": [
            "Client left {his} SS card at home but read me the number: {US_SSN}. Intake is done.",
            "ssn {US_SSN} — can someone run the benefits check before 3?",
            "{US_SSN} is the social on the application, pls double check it matches the card",
            "Ugh, SSA letter came back again. {She} swears {his} social is {US_SSN} 🙄",
            "Reminder for the Medicaid packet: pt SSN {US_SSN}, signed consent on file.",
            "Had to call the registrar, they had the kid's SSN as {US_SSN} and it's actually right",
            "my client's social security number is {US_SSN}, the employer typed it wrong on the W-2 😤",
            "For the SNAP recert I need SS# {US_SSN} verified by Friday.",
            "{His} last 4 don't match... full SSN on the form is {US_SSN}",
            "Patient SSN: {US_SSN} (verified w/ card)",
        ],
        "PHONE_NUMBER": [
            "Best number to reach my client is {PHONE_NUMBER}, text before calling pls",
            "{PHONE_NUMBER} is the mom's cell, she works nights so call after 4",
            "new number for pt: {PHONE_NUMBER}",
            "call {him} at {PHONE_NUMBER} about the refill, {she} doesn't check voicemail",
            "Student's emergency contact changed to {PHONE_NUMBER} 📞",
            "if the front desk gets a call from {PHONE_NUMBER} it's my client, put it through",
            "{She}'s staying with family abroad for a month, reach {him} at {PHONE_NUMBER:intl}",
            "Called {PHONE_NUMBER} three times today, straight to voicemail 😤",
            "Pt's spouse can be reached on {PHONE_NUMBER:intl} (in Mexico till June)",
            "Updated contact info for my client — phone {PHONE_NUMBER}.",
            "{His} daughter's cell is {PHONE_NUMBER:us} if {she} doesn't pick up",
        ],
        "FAX_NUMBER": [
            "Pt asked us to fax the discharge summary to {his} home fax at {FAX_NUMBER}.",
            "fax: {FAX_NUMBER} — that's the client's own machine, not the agency's",
            "{She} still uses a fax for everything lol. Send the forms to {FAX_NUMBER}",
            "Fax # on the intake sheet is {FAX_NUMBER}, is that really the family's?",
            "Send the signed lease copy to my client's fax {FAX_NUMBER} before noon",
            "Student's grandma wants report cards faxed to {FAX_NUMBER} 😅",
            "{FAX_NUMBER} is the fax at the client's home office, ok to use for the ROI",
            "tried faxing {his} records to {FAX_NUMBER} and it keeps failing",
            "home fax {FAX_NUMBER} (pt prefers that over email)",
        ],
        "EMAIL_ADDRESS": [
            "client's email is {EMAIL_ADDRESS}, send the appt reminder there",
            "{EMAIL_ADDRESS} — that's the parent email for the field trip form",
            "pt wants the lab results sent to {EMAIL_ADDRESS} instead of the portal",
            "Can someone update the student's contact? new email {EMAIL_ADDRESS}",
            "{She} keeps emailing me from {EMAIL_ADDRESS} at 2am 😩",
            "email on file: {EMAIL_ADDRESS}",
            "bounced again. Are we sure {his} email is {EMAIL_ADDRESS}?",
            "Reach my client at {EMAIL_ADDRESS}, {she} doesn't have a working phone rn",
            "Sent the housing voucher to {EMAIL_ADDRESS} this morning ✅",
            "{EMAIL_ADDRESS} is the only contact we have for the family",
        ],
        "STREET_ADDRESS": [
            "Home visit tomorrow at {STREET_ADDRESS}, bring the forms",
            "client moved!! new address is {STREET_ADDRESS}",
            "{STREET_ADDRESS} — that's where the kid is staying with grandma now",
            "pt lives alone at {STREET_ADDRESS}, needs meals on wheels",
            "Dropped off the food box at {STREET_ADDRESS}, nobody answered 🙄",
            "Address on the intake: {STREET_ADDRESS}. Landlord says {she}'s behind on rent",
            "EMS picked {him} up from {STREET_ADDRESS} around 2am",
            "Student's mailing address changed to {STREET_ADDRESS}",
            "{She} gave {STREET_ADDRESS} as {his} home address but the mail keeps coming back",
        ],
        "ZIP_CODE": [
            "{she} lives in {ZIP_CODE}, so {she}'s outside our service area",
            "client's zip is {ZIP_CODE}, does that count for the county program?",
            "{ZIP_CODE} — that's the zip the family gave for the school transfer",
            "pt moved to {ZIP_CODE} last month, need a new pharmacy near there",
            "zip code on the form says {ZIP_CODE} but {she} swears it's wrong",
            "The voucher only works if {his} ZIP is {ZIP_CODE} or nearby 🙄",
            "kid is now living in {ZIP_CODE} with dad, bus route changes",
            "mail the refund check to my client's new ZIP, {ZIP_CODE}",
            "Home ZIP: {ZIP_CODE}",
        ],
        "DATE": [
            "pt DOB {DATE:dob}, please verify before the draw",
            "{DATE:dob} is the birthday on file but {she} says it's wrong",
            "Admitted {DATE:event} for chest pain, still on the floor",
            "discharged on {DATE:event}, follow-up not scheduled yet 😬",
            "My client passed away on {DATE:event}. Still processing it honestly.",
            "Student was born {DATE:child}, so {she}'s eligible for kindergarten next fall",
            "next appt is {DATE:event} at the clinic, reminder sent",
            "date of birth: {DATE:dob}",
            "{She} missed court on {DATE:event} and now there's a warrant 🙄",
            "{His} birthday's {DATE:dob}!! we're doing cupcakes 🎂",
        ],
        "AGE_OVER_89": [
            "{She} is {AGE_OVER_89} and still takes the bus to dialysis",
            "my oldest client turns {AGE_OVER_89} next week 🎉",
            "pt is a {AGE_OVER_89} y/o with CHF, fall risk",
            "{AGE_OVER_89:num} years old and sharper than me lol",
            "Age: {AGE_OVER_89}. Lives alone. Needs home health eval.",
            "{She}'s {AGE_OVER_89}, no family nearby, meals on wheels approved",
            "{AGE_OVER_89:num}yo, admitted for pneumonia, DNR on file",
            "a {AGE_OVER_89}-year-old {man} came in alone by cab tonight",
            "{AGE_OVER_89:num} and refuses the walker 🙄",
            "new resident on our hall is {AGE_OVER_89} years young ❤️",
        ],
        "MEDICAL_RECORD_NUMBER": [
            "MRN {MEDICAL_RECORD_NUMBER} — pt is asking for {his} records again",
            "pls pull chart for MRN: {MEDICAL_RECORD_NUMBER}, labs look off",
            "wrong patient in the room, the band said MRN {MEDICAL_RECORD_NUMBER} 😬",
            "med rec # {MEDICAL_RECORD_NUMBER}, bed 12, needs pain reassessed",
            "Can you merge the duplicate chart? correct medical record number is {MEDICAL_RECORD_NUMBER}",
            "chart #{MEDICAL_RECORD_NUMBER} — discharge paperwork not signed",
            "MR# {MEDICAL_RECORD_NUMBER} flagged for fall risk",
            "The clinic has my client under medical record no. {MEDICAL_RECORD_NUMBER}",
            "Pt MRN {MEDICAL_RECORD_NUMBER}, allergies updated ✅",
        ],
        "HEALTH_PLAN_ID": [
            "Medicare MBI {HEALTH_PLAN_ID:mbi}, new card came in the mail",
            "pt's Medicaid ID is {HEALTH_PLAN_ID:medicaid}, coverage active through Dec",
            "member ID {HEALTH_PLAN_ID:member} — insurance denied the MRI again 😤",
            "{HEALTH_PLAN_ID:mbi} is {his} Medicare number, the old SSN-based one is void",
            "Can you verify eligibility for Medicaid # {HEALTH_PLAN_ID:medicaid}?",
            "Insurance: BCBS, member id {HEALTH_PLAN_ID:bcbs}",
            "Medi-Cal BIC {HEALTH_PLAN_ID:medical} for my client, need it on the referral",
            "Subscriber ID {HEALTH_PLAN_ID:member}, group number unknown",
            "new Medicare card: {HEALTH_PLAN_ID:mbi} ✅",
            "CHIP/Medicaid number for the student: {HEALTH_PLAN_ID:medicaid}",
        ],
        "ACCOUNT_NUMBER": [
            "client's checking account # {ACCOUNT_NUMBER} for the direct deposit",
            "acct no. {ACCOUNT_NUMBER} — bank froze it after the fraud 😩",
            "SSI deposit goes to savings account {ACCOUNT_NUMBER}",
            "Bank account: {ACCOUNT_NUMBER}. Rep payee needs view access.",
            "{ACCOUNT_NUMBER} is {his} account number at the credit union",
            "the refund went to account {ACCOUNT_NUMBER}, which {she} closed last year 🤦",
            "Direct deposit form: acct {ACCOUNT_NUMBER}, checking",
            "pt's spouse says bills auto-pay from account number {ACCOUNT_NUMBER}",
            "{She} read me {his} full bank account number ({ACCOUNT_NUMBER}) over speakerphone 😬",
        ],
        "IBAN_CODE": [
            "{His} IBAN is {IBAN_CODE}, {she}'s back in Europe and wants the deposit refunded",
            "Refund the overpayment to IBAN {IBAN_CODE} pls",
            "{IBAN_CODE} — client's account abroad for the pension transfer",
            "student's family asked us to wire the scholarship to {IBAN_CODE}",
            "IBAN: {IBAN_CODE}",
            "bank details from pt (lives in Spain now): {IBAN_CODE:es}",
            "Can finance send the refund to {IBAN_CODE}? it's my client's account",
            "{She} sent {his} IBAN as {IBAN_CODE}, check the digits before wiring",
            "wire to IBAN {IBAN_CODE} approved ✅",
        ],
        "CREDIT_CARD": [
            "client paid the copay with card {CREDIT_CARD}, it got declined twice",
            "{She} read me {his} card number over the phone: {CREDIT_CARD} 😬 never do that",
            "card on file {CREDIT_CARD}, exp next year",
            "pls charge {CREDIT_CARD} for the field trip fee, mom said ok",
            "Visa {CREDIT_CARD:visa16}, billing address matches",
            "{CREDIT_CARD} is the card the pt wants on file for the pharmacy",
            "there's a fraud charge on {his} card {CREDIT_CARD}, bank was called",
            "CC#: {CREDIT_CARD}",
            "Amex {CREDIT_CARD:amex} for the deposit",
            "{His} Mastercard number is {CREDIT_CARD:mastercard}, {she} wants autopay",
        ],
        "US_ITIN": [
            "client doesn't have an SSN, ITIN is {US_ITIN}",
            "ITIN {US_ITIN} — need it on the tax return by Friday",
            "{US_ITIN} is {his} ITIN, the letter from IRS came yesterday",
            "For the free tax clinic: taxpayer ITIN {US_ITIN}, renewal needed?",
            "{His} ITIN expired, the old one was {US_ITIN}",
            "the bank will open the account with an ITIN ({US_ITIN}) instead of SSN ✅",
            "ITIN: {US_ITIN}",
            "student's dad uses ITIN {US_ITIN} for the FAFSA",
            "pls double-check the ITIN on the 1040, should be {US_ITIN}",
        ],
        "PASSPORT": [
            "passport # {PASSPORT:us} — expires in 3 months, needs renewal",
            "pt's only ID is a Mexican passport, number {PASSPORT:mx}",
            "{PASSPORT} is the passport number on the I-94 copy",
            "Student's UK passport no. {PASSPORT:gb} for the exchange program",
            "Passport: {PASSPORT}",
            "client lost {his} passport ({PASSPORT:us}) on the bus 😩 filed a report",
            "Spanish passport {PASSPORT:es}, {she}'s here on a student visa",
            "German passport number {PASSPORT:de} — for the embassy letter",
            "french passport n° {PASSPORT:fr}, copy in the file",
            "Colombian passport {PASSPORT:co}, asylum intake tomorrow",
        ],
        "DRIVER_LICENSE": [
            "{dl_state} DL {DRIVER_LICENSE} — suspended, so no driving to appts",
            "driver's license # {DRIVER_LICENSE}, exp 2027",
            "client's {dl_state} driver license number is {DRIVER_LICENSE}",
            "DL: {DRIVER_LICENSE}",
            "{DRIVER_LICENSE} is the license number on the ID scan, matches ✅",
            "cop pulled {him} over, license {DRIVER_LICENSE} came back suspended 🙄",
            "Parent's driver's license for the volunteer check: {DRIVER_LICENSE}",
            "copied {his} {dl_state} license ({DRIVER_LICENSE}) for the housing app",
            "DMV says license no. {DRIVER_LICENSE} was never renewed",
        ],
        "LICENSE_PLATE": [
            "client's car (plate {LICENSE_PLATE}) got towed from the lot again",
            "{LICENSE_PLATE} — that's the mom's van, she's allowed in pickup line",
            "plate # {LICENSE_PLATE}, blue Corolla, parked in the ER bay",
            "security asked about {LICENSE_PLATE}, it's my client's car, all good",
            "license plate: {LICENSE_PLATE}",
            "pt left {his} car in the garage, tag {LICENSE_PLATE}, family picking it up",
            "ticket was for plate {LICENSE_PLATE}, need to fight it for {him}",
            "student drives a white jeep, plates {LICENSE_PLATE} 🚙",
            "{She} sleeps in {his} car some nights, plate {LICENSE_PLATE}, check the Walmart lot",
        ],
        "DEVICE_ID": [
            "pt's pacemaker serial {DEVICE_ID:pacemaker}, rep is coming to interrogate it",
            "IMEI {DEVICE_ID:imei} — client's phone was stolen, need it for the report",
            "insulin pump SN {DEVICE_ID:pump}, needs replacement under warranty",
            "student's Chromebook serial # {DEVICE_ID:chromebook} is the one that got cracked 😩",
            "CPAP serial number {DEVICE_ID:cpap}, DME says recall applies",
            "hearing aid serial {DEVICE_ID:hearing}, left ear, lost at the bus stop",
            "{DEVICE_ID:imei} is the IMEI of the phone we gave {him} through the program",
            "device ID: {DEVICE_ID}",
            "CGM transmitter {DEVICE_ID:cgm} keeps dropping signal",
            "the tablet assigned to my client has S/N {DEVICE_ID:laptop}",
        ],
        "CERTIFICATE_NUMBER": [
            "client's CNA certificate # {CERTIFICATE_NUMBER:cna}, needs it verified for the job",
            "RN license {CERTIFICATE_NUMBER:rn} — the board still shows it lapsed",
            "birth certificate no. {CERTIFICATE_NUMBER:birth} for the school enrollment",
            "{CERTIFICATE_NUMBER:food} is {his} food handler cert number, expires soon",
            "teaching certificate number {CERTIFICATE_NUMBER:teach}, {she}'s my student teacher this term",
            "Certificate #: {CERTIFICATE_NUMBER}",
            "marriage certificate {CERTIFICATE_NUMBER:marriage} needed for the name change",
            "GED certificate no. {CERTIFICATE_NUMBER:ged} 🎓 {she} finally passed!!",
            "cosmetology license {CERTIFICATE_NUMBER:cosmo} — client wants to reinstate it",
            "death certificate number {CERTIFICATE_NUMBER:death} for the life insurance claim",
        ],
        "URL": [
            "found my client's gofundme: {URL:gofundme}",
            "{URL:insta} — that's the student's insta, parents should see this 😬",
            "pt keeps posting about us on {his} facebook {URL:fb}",
            "client's portfolio site is {URL:personal}, {she}'s job hunting",
            "linkedin for my client: {URL:linkedin}",
            "this is the kid's tiktok {URL:tiktok} 💀",
            "profile: {URL}",
            "{She} asked me to share {his} blog {URL:blog} with the group",
            "Reported {URL:fb} to Facebook, it's a fake account of my client",
            "youtube channel {URL:youtube} is the student's, {she} posts game stuff",
        ],
        "IP_ADDRESS": [
            "the student's login came from {IP_ADDRESS}, not the school network",
            "client's IP {IP_ADDRESS} shows up in the portal logs 40 times in an hour",
            "{IP_ADDRESS} is the IP of my client's home router, per the ISP",
            "IP address: {IP_ADDRESS}",
            "pt's telehealth session dropped, {his} IP was {IP_ADDRESS:v6}",
            "IT blocked {IP_ADDRESS} by mistake, it's the family's home connection",
            "sign-in from {IP_ADDRESS} on {his} account — was that {him}?",
            "the kid's tablet keeps getting {IP_ADDRESS:v6} and can't reach the test site",
            "ISP confirmed {IP_ADDRESS} belongs to my client's apartment",
        ],
    },
    "es": {
        "US_SSN": [
            "Mi cliente por fin trajo su tarjeta del Seguro Social: {US_SSN} ✅",
            "el número de seguro social de {el} {senor} es {US_SSN}, ya lo verifiqué",
            "SSN {US_SSN} — necesito que alguien lo confirme antes de mandar la solicitud de Medicaid",
            "{US_SSN} es el social que puso en la aplicación, pero no coincide con la carta 😩",
            "Para la renovación de SNAP me falta confirmar su seguro social ({US_SSN}).",
            "La escuela tenía mal el SSN {del} alumn{o}, el correcto es {US_SSN}.",
            "Le expliqué que no comparta su social por WhatsApp... y me lo mandó: {US_SSN} 🤦‍♀️",
            "Número de Seguro Social {del} paciente: {US_SSN}, verificado con la tarjeta.",
            "Ya llamé al Seguro Social, {el} cliente aparece con el {US_SSN} y todo bien.",
        ],
        "PHONE_NUMBER": [
            "El número de mi cliente es {PHONE_NUMBER}, mejor mándale mensaje por WhatsApp",
            "{PHONE_NUMBER} es el celular de la mamá, contesta después de las 5",
            "nuevo teléfono {del} paciente: {PHONE_NUMBER}",
            "Llamé al {PHONE_NUMBER} tres veces y nada 😩",
            "Si llaman del {PHONE_NUMBER} es mi usuari{o}, pásenme la llamada porfa",
            "Contacto de emergencia {del} alumn{o}: {PHONE_NUMBER}",
            "Está con su familia en España, se le localiza en el {PHONE_NUMBER:es}",
            "Me pidió que le marquen al {PHONE_NUMBER} para la cita de seguimiento.",
            "tel. {PHONE_NUMBER} (es de su hija, {el} {senor} no tiene celular)",
            "Cambió de número: ahora es {PHONE_NUMBER} 📱",
        ],
        "FAX_NUMBER": [
            "{El} paciente pidió que le mandemos el resumen de alta por fax al {FAX_NUMBER}.",
            "fax: {FAX_NUMBER} — es el de la casa de mi cliente, no el de la oficina",
            "Todavía usa fax para todo 😅 mándale los papeles al {FAX_NUMBER}",
            "El número de fax que puso en la solicitud es {FAX_NUMBER}, ¿será el de la familia?",
            "Manda la copia del contrato al fax {del} cliente, {FAX_NUMBER}, antes de las 12",
            "La abuela {del} alumn{o} quiere las boletas por fax al {FAX_NUMBER}",
            "{FAX_NUMBER} es el fax de su negocio, dice que ahí le llega todo",
            "Intenté mandar el expediente por fax al {FAX_NUMBER} y no pasa 😩",
            "Fax particular {del} paciente: {FAX_NUMBER}",
        ],
        "EMAIL_ADDRESS": [
            "El correo de mi cliente es {EMAIL_ADDRESS}, ahí mándale el recordatorio",
            "{EMAIL_ADDRESS} — es el correo de la mamá para el permiso de la excursión",
            "{El} paciente quiere los resultados a {EMAIL_ADDRESS} y no al portal",
            "Nuevo correo {del} alumn{o}: {EMAIL_ADDRESS}",
            "Me escribe desde {EMAIL_ADDRESS} a las 2 de la mañana 😩",
            "email: {EMAIL_ADDRESS}",
            "Rebotó otra vez el mensaje, ¿seguro que su correo es {EMAIL_ADDRESS}?",
            "Ya le mandé el formulario a {EMAIL_ADDRESS} ✅",
            "El único contacto que tenemos de la familia es {EMAIL_ADDRESS}",
        ],
        "STREET_ADDRESS": [
            "Visita domiciliaria mañana en {STREET_ADDRESS}, lleven los formularios",
            "¡Mi cliente se mudó! Nueva dirección: {STREET_ADDRESS}",
            "{STREET_ADDRESS} — ahí está viviendo el niño con su abuela ahora",
            "{El} paciente vive sol{o} en {STREET_ADDRESS} y necesita apoyo con comidas",
            "Dejé la despensa en {STREET_ADDRESS} pero nadie abrió 🙄",
            "Domicilio que dio en la entrevista: {STREET_ADDRESS}",
            "La ambulancia {lo} recogió en {STREET_ADDRESS} como a las 2 am",
            "Cambio de domicilio {del} alumn{o}: {STREET_ADDRESS}",
            "dice que vive en {STREET_ADDRESS} pero el correo siempre regresa",
        ],
        "ZIP_CODE": [
            "Vive en el {ZIP_CODE:us}, así que queda fuera de nuestra zona",
            "El código postal de mi cliente es {ZIP_CODE}, ¿entra en el programa del condado?",
            "{ZIP_CODE:us} — ese es el zip que dio la familia para el cambio de escuela",
            "{El} paciente se mudó al {ZIP_CODE} el mes pasado",
            "En la solicitud puso C.P. {ZIP_CODE:mx} pero dice que está mal",
            "Su código postal es {ZIP_CODE:es}, ya lo corregí en el sistema",
            "el zip {del} alumn{o} cambió a {ZIP_CODE:us}",
            "cp {ZIP_CODE:mx}, colonia nueva, hay que actualizar todo 😩",
            "Código postal de su casa: {ZIP_CODE}",
        ],
        "DATE": [
            "Fecha de nacimiento {del} paciente: {DATE:dob}",
            "Nació el {DATE:child}, así que ya le toca el kínder",
            "Ingresó el {DATE:event} por dolor de pecho y sigue internad{o}",
            "Le dieron de alta el {DATE:event}, falta agendar seguimiento",
            "Mi usuari{o} falleció el {DATE:event}. Todavía no lo asimilo 😢",
            "Su próxima cita es el {DATE:event}, ya le mandé recordatorio",
            "{DATE:dob} es la fecha de nacimiento que tenemos, pero dice que está mal",
            "f. nac. {DATE:dob}",
            "No se presentó a la audiencia del {DATE:event} 🙄",
            "Cumple el {DATE:dob} y le vamos a hacer pastel 🎂",
        ],
        "AGE_OVER_89": [
            "Tiene {AGE_OVER_89} años y todavía va sol{o} a la diálisis",
            "mi usuari{o} más grande cumple {AGE_OVER_89} la próxima semana 🎉",
            "Paciente de {AGE_OVER_89} años con insuficiencia cardiaca, riesgo de caída",
            "{AGE_OVER_89:num} años y más lúcid{o} que yo jaja",
            "Edad: {AGE_OVER_89}. Vive sol{o}. Necesita valoración en casa.",
            "{El} {senor} tiene {AGE_OVER_89}, no tiene familia cerca",
            "{AGE_OVER_89:num} añitos y no quiere usar la andadera 🙄",
            "Llegó sol{o} en taxi, {AGE_OVER_89} años, sin acompañante",
            "Con {AGE_OVER_89} años sigue cocinando para toda la familia ❤️",
        ],
        "MEDICAL_RECORD_NUMBER": [
            "Expediente {MEDICAL_RECORD_NUMBER} — {el} paciente pide copia otra vez",
            "Número de expediente: {MEDICAL_RECORD_NUMBER}, revisen los laboratorios",
            "NHC {MEDICAL_RECORD_NUMBER}, cama 12, reevaluar dolor",
            "¿Pueden unificar los expedientes? El correcto es el {MEDICAL_RECORD_NUMBER}",
            "historia clínica n.º {MEDICAL_RECORD_NUMBER}, falta firmar el alta",
            "La pulsera decía expediente {MEDICAL_RECORD_NUMBER} y no era {el} paciente 😬",
            "En la clínica {lo} tienen con el número de historia {MEDICAL_RECORD_NUMBER}",
            "Exp. {MEDICAL_RECORD_NUMBER}: alergias actualizadas ✅",
            "MRN {MEDICAL_RECORD_NUMBER} (así aparece en el hospital de EE. UU.)",
        ],
        "HEALTH_PLAN_ID": [
            "Su número de Medicare (MBI) es {HEALTH_PLAN_ID:mbi}",
            "Número de Medicaid {del} paciente: {HEALTH_PLAN_ID:medicaid}, vigente hasta diciembre",
            "ID de miembro del seguro: {HEALTH_PLAN_ID:member}",
            "Número de afiliación al IMSS: {HEALTH_PLAN_ID:imss}",
            "NSS {HEALTH_PLAN_ID:imss} — {el} derechohabiente no aparece en la clínica 😩",
            "Tarjeta sanitaria {HEALTH_PLAN_ID:tsi}, hay que pedir cita en el centro de salud",
            "{HEALTH_PLAN_ID:mbi} es su número de Medicare nuevo",
            "Medi-Cal BIC {HEALTH_PLAN_ID:medical}, lo necesito para la referencia",
            "Código de la tarjeta sanitaria: {HEALTH_PLAN_ID:tsi}",
        ],
        "ACCOUNT_NUMBER": [
            "Cuenta de cheques de mi cliente: {ACCOUNT_NUMBER:us}",
            "CLABE interbancaria {ACCOUNT_NUMBER:clabe} para el depósito del apoyo",
            "La pensión le cae en la cuenta de ahorros {ACCOUNT_NUMBER:co}",
            "número de cuenta: {ACCOUNT_NUMBER:ccc}",
            "{ACCOUNT_NUMBER} es su cuenta bancaria, el banco la congeló 😩",
            "Depósito directo a la cuenta {ACCOUNT_NUMBER:us} (checking)",
            "Me dio su número de cuenta, {ACCOUNT_NUMBER}, para el reembolso",
            "El reembolso se fue a la cuenta {ACCOUNT_NUMBER} que ya había cerrado 🤦‍♀️",
            "Cuenta bancaria {del} beneficiari{o}: {ACCOUNT_NUMBER}",
        ],
        "IBAN_CODE": [
            "Su IBAN es {IBAN_CODE}, quiere que le devuelvan la fianza",
            "Devolver el pago a la cuenta {IBAN_CODE} porfa",
            "IBAN: {IBAN_CODE}",
            "{IBAN_CODE} — cuenta de mi usuari{o} para la transferencia de la pensión",
            "La familia {del} alumn{o} pide que la beca se transfiera al {IBAN_CODE}",
            "Datos bancarios {del} paciente: IBAN {IBAN_CODE}",
            "Me mandó el IBAN {IBAN_CODE}, revisad los dígitos antes de la transferencia",
            "Transferencia al {IBAN_CODE} aprobada ✅",
            "¿Pueden hacer el reembolso a {IBAN_CODE}? Es la cuenta de mi cliente",
        ],
        "CREDIT_CARD": [
            "Pagó el copago con la tarjeta {CREDIT_CARD} y la rechazaron dos veces",
            "Me dictó su número de tarjeta por teléfono: {CREDIT_CARD} 😬",
            "Tarjeta registrada: {CREDIT_CARD}",
            "Cárguenle la excursión a la tarjeta {CREDIT_CARD}, la mamá ya autorizó",
            "Visa {CREDIT_CARD:visa16} para el depósito de la renta",
            "{CREDIT_CARD} es la tarjeta que quiere dejar en la farmacia",
            "Hay un cargo raro en su tarjeta {CREDIT_CARD}, ya llamamos al banco",
            "núm. de tarjeta de crédito {CREDIT_CARD}",
            "Su Mastercard es la {CREDIT_CARD:mastercard}, quiere pago automático",
        ],
        "US_ITIN": [
            "Mi cliente no tiene seguro social, su ITIN es {US_ITIN}",
            "ITIN {US_ITIN} — lo necesito para la declaración de impuestos",
            "{US_ITIN} es su número ITIN, ya le llegó la carta del IRS",
            "Para la clínica de impuestos: ITIN {del} contribuyente {US_ITIN}",
            "Se le venció el ITIN, el anterior era {US_ITIN}",
            "El banco le abrió la cuenta con su ITIN ({US_ITIN}) ✅",
            "Número de identificación personal del contribuyente: {US_ITIN}",
            "El papá {del} alumn{o} usa el ITIN {US_ITIN} para la FAFSA",
            "Revisen el ITIN en la forma 1040, debe ser {US_ITIN}",
        ],
        "PASSPORT": [
            "Su pasaporte es el {PASSPORT:mx}, vence en 3 meses",
            "La única identificación que tiene es el pasaporte mexicano {PASSPORT:mx}",
            "Pasaporte: {PASSPORT}",
            "Número de pasaporte {del} alumn{o}: {PASSPORT:es}",
            "{PASSPORT:co} es su pasaporte colombiano, lo traje en copia",
            "Perdió el pasaporte ({PASSPORT}) en el camión 😩",
            "pasaporte estadounidense n.º {PASSPORT:us}",
            "Con el pasaporte {PASSPORT:es} ya puede tramitar el NIE",
            "Pasaporte n.º {PASSPORT}, copia en el expediente",
        ],
        "DRIVER_LICENSE": [
            "Licencia de manejo {dl_de} {DRIVER_LICENSE}, está suspendida",
            "Número de licencia de conducir: {DRIVER_LICENSE}",
            "{DRIVER_LICENSE} es el número de su licencia, ya lo cotejé ✅",
            "{Lo} paró la policía y la licencia {DRIVER_LICENSE} salió suspendida 🙄",
            "Permiso de conducir {DRIVER_LICENSE:es}, lo necesitamos para el alquiler",
            "Licencia: {DRIVER_LICENSE}",
            "Copia de su licencia {dl_de} ({DRIVER_LICENSE}) para la solicitud de vivienda",
            "La licencia de conducción {DRIVER_LICENSE:co} ya está vencida",
            "El DMV dice que la licencia {DRIVER_LICENSE:us} nunca se renovó",
        ],
        "LICENSE_PLATE": [
            "Se llevó la grúa el carro de mi cliente, {placa} {LICENSE_PLATE}",
            "{LICENSE_PLATE} — es la camioneta de la mamá, puede entrar a la fila de salida",
            "{Placa}: {LICENSE_PLATE}",
            "Auto blanco, {placa} {LICENSE_PLATE}, estacionado en urgencias",
            "Seguridad preguntó por el {LICENSE_PLATE}, es el coche de mi usuari{o}",
            "La multa fue al vehículo con {placa} {LICENSE_PLATE}",
            "duerme en su carro algunas noches, {placa} {LICENSE_PLATE}",
            "Dejó el coche en el estacionamiento ({placa} {LICENSE_PLATE}), la familia lo recoge",
            "{El} alumn{o} llega en una moto con {placa} {LICENSE_PLATE} 🏍️",
        ],
        "DEVICE_ID": [
            "Número de serie del marcapasos: {DEVICE_ID:pacemaker}",
            "IMEI {DEVICE_ID:imei} — le robaron el celular a mi cliente",
            "Bomba de insulina n/s {DEVICE_ID:pump}, hay que cambiarla por garantía",
            "La Chromebook {del} alumn{o} (serie {DEVICE_ID:chromebook}) llegó rota 😩",
            "El CPAP con número de serie {DEVICE_ID:cpap} tiene el recall",
            "Se le perdió el audífono, n.º de serie {DEVICE_ID:hearing}",
            "{DEVICE_ID:imei} es el IMEI del teléfono que le dimos en el programa",
            "ID del dispositivo: {DEVICE_ID}",
            "El sensor {DEVICE_ID:cgm} pierde la señal cada rato",
        ],
        "CERTIFICATE_NUMBER": [
            "Cédula profesional {CERTIFICATE_NUMBER:cedula}, la necesita para el trabajo",
            "Su número de colegiad{o} es {CERTIFICATE_NUMBER:colegiado}, ya está de alta",
            "Acta de nacimiento n.º {CERTIFICATE_NUMBER:acta} para la inscripción",
            "Tarjeta profesional {CERTIFICATE_NUMBER:tp}, la consulté en el Consejo",
            "Certificado de manipulador de alimentos {CERTIFICATE_NUMBER:food}",
            "Certificado n.º {CERTIFICATE_NUMBER}",
            "{CERTIFICATE_NUMBER:cedula} es su cédula profesional de enfermería",
            "Certificado de discapacidad {CERTIFICATE_NUMBER:disc}, vence este año",
            "Certificado de defunción {CERTIFICATE_NUMBER:death} para el seguro de vida",
            "Registro civil de nacimiento {CERTIFICATE_NUMBER:rc} {del} niñ{o}",
        ],
        "URL": [
            "Encontré la página de donaciones de mi cliente: {URL:gofundme}",
            "{URL:insta} — es el insta {del} alumn{o}, los papás tienen que ver esto 😬",
            "Sigue publicando de nosotros en su Facebook {URL:fb}",
            "Su página personal es {URL:personal}, está buscando trabajo",
            "LinkedIn de mi cliente: {URL:linkedin}",
            "este es el tiktok {del} niñ{o} {URL:tiktok} 💀",
            "perfil: {URL}",
            "Me pidió que compartiera su blog {URL:blog} con el grupo",
            "Denuncié {URL:fb}, es una cuenta falsa que se hace pasar por mi usuari{o}",
        ],
        "IP_ADDRESS": [
            "{El} alumn{o} entró desde {IP_ADDRESS}, no desde la red de la escuela",
            "IP {del} cliente: {IP_ADDRESS}",
            "{IP_ADDRESS} es la IP del módem de su casa, según la compañía",
            "dirección IP: {IP_ADDRESS}",
            "Se cayó la teleconsulta, su IP era {IP_ADDRESS:v6}",
            "Sistemas bloqueó {IP_ADDRESS} por error, es la conexión de la familia",
            "Inicio de sesión desde {IP_ADDRESS} en su cuenta, ¿fue {ella}?",
            "La tablet {del} niñ{o} agarra la IP {IP_ADDRESS:v6} y no entra al examen",
            "El proveedor confirmó que {IP_ADDRESS} es del depa de mi usuari{o}",
        ],
    },
}

# Templates with two identifiers of different types.
PAIR_TEMPLATES = {
    "en": [
        "pt DOB {DATE:dob}, MRN {MEDICAL_RECORD_NUMBER} — labs pending",
        "client's cell {PHONE_NUMBER} and email {EMAIL_ADDRESS}, prefers text",
        "new address {STREET_ADDRESS}, {ZIP_CODE:us} — update the file pls",
        "SSN {US_SSN}, DOB {DATE:dob}, verified with ID ✅",
        "{She} is {AGE_OVER_89} and was admitted {DATE:event}",
        "Medicare {HEALTH_PLAN_ID:mbi}, MRN {MEDICAL_RECORD_NUMBER}",
        "DL {DRIVER_LICENSE}, plate {LICENSE_PLATE} — for the parking permit",
        "client's cell {PHONE_NUMBER}, home fax {FAX_NUMBER}",
        "refund to IBAN {IBAN_CODE}, confirmation to {EMAIL_ADDRESS}",
        "ITIN {US_ITIN}, passport {PASSPORT} for the tax clinic",
        "card {CREDIT_CARD} declined, use account {ACCOUNT_NUMBER} instead",
        "student logged in from {IP_ADDRESS} and posted on {URL:insta}",
        "IMEI {DEVICE_ID:imei}, number {PHONE_NUMBER} — phone reported stolen",
        "RN license {CERTIFICATE_NUMBER:rn}, email {EMAIL_ADDRESS} for the board",
        "Medicaid {HEALTH_PLAN_ID:medicaid}, DOB {DATE:dob}",
        "lives at {STREET_ADDRESS}, phone {PHONE_NUMBER}",
        "{His} MRN is {MEDICAL_RECORD_NUMBER} and {she}'s {AGE_OVER_89}",
        "discharged {DATE:event} to {STREET_ADDRESS}",
        "SSN {US_SSN}, acct {ACCOUNT_NUMBER} for SSI direct deposit",
        "pacemaker SN {DEVICE_ID:pacemaker}, MRN {MEDICAL_RECORD_NUMBER}",
        "zip {ZIP_CODE}, Medicaid ID {HEALTH_PLAN_ID:medicaid}",
        "birth cert {CERTIFICATE_NUMBER:birth}, born {DATE:child}",
        "passport {PASSPORT}, DL {DRIVER_LICENSE} — both expired 🙄",
        "blog {URL:blog}, contact {EMAIL_ADDRESS}",
        "IP {IP_ADDRESS} tied to {his} login {EMAIL_ADDRESS}",
        "client's car, plate {LICENSE_PLATE}, is parked at {STREET_ADDRESS}",
        "card {CREDIT_CARD} and ITIN {US_ITIN} on the bank form",
        "fax {FAX_NUMBER} or email {EMAIL_ADDRESS} for the ROI, pt's choice",
        "IBAN {IBAN_CODE}, passport {PASSPORT} — for the intl student refund",
        "{URL:fb} is {his} page, IP {IP_ADDRESS} matches the threats report",
        "cert {CERTIFICATE_NUMBER}, device {DEVICE_ID} logged to {his} file",
    ],
    "es": [
        "F. nac. {DATE:dob}, expediente {MEDICAL_RECORD_NUMBER}",
        "Cel. {PHONE_NUMBER}, correo {EMAIL_ADDRESS}, prefiere WhatsApp",
        "Nueva dirección: {STREET_ADDRESS:mx}, C.P. {ZIP_CODE:mx}",
        "SSN {US_SSN}, nació el {DATE:dob}",
        "Tiene {AGE_OVER_89} años e ingresó el {DATE:event}",
        "Medicare {HEALTH_PLAN_ID:mbi}, expediente {MEDICAL_RECORD_NUMBER}",
        "Licencia {DRIVER_LICENSE}, {placa} {LICENSE_PLATE}",
        "reembolso al IBAN {IBAN_CODE}, confirmación a {EMAIL_ADDRESS}",
        "ITIN {US_ITIN} y pasaporte {PASSPORT} para la clínica de impuestos",
        "Tarjeta {CREDIT_CARD} rechazada, usar la cuenta {ACCOUNT_NUMBER}",
        "IMEI {DEVICE_ID:imei}, número {PHONE_NUMBER}, reportado como robado",
        "Cédula profesional {CERTIFICATE_NUMBER:cedula}, correo {EMAIL_ADDRESS}",
        "vive en {STREET_ADDRESS}, tel. {PHONE_NUMBER}",
        "Se fue de alta el {DATE:event} a {STREET_ADDRESS}",
        "IP {IP_ADDRESS}, perfil {URL:fb}",
        "fax {FAX_NUMBER}, cel. {PHONE_NUMBER}",
        "NSS {HEALTH_PLAN_ID:imss}, CLABE {ACCOUNT_NUMBER:clabe}",
        "Pasaporte {PASSPORT}, IBAN {IBAN_CODE} para la beca",
        "Vive en el {ZIP_CODE:us}, ITIN {US_ITIN}",
        "{AGE_OVER_89} años, Medicare {HEALTH_PLAN_ID:mbi}",
        "serie {DEVICE_ID:chromebook}, IP {IP_ADDRESS} — la tablet {del} alumn{o}",
        "Certificado {CERTIFICATE_NUMBER}, blog {URL:blog}",
    ],
}

# Light "social media" noise added after rendering (never inside identifiers).
PREFIXES = {
    "en": ["FYI ", "Quick note: ", "ugh. ", "@frontdesk ", "PSA: ", "update: ", "ok so ", "Note to self: "],
    "es": ["Ojo: ", "Aviso: ", "Oigan, ", "ay no. ", "@recepción ", "Dato: ", "Nota: ", "Porfa, "],
}
EMOJIS = ["😩", "🙄", "😤", "🙏", "😅", "💀", "✅", "😭", "❤️", "🤞", "‼️", "😬", "👀", "🫠"]

# Gender-dependent filler words, index 0 = female, 1 = male.
FILLERS = {
    "en": {
        "she": ("she", "he"),
        "She": ("She", "He"),
        "his": ("her", "his"),
        "His": ("Her", "His"),
        "him": ("her", "him"),
        "man": ("woman", "man"),
    },
    "es": {
        "o": ("a", "o"),
        "el": ("la", "el"),
        "El": ("La", "El"),
        "del": ("de la", "del"),
        "lo": ("la", "lo"),
        "Lo": ("La", "Lo"),
        "senor": ("señora", "señor"),
        "ella": ("ella", "él"),
    },
}

SLOT_RE = re.compile(r"\{([A-Za-z0-9_]+)(?::([a-z0-9]+))?\}")

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------
MONTHS_EN = [
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
]
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # letters allowed in a Medicare MBI


def luhn_check_digit(payload: str) -> str:
    """Luhn check digit for a digit string (used for IMEI and IMSS NSS)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(digits: str) -> bool:
    return luhn_check_digit(digits[:-1]) == digits[-1]


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97 == 1


def clabe_check_digit(d17: str) -> str:
    weights = [3, 7, 1] * 6
    total = sum((int(c) * w) % 10 for c, w in zip(d17, weights))
    return str((10 - total % 10) % 10)


def ccc_dc(ten_digits: str) -> str:
    """One control digit of a Spanish CCC bank account (weights over 10 digits)."""
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(c) * w for c, w in zip(ten_digits, weights)) % 11
    return str({10: 1, 11: 0}.get(r, r))


def ascii_slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


EN_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ES_ONES = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]


def age_words(n: int, lang: str) -> str:
    """Spell ages 90-105 ("ninety-three", "noventa y tres", "ciento dos")."""
    if lang == "en":
        if n < 100:
            return "ninety" + ("-" + EN_ONES[n - 90] if n > 90 else "")
        return "a hundred" + (" and " + EN_ONES[n - 100] if n > 100 else "")
    if n < 100:
        return "noventa" + (" y " + ES_ONES[n - 90] if n > 90 else "")
    return "cien" if n == 100 else "ciento " + ES_ONES[n - 100]


# ---------------------------------------------------------------------------
# Value generators
# ---------------------------------------------------------------------------
US_AREA = [
    "212",
    "213",
    "214",
    "305",
    "312",
    "323",
    "347",
    "404",
    "415",
    "503",
    "510",
    "541",
    "602",
    "617",
    "646",
    "702",
    "713",
    "718",
    "786",
    "818",
    "909",
    "915",
    "919",
    "956",
    "971",
    "206",
    "210",
    "267",
    "480",
    "520",
    "559",
    "630",
    "773",
    "832",
    "904",
    "929",
]

# state code -> (name, pattern); '#' digit, '?' letter, '*' letter-or-digit
US_DL = {
    "CA": ("California", ["?#######"]),
    "TX": ("Texas", ["########"]),
    "NY": ("New York", ["### ### ###", "#########"]),
    "FL": ("Florida", ["?###-###-##-###-#", "?############"]),
    "IL": ("Illinois", ["?###-####-####"]),
    "WA": ("Washington", ["WDL*********"]),
    "PA": ("Pennsylvania", ["## ### ###", "########"]),
    "MI": ("Michigan", ["? ### ### ### ###"]),
    "NJ": ("New Jersey", ["?#### ##### #####"]),
    "AZ": ("Arizona", ["?########"]),
    "GA": ("Georgia", ["#########"]),
    "OH": ("Ohio", ["??######"]),
    "MA": ("Massachusetts", ["S########"]),
    "CO": ("Colorado", ["##-###-####"]),
    "OR": ("Oregon", ["#######"]),
}

IBAN_LOCALES_EN = ["en_GB", "en_GB", "de_DE", "fr_FR", "es_ES", "en_IE", "nl_NL", "it_IT"]
IBAN_LOCALES_ES = ["es_ES", "es_ES", "es_ES", "de_DE", "fr_FR", "pt_PT", "it_IT"]
FAKER_LOCALES = ["en_US", "es_MX", "es_ES", "es_CO", "en_GB", "de_DE", "fr_FR", "it_IT", "nl_NL", "pt_PT", "en_IE"]


class ValueFactory:
    """Creates identifier values.  gen(type, variant, lang) -> (value, extra_fillers)."""

    def __init__(self, rng: random.Random, seed: int):
        self.rng = rng
        self.fk = {}
        for i, loc in enumerate(FAKER_LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)  # independent, order-free streams per locale
            self.fk[loc] = f

    # -- primitives ---------------------------------------------------------
    def fill(self, pattern: str) -> str:
        out = []
        for ch in pattern:
            if ch == "#":
                out.append(self.rng.choice("0123456789"))
            elif ch == "%":  # non-zero leading digit of a subscriber number
                out.append(self.rng.choice("23456789"))
            elif ch == "?":
                out.append(self.rng.choice(UPPER))
            elif ch == "*":
                out.append(self.rng.choice(UPPER + "0123456789"))
            else:
                out.append(ch)
        return "".join(out)

    def pick(self, weighted):
        """weighted: list of (item, weight)."""
        items, weights = zip(*weighted)
        return self.rng.choices(items, weights=weights, k=1)[0]

    def es_locale(self):
        return self.rng.choice(["es_MX", "es_ES", "es_CO"])

    def gen(self, etype, variant, lang):
        return getattr(self, "gen_" + etype.lower())(variant, lang)

    # -- SSN / ITIN -----------------------------------------------------------
    def _format_9(self, nine_dashed):
        a, g, s = nine_dashed.split("-")
        return self.pick([(f"{a}-{g}-{s}", 75), (f"{a} {g} {s}", 13), (f"{a}{g}{s}", 12)])

    def gen_us_ssn(self, variant, lang):
        while True:
            v = self.fk["en_US"].ssn()  # Faker avoids 000/666/9xx areas, 00 group, 0000 serial
            if v.replace("-", "") not in FAMOUS:
                return self._format_9(v), {}

    def gen_us_itin(self, variant, lang):
        # 9xx-7x-xxxx mostly, some 9xx-8x-xxxx (IRS ranges 70-88).
        group = self.rng.randint(70, 79) if self.rng.random() < 0.75 else self.rng.randint(80, 88)
        v = f"9{self.fill('##')}-{group}-{self.fill('####')}"
        return self._format_9(v), {}

    # -- phones / fax -----------------------------------------------------------
    def _us_phone(self):
        a = self.rng.choice(US_AREA)
        while True:
            e = f"{self.rng.randint(2, 9)}{self.fill('##')}"
            if e != "555" and e[1:] != "11":
                break
        ln = self.fill("####")
        fmts = [
            ("({a}) {e}-{l}", 20),
            ("{a}-{e}-{l}", 20),
            ("{a}.{e}.{l}", 8),
            ("({a}){e}-{l}", 5),
            ("{a} {e} {l}", 6),
            ("{a}{e}{l}", 5),
            ("+1 {a}-{e}-{l}", 8),
            ("+1 ({a}) {e}-{l}", 6),
            ("1-{a}-{e}-{l}", 5),
            ("+1{a}{e}{l}", 4),
            ("+1 {a} {e} {l}", 3),
        ]
        return self.pick(fmts).format(a=a, e=e, l=ln)

    def _intl_phone(self, country, landline):
        f, r = self.fill, self.rng
        if country == "gb":
            mob = f"7{r.choice('45789')}{f('##')}"
            opts = [
                f"0{mob} {f('######')}",
                f"+44 {mob} {f('######')}",
                f"+44{mob}{f('######')}",
                f"+44 (0){mob} {f('######')}",
            ]
            land = [
                f"020 7{f('%##')} {f('####')}",
                f"+44 20 7{f('%##')} {f('####')}",
                f"0161 {f('%##')} {f('####')}",
                f"+44 121 {f('%##')} {f('####')}",
                f"(0113) {f('%##')} {f('####')}",
            ]
        elif country == "mx":
            a2 = r.choice(["55", "33", "81"])
            a3 = r.choice(["664", "222", "442", "998", "477", "656", "871"])
            opts = [
                f"+52 {a2} {f('%###')} {f('####')}",
                f"+52 1 {a2} {f('%###')} {f('####')}",
                f"{a2} {f('%###')} {f('####')}",
                f"{a2}-{f('%###')}-{f('####')}",
                f"({a2}) {f('%###')} {f('####')}",
                f"+52 ({a3}) {f('%##')} {f('####')}",
                f"{a3} {f('%##')} {f('####')}",
                f"{a2}{f('%#######')}",
                f"+52{a2}{f('%#######')}",
            ]
            land = [
                f"({a2}) {f('%###')}-{f('####')}",
                f"+52 {a2} {f('%###')} {f('####')}",
                f"({a3}) {f('%##')} {f('####')}",
                f"{a2} {f('%###')} {f('####')}",
            ]
        elif country == "es":
            m = f"{r.choice('67')}{f('##')}"
            opts = [
                f"{m} {f('###')} {f('###')}",
                f"{m} {f('##')} {f('##')} {f('##')}",
                f"+34 {m} {f('###')} {f('###')}",
                f"+34 {m}{f('######')}",
                f"+34{m}{f('######')}",
                f"+34 {m} {f('##')} {f('##')} {f('##')}",
            ]
            p = r.choice(["91", "93", "95", "96", "94"])
            land = [
                f"{p} {f('%##')} {f('##')} {f('##')}",
                f"+34 {p} {f('%##')} {f('##')} {f('##')}",
                f"9{f('##')} {f('###')} {f('###')}",
                f"+34 9{f('%#######')}",
            ]
        elif country == "co":
            m = f"3{r.choice('0125')}{f('#')}"
            opts = [
                f"{m} {f('%##')} {f('####')}",
                f"+57 {m} {f('%##')} {f('####')}",
                f"+57 {m}{f('%######')}",
                f"{m}-{f('###')}-{f('####')}",
                f"(+57) {m} {f('%##')} {f('####')}",
                f"{m}{f('%######')}",
            ]
            c = r.choice(["601", "602", "604", "605", "607"])
            land = [
                f"({c}) {f('%##')} {f('####')}",
                f"{c} {f('%##')} {f('####')}",
                f"+57 {c} {f('%##')} {f('####')}",
                f"+57 ({c}) {f('%##')} {f('####')}",
            ]
        elif country == "de":
            m = r.choice(["151", "152", "157", "160", "170", "176", "162"])
            opts = [
                f"0{m} {f('%#######')}",
                f"+49 {m} {f('%#######')}",
                f"+49{m}{f('%#######')}",
                f"0{m}/{f('%#######')}",
                f"+49 (0){m} {f('%######')}",
            ]
            land = [
                f"030 {f('%#######')}",
                f"+49 30 {f('%#######')}",
                f"089 {f('%######')}",
                f"+49 (0)89 {f('%######')}",
                f"040 / {f('%######')}",
                f"0221 {f('%######')}",
            ]
        elif country == "fr":
            m = r.choice("67")
            opts = [
                f"0{m} {f('## ## ## ##')}",
                f"+33 {m} {f('## ## ## ##')}",
                f"0{m}.{f('##.##.##.##')}",
                f"+33{m}{f('%#######')}",
                f"0{m}{f('%#######')}",
            ]
            g = r.choice("12345")
            land = [
                f"0{g} {f('## ## ## ##')}",
                f"+33 (0){g} {f('## ## ## ##')}",
                f"+33 {g} {f('## ## ## ##')}",
                f"0{g}.{f('##.##.##.##')}",
            ]
        else:
            raise ValueError(country)
        return r.choice(land if landline else opts + land[:2])

    def _phone(self, variant, lang, fax):
        intl = ["gb", "mx", "es", "co", "de", "fr"]
        if variant in ("us",) + tuple(intl):
            country = variant
        elif variant == "intl":
            country = self.rng.choice(intl)
        elif lang == "en":
            country = self.pick(
                [("us", 80 if fax else 65), ("gb", 8), ("mx", 7), ("es", 5), ("co", 5), ("de", 5), ("fr", 5)]
            )
        else:
            country = self.pick([("mx", 30), ("us", 25), ("es", 18), ("co", 17), ("gb", 3), ("de", 3), ("fr", 4)])
        if country == "us":
            return self._us_phone()
        return self._intl_phone(country, landline=fax)

    def gen_phone_number(self, variant, lang):
        return self._phone(variant, lang, fax=False), {}

    def gen_fax_number(self, variant, lang):
        return self._phone(variant, lang, fax=True), {}

    # -- e-mail / URL / IP ----------------------------------------------------
    def _person_name(self, lang):
        f = self.fk["en_US" if lang == "en" else self.es_locale()]
        return ascii_slug(f.first_name().split()[0]), ascii_slug(f.last_name().split()[0])

    def gen_email_address(self, variant, lang):
        r = self.rng
        if r.random() < 0.35:
            loc = "en_US" if lang == "en" else self.es_locale()
            return self.fk[loc].free_email(), {}
        first, last = self._person_name(lang)
        user = self.pick(
            [
                (f"{first}.{last}", 4),
                (f"{first}{last}{r.randint(1, 99)}", 3),
                (f"{first[0]}{last}", 2),
                (f"{first}_{last}{r.randint(60, 99)}", 1),
                (f"{last}.{first}", 1),
            ]
        )
        if lang == "en":
            dom = r.choice(
                [
                    "gmail.com",
                    "yahoo.com",
                    "outlook.com",
                    "icloud.com",
                    "hotmail.com",
                    "aol.com",
                    "comcast.net",
                    "protonmail.com",
                ]
            )
        else:
            dom = r.choice(
                [
                    "gmail.com",
                    "hotmail.com",
                    "outlook.es",
                    "yahoo.com.mx",
                    "prodigy.net.mx",
                    "hotmail.es",
                    "telefonica.net",
                    "yahoo.es",
                    "outlook.com",
                ]
            )
        return f"{user}@{dom}", {}

    def gen_url(self, variant, lang):
        r = self.rng
        first, last = self._person_name(lang)
        handle = self.pick(
            [
                (f"{first}{last}", 3),
                (f"{first}_{last}", 2),
                (f"{first}.{last}{r.randint(1, 99)}", 2),
                (f"{first}{r.randint(2, 19):02d}", 2),
                (f"its{first}{last[0]}", 1),
            ]
        )
        hx = "".join(r.choice("0123456789abcdef") for _ in range(r.choice([6, 8])))
        kinds = {
            "fb": [
                f"https://www.facebook.com/{first}.{last}.{r.randint(10, 9999)}",
                f"facebook.com/{first}{last}{r.randint(1, 99)}",
                f"https://m.facebook.com/profile.php?id=1000{self.fill('###########')}",
            ],
            "insta": [
                f"instagram.com/{handle}",
                f"https://www.instagram.com/{handle}/",
                f"https://instagram.com/{handle}",
            ],
            "linkedin": [f"https://www.linkedin.com/in/{first}-{last}-{hx}/", f"linkedin.com/in/{first}{last}"],
            "tiktok": [f"tiktok.com/@{handle}", f"https://www.tiktok.com/@{handle}"],
            "youtube": [f"youtube.com/@{handle}", f"https://www.youtube.com/@{handle}"],
            "gofundme": [
                f"https://www.gofundme.com/f/help-{first}-{last}-{r.choice(['get-home', 'recover', 'with-rent', 'medical-bills'])}",
                f"gofund.me/{hx}",
            ],
            "personal": [
                f"https://{first}{last}.com",
                f"http://www.{first}-{last}.net",
                f"{first}{last}.carrd.co",
                f"https://{first}{last}.wixsite.com/portfolio",
            ],
            "blog": [
                f"https://{handle.replace('.', '').replace('_', '')}.blogspot.com",
                f"{first}{last}.wordpress.com",
                f"https://{first}{last}.substack.com",
            ],
            "x": [f"x.com/{handle}", f"https://twitter.com/{handle}"],
        }
        kind = variant if variant in kinds else r.choice(list(kinds))
        return r.choice(kinds[kind]), {}

    def gen_ip_address(self, variant, lang):
        r = self.rng
        if variant == "v6" or (variant is None and r.random() < 0.3):
            prefix = r.choice(
                [
                    "2600:1700",
                    "2601:",
                    "2603:8000",
                    "2a02:",
                    "2806:",
                    "2800:",
                    "2a01:cb0",
                    "2605:a601",
                    "2804:",
                    "2a00:",
                ]
            )
            groups = [int(g, 16) if g else r.randint(0, 0xFFFF) for g in prefix.split(":")]
            groups = (groups + [r.randint(0, 0xFFFF) for _ in range(8)])[:8]
            if r.random() < 0.5:  # zero a run so the compressed form has '::'
                start = r.randint(2, 5)
                for k in range(start, start + r.randint(1, 3)):
                    groups[k] = 0
            addr = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
            return (addr.compressed if r.random() < 0.8 else addr.exploded), {}
        return self.fk["en_US"].ipv4_public(), {}

    # -- addresses ----------------------------------------------------------
    def gen_street_address(self, variant, lang):
        r = self.rng
        country = variant or ("us" if lang == "en" else self.pick([("us", 30), ("mx", 30), ("es", 20), ("co", 20)]))
        if country == "us":
            v = self.fk["en_US"].street_address()
        elif country == "mx":
            f = self.fk["es_MX"]
            v = f"{f.street_name()} {r.randint(1, 3999)}"
            v += self.pick(
                [
                    ("", 4),
                    (f" Int. {r.randint(1, 40)}", 2),
                    (f", Depto. {r.randint(101, 804)}", 2),
                    (f" {r.choice('ABCD')}", 1),
                ]
            )
        elif country == "es":
            v = self.fk["es_ES"].street_address().replace("Apt.", "Piso")
        else:
            v = self.fk["es_CO"].street_address()
        v = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", v)).strip()
        return v, {}

    def gen_zip_code(self, variant, lang):
        r = self.rng
        country = variant or ("us" if lang == "en" else self.pick([("us", 60), ("mx", 25), ("es", 15)]))
        if country == "us":
            f = self.fk["en_US"]
            return (f.zipcode_plus4() if r.random() < 0.25 else f.zipcode()), {}
        if country == "mx":
            return f"{r.randint(1000, 99998):05d}", {}
        return f"{r.randint(1, 52):02d}{self.fill('###')}", {}

    # -- dates / ages ---------------------------------------------------------
    def gen_date(self, variant, lang):
        ranges = {
            "dob": (dt.date(1928, 1, 1), dt.date(2015, 12, 31)),
            "child": (dt.date(2016, 1, 1), dt.date(2021, 8, 31)),
            "event": (dt.date(2019, 1, 1), dt.date(2025, 10, 31)),
        }
        lo, hi = ranges.get(variant or self.rng.choice(["dob", "event"]))
        d = self.fk["en_US"].date_between_dates(date_start=lo, date_end=hi)
        y, m, dd = d.year, d.month, d.day
        if lang == "en":
            mon = MONTHS_EN[m - 1]
            suffix = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
            fmts = [
                (f"{m:02d}/{dd:02d}/{y}", 14),
                (f"{m}/{dd}/{y}", 12),
                (f"{m}/{dd}/{y % 100:02d}", 10),
                (f"{mon} {dd}, {y}", 14),
                (f"{mon[:3]} {dd}, {y}", 6),
                (f"{mon[:3]} {dd} {y}", 3),
                (f"{y}-{m:02d}-{dd:02d}", 9),
                (f"{dd} {mon} {y}", 5),
                (f"{m:02d}-{dd:02d}-{y}", 5),
                (f"{mon} {dd}{suffix}", 4),
                (f"{m}.{dd}.{y % 100:02d}", 3),
                (f"{mon} {dd}", 4),
            ]
        else:
            mes = MONTHS_ES[m - 1]
            fmts = [
                (f"{dd:02d}/{m:02d}/{y}", 16),
                (f"{dd}/{m}/{y}", 12),
                (f"{dd}/{m}/{y % 100:02d}", 6),
                (f"{dd} de {mes} de {y}", 16),
                (f"{dd} de {mes}", 6),
                (f"{y}-{m:02d}-{dd:02d}", 6),
                (f"{dd:02d}-{m:02d}-{y}", 6),
                (f"{dd}-{mes[:3]}-{y}", 4),
                (f"{dd} {mes[:3]} {y}", 3),
            ]
            if y >= 2000:
                fmts.append((f"{dd} de {mes} del {y}", 6))
        return self.pick(fmts), {}

    def gen_age_over_89(self, variant, lang):
        n = self.pick([(a, 10 if a < 96 else (5 if a < 100 else 2)) for a in range(90, 106)])
        if variant != "num" and self.rng.random() < 0.15:
            return age_words(n, lang), {}
        return str(n), {}

    # -- health ids -----------------------------------------------------------
    def gen_medical_record_number(self, variant, lang):
        r = self.rng
        fmt = self.pick(
            [
                ("00######", 4),
                ("########", 3),
                ("#######", 3),
                ("E########", 1),
                ("###-###-###", 1),
                ("MR######", 1),
                ("##-####-##", 1),
                ("1#########", 1),
            ]
        )
        return self.fill(fmt), {}

    def _mbi(self):
        r, a = self.rng, MBI_ALPHA
        an = a + "0123456789"
        while True:
            c = [
                str(r.randint(1, 9)),
                r.choice(a),
                r.choice(an),
                str(r.randint(0, 9)),
                r.choice(a),
                r.choice(an),
                str(r.randint(0, 9)),
                r.choice(a),
                r.choice(a),
                str(r.randint(0, 9)),
                str(r.randint(0, 9)),
            ]
            v = "".join(c)
            if v not in FAMOUS:
                break
        return f"{v[:4]}-{v[4:7]}-{v[7:]}" if r.random() < 0.4 else v

    def gen_health_plan_id(self, variant, lang):
        if variant is None:
            variant = self.rng.choice(
                ["mbi", "medicaid", "member", "bcbs"] if lang == "en" else ["mbi", "medicaid", "member", "imss", "tsi"]
            )
        if variant == "mbi":
            return self._mbi(), {}
        if variant == "imss":
            body = self.fill("##########")
            v = body + luhn_check_digit(body)
            if self.rng.random() < 0.25:
                v = f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:10]} {v[10]}"
            return v, {}
        pats = {
            "medicaid": ["##########", "??#####?", "#########", "1########?", "###########"],
            "member": ["W#########", "U#########", "#########-01", "M#########", "ZGH#########", "9########"],
            "bcbs": ["???#########", "R########", "???W#######"],
            "medical": ["9#######?"],
            "tsi": ["????############", "????##########"],
        }
        return self.fill(self.rng.choice(pats[variant])), {}

    # -- finance --------------------------------------------------------------
    def gen_account_number(self, variant, lang):
        r = self.rng
        if variant is None:
            variant = (
                self.pick([("us", 85), ("gb", 15)])
                if lang == "en"
                else self.pick([("us", 30), ("clabe", 30), ("co", 20), ("ccc", 20)])
            )
        if variant == "us":
            return self.fill(r.choice(["#########", "##########", "############", "00#########", "########"])), {}
        if variant == "gb":
            return self.fill("########"), {}
        if variant == "clabe":
            d17 = (
                r.choice(["002", "012", "014", "072", "021", "127", "137"])
                + self.fill("###")
                + self.fill("###########")
            )
            v = d17 + clabe_check_digit(d17)
            return (v if r.random() < 0.8 else f"{v[:3]} {v[3:6]} {v[6:17]} {v[17]}"), {}
        if variant == "co":
            return self.fill(r.choice(["###-######-##", "###########", "####-####-##"])), {}
        # Spanish CCC: entity office DC account, with valid control digits
        ent, off, acc = (
            r.choice(["2100", "0049", "0182", "0081", "2038", "0128"]),
            self.fill("####"),
            self.fill("##########"),
        )
        dc = ccc_dc("00" + ent + off) + ccc_dc(acc)
        return self.pick(
            [(f"{ent} {off} {dc} {acc}", 3), (f"{ent}-{off}-{dc}-{acc}", 1), (f"{ent}{off}{dc}{acc}", 1)]
        ), {}

    def gen_iban_code(self, variant, lang):
        if variant:
            loc = {"es": "es_ES", "de": "de_DE", "fr": "fr_FR", "gb": "en_GB"}[variant]
        else:
            loc = self.rng.choice(IBAN_LOCALES_EN if lang == "en" else IBAN_LOCALES_ES)
        v = self.fk[loc].iban()
        if self.rng.random() < 0.5:  # printed form: groups of four
            v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
        return v, {}

    def gen_credit_card(self, variant, lang):
        card_type = variant or self.pick(
            [("visa16", 45), ("mastercard", 30), ("amex", 12), ("discover", 13)]
            if lang == "en"
            else [("visa16", 50), ("mastercard", 40), ("amex", 10)]
        )
        while True:
            num = self.fk["en_US"].credit_card_number(card_type=card_type)
            if num not in FAMOUS:
                break
        style = self.pick([("compact", 40), ("space", 45), ("dash", 15)])
        if style == "compact":
            return num, {}
        groups = [num[:4], num[4:10], num[10:]] if len(num) == 15 else [num[i : i + 4] for i in range(0, len(num), 4)]
        return (" " if style == "space" else "-").join(groups), {}

    # -- documents ------------------------------------------------------------
    def gen_passport(self, variant, lang):
        r = self.rng
        if variant is None:
            variant = (
                self.pick([("us", 60), ("mx", 10), ("gb", 8), ("es", 6), ("co", 6), ("de", 5), ("fr", 5)])
                if lang == "en"
                else self.pick([("mx", 35), ("co", 25), ("es", 25), ("us", 15)])
            )
        if variant == "us":
            return self.fk["en_US"].passport_number(), {}
        if variant == "de":
            chars = "CFGHJKLMNPRTVWXYZ0123456789"
            return r.choice("CFGHJK") + "".join(r.choice(chars) for _ in range(8)), {}
        pats = {
            "gb": "#########",
            "mx": r.choice("GNEP") + "########",
            "es": r.choice("PXA") + "??######",
            "co": r.choice(["AV", "AT", "AO", "PE", "AZ"]) + "######",
            "fr": "##??#####",
        }
        return self.fill(pats[variant]), {}

    def gen_driver_license(self, variant, lang):
        r = self.rng
        if variant is None:
            variant = "us" if lang == "en" else self.pick([("us", 50), ("mx", 20), ("es", 15), ("co", 15)])
        if variant == "us":
            code = r.choice(list(US_DL))
            name, pats = US_DL[code]
            v = self.fill(r.choice(pats))
            return v, {"dl_state": name if r.random() < 0.6 else code, "dl_de": f"de {name}"}
        if variant == "mx":
            return self.fill("?########"), {
                "dl_state": "Mexico",
                "dl_de": r.choice(["de la CDMX", "de Jalisco", "de Nuevo León"]),
            }
        if variant == "es":
            n = r.randint(10000000, 99999999)  # DNI number + check letter
            return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}", {"dl_state": "Spanish", "dl_de": "española"}
        return str(r.randint(10000000, 1099999999)), {"dl_state": "Colombian", "dl_de": "colombiana"}

    def gen_license_plate(self, variant, lang):
        if lang == "en":
            loc = self.pick([("en_US", 90), ("es_MX", 5), ("en_GB", 5)])
        else:
            loc = self.pick([("en_US", 30), ("es_MX", 30), ("es_ES", 20), ("es_CO", 20)])
        word = {"en_US": "placa", "es_MX": "placas", "es_ES": "matrícula", "es_CO": "placa", "en_GB": "matrícula"}[loc]
        return self.fk[loc].license_plate().strip(), {"placa": word, "Placa": word.capitalize()}

    def gen_device_id(self, variant, lang):
        r = self.rng
        kinds = ["imei", "pacemaker", "pump", "chromebook", "cpap", "hearing", "cgm", "laptop"]
        kind = variant if variant in kinds else r.choice(kinds)
        if kind == "imei":
            body = r.choice(["35", "86", "01", "35", "99"]) + self.fill("############")
            v = body + luhn_check_digit(body)
            return self.pick(
                [(v, 6), (f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", 2), (f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}", 1)]
            ), {}
        pats = {
            "pacemaker": [r.choice(["PJN", "RNH", "PZX", "BLT", "NWR"]) + "######" + r.choice("HSR")],
            "pump": ["NG#######H", "########", "HA#######"],
            "chromebook": ["5CD###****", "PF2*****", "NXH**##########"],
            "cpap": ["22#########", "23#########", "J#########"],
            "hearing": ["####?####", "##*######"],
            "cgm": ["8G****", "0M0*******"],
            "laptop": ["C02*********", "DMP*********", "R9*******"],
        }
        return self.fill(r.choice(pats[kind])), {}

    def gen_certificate_number(self, variant, lang):
        r = self.rng
        en_kinds = ["rn", "cna", "birth", "food", "teach", "marriage", "ged", "cosmo", "death"]
        es_kinds = ["cedula", "colegiado", "acta", "tp", "food", "disc", "death", "rc"]
        kind = variant or r.choice(en_kinds if lang == "en" else es_kinds)
        year = r.randint(1990, 2024)
        prov = r.choice(["28", "08", "41", "46", "29", "48"])
        pats = {
            "rn": ["RN######", "#######", "RN-#######", "RN.#######"],
            "cna": ["CNA-######", "########", "00######"],
            "birth": [f"###-{year}-######", f"{year}-######", "###-##-######"],
            "food": ["########", "FH######", "#######-FH"],
            "teach": ["#######", "TC-######"],
            "marriage": [f"{year}-M-#####", "M######"],
            "ged": ["##########", "G#######"],
            "cosmo": ["COS######", "######"],
            "death": [f"###-{year}-######", f"{year}-######"],
            "cedula": ["#######", "########"],
            "colegiado": [f"{prov}/#####", f"{prov}######"],
            "acta": [f"{r.randint(1, 32):02d}###{year}#########"],
            "tp": ["######-T", "######"],
            "disc": [f"{prov}/{year}/#####"],
            "rc": ["1#########", "########"],
        }
        return self.fill(r.choice(pats[kind])), {}


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------
def render(template, lang, values, rng):
    """Fill a template. Returns (text, entities, recorded_values)."""
    female = rng.random() < 0.5
    fillers = {k: v[0 if female else 1] for k, v in FILLERS[lang].items()}

    # Pass 1: generate identifier values first (generators may add fillers such as {dl_state}).
    slots = []
    for m in SLOT_RE.finditer(template):
        name, variant = m.group(1), m.group(2)
        if name in TYPES:
            val, extra = values.gen(name, variant, lang)
            fillers.update(extra)
            slots.append((name, val))
    slot_iter = iter(slots)

    # Pass 2: build a list of segments (text, entity_type_or_None).
    segments, pos = [], 0
    for m in SLOT_RE.finditer(template):
        segments.append((template[pos : m.start()], None))
        name = m.group(1)
        if name in TYPES:
            etype, val = next(slot_iter)
            segments.append((val, etype))
        else:
            segments.append((fillers[name], None))
        pos = m.end()
    segments.append((template[pos:], None))
    segments = [s for s in segments if s[0]]

    # Social-media noise; only literal segments are changed, never identifier values.
    if segments[0][1] == "AGE_OVER_89" and segments[0][0][0].isalpha():
        segments[0] = (segments[0][0][0].upper() + segments[0][0][1:], "AGE_OVER_89")
    if rng.random() < 0.12:  # casual all-lowercase typing
        segments = [(t.lower() if e is None else t, e) for t, e in segments]
    if rng.random() < 0.08:
        segments.insert(0, (rng.choice(PREFIXES[lang]), None))
    last_text, last_type = segments[-1]
    if last_type is None and last_text.endswith(".") and rng.random() < 0.3:
        segments[-1] = (last_text[:-1], None)  # drop the final period
    has_emoji = any(ord(c) >= 0x2600 for t, e in segments if e is None for c in t)
    if not has_emoji and rng.random() < 0.14:
        if rng.random() < 0.2:
            segments.insert(0, (rng.choice(EMOJIS) + " ", None))
        else:
            segments.append((" " + rng.choice(EMOJIS), None))

    text, ents = "", []
    for t, e in segments:
        if e is not None:
            ents.append({"type": e, "start": len(text), "end": len(text) + len(t)})
        text += t
    recorded = [t for t, e in segments if e is not None]
    return text, ents, recorded


def generate_positives(n, seed, values, rng, pair_rate=0.2):
    n_en = round(n * 0.75)
    langs = ["en"] * n_en + ["es"] * (n - n_en)
    rng.shuffle(langs)
    counts = {lg: collections.Counter({t: 0 for t in TYPES}) for lg in ("en", "es")}
    decks = {}  # (lang, type) -> shuffled remaining templates

    def next_template(lang, etype):
        key = (lang, etype)
        if not decks.get(key):
            deck = list(TEMPLATES[lang][etype])
            rng.shuffle(deck)
            decks[key] = deck
        return decks[key].pop()

    rows, seen = [], set()
    for i, lang in enumerate(langs):
        c = counts[lang]
        if rng.random() < pair_rate:
            # pair template whose two types are currently least used (ties broken at random)
            scored = []
            for tpl in PAIR_TEMPLATES[lang]:
                ts = [m.group(1) for m in SLOT_RE.finditer(tpl) if m.group(1) in TYPES]
                scored.append((sum(c[t] for t in ts), tpl))
            best = min(s for s, _ in scored)
            template = rng.choice([tpl for s, tpl in scored if s == best])
        else:
            low = min(c.values())
            etype = rng.choice([t for t in TYPES if c[t] == low])
            template = next_template(lang, etype)
        for _ in range(20):  # re-render on an exact duplicate text
            text, ents, recorded = render(template, lang, values, rng)
            if text not in seen:
                break
        seen.add(text)
        for e, val in zip(ents, recorded):
            assert text[e["start"] : e["end"]] == val
            c[e["type"]] += 1
        rows.append({"id": f"idgen-{i + 1:05d}", "lang": lang, "text": text, "entities": ents})
    return rows


# ---------------------------------------------------------------------------
# Negatives: numbers that are not personal identifiers (no phone numbers)
# ---------------------------------------------------------------------------
NEG_TEMPLATES = {
    "en": [
        "Tickets for the spring gala are ${price} and doors open at {time} 🎉",
        "Our gala is on {event_date}, save the date!",
        "The 2-bedroom on the list rents for ${rent}/month, utilities included",
        "Shelter has {n} beds tonight and {n2} are already taken",
        "Caseload is up {pct}% since {year}, no new hires 🙄",
        "Final score {score}, the kids were thrilled",
        "Bus {route} is running {mins} minutes late again",
        "Take the {route} bus to the clinic, it runs every {mins} minutes",
        "Portal updated to version {version}, still crashes",
        "{pct}% of our families are rent-burdened according to the {year} survey",
        "the food bank served {count} meals last month",
        "Room {room} has {n} chairs, we need {n2} for the workshop",
        "We won {score} against the other unit in the charity softball game ⚾",
        "Staff meeting moved to {time} on Thursday",
        "The building is {old} years old and the elevator shows it",
        "Flu shots are ${small_price} at the pharmacy this week",
        "Open enrollment runs from {event_date} to {event_date2}",
        "Our agency was founded in {year} and turns {anniv} this fall",
        "Marathon is on {event_date}, roads closed from {time} to {time2}",
        "It hit {temp}°F today, cooling center open till {time}",
        "{n} out of {n3} students passed the math benchmark",
        "Average wait time in the ER was {mins} minutes last quarter",
        "Grant report due {event_date} — we still need {n3} more surveys 😩",
        "Lakers won {bigscore} last night lol",
        "Gas is ${gas} a gallon here now",
        "Training is {hours} hours total, worth {n} CEUs",
        "The clinic sees about {count} patients a week",
        "Snow day! District closed on {event_date}",
        "The app needs iOS {ios} or later",
        "Free test kits at the library, limit {small} per household",
        "The youth league season ends {event_date} with a tournament",
        "We raised ${raised} at the bake sale 🥳",
        "Route {route} and Route {route2} both stop at the hospital",
        "New printer is model {model}, toner costs ${price}",
        "Budget cut of {pct}% for fiscal year {year}",
        "Heat index {temp} and the AC in suite {room} is broken",
        "Community health fair on {event_date} from {time} to {time2}",
        "Our team finished {place} out of {n3} at trivia night",
        "County population grew {pct}% between {year} and {year2}",
        "Unemployment rate hit {pct2}% in {month}",
        "Rent in this area went from ${rent} to ${rent2} in {small} years, insane",
        "Library holiday hours: closed {event_date}, opens at {time} the next day",
        "Score was {score} at halftime, ended {score2}",
        "The vaccine clinic gave {count} doses on Saturday",
        "New hotline software is v{version}, rollout on {event_date}",
        "Parking garage is ${small_price} per hour, max ${price}",
        "Class of {year_future} has {count} seniors",
        "Floor {floor} conference room seats {n}",
        "Pizza for the staff party was ${price} for {small} large pies 🍕",
        "{small} of {n} caseworkers quit this year",
        "The walk-in fridge is set to {fridge}°F",
        "Movie night starts at {time}, popcorn is ${small_price}",
        "Match ended {score} after extra time, what a game ⚽",
        "Turnout was {pct}% in the {year} election",
        "Powerball jackpot is ${million} million lol",
        "Our fundraiser goal is ${raised} by {event_date}",
        "PSY {course} meets Tuesdays at {time} in room {room}",
        "Stadium holds {big_count} and it was sold out for the {year} final",
        "Quarterly report: {pct}% fewer no-shows than in Q{q} {year}",
        "the {year} flood damaged {n3} homes on our side of town",
    ],
    "es": [
        "La gala es el {event_date}, ¡aparten la fecha!",
        "El departamento de 2 recámaras cuesta ${rent} al mes",
        "El albergue tiene {n} camas y ya se ocuparon {n2}",
        "Los casos subieron {pct}% desde {year} y nadie contrata 🙄",
        "Quedamos {score} en el partido de fútbol del personal ⚽",
        "La ruta {route} viene {mins} minutos tarde otra vez",
        "El sistema se actualizó a la versión {version} y sigue fallando",
        "El banco de alimentos repartió {count} despensas el mes pasado",
        "La reunión se cambió a las {time}",
        "El edificio tiene {old} años y se nota 😅",
        "La vacuna cuesta {small_price} € en la farmacia",
        "La feria de salud es el {event_date} de {time} a {time2}",
        "{n} de {n3} alumnos aprobaron el examen de mate",
        "El tiempo de espera en urgencias fue de {mins} minutos",
        "Ganamos {score} en el torneo de la colonia jaja",
        "La gasolina ya está en {gas_mxn} pesos el litro",
        "El taller dura {hours} horas y vale {small} créditos",
        "Fundamos la asociación en {year}, este año cumplimos {anniv}",
        "Hace {temp_c} °C y el refugio climático abre hasta las {time}",
        "Recaudamos ${raised} en la venta de pasteles 🥳",
        "Recorte del {pct}% en el presupuesto de {year}",
        "La línea {small} del metro está cerrada hasta el {event_date}",
        "La clase de inglés es martes y jueves a las {time}, salón {room}",
        "El desempleo subió al {pct2}% en {month}",
        "La app pide Android {android} o superior",
        "El partido terminó {score2} y fuimos a festejar 🎉",
        "El concierto benéfico es el {event_date} a las {time}, boletos a ${price}",
    ],
}


def neg_fillers(lang, rng):
    def money(lo, hi, step=1):
        v = rng.randrange(lo, hi, step)
        return f"{v:,}"

    m = rng.randint(1, 12)
    m2 = rng.randint(1, 12)
    d, d2 = rng.randint(1, 28), rng.randint(1, 28)
    if lang == "en":
        mon, mon2 = MONTHS_EN[m - 1], MONTHS_EN[m2 - 1]
        event_date = rng.choice(
            [
                f"{mon} {d}",
                f"{mon} {d}th" if d in (4, 5, 6, 7, 8, 9, 10, 12, 15, 20) else f"{mon} {d}",
                f"{m}/{d}",
                f"Saturday, {mon} {d}",
                f"{mon[:3]}. {d}",
            ]
        )
        event_date2 = f"{mon2} {d2}"
        hour = rng.randint(1, 12)
        time = rng.choice(
            [f"{hour}:{rng.choice(['00', '15', '30', '45'])}", f"{hour}pm", f"{hour} am", f"{hour}:30 pm"]
        )
        time2 = f"{rng.randint(1, 12)}:{rng.choice(['00', '30'])}"
        month = mon
    else:
        mes, mes2 = MONTHS_ES[m - 1], MONTHS_ES[m2 - 1]
        event_date = rng.choice([f"{d} de {mes}", f"sábado {d} de {mes}", f"{d}/{m}"])
        event_date2 = f"{d2} de {mes2}"
        time = rng.choice([f"{rng.randint(8, 20)}:{rng.choice(['00', '30'])}", f"{rng.randint(1, 11)} de la tarde"])
        time2 = f"{rng.randint(12, 21)}:{rng.choice(['00', '30'])}"
        month = mes
    s1, s2 = rng.randint(0, 7), rng.randint(0, 7)
    n = rng.randint(6, 60)
    return {
        "price": money(5, 250),
        "small_price": f"{rng.randint(2, 40)}.{rng.choice(['00', '50', '99', '25'])}",
        "rent": money(850, 3400, 25),
        "rent2": money(1200, 4200, 25),
        "raised": money(300, 25000, 5),
        "time": time,
        "time2": time2,
        "n": n,
        "n2": rng.randint(2, n),
        "n3": rng.randint(40, 300),
        "small": rng.randint(2, 9),
        "pct": rng.randint(3, 68),
        "pct2": f"{rng.randint(3, 11)}.{rng.randint(0, 9)}",
        "year": rng.randint(1985, 2024),
        "year2": rng.randint(2015, 2025),
        "year_future": rng.randint(2025, 2029),
        "score": f"{s1}-{s2}",
        "score2": f"{rng.randint(0, 6)}-{rng.randint(0, 6)}",
        "bigscore": f"{rng.randint(95, 130)}-{rng.randint(90, 125)}",
        "route": rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 80)}X", f"M{rng.randint(1, 60)}"]),
        "route2": str(rng.randint(1, 120)),
        "mins": rng.randint(5, 95),
        "version": f"{rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
        "count": money(120, 4800),
        "big_count": money(15000, 90000, 500),
        "room": rng.choice([str(rng.randint(101, 450)), f"{rng.randint(1, 4)}B"]),
        "old": rng.randint(40, 130),
        "anniv": rng.randint(5, 60),
        "temp": rng.randint(88, 112),
        "temp_c": rng.randint(33, 44),
        "event_date": event_date,
        "event_date2": event_date2,
        "month": month,
        "hours": rng.randint(4, 40),
        "gas": f"{rng.randint(2, 5)}.{rng.randint(10, 99)}",
        "gas_mxn": f"{rng.randint(22, 26)}.{rng.randint(10, 99)}",
        "ios": f"{rng.randint(14, 18)}.{rng.randint(0, 4)}",
        "android": rng.randint(9, 14),
        "model": f"{rng.choice(['MFC', 'HL', 'LJ'])}-{rng.randint(100, 9999)}",
        "place": rng.choice(["3rd", "5th", "2nd", "11th"]),
        "floor": rng.randint(2, 14),
        "fridge": rng.randint(34, 40),
        "million": rng.randint(40, 900),
        "course": rng.randint(101, 499),
        "q": rng.randint(1, 4),
    }


def generate_negatives(n, rng):
    n_en = round(n * 0.75)
    langs = ["en"] * n_en + ["es"] * (n - n_en)
    rng.shuffle(langs)
    decks, rows, seen = {}, [], set()
    for i, lang in enumerate(langs):
        if not decks.get(lang):
            decks[lang] = list(NEG_TEMPLATES[lang])
            rng.shuffle(decks[lang])
        template = decks[lang].pop()
        for _ in range(20):  # re-fill on an exact duplicate text
            text = template.format(**neg_fillers(lang, rng))
            if rng.random() < 0.1:
                text = text.lower()
            if text not in seen:
                break
        seen.add(text)
        rows.append({"id": f"idgen-neg-{i + 1:05d}", "lang": lang, "text": text, "entities": []})
    return rows


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
VALIDATORS = {
    "US_SSN": lambda v: re.fullmatch(r"(?!000|666|9)\d{3}[- ]?(?!00)\d{2}[- ]?(?!0000)\d{4}", v),
    "US_ITIN": lambda v: re.fullmatch(r"9\d{2}[- ]?(7\d|8[0-8])[- ]?\d{4}", v),
    "CREDIT_CARD": lambda v: (
        re.fullmatch(r"[\d -]+", v) and luhn_valid(re.sub(r"\D", "", v)) and 13 <= len(re.sub(r"\D", "", v)) <= 19
    ),
    "IBAN_CODE": lambda v: re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]+", v) and iban_valid(v),
    "EMAIL_ADDRESS": lambda v: re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", v),
    "URL": lambda v: re.fullmatch(r"(https?://)?[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", v),
    "IP_ADDRESS": lambda v: ipaddress.ip_address(v),
    "ZIP_CODE": lambda v: re.fullmatch(r"\d{5}(-\d{4})?", v),
    "PHONE_NUMBER": lambda v: 9 <= len(re.sub(r"\D", "", v)) <= 13 and re.fullmatch(r"[\d +().\-/]+", v),
    "FAX_NUMBER": lambda v: 9 <= len(re.sub(r"\D", "", v)) <= 13 and re.fullmatch(r"[\d +().\-/]+", v),
    "AGE_OVER_89": lambda v: (
        (v.isdigit() and int(v) >= 90) or re.fullmatch(r"(?i)(ninety|a hundred|noventa|cien)[a-z -]*", v)
    ),
    "DATE": lambda v: re.search(r"\d", v),
}


def validate(rows, negatives):
    problems = []
    for r in rows:
        t = r["text"]
        if unicodedata.normalize("NFC", t) != t:
            problems.append((r["id"], "text not NFC"))
        prev_end = 0
        types_here = []
        for e in r["entities"]:
            s, en, v = e["start"], e["end"], t[e["start"] : e["end"]]
            if not (prev_end <= s < en <= len(t)):
                problems.append((r["id"], f"bad/overlapping span {e}"))
            if v != v.strip() or v[0] in ".,;:!?" or v[-1] in ".,;!?":
                problems.append((r["id"], f"span has padding {v!r}"))
            if s > 0 and (t[s - 1].isalnum()):
                problems.append((r["id"], f"span starts mid-token {v!r}"))
            if re.sub(r"\D", "", v) in FAMOUS or v.replace("-", "") in FAMOUS:
                problems.append((r["id"], f"famous sample value {v!r}"))
            check = VALIDATORS.get(e["type"])
            try:
                ok = check(v) if check else bool(v.strip())
            except ValueError:
                ok = False
            if not ok:
                problems.append((r["id"], f"{e['type']} value fails format check: {v!r}"))
            prev_end = en
            types_here.append(e["type"])
        if not 1 <= len(r["entities"]) <= 2:
            problems.append((r["id"], "needs one or two entities"))
        # long digit runs outside the spans would be unlabelled identifiers
        masked = list(t)
        for e in r["entities"]:
            masked[e["start"] : e["end"]] = " " * (e["end"] - e["start"])
        if re.search(r"\d{5,}", "".join(masked)):
            problems.append((r["id"], "unlabelled long number outside spans"))
    for group in (rows, negatives):
        texts = collections.Counter(r["text"] for r in group)
        problems += [("-", f"duplicate text {t!r}") for t, k in texts.items() if k > 1]
    phone_like = re.compile(r"\+?\(?\d[\d\s().\-]{5,}\d")
    for r in negatives:
        if r["entities"]:
            problems.append((r["id"], "negative with entities"))
        for m in phone_like.finditer(r["text"]):
            if len(re.sub(r"\D", "", m.group())) >= 7:
                problems.append((r["id"], f"phone-like number in negative: {m.group()!r}"))
    return problems


def report(rows, negatives):
    by_type = {lg: collections.Counter() for lg in ("en", "es")}
    sent_by_lang = collections.Counter(r["lang"] for r in rows)
    n_ents = collections.Counter(len(r["entities"]) for r in rows)
    for r in rows:
        for t in {e["type"] for e in r["entities"]}:
            by_type[r["lang"]][t] += 1
    print(
        f"positives: {len(rows)} sentences ({dict(sent_by_lang)}), entities per sentence {dict(sorted(n_ents.items()))}"
    )
    print(f"negatives: {len(negatives)} sentences ({dict(collections.Counter(r['lang'] for r in negatives))})")
    print(f"{'type':24s}{'en':>6s}{'es':>6s}{'total':>7s}")
    short = []
    for t in TYPES:
        en, es = by_type["en"][t], by_type["es"][t]
        print(f"{t:24s}{en:6d}{es:6d}{en + es:7d}")
        if en + es < MIN_PER_TYPE:
            short.append(t)
    print(
        f"{'TOTAL entity sentences':24s}{sum(by_type['en'].values()):6d}"
        f"{sum(by_type['es'].values()):6d}{sum(sum(c.values()) for c in by_type.values()):7d}"
    )
    return short


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1600, help="number of positive sentences")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=os.path.join(here, "identifier_sentences.jsonl"))
    ap.add_argument(
        "--neg-out", default=None, help="negatives file (default: identifier_negatives.jsonl next to --out)"
    )
    ap.add_argument("--n-neg", type=int, default=300, help="number of negative sentences")
    ap.add_argument("--pair-rate", type=float, default=0.2, help="share of sentences with two identifiers")
    args = ap.parse_args()
    neg_out = args.neg_out or os.path.join(os.path.dirname(os.path.abspath(args.out)), "identifier_negatives.jsonl")

    # Template inventory sanity check.
    for lang in ("en", "es"):
        for t in TYPES:
            assert len(TEMPLATES[lang][t]) >= MIN_TEMPLATES, (lang, t, len(TEMPLATES[lang][t]))
            for tpl in TEMPLATES[lang][t]:
                found = [m.group(1) for m in SLOT_RE.finditer(tpl) if m.group(1) in TYPES]
                assert found == [t], (lang, t, tpl)

    for lang in ("en", "es"):
        for tpl in PAIR_TEMPLATES[lang]:
            found = [m.group(1) for m in SLOT_RE.finditer(tpl) if m.group(1) in TYPES]
            assert len(found) == 2 and found[0] != found[1], (lang, tpl)

    # Fixed seeds everywhere.
    Faker.seed(args.seed)
    random.seed(args.seed)
    rng = random.Random(args.seed)
    values = ValueFactory(rng, args.seed)

    rows = generate_positives(args.n, args.seed, values, rng, args.pair_rate)
    negatives = generate_negatives(args.n_neg, random.Random(args.seed + 1))

    problems = validate(rows, negatives)
    for p in problems[:40]:
        print("PROBLEM", *p, file=sys.stderr)
    short = report(rows, negatives)
    if problems or short:
        print(f"FAILED: {len(problems)} problems; types under {MIN_PER_TYPE}: {short}", file=sys.stderr)
        sys.exit(1)

    write_jsonl(args.out, rows)
    write_jsonl(neg_out, negatives)
    print(f"wrote {args.out} and {neg_out}")


if __name__ == "__main__":
    main()
