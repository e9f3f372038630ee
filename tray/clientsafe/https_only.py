"""Downloads that stay on HTTPS at every hop (the roster export and the organisation's policy URL).

``requests`` follows a redirect from ``https://`` to plain ``http://`` without a word, so one misconfigured or
hijacked redirect would bring a roster or a policy (say ``fail_mode: allow``) over an unencrypted hop anyone on
the network can change. Here redirects are followed by hand, a few at most, and each address is checked before
it is asked for: only ``https://``, except that a plain-http *loopback* address may redirect to another loopback
address when the caller allows loopback at all (a policy server tried out on this machine). Never from https
down to http, loopback or not.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class RedirectRefused(Exception):
    """A redirect ClientSafe does not follow; ``str()`` says from where to where, and why, in plain words."""

    def __init__(self, source: str, target: str, why: str) -> None:
        self.source, self.target = source, target
        super().__init__(f"{shown(source)} redirected to {shown(target)}, which ClientSafe does not follow: {why}")


def shown(url: str) -> str:
    """An address as messages may show it: no user name, password or query (a signed link's secret)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"


def loopback_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and (parts.hostname or "") in _LOOPBACK


def _refusal(current: str, target: str, allow_loopback_http: bool) -> str:
    """Why the hop from ``current`` to ``target`` is refused ("" when it is fine)."""
    scheme = urlsplit(target).scheme.lower()
    if scheme == "https":
        return ""
    if allow_loopback_http and loopback_http(current) and loopback_http(target):
        return ""
    if scheme == "http":
        return "it is plain http (unencrypted), and a download must be https at every step"
    return f"{scheme or 'that'}: addresses are not downloaded"


def get(
    session: requests.Session,
    url: str,
    *,
    allow_loopback_http: bool = False,
    max_redirects: int = MAX_REDIRECTS,
    **kwargs: Any,
) -> requests.Response:
    """``session.get(url, **kwargs)`` following at most ``max_redirects`` redirects, each to an allowed address.

    Returns the final response (open, if ``stream=True`` was given: the caller closes it). Raises
    :class:`RedirectRefused` for a hop to plain http (or anything else not https), or too many hops; requests'
    own exceptions otherwise. The first address is the caller's to check.
    """
    current = url
    for hop in range(max_redirects + 1):
        response = session.get(current, allow_redirects=False, **kwargs)
        location = response.headers.get("location")
        if response.status_code not in _REDIRECTS or not location:
            return response
        response.close()
        target = urljoin(current, location)
        if hop == max_redirects:
            raise RedirectRefused(url, target, f"more than {max_redirects} redirects in a row")
        why = _refusal(current, target, allow_loopback_http)
        if why:
            raise RedirectRefused(current, target, why)
        current = target
    raise AssertionError("unreachable")  # the loop returns or raises
