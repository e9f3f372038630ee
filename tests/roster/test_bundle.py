"""IT's roster bundle on its own: keygen, build (the import's reading, checks and records), what a stolen bundle
reveals (nothing), and every way verify refuses a bundle, each with the problem named."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import pytest

from clientsafe.roster import RosterError, store
from clientsafe.roster.bundle import SIGNATURE_BYTES, BundleError, keygen, verify
from clientsafe.roster.keys import key_id
from clientsafe.roster.read import read_csv
from tests.roster.conftest import ROSTER_CSV, TODAY, import_into
from tests.roster.it_roster import NOW, it_keys


@pytest.fixture
def keys(tmp_path):
    return it_keys(tmp_path / "it")


def test_keygen_writes_both_keys_owner_only_and_never_overwrites(keys):
    assert keys.signing.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert len(keys.hash_key) == 32 and key_id(keys.hash_key) == keys.key_id
    if sys.platform != "win32":
        assert oct(os.stat(keys.signing).st_mode & 0o777) == "0o600"
        assert oct(os.stat(keys.hash_key_file).st_mode & 0o777) == "0o600"
    before = keys.hash_key_file.read_bytes()
    with pytest.raises(BundleError, match="exists: choose another file"):
        keygen(keys.signing.parent / "new.pem", keys.hash_key_file)
    assert keys.hash_key_file.read_bytes() == before
    assert not (keys.signing.parent / "new.pem").exists()  # nothing half-made either


def test_build_signs_the_same_records_an_import_with_that_key_writes(keys, tmp_path):
    bundle = verify(keys.bundle(), keys.public_key, now=NOW)
    header = bundle.header
    assert header["format"] == 1 and header["clients"] == 21 and header["key_id"] == keys.key_id
    assert header["created"] == "2026-11-24T09:00:00Z" and header["expires"] == "2026-12-24T09:00:00Z"
    assert header["source"] == "roster.csv"  # the file name, not the path on IT's computer
    # An import on a machine whose own key is the organisation's gives exactly these records.
    machine = tmp_path / "machine"
    machine.mkdir()
    (machine / "roster-key").write_text(keys.hash_key.hex())
    import_into(machine)
    _, imported = store.read(machine / "roster.bin")
    assert bundle.entries == imported


def test_build_refuses_what_an_import_refuses_with_the_same_words(keys, tmp_path):
    xlsx = tmp_path / "Clients.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(RosterError, match="is a spreadsheet, not a CSV file"):
        keys.bundle(xlsx)
    nameless = tmp_path / "n.csv"
    nameless.write_text("Program,Intake date\nYouth,2026-01-02\n", encoding="utf-8")
    with pytest.raises(RosterError) as import_error:
        import_into(tmp_path, nameless)
    with pytest.raises(RosterError) as build_error:
        keys.bundle(nameless)
    assert str(build_error.value) == str(import_error.value)


def test_build_refuses_a_signing_key_that_is_not_one(keys, tmp_path):
    from clientsafe.roster.bundle import build

    with pytest.raises(BundleError, match="signing key could not be read"):
        build(str(ROSTER_CSV), keys.hash_key_file.read_bytes(), keys.hash_key, now=NOW, today=TODAY)
    with pytest.raises(BundleError, match="between 1 and 366"):
        keys.bundle(valid_days=0)


def _phrases() -> set[str]:
    """Every name, alias, name word and handle in the CSV, as a person would write them and as normalised."""
    result = read_csv(ROSTER_CSV.read_bytes(), max_rows=1000, today=TODAY)
    out: set[str] = set()
    for c in result.clients:
        for phrase in (c.name, *c.aliases):
            out.add(" ".join(phrase))
            out |= {w for w in phrase if len(w) > 2}
        out |= set(c.handles)
    raw = ROSTER_CSV.read_text(encoding="utf-8").splitlines()[1:]
    out |= {cell.strip() for line in raw for cell in line.split(",")[:2] if len(cell.strip()) > 3}
    return out


def test_a_stolen_bundle_names_nobody_and_cannot_be_matched_without_the_key(keys):
    data = keys.bundle()
    phrases = _phrases()
    assert {"keisha brown", "kiki"} <= {p.lower() for p in phrases}  # the search is for real names
    lowered = data.lower()
    # Initials and two-letter nicknames ("MJ") turn up by chance in any few kilobytes of hashes and signatures;
    # they are searched as names below, through the keyed digests, like every phrase.
    readable = [p for p in phrases if len(p) >= 4]
    leaked = [p for p in readable if p.lower().encode("utf-8") in lowered or p.encode("utf-8") in data]
    assert not leaked
    assert keys.hash_key.hex().encode() not in data and keys.hash_key not in data
    bundle = verify(data, keys.public_key, now=NOW)
    # Guessing needs the organisation's key: with any other key (or none) not one client's name is found.
    with_key = {store.digest(keys.hash_key, b"n", "keisha brown")}
    assert with_key <= set(bundle.entries)  # with the key it would be found: the check below can fail
    for guess_key in (b"", b"\0" * 32, os.urandom(32)):
        assert not any(store.digest(guess_key, b"n", p.lower()) in bundle.entries for p in phrases)


def test_a_truncated_or_corrupt_bundle_is_refused_saying_so(keys):
    data = keys.bundle()
    with pytest.raises(BundleError, match=r"damaged or truncated \([\d,]+ bytes, [\d,]+ expected\)"):
        verify(data[:-10], keys.public_key, now=NOW)
    with pytest.raises(BundleError, match="damaged or truncated"):
        verify(data[:40], keys.public_key, now=NOW)
    flipped = bytearray(data)
    flipped[-SIGNATURE_BYTES - 5] ^= 0xFF  # one record changed after signing
    with pytest.raises(BundleError, match="changed after signing"):
        verify(bytes(flipped), keys.public_key, now=NOW)
    with pytest.raises(BundleError, match=r"not a ClientSafe roster bundle \(it is a web page\)"):
        verify(b"<!doctype html><title>Sign in</title>", keys.public_key, now=NOW)
    with pytest.raises(BundleError, match=r"it is empty"):
        verify(b"", keys.public_key, now=NOW)


def test_a_bundle_with_a_changed_header_fails_its_signature(keys):
    data = keys.bundle()
    end = data.index(b"\n", 20)
    header = json.loads(data[16:end])
    header["expires"] = "2099-01-01T00:00:00Z"  # stretching a bundle's life is a change like any other
    forged = data[:16] + json.dumps(header, sort_keys=True).encode() + data[end:]
    with pytest.raises(BundleError, match="not signed by the key the policy names"):
        verify(forged, keys.public_key, now=NOW)


def test_a_bundle_signed_by_another_key_is_refused(keys, tmp_path):
    other = it_keys(tmp_path / "other")
    with pytest.raises(BundleError, match=r"not signed by the key the policy names \(roster_bundle.public_key\)"):
        verify(other.bundle(), keys.public_key, now=NOW)
    with pytest.raises(BundleError, match="public_key is not a base64 public key"):
        verify(keys.bundle(), "not-a-key", now=NOW)


def test_an_expired_bundle_is_refused_with_its_date(keys):
    data = keys.bundle(valid_days=1)
    assert verify(data, keys.public_key, now=NOW + dt.timedelta(hours=23)).expires == "2026-11-25T09:00:00Z"
    with pytest.raises(BundleError, match=r"expired on 2026-11-25T09:00:00Z\. IT must build and publish a new one"):
        verify(data, keys.public_key, now=NOW + dt.timedelta(days=1, seconds=1))
