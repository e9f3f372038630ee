"""Our own package data (lexicons, rules.json, reasons.json) and every submodule, including the ones that
arrive with other branches (policy, audit, ui), so a merge needs no change here."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("clientsafe", includes=["**/*.txt", "**/*.json"])
hiddenimports = collect_submodules("clientsafe")
