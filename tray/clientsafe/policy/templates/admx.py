"""ADMX and ADML files (Group Policy administrative templates) for the catalogue's entries.

The element for each storage kind is the one Chromium's ``admx_writer.py`` uses for the same JSON type, so a
value is written the way ``managed_types.from_registry`` and Chrome's own registry reader expect it: a boolean as
the policy's own REG_DWORD 1/0 (enabledValue/disabledValue), an integer as a ``decimal`` (REG_DWORD, with the
declared minimum and maximum), an enum as an ``enum`` of REG_SZ strings, text and JSON as a ``text`` (REG_SZ; one
JSON value on one line, as Chrome does for dictionaries) and a list of strings as a ``list`` of numbered REG_SZ
values ("1", "2", ...) under a subkey named after the setting (``valuePrefix=""``).

Written with ElementTree; the schema is Microsoft's "ADMX schema" (PolicyDefinitions, 2006/07).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from clientsafe.policy.managed_types import REG_DWORD, REG_SZ, REG_TYPE_NAMES
from clientsafe.policy.templates import texts
from clientsafe.policy.templates.catalogue import Entry

NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
SUPPORTED = "SUPPORTED_WIN10"
ET.register_namespace("", NS)


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = (
        ET.Element(f"{{{NS}}}{tag}", attributes)
        if parent is None
        else ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)
    )
    if text is not None:
        element.text = text
    return element


def _string(name: str) -> str:
    return f"$(string.{name})"


def where_stored(entry: Entry) -> str:
    """The registry place and type an entry's value lands in, as IT reads it in the explanation."""
    if entry.storage.kind == "list":
        return f"HKLM\\{entry.key}\\{entry.value_name}\\1, 2, 3... ({REG_TYPE_NAMES[REG_SZ]} each)"
    reg_type = REG_DWORD if entry.storage.kind in {"boolean", "decimal"} else REG_SZ
    return f"HKLM\\{entry.key}\\{entry.value_name} ({REG_TYPE_NAMES[reg_type]})"


def _parent_of(key: str) -> str | None:
    """The app's categories sit in one ClientSafe folder; each browser's extension folder stands on its own."""
    return None if key == "ClientSafe" or key.startswith("Extension") else "ClientSafe"


def _category_keys(entries: list[Entry]) -> list[str]:
    used = {e.category for e in entries}
    used |= {parent for parent in map(_parent_of, used) if parent}
    return [key for key in texts.CATEGORIES if key in used]


def admx(entries: list[Entry], prefix: str, namespace: str) -> ET.Element:
    """The ADMX document for ``entries``, in the policy namespace ``namespace`` (unique per ADMX file)."""
    root = _el(None, "policyDefinitions", revision="1.0", schemaVersion="1.0")
    namespaces = _el(root, "policyNamespaces")
    _el(namespaces, "target", prefix=prefix, namespace=namespace)
    _el(root, "resources", minRequiredRevision="1.0")
    definitions = _el(_el(root, "supportedOn"), "definitions")
    _el(definitions, "definition", name=SUPPORTED, displayName=_string(SUPPORTED))
    categories = _el(root, "categories")
    keys = _category_keys(entries)
    for key in keys:
        category = _el(categories, "category", name=f"Cat_{key}", displayName=_string(f"Cat_{key}"))
        parent = _parent_of(key)
        if parent:
            _el(category, "parentCategory", ref=f"Cat_{parent}")
    policies = _el(root, "policies")
    for entry in entries:
        _policy(policies, entry)
    return root


def _policy(policies: ET.Element, entry: Entry) -> None:
    kind = entry.storage.kind
    attributes = {
        "name": entry.name,
        "class": "Machine",
        "displayName": _string(entry.name),
        "explainText": _string(f"{entry.name}_Explain"),
    }
    if kind != "boolean":
        attributes["presentation"] = f"$(presentation.{entry.name})"
    attributes["key"] = entry.key
    if kind == "boolean":
        attributes["valueName"] = entry.value_name
    policy = _el(policies, "policy", **attributes)
    _el(policy, "parentCategory", ref=f"Cat_{entry.category}")
    _el(policy, "supportedOn", ref=SUPPORTED)
    if kind == "boolean":
        _el(_el(policy, "enabledValue"), "decimal", value="1")
        _el(_el(policy, "disabledValue"), "decimal", value="0")
        return
    elements = _el(policy, "elements")
    storage = entry.storage
    if kind == "decimal":
        _el(
            elements,
            "decimal",
            id=entry.name,
            valueName=entry.value_name,
            required="true",
            minValue=str(storage.minimum),
            maxValue=str(storage.maximum),
        )
    elif kind == "enum":
        choice = _el(elements, "enum", id=entry.name, valueName=entry.value_name, required="true")
        for value in (*storage.choices, *([""] if storage.nullable else [])):
            item = _el(choice, "item", displayName=_string(_item_string(entry, value)))
            _el(_el(item, "value"), "string", value)
    elif kind == "list":
        _el(elements, "list", id=entry.name, key=f"{entry.key}\\{entry.value_name}", valuePrefix="")
    else:  # text, json
        required = "false" if storage.nullable and kind == "text" else "true"
        _el(
            elements,
            "text",
            id=entry.name,
            valueName=entry.value_name,
            required=required,
            maxLength=str(storage.max_length),
        )


def _item_string(entry: Entry, value: str) -> str:
    return f"{entry.name}_{value or 'none'}"


def explanation(entry: Entry, language: str) -> str:
    spanish = language == "es-ES"
    parts = [entry.helps[1] if spanish else entry.helps[0]]
    if entry.scope:
        parts.append(texts.phrase(entry.scope, language))
    hint = {"json": "json_hint", "list": "list_hint"}.get(entry.storage.kind)
    if hint:
        parts.append(texts.phrase(hint, language))
    if entry.storage.nullable and entry.storage.kind == "text":
        parts.append(texts.phrase("empty_is_null", language))
    parts.append(f"{texts.phrase('stored_as', language)}: {where_stored(entry)}")
    return "\n\n".join(parts)


def adml(entries: list[Entry], language: str, title_key: str, description_key: str) -> ET.Element:
    """The ADML (display strings and the editor's boxes) for ``entries`` in ``language`` (en-US or es-ES)."""
    root = _el(None, "policyDefinitionResources", revision="1.0", schemaVersion="1.0")
    _el(root, "displayName", texts.phrase(title_key, language))
    _el(root, "description", texts.phrase(description_key, language))
    resources = _el(root, "resources")
    strings = _el(resources, "stringTable")
    presentations = _el(resources, "presentationTable")
    _el(strings, "string", texts.phrase("supported", language), id=SUPPORTED)
    for key in _category_keys(entries):
        _el(strings, "string", texts.category(key, language), id=f"Cat_{key}")
    spanish = language == "es-ES"
    for entry in entries:
        _el(strings, "string", entry.titles[1] if spanish else entry.titles[0], id=entry.name)
        _el(strings, "string", explanation(entry, language), id=f"{entry.name}_Explain")
        for value in (*entry.storage.choices, *([""] if entry.storage.nullable else [])):
            if entry.storage.kind == "enum":
                shown = value or texts.phrase("none_choice", language)
                _el(strings, "string", shown, id=_item_string(entry, value))
        _presentation(presentations, entry, language)
    return root


def _presentation(table: ET.Element, entry: Entry, language: str) -> None:
    kind = entry.storage.kind
    if kind == "boolean":
        return
    presentation = _el(table, "presentation", id=entry.name)
    if kind == "decimal":
        default = entry.default if isinstance(entry.default, int) else entry.storage.minimum
        _el(
            presentation,
            "decimalTextBox",
            texts.phrase("label_value", language),
            refId=entry.name,
            defaultValue=str(default),
        )
    elif kind == "enum":
        choices = list(entry.storage.choices)
        index = choices.index(entry.default) if entry.default in choices else 0
        _el(
            presentation,
            "dropdownList",
            texts.phrase("label_value", language),
            refId=entry.name,
            noSort="true",
            defaultItem=str(index),
        )
    elif kind == "list":
        _el(presentation, "listBox", texts.phrase("label_list", language), refId=entry.name)
    else:
        box = _el(presentation, "textBox", refId=entry.name)
        _el(box, "label", texts.phrase("label_json" if kind == "json" else "label_value", language))
        if kind == "json" and entry.default is not None:
            _el(box, "defaultValue", json.dumps(entry.default, ensure_ascii=False))


def to_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
