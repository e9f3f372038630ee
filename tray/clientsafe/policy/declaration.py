"""Every organisation-policy setting, declared once: name, JSON type, default, help text, who sets it.

``shared/policy.schema.json`` and the settings reference in ``docs/policy.md`` are generated from this table
(``python -m clientsafe.policy.publish``; ``tests/policy/test_declaration.py`` fails when they are stale).

``org_level`` settings are the organisation's decision: once the IT-managed layer (system file or URL) gives
one a value, a user's own policy file cannot change it, exactly as if IT had locked it. The others are a
person's preference, which IT can still pin with ``locked``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from clientsafe.practice.schema import EXAMPLES_SCHEMA

ACTIONS = ("allow", "warn", "block")
FAIL_MODES = ("warn", "block", "allow")
ACCOUNT_TYPES = ("personal", "org")


@dataclass(frozen=True)
class PolicySetting:
    name: str
    schema: dict[str, Any]  # JSON Schema of the value
    default: Any
    help: str
    org_level: bool = True
    # "any": any layer may set it; "system": only the IT-managed system file (or, for ``locked``, the URL).
    layers: str = "any"


def rule_codes() -> tuple[str, ...]:
    """The rule codes of the built-in table (checker/rules.json), which ``rule_actions`` may adjust."""
    text = (resources.files("clientsafe.checker") / "rules.json").read_text(encoding="utf-8")
    return tuple(sorted({r["code"] for r in json.loads(text)["rules"]}))


_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 300}, "uniqueItems": True}
_HOSTNAME = {
    "type": "string",
    "pattern": r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    "description": "A host name in lower case, e.g. social.example.org (no scheme, no path).",
}
# HTTPS only; plain http is accepted for loopback addresses so a policy server can be tried locally.
_URL_PATTERN = r"^(https://[^\s/]+|http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?)(/\S*)?$"
_URL = {"type": "string", "pattern": _URL_PATTERN, "maxLength": 2048}
_OPTIONAL_URL = {"anyOf": [_URL, {"type": "null"}]}
_SITE = r"^[a-z0-9][a-z0-9_-]{0,31}$"  # adapter names: "google_business" has an underscore
# Signed downloads from IT (adapter updates, the roster bundle): HTTPS only, even on loopback, and the public key
# (base64 SPKI, ECDSA P-256) their signature is checked against.
_HTTPS_ONLY_URL = {"type": "string", "pattern": r"^https://[^\s/]+(/\S*)?$", "maxLength": 2048}
_SIGNING_KEY = {"type": "string", "pattern": r"^[A-Za-z0-9+/]{40,400}={0,2}$"}

ORGANISATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "maxLength": 200},
        "aliases": _STRINGS,
        "addresses": _STRINGS,
        "phones": _STRINGS,
        "emails": _STRINGS,
        "websites": _STRINGS,
        "handles": _STRINGS,
        "public_people": {
            "type": "array",
            "description": "Staff, board members, volunteers and public officials who are named in public posts.",
            "items": {
                "anyOf": [
                    {"type": "string", "minLength": 1, "maxLength": 200},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["name"],
                        "properties": {
                            "name": {"type": "string", "minLength": 1, "maxLength": 200},
                            "role": {"type": "string", "maxLength": 200},
                        },
                    },
                ]
            },
        },
        "sponsors": _STRINGS,
        "programs": _STRINGS,
    },
}

# A text people read, in one language for both (a string) or per language.
_TEXT = {"type": "string", "minLength": 1, "maxLength": 600}
_LOCALISED = {
    "anyOf": [
        _TEXT,
        {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {"en": _TEXT, "es": _TEXT}},
    ]
}
LANGUAGES = ("en", "es")
# What a Community Standards page can say is removed; the wording of each is in clientsafe/standards/texts.py.
REMOVED_KINDS = (
    "health",
    "addresses",
    "phones",
    "names_of_people_served",
    "photos_of_young_people",
    "harassment",
    "hate",
    "threats",
    "spam",
    "ads",
)
COMMUNITY_STANDARDS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "values": {"type": "array", "maxItems": 8, "items": _LOCALISED},
        "removed": {"type": "array", "uniqueItems": True, "items": {"enum": list(REMOVED_KINDS)}},
        "removed_extra": {
            "type": "array",
            "maxItems": 10,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["what", "why"],
                "properties": {"what": _LOCALISED, "why": _LOCALISED},
            },
        },
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "private_channel": _LOCALISED,
                "phone": {"type": "string", "minLength": 1, "maxLength": 60},
                "email": {"type": "string", "minLength": 3, "maxLength": 200, "pattern": r"^[^@\s]+@[^@\s]+$"},
                "url": _URL,
            },
        },
        "youth_extra_protection": {"type": "boolean"},
        "language": {"enum": list(LANGUAGES)},
    },
}
_SCRIPT = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {"en": _TEXT, "es": _TEXT},
}
DECLINE_SCRIPTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"client": _SCRIPT, "minor": _SCRIPT, "guardian": _SCRIPT, "language": {"enum": list(LANGUAGES)}},
}

# Titles for the policy sections the built-in rules cite, in English and Spanish (shared/policy_sections.json, the
# one source the CLI, the tray and the extension all read); the organisation adds the URLs (policy_links).
POLICY_SECTION_TITLES: dict[str, dict[str, str]] = json.loads(
    (resources.files("clientsafe") / "data" / "policy_sections.json").read_text(encoding="utf-8")
)
DEFAULT_POLICY_TITLES: dict[str, str] = {ref: titles["en"] for ref, titles in POLICY_SECTION_TITLES.items()}

POLICY: tuple[PolicySetting, ...] = (
    PolicySetting(
        "organisation",
        ORGANISATION_SCHEMA,
        {},
        "The organisation's own public details, which never warn: name and aliases, public addresses, phones, "
        "e-mails, websites and handles, staff/board/officials/sponsors named in public posts (public_people: "
        'a name or {"name", "role"}), sponsors and programme names.',
    ),
    PolicySetting(
        "org_accounts",
        {
            "type": "object",
            "propertyNames": {"pattern": _SITE},
            "additionalProperties": _STRINGS,
        },
        {},
        "The organisation's own accounts per site (facebook, instagram, x, linkedin, tiktok, mastodon, ...): "
        'handles or page URLs, e.g. {"facebook": ["https://www.facebook.com/riverbendyfs"], "x": ["@riverbendyfs"]}. '
        "Posts from these accounts are checked with the org account rules.",
    ),
    PolicySetting(
        "generic_domains",
        {"type": "array", "items": _HOSTNAME, "uniqueItems": True},
        [],
        "Extra sites (host names) where the extension's generic adapter watches text boxes, e.g. the "
        "organisation's own forum or newsletter tool.",
    ),
    PolicySetting(
        "mastodon_instances",
        {"type": "array", "items": _HOSTNAME, "uniqueItems": True},
        [],
        "Mastodon servers besides mastodon.social where staff post, e.g. social.coop.",
    ),
    PolicySetting(
        "review_sites",
        {
            "type": "array",
            "items": {"enum": ["google_business", "yelp", "facebook", "healthgrades"]},
            "uniqueItems": True,
        },
        ["google_business", "yelp", "facebook"],
        "Review sites where the organisation answers reviews and the extension checks each reply before it is "
        "posted: google_business (Google Business Profile, and the owner's view in Google Search and Maps), yelp "
        "(Yelp for Business: public comments and private messages), facebook (replies on a Page's Reviews tab) and "
        "healthgrades (provider responses). A reply that confirms the reviewer is or was a client or patient is "
        "held (docs/rules.md, REVIEW_REPLY_CONFIRMS). Leave a site out to stop watching it.",
    ),
    PolicySetting(
        "rule_actions",
        {
            "type": "object",
            "propertyNames": {"enum": list(rule_codes())},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "minProperties": 1,
                "properties": {a: {"enum": list(ACTIONS)} for a in ACCOUNT_TYPES},
            },
        },
        {},
        "Per-rule actions on top of the built-in rules (docs/rules.md), by account type: "
        '{"MINOR_FEATURED": {"personal": "warn", "org": "block"}}. An account type left out keeps the built-in '
        "action.",
    ),
    PolicySetting(
        "override_needs_reason",
        {"type": "boolean"},
        True,
        "Posting anyway after a warning or a hold asks the person for a reason (recorded, content-free, in the audit).",
    ),
    PolicySetting(
        "block_can_be_overridden",
        {"type": "boolean"},
        True,
        "A held (block) post can still be posted anyway by the person. False makes a block final: the post "
        "must be edited.",
    ),
    PolicySetting(
        "fail_mode",
        {"enum": list(FAIL_MODES)},
        "warn",
        "What the extension does when the ClientSafe app cannot be reached or cannot check a post: warn "
        "(say so and let the person decide), block (hold the post) or allow (post silently).",
    ),
    PolicySetting(
        "consent_covers_minors",
        {"type": "boolean"},
        False,
        "A media consent recorded in the client roster also covers clients who are minors. Leave false where a "
        "guardian's separate release is needed.",
    ),
    PolicySetting(
        "media_release_reminder",
        {"type": "boolean"},
        True,
        "Remind the person to check for a signed media release when a post on an org account features someone.",
        org_level=False,
    ),
    PolicySetting(
        "language",
        {"enum": ["system", *LANGUAGES]},
        "system",
        "The language ClientSafe speaks in the tray, the command line, notifications, the browser's warnings "
        "and their reasons: system (follow the computer's language, or the browser's in the browser; English "
        "when it is neither English nor Spanish), en (English) or es (Spanish). A person may choose their own "
        "unless IT locks it.",
        org_level=False,
    ),
    PolicySetting(
        "admin_view",
        {"enum": ["open", "locked"]},
        "open",
        "Who may open the tray's IT / privacy officer view (file locations, setting names and values as IT "
        "writes them, roster import and clear): open (anyone at this computer, default) or locked (nobody in the "
        "tray; IT and the privacy officer use the command line, e.g. clientsafe roster import).",
    ),
    PolicySetting(
        "policy_links",
        {
            "type": "object",
            "propertyNames": {"pattern": r"^[a-z0-9][a-z0-9-]{0,63}$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["url"],
                "properties": {"url": _URL, "title": {"type": "string", "minLength": 1, "maxLength": 200}},
            },
        },
        {},
        "Where each rule's policy_ref is explained in the organisation's own confidentiality/HIPAA policy: "
        '{"confidentiality-clients": {"url": "https://intranet.example.org/policy#4-2", "title": "4.2 Client '
        'confidentiality"}}. Refs left out keep a built-in title and no link.',
    ),
    PolicySetting(
        "community_standards_url",
        _OPTIONAL_URL,
        None,
        "The organisation's public Community Standards page, linked from warnings on org accounts.",
    ),
    PolicySetting(
        "community_standards",
        COMMUNITY_STANDARDS_SCHEMA,
        {},
        "What `clientsafe standards` (and the tray's Community Standards window) writes into the organisation's "
        'Community Standards page (docs/community-standards.md). values: the words that fill "we want this page '
        'to be ..."; removed: what is removed (health, addresses, phones, names_of_people_served, '
        "photos_of_young_people, harassment, hate, spam, ads, threats), default all; removed_extra: the "
        "organisation's own items; contact: private_channel, phone, email, url (how to reach the organisation "
        "privately); youth_extra_protection (default true); language: en or es (the page's default). Each text is "
        'a string or {"en": ..., "es": ...}.',
    ),
    PolicySetting(
        "decline_scripts",
        DECLINE_SCRIPTS_SCHEMA,
        {},
        "The kind replies offered when a friend, follow or message request comes from someone on the client "
        'roster: {"client": {"en": ..., "es": ...}, "minor": {...}, "guardian": {...}} replace the built-in '
        "scripts for a client, a young client and a client's parent or guardian; language (en or es) is the "
        "default language of the answer when the browser does not ask for one.",
    ),
    PolicySetting(
        "practice_examples",
        EXAMPLES_SCHEMA,
        [],
        "System file or policy URL only: the organisation's own practice scenarios, added to the built-in "
        "library (docs/practice.md). Each has id, lang (en|es), kind (post|comment|review_reply|friend_request), "
        "site, account (personal|org), role, context, text, answer (fine|second_look|must_not), reason, rewrite "
        "(or null), policy_section and incident_kind. One with a built-in scenario's id replaces it.",
        layers="system",
    ),
    PolicySetting(
        "training_interval_months",
        {"type": "integer", "minimum": 0, "maximum": 60},
        0,
        "Ask each person to finish a practice round every this many months: the tray reminds them when it is "
        "due (`clientsafe training status`). 0 never asks.",
    ),
    PolicySetting(
        "allowed_extension_ids",
        {
            "type": "array",
            "uniqueItems": True,
            "items": {
                "type": "string",
                "pattern": r"^([a-p]{32}|(chrome-extension|moz-extension|safari-web-extension)://[A-Za-z0-9._@{}-]+)$",
            },
        },
        [],
        "Browser extensions allowed to call the local service: a Chrome/Edge extension ID (32 letters a-p) or a "
        "full origin such as moz-extension://<uuid>. Added to `clientsafe serve --allow-origin`.",
    ),
    PolicySetting(
        "audit_retention_days",
        {"type": "integer", "minimum": 1, "maximum": 3650},
        90,
        "Days the content-free audit keeps each event on this computer.",
    ),
    PolicySetting(
        "audit_forward_url",
        _OPTIONAL_URL,
        None,
        "The organisation's HTTPS collector that audit events are forwarded to; null: nothing is forwarded.",
    ),
    PolicySetting(
        "audit_forward_format",
        {"enum": ["json", "otlp"]},
        "json",
        "How audit events are sent to audit_forward_url: json (ClientSafe's own batches, "
        "shared/audit-batch.schema.json) or otlp (OpenTelemetry logs over OTLP/HTTP protobuf, for an "
        "OpenTelemetry Collector; give the full address, e.g. https://otel.example.org:4318/v1/logs).",
    ),
    PolicySetting(
        "audit_forward_headers",
        {
            "type": "object",
            "maxProperties": 10,
            "propertyNames": {"pattern": r"^[A-Za-z0-9-]{1,64}$"},
            "additionalProperties": {"type": "string", "maxLength": 4096, "pattern": r"^[^\r\n]*$"},
        },
        {},
        "IT's policy only (system file or policy URL): HTTP headers sent with every forwarded audit batch, e.g. "
        "a collector's API key: "
        '{"Authorization": "Bearer <key>"}. Never shown in the audit status.',
        layers="system",
    ),
    PolicySetting(
        "adapter_updates",
        {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["url", "public_key"],
                    "properties": {
                        "url": _HTTPS_ONLY_URL,
                        "public_key": _SIGNING_KEY,
                    },
                },
            ]
        },
        None,
        "System file only: where the browser extension fetches IT's signed adapter update (new selectors for a "
        "site that changed its layout, fixed the same day without a new extension release) and the public key "
        'it must be signed with: {"url": "https://it.example.org/clientsafe/adapters.json", "public_key": '
        '"<base64 SPKI, ECDSA P-256>"}. Make both with `clientsafe adapters keygen` and `clientsafe adapters sign` '
        "(docs/adapters.md).",
        layers="system",
    ),
    PolicySetting(
        "roster_bundle",
        {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["url", "public_key"],
                    "properties": {
                        "url": _HTTPS_ONLY_URL,
                        "public_key": _SIGNING_KEY,
                        "refresh_hours": {"type": "number", "minimum": 1, "maximum": 168},
                    },
                },
            ]
        },
        None,
        "System file only: where every machine fetches the organisation's client roster, built and signed by IT "
        "(keyed hashes only, never names), and the public key it must be signed with: "
        '{"url": "https://it.example.org/clientsafe/roster.bundle", "public_key": "<base64 SPKI, ECDSA P-256>", '
        '"refresh_hours": 6}. Fetched at start and every refresh_hours (default 6). Make it with `clientsafe '
        "roster keygen` and `clientsafe roster build`; each machine also needs the organisation's roster.key "
        "beside the system policy file (docs/roster.md). While set, staff cannot replace or clear the roster.",
        layers="system",
    ),
    PolicySetting(
        "policy_url",
        _OPTIONAL_URL,
        None,
        "System file only: fetch the organisation's policy from this HTTPS address (cached, revalidated with "
        "ETag, used offline from the cache). Settings in the system file itself apply on top of it.",
        layers="system",
    ),
    PolicySetting(
        "locked",
        {"type": "array", "uniqueItems": True, "items": {"type": "string"}},
        [],
        "System file or policy URL only: settings a user's own policy file may not change, e.g. "
        '["fail_mode", "media_release_reminder"]. A user value for a locked setting is ignored and reported.',
        layers="system",
    ),
)

BY_NAME: dict[str, PolicySetting] = {s.name: s for s in POLICY}
# Accepted in any policy file and ignored: the schema reference and a free-text comment.
META_KEYS = ("$schema", "comment")


def defaults() -> dict[str, Any]:
    return {s.name: json.loads(json.dumps(s.default)) for s in POLICY}
