"""Our own package data (lexicons, rules.json, reasons.json, the learned layer's risk_model.npz, the tray's
compiled translations ui/translations/*.qm) and every submodule, including the ones that arrive with other
branches (policy, audit, ui), so a merge needs no change."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("clientsafe", includes=["**/*.txt", "**/*.json", "**/*.npz", "**/*.qm"])
hiddenimports = collect_submodules("clientsafe")
