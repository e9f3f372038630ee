"""Override reasons are checked like a post, and every span the checker found is replaced before storing.

"Jaylen's mum said it was fine" is stored as "[PERSON]'s [FAMILY] said it was fine": the privacy officer
still learns why the post went, the audit does not become a second copy of the client's details.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Protocol

log = logging.getLogger("clientsafe.audit")

NOT_CHECKED = "[reason not stored: it could not be checked]"


class _Span(Protocol):
    start: int
    end: int
    type: str


def redact(text: str, spans: Iterable[_Span]) -> str:
    """Replace each span (UTF-16 offsets, as the checker reports them) with ``[TYPE]``; overlaps merge."""
    units = text.encode("utf-16-le", "surrogatepass")
    merged: list[list[Any]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end, span.type])
    out = bytearray()
    position = 0
    for start, end, kind in merged:
        out += units[position * 2 : start * 2] + f"[{kind}]".encode("utf-16-le")
        position = end
    out += units[position * 2 :]
    return out.decode("utf-16-le", "surrogatepass")


def redact_reason(checker: Any, reason: str | None) -> str | None:
    """The reason with every finding replaced; a fixed note if the checker fails (never the raw text)."""
    if reason is None or not reason.strip():
        return None
    try:
        verdict = checker.check(reason, account="personal")
    except Exception as e:
        log.error("override reason could not be checked (%s); not stored", type(e).__name__)
        return NOT_CHECKED
    return redact(reason, verdict.findings)
