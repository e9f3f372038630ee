"""The IT-managed settings the operating system keeps: Group Policy/Intune registry values on Windows, a
configuration profile's managed preferences on macOS. One more IT layer in the store, beside the system file.

Windows: ``HKLM\\Software\\Policies\\ClientSafe`` as ClientSafe.admx writes it (``managed_types.py`` says how each
setting is stored). macOS: ``/Library/Managed Preferences/org.clientsafe.ClientSafe.plist``, which MDM writes from
a profile payload of type ``org.clientsafe.ClientSafe``. ``CLIENTSAFE_MANAGED_PREFERENCES`` names a plist to read
instead, on any OS (tests, and IT trying a profile out), the way ``CLIENTSAFE_SYSTEM_POLICY`` does for the file.

Each value is decoded to its declared type and validated with the same schema as a policy file; a value that
does not fit is reported by name and left out, the others still apply (``ManagedLayer.rejected``).
"""

from __future__ import annotations

import plistlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clientsafe.policy import locations
from clientsafe.policy.declaration import BY_NAME, META_KEYS
from clientsafe.policy.files import MAX_POLICY_BYTES, too_large, unreadable
from clientsafe.policy.managed_types import (
    DecodeError,
    from_plist,
    from_registry,
    list_from_registry,
    storage_for,
)
from clientsafe.policy.schema import validate
from clientsafe.said_parts import joined
from clientsafe.say import reason, said

SOURCE = "managed"
SOURCE_NAME = said("OS-managed policy")  # Group Policy / Intune on Windows, a configuration profile on macOS

# A key's values: name -> (data, REG_ type), as winreg.EnumValue gives them. None: the key does not exist.
RegistryValues = dict[str, tuple[Any, int]]
ReadKey = Callable[[str], RegistryValues | None]


class ManagedLayerError(Exception):
    """The managed settings exist but cannot be read at all; ``where`` names the registry key or plist."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(said("{where}: {problem}", where=where, problem=problem))
        self.where = where


@dataclass
class ManagedLayer:
    where: str  # the registry key or plist, as shown to IT
    document: dict[str, Any] = field(default_factory=dict)  # the values that decoded and validated
    rejected: dict[str, str] = field(default_factory=dict)  # setting -> why it was left out (names it)
    unknown: list[str] = field(default_factory=list)  # names that are no ClientSafe setting


def _check(layer: ManagedLayer, name: str, value: Any) -> None:
    problems = validate({name: value})
    if problems:
        layer.rejected[name] = said("{where}: {problems}", where=layer.where, problems=joined(problems))
    else:
        layer.document[name] = value


def _unknown(layer: ManagedLayer, name: str) -> None:
    layer.unknown.append(
        said(
            "{where}: {name} is not a ClientSafe setting; ignored (docs/managed-settings.md lists them)",
            where=layer.where,
            name=name,
        )
    )


def read_registry(read_key: ReadKey, key: str = locations.REGISTRY_KEY) -> ManagedLayer | None:
    """The settings under HKLM\\``key``; None when the key does not exist. ``read_key`` reads one key."""
    where = f"HKLM\\{key}"
    try:
        values = read_key(key)
        if values is None:
            return None
        layer = ManagedLayer(where)
        for setting in BY_NAME.values():
            storage = storage_for(setting.name, setting.schema)
            if storage.kind == "list":
                entries = read_key(f"{key}\\{setting.name}")
                if entries and any(n.isdigit() for n in entries):
                    try:
                        _check(layer, setting.name, list_from_registry(entries))
                    except DecodeError as e:
                        layer.rejected[setting.name] = said(
                            "{where}\\{name}: {problem}", where=where, name=setting.name, problem=reason(e)
                        )
                    continue
                # An empty subkey is what "Disabled" leaves behind: not configured, like any disabled policy.
            if setting.name in values:
                data, reg_type = values[setting.name]
                try:
                    _check(layer, setting.name, from_registry(storage, data, reg_type))
                except DecodeError as e:
                    layer.rejected[setting.name] = said(
                        "{where}\\{name} {problem}", where=where, name=setting.name, problem=reason(e)
                    )
    except OSError as e:
        raise ManagedLayerError(where, unreadable(e.strerror or e)) from None
    for name in values:
        if name and name not in BY_NAME:
            _unknown(layer, name)
    return layer


def read_plist(path: Path) -> ManagedLayer | None:
    """The settings in a managed-preferences plist; None when there is none."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ManagedLayerError(str(path), unreadable(e.strerror)) from None
    if len(raw) > MAX_POLICY_BYTES:
        raise ManagedLayerError(str(path), too_large())
    try:
        data = plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as e:
        problem = said("is not a readable property list ({error}): reinstall the profile", error=str(e))
        raise ManagedLayerError(str(path), problem) from None
    if not isinstance(data, dict):
        raise ManagedLayerError(str(path), said("must hold a dictionary of settings: reinstall the profile"))
    layer = ManagedLayer(str(path))
    for name, value in data.items():
        setting = BY_NAME.get(name)
        if setting is None:
            # Payload* keys belong to the profile itself; some MDMs copy them into the preferences.
            if name not in META_KEYS and not name.startswith("Payload"):
                _unknown(layer, name)
            continue
        try:
            _check(layer, name, from_plist(storage_for(name, setting.schema), value))
        except DecodeError as e:
            layer.rejected[name] = said("{where}: field {name} {problem}", where=path, name=name, problem=reason(e))
    return layer


def system_registry() -> ReadKey | None:
    """A reader of HKEY_LOCAL_MACHINE on Windows (64-bit view, where Group Policy writes); None elsewhere."""
    if sys.platform == "win32":
        import winreg

        def read_key(path: str) -> RegistryValues | None:
            try:
                handle = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
            except FileNotFoundError:
                return None
            values: RegistryValues = {}
            with handle:
                index = 0
                while True:
                    try:
                        name, data, reg_type = winreg.EnumValue(handle, index)
                    except OSError:  # ERROR_NO_MORE_ITEMS: every value read
                        return values
                    values[name] = (data, reg_type)
                    index += 1

        return read_key
    return None


def read_managed() -> ManagedLayer | None:
    """This machine's OS-managed ClientSafe settings (see the module docstring for where), or None."""
    plist = locations.managed_preferences_path()
    if plist is not None:
        return read_plist(plist)
    registry = system_registry()
    return read_registry(registry) if registry is not None else None
