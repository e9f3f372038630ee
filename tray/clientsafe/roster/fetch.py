"""Download a roster export over HTTPS with ``requests``: certificates checked, a timeout, a size limit,
a redirect followed only to another https address (``https_only``), and a web page (a sign-in screen, an
error page) refused with a clear message."""

from __future__ import annotations

from collections.abc import Callable

import requests

from clientsafe import https_only, settings
from clientsafe.roster.errors import RosterError


def fetch(url: str, timeout: float = 30.0, progress: Callable[[int, int | None], None] | None = None) -> bytes:
    if not url.lower().startswith("https://"):
        raise RosterError(
            "Only https:// addresses are accepted for a roster (it must not travel unencrypted). Use the "
            "export's https address, or download the CSV and import the file."
        )
    limit = int(settings.get("roster_max_bytes"))
    host = url.split("/")[2].split("@")[-1]
    try:
        # verify=True (the default, stated): the certificate must chain to a trusted authority.
        with (
            requests.Session() as session,
            https_only.get(session, url, timeout=(timeout, timeout), stream=True, verify=True) as r,
        ):
            if r.status_code != 200:
                raise RosterError(
                    f"{host} answered {r.status_code} {r.reason or ''}".rstrip()
                    + ". Check the address and that it is shared with you, then try again."
                )
            ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype in {"text/html", "application/xhtml+xml"}:
                raise RosterError(
                    f"{host} sent a web page (HTML), not a CSV file: perhaps a sign-in page. Use the export's "
                    "direct download address, or download the CSV and import the file."
                )
            declared = r.headers.get("content-length")
            total = int(declared) if declared and declared.isdigit() else None
            if total is not None and total > limit:
                raise RosterError(f"{host} offers {total:,} bytes; a roster CSV may be at most {limit:,}.")
            body = bytearray()
            for chunk in r.iter_content(64 * 1024):
                body += chunk
                if len(body) > limit:
                    raise RosterError(f"{host} sent more than {limit:,} bytes; a roster CSV may be at most that.")
                if progress:
                    progress(len(body), total)
            return bytes(body)
    except https_only.RedirectRefused as e:
        raise RosterError(
            f"Nothing was downloaded: {e}. Use the export's direct https address, or download the CSV and import "
            "the file; the previous roster is still in force."
        ) from None
    except requests.exceptions.SSLError:
        raise RosterError(
            f"The certificate of {host} could not be verified, so nothing was downloaded. Ask IT to check the "
            "address (or the organisation's certificate authority)."
        ) from None
    except requests.exceptions.Timeout:
        raise RosterError(
            f"{host} did not answer within {timeout:g} seconds. Check the address and your connection, then try "
            "again; the previous roster is still in force."
        ) from None
    except requests.exceptions.ConnectionError:
        raise RosterError(f"Could not connect to {host}. Check the address and your connection.") from None
    except requests.exceptions.RequestException as e:
        raise RosterError(f"Could not download the roster from {host} ({type(e).__name__}).") from None
