"""`clientsafe adapters keygen | sign | verify`, as IT runs them when a site changed its layout: the shipped
adapter files sign into a bundle that verifies with the public key and with nothing else; a changed byte, a
wrong key, a broken adapter file and an existing key file each get a clear error and lose nothing."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

import pytest

from clientsafe.adapter_update import AdapterError, keygen, sign, verify
from tests.cli.test_cli import clientsafe

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "extension" / "adapters").glob("*.json"))
ADAPTERS = [p for p in SHIPPED if p.name != "labels.json"]


def test_every_shipped_adapter_signs_and_verifies(tmp_path):
    made = clientsafe("adapters", "keygen", "--out", str(tmp_path / "key.pem"))
    assert made.returncode == 0, made.stderr
    public = made.stdout.decode().strip()
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "key.pem").stat().st_mode) == 0o600
    signed = clientsafe(
        "adapters", "sign", "--key", str(tmp_path / "key.pem"), "--out", str(tmp_path / "u.json"), *map(str, ADAPTERS)
    )
    assert signed.returncode == 0, signed.stderr
    checked = clientsafe("adapters", "verify", str(tmp_path / "u.json"), "--public-key", public)
    assert checked.returncode == 0, checked.stderr
    payload = json.loads(json.loads((tmp_path / "u.json").read_text())["payload"])
    assert sorted(payload["adapters"]) == sorted(p.stem for p in ADAPTERS)


def test_a_changed_byte_or_another_key_does_not_verify():
    private, public = keygen()
    bundle = sign([json.loads(ADAPTERS[0].read_text())], private)
    assert verify(bundle, public)["adapters"]
    tampered = {**bundle, "payload": bundle["payload"].replace('"version"', '"version" ', 1)}
    with pytest.raises(AdapterError, match="signature does not match"):
        verify(tampered, public)
    with pytest.raises(AdapterError, match="signature does not match"):
        verify(bundle, keygen()[1])


def test_keygen_never_overwrites_a_key(tmp_path):
    (tmp_path / "key.pem").write_text("IT's real key")
    made = clientsafe("adapters", "keygen", "--out", str(tmp_path / "key.pem"))
    assert made.returncode == 2 and b"exists" in made.stderr and b"Traceback" not in made.stderr
    assert (tmp_path / "key.pem").read_text() == "IT's real key"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", b"could not be read as JSON"),
        (json.dumps({"site": "myspace", "version": "1", "surfaces": []}), b"site must be one of"),
        (json.dumps({"site": "x", "version": "2026-12-07", "surfaces": [{"composer": "div"}]}), b"needs submit"),
    ],
    ids=["not-json", "unknown-site", "surface-without-submit"],
)
def test_a_broken_adapter_file_is_refused_with_what_to_fix(tmp_path, content, says):
    clientsafe("adapters", "keygen", "--out", str(tmp_path / "key.pem"))
    (tmp_path / "x.json").write_text(content)
    signed = clientsafe(
        "adapters",
        "sign",
        "--key",
        str(tmp_path / "key.pem"),
        "--out",
        str(tmp_path / "u.json"),
        str(tmp_path / "x.json"),
    )
    assert signed.returncode == 3 and says in signed.stderr and b"Traceback" not in signed.stderr
    assert not (tmp_path / "u.json").exists()


def test_the_signer_knows_the_same_sites_as_the_extension():
    # The signer and the extension each keep the list (one is Python, one a module the worker imports);
    # a site added to one alone would sign bundles the extension refuses, or refuse files it ships.
    from clientsafe.adapter_update import SITES

    source = (ROOT / "extension" / "background" / "adapters.js").read_text(encoding="utf-8")
    listed = re.search(r"export const SITES = \[(.*?)\];", source, re.S)
    assert listed is not None
    assert tuple(re.findall(r'"([a-z_]+)"', listed.group(1))) == SITES


def test_every_site_has_the_name_people_know_it_by_in_both_languages():
    from clientsafe.adapter_update import SITES

    names = json.loads((ROOT / "shared" / "sites.json").read_text(encoding="utf-8"))["sites"]
    assert tuple(names) == SITES
    assert all(set(n) == {"en", "es"} and all(n.values()) for n in names.values())
