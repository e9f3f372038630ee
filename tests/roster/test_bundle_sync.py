"""A machine fetching IT's roster bundle over local HTTPS: the checker then holds a post naming a client; every bad
bundle or address is refused with the problem named and the roster in force stays; an unreachable server keeps
the last good roster and the status says how old it is; the schedule fetches again after each interval."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator

import pytest

from clientsafe.roster import RosterError, store
from clientsafe.roster.describe import describe
from clientsafe.roster.schedule import RETRY_SECONDS, RosterSchedule
from clientsafe.roster.sync import SyncState, sync
from tests.roster.it_roster import NOW, ItKeys, Machine, Site, bundle_site, it_keys


@pytest.fixture
def site(tmp_path, monkeypatch) -> Iterator[Site]:
    with bundle_site(tmp_path / "tls") as (state, cert):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
        yield state


@pytest.fixture
def keys(tmp_path) -> ItKeys:
    return it_keys(tmp_path / "it")


@pytest.fixture
def machine(tmp_path, keys) -> Machine:
    m = Machine(tmp_path / "machine")
    m.deploy(keys)
    return m


def setting(url: str, keys: ItKeys) -> dict[str, object]:
    return {"url": url, "public_key": keys.public_key, "refresh_hours": 6}


def installed(site: Site, keys: ItKeys, machine: Machine) -> bytes:
    """A good bundle synced: the roster in force, as bytes, for "nothing changed" checks."""
    url = site.publish("/clientsafe/roster.bundle", keys.bundle(), etag='"v1"')
    result = sync(setting(url + "?sig=SECRET123", keys), now=NOW, **machine.sync_kwargs())
    assert result.changed and result.clients == 21
    return machine.file.read_bytes()


def test_synced_roster_holds_a_post_naming_a_client_and_not_a_look_alike(site, keys, machine, checker, monkeypatch):
    installed(site, keys, machine)
    st = store.status(machine.file, org_key=machine.org_key())
    assert st.loaded and st.managed and st.clients == 21
    assert st.managed_url == f"{site.base}/clientsafe/roster.bundle"  # the signed link's query is not kept
    assert "SECRET123" not in machine.file.read_bytes().decode("latin-1")
    assert "SECRET123" not in machine.state.read_text()
    assert st.built_at == "2026-11-24T09:00:00Z" and st.expires == "2026-12-24T09:00:00Z"
    monkeypatch.setattr(checker, "roster", machine.roster())
    held = checker.check("Congrats to Keisha Brown on the new job!", "personal")
    assert held.action == "block" and any(f.source == "roster" for f in held.findings)
    other = checker.check("Congrats to Keisha Robinson on the new job!", "personal")
    assert not any(f.source == "roster" for f in other.findings)


def test_an_unchanged_bundle_is_asked_for_with_its_etag_and_not_rewritten(site, keys, machine):
    before = installed(site, keys, machine)
    stamp = machine.file.stat().st_mtime_ns
    result = sync(
        setting(site.base + "/clientsafe/roster.bundle?sig=SECRET123", keys), now=NOW, **machine.sync_kwargs()
    )
    assert not result.changed and "up to date" in result.message
    assert site.asked[-1][1].get("If-None-Match") == '"v1"'
    assert machine.file.read_bytes() == before and machine.file.stat().st_mtime_ns == stamp


def test_a_new_bundle_replaces_the_roster_and_a_running_roster_picks_it_up(site, keys, machine, tmp_path):
    installed(site, keys, machine)
    roster = machine.roster()
    assert roster.person("Keisha Brown").client
    smaller = tmp_path / "smaller.csv"
    smaller.write_text("Name\nDana Whitfield\n", encoding="utf-8")
    site.publish("/clientsafe/roster.bundle", keys.bundle(smaller, now=NOW + dt.timedelta(days=1)), etag='"v2"')
    later = NOW + dt.timedelta(days=1, hours=1)
    assert sync(setting(site.base + "/clientsafe/roster.bundle", keys), now=later, **machine.sync_kwargs()).changed
    assert roster.person("Dana Whitfield").client and not roster.person("Keisha Brown").client


@pytest.mark.parametrize(
    "case, expected",
    [
        ("truncated", "is damaged or truncated"),
        ("corrupt", "changed after signing"),
        ("web page", "is not a ClientSafe roster bundle (it is a web page)"),
        ("expired", "expired on 2026-11-23T09:00:00Z"),
        ("other key", "not signed by the key the policy names"),
        ("older", "before the roster in force"),
        ("not found", "answered 404"),
    ],
)
def test_a_bad_bundle_is_refused_naming_the_problem_and_the_roster_in_force_stays(
    site, keys, machine, tmp_path, case, expected
):
    before = installed(site, keys, machine)
    good = keys.bundle()
    bodies = {
        "truncated": good[: len(good) // 2],
        "corrupt": good[:-80] + bytes(b ^ 0x55 for b in good[-80:-64]) + good[-64:],
        "web page": b"<!DOCTYPE html><html><body>Please sign in</body></html>",
        "expired": keys.bundle(now=NOW - dt.timedelta(days=2), valid_days=1),
        "other key": it_keys(tmp_path / "other").bundle(),
        "older": keys.bundle(now=NOW - dt.timedelta(days=3)),
    }
    url = site.base + "/missing.bundle" if case == "not found" else site.publish("/bad.bundle", bodies[case])
    with pytest.raises(RosterError) as refused:
        sync(setting(url, keys), now=NOW + dt.timedelta(hours=1), **machine.sync_kwargs())
    assert expected in str(refused.value)
    assert machine.file.read_bytes() == before
    assert machine.roster().person("Keisha Brown").client
    state = SyncState.read(machine.state)
    assert expected in state.last_error


def test_plain_http_and_a_redirect_to_http_are_refused_and_the_http_server_is_never_asked(site, keys, machine):
    before = installed(site, keys, machine)
    site.pages["/plain.bundle"] = (200, {}, keys.bundle())
    with pytest.raises(RosterError, match=r"is not https://: a roster must not travel unencrypted"):
        sync(setting(site.http_base + "/plain.bundle", keys), now=NOW, **machine.sync_kwargs())
    site.pages["/moved.bundle"] = (302, {"Location": site.http_base + "/plain.bundle"}, b"")
    with pytest.raises(RosterError) as refused:
        sync(setting(site.base + "/moved.bundle", keys), now=NOW, **machine.sync_kwargs())
    message = str(refused.value)
    assert f"redirected to {site.http_base}/plain.bundle" in message and "plain http" in message
    assert "the roster in force is unchanged" in message
    assert site.plain_asked == []
    assert machine.file.read_bytes() == before


def test_a_bundle_built_with_another_hashing_key_says_which_key_it_needs(site, keys, machine, tmp_path):
    before = installed(site, keys, machine)
    other = it_keys(tmp_path / "rotated")
    # Signed by IT's usual signing key, hashed with a key this machine was never given.
    from clientsafe.roster.bundle import build

    data, _ = build(str(_csv(tmp_path)), keys.signing.read_bytes(), other.hash_key, now=NOW + dt.timedelta(hours=1))
    url = site.publish("/rotated.bundle", data)
    with pytest.raises(RosterError) as refused:
        sync(setting(url, keys), now=NOW + dt.timedelta(hours=2), **machine.sync_kwargs())
    message = str(refused.value)
    assert f"built with the organisation hashing key {other.key_id}" in message
    assert f"this computer has key {keys.key_id} ({machine.machine_key})" in message
    assert "IT must deploy the organisation's roster hashing key" in message and "unchanged" in message
    assert machine.file.read_bytes() == before


def _csv(folder):  # type: ignore[no-untyped-def]
    path = folder / "two.csv"
    path.write_text("Name\nDana Whitfield\nKeisha Brown\n", encoding="utf-8")
    return path


def test_without_the_hashing_key_it_says_exactly_what_it_must_deploy(site, keys, tmp_path):
    bare = Machine(tmp_path / "bare")  # IT never deployed roster.key here
    url = site.publish("/clientsafe/roster.bundle", keys.bundle())
    with pytest.raises(RosterError) as refused:
        sync(setting(url, keys), now=NOW, **bare.sync_kwargs())
    message = str(refused.value)
    assert message.startswith("This computer does not have the organisation's roster hashing key.")
    assert f"key_id {keys.key_id}) as {bare.machine_key}, readable by staff accounts" in message
    assert "`clientsafe roster key install FILE`" in message
    assert not bare.file.exists()
    # Installing the key (the other way IT can deliver it) is enough.
    bare.org_key().install(keys.hash_key)
    assert sync(setting(url, keys), now=NOW, **bare.sync_kwargs()).changed
    assert bare.roster().person("Keisha Brown").client


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_server_keeps_the_last_good_roster_and_says_how_old_it_is(site, keys, machine):
    before = installed(site, keys, machine)
    gone = f"https://127.0.0.1:{_closed_port()}/clientsafe/roster.bundle"
    three_days = NOW + dt.timedelta(days=3)
    with pytest.raises(RosterError, match=r"Could not connect to 127\.0\.0\.1:\d+"):
        sync(setting(gone, keys), now=three_days, **machine.sync_kwargs())
    assert machine.file.read_bytes() == before and machine.roster().person("Keisha Brown").client
    st = store.status(machine.file, org_key=machine.org_key())
    text = "\n".join(describe(st, SyncState.read(machine.state), now=three_days + dt.timedelta(minutes=5)))
    assert "21 clients, from IT: " in text
    assert "From IT, fetched 3 days ago (2026-11-24T09:00:00Z); the last attempt failed (5 minutes ago): " in text
    assert "Could not connect to 127.0.0.1:" in text


def test_the_schedule_fetches_at_start_then_after_each_interval_and_sooner_after_a_failure():
    clock = [0.0]
    runs: list[float] = []
    waits: list[float] = []
    outcomes = iter(["ok", "fail", "ok", "ok"])

    def run(s):  # type: ignore[no-untyped-def]
        runs.append(clock[0])
        if next(outcomes) == "fail":
            raise RosterError("Could not connect to it.example.org.")

    def wait(seconds: float) -> bool:  # a stoppable sleep in which time passes at once
        waits.append(seconds)
        clock[0] += seconds
        return len(runs) >= 4

    schedule = RosterSchedule(
        lambda: {"url": "https://it.example.org/r.bundle", "public_key": "k", "refresh_hours": 6},
        run,
        poll_seconds=10 * 3600,
        clock=lambda: clock[0],
        wait=wait,
        rand=lambda: 0.5,
    )
    schedule._loop()
    six_hours = 6 * 3600 * 1.05  # the interval with half of the 10 % jitter
    retry = RETRY_SECONDS * 1.05
    assert runs == pytest.approx([0.0, six_hours, six_hours + retry, six_hours + retry + six_hours])
    assert schedule.last_error == ""


def test_the_schedule_waits_while_no_roster_is_published_and_fetches_once_the_policy_names_one():
    clock = [0.0]
    runs: list[float] = []
    policy: dict[str, object] = {"roster_bundle": None}

    def wait(seconds: float) -> bool:
        clock[0] += seconds
        if clock[0] >= 120:  # IT adds roster_bundle to the policy after two minutes
            policy["roster_bundle"] = {"url": "https://it.example.org/r.bundle", "public_key": "k"}
        return len(runs) >= 1

    RosterSchedule(
        lambda: policy["roster_bundle"],  # type: ignore[arg-type,return-value]
        lambda s: runs.append(clock[0]),
        poll_seconds=60,
        clock=lambda: clock[0],
        wait=wait,
    )._loop()
    assert runs == [120.0]
