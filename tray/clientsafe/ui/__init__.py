"""The tray app: all Qt code lives in this package (and only ``ui/qt.py`` imports PySide6)."""
