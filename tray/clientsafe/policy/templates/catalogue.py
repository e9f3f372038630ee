"""What IT's templates offer: one entry per managed setting, with its registry place, storage kind and texts.

The app's settings come from the declaration (every setting: IT may set any of them through the OS-managed layer,
including the system-only ones, which ``store.py`` reads from it), stored as ``managed_types.storage_for`` says,
the same function ``os_managed.py`` decodes with. The extension's come from its ``storage.managed`` schema,
shipped beside this file as ``extension_managed_schema.json`` (a copy of ``extension/managed_schema.json``,
kept equal by a test), so the templates can be made from an installed app as well as from the source tree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from clientsafe.policy import locations
from clientsafe.policy.declaration import POLICY
from clientsafe.policy.managed_types import Storage, storage_for
from clientsafe.policy.templates import texts

EXTENSION_ID = re.compile(r"^[a-p]{32}$")
# Where Chrome and Edge read an extension's managed settings (Chromium's "3rdparty" policy), per browser.
BROWSER_KEYS = {
    "Chrome": r"Software\Policies\Google\Chrome\3rdparty\extensions\{id}\policy",
    "Edge": r"Software\Policies\Microsoft\Edge\3rdparty\extensions\{id}\policy",
}


class TemplateError(ValueError):
    """The templates cannot be made as asked; the message says what to do."""


@dataclass(frozen=True)
class Entry:
    name: str  # the ADMX policy name, unique in its file
    value_name: str  # the registry value (or, for a list, the subkey) the setting is read from
    key: str  # the registry key under HKLM
    storage: Storage
    category: str  # a key of texts.CATEGORIES
    titles: tuple[str, str]  # English, Spanish
    helps: tuple[str, str]  # English, Spanish
    scope: str = ""  # a key of texts.PHRASES, or "" (extension settings)
    default: Any = None


def app_entries() -> list[Entry]:
    entries = []
    for setting in POLICY:
        title_en, title_es, help_es = texts.SETTINGS.get(
            setting.name, (setting.name.replace("_", " ").capitalize(), "", "")
        )
        scope = "scope_org" if setting.org_level else "scope_personal"
        if setting.layers == "system":
            scope = "scope_system"
        entries.append(
            Entry(
                name=setting.name,
                value_name=setting.name,
                key=locations.REGISTRY_KEY,
                storage=storage_for(setting.name, setting.schema),
                category=texts.CATEGORY_OF.get(setting.name, "ClientSafe"),
                titles=(title_en, title_es or title_en),
                helps=(setting.help, help_es or setting.help),
                scope=scope,
                default=setting.default,
            )
        )
    return entries


def extension_schema() -> dict[str, Any]:
    text = (resources.files("clientsafe.policy.templates") / "extension_managed_schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def extension_entries(extension_id: str) -> list[Entry]:
    """The extension's managed settings, once for Chrome and once for Edge, under ``extension_id``'s key."""
    if not EXTENSION_ID.match(extension_id):
        raise TemplateError(
            f"{extension_id!r} is not a Chrome/Edge extension ID (32 letters from a to p). Use the chromium_id "
            "in dist/extension/extension.json from your organisation's extension build."
        )
    entries = []
    for browser, key in BROWSER_KEYS.items():
        for name, schema in extension_schema()["properties"].items():
            title_es, help_es = texts.EXTENSION.get(name, ("", ""))
            entries.append(
                Entry(
                    name=f"{browser}_{name}",
                    value_name=name,
                    key=key.format(id=extension_id),
                    storage=storage_for(name, schema),
                    category=f"Extension{browser}",
                    titles=(schema["title"], title_es or schema["title"]),
                    helps=(schema["description"], help_es or schema["description"]),
                )
            )
    return entries
