"""Build dist/clientsafe_<version>_<arch>.deb from the frozen app and the extension build (`make package`).

What it installs (checked file by file by tests/packaging/test_deb.py):
  /opt/clientsafe/                      the frozen app (clientsafe + _internal/), allowed-extensions.json,
                                        clientsafe-native-host (the launcher the host manifests name)
  /usr/bin/clientsafe                   launcher
  /usr/share/applications/clientsafe.desktop, /etc/xdg/autostart/clientsafe.desktop (starts the tray at login)
  /usr/share/icons/hicolor/scalable/apps/clientsafe.svg
  /etc/opt/chrome/policies/managed/clientsafe.json, /etc/chromium/policies/managed/clientsafe.json,
  /etc/opt/edge/policies/managed/clientsafe.json          force-install + 3rdparty configuration
  native-messaging host manifests for Chrome, Chromium, Edge and Firefox
  /usr/share/doc/clientsafe/firefox-policies.json         Firefox's policies.json is one file per machine,
                                                          so it is an example to merge, never overwritten
  /etc/clientsafe/policy.json                             only when CLIENTSAFE_POLICY names the organisation's
                                                          policy, checked first by the app's own validation
No maintainer scripts: nothing to run as root at install or removal, and `dpkg -r` leaves nothing behind.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import policies

ROOT = policies.ROOT
DIST = ROOT / "dist"
APP = DIST / "clientsafe"
STAGE = ROOT / "build" / "deb" / "root"
PREFIX = "/opt/clientsafe"
LAUNCHER = f"{PREFIX}/clientsafe-native-host"

CHROMIUM_DIRS = {
    "chrome": "/etc/opt/chrome",
    "chromium": "/etc/chromium",
    "edge": "/etc/opt/edge",
}
FIREFOX_HOSTS = "/usr/lib/mozilla/native-messaging-hosts"
# Where the app reads the IT-managed policy on Linux (clientsafe/policy/locations.py).
SYSTEM_POLICY = "/etc/clientsafe/policy.json"

DESKTOP = """[Desktop Entry]
Type=Application
Name=ClientSafe
GenericName=Confidentiality checker
Comment=Warns before a social-media post would breach client confidentiality
Exec=/usr/bin/clientsafe tray
Icon=clientsafe
Terminal=false
Categories=Office;Utility;
StartupNotify=false
"""
AUTOSTART_EXTRA = "X-GNOME-Autostart-enabled=true\nX-GNOME-Autostart-Delay=5\nX-KDE-autostart-after=panel\n"
ICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><title>ClientSafe</title>
<path d="M32 4 8 12v18c0 15 10 25 24 30 14-5 24-15 24-30V12z" fill="#1d5f8a"/>
<path d="m20 32 8 8 16-16" stroke="#fff" stroke-width="6" fill="none" stroke-linecap="round"/></svg>
"""


def put(relative: str, text: str, mode: int = 0o644) -> None:
    path = STAGE / relative.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def installed_size_kib(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) // 1024 + 1


# The system libraries Qt's xcb platform plugin loads (PySide6's wheels bundle Qt itself, not these).
QT_DEPENDS = "libxcb-cursor0, libxkbcommon-x11-0, libegl1, libgl1, libfontconfig1, libdbus-1-3"


def depends() -> str:
    """libc6 always; the X11/GL libraries too once the tray (PySide6) is in the frozen app."""
    base = "libc6 (>= 2.31)"
    return f"{base}, {QT_DEPENDS}" if (APP / "_internal" / "PySide6").is_dir() else base


def build(out: Path = DIST) -> Path:
    """The .deb in `out` (dist/ for `make package`; tests build a variant elsewhere to leave dist/ alone)."""
    if not (APP / "clientsafe").exists():
        raise SystemExit(f"{APP}/clientsafe is missing: build the frozen app first (make package).")
    version = (DIST / "clientsafe.version").read_text().strip()
    extension = policies.load_extension()
    deployment = policies.load_deployment()
    org_policy = policies.org_policy()  # before anything is staged: a broken policy stops the build here
    if STAGE.exists():
        shutil.rmtree(STAGE)
    shutil.copytree(APP, STAGE / PREFIX.lstrip("/"), symlinks=True)

    put(f"{PREFIX}/allowed-extensions.json", policies.dumps(policies.allowed_extensions(extension)))
    put(
        LAUNCHER,
        f'#!/bin/sh\n# Started by the browser for native messaging.\nexec {PREFIX}/clientsafe native-host "$@"\n',
        0o755,
    )
    put("/usr/bin/clientsafe", f'#!/bin/sh\nexec {PREFIX}/clientsafe "$@"\n', 0o755)
    put("/usr/share/applications/clientsafe.desktop", DESKTOP)
    put("/etc/xdg/autostart/clientsafe.desktop", DESKTOP + AUTOSTART_EXTRA)
    put("/usr/share/icons/hicolor/scalable/apps/clientsafe.svg", ICON)

    policy = policies.dumps(policies.chromium_policy(extension, deployment))
    for browser, base in CHROMIUM_DIRS.items():
        put(f"{base}/policies/managed/clientsafe.json", policy)
        host = policies.host_manifest(extension, LAUNCHER, browser)
        put(f"{base}/native-messaging-hosts/{policies.HOST_NAME}.json", policies.dumps(host))
    put(
        f"{FIREFOX_HOSTS}/{policies.HOST_NAME}.json",
        policies.dumps(policies.host_manifest(extension, LAUNCHER, "firefox")),
    )
    put(
        "/usr/share/doc/clientsafe/firefox-policies.json",
        policies.dumps(policies.firefox_policy(extension, deployment)),
    )
    if org_policy is not None:
        # Not a conffile: IT owns it through the package, so an upgrade replaces it without asking anyone.
        put(SYSTEM_POLICY, org_policy.decode("utf-8"))  # byte for byte what IT wrote
    put(
        "/usr/share/doc/clientsafe/copyright",
        "ClientSafe\nCopyright: the ClientSafe authors. Proprietary; bundles open-source components under their "
        "own licences (Python, spaCy, Presidio and others; see /opt/clientsafe/_internal/*.dist-info).\n",
    )

    arch = architecture()
    control = (
        f"Package: clientsafe\nVersion: {version}\nArchitecture: {arch}\nSection: utils\nPriority: optional\n"
        "Maintainer: ClientSafe <it@clientsafe.example.org>\n"
        f"Installed-Size: {installed_size_kib(STAGE)}\n"
        f"Depends: {depends()}\n"
        "Description: warns staff before a post breaches client confidentiality\n"
        " ClientSafe checks social-media posts and friend requests on this computer, with the organisation's\n"
        " policy, and installs the browser policies that force-install and configure its extension.\n"
    )
    put("/DEBIAN/control", control)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"clientsafe_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(STAGE), str(target)],
        check=True,
        capture_output=True,
    )
    print(f"build_deb.py: {target} ({target.stat().st_size / 1e6:.1f} MB), extension {extension['chromium_id']}")
    (out / "clientsafe.deb.json").write_text(json.dumps({"deb": target.name, "version": version, "arch": arch}))
    return target


if __name__ == "__main__":
    build()
