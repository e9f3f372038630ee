"""The extension packages an organisation self-hosts: zip, signed CRX3 + update.xml, Firefox build + updates.json,
and what `web-ext lint` says about the Firefox build."""

import hashlib
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "dist" / "extension"
SOURCE_MANIFEST = json.loads((ROOT / "extension" / "manifest.json").read_text())


def varint(data: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        value |= (byte & 0x7F) << shift
        i += 1
        shift += 7
        if not byte & 0x80:
            return value, i


def protobuf_fields(data: bytes) -> list[tuple[int, bytes]]:
    """Length-delimited fields of a protobuf message (all the CRX3 header uses)."""
    fields, i = [], 0
    while i < len(data):
        key, i = varint(data, i)
        assert key & 7 == 2, "CRX3 headers hold only length-delimited fields"
        length, i = varint(data, i)
        fields.append((key >> 3, data[i : i + length]))
        i += length
    return fields


def test_the_chrome_zip_holds_the_extension_as_written(built):
    with zipfile.ZipFile(OUT / "clientsafe-chrome.zip") as z:
        assert json.loads(z.read("manifest.json")) == SOURCE_MANIFEST
        names = set(z.namelist())
    source = {p.relative_to(ROOT / "extension").as_posix() for p in (ROOT / "extension").rglob("*") if p.is_file()}
    assert names == source


def test_the_crx_is_a_crx3_signed_by_the_key_behind_the_extension_id(built):
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    crx = (OUT / "clientsafe.crx").read_bytes()
    assert crx[:4] == b"Cr24" and int.from_bytes(crx[4:8], "little") == 3
    header_size = int.from_bytes(crx[8:12], "little")
    header = dict(protobuf_fields(crx[12 : 12 + header_size]))  # 2: RSA proof, 10000: signed data
    archive = crx[12 + header_size :]
    proof = dict(protobuf_fields(header[2]))  # 1: public key, 2: signature
    signed_data = header[10000]
    crx_id = dict(protobuf_fields(signed_data))[1]
    public_der = proof[1]
    ext_id = built["extension"]["chromium_id"]
    assert crx_id == hashlib.sha256(public_der).digest()[:16]
    assert "".join(chr(ord("a") + int(c, 16)) for c in crx_id.hex()) == ext_id
    # The signature Chrome checks: over "CRX3 SignedData\x00", the signed data's length and bytes, then the zip.
    message = b"CRX3 SignedData\x00" + len(signed_data).to_bytes(4, "little") + signed_data + archive
    key = serialization.load_der_public_key(public_der)
    key.verify(proof[2], message, padding.PKCS1v15(), hashes.SHA256())  # raises if the signature is wrong
    with zipfile.ZipFile(__import__("io").BytesIO(archive)) as z:
        crx_manifest = json.loads(z.read("manifest.json"))
    # Self-hosted updates after the first install follow the manifest's update_url.
    assert crx_manifest == {**SOURCE_MANIFEST, "update_url": built["extension"]["update_url"]}


def test_update_xml_points_chrome_at_this_version_of_this_extension(built):
    ns = {"g": "http://www.google.com/update2/response"}
    app = ET.parse(OUT / "update.xml").getroot().find("g:app", ns)
    check = app.find("g:updatecheck", ns)
    assert app.get("appid") == built["extension"]["chromium_id"]
    assert check.get("version") == SOURCE_MANIFEST["version"]
    assert check.get("codebase").endswith("/clientsafe.crx") and check.get("codebase").startswith("https://")


def test_the_firefox_build_has_a_gecko_id_background_scripts_and_a_matching_update_manifest(built):
    xpi = OUT / "clientsafe-firefox.xpi"
    with zipfile.ZipFile(xpi) as z:
        manifest = json.loads(z.read("manifest.json"))
    gecko = manifest["browser_specific_settings"]["gecko"]
    assert gecko["id"] == built["extension"]["firefox_id"]
    assert manifest["background"]["scripts"] == [SOURCE_MANIFEST["background"]["service_worker"]]
    assert "service_worker" not in manifest["background"]
    updates = json.loads((OUT / "updates.json").read_text())
    assert gecko["update_url"].endswith("/updates.json")
    (entry,) = updates["addons"][gecko["id"]]["updates"]
    assert entry["version"] == SOURCE_MANIFEST["version"]
    assert entry["update_hash"] == "sha256:" + hashlib.sha256(xpi.read_bytes()).hexdigest()


def test_web_ext_lint_finds_no_errors_in_the_firefox_build(built):
    web_ext = ROOT / "packaging" / "extension" / "node_modules" / ".bin" / "web-ext"
    if not web_ext.exists() or not shutil.which("node"):
        from tests.packaging.conftest import skip_or_fail

        skip_or_fail("web-ext is not installed (make package runs npm ci in packaging/extension)")
    result = subprocess.run(
        [
            str(web_ext),
            "lint",
            "--self-hosted",
            "--source-dir",
            str(ROOT / "build" / "extension" / "firefox"),
            "--output",
            "json",
            "--no-input",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    # Warnings are reported to the extension's owner, not failed on; print them so they are seen.
    for kind in ("errors", "warnings", "notices"):
        for m in report[kind]:
            print(f"web-ext lint {kind[:-1]}: {m['code']} {m.get('file') or ''}:{m.get('line') or ''} {m['message']}")
    assert report["errors"] == [], report["errors"]
