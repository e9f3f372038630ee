"""Marks a string for the translation catalogue where it is written, without Qt (``state.py`` stays Qt-free); it
is translated where it is shown, with ``clientsafe.ui.translate.translate(context, text)``."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
