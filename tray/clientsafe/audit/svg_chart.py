"""Two small bar charts as inline SVG text, for the audit report's single self-contained HTML page.

Hand-written on purpose: the page must open from a file:// path with nothing fetched, so the JavaScript chart
libraries (and their CDNs) are out; no SVG chart library is installed with the app (pygal and leather are
not dependencies), and matplotlib would add tens of megabytes to the frozen app for two kinds of bar. Bars
are rectangles and numbers, which is a few dozen lines.

Every label is escaped with ``html.escape`` (labels come from CSV files gathered from other machines, which
are untrusted), each chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>``, every bar
carries its number as text (readable printed in grey), and the colours have at least 4.5:1 contrast on white.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WARNING_COLOUR = "#1f4e79"  # dark blue, 8.6:1 on white
OVERRIDE_COLOUR = "#9c3d00"  # dark orange, 6.6:1 on white
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#8a8a8a"
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:13px"
MAX_LABEL = 30  # characters shown beside a bar; the data table beside the chart has the full label
MAX_BARS = 15  # the rest are in the data table


def _label(text: str) -> str:
    return escape(text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…")


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" style="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def horizontal_bars(chart_id: str, title: str, rows: Sequence[tuple[str, int]], unit: str = "warnings") -> str:
    """One bar per (label, value), longest first as given; at most MAX_BARS bars."""
    shown = list(rows)[:MAX_BARS]
    label_width, bar_width, row_height, top = 230, 380, 26, 8
    width = label_width + bar_width + 60
    height = top * 2 + row_height * max(len(shown), 1)
    largest = max((value for _, value in shown), default=0) or 1
    left = len(rows) - len(shown)
    description = "; ".join(f"{label}: {value} {unit}" for label, value in shown)
    if left:
        description += f"; and {left} more in the table"
    parts = [_open(chart_id, title, description, width, height)]
    for index, (label, value) in enumerate(shown):
        y = top + index * row_height
        length = round(bar_width * value / largest)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT_COLOUR}">{_label(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="{row_height - 8}" fill="{WARNING_COLOUR}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 17}" fill="{TEXT_COLOUR}">{value}</text>'
        )
    parts.append(f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - top}" stroke="{GRID_COLOUR}"/>')
    parts.append("</svg>")
    return "".join(parts)


def weekly_columns(chart_id: str, title: str, weeks: Sequence[tuple[str, int, int]]) -> str:
    """Two columns per week (warnings, overrides), weeks left to right, with a legend and a scale."""
    width, height = 720, 300
    left, right, top, bottom = 48, 12, 34, 56
    plot_width, plot_height = width - left - right, height - top - bottom
    largest = max((max(w, o) for _, w, o in weeks), default=0) or 1
    slot = plot_width / max(len(weeks), 1)
    column = max(min(slot * 0.38, 28), 1.0)
    # Label every week when they fit, else every 2nd, 4th ... so the dates stay readable.
    every = 1
    while len(weeks) / every > 16:
        every *= 2
    description = "; ".join(f"{week}: {w} warnings, {o} overrides" for week, w, o in weeks)
    parts = [_open(chart_id, title, description, width, height)]
    parts.append(_legend(left, 14))
    base = top + plot_height
    for tick in _ticks(largest):
        y = base - plot_height * tick / largest
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
            f'stroke-width="0.5"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{tick}</text>'
        )
    for index, (week, warnings, overrides) in enumerate(weeks):
        x = left + index * slot + slot / 2
        for offset, value, colour in ((-column, warnings, WARNING_COLOUR), (0, overrides, OVERRIDE_COLOUR)):
            tall = plot_height * value / largest
            parts.append(
                f'<rect x="{x + offset:.1f}" y="{base - tall:.1f}" width="{column:.1f}" height="{tall:.1f}" '
                f'fill="{colour}"/>'
            )
            if len(weeks) <= 20 and value:
                parts.append(
                    f'<text x="{x + offset + column / 2:.1f}" y="{base - tall - 3:.1f}" text-anchor="middle" '
                    f'font-size="11" fill="{TEXT_COLOUR}">{value}</text>'
                )
        if index % every == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle" font-size="11" '
                f'fill="{TEXT_COLOUR}">{escape(week)}</text>'
            )
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{TEXT_COLOUR}"/>')
    parts.append(
        f'<text x="{left + plot_width / 2:.0f}" y="{height - 12}" text-anchor="middle" fill="{TEXT_COLOUR}">'
        "ISO week (UTC)</text></svg>"
    )
    return "".join(parts)


def _legend(x: int, y: int) -> str:
    return (
        f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{WARNING_COLOUR}"/>'
        f'<text x="{x + 18}" y="{y}" fill="{TEXT_COLOUR}">Warnings shown</text>'
        f'<rect x="{x + 150}" y="{y - 10}" width="12" height="12" fill="{OVERRIDE_COLOUR}"/>'
        f'<text x="{x + 168}" y="{y}" fill="{TEXT_COLOUR}">Posted or sent anyway (overrides)</text>'
    )


def _ticks(largest: int) -> list[int]:
    """0 and up to four round steps to the largest value (1, 2, 5, 10, 20, 50 ...)."""
    step = 1
    while largest / step > 4:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if largest / step <= 4:
                break
    return list(range(0, largest + 1, step))
