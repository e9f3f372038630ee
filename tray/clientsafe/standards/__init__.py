"""The organisation's Community Standards page, written from the policy (``community_standards``,
``organisation``, ``policy_links``) as Markdown or self-contained HTML, in English or Spanish. No Qt here: the
command line (cli/standards.py) and the tray window (ui/standards_window.py) both call :func:`generate`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clientsafe.standards import html_page, markdown
from clientsafe.standards.page import Page, StandardsError, build, default_language

FORMATS = ("md", "html")

__all__ = ["FORMATS", "Page", "StandardsError", "build", "default_language", "generate"]


def generate(values: Mapping[str, Any], fmt: str = "md", lang: str | None = None) -> str:
    """The page for policy ``values`` in ``fmt`` (md or html) and ``lang`` (en or es; default the policy's)."""
    if fmt not in FORMATS:
        raise StandardsError(f"Unknown format '{fmt}'. Choose md (Markdown) or html.")
    page = build(values, lang)
    return markdown.render(page) if fmt == "md" else html_page.render(page)
