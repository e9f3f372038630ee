"""Recent warnings: from the content-free audit the tray's service writes; filter by site; export CSV."""

from __future__ import annotations

import csv

import requests

from clientsafe.ui.check_draft import reason_titles
from clientsafe.ui.warnings_window import EMPTY
from tests.qt.conftest import pair_browser

RISKY = "So proud of Maria from our youth shelter, she just turned 15!"


def _post(tray, token, site, choice=None):
    base, auth = f"http://127.0.0.1:{tray.facts.port}", {"Authorization": f"Bearer {token}"}
    verdict = requests.post(
        f"{base}/v1/check", json={"text": RISKY, "site": site, "account": "personal"}, headers=auth, timeout=30
    ).json()
    if choice:
        requests.post(
            f"{base}/v1/decision", json={"check_id": verdict["check_id"], "choice": choice}, headers=auth, timeout=10
        )
    return verdict


def test_when_nothing_was_flagged_then_the_window_says_what_will_appear(tray):
    tray.warnings_action.trigger()
    window = tray.windows["warnings"]
    assert window.isVisible() and window.empty.isVisible() and window.empty.text() == EMPTY


def test_warnings_from_the_browser_are_listed_with_site_kind_and_choice_and_filtered_by_site(tray, qtbot):
    token = pair_browser(tray)
    held = _post(tray, token, "facebook", choice="edited")
    _post(tray, token, "instagram")
    assert tray.backend.audit.flush(10)
    window = tray.open_warnings()
    window.refresh()
    assert window.table.rowCount() == 2
    rows = {window.table.item(r, 1).text(): [window.table.item(r, c).text() for c in range(6)] for r in range(2)}
    assert rows["Facebook"][2:4] == ["personal", "Held"]  # the name people know, as notifications say it
    assert reason_titles()[held["reasons"][0]["code"]] in rows["Facebook"][4]
    assert rows["Facebook"][5] == "Edited the post"
    assert rows["Instagram"][5] == "—"
    assert window.site.itemText(window.site.findData("instagram")) == "Instagram"
    window.site.setCurrentIndex(window.site.findData("facebook"))
    assert window.table.rowCount() == 1 and window.table.item(0, 1).text() == "Facebook"
    shown = " ".join(window.table.item(0, c).text() for c in range(6))
    assert "Maria" not in shown and "shelter" not in shown


def test_export_writes_the_content_free_csv(tray, tmp_path):
    token = pair_browser(tray)
    _post(tray, token, "facebook", choice="posted_anyway")
    assert tray.backend.audit.flush(10)
    window = tray.open_warnings()
    out = tmp_path / "warnings.csv"
    assert window.export(out) == 2  # the check shown and the decision
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["kind"] for r in rows} == {"check", "decision"}
    assert "Maria" not in out.read_text(encoding="utf-8")
    assert "Exported 2 events" in window.message.text()
    assert window.export(tmp_path / "missing-folder" / "x.csv") == -1
    assert "Could not export" in window.message.text()


def test_every_column_shows_its_whole_text_or_elides_it_with_a_tooltip(tray, qtbot):
    """Issue 16: the "what you did" column was cut off at the window's edge."""
    token = pair_browser(tray)
    _post(tray, token, "linkedin", choice="request_sent_anyway")
    assert tray.backend.audit.flush(10)
    window = tray.open_warnings()
    window.refresh()
    window.resize(820, 520)
    qtbot.waitExposed(window)
    metrics = window.table.fontMetrics()
    header = window.table.horizontalHeader()
    for column in range(window.table.columnCount()):
        item = window.table.item(0, column)
        fits = metrics.horizontalAdvance(item.text()) <= window.table.columnWidth(column)
        assert fits or item.toolTip() == item.text(), (column, item.text())
        title = window.table.horizontalHeaderItem(column).text()
        assert metrics.horizontalAdvance(title) <= header.sectionSize(column), title
    assert window.table.item(0, 5).text() == "Went ahead with the request"
    assert metrics.horizontalAdvance("Went ahead with the request") <= window.table.columnWidth(5)
