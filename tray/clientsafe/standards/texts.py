"""The built-in wording of a Community Standards page, in English and Spanish.

Kept apart from the page builder so issue 16's translation machinery can take these strings over as they are.
The removed kinds are the ones the organisation's privacy guidance names: people post their own and others'
private details on an organisation's page, and young people do so most.
"""

from __future__ import annotations

Localised = dict[str, str]

DEFAULT_VALUES: dict[str, tuple[str, ...]] = {
    "en": ("respectful", "informative", "supportive", "safe for everyone"),
    "es": ("respetuosas", "informativas", "solidarias", "seguras para todas las personas"),
}

REMOVED: dict[str, dict[str, Localised]] = {
    "health": {
        "what": {"en": "Health information", "es": "Información de salud"},
        "why": {
            "en": "Diagnoses, treatment, medication, pregnancy, mental health or substance use, whether about you or "
            "someone else: once posted it cannot be taken back.",
            "es": "Diagnósticos, tratamientos, medicamentos, embarazo, salud mental o consumo de sustancias, tuyos o "
            "de otra persona: una vez publicado no se puede recuperar.",
        },
    },
    "addresses": {
        "what": {"en": "Home addresses and locations", "es": "Domicilios y ubicaciones"},
        "why": {
            "en": "Where someone lives, stays or can be found can put them at risk, especially anyone leaving an "
            "unsafe home.",
            "es": "Dónde vive, se aloja o se puede encontrar a alguien puede ponerle en peligro, sobre todo a quien "
            "huye de un hogar inseguro.",
        },
    },
    "phones": {
        "what": {
            "en": "Phone numbers, e-mail addresses and ID numbers",
            "es": "Teléfonos, correos y números de identificación",
        },
        "why": {
            "en": "They let strangers contact or impersonate someone.",
            "es": "Permiten que desconocidos contacten o suplanten a alguien.",
        },
    },
    "names_of_people_served": {
        "what": {"en": "Naming the people we serve", "es": "Nombrar a las personas que atendemos"},
        "why": {
            "en": "Saying that someone is, or was, one of our clients or patients reveals private information about "
            "them, even in a kind comment.",
            "es": "Decir que alguien es o fue cliente o paciente nuestro revela información privada, aunque sea en "
            "un comentario amable.",
        },
    },
    "photos_of_young_people": {
        "what": {"en": "Photos of young people", "es": "Fotos de personas jóvenes"},
        "why": {
            "en": "Photos that identify a young person need a parent's or guardian's permission.",
            "es": "Las fotos que identifican a una persona joven necesitan el permiso de su madre, padre o tutor.",
        },
    },
    "harassment": {
        "what": {"en": "Harassment and bullying", "es": "Acoso e intimidación"},
        "why": {
            "en": "Everyone should feel safe here.",
            "es": "Todas las personas deben sentirse seguras aquí.",
        },
    },
    "hate": {
        "what": {"en": "Hate speech", "es": "Discurso de odio"},
        "why": {
            "en": "Attacks on people for who they are have no place on our page.",
            "es": "Los ataques a las personas por lo que son no tienen lugar en nuestra página.",
        },
    },
    "threats": {
        "what": {"en": "Threats of violence", "es": "Amenazas de violencia"},
        "why": {
            "en": "We remove them and may report them to the authorities.",
            "es": "Las eliminamos y podemos denunciarlas a las autoridades.",
        },
    },
    "spam": {
        "what": {"en": "Spam and scams", "es": "Spam y estafas"},
        "why": {
            "en": "Repeated posts, misleading links and requests for money or personal details.",
            "es": "Publicaciones repetidas, enlaces engañosos y peticiones de dinero o datos personales.",
        },
    },
    "ads": {
        "what": {"en": "Advertising", "es": "Publicidad"},
        "why": {
            "en": "This page is for our community, not for selling.",
            "es": "Esta página es para nuestra comunidad, no para vender.",
        },
    },
}

PHRASES: dict[str, Localised] = {
    "title": {"en": "{org} Community Standards", "es": "Normas de la comunidad de {org}"},
    "intro": {
        "en": "{org} uses its social media pages to share news, events and resources with the people we serve and "
        "our community. We want these pages to be {values}.",
        "es": "{org} usa sus páginas en redes sociales para compartir noticias, actividades y recursos con las "
        "personas que atendemos y con nuestra comunidad. Queremos que estas páginas sean {values}.",
    },
    "and": {"en": "and", "es": "y"},
    "responsible_heading": {"en": "You are responsible for what you post", "es": "Eres responsable de lo que publicas"},
    "responsible": {
        "en": "You are responsible for what you post here. Anything you post on this page is public: anyone can "
        "see it, share it or save it, even after it is removed. Posting your own private information here makes it "
        "public too, so please think before you share.",
        "es": "Eres responsable de lo que publicas aquí. Todo lo que publicas en esta página es público: cualquiera "
        "puede verlo, compartirlo o guardarlo, incluso después de eliminarlo. Si publicas tu propia información "
        "privada aquí, también se vuelve pública, así que piénsalo antes de compartir.",
    },
    "removed_heading": {"en": "What we remove, and why", "es": "Qué eliminamos y por qué"},
    "removed_intro": {
        "en": "We hide or remove posts and comments that include:",
        "es": "Ocultamos o eliminamos publicaciones y comentarios que incluyan:",
    },
    "removed_after": {
        "en": "We may block accounts that break these standards again and again.",
        "es": "Podemos bloquear las cuentas que incumplan estas normas una y otra vez.",
    },
    "youth_heading": {"en": "Extra protection for young people", "es": "Protección adicional para personas jóvenes"},
    "youth": {
        "en": "We have an added responsibility to protect young people, even when they do not choose to protect "
        "themselves. We remove a young person's own information (their full name with a photo, school, address, "
        "phone number, health or situation) even if they posted it themselves, and we never post photos of young "
        "people without a parent's or guardian's permission.",
        "es": "Tenemos una responsabilidad adicional de proteger a las personas jóvenes, incluso cuando ellas no "
        "eligen protegerse. Eliminamos la información de una persona joven (su nombre completo con una foto, su "
        "escuela, domicilio, teléfono, salud o situación) aunque la haya publicado ella misma, y nunca publicamos "
        "fotos de personas jóvenes sin el permiso de su madre, padre o tutor.",
    },
    "contact_heading": {"en": "Contact us privately", "es": "Contáctanos en privado"},
    "contact_intro": {
        "en": "Never share personal details in a comment. To ask about our services, your situation or someone you "
        "know, contact us privately instead:",
        "es": "Nunca compartas datos personales en un comentario. Para preguntar por nuestros servicios, tu "
        "situación o alguien que conoces, contáctanos en privado:",
    },
    "contact_none": {
        "en": "Never share personal details in a comment. To ask about our services or your situation, send us a "
        "private message instead.",
        "es": "Nunca compartas datos personales en un comentario. Para preguntar por nuestros servicios o tu "
        "situación, envíanos un mensaje privado.",
    },
    "phone": {"en": "Phone", "es": "Teléfono"},
    "email": {"en": "E-mail", "es": "Correo electrónico"},
    "web": {"en": "Online", "es": "En línea"},
    "privacy_heading": {"en": "Our privacy policy", "es": "Nuestra política de privacidad"},
    "privacy": {
        "en": "These standards go together with our privacy and confidentiality policy:",
        "es": "Estas normas acompañan a nuestra política de privacidad y confidencialidad:",
    },
}


def phrase(key: str, lang: str) -> str:
    return PHRASES[key][lang]
