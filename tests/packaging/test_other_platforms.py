"""Windows and macOS recipes, checked as far as this Linux machine can, with the real extension build: the MSI's
registry values (WiX), host manifests and configuration profile say the same as the Linux package; every file the
recipes name exists; the shell scripts parse. The recipes' structure is checked in test_ci_recipes.py."""

import json
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.test_ci_recipes import registry_of, wxs

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
MACOS = ROOT / "packaging" / "macos"
DEPLOYMENT = json.loads((ROOT / "packaging" / "deployment.example.json").read_text())


def run_script(script: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def registry(built):
    """The MSI's registry values (build/windows/BrowserIntegration.wxs) for the extension `make package` built."""
    run_script(WINDOWS / "make_wix.py")
    return registry_of(wxs(ROOT / "build/windows/BrowserIntegration.wxs"))


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
    ext = built["extension"]
    for key in (r"Software\Google\Chrome", r"Software\Microsoft\Edge", r"Software\Mozilla"):
        manifest_path = registry[(key + r"\NativeMessagingHosts\org.clientsafe.native", "")]
        name = manifest_path.removeprefix("[INSTALLFOLDER]native-messaging\\")
        manifest = json.loads((ROOT / "build/windows/native-messaging" / name).read_text())
        assert manifest["name"] == "org.clientsafe.native" and manifest["path"] == "..\\clientsafe-native-host.bat"
        assert ext["chromium_id"] in json.dumps(manifest) or manifest["allowed_extensions"] == [ext["firefox_id"]]
    bat = (WINDOWS / "clientsafe-native-host.bat").read_text()
    assert '"%~dp0clientsafe.exe" native-host %*' in bat


def test_there_is_one_windows_installer_and_it_is_the_wix_msi():
    """The Inno Setup recipe is gone: Intune and Group Policy deploy an MSI, and two installers would drift."""
    assert sorted(p.name for p in WINDOWS.glob("*.iss")) == []
    assert not (WINDOWS / "make_registry.py").exists()
    assert (WINDOWS / "ClientSafe.wxs").is_file() and (WINDOWS / "make_wix.py").is_file()


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
