"""IT's templates (ADMX/ADML, the macOS profile) cover every managed setting, and what they write is read back.

The round trips simulate Group Policy: from the ADMX element a policy has, build the registry values the editor
would write for a value (a boolean's enabledValue, a decimal's REG_DWORD, an enum item's string, a text box, a
list's numbered entries), then read them through os_managed's injectable registry reader and the policy store.
No ADMX XSD is available from a package registry, so the XML is checked for structure here instead.
"""

from __future__ import annotations

import errno
import json
import os
import plistlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clientsafe.policy import PolicyStore
from clientsafe.policy.declaration import BY_NAME, POLICY, defaults
from clientsafe.policy.managed_types import REG_DWORD, REG_SZ, storage_for
from clientsafe.policy.os_managed import read_plist, read_registry
from clientsafe.policy.templates import TemplateError, admx, catalogue, mobileconfig, templates, texts, write_templates
from tests.conftest import ROOT

NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
KEY = r"Software\Policies\ClientSafe"
EXTENSION_ID = "kbfnbcaeplbcioakkpcpgfkobkghlhen"
EXTENSION_SCHEMA = json.loads((ROOT / "extension" / "managed_schema.json").read_text(encoding="utf-8"))
BROWSER_KEYS = {
    "Chrome": rf"Software\Policies\Google\Chrome\3rdparty\extensions\{EXTENSION_ID}\policy",
    "Edge": rf"Software\Policies\Microsoft\Edge\3rdparty\extensions\{EXTENSION_ID}\policy",
}
# The JSON Schema type of a setting -> the ADMX element Group Policy writes it with.
ELEMENT_FOR_KIND = {
    "boolean": None,
    "decimal": "decimal",
    "enum": "enum",
    "text": "text",
    "json": "text",
    "list": "list",
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return templates(EXTENSION_ID)


def xml(files: dict[str, bytes], name: str) -> ET.Element:
    return ET.fromstring(files[name])


def policies(root: ET.Element) -> dict[str, ET.Element]:
    found = root.findall("p:policies/p:policy", NS)
    names = [p.get("name") for p in found]
    assert len(names) == len(set(names)), "policy names must be unique in an ADMX file"
    return {str(p.get("name")): p for p in found}


def element(policy: ET.Element) -> ET.Element | None:
    elements = policy.find("p:elements", NS)
    if elements is None:
        return None
    (only,) = list(elements)
    return only


def local(tag: str) -> str:
    return tag.split("}", 1)[1]


def registry_value(policy: ET.Element) -> tuple[str, str, str]:
    """(key, value name or list subkey, element kind) where this policy's value lands."""
    found = element(policy)
    if found is None:
        return str(policy.get("key")), str(policy.get("valueName")), "boolean"
    if local(found.tag) == "list":
        key, _, subkey = str(found.get("key")).rpartition("\\")
        return key, subkey, "list"
    return str(policy.get("key")), str(found.get("valueName")), local(found.tag)


# --- coverage: every managed setting, and nothing else ------------------------------------------------------------


def test_every_declared_setting_is_in_the_admx_where_the_app_reads_it_and_nothing_else(files):
    found = policies(xml(files, "ClientSafe.admx"))
    assert set(found) == {s.name for s in POLICY}
    for setting in POLICY:
        storage = storage_for(setting.name, setting.schema)
        policy = found[setting.name]
        assert policy.get("class") == "Machine"
        key, value_name, kind = registry_value(policy)
        assert (key, value_name) == (KEY, setting.name), setting.name
        assert kind == (ELEMENT_FOR_KIND[storage.kind] or "boolean"), setting.name
        if storage.kind == "decimal":
            decimal = element(policy)
            assert decimal is not None
            assert int(decimal.get("minValue", "")) == setting.schema["minimum"]
            assert int(decimal.get("maxValue", "")) == setting.schema["maximum"]
        if storage.kind == "enum":
            decimal = element(policy)
            assert decimal is not None
            values = [s.text for s in decimal.findall("p:item/p:value/p:string", NS)]
            assert values == setting.schema["enum"]
        if storage.kind == "list":
            listed = element(policy)
            assert listed is not None and listed.get("valuePrefix") == ""
        if storage.kind == "boolean":
            assert policy.find("p:enabledValue/p:decimal", NS).get("value") == "1"  # type: ignore[union-attr]
            assert policy.find("p:disabledValue/p:decimal", NS).get("value") == "0"  # type: ignore[union-attr]


def test_every_extension_setting_is_in_the_extension_admx_for_chrome_and_edge_and_nothing_else(files):
    landed: dict[str, dict[str, str]] = {browser: {} for browser in BROWSER_KEYS}
    for browser in BROWSER_KEYS:
        for policy in policies(xml(files, f"ClientSafe{browser}.admx")).values():
            key, value_name, kind = registry_value(policy)
            assert key == BROWSER_KEYS[browser]
            landed[browser][value_name] = kind
    expected_kinds = {
        "integer": "decimal",
        "boolean": "boolean",
        "object": "text",
        "string": "text",
    }
    for browser in BROWSER_KEYS:
        assert set(landed[browser]) == set(EXTENSION_SCHEMA["properties"]), browser
        for name, schema in EXTENSION_SCHEMA["properties"].items():
            want = "enum" if "enum" in schema else expected_kinds[schema["type"]]
            assert landed[browser][name] == want, (browser, name)


def test_the_packaged_copy_of_the_extension_schema_is_the_extension_s_own():
    """The templates are made from a copy inside the package (an installed app has no extension/ folder)."""
    assert catalogue.extension_schema() == EXTENSION_SCHEMA


def test_the_profile_carries_every_setting_and_every_extension_setting_and_nothing_else(files, tmp_path):
    profile = plistlib.loads(files["ClientSafe.mobileconfig"])
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    payloads = {p["PayloadType"]: p for p in profile["PayloadContent"]}
    assert set(payloads) == {"org.clientsafe.ClientSafe", "com.google.Chrome", "com.microsoft.Edge"}
    assert len({p["PayloadUUID"] for p in profile["PayloadContent"]} | {profile["PayloadUUID"]}) == 4
    settings = {k: v for k, v in payloads["org.clientsafe.ClientSafe"].items() if not k.startswith("Payload")}
    assert set(settings) == {s.name for s in POLICY}
    for domain in ("com.google.Chrome", "com.microsoft.Edge"):
        extension = payloads[domain]["3rdparty"]["extensions"][EXTENSION_ID]
        assert set(extension) == set(EXTENSION_SCHEMA["properties"])
        jsonschema.validate(extension, {**EXTENSION_SCHEMA, "additionalProperties": False})
    # What MDM writes to the managed preferences is what the app reads: every default, nothing rejected.
    plist = tmp_path / "org.clientsafe.ClientSafe.plist"
    plist.write_bytes(plistlib.dumps(payloads["org.clientsafe.ClientSafe"]))
    layer = read_plist(plist)
    assert layer is not None and layer.rejected == {} and layer.unknown == []
    assert layer.document == defaults()


def test_without_an_extension_id_only_the_app_templates_are_made():
    made = templates()
    assert "ClientSafeChrome.admx" not in made and "ClientSafeEdge.admx" not in made and "ClientSafe.admx" in made
    profile = plistlib.loads(made["ClientSafe.mobileconfig"])
    assert [p["PayloadType"] for p in profile["PayloadContent"]] == ["org.clientsafe.ClientSafe"]


# --- the ADML: every string the ADMX names exists, in English and in Spanish --------------------------------------


@pytest.mark.parametrize("base", ["ClientSafe", "ClientSafeChrome", "ClientSafeEdge"])
def test_every_string_and_box_the_admx_refers_to_exists_in_both_languages(files, base):
    admx_text = files[f"{base}.admx"].decode("utf-8")
    strings = set(re.findall(r"\$\(string\.([^)]+)\)", admx_text))
    presentations = set(re.findall(r"\$\(presentation\.([^)]+)\)", admx_text))
    root = xml(files, f"{base}.admx")
    element_ids = {e.get("id") for e in root.iterfind("p:policies/p:policy/p:elements/*", NS)}
    tables = {}
    for language in ("en-US", "es-ES"):
        adml = xml(files, f"{language}/{base}.adml")
        table = {s.get("id"): s.text for s in adml.iterfind("p:resources/p:stringTable/p:string", NS)}
        assert strings <= set(table), (language, strings - set(table))
        assert all(table[s] and table[s].strip() for s in strings)
        boxes = {p.get("id"): p for p in adml.iterfind("p:resources/p:presentationTable/p:presentation", NS)}
        assert presentations <= set(boxes), (language, presentations - set(boxes))
        assert {box.get("refId") for p in boxes.values() for box in p} == element_ids
        tables[language] = table
    # Spanish is a translation, not a copy: every setting's title and explanation differ from the English.
    for policy in root.iterfind("p:policies/p:policy", NS):
        name = str(policy.get("name"))
        assert tables["es-ES"][f"{name}_Explain"] != tables["en-US"][f"{name}_Explain"], name
        assert tables["es-ES"][name] != tables["en-US"][name], name


def test_every_setting_and_extension_setting_has_a_title_a_category_and_a_spanish_translation():
    names = {s.name for s in POLICY}
    assert set(texts.SETTINGS) == names
    assert set(texts.CATEGORY_OF) == names and set(texts.CATEGORY_OF.values()) <= set(texts.CATEGORIES)
    assert set(texts.EXTENSION) == set(EXTENSION_SCHEMA["properties"])
    for name, (title_en, title_es, help_es) in texts.SETTINGS.items():
        assert title_en and title_es and help_es and help_es != BY_NAME[name].help, name
    for name, (title_es, help_es) in texts.EXTENSION.items():
        schema = EXTENSION_SCHEMA["properties"][name]
        assert title_es != schema["title"] and help_es != schema["description"], name


def test_the_admx_structure_references_only_what_it_defines(files):
    for base in ("ClientSafe", "ClientSafeChrome", "ClientSafeEdge"):
        root = xml(files, f"{base}.admx")
        assert root.tag == f"{{{NS['p']}}}policyDefinitions"
        assert root.find("p:policyNamespaces/p:target", NS) is not None
        supported = {d.get("name") for d in root.iterfind("p:supportedOn/p:definitions/p:definition", NS)}
        categories = {c.get("name") for c in root.iterfind("p:categories/p:category", NS)}
        for category in root.iterfind("p:categories/p:category/p:parentCategory", NS):
            assert category.get("ref") in categories
        for policy in root.iterfind("p:policies/p:policy", NS):
            assert policy.find("p:parentCategory", NS).get("ref") in categories  # type: ignore[union-attr]
            assert policy.find("p:supportedOn", NS).get("ref") in supported  # type: ignore[union-attr]
    targets = [
        xml(files, f"{b}.admx").find("p:policyNamespaces/p:target", NS)
        for b in ("ClientSafe", "ClientSafeChrome", "ClientSafeEdge")
    ]
    namespaces = {t.get("namespace") for t in targets if t is not None}
    prefixes = {t.get("prefix") for t in targets if t is not None}
    assert len(namespaces) == len(prefixes) == 3, "each ADMX needs its own namespace and prefix"


# --- round trips: what Group Policy (or MDM) writes from the template is the value the app reads ----------------


def group_policy_writes(policy: ET.Element, value: Any) -> dict[str, dict[str, tuple[Any, int]]]:
    """The registry values the Group Policy editor writes when IT enables ``policy`` with ``value``."""
    key, value_name, kind = registry_value(policy)
    found = element(policy)
    if kind == "boolean":
        state = "p:enabledValue/p:decimal" if value else "p:disabledValue/p:decimal"
        return {key: {value_name: (int(policy.find(state, NS).get("value")), REG_DWORD)}}  # type: ignore[arg-type,union-attr]
    assert found is not None
    if kind == "decimal":
        assert int(found.get("minValue", "0")) <= value <= int(found.get("maxValue", "0")), "out of the box's range"
        return {key: {value_name: (value, REG_DWORD)}}
    if kind == "enum":
        strings = [s.text or "" for s in found.iterfind("p:item/p:value/p:string", NS)]
        chosen = "" if value is None else value
        assert chosen in strings, f"{chosen!r} is no item of the drop-down"
        return {key: {value_name: (chosen, REG_SZ)}}
    if kind == "list":
        return {key: {}, rf"{key}\{value_name}": {str(i): (v, REG_SZ) for i, v in enumerate(value, start=1)}}
    # A text box: IT types the text, or one line of JSON for a setting whose value is not a string.
    if storage_for(value_name, BY_NAME[value_name].schema).kind == "text":
        typed = "" if value is None else value  # an empty box: none
    else:
        typed = json.dumps(value)
    assert "\n" not in typed and len(typed) <= int(found.get("maxLength", "1023"))
    return {key: {value_name: (typed, REG_SZ)}}


ROUND_TRIPS = [
    ("override_needs_reason", False),
    ("consent_covers_minors", True),
    ("media_release_reminder", False),
    ("audit_retention_days", 1),
    ("audit_retention_days", 3650),
    ("fail_mode", "block"),
    ("audit_forward_format", "otlp"),
    ("community_standards_url", "https://riverbend.example.org/community-standards"),
    ("audit_forward_url", "https://audit.example.org/v1/batches"),
    ("policy_url", None),
    ("generic_domains", ["forum.example.org", "news.example.org"]),
    ("allowed_extension_ids", [EXTENSION_ID, "moz-extension://4b1e0d5e-9b0c-4c3a-8d0f-2b7c1e6f9a10"]),
    ("locked", ["fail_mode", "media_release_reminder"]),
    (
        "organisation",
        {
            "name": "Riverbend Youth & Family Services",
            "aliases": ["Riverbend YFS"],
            "public_people": [{"name": "Ana Ortiz", "role": "Director"}],
        },
    ),
    ("rule_actions", {"MINOR_FEATURED": {"org": "block"}}),
    ("roster_bundle", {"url": "https://it.example.org/roster.bundle", "public_key": "A" * 88, "refresh_hours": 12}),
    ("audit_forward_headers", {"Authorization": "Bearer collector-key"}),
]


@pytest.mark.parametrize(("name", "value"), ROUND_TRIPS, ids=[f"{n}={v!r}"[:40] for n, v in ROUND_TRIPS])
def test_what_group_policy_writes_from_the_admx_is_the_value_the_policy_store_gives_back(files, name, value):
    keys = group_policy_writes(policies(xml(files, "ClientSafe.admx"))[name], value)
    layer = read_registry(lambda path: keys.get(path))
    assert layer is not None and layer.rejected == {} and layer.unknown == []
    assert layer.document == {name: value}
    policy = PolicyStore(read_managed=lambda: read_registry(lambda path: keys.get(path))).load()
    if name == "locked":  # not a value in force: the settings it names are locked
        assert set(value) <= policy.locked
        return
    assert policy[name] == value
    if value is not None:
        assert policy.source(name) == "managed" and policy.layers["managed"] == rf"HKLM\{KEY}"


@pytest.mark.parametrize(("name", "value"), ROUND_TRIPS, ids=[f"{n}={v!r}"[:40] for n, v in ROUND_TRIPS])
def test_what_the_profile_sets_is_the_value_the_policy_store_gives_back(tmp_path, name, value):
    payload = mobileconfig.settings_payload(catalogue.app_entries(), {name: value})
    plist = tmp_path / "org.clientsafe.ClientSafe.plist"
    plist.write_bytes(plistlib.dumps(payload))  # what MDM leaves in /Library/Managed Preferences
    policy = PolicyStore(read_managed=lambda: read_plist(plist)).load()
    assert policy.problems == ()
    assert set(value) <= policy.locked if name == "locked" else policy[name] == value


# --- the command -------------------------------------------------------------------------------------------------


def clientsafe(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clientsafe", *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


def test_policy_templates_writes_the_admx_the_adml_in_two_languages_and_the_profile(tmp_path):
    out = tmp_path / "templates"
    result = clientsafe("policy", "templates", "--out", str(out), "--extension-id", EXTENSION_ID)
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted(templates(EXTENSION_ID))
    assert (out / "en-US" / "ClientSafe.adml").read_bytes() == templates(EXTENSION_ID)["en-US/ClientSafe.adml"]


def test_when_the_folder_cannot_be_written_then_templates_says_so_plainly(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    result = clientsafe("policy", "templates", "--out", str(blocker))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is a file, not a folder" in result.stderr and blocker.read_text() == "keep me"
    result = clientsafe("policy", "templates", "--out", str(tmp_path / "t"), "--extension-id", "not-an-id")
    assert result.returncode == 2 and "32 letters from a to p" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "t").exists()


def test_when_the_disk_is_full_then_templates_says_which_folder_and_what_to_do(tmp_path, monkeypatch):
    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(TemplateError, match=r"cannot write the templates there \(No space left on device\)"):
        write_templates(tmp_path / "out")


def test_the_extension_id_can_come_from_the_extension_build(tmp_path):
    build = tmp_path / "extension.json"
    build.write_text(json.dumps({"chromium_id": EXTENSION_ID}))
    out = tmp_path / "out"
    result = clientsafe("policy", "templates", "--out", str(out), "--extension-json", str(build))
    assert result.returncode == 0, result.stderr
    assert EXTENSION_ID in (out / "ClientSafeEdge.admx").read_text(encoding="utf-8")
    result = clientsafe("policy", "templates", "--out", str(out), "--extension-json", str(tmp_path / "missing.json"))
    assert result.returncode == 2 and "Build the extension first" in result.stderr


def test_the_macos_build_writes_a_settings_profile_with_the_organisation_s_values(tmp_path):
    """packaging/macos/make_profile.py's settings profile: the organisation's policy over the defaults."""
    sys.path.insert(0, str(ROOT / "packaging" / "macos"))
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_profile  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "packaging" / "macos"))
    data = make_profile.settings_profile({"fail_mode": "block", "comment": "from IT"})
    (payload,) = plistlib.loads(data)["PayloadContent"]
    plist = tmp_path / "org.clientsafe.ClientSafe.plist"
    plist.write_bytes(plistlib.dumps(payload))
    layer = read_plist(plist)
    assert layer is not None and layer.rejected == {} and layer.document == {**defaults(), "fail_mode": "block"}


def test_the_guide_says_where_each_setting_lands_as_the_templates_write_it():
    """docs/managed-settings.md's table is checked against the generator, so a new setting cannot go undocumented."""
    guide = (ROOT / "docs" / "managed-settings.md").read_text(encoding="utf-8")
    for entry in catalogue.app_entries():
        path, reg_type = admx.where_stored(entry).split(" (", 1)
        assert f"| `{entry.name}` |" in guide and f"`{path}` ({reg_type}" in guide, entry.name
    for name in EXTENSION_SCHEMA["properties"]:
        assert f"`{name}` (REG_" in guide, name
