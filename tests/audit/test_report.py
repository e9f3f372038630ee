"""``clientsafe audit report`` as the privacy officer of a small organisation meets it: events recorded through
the store, the command run, and the page read back with ``html.parser`` (the numbers in its tables, its charts'
names, what it links to). Expected numbers are computed here from the events the test recorded."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import os
import random
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clientsafe.audit import AuditEvent, AuditStore
from clientsafe.audit.csv_export import HEADER
from clientsafe.cli import main

DAY = 86400
ROOT = Path(__file__).resolve().parents[2]
OVERRIDE_CHOICES = {"posted_anyway", "request_sent_anyway"}
SITES = ("facebook", "instagram", "x")
RULES = ("CLIENT_HEALTH_DETAIL", "MINOR_FEATURED", "CLIENT_LOCATION")
ACCOUNTS = ("personal", "org")


class Page(HTMLParser):
    """What a test needs from the page: tables by id, text by id, every attribute, every element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.by_id: dict[str, str] = {}  # each element's text, its pieces joined by spaces
        self.attributes: list[tuple[str, str, str]] = []
        self.elements: Counter[str] = Counter()
        self.text_parts: list[str] = []
        self._open_ids: list[tuple[str, str, int]] = []  # (id, tag, depth)
        self._depth = 0
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)
        self.close()
        self.text = " ".join(" ".join(self.text_parts).split())

    def handle_starttag(self, tag, attrs):
        self.elements[tag] += 1
        values = dict(attrs)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag not in ("meta", "br", "rect", "line", "input", "link", "img"):
            self._depth += 1
            if "id" in values:
                self._open_ids.append((values["id"], tag, self._depth))
                self.by_id[values["id"]] = ""
        if tag == "table":
            self._table = values.get("id", "")
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        if tag not in ("meta", "br", "rect", "line", "input", "link", "img"):
            while self._open_ids and self._open_ids[-1][2] >= self._depth:
                self._open_ids.pop()
            self._depth -= 1

    def handle_data(self, data):
        self.text_parts.append(data)
        if self._cell is not None:
            self._cell.append(data)
        for element_id, _tag, _depth in self._open_ids:
            self.by_id[element_id] += " " + data

    def rows(self, table_id: str) -> dict[str, list[str]]:
        """A data table's body as {first cell: the other cells}."""
        return {row[0]: row[1:] for row in self.tables[table_id][1:]}

    def figure(self, key: str) -> str:
        """A headline number, e.g. figure("events") -> "12"."""
        return " ".join(self.by_id[f"headline-{key}"].split()).split(" ")[-1]


def report(tmp_path: Path, *args: str, out: Path | None = None) -> tuple[int, Path]:
    out = out or tmp_path / "report.html"
    return main(["audit", "report", *args, "--out", str(out)]), out


def week(moment: float) -> str:
    year, number, _ = dt.datetime.fromtimestamp(moment, dt.UTC).isocalendar()
    return f"{year}-W{number:02d}"


def recorded(path: Path, seed: int, count: int, quiet_week: bool = False) -> list[AuditEvent]:
    """Checks and decisions over six weeks, all fields drawn at random, written through the store's API."""
    rng = random.Random(seed)
    now = time.time()
    events = []
    for _ in range(count):
        ago = rng.uniform(0, 42) * DAY
        if quiet_week and 14 * DAY <= ago < 28 * DAY:
            ago += 14 * DAY  # nothing at all two to four weeks ago: at least one whole ISO week stays empty
        fields = {
            "site": rng.choice(SITES),
            "account": rng.choice(ACCOUNTS),
            "action": rng.choice(("warn", "block")),
            "rule_codes": tuple(rng.sample(RULES, rng.randint(1, 2))),
            "time": now - ago,
        }
        if rng.random() < 0.4:
            choice = rng.choice(("edited", "cancelled", "posted_anyway", "request_sent_anyway", "applied_suggestions"))
            events.append(AuditEvent("decision", choice=choice, **fields))
        else:
            events.append(AuditEvent("check", **fields))
    with AuditStore(path, retention_days=0) as store:
        for event in events:
            assert store.record(event).accepted
        assert store.flush()
    return events


def tallies(events: list[AuditEvent], key) -> dict[str, list[str]]:
    """What a table should say per key: [warnings, overrides, override rate]."""
    shown = Counter(k for e in events if e.kind == "check" for k in key(e))
    overridden = Counter(k for e in events if e.kind == "decision" and e.choice in OVERRIDE_CHOICES for k in key(e))
    return {
        k: [str(shown[k]), str(overridden[k]), f"{overridden[k] / shown[k]:.0%}" if shown[k] else "-"]
        for k in set(shown) | set(overridden)
    }


def export(database: Path, target: Path) -> Path:
    assert main(["audit", "export", "--database", str(database), "--since", "2000-01-01", "--out", str(target)]) == 0
    return target


def write_csv(path: Path, rows: list[dict[str, str]], header: tuple[str, ...] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def csv_row(**fields: str) -> dict[str, str]:
    base = {name: "" for name in HEADER}
    base.update(event_id=os.urandom(16).hex(), time="2026-11-24T18:05:34.120Z", kind="check", action="warn")
    base.update(fields)
    return base


def test_when_events_are_recorded_then_the_page_counts_them_per_week_site_rule_and_account(tmp_path, capsys):
    database = tmp_path / "audit.sqlite3"
    events = recorded(database, seed=14, count=120, quiet_week=True)

    code, out = report(tmp_path, "--database", str(database))

    assert code == 0, capsys.readouterr().err
    page = Page(out.read_text(encoding="utf-8"))
    warnings = [e for e in events if e.kind == "check"]
    overrides = [e for e in events if e.kind == "decision" and e.choice in OVERRIDE_CHOICES]
    assert page.figure("machines") == "1"
    assert page.figure("events") == str(len(events))
    assert page.figure("warnings") == str(len(warnings))
    assert page.figure("overrides") == str(len(overrides))
    assert page.figure("override-rate") == f"{len(overrides) / len(warnings):.0%}"

    weeks = page.rows("table-weeks")
    expected = tallies(events, lambda e: (week(e.time),))
    assert {w: cells for w, cells in weeks.items() if cells[:2] != ["0", "0"]} == expected
    # Quiet weeks are drawn as zero rather than left out, so the weeks run on without a gap.
    labels = list(weeks)
    mondays = [dt.datetime.strptime(label + "-1", "%G-W%V-%u") for label in labels]
    assert all(b - a == dt.timedelta(days=7) for a, b in itertools.pairwise(mondays))
    assert any(cells[:2] == ["0", "0"] for cells in weeks.values()), "the quiet week is missing"

    assert page.rows("table-sites") == tallies(events, lambda e: (e.site,))
    assert page.rows("table-rules") == tallies(events, lambda e: e.rule_codes)
    assert page.rows("table-accounts") == tallies(events, lambda e: (e.account,))
    # Each chart is an image named by its own title, with its numbers in a table beside it.
    assert page.elements["svg"] == 4 and page.elements["details"] == 4
    assert [v for tag, n, v in page.attributes if tag == "svg" and n == "role"] == ["img"] * 4
    for chart in ("chart-weeks", "chart-sites", "chart-rules", "chart-accounts"):
        assert page.by_id[f"{chart}-title"].strip(), f"{chart} has no title"
        assert ("svg", "aria-labelledby", f"{chart}-title {chart}-desc") in page.attributes


def test_since_leaves_earlier_events_out(tmp_path):
    database = tmp_path / "audit.sqlite3"
    events = recorded(database, seed=3, count=60)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)

    code, out = report(tmp_path, "--database", str(database), "--since", since.strftime("%Y-%m-%dT%H:%MZ"))

    assert code == 0
    kept = [e for e in events if e.time >= since.replace(second=0, microsecond=0).timestamp()]
    assert 0 < len(kept) < len(events)
    assert Page(out.read_text(encoding="utf-8")).figure("events") == str(len(kept))


def test_when_exports_from_two_machines_are_gathered_then_both_count_and_an_event_sent_twice_counts_once(tmp_path):
    first = recorded(tmp_path / "a.sqlite3", seed=1, count=30)
    second = recorded(tmp_path / "b.sqlite3", seed=2, count=45)
    a = export(tmp_path / "a.sqlite3", tmp_path / "laptop-a.csv")
    b = export(tmp_path / "b.sqlite3", tmp_path / "laptop-b.csv")
    again = tmp_path / "laptop-a-again.csv"  # the same machine's export handed in twice
    again.write_bytes(a.read_bytes())

    code, out = report(tmp_path, "--csv", str(a), "--csv", str(b), "--csv", str(again))

    assert code == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert page.figure("machines") == "2"
    assert page.figure("events") == str(len(first) + len(second))
    assert page.rows("table-sites") == tallies(first + second, lambda e: (e.site,))
    assert f"{len(first)} events appeared in more than one file" in page.text


def test_hostile_values_in_a_csv_from_another_machine_are_shown_as_text(tmp_path, capsys):
    script = "<script>alert('site')</script>"
    image = "<img/src=x/onerror=alert(1)>"
    hostile = write_csv(
        tmp_path / "hostile.csv",
        [
            csv_row(site=script, rule_codes=image, account='"><svg/onload=alert(2)>', source="<b>machine</b>"),
            csv_row(kind="decision", choice="posted_anyway", site=script, rule_codes=image),
        ],
    )

    code, out = report(tmp_path, "--csv", str(hostile))

    assert code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert page.elements["script"] == 1  # the page's own print helper, nothing from the file
    assert page.elements["img"] == 0 and page.elements["b"] == 0 and page.elements["svg"] == 4
    assert not [(tag, name) for tag, name, _ in page.attributes if name.startswith("on")]
    assert page.rows("table-sites") == {script: ["1", "1", "100%"]}
    assert image in page.rows("table-rules") and '"><svg/onload=alert(2)>' in page.rows("table-accounts")
    assert script in page.by_id["chart-sites"]  # the chart's own label, as text


def test_the_page_fetches_nothing_and_links_nowhere(tmp_path):
    database = tmp_path / "audit.sqlite3"
    recorded(database, seed=5, count=40)

    code, out = report(tmp_path, "--database", str(database))

    assert code == 0
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    linking = {"src", "href", "xlink:href", "action", "formaction", "srcset", "poster", "data"}
    assert [(tag, name, value) for tag, name, value in page.attributes if name in linking] == []
    assert "http:" not in text and "https:" not in text and "url(" not in text and "@import" not in text
    policy = next(v for tag, n, v in page.attributes if tag == "meta" and n == "content" and "default-src" in v)
    assert "default-src 'none'" in policy and "unsafe-inline'" not in policy.split("script-src")[1]


@pytest.mark.packaging  # Debian's Chromium: not in the Windows and macOS jobs, which run -m 'not packaging'
def test_chromium_opens_the_page_from_a_file_and_requests_nothing_else(tmp_path, browser_type):
    from tests.browser.conftest import CHROMIUM, chromium_args

    database = tmp_path / "audit.sqlite3"
    recorded(database, seed=7, count=150)
    assert report(tmp_path, "--database", str(database))[0] == 0
    out = tmp_path / "report.html"
    browser = browser_type.launch(executable_path=CHROMIUM, args=chromium_args())
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(out.as_uri())
        assert requests == [out.as_uri()] and errors == []
        assert page.locator("svg[role=img]").count() == 4
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator("details[open]").count() == 4  # printed, the tables are there too
        if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1":
            page.emulate_media(media="screen")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
            page.screenshot(path=str(ROOT / "docs" / "screenshots" / "audit-report.png"), full_page=True)
    finally:
        browser.close()


def test_when_a_csv_is_not_an_audit_export_then_it_says_which_columns_are_missing_and_writes_nothing(tmp_path, capsys):
    good = write_csv(tmp_path / "good.csv", [csv_row(site="facebook")])
    contacts = write_csv(
        tmp_path / "contacts.csv", [{"name": "A", "email": "a@example.org"}], ("name", "email", "site")
    )

    code, out = report(tmp_path, "--csv", str(good), "--csv", str(contacts))

    err = capsys.readouterr().err
    assert code == 3
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv", "good.csv"]
    assert str(contacts) in err and "not a ClientSafe audit export" in err
    missing = [name for name in HEADER if name not in ("name", "email", "site", "source")]
    assert all(name in err for name in missing) and "Nothing was written" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8"),
        (b"", "not a ClientSafe audit export"),
    ],
    ids=["an image", "an empty file"],
)
def test_when_a_file_is_not_text_or_empty_then_a_plain_error(tmp_path, capsys, content, says):
    strange = tmp_path / "strange.csv"
    strange.write_bytes(content)

    code, out = report(tmp_path, "--csv", str(strange))

    err = capsys.readouterr().err
    assert code == 3 and not out.exists()
    assert str(strange) in err and says in err


def test_when_a_named_csv_does_not_exist_then_a_plain_error(tmp_path, capsys):
    code, out = report(tmp_path, "--csv", str(tmp_path / "nowhere.csv"))

    err = capsys.readouterr().err
    assert code == 3 and not out.exists() and "nowhere.csv: no such file" in err


def test_bad_rows_are_skipped_counted_and_named_and_the_rest_is_reported(tmp_path, capsys):
    path = tmp_path / "x.csv"
    write_csv(
        path,
        [
            csv_row(site="facebook"),
            csv_row(site="x", time="last tuesday"),
            csv_row(site="x", kind="shrug"),
            csv_row(site="instagram"),
        ],
    )
    with path.open("a", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\r\n").writerow([*csv_row(site="x").values(), "extra", "cells"])

    code, out = report(tmp_path, "--csv", str(path))

    err = capsys.readouterr().err
    assert code == 0
    assert f"3 rows skipped in {path}" in err
    assert "line 3: time 'last tuesday'" in err and "line 4: unknown kind 'shrug'" in err and "line 6" in err
    page = Page(out.read_text(encoding="utf-8"))
    assert page.figure("events") == "2"
    assert set(page.rows("table-sites")) == {"facebook", "instagram"}
    assert f"3 rows skipped in {path}" in page.text


def test_a_stray_quote_that_swallows_the_rest_of_a_file_is_reported_not_silently_lost(tmp_path, capsys):
    events = recorded(tmp_path / "audit.sqlite3", seed=11, count=20)
    path = export(tmp_path / "audit.sqlite3", tmp_path / "edited.csv")
    with path.open(encoding="utf-8", newline="") as stream:
        lines = stream.read().split("\r\n")
    # Someone opened the file and typed a quote into the account cell of the third event (line 4).
    lines[3] = lines[3].replace(",personal,", ',"personal,', 1).replace(",org,", ',"org,', 1)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("\r\n".join(lines))
    capsys.readouterr()

    code, out = report(tmp_path, "--csv", str(path))

    err = capsys.readouterr().err
    assert code == 0
    assert f"1 row skipped in {path}: lines 4 to {len(events) + 1}: fewer cells than columns" in err
    assert Page(out.read_text(encoding="utf-8")).figure("events") == "2"


def test_when_there_is_no_audit_yet_the_page_still_builds_with_empty_states(tmp_path, capsys):
    code, out = report(tmp_path, "--database", str(tmp_path / "none.sqlite3"))

    assert code == 0
    assert "no audit at" in capsys.readouterr().err
    page = Page(out.read_text(encoding="utf-8"))
    assert page.figure("events") == "0" and page.figure("machines") == "0" and page.figure("override-rate") == "-"
    assert page.elements["svg"] == 0 and page.tables == {}
    assert page.text.count("No warnings recorded in this period.") == 4
    assert "No practice rounds recorded yet" in page.by_id["training-empty"]
    assert "never contains the text of a post" in page.text


def test_practice_rounds_are_counted_per_machine_with_when_and_score(tmp_path):
    header = (*HEADER, "score")
    rows = [
        csv_row(kind="training_completed", source="aaaa000011112222", time="2026-11-02T09:00:00.000Z", score="7"),
        csv_row(kind="training_completed", source="aaaa000011112222", time="2026-11-20T09:00:00.000Z", score="9"),
        csv_row(kind="training_completed", source="bbbb000011112222", time="2026-11-10T09:00:00.000Z", score="8"),
        csv_row(site="facebook", source="cccc000011112222"),
    ]
    path = write_csv(tmp_path / "three.csv", rows, header)

    code, out = report(tmp_path, "--csv", str(path))

    assert code == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert page.figure("machines") == "3"
    assert page.rows("table-training") == {
        "aaaa000011112222": ["2", "2026-11-20", "9"],
        "bbbb000011112222": ["1", "2026-11-10", "8"],
    }
    assert "2 of 3 machines completed a practice round" in page.text
    assert "training-empty" not in page.by_id


@pytest.mark.parametrize("where", ["a folder", "a missing folder"])
def test_when_the_report_cannot_be_written_then_a_plain_error(tmp_path, capsys, where):
    recorded(tmp_path / "audit.sqlite3", seed=9, count=5)
    target = tmp_path / "taken" if where == "a folder" else tmp_path / "missing" / "report.html"
    if where == "a folder":
        target.mkdir()

    code, _ = report(tmp_path, "--database", str(tmp_path / "audit.sqlite3"), out=target)

    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert ("cannot write the report" if where == "a folder" else "no such folder") in err
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))
