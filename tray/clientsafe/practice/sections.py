"""Each scenario's policy section, linked to the organisation's own policy when it has one (the policy's
``policy_links``, by the same refs the checker's rules cite; ``community_standards_url`` for the Community
Standards), and otherwise explained by ClientSafe's own short handbook text, in English or Spanish."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# section -> the policy_ref the built-in rules use for it (policy/declaration.py DEFAULT_POLICY_TITLES).
POLICY_REFS: dict[str, str | None] = {
    "confidentiality": "confidentiality-clients",
    "minimum_necessary": "hipaa-minimum-necessary",
    "photos_and_media_release": "media-consent",
    "friending_clients": "social-media-boundaries",
    "review_replies": "review-replies",
    "youth_protection": "confidentiality-minors",
    "substance_use_records": "confidentiality-clients",
    "location_safety": "safety-locations",
    "community_standards": None,  # community_standards_url
}

TITLES: dict[str, dict[str, str]] = {
    "confidentiality": {"en": "Client confidentiality", "es": "Confidencialidad de los clientes"},
    "minimum_necessary": {"en": "HIPAA: minimum necessary", "es": "HIPAA: lo mínimo necesario"},
    "photos_and_media_release": {"en": "Photos and media releases", "es": "Fotos y autorizaciones de imagen"},
    "friending_clients": {"en": "Connecting with clients online", "es": "Conectar con clientes en redes"},
    "review_replies": {"en": "Replying to online reviews", "es": "Responder a reseñas en línea"},
    "youth_protection": {"en": "Protecting young people", "es": "Protección de las personas jóvenes"},
    "substance_use_records": {
        "en": "Substance use treatment records (42 CFR Part 2)",
        "es": "Registros de tratamiento por consumo de sustancias (42 CFR Parte 2)",
    },
    "location_safety": {"en": "Safe locations", "es": "Lugares seguros"},
    "community_standards": {"en": "Community Standards", "es": "Normas de la comunidad"},
}

# The handbook's one-paragraph version, shown when the organisation has not linked its own section.
HANDBOOK: dict[str, dict[str, str]] = {
    "confidentiality": {
        "en": "Never say or show, even without a name, that someone is or was a client, or anything that lets "
        "people who know them recognise them.",
        "es": "Nunca diga ni muestre, aunque sea sin nombre, que alguien es o fue cliente, ni nada que permita "
        "reconocerle a quien le conoce.",
    },
    "minimum_necessary": {
        "en": "Share only what the purpose needs. A success story works without the age, the diagnosis, the "
        "neighbourhood or the date that together point to one person.",
        "es": "Comparta solo lo que el propósito necesita. Una historia de éxito funciona sin la edad, el "
        "diagnóstico, el barrio o la fecha que juntos señalan a una persona.",
    },
    "photos_and_media_release": {
        "en": "Post a photo, video or story of a client only with a signed media release that covers this use; "
        "for a minor, the parent's or guardian's. Faces, name tags and screens count.",
        "es": "Publique fotos, videos o historias de clientes solo con una autorización firmada que cubra este "
        "uso; para menores, la del padre, madre o tutor. Caras, gafetes y pantallas cuentan.",
    },
    "friending_clients": {
        "en": "Do not friend, follow or message clients (or their parents) from a personal account; decline "
        "kindly and point them to the organisation's official channels.",
        "es": "No agregue, siga ni escriba a clientes (ni a sus padres) desde una cuenta personal; rechace con "
        "amabilidad y remita a los canales oficiales de la organización.",
    },
    "review_replies": {
        "en": "A reply to a review must not confirm that the reviewer is or was a client, nor mention a visit, "
        "treatment, diagnosis or insurance. Thank them and invite them to call privately.",
        "es": "Una respuesta a una reseña no debe confirmar que quien la escribe es o fue cliente, ni mencionar "
        "visitas, tratamientos, diagnósticos o seguros. Agradezca e invite a llamar en privado.",
    },
    "youth_protection": {
        "en": "Young people get extra protection, even when they share their own story: no names, faces, "
        "schools or details that identify them without the guardian's written consent.",
        "es": "Las personas jóvenes tienen protección adicional, aunque compartan su propia historia: sin "
        "nombres, caras, escuelas ni datos que las identifiquen sin consentimiento escrito del tutor.",
    },
    "substance_use_records": {
        "en": "Anything that shows someone is in substance use treatment is protected by 42 CFR Part 2, "
        "stricter than HIPAA: never confirm or hint at it in public.",
        "es": "Todo lo que muestre que alguien recibe tratamiento por consumo de sustancias está protegido por "
        "42 CFR Parte 2, más estricto que HIPAA: nunca lo confirme ni lo insinúe en público.",
    },
    "location_safety": {
        "en": "Never post where a shelter, safe house or a client is, or when they will be somewhere: "
        "addresses, check-ins, recognisable landmarks and live posts included.",
        "es": "Nunca publique dónde está un refugio, una casa segura o un cliente, ni cuándo estará en algún "
        "lugar: direcciones, registros de ubicación, lugares reconocibles y publicaciones en vivo incluidos.",
    },
    "community_standards": {
        "en": "On the organisation's pages, remove or hide what breaks the Community Standards (including "
        "people sharing their own or others' health details) and offer a private way to talk.",
        "es": "En las páginas de la organización, quite u oculte lo que incumple las normas de la comunidad "
        "(incluidos datos de salud propios o ajenos) y ofrezca una vía privada para hablar.",
    },
}


@dataclass(frozen=True)
class SectionLink:
    section: str
    title: str
    url: str | None  # the organisation's own page for this section, when the policy names one
    text: str  # the handbook's paragraph (always there; the window shows it when there is no url)

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "title": self.title, "url": self.url, "text": self.text}


def link_for(
    section: str,
    lang: str,
    policy_links: Mapping[str, Mapping[str, Any]] | None = None,
    community_standards_url: str | None = None,
) -> SectionLink:
    """The organisation's page for ``section`` (title from its policy_links when it gave one), else the handbook."""
    lang = lang if lang in ("en", "es") else "en"
    title = TITLES[section][lang]
    url: str | None = None
    ref = POLICY_REFS[section]
    if ref is None:
        url = community_standards_url
    else:
        link = (policy_links or {}).get(ref) or {}
        url = link.get("url")
        if url and lang == "en" and link.get("title"):
            title = str(link["title"])  # the organisation's own heading, e.g. "4.2 Client confidentiality"
    return SectionLink(section, title, url, HANDBOOK[section][lang])
