"""The words IT reads in the Group Policy editor and in a profile, in English and Spanish, and the words staff
read for each enumerated value in the tray's Policy window (``VALUES``, ``YES_NO``).

The declaration (``declaration.py``) holds each setting's English help; it has no titles and no Spanish, so they
are kept here, one row per setting. ``tests/policy/test_managed_templates.py`` fails when a declared setting or an
extension property has no row, so a new setting cannot reach IT's templates half-translated; at run time a
missing row falls back to English rather than stopping the build.
"""

from __future__ import annotations

LANGUAGES = ("en-US", "es-ES")

# Categories in the Group Policy editor: key -> (English, Spanish).
CATEGORIES: dict[str, tuple[str, str]] = {
    "ClientSafe": ("ClientSafe", "ClientSafe"),
    "Organisation": ("The organisation and its accounts", "La organización y sus cuentas"),
    "Warnings": ("Warnings, holds and overrides", "Avisos, retenciones y omisiones"),
    "Audit": ("Audit", "Auditoría"),
    "Distribution": (
        "IT distribution (policy URL, roster, adapters)",
        "Distribución de TI (URL de política, lista, adaptadores)",
    ),
    "ExtensionChrome": ("ClientSafe extension in Google Chrome", "Extensión ClientSafe en Google Chrome"),
    "ExtensionEdge": ("ClientSafe extension in Microsoft Edge", "Extensión ClientSafe en Microsoft Edge"),
}

# Which category each setting is shown in; a setting missing here is shown under ClientSafe itself.
CATEGORY_OF: dict[str, str] = {
    "organisation": "Organisation",
    "org_accounts": "Organisation",
    "generic_domains": "Organisation",
    "mastodon_instances": "Organisation",
    "review_sites": "Organisation",
    "allowed_extension_ids": "Organisation",
    "rule_actions": "Warnings",
    "override_needs_reason": "Warnings",
    "block_can_be_overridden": "Warnings",
    "fail_mode": "Warnings",
    "consent_covers_minors": "Warnings",
    "media_release_reminder": "Warnings",
    "language": "ClientSafe",
    "admin_view": "ClientSafe",
    "policy_links": "Warnings",
    "community_standards_url": "Warnings",
    "community_standards": "Warnings",
    "decline_scripts": "Warnings",
    "practice_examples": "ClientSafe",
    "training_interval_months": "ClientSafe",
    "audit_retention_days": "Audit",
    "audit_forward_url": "Audit",
    "audit_forward_format": "Audit",
    "audit_forward_headers": "Audit",
    "adapter_updates": "Distribution",
    "roster_bundle": "Distribution",
    "policy_url": "Distribution",
    "locked": "Distribution",
}

# setting -> (English title, Spanish title, Spanish help). The English help is the declaration's.
SETTINGS: dict[str, tuple[str, str, str]] = {
    "organisation": (
        "The organisation's public details",
        "Datos públicos de la organización",
        "Los datos públicos de la organización, que nunca generan avisos: nombre y alias, direcciones, teléfonos, "
        "correos electrónicos, sitios web y cuentas públicas, el personal, la junta directiva, los cargos públicos "
        'y los patrocinadores que se nombran en publicaciones públicas (public_people: un nombre o {"name", '
        '"role"}), los patrocinadores y los nombres de los programas.',
    ),
    "org_accounts": (
        "The organisation's own accounts per site",
        "Cuentas propias de la organización en cada sitio",
        "Las cuentas propias de la organización en cada sitio (facebook, instagram, x, linkedin, tiktok, "
        "mastodon, ...): nombres de usuario o direcciones de página, p. ej. "
        '{"facebook": ["https://www.facebook.com/riverbendyfs"], "x": ["@riverbendyfs"]}. Las publicaciones '
        "hechas desde estas cuentas se revisan con las reglas de cuentas de la organización.",
    ),
    "generic_domains": (
        "Extra sites the extension watches",
        "Sitios adicionales que vigila la extensión",
        "Sitios adicionales (nombres de host) en los que el adaptador genérico de la extensión vigila los cuadros "
        "de texto, p. ej. el foro o la herramienta de boletines de la propia organización.",
    ),
    "review_sites": (
        "Review sites whose replies are checked",
        "Sitios de reseñas cuyas respuestas se revisan",
        "Sitios de reseñas donde la organización responde reseñas y la extensión revisa cada respuesta antes de "
        "publicarla: google_business (Perfil de Empresa de Google), yelp (Yelp for Business: comentarios públicos y "
        "mensajes privados), facebook (respuestas en la pestaña de reseñas de una página) y healthgrades (respuestas "
        "del proveedor). Se retiene una respuesta que confirma que quien escribió la reseña es o fue cliente o "
        "paciente. Si se quita un sitio, deja de vigilarse.",
    ),
    "mastodon_instances": (
        "Mastodon servers where staff post",
        "Servidores de Mastodon donde publica el personal",
        "Servidores de Mastodon, además de mastodon.social, en los que publica el personal, p. ej. social.coop.",
    ),
    "rule_actions": (
        "Per-rule actions",
        "Acciones por regla",
        "Acciones por regla que se aplican sobre las reglas integradas (docs/rules.md), según el tipo de cuenta: "
        '{"MINOR_FEATURED": {"personal": "warn", "org": "block"}}. Un tipo de cuenta que no se indique conserva la '
        "acción integrada.",
    ),
    "override_needs_reason": (
        "Posting anyway asks for a reason",
        "Publicar de todos modos pide un motivo",
        "Publicar de todos modos después de un aviso o una retención pide a la persona un motivo (que se registra "
        "en la auditoría, sin el contenido).",
    ),
    "block_can_be_overridden": (
        "A held post can still be posted anyway",
        "Una publicación retenida aún puede publicarse",
        "Una publicación retenida (block) aún puede publicarse de todos modos. Si se desactiva, la retención es "
        "definitiva: hay que editar la publicación.",
    ),
    "fail_mode": (
        "When a post cannot be checked",
        "Cuando no se puede revisar una publicación",
        "Lo que hace la extensión cuando no puede comunicarse con la aplicación ClientSafe o esta no puede revisar "
        "una publicación: warn (decirlo y dejar que la persona decida), block (retener la publicación) o allow "
        "(publicar sin avisar).",
    ),
    "consent_covers_minors": (
        "Media consent also covers minors",
        "El consentimiento de imagen también cubre a menores",
        "Un consentimiento de imagen registrado en la lista de clientes también cubre a los clientes menores de "
        "edad. Déjelo desactivado donde se necesite una autorización aparte del tutor.",
    ),
    "media_release_reminder": (
        "Media-release reminder",
        "Recordatorio de autorización de imagen",
        "Recordar a la persona que compruebe que hay una autorización de imagen firmada cuando una publicación de "
        "una cuenta de la organización muestra a alguien.",
    ),
    "admin_view": (
        "IT / privacy officer view in the tray",
        "Vista de TI / responsable de privacidad en la bandeja",
        "Quién puede abrir la vista de TI / responsable de privacidad de la bandeja (ubicación de los archivos, "
        "nombres y valores de los ajustes tal como los escribe TI, importar y borrar la lista de clientes): open "
        "(cualquiera en este equipo, por omisión) o locked (nadie en la bandeja; TI y el responsable de privacidad "
        "usan la línea de comandos, p. ej. clientsafe roster import).",
    ),
    "language": (
        "Language",
        "Idioma",
        "El idioma en que habla ClientSafe en la bandeja, la línea de comandos, las notificaciones, los avisos del "
        "navegador y sus motivos: system (el idioma del equipo, o el del navegador en el navegador; inglés cuando "
        "no es ni inglés ni español), en (inglés) o es (español). Cada persona puede elegir el suyo salvo que TI "
        "lo bloquee.",
    ),
    "policy_links": (
        "Links to the organisation's own policy",
        "Enlaces a la política propia de la organización",
        "Dónde se explica cada policy_ref de las reglas en la política de confidencialidad/HIPAA de la propia "
        'organización: {"confidentiality-clients": {"url": "https://intranet.example.org/policy#4-2", "title": '
        '"4.2 Confidencialidad de los clientes"}}. Las referencias que no se indiquen conservan un título '
        "integrado y no tienen enlace.",
    ),
    "practice_examples": (
        "The organisation's own practice examples",
        "Ejemplos de práctica propios de la organización",
        "Solo en el archivo del sistema o la URL de la política: los escenarios de práctica propios de la "
        "organización, que se suman a la biblioteca integrada (docs/practice.md). Cada uno tiene id, lang (en|es), "
        "kind (post|comment|review_reply|friend_request), site, account (personal|org), role, context, text, answer "
        "(fine|second_look|must_not), reason, rewrite (o null), policy_section e incident_kind. Uno con el id de un "
        "escenario integrado lo sustituye.",
    ),
    "training_interval_months": (
        "Ask for a practice round every N months",
        "Pedir una ronda de práctica cada N meses",
        "Pedir a cada persona que termine una ronda de práctica cada tantos meses: la bandeja se lo recuerda cuando "
        "toca (`clientsafe training status`). 0 no lo pide nunca.",
    ),
    "community_standards_url": (
        "Community Standards page",
        "Página de normas de la comunidad",
        "La página pública de normas de la comunidad de la organización, enlazada desde los avisos en las "
        "cuentas de la organización.",
    ),
    "community_standards": (
        "What the Community Standards page says",
        "Qué dice la página de normas de la comunidad",
        "Lo que `clientsafe standards` (y la ventana de normas de la comunidad de la bandeja) escribe en la página "
        'de normas de la comunidad (docs/community-standards.md). values: las palabras que completan "queremos que '
        'esta página sea ..."; removed: lo que se elimina (health, addresses, phones, names_of_people_served, '
        "photos_of_young_people, harassment, hate, spam, ads, threats), por omisión todo; removed_extra: lo que "
        "añade la organización; contact: private_channel, phone, email, url (cómo contactar en privado); "
        "youth_extra_protection (por omisión true); language: en o es (el idioma de la página por omisión). Cada "
        'texto es una cadena o {"en": ..., "es": ...}.',
    ),
    "decline_scripts": (
        "Replies that decline a client's friend request",
        "Respuestas para rechazar la solicitud de amistad de un cliente",
        "Las respuestas amables que se ofrecen cuando una solicitud de amistad, de seguimiento o de mensaje viene "
        'de alguien de la lista de clientes: {"client": {"en": ..., "es": ...}, "minor": {...}, "guardian": {...}} '
        "sustituyen a las integradas para un cliente, un cliente menor de edad y la madre, el padre o el tutor de "
        "un cliente; language (en o es) es el idioma de la respuesta cuando el navegador no pide ninguno.",
    ),
    "allowed_extension_ids": (
        "Browser extensions allowed to call the app",
        "Extensiones de navegador autorizadas a llamar a la aplicación",
        "Extensiones de navegador autorizadas a llamar al servicio local: un ID de extensión de Chrome/Edge (32 "
        "letras de la a a la p) o un origen completo como moz-extension://<uuid>. Se añaden a "
        "`clientsafe serve --allow-origin`.",
    ),
    "audit_retention_days": (
        "Days the audit keeps each event",
        "Días que la auditoría conserva cada evento",
        "Días que la auditoría, sin contenido, conserva cada evento en este equipo.",
    ),
    "audit_forward_url": (
        "Audit collector address",
        "Dirección del recopilador de auditoría",
        "El recopilador HTTPS de la organización al que se reenvían los eventos de auditoría; null: no se reenvía "
        "nada.",
    ),
    "audit_forward_format": (
        "Audit forwarding format",
        "Formato de reenvío de la auditoría",
        "Cómo se envían los eventos de auditoría a audit_forward_url: json (lotes propios de ClientSafe, "
        "shared/audit-batch.schema.json) u otlp (registros de OpenTelemetry sobre OTLP/HTTP protobuf, para un "
        "OpenTelemetry Collector; indique la dirección completa, p. ej. https://otel.example.org:4318/v1/logs).",
    ),
    "audit_forward_headers": (
        "Headers sent to the audit collector",
        "Encabezados enviados al recopilador de auditoría",
        "Solo en la política de TI (archivo del sistema o URL de política): encabezados HTTP enviados con cada "
        'lote de auditoría reenviado, p. ej. la clave de API de un recopilador: {"Authorization": "Bearer '
        '<clave>"}. Nunca se muestran en el estado de la auditoría.',
    ),
    "adapter_updates": (
        "Signed adapter updates",
        "Actualizaciones firmadas de adaptadores",
        "Solo en el archivo del sistema: de dónde descarga la extensión la actualización firmada de adaptadores "
        "de TI (selectores nuevos para un sitio que cambió su diseño, corregidos el mismo día sin una nueva "
        "versión de la extensión) y la clave pública con la que debe estar firmada: "
        '{"url": "https://it.example.org/clientsafe/adapters.json", "public_key": "<SPKI en base64, ECDSA '
        'P-256>"}. Créelas con `clientsafe adapters keygen` y `clientsafe adapters sign` (docs/adapters.md).',
    ),
    "roster_bundle": (
        "The organisation's signed client roster",
        "Lista de clientes firmada de la organización",
        "Solo en el archivo del sistema: de dónde descarga cada equipo la lista de clientes de la organización, "
        "creada y firmada por TI (solo hashes con clave, nunca nombres), y la clave pública con la que debe estar "
        'firmada: {"url": "https://it.example.org/clientsafe/roster.bundle", "public_key": "<SPKI en base64, '
        'ECDSA P-256>", "refresh_hours": 6}. Se descarga al iniciar y cada refresh_hours (6 por omisión). Créela '
        "con `clientsafe roster keygen` y `clientsafe roster build`; cada equipo también necesita el roster.key "
        "de la organización junto al archivo de política del sistema (docs/roster.md). Mientras esté definida, "
        "el personal no puede reemplazar ni borrar la lista.",
    ),
    "policy_url": (
        "Policy URL",
        "URL de la política",
        "Solo en el archivo del sistema: descargar la política de la organización desde esta dirección HTTPS "
        "(guardada en caché, revalidada con ETag y usada sin conexión desde la caché). Los ajustes del propio "
        "archivo del sistema se aplican encima.",
    ),
    "locked": (
        "Settings users may not change",
        "Ajustes que los usuarios no pueden cambiar",
        "Solo en el archivo del sistema o la URL de política: ajustes que el archivo de política propio de un "
        'usuario no puede cambiar, p. ej. ["fail_mode", "media_release_reminder"]. El valor de un usuario para '
        "un ajuste bloqueado se ignora y se informa.",
    ),
}

# What staff read for an enumerated setting's values (the tray's Policy window): setting -> value -> (English,
# Spanish). The values are the declaration's enums; tests/qt/test_policy_window.py fails when one has no words.
# review_sites' values are site keys, named once in data/sites.json.
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "fail_mode": {
        "warn": ("Warn, and let the person decide", "Avisar y dejar que la persona decida"),
        "block": ("Hold the post", "Retener la publicación"),
        "allow": ("Post without a warning", "Publicar sin avisar"),
    },
    "language": {
        "system": ("The computer's language", "El idioma del equipo"),
        "en": ("English", "Inglés"),
        "es": ("Spanish", "Español"),
    },
    "admin_view": {
        "open": ("Anyone at this computer", "Cualquier persona en este equipo"),
        "locked": (
            "Nobody in the tray (IT uses the command line)",
            "Nadie en la bandeja (TI usa la línea de comandos)",
        ),
    },
    "audit_forward_format": {
        "json": ("ClientSafe's own format (JSON)", "Formato propio de ClientSafe (JSON)"),
        "otlp": ("OpenTelemetry logs (OTLP)", "Registros de OpenTelemetry (OTLP)"),
    },
}
# Every yes/no setting's value.
YES_NO: dict[bool, tuple[str, str]] = {True: ("Yes", "Sí"), False: ("No", "No")}

# The extension's managed settings (extension/managed_schema.json): property -> (Spanish title, Spanish help).
# The English title and help are the schema's own.
EXTENSION: dict[str, tuple[str, str]] = {
    "service_port": (
        "Puerto de la aplicación ClientSafe",
        "El puerto de la aplicación ClientSafe en 127.0.0.1 cuando TI lo fija (por omisión: el primero libre "
        "entre 47390 y 47399, que se encuentra automáticamente).",
    ),
    "fail_mode": (
        "Cuando no se puede comunicar con la aplicación ClientSafe",
        "warn: retener la publicación y decir que no se revisó (por omisión); block: retenerla sin forma de "
        "publicarla; allow: dejarla pasar.",
    ),
    "org_accounts": (
        "Las cuentas propias de la organización, por sitio",
        "Nombres de usuario o direcciones de página por sitio (facebook, instagram, threads, x, linkedin, "
        "bluesky, reddit, mastodon, youtube, nextdoor, tiktok); las publicaciones hechas con una de ellas son "
        "publicaciones de la organización.",
    ),
    "community_standards_url": (
        "Dirección de las normas de la comunidad",
        "Enlazada desde los avisos en las publicaciones de la organización.",
    ),
    "media_release_reminder": (
        "Recordatorio de autorización de imagen",
        "Pedir que se confirme que hay autorizaciones de imagen firmadas cuando se adjunta una foto o un vídeo "
        "(por omisión: true).",
    ),
}

# Fixed phrases: key -> (English, Spanish).
PHRASES: dict[str, tuple[str, str]] = {
    "supported": ("Windows 10 or later, with ClientSafe installed", "Windows 10 o posterior, con ClientSafe instalado"),
    "app_name": ("ClientSafe settings", "Ajustes de ClientSafe"),
    "app_description": (
        "ClientSafe's organisation policy, as Group Policy or Intune writes it under "
        "HKLM\\Software\\Policies\\ClientSafe.",
        "La política de organización de ClientSafe, tal como la escriben Directiva de grupo o Intune en "
        "HKLM\\Software\\Policies\\ClientSafe.",
    ),
    "Chrome_name": ("ClientSafe extension in Google Chrome", "Extensión ClientSafe en Google Chrome"),
    "Chrome_description": (
        "The ClientSafe extension's managed settings in Google Chrome (Chrome's 3rdparty extension policy).",
        "Los ajustes administrados de la extensión ClientSafe en Google Chrome (directiva 3rdparty de Chrome).",
    ),
    "Edge_name": ("ClientSafe extension in Microsoft Edge", "Extensión ClientSafe en Microsoft Edge"),
    "Edge_description": (
        "The ClientSafe extension's managed settings in Microsoft Edge (Edge's 3rdparty extension policy).",
        "Los ajustes administrados de la extensión ClientSafe en Microsoft Edge (directiva 3rdparty de Edge).",
    ),
    "scope_org": (
        "The organisation's decision: once IT sets it, a user's own policy file cannot change it.",
        "Decisión de la organización: una vez que TI lo define, el archivo de política propio de un usuario no "
        "puede cambiarlo.",
    ),
    "scope_personal": (
        "A person's preference: IT's value applies unless the person's own policy file changes it (add it to "
        "locked to prevent that).",
        "Preferencia de la persona: el valor de TI se aplica salvo que el archivo de política propio de la "
        "persona lo cambie (añádalo a locked para impedirlo).",
    ),
    "scope_system": (
        "IT only: read from the system policy file, the policy URL or this policy, never from a user's file.",
        "Solo TI: se lee del archivo de política del sistema, de la URL de política o de esta directiva, nunca "
        "del archivo de un usuario.",
    ),
    "stored_as": ("Stored as", "Se guarda como"),
    "json_hint": (
        "Enter the value as JSON on one line.",
        "Escriba el valor como JSON en una sola línea.",
    ),
    "list_hint": ("One entry per line (Show...).", "Una entrada por línea (Mostrar...)."),
    "empty_is_null": ("Leave empty for none.", "Déjelo vacío para no definir ninguno."),
    "label_value": ("Value:", "Valor:"),
    "label_list": ("Entries:", "Entradas:"),
    "label_json": ("JSON value:", "Valor JSON:"),
    "none_choice": ("(none)", "(ninguno)"),
}


def category(key: str, language: str) -> str:
    english, spanish = CATEGORIES[key]
    return spanish if language == "es-ES" else english


def phrase(key: str, language: str) -> str:
    english, spanish = PHRASES[key]
    return spanish if language == "es-ES" else english
