"""The Windows version resource of clientsafe.exe and clientsafe-tray.exe (packaging/clientsafe.spec passes it to
PyInstaller on Windows).

Without one, Explorer's Details tab and Intune's file-version detection rule see no version at all; with it, an
Intune Win32 app can be detected by `C:\\Program Files\\ClientSafe\\clientsafe.exe` with a version "greater than or
equal to" the release (docs/it-deployment.md). Written as PyInstaller's version-file text (what
`pyi-grab_version` prints), because its VSVersionInfo classes import pefile, which only Windows builds install.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from build_installer import msi_version


def file_version(version: str) -> tuple[int, int, int, int]:
    """0.1.0 -> (0, 1, 0, 0); 1.2.3.dev4 -> (1, 2, 3, 0): the same numbers as the MSI's ProductVersion."""
    numbers = [int(part) for part in msi_version(version).split(".")] + [0, 0, 0]
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str) -> str:
    numbers = file_version(version)
    strings = {
        "CompanyName": "ClientSafe",
        "FileDescription": "ClientSafe: warns staff before a post breaches client confidentiality",
        "FileVersion": version,
        "ProductName": "ClientSafe",
        "ProductVersion": version,
    }
    structs = ", ".join(f"StringStruct({name!r}, {value!r})" for name, value in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        f"  kids=[StringFileInfo([StringTable('040904B0', [{structs}])]),\n"
        "        VarFileInfo([VarStruct('Translation', [1033, 1200])])]\n"  # US English, Unicode
        ")\n"
    )


def write(version: str, folder: str | Path) -> Path:
    """version-info.txt in `folder` (PyInstaller's work folder), for EXE(version=...)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = Path(folder) / "version-info.txt"
    path.write_text(version_file_text(version), encoding="utf-8")
    return path
