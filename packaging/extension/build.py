"""Build the browser-extension packages an organisation self-hosts (`make package` runs this).

Writes to dist/extension/:
  clientsafe-chrome.zip    the extension as it is in extension/ (Chrome Web Store / Edge Add-ons upload, or sideload)
  clientsafe.crx           a signed CRX3 packed by Chromium itself (--pack-extension) with the organisation's key
  update.xml               the Chrome/Edge update manifest for ExtensionInstallForcelist's self-hosted update URL
  clientsafe-firefox.xpi   the Firefox build: gecko ID and update_url added, background as `scripts` (Firefox MV3)
  updates.json             the Firefox update manifest
  extension.json           what the installers need: {"chromium_id", "firefox_id", "version", "update_url", ...}

The signing key decides the extension ID forever: an organisation generates it once and keeps it
(CLIENTSAFE_EXTENSION_KEY=/path/to/key.pem). Without one, a throwaway key is generated for this build and the
script says so: such a build is for tests only, since its ID changes on every build.

Environment: CLIENTSAFE_EXTENSION_KEY, CLIENTSAFE_UPDATE_BASE_URL (where the org serves these files, default
https://clientsafe.example.org/extension/), CLIENTSAFE_FIREFOX_ID (default clientsafe@example.org), CHROMIUM.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "extension"
OUT = ROOT / "dist" / "extension"
DEFAULT_BASE_URL = "https://clientsafe.example.org/extension/"
DEFAULT_FIREFOX_ID = "clientsafe@example.org"


def extension_id(public_key_der: bytes) -> str:
    """Chrome's ID: the first 128 bits of SHA-256 of the public key, as letters a-p (one per hex digit)."""
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(public_key_der).hexdigest()[:32])


def public_key_der(key_file: Path) -> bytes:
    # cryptography is already installed (a dependency of our dependencies); imported here only.
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def signing_key(work: Path) -> tuple[Path, bool]:
    """(key file, throwaway?)"""
    configured = os.environ.get("CLIENTSAFE_EXTENSION_KEY", "").strip()
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            sys.exit(f"CLIENTSAFE_EXTENSION_KEY={configured}: no such file. Point it at the organisation's PEM key.")
        return path, False
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = work / "throwaway-key.pem"
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    print(
        "build.py: WARNING: no CLIENTSAFE_EXTENSION_KEY, so this build is signed with a THROWAWAY key and its "
        "extension ID changes every build. Fine for tests; never deploy it.",
        file=sys.stderr,
    )
    return path, True


def zip_dir(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                z.write(file, file.relative_to(folder).as_posix())


def pack_crx(folder: Path, key: Path, target: Path) -> None:
    """Let Chromium sign it: the CRX3 format (protobuf header, RSA proof) is its own, so we do not re-implement it."""
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("google-chrome")
    if not chromium:
        sys.exit("build.py: Chromium is needed to pack the CRX (apt-get install chromium).")
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "clientsafe"
        shutil.copytree(folder, staged)
        args = [chromium, "--headless=new", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp}/profile"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # no geteuid on Windows
            args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        args += [f"--pack-extension={staged}", f"--pack-extension-key={key}"]
        subprocess.run(args, check=False, capture_output=True, timeout=120)
        crx = Path(tmp) / "clientsafe.crx"
        if not crx.exists():
            sys.exit("build.py: Chromium did not produce a CRX; run the command by hand to see why: " + " ".join(args))
        shutil.move(crx, target)
        target.chmod(0o644)  # served to browsers from the update URL


def update_xml(app_id: str, version: str, codebase: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n"
        f"  <app appid={quoteattr(app_id)}>\n"
        f"    <updatecheck codebase={quoteattr(codebase)} version={quoteattr(version)} />\n"
        "  </app>\n"
        "</gupdate>\n"
    )


def firefox_manifest(manifest: dict, gecko_id: str, update_url: str) -> dict:
    """Firefox's MV3 has no service workers in extensions: the same module runs as a background script."""
    firefox = json.loads(json.dumps(manifest))
    background = firefox.get("background", {})
    if "service_worker" in background:
        firefox["background"] = {"scripts": [background["service_worker"]]}
        if background.get("type"):
            firefox["background"]["type"] = background["type"]
    firefox.pop("minimum_chrome_version", None)
    firefox["browser_specific_settings"] = {
        "gecko": {
            "id": gecko_id,
            "strict_min_version": "140.0",  # Firefox ESR 140: the first with data_collection_permissions
            "update_url": update_url,
            # Firefox's data-collection declaration: the extension sends nothing anywhere but the local app.
            "data_collection_permissions": {"required": ["none"]},
        }
    }
    return firefox


def build() -> dict:
    manifest = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    version = manifest["version"]
    base = os.environ.get("CLIENTSAFE_UPDATE_BASE_URL", DEFAULT_BASE_URL).rstrip("/") + "/"
    gecko_id = os.environ.get("CLIENTSAFE_FIREFOX_ID", DEFAULT_FIREFOX_ID)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    work = ROOT / "build" / "extension"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    zip_dir(SOURCE, OUT / "clientsafe-chrome.zip")

    key, throwaway = signing_key(work)
    der = public_key_der(key)
    chromium_id = extension_id(der)
    # Chrome uses the policy's update URL only for the first install; later updates follow the manifest's
    # update_url, so the self-hosted CRX carries it (the store zip must not: the stores refuse it).
    crx_dir = work / "chromium"
    shutil.copytree(SOURCE, crx_dir)
    (crx_dir / "manifest.json").write_text(
        json.dumps({**manifest, "update_url": base + "update.xml"}, indent=2) + "\n", encoding="utf-8"
    )
    pack_crx(crx_dir, key, OUT / "clientsafe.crx")
    (OUT / "update.xml").write_text(update_xml(chromium_id, version, base + "clientsafe.crx"), encoding="utf-8")

    firefox_dir = work / "firefox"
    shutil.copytree(SOURCE, firefox_dir)
    (firefox_dir / "manifest.json").write_text(
        json.dumps(firefox_manifest(manifest, gecko_id, base + "updates.json"), indent=2) + "\n", encoding="utf-8"
    )
    zip_dir(firefox_dir, OUT / "clientsafe-firefox.xpi")
    xpi_hash = hashlib.sha256((OUT / "clientsafe-firefox.xpi").read_bytes()).hexdigest()
    updates = {
        "addons": {
            gecko_id: {
                "updates": [
                    {
                        "version": version,
                        "update_link": base + "clientsafe-firefox.xpi",
                        "update_hash": f"sha256:{xpi_hash}",
                    }
                ]
            }
        }
    }
    (OUT / "updates.json").write_text(json.dumps(updates, indent=2) + "\n", encoding="utf-8")

    info = {
        "version": version,
        "chromium_id": chromium_id,
        "chromium_public_key": base64.b64encode(der).decode(),  # the manifest "key" that pins this ID unpacked
        "firefox_id": gecko_id,
        "update_url": base + "update.xml",
        "firefox_update_url": base + "updates.json",
        "firefox_install_url": base + "clientsafe-firefox.xpi",
        "throwaway_key": throwaway,
    }
    (OUT / "extension.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"build.py: extension {version}, Chrome/Edge ID {chromium_id}, Firefox ID {gecko_id} -> {OUT}")
    return info


if __name__ == "__main__":
    build()
