"""Download a roster export (``fetch``) or IT's signed roster bundle (``fetch_bundle``) over HTTPS with
``requests``: certificates checked, a timeout, a size limit, a redirect followed only to another https address
(``https_only``). A CSV download that is a web page (a sign-in screen, an error page) is refused with a clear
message; a bundle is checked by its signature instead (``bundle.verify``). The bundle is asked for with the
ETag / Last-Modified of the copy in force, so an unchanged bundle costs one small answer (304)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import requests

from clientsafe import https_only, settings
from clientsafe.roster.errors import RosterError
from clientsafe.say import said


@dataclass(frozen=True)
class Fetched:
    body: bytes | None  # None: 304, the copy in force is current
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class _Words:
    """What the messages call the download, and what the person (or IT) should do instead."""

    noun: str
    http: str
    redirect: str


_CSV = _Words(
    said("a roster CSV"),
    said(
        "Only https:// addresses are accepted for a roster (it must not travel unencrypted). Use the export's https "
        "address, or download the CSV and import the file."
    ),
    said(
        "Use the export's direct https address, or download the CSV and import the file; the previous roster is "
        "still in force."
    ),
)
_BUNDLE = _Words(
    said("a roster bundle"),
    said(
        "The roster bundle address (roster_bundle.url in the policy) is not https://: a roster must not travel "
        "unencrypted. IT must publish the bundle at an https address."
    ),
    said(
        "IT must publish the bundle at an https address that does not redirect to another kind of address; the "
        "roster in force is unchanged."
    ),
)


def fetch(url: str, timeout: float = 30.0, progress: Callable[[int, int | None], None] | None = None) -> bytes:
    fetched = _download(url, timeout, progress, {}, _CSV)
    assert fetched.body is not None  # no conditional headers were sent, so no 304
    return fetched.body


def fetch_bundle(url: str, timeout: float = 30.0, etag: str = "", last_modified: str = "") -> Fetched:
    """IT's roster bundle, or ``Fetched(None)`` when the server says the copy named by ``etag`` /
    ``last_modified`` is still current. RosterError (what happened, in words) otherwise."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return _download(url, timeout, None, headers, _BUNDLE)


def _download(
    url: str,
    timeout: float,
    progress: Callable[[int, int | None], None] | None,
    headers: dict[str, str],
    words: _Words,
) -> Fetched:
    if not url.lower().startswith("https://"):
        raise RosterError(words.http)
    limit = int(settings.get("roster_max_bytes"))
    host = url.split("/")[2].split("@")[-1]
    try:
        # verify=True (the default, stated): the certificate must chain to a trusted authority.
        with (
            requests.Session() as session,
            https_only.get(session, url, timeout=(timeout, timeout), stream=True, verify=True, headers=headers) as r,
        ):
            if r.status_code == 304 and headers:
                return Fetched(None, r.headers.get("etag", ""), r.headers.get("last-modified", ""))
            if r.status_code != 200:
                raise RosterError(
                    said(
                        "{host} answered {status}. Check the address and that it is shared with you, then try again.",
                        host=host,
                        status=f"{r.status_code} {r.reason or ''}".rstrip(),
                    )
                )
            ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
            if words is _CSV and ctype in {"text/html", "application/xhtml+xml"}:
                raise RosterError(
                    said(
                        "{host} sent a web page (HTML), not a CSV file: perhaps a sign-in page. Use the export's "
                        "direct download address, or download the CSV and import the file.",
                        host=host,
                    )
                )
            declared = r.headers.get("content-length")
            total = int(declared) if declared and declared.isdigit() else None
            if total is not None and total > limit:
                raise RosterError(
                    said(
                        "{host} offers {total:,} bytes; {noun} may be at most {limit:,}.",
                        host=host,
                        total=total,
                        noun=words.noun,
                        limit=limit,
                    )
                )
            body = bytearray()
            for chunk in r.iter_content(64 * 1024):
                body += chunk
                if len(body) > limit:
                    raise RosterError(
                        said(
                            "{host} sent more than {limit:,} bytes; {noun} may be at most that.",
                            host=host,
                            limit=limit,
                            noun=words.noun,
                        )
                    )
                if progress:
                    progress(len(body), total)
            return Fetched(bytes(body), r.headers.get("etag", ""), r.headers.get("last-modified", ""))
    except https_only.RedirectRefused as e:
        raise RosterError(
            said("Nothing was downloaded: {problem}. {then}", problem=str(e), then=words.redirect)
        ) from None
    except requests.exceptions.SSLError:
        raise RosterError(
            said(
                "The certificate of {host} could not be verified, so nothing was downloaded. Ask IT to check the "
                "address (or the organisation's certificate authority).",
                host=host,
            )
        ) from None
    except requests.exceptions.Timeout:
        raise RosterError(
            said(
                "{host} did not answer within {seconds:g} seconds. Check the address and your connection, then try "
                "again; the previous roster is still in force.",
                host=host,
                seconds=timeout,
            )
        ) from None
    except requests.exceptions.ConnectionError:
        raise RosterError(
            said("Could not connect to {host}. Check the address and your connection.", host=host)
        ) from None
    except requests.exceptions.RequestException as e:
        raise RosterError(
            said("Could not download the roster from {host} ({error}).", host=host, error=type(e).__name__)
        ) from None
