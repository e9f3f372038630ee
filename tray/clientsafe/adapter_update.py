"""IT's signed adapter update for the browser extension (shared/adapters.md, docs/adapters.md).

When a site changes its layout, IT edits that site's adapter data (the extension's ``adapters/<site>.json``),
signs it here and publishes the bundle at the address the policy's ``adapter_updates`` names; every extension
picks it up within the hour. ECDSA P-256 with SHA-256 because it is what the browsers' WebCrypto verifies
everywhere (Ed25519 is not in every browser we support); the signature is r||s, as WebCrypto expects.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

SITES = (
    "facebook",
    "instagram",
    "threads",
    "x",
    "linkedin",
    "bluesky",
    "reddit",
    "youtube",
    "nextdoor",
    "tiktok",
    "mastodon",
    "google_business",
    "yelp",
    "healthgrades",
    "generic",
)


class AdapterError(ValueError):
    """An adapter file or an update that cannot be used; the message says which and why."""


def keygen() -> tuple[bytes, str]:
    """A new signing key: (PEM private key to keep safe, base64 SPKI public key for the policy)."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return pem, public_key_of(key)


def public_key_of(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def check_adapter(data: Any, where: str) -> dict[str, Any]:
    """The shape the extension needs (it checks again before use); a clear error naming the file otherwise."""
    if not isinstance(data, dict):
        raise AdapterError(f"{where}: not a JSON object")
    site = data.get("site")
    if site not in SITES:
        raise AdapterError(f"{where}: site must be one of {', '.join(SITES)}, not {site!r}")
    if not isinstance(data.get("version"), str) or not data["version"]:
        raise AdapterError(f"{where}: version must be a non-empty string (a date such as 2026-12-06)")
    surfaces = data.get("surfaces")
    if not isinstance(surfaces, list):
        raise AdapterError(f"{where}: surfaces must be a list")
    for n, surface in enumerate(surfaces, 1):
        if not isinstance(surface, dict) or not isinstance(surface.get("composer"), str):
            raise AdapterError(f"{where}: surface {n} needs a composer selector")
        if not isinstance(surface.get("submit"), list) or not all(
            isinstance(m, dict) and isinstance(m.get("css"), str) for m in surface["submit"]
        ):
            raise AdapterError(f"{where}: surface {n} needs submit: a list of {{css, label?}} matchers")
    return data


def sign(adapters: list[dict[str, Any]], private_pem: bytes, issued: dt.datetime | None = None) -> dict[str, str]:
    """The bundle {payload, signature} for these adapters (one per site)."""
    by_site: dict[str, Any] = {}
    for data in adapters:
        check_adapter(data, data.get("site", "?") if isinstance(data, dict) else "?")
        if data["site"] in by_site:
            raise AdapterError(f"two adapters for {data['site']}")
        by_site[data["site"]] = data
    if not by_site:
        raise AdapterError("no adapters to sign")
    try:
        key = serialization.load_pem_private_key(private_pem, password=None)
    except (ValueError, TypeError) as e:
        raise AdapterError(f"the signing key could not be read ({e})") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise AdapterError("the signing key must be an ECDSA P-256 key (make one with `clientsafe adapters keygen`)")
    when = (issued or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    payload = json.dumps({"issued": when, "adapters": by_site}, ensure_ascii=False, sort_keys=True)
    r, s = decode_dss_signature(key.sign(payload.encode("utf-8"), ec.ECDSA(hashes.SHA256())))
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return {"payload": payload, "signature": base64.b64encode(signature).decode()}


def verify(bundle: Any, public_key_b64: str) -> dict[str, Any]:
    """The payload of a bundle signed with this key; AdapterError when it is not."""
    if (
        not isinstance(bundle, dict)
        or not isinstance(bundle.get("payload"), str)
        or not isinstance(bundle.get("signature"), str)
    ):
        raise AdapterError("not an adapter update: it needs payload and signature")
    try:
        public = serialization.load_der_public_key(base64.b64decode(public_key_b64, validate=True))
        raw = base64.b64decode(bundle["signature"], validate=True)
    except ValueError as e:
        raise AdapterError(f"the public key or the signature is not valid base64 DER ({e})") from None
    if not isinstance(public, ec.EllipticCurvePublicKey) or len(raw) != 64:
        raise AdapterError("the key must be ECDSA P-256 and the signature 64 bytes (r||s)")
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(signature, bundle["payload"].encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise AdapterError("the signature does not match this key") from None
    payload = json.loads(bundle["payload"])
    for site, data in payload.get("adapters", {}).items():
        check_adapter(data, site)
    return payload


def load_files(paths: list[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        try:
            out.append(check_adapter(json.loads(path.read_text(encoding="utf-8")), str(path)))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise AdapterError(f"{path}: could not be read as JSON ({e})") from None
    return out
