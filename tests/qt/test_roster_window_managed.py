"""The tray's roster window with a roster managed by IT: it says so in plain words (from where, how old, when it
expires, the last fetch's failure), and staff have no usable Import or Clear: the controls are disabled with a
tooltip saying IT manages the roster, and the actions themselves refuse (the roster stays)."""

from __future__ import annotations

import datetime as dt

import pytest

from clientsafe.roster.sync import SyncState, sync
from tests.roster.it_roster import Machine, bundle_site, it_keys


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setattr("clientsafe.secret_store.keyring_usable", lambda: False)


@pytest.fixture
def it_roster(home, tmp_path, monkeypatch):
    """A roster from IT in this test's data folder, its key beside a stand-in system policy file; the last fetch
    attempt failed."""
    keys = it_keys(tmp_path / "it")
    etc = tmp_path / "etc"
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(etc / "policy.json"))
    machine = Machine(tmp_path)
    machine.deploy(keys)  # tmp_path/etc/roster.key: beside the system policy file
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    with bundle_site(tmp_path / "tls") as (site, cert):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
        url = site.publish("/roster.bundle", keys.bundle(now=now))
        sync({"url": url, "public_key": keys.public_key}, now=now)  # the default places, as the service does
    state = SyncState.read()
    state.last_error = "Could not connect to it.example.org. Check the address and your connection."
    state.last_attempt = (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    state.write()
    return home / "data" / "roster.bin", url


def test_an_it_roster_is_described_and_cannot_be_imported_over_or_cleared_from_the_tray(tray, qtbot, it_roster):
    file, url = it_roster
    before = file.read_bytes()
    window = tray.open_roster()
    text = window.status.text()
    assert text.startswith(f"21 clients, from IT: {url} (built from roster.csv).")
    assert "From IT, fetched 3 days ago" in text and "the last attempt failed" in text
    assert "Could not connect to it.example.org" in text
    assert window.managed_label.isVisibleTo(window) and "IT manages this roster" in window.managed_label.text()
    for control in (window.import_file_button, window.import_url_button, window.url, window.clear_button):
        assert not control.isEnabled()
        assert "cannot be replaced or cleared here" in control.toolTip()
    assert not window.clear_roster()  # even called directly, nothing is removed
    window.start_import(str(file.parent / "anything.csv"))
    assert "IT manages this roster" in window.message.text() and not window.progress.isVisible()
    window._busy(False)  # the end of any work does not bring the buttons back
    assert not window.clear_button.isEnabled() and not window.import_file_button.isEnabled()
    assert file.read_bytes() == before


def test_a_roster_imported_on_this_computer_keeps_its_buttons(tray, qtbot):
    from tests.conftest import DATA

    window = tray.open_roster()
    window.start_import(str(DATA / "roster.csv"))
    qtbot.waitUntil(lambda: window.message.text().startswith("Imported"), timeout=30_000)
    assert "Imported on this computer (not from IT)." in window.status.text()
    assert window.clear_button.isEnabled() and window.import_file_button.isEnabled()
    assert not window.managed_label.isVisibleTo(window)
