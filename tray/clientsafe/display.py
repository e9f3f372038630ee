"""Render a verdict for a person at a terminal: the post with risky phrases marked, then the reasons.

The words are the Explanation's (checker/explain.py), the same the tray and the browser show; this file only lays
them out as text.
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any

from clientsafe.checker.explain import HEADLINES, Explanation, explain, marked_spans
from clientsafe.checker.verdict import Verdict

# Kept for callers that read the English headlines directly.
_HEADLINE = HEADLINES["en"]
_COLOUR = {"allow": "32", "warn": "33", "block": "31", "error": "35"}
# The labels this layout adds around the Explanation's words.
_LABELS = {
    "en": {"policy": "Policy", "rewrite": "Suggested rewrite:"},
    "es": {"policy": "Política", "rewrite": "Versión sugerida:"},
}


def use_colour(stream=sys.stdout) -> bool:  # type: ignore[no-untyped-def]
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def reason_lines(explanation: Explanation) -> list[str]:
    """Each reason as the terminal shows it: number and title, message, example, policy section (and link)."""
    labels = _LABELS[explanation.lang]
    lines: list[str] = []
    for n, reason in enumerate(explanation.reasons, 1):
        lines.append("")
        lines.append(f"{n}. {reason.title}" if reason.title else f"{n}.")
        lines.append(textwrap.fill(reason.message, 100, initial_indent="   ", subsequent_indent="   "))
        if reason.example:
            lines.append(textwrap.fill(reason.example, 100, initial_indent="   ", subsequent_indent="   "))
        if reason.policy:
            link = f" <{reason.policy.url}>" if reason.policy.url else ""
            lines.append(f"   {labels['policy']}: {reason.policy.title}{link}")
    return lines


def render(text: str, verdict: Verdict, colour: bool = False, policy: Any = None, lang: str | None = None) -> str:
    def paint(code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if colour else s

    shown = explain(verdict, text, policy, lang)
    lines = [paint("1;" + _COLOUR[shown.action], shown.banner)]
    if shown.spans:
        lines += ["", textwrap.indent(_mark(text, shown.spans, colour), "  ")]
    lines += reason_lines(shown)
    if shown.rewrite:
        lines += ["", _LABELS[shown.lang]["rewrite"], textwrap.indent(shown.rewrite, "  ")]
    elif shown.still_to_edit:
        lines += ["", textwrap.fill(shown.still_to_edit, 100)]
    lines += ["", paint("2", f"({verdict.engine.get('ms', '?')} ms)")]
    return "\n".join(lines)


def highlight_spans(text: str, verdict: Verdict) -> list[tuple[int, int]]:
    """The phrases to mark, as merged Python string ranges (the tray's Check a draft window marks the same)."""
    return marked_spans(text, verdict)


def _mark(text: str, spans: tuple[tuple[int, int], ...], colour: bool) -> str:
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s])
        out.append(f"\033[7m{text[s:e]}\033[0m" if colour else f"[[{text[s:e]}]]")
        pos = e
    out.append(text[pos:])
    return "".join(out)
