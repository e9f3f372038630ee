"""The organisation's policy from an HTTPS URL (named in the system file): cached, revalidated with ETag.

The cache (``url-cache.json`` in the policy data folder) holds only a document that validated, so it is also
the last good copy: when the URL is unreachable, answers an error or serves a broken policy, the cached one
stays in force and the problem is reported.

HTTPS at every hop: a redirect is followed only to another https address (``https_only``), so a redirect to
plain http is a problem reported like an unreachable URL, and the cached policy stays. The URL itself must be
https; plain http is accepted only for a loopback address (127.0.0.1, localhost, [::1]: a policy server tried
out on this machine), as the schema of ``policy_url`` says, and such an address may only redirect to https or
to another loopback address.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import requests

from clientsafe import https_only
from clientsafe.policy.files import MAX_POLICY_BYTES, PolicyFileError, parse, read_copy, write_atomic
from clientsafe.say import reason, said

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
        said("the copy fetched {since} stays in force", since=_since(cached))
        if cached
        else said("no copy has been fetched yet, so only the system file's own settings apply")
    )
    if not (url.lower().startswith("https://") or https_only.loopback_http(url)):
        return _doc(cached), said(
            "policy URL {url} is not an https address, so it was not fetched; {fallback}",
            url=https_only.shown(url),
            fallback=fallback,
        )
    headers = {"Accept": "application/json"}
    if cached and cached.get("etag"):
        headers["If-None-Match"] = cached["etag"]
    http = session or requests.Session()
    try:
        response = https_only.get(
            http, url, allow_loopback_http=True, headers=headers, timeout=TIMEOUT_SECONDS, stream=True
        )
        body = response.raw.read(MAX_POLICY_BYTES + 1, decode_content=True) if response.status_code == 200 else b""
        response.close()
    except https_only.RedirectRefused as e:
        return _doc(cached), said("policy URL {url}: {problem}; {fallback}", url=url, problem=str(e), fallback=fallback)
    except requests.RequestException as e:
        return _doc(cached), said(
            "policy URL {url} could not be reached ({error}); {fallback}",
            url=url,
            error=type(e).__name__,
            fallback=fallback,
        )
    if response.status_code == 304 and cached:
        return _doc(cached), ""
    if response.status_code != 200:
        return _doc(cached), said(
            "policy URL {url} answered HTTP {status}; {fallback}",
            url=url,
            status=response.status_code,
            fallback=fallback,
        )
    try:
        document = parse(body, said("policy URL {url}", url=url))
    except PolicyFileError as e:
        return _doc(cached), said("{problem}; {fallback}", problem=reason(e), fallback=fallback)
    write_atomic(
        cache_file, {"url": url, "etag": response.headers.get("ETag"), "fetched_at": time.time(), "document": document}
    )
    return document, ""


def _doc(cached: dict[str, Any] | None) -> dict[str, Any] | None:
    return cached["document"] if cached else None
