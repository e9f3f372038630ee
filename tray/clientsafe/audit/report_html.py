"""``clientsafe audit report``, the drawing half: a ``report.Summary`` as one self-contained HTML page.

The page opens from a file:// path and fetches nothing: CSS and SVG are inline, there are no fonts, images,
links or external scripts, and a Content-Security-Policy forbids loading anything (``default-src 'none'``) so a
mistake here could not make it phone home either. The one script (open every table before printing) is
allowed by its hash, not by ``'unsafe-inline'``, so a value that slipped past escaping still could not run.

Every value that came from the audit or a CSV goes through ``html.escape``: a CSV from another machine is
untrusted, and a site named ``<script>`` must show as that text. English only: the CLI has no language switch.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Sequence
from html import escape

from clientsafe.audit import svg_chart
from clientsafe.audit.report import Input, Summary, Tally

NEVER_CONTAINS = (
    "What this report never shows: the audit never contains the text of a post, and no names of clients or staff "
    "(an override reason is kept only with names and details replaced by their type, such as [PERSON], and this "
    "report leaves reasons out). It holds codes and choices: the site, the account type (personal or "
    "organisation), the rule codes shown and what the person then did. Machines appear as random ids that name "
    "neither the computer nor the person."
)
NO_TRAINING = "No practice rounds recorded yet."
NO_WARNINGS = "No warnings recorded in this period."

# Opens every data table before printing, so a printed report has the numbers too.
_PRINT_SCRIPT = (
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true;});});"
)
_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;
  max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #8a8a8a}
.meta{color:#3d3d3d}
.headline{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;margin:1rem 0}
.headline div{border:1px solid #8a8a8a;border-radius:.4rem;padding:.5rem .9rem;min-width:8rem}
.headline dt{font-size:.85rem;color:#3d3d3d} .headline dd{margin:0;font-size:1.6rem;font-weight:600}
.note{background:#eef3f8;border-left:4px solid #1f4e79;padding:.6rem .9rem}
.empty{font-style:italic;color:#3d3d3d}
.chart{width:100%;height:auto;max-width:46rem}
table{border-collapse:collapse;margin:.5rem 0} th,td{border:1px solid #8a8a8a;padding:.2rem .6rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
summary{cursor:pointer;color:#1f4e79}
.skipped{color:#7a2e00}
@media print{body{max-width:none;padding:0} section{break-inside:avoid}
  .chart rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""


def render(summary: Summary, inputs: Sequence[Input], generated: dt.datetime, since: dt.datetime | None) -> str:
    """The whole page as text."""
    script_hash = base64.b64encode(hashlib.sha256(_PRINT_SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    body = "".join(
        (
            _header(summary, generated, since),
            _headline(summary),
            f'<p class="note">{escape(NEVER_CONTAINS)}</p>',
            _weeks(summary),
            _breakdown("sites", "By site", "Site", summary.sites),
            _breakdown("rules", "By rule", "Rule code", summary.rules),
            _breakdown("accounts", "By account type", "Account type", summary.accounts),
            _training(summary),
            _inputs(summary, inputs),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ClientSafe audit report</title><style>{_CSS}</style>"
        f"<script>{_PRINT_SCRIPT}</script></head>\n<body><main>{body}</main></body></html>\n"
    )


def _day(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d") if moment else "-"


def _rate(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0%}"


def _header(summary: Summary, generated: dt.datetime, since: dt.datetime | None) -> str:
    if summary.first is None:
        span = "No events in this period."
    else:
        span = f"Events from {_day(summary.first)} to {_day(summary.last)} (UTC)."
    if since is not None:
        span += f" Only events since {escape(since.isoformat(timespec='minutes'))} are counted."
    return (
        "<header><h1>ClientSafe audit report</h1>"
        f'<p class="meta">{span} Made {escape(generated.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"))} UTC.</p>'
        "</header>"
    )


def _headline(summary: Summary) -> str:
    figures = (
        ("machines", "Machines", str(summary.machines)),
        ("events", "Events", str(summary.events)),
        ("warnings", "Warnings shown", str(summary.warnings)),
        ("overrides", "Posted or sent anyway", str(summary.overrides)),
        ("override-rate", "Override rate", _rate(summary.override_rate)),
    )
    cells = "".join(f'<div id="headline-{key}"><dt>{name}</dt><dd>{value}</dd></div>' for key, name, value in figures)
    coverage = (
        f"<p>Also: {summary.coverage_gaps} times a site's page was not fully recognised (the site has probably "
        "changed; ClientSafe needs an adapter update).</p>"
        if summary.coverage_gaps
        else ""
    )
    heading = '<h2 id="h-headline">In numbers</h2>'
    return f'<section aria-labelledby="h-headline">{heading}<dl class="headline">{cells}</dl>{coverage}</section>'


def _table(table_id: str, caption: str, head: Sequence[str], rows: Sequence[Sequence[str | int]]) -> str:
    """The numbers behind a chart, in a <details> beside it (screen readers, printing, copying)."""
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    lines = "".join(
        "<tr>"
        + "".join(f'<td class="n">{cell}</td>' if isinstance(cell, int) else f"<td>{escape(cell)}</td>" for cell in row)
        + "</tr>"
        for row in rows
    )
    return (
        f"<details><summary>The numbers: {escape(caption)}</summary>"
        f'<table id="{table_id}"><caption>{escape(caption)}</caption><thead><tr>{header}</tr></thead>'
        f"<tbody>{lines}</tbody></table></details>"
    )


def _tally_rows(tallies: Sequence[Tally]) -> list[list[str | int]]:
    return [[t.label, t.warnings, t.overrides, _rate(t.override_rate)] for t in tallies]


def _weeks(summary: Summary) -> str:
    title = "Warnings and overrides per week"
    section = f'<section aria-labelledby="h-weeks"><h2 id="h-weeks">{title}</h2>'
    if not summary.weeks:
        return section + f'<p class="empty">{NO_WARNINGS}</p></section>'
    chart = svg_chart.weekly_columns("chart-weeks", title, [(t.label, t.warnings, t.overrides) for t in summary.weeks])
    head = ("ISO week", "Warnings shown", "Overrides", "Override rate")
    return section + chart + _table("table-weeks", title, head, _tally_rows(summary.weeks)) + "</section>"


def _breakdown(key: str, title: str, column: str, tallies: Sequence[Tally]) -> str:
    section = f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">Warnings {title.lower()}</h2>'
    if not tallies:
        return section + f'<p class="empty">{NO_WARNINGS}</p></section>'
    chart = svg_chart.horizontal_bars(
        f"chart-{key}", f"Warnings shown {title.lower()}", [(t.label, t.warnings) for t in tallies]
    )
    head = (column, "Warnings shown", "Overrides", "Override rate")
    return section + chart + _table(f"table-{key}", f"{title}", head, _tally_rows(tallies)) + "</section>"


def _training(summary: Summary) -> str:
    section = '<section aria-labelledby="h-training"><h2 id="h-training">Practice rounds</h2>'
    if not summary.training:
        return section + (
            f'<p class="empty" id="training-empty">{NO_TRAINING} When ClientSafe records practice rounds, this '
            "shows which machines completed one, when, and the score.</p></section>"
        )
    done = len(summary.training)
    waiting = max(summary.machines - done, 0)
    chart = svg_chart.horizontal_bars(
        "chart-training",
        "Machines that completed a practice round",
        [("Completed a round", done), ("Not yet", waiting)],
        unit="machines",
    )
    rows: list[list[str | int]] = [[c.who, c.rounds, _day(c.latest), c.score or "-"] for c in summary.training]
    table = _table(
        "table-training", "Practice rounds per machine", ("Machine", "Rounds", "Latest", "Latest score"), rows
    )
    return (
        section
        + f"<p>{done} of {summary.machines} machines completed a practice round.</p>"
        + chart
        + table
        + "</section>"
    )


def _inputs(summary: Summary, inputs: Sequence[Input]) -> str:
    items = []
    for found in inputs:
        note = found.skipped_note()
        skipped = f' <span class="skipped">{escape(note)}</span>' if note else ""
        items.append(f"<li>{escape(found.name)}: {len(found.events)} events.{skipped}</li>")
    duplicates = (
        f"<p>{summary.duplicates} events appeared in more than one file and were counted once.</p>"
        if summary.duplicates
        else ""
    )
    listed = f"<ul>{''.join(items)}</ul>" if items else '<p class="empty">No audit was read.</p>'
    heading = '<h2 id="h-inputs">Where the numbers come from</h2>'
    return f'<section aria-labelledby="h-inputs">{heading}{listed}{duplicates}</section>'
