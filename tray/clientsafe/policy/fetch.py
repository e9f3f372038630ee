"""The organisation's policy from an HTTPS URL (named in the system file): cached, revalidated with ETag.

The cache (``url-cache.json`` in the policy data folder) holds only a document that validated, so it is also
the last good copy: when the URL is unreachable, answers an error or serves a broken policy, the cached one
stays in force and the problem is reported.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import requests

from clientsafe.policy.files import MAX_POLICY_BYTES, PolicyFileError, parse, read_copy, write_atomic

TIMEOUT_SECONDS = 10


def _since(cache: dict[str, Any]) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(cache.get("fetched_at", 0)))


def fetch(url: str, cache_file: Path, session: requests.Session | None = None) -> tuple[dict[str, Any] | None, str]:
    """(the policy document to use or None, a problem message or "").

    Sends If-None-Match with the cached ETag; 304 keeps the cached copy.
    """
    cached = read_copy(cache_file)
    if cached is not None and (cached.get("url") != url or not isinstance(cached.get("document"), dict)):
        cached = None
    fallback = (
        f"the copy fetched {_since(cached)} stays in force"
        if cached
        else "no copy has been fetched yet, so only the system file's own settings apply"
    )
    headers = {"Accept": "application/json"}
    if cached and cached.get("etag"):
        headers["If-None-Match"] = cached["etag"]
    http = session or requests.Session()
    try:
        response = http.get(url, headers=headers, timeout=TIMEOUT_SECONDS, stream=True)
        body = response.raw.read(MAX_POLICY_BYTES + 1, decode_content=True) if response.status_code == 200 else b""
        response.close()
    except requests.RequestException as e:
        return _doc(cached), f"policy URL {url} could not be reached ({type(e).__name__}); {fallback}"
    if response.status_code == 304 and cached:
        return _doc(cached), ""
    if response.status_code != 200:
        return _doc(cached), f"policy URL {url} answered HTTP {response.status_code}; {fallback}"
    try:
        document = parse(body, f"policy URL {url}")
    except PolicyFileError as e:
        return _doc(cached), f"{e}; {fallback}"
    write_atomic(
        cache_file, {"url": url, "etag": response.headers.get("ETag"), "fetched_at": time.time(), "document": document}
    )
    return document, ""


def _doc(cached: dict[str, Any] | None) -> dict[str, Any] | None:
    return cached["document"] if cached else None
