"""Render a verdict for a person at a terminal: the post with risky phrases marked, then the reasons."""

from __future__ import annotations

import os
import sys
import textwrap

from clientsafe.checker.normalise import index_from_utf16
from clientsafe.checker.verdict import Verdict, apply_suggestions, still_to_edit

_HEADLINE = {
    "allow": "OK to post: nothing here looks like client information.",
    "warn": "Check before posting: this may identify someone you serve.",
    "block": "Hold this post: it would breach client confidentiality.",
    "error": "Could not check this post.",
}
_COLOUR = {"allow": "32", "warn": "33", "block": "31", "error": "35"}


def use_colour(stream=sys.stdout) -> bool:  # type: ignore[no-untyped-def]
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def render(text: str, verdict: Verdict, colour: bool = False) -> str:
    def paint(code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if colour else s

    lines = [paint("1;" + _COLOUR[verdict.action], f"{verdict.action.upper()}: {_HEADLINE[verdict.action]}")]
    marked = _mark(text, verdict, colour)
    if marked is not None:
        lines += ["", textwrap.indent(marked, "  ")]
    for n, reason in enumerate(verdict.reasons, 1):
        message = textwrap.fill(reason.message, 100, initial_indent=f"{n}. ", subsequent_indent="   ")
        lines += ["", message, f"   Policy: {reason.policy_ref}"]
        if reason.example:
            lines.append(textwrap.fill(reason.example, 100, initial_indent="   ", subsequent_indent="   "))
    if verdict.suggestions:
        rewrite = apply_suggestions(text, verdict)
        lines += ["", "Suggested rewrite:", textwrap.indent(rewrite, "  ")]
    elif still := still_to_edit(verdict):
        lines += ["", textwrap.fill(still, 100)]
    lines += ["", paint("2", f"({verdict.engine.get('ms', '?')} ms)")]
    return "\n".join(lines)


def highlight_spans(text: str, verdict: Verdict) -> list[tuple[int, int]]:
    """The phrases to mark, as merged Python string ranges (the tray's Check a draft window marks the same)."""
    return _spans(text, verdict)


def _spans(text: str, verdict: Verdict) -> list[tuple[int, int]]:
    spans = sorted(
        (index_from_utf16(text, f.start), index_from_utf16(text, f.end))
        for f in verdict.findings
        if f.category in {"identifier", "relationship", "sensitive", "youth"}
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _mark(text: str, verdict: Verdict, colour: bool) -> str | None:
    if verdict.action == "allow" or not text.strip():
        return None
    out, pos = [], 0
    for s, e in _spans(text, verdict):
        out.append(text[pos:s])
        out.append(f"\033[7m{text[s:e]}\033[0m" if colour else f"[[{text[s:e]}]]")
        pos = e
    out.append(text[pos:])
    return "".join(out)
