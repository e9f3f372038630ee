"""Windows and macOS recipes, checked as far as this Linux machine can: generated registry entries, host manifests
and configuration profile parse and say the same as the Linux package; every file the recipes name exists; the
shell scripts parse."""

import json
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
MACOS = ROOT / "packaging" / "macos"
DEPLOYMENT = json.loads((ROOT / "packaging" / "deployment.example.json").read_text())
LINE = re.compile(
    r'^Root: HKLM; Subkey: "(?P<key>[^"]+)"; ValueType: (?P<type>string|dword); ValueName: "(?P<name>[^"]*)"; '
    r'ValueData: (?P<data>"[^"]*"|\d+); Flags: (?P<flags>uninsdeletevalue|uninsdeletekey)$'
)


def run_script(script: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def registry(built):
    run_script(WINDOWS / "make_registry.py")
    entries = {}
    for line in (ROOT / "build/windows/policies.iss").read_text().splitlines()[2:]:
        match = LINE.match(line)
        assert match, f"not a valid Inno Setup registry line: {line}"
        entries[(match["key"], match["name"])] = (
            match["data"].strip('"') if match["type"] == "string" else int(match["data"])
        )
    return entries


def test_windows_registry_force_installs_and_configures_the_extension_in_chrome_and_edge(registry, built):
    ext = built["extension"]
    for base in (r"Software\Policies\Google\Chrome", r"Software\Policies\Microsoft\Edge"):
        assert registry[(base + r"\ExtensionInstallForcelist", "1")] == f"{ext['chromium_id']};{ext['update_url']}"
        policy = base + rf"\3rdparty\extensions\{ext['chromium_id']}\policy"
        assert registry[(policy, "service_port")] == DEPLOYMENT["extension_config"]["service_port"]  # a REG_DWORD
        assert registry[(policy, "fail_mode")] == DEPLOYMENT["extension_config"]["fail_mode"]
        for site, accounts in DEPLOYMENT["extension_config"]["org_accounts"].items():
            assert [
                registry[(policy + rf"\org_accounts\{site}", str(i))] for i in range(1, len(accounts) + 1)
            ] == accounts
    firefox = rf"Software\Policies\Mozilla\Firefox\ExtensionSettings\{ext['firefox_id']}"
    assert registry[(firefox, "installation_mode")] == "force_installed"


def test_windows_native_host_registration_points_at_manifests_that_name_the_launcher(registry, built):
    for key in (r"Software\Google\Chrome", r"Software\Microsoft\Edge", r"Software\Mozilla"):
        manifest_path = registry[(key + r"\NativeMessagingHosts\org.clientsafe.native", "")]
        name = manifest_path.removeprefix("{app}\\native-messaging\\")
        manifest = json.loads((ROOT / "build/windows/native-messaging" / name).read_text())
        assert manifest["name"] == "org.clientsafe.native" and manifest["path"] == "..\\clientsafe-native-host.bat"
    bat = (WINDOWS / "clientsafe-native-host.bat").read_text()
    assert '"%~dp0clientsafe.exe" native-host %*' in bat


def test_every_file_the_inno_setup_script_names_exists(registry):
    script = (WINDOWS / "clientsafe.iss").read_text()
    sources = re.findall(r'^Source: "([^"]+)"', script, flags=re.M)
    assert len(sources) == 4
    for source in sources:
        path = source.replace("{#Root}", "..\\..").replace("\\", "/").removesuffix("/*").removesuffix("/*.json")
        assert (WINDOWS / path).exists(), source
    (include,) = re.findall(r'^#include "([^"]+)"', script, flags=re.M)
    assert (WINDOWS / include.replace("\\", "/")).is_file()
    assert 'Parameters: "--self-test"' in script and "{commonstartup}" in script


def test_the_macos_profile_is_a_valid_plist_with_chrome_and_edge_payloads(built):
    run_script(MACOS / "make_profile.py")
    with open(ROOT / "build/macos/ClientSafe.mobileconfig", "rb") as f:
        profile = plistlib.load(f)
    ext = built["extension"]
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    payloads = {p["PayloadType"]: p for p in profile["PayloadContent"]}
    assert set(payloads) == {"com.google.Chrome", "com.microsoft.Edge"}
    uuids = [profile["PayloadUUID"]] + [p["PayloadUUID"] for p in payloads.values()]
    assert len(set(uuids)) == 3
    for p in payloads.values():
        assert p["ExtensionInstallForcelist"] == [f"{ext['chromium_id']};{ext['update_url']}"]
        assert p["3rdparty"]["extensions"][ext["chromium_id"]] == DEPLOYMENT["extension_config"]


def test_the_macos_pkg_scripts_parse_and_name_files_that_exist(built):
    run_script(MACOS / "make_profile.py")
    for script in (MACOS / "build-pkg.sh", MACOS / "scripts" / "postinstall"):
        assert subprocess.run(["sh", "-n", str(script)], capture_output=True).returncode == 0, script
    postinstall = (MACOS / "scripts" / "postinstall").read_text()
    for browser in re.findall(r"^install_host (\w+) ", postinstall, flags=re.M):
        manifest = json.loads((ROOT / f"build/macos/native-messaging/org.clientsafe.native.{browser}.json").read_text())
        assert manifest["path"] == "/Applications/ClientSafe.app/Contents/MacOS/clientsafe-native-host"
    assert len(re.findall(r"^install_host ", postinstall, flags=re.M)) == 4
    with open(MACOS / "org.clientsafe.tray.plist", "rb") as f:
        agent = plistlib.load(f)
    assert agent["ProgramArguments"][1:] == ["tray"] and agent["RunAtLoad"] is True
    build_script = (MACOS / "build-pkg.sh").read_text()
    for named in re.findall(r"(packaging/macos/[\w./-]+)", build_script):
        assert (ROOT / named).exists(), named


def test_the_deployment_example_configures_the_extension_with_keys_it_declares():
    """IT's `3rdparty` settings reach chrome.storage.managed only if the extension's managed_schema declares them."""
    import jsonschema

    schema = json.loads((ROOT / "extension" / "managed_schema.json").read_text())
    jsonschema.validate(DEPLOYMENT["extension_config"], {**schema, "additionalProperties": False})
