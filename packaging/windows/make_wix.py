"""Write build/windows/: the WiX fragments ClientSafe.wxs is built with, from the same deployment file and extension
build as the Linux package.

  BrowserIntegration.wxs  the Chrome, Edge and Firefox policies and the native-messaging host registrations (HKLM),
                          the host manifests and allowed-extensions.json
  OrgPolicy.wxs           the organisation's policy.json for %ProgramData%\\ClientSafe, when CLIENTSAFE_POLICY names
                          one (checked by the app's own validation first); otherwise an empty group
  native-messaging/*.json, allowed-extensions.json, policy.json   the files those fragments install

Chrome and Edge read machine policy from HKLM\\Software\\Policies\\...: lists as numbered string values, the
extension's 3rdparty configuration under 3rdparty\\extensions\\<id>\\policy as subkeys (objects), numbered values
(lists), REG_DWORD (integers, booleans) and REG_SZ (strings). Firefox reads the same shape under
HKLM\\Software\\Policies\\Mozilla\\Firefox. Every value is removed on uninstall; the keys that are ClientSafe's alone
(its extension's configuration, its host registration) are removed whole.
Run: python packaging/windows/make_wix.py [FORCELIST_INDEX]  (after packaging/extension/build.py; `make package` on
Windows runs it through packaging/build_installer.py)
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import policies

OUT = policies.ROOT / "build" / "windows"
NS = "http://wixtoolset.org/schemas/v4/wxs"
# Named bind paths `wix build` is given (packaging/build_installer.py): the .wxs files name payloads through them.
BINDPATHS = {"app": "dist/clientsafe", "gen": "build/windows"}
FRAGMENTS = ("BrowserIntegration.wxs", "OrgPolicy.wxs")
CHROMIUM_KEYS = {"Chrome": r"Software\Policies\Google\Chrome", "Edge": r"Software\Policies\Microsoft\Edge"}
FIREFOX_KEY = r"Software\Policies\Mozilla\Firefox"
HOST_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}

Entry = tuple[str, str, Any]  # (key under HKLM, value name, value)


def formatted(text: str) -> str:
    """Registry data in an MSI is a Formatted string: [ ] { } would be read as properties and groups."""
    return "".join(f"[\\{c}]" if c in "[]{}" else c for c in text)


def registry_entries(key: str, value: Any) -> list[Entry]:
    """One policy value under `key`: objects become subkeys, lists numbered values from 1, the rest values."""
    entries: list[Entry] = []
    items = value.items() if isinstance(value, dict) else enumerate(value, 1)
    for name, item in items:
        if isinstance(item, dict | list):
            entries += registry_entries(f"{key}\\{name}", item)
        else:
            entries.append((key, str(name), item))
    return entries


def chromium_entries(base: str, policy: dict[str, Any], forcelist_index: int) -> list[Entry]:
    # IT picks an index no other force-installed extension uses (FORCELIST_INDEX, default 1).
    entries = [
        (f"{base}\\ExtensionInstallForcelist", str(i), item)
        for i, item in enumerate(policy["ExtensionInstallForcelist"], forcelist_index)
    ]
    for ext_id, config in policy["3rdparty"]["extensions"].items():
        entries += registry_entries(f"{base}\\3rdparty\\extensions\\{ext_id}\\policy", config)
    return entries


def sections(extension: dict[str, Any], deployment: dict[str, Any], forcelist_index: int = 1) -> dict[str, Any]:
    """Each component's registry values, and the keys that are ClientSafe's alone (removed whole on uninstall)."""
    chromium = policies.chromium_policy(extension, deployment)
    firefox = policies.firefox_policy(extension, deployment)["policies"]
    result: dict[str, Any] = {}
    for name, base in CHROMIUM_KEYS.items():
        result[f"Policy{name}"] = {
            "values": chromium_entries(base, chromium, forcelist_index),
            "own_keys": [f"{base}\\3rdparty\\extensions\\{extension['chromium_id']}"],
        }
    result["PolicyFirefox"] = {
        "values": registry_entries(FIREFOX_KEY, firefox),
        "own_keys": [
            f"{FIREFOX_KEY}\\ExtensionSettings\\{extension['firefox_id']}",
            f"{FIREFOX_KEY}\\3rdparty\\Extensions\\{extension['firefox_id']}",
        ],
    }
    result["NativeHosts"] = {
        "values": [
            (
                f"{key}\\{policies.HOST_NAME}",
                "",
                f"[INSTALLFOLDER]native-messaging\\{policies.HOST_NAME}.{browser}.json",
            )
            for browser, key in HOST_KEYS.items()
        ],
        "own_keys": [f"{key}\\{policies.HOST_NAME}" for key in HOST_KEYS.values()],
    }
    return result


def _wix() -> tuple[ET.Element, ET.Element]:
    root = ET.Element("Wix", xmlns=NS)
    root.append(ET.Comment(" Generated by packaging/windows/make_wix.py: do not edit. "))
    return root, ET.SubElement(root, "Fragment")


def _write(root: ET.Element, name: str) -> Path:
    ET.indent(root)
    path = OUT / name
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n", "utf-8")
    return path


def browser_integration(extension: dict[str, Any], deployment: dict[str, Any], forcelist_index: int = 1) -> ET.Element:
    root, fragment = _wix()
    group = ET.SubElement(fragment, "ComponentGroup", Id="BrowserIntegration", Directory="INSTALLFOLDER")
    for component_id, section in sections(extension, deployment, forcelist_index).items():
        component = ET.SubElement(group, "Component", Id=component_id)
        for i, (key, name, value) in enumerate(section["values"]):
            attributes = {"Root": "HKLM", "Key": key}
            if name:
                attributes["Name"] = name
            if isinstance(value, bool | int):
                attributes |= {"Type": "integer", "Value": str(int(value))}
            else:  # the host registrations name [INSTALLFOLDER] on purpose; policy data is escaped
                data = str(value) if component_id == "NativeHosts" else formatted(str(value))
                attributes |= {"Type": "string", "Value": data}
            if i == 0:
                attributes["KeyPath"] = "yes"
            ET.SubElement(component, "RegistryValue", attributes)
        for key in section["own_keys"]:
            ET.SubElement(component, "RegistryKey", Root="HKLM", Key=key, ForceDeleteOnUninstall="yes")
    # The manifests the host registrations point at, and the native host's own list of extensions that may pair.
    files = ET.SubElement(fragment, "ComponentGroup", Id="NativeHostFiles", Directory="INSTALLFOLDER")
    ET.SubElement(
        ET.SubElement(files, "Component", Id="AllowedExtensions"),
        "File",
        Id="AllowedExtensionsJson",
        Source="!(bindpath.gen)\\allowed-extensions.json",
        KeyPath="yes",
    )
    for browser in HOST_KEYS:
        component = ET.SubElement(files, "Component", Id=f"HostManifest_{browser}", Subdirectory="native-messaging")
        ET.SubElement(
            component,
            "File",
            Id=f"HostManifestJson_{browser}",
            Source=f"!(bindpath.gen)\\native-messaging\\{policies.HOST_NAME}.{browser}.json",
            KeyPath="yes",
        )
    return root


def org_policy_fragment(has_policy: bool) -> ET.Element:
    """The build-time policy: installed unless the install command gives POLICYFILE (ClientSafe.wxs copies that)."""
    root, fragment = _wix()
    group = ET.SubElement(fragment, "ComponentGroup", Id="OrgPolicy", Directory="ClientSafeData")
    if has_policy:
        component = ET.SubElement(group, "Component", Id="EmbeddedPolicy", Condition="NOT POLICYFILE")
        ET.SubElement(
            component, "File", Id="EmbeddedPolicyJson", Name="policy.json", Source="!(bindpath.gen)\\policy.json"
        )
    return root


def build(forcelist_index: int = 1) -> Path:
    extension = policies.load_extension()
    deployment = policies.load_deployment()
    org_policy = policies.org_policy()  # first: a broken policy stops the build before anything is written
    OUT.mkdir(parents=True, exist_ok=True)
    _write(browser_integration(extension, deployment, forcelist_index), "BrowserIntegration.wxs")
    hosts = OUT / "native-messaging"
    hosts.mkdir(exist_ok=True)
    for browser in HOST_KEYS:
        # The manifest path is relative to the manifest's own folder on Windows.
        manifest = policies.host_manifest(extension, "..\\clientsafe-native-host.bat", browser)
        (hosts / f"{policies.HOST_NAME}.{browser}.json").write_text(policies.dumps(manifest), encoding="utf-8")
    (OUT / "allowed-extensions.json").write_text(
        policies.dumps(policies.allowed_extensions(extension)), encoding="utf-8"
    )
    (OUT / "policy.json").unlink(missing_ok=True)  # never a policy left over from an earlier build
    if org_policy is not None:
        (OUT / "policy.json").write_bytes(org_policy)
    _write(org_policy_fragment(org_policy is not None), "OrgPolicy.wxs")
    embedded = "with the organisation's policy.json" if org_policy is not None else "no policy.json embedded"
    print(f"make_wix.py: {OUT} ({', '.join(FRAGMENTS)}; {embedded})")
    return OUT


if __name__ == "__main__":
    build(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
