"""IT's templates for the OS-managed settings, generated from the policy declaration and the extension's schema.

``write_templates(folder, extension_id)`` writes:

  ClientSafe.admx, en-US/ClientSafe.adml, es-ES/ClientSafe.adml   the app's settings (the ClientSafe policy key)
  ClientSafeChrome.admx, ClientSafeEdge.admx, and their ADML      the extension's managed settings in Chrome and
                                                                   Edge (only with an extension ID: the registry
                                                                   key names it)
  ClientSafe.mobileconfig                                          a macOS profile with every setting

``clientsafe policy templates --out DIR`` runs it; docs/managed-settings.md tells IT what to do with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clientsafe.policy.templates import admx, mobileconfig
from clientsafe.policy.templates.catalogue import TemplateError, app_entries, extension_entries
from clientsafe.policy.templates.texts import LANGUAGES

__all__ = ["TemplateError", "templates", "write_templates"]

APP_NAMESPACE = ("clientsafe", "ClientSafe.Policies.ClientSafe")
# One ADMX per browser: Intune's ADMX import refuses a file that writes anywhere it does not allow (Edge's key is
# under Software\\Policies\\Microsoft), and a refused Edge file must not take Chrome's settings down with it.
BROWSERS = ("Chrome", "Edge")


def templates(extension_id: str | None = None, values: dict[str, Any] | None = None) -> dict[str, bytes]:
    """Every template file, by its path relative to the output folder. ``values``: the profile's values."""
    app = app_entries()
    files = {"ClientSafe.admx": admx.to_bytes(admx.admx(app, *APP_NAMESPACE))}
    for language in LANGUAGES:
        files[f"{language}/ClientSafe.adml"] = admx.to_bytes(admx.adml(app, language, "app_name", "app_description"))
    payloads = [mobileconfig.settings_payload(app, values)]
    if extension_id is not None:
        extension = extension_entries(extension_id)
        for browser in BROWSERS:
            entries = [e for e in extension if e.category == f"Extension{browser}"]
            namespace = (f"clientsafe{browser.lower()}", f"ClientSafe.Policies.{browser}")
            files[f"ClientSafe{browser}.admx"] = admx.to_bytes(admx.admx(entries, *namespace))
            for language in LANGUAGES:
                files[f"{language}/ClientSafe{browser}.adml"] = admx.to_bytes(
                    admx.adml(entries, language, f"{browser}_name", f"{browser}_description")
                )
        payloads += mobileconfig.extension_payloads(extension_id, extension)
    files["ClientSafe.mobileconfig"] = mobileconfig.to_bytes(mobileconfig.profile(payloads))
    return files


def write_templates(folder: Path, extension_id: str | None = None) -> list[Path]:
    """Write the templates into ``folder`` (made if missing); TemplateError says why it could not."""
    files = templates(extension_id)
    if folder.exists() and not folder.is_dir():
        raise TemplateError(f"{folder} is a file, not a folder. Give --out a folder (it is made if missing).")
    written = []
    for relative, data in files.items():
        path = folder / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as e:
            raise TemplateError(
                f"{path.parent}: cannot write the templates there ({e.strerror or e}). "
                "Choose a folder you can write to with --out."
            ) from None
        written.append(path)
    return written
