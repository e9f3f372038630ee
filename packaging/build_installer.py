"""The last step of `make package`: this OS's installer, from the frozen app and the extension build.

  Linux    dist/clientsafe_<version>_<arch>.deb   packaging/linux/build_deb.py
  Windows  dist/ClientSafe-<version>.msi          packaging/windows/make_wix.py, then WiX (`wix build`)
  macOS    dist/ClientSafe-<version>.pkg          packaging/macos/build-pkg.sh

One recipe in the Makefile for every OS; the choice is made here, on sys.platform. Running it again only rebuilds the
installer (CI does so after signing the app, so the MSI carries the signed clientsafe.exe).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT / "packaging" / "windows"))

# The WiX Toolset the MSI is built with: .github/workflows/windows.yml installs exactly these (checked by
# tests/packaging/test_ci_recipes.py). WiX v5 is the first with <Files> harvesting.
WIX_VERSION = "5.0.2"
WIX_EXTENSIONS = ("WixToolset.Util.wixext",)  # WixQuietExec: the self-test and policy check, with no console window
TRAY_EXE = "clientsafe-tray.exe"  # packaging/clientsafe.spec: TRAY_NAME, built without a console


def version() -> str:
    path = DIST / "clientsafe.version"
    if not path.exists():
        raise SystemExit(f"{path} is missing: build the frozen app first (make package).")
    return path.read_text(encoding="utf-8").strip()


def msi_version(text: str) -> str:
    """Windows Installer accepts only major.minor.build numbers: 1.2.3.dev4 -> 1.2.3, 2.0rc1 -> 2.0."""
    match = re.match(r"\d+(?:\.\d+){0,2}", text)
    if not match:
        raise SystemExit(f"version {text!r} does not start with a number: Windows Installer needs major.minor.build.")
    return match[0]


def tray_exe(app: Path) -> str:
    """What the MSI's Run value and Start-menu shortcut start: the windowless launcher packaging/clientsafe.spec
    builds on Windows, so signing in opens no console window; the console program for a frozen app without one."""
    return TRAY_EXE if (app / TRAY_EXE).exists() else "clientsafe.exe"


def wix_command(msi: Path, product_version: str, tray_program: str) -> list[str]:
    import make_wix

    command = ["wix", "build", "-arch", "x64", "-nologo"]
    for extension in WIX_EXTENSIONS:
        command += ["-ext", extension]
    command += ["-d", f"Version={product_version}", "-d", f"TrayExe={tray_program}"]
    for name, folder in make_wix.BINDPATHS.items():
        command += ["-bindpath", f"{name}={ROOT / folder}"]
    command += [str(ROOT / "packaging" / "windows" / "ClientSafe.wxs")]
    command += [str(make_wix.OUT / name) for name in make_wix.FRAGMENTS]
    return [*command, "-o", str(msi)]


def windows() -> Path:
    import make_wix

    if not (DIST / "clientsafe" / "clientsafe.exe").exists():
        raise SystemExit(f"{DIST / 'clientsafe' / 'clientsafe.exe'} is missing: build the frozen app first.")
    if not shutil.which("wix"):
        extensions = " && ".join(f"wix extension add --global {e}/{WIX_VERSION}" for e in WIX_EXTENSIONS)
        raise SystemExit(
            "WiX Toolset not found (the MSI is built with its `wix` command). Install it with the .NET SDK: "
            f"dotnet tool install --global wix --version {WIX_VERSION} && {extensions}"
        )
    make_wix.build()
    text = version()
    msi = DIST / f"ClientSafe-{text}.msi"
    subprocess.run(wix_command(msi, msi_version(text), tray_exe(DIST / "clientsafe")), check=True, cwd=ROOT)
    print(f"build_installer.py: {msi} ({msi.stat().st_size / 1e6:.1f} MB)")
    return msi


def macos() -> Path:
    subprocess.run(["sh", str(ROOT / "packaging" / "macos" / "build-pkg.sh")], check=True, cwd=ROOT)
    return DIST / f"ClientSafe-{version()}.pkg"


def linux() -> Path:
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    import build_deb

    return build_deb.build()


def main() -> Path:
    if sys.platform == "win32":
        return windows()
    if sys.platform == "darwin":
        return macos()
    if sys.platform.startswith("linux"):
        return linux()
    raise SystemExit(f"No installer recipe for {sys.platform}: ClientSafe is packaged for Linux, Windows and macOS.")


if __name__ == "__main__":
    main()
