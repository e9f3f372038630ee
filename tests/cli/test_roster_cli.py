"""`clientsafe roster import|status|clear` as a person uses it: real subprocesses, real exit codes."""

from __future__ import annotations

from tests.cli.test_cli import clientsafe as run_cli
from tests.conftest import DATA

ROSTER = str(DATA / "roster.csv")
# No keyring, so the key goes to the announced 0600 file whatever the machine has.
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def clientsafe(*args: str, home):  # type: ignore[no-untyped-def]
    return run_cli(*args, home=home, env=NO_KEYRING)


def test_import_reports_columns_counts_duplicates_and_progress_then_status_and_clear(tmp_path):
    result = clientsafe("roster", "import", ROSTER, home=tmp_path)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, err
    assert "name                       <- 'Client Name'" in out
    assert "aliases                    <- 'Nickname(s)'" in out
    assert "ignored: 'Program', 'Intake date'" in out
    assert "Imported 21 clients from 22 rows (6 minors, " in out
    assert "1 duplicate rows skipped (lines 22)" in out
    assert "Hashing clients: 100% (21/21)" in err and "No OS keyring is available" in err
    assert "Keisha" not in out + err  # the report names nobody
    status = clientsafe("roster", "status", home=tmp_path).stdout.decode()
    assert status.startswith("21 clients, imported 20") and "roster.csv" in status
    assert clientsafe("roster", "clear", home=tmp_path).stdout.decode() == "Roster removed.\n"
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("No roster imported.")


def test_bad_rows_are_listed_with_line_numbers(tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("Name,Minor\nKeisha Brown,no\n,yes\nEve Martin,sometimes\n", encoding="utf-8")
    out = clientsafe("roster", "import", str(csv), home=tmp_path).stdout.decode()
    assert "2 rows could not be read and were skipped:" in out
    assert "  line 3: no name\n  line 4: minor: 'sometimes' is not yes or no\n" in out


def test_a_spreadsheet_gets_one_clear_line_exit_code_3_and_the_previous_roster_stays(tmp_path):
    assert clientsafe("roster", "import", ROSTER, home=tmp_path).returncode == 0
    xlsx = tmp_path / "Clients.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    result = clientsafe("roster", "import", str(xlsx), home=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 3 and "Traceback" not in err
    assert "clientsafe: Clients.xlsx is a spreadsheet, not a CSV file. Open it, choose File > Save As" in err
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("21 clients")


def test_a_checked_post_names_a_roster_client_after_import(tmp_path):
    clientsafe("roster", "import", ROSTER, home=tmp_path)
    result = clientsafe("check", "Congrats to Kiki on the new job!", home=tmp_path)
    assert result.returncode == 20 and "[[Kiki]]" in result.stdout.decode()


def _it_machine(tmp_path, site, cert):  # type: ignore[no-untyped-def]
    """IT makes the keys and the bundle with the CLI, publishes it, and sets up one machine (its system policy
    folder with roster_bundle and roster.key); returns the machine's environment."""
    import json

    it = tmp_path / "it"
    it.mkdir()
    keygen = clientsafe(
        "roster", "keygen", "--signing-key", str(it / "sign.pem"), "--hash-key", str(it / "org.key"), home=it
    )
    assert keygen.returncode == 0, keygen.stderr.decode()
    public = keygen.stdout.decode().strip()
    assert "keep it with IT only" in keygen.stderr.decode()
    built = clientsafe(
        "roster", "build", ROSTER, "--signing-key", str(it / "sign.pem"), "--hash-key", str(it / "org.key"),
        "--out", str(it / "roster.bundle"), "--valid-days", "30", home=it,
    )  # fmt: skip
    out = built.stdout.decode()
    assert built.returncode == 0, built.stderr.decode()
    assert f"Built {it / 'roster.bundle'}" in out and "21 clients as keyed hashes only" in out
    url = site.publish("/clientsafe/roster.bundle", (it / "roster.bundle").read_bytes())
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "policy.json").write_text(json.dumps({"roster_bundle": {"url": url, "public_key": public}}))
    (etc / "roster.key").write_bytes((it / "org.key").read_bytes())  # what the installer or MDM deploys
    return {"CLIENTSAFE_SYSTEM_POLICY": str(etc / "policy.json"), "REQUESTS_CA_BUNDLE": str(cert), **NO_KEYRING}


def test_it_builds_a_bundle_and_a_machine_syncs_it_then_staff_cannot_replace_or_clear_it_by_accident(tmp_path):
    from tests.roster.it_roster import bundle_site

    home = tmp_path / "home"
    with bundle_site(tmp_path / "tls") as (site, cert):
        env = _it_machine(tmp_path, site, cert)
        synced = run_cli("roster", "sync", home=home, env=env)
        assert synced.returncode == 0, synced.stderr.decode()
        assert synced.stdout.decode().startswith("The roster from IT is in force: 21 clients, built 20")
    status = run_cli("roster", "status", home=home, env=env).stdout.decode()
    assert status.startswith(f"21 clients, from IT: {site.base}/clientsafe/roster.bundle (built from roster.csv).")
    assert "From IT, fetched just now" in status and "cannot be replaced or cleared on this computer" in status
    held = run_cli("check", "Congrats to Kiki on the new job!", home=home, env=env)
    assert held.returncode == 20 and "[[Kiki]]" in held.stdout.decode()
    cleared = run_cli("roster", "clear", home=home, env=env)
    assert cleared.returncode == 3 and "managed by IT" in cleared.stderr.decode()
    assert "clientsafe roster clear --force" in cleared.stderr.decode()
    imported = run_cli("roster", "import", ROSTER, home=home, env=env)
    assert imported.returncode == 3 and "clientsafe roster import --force" in imported.stderr.decode()
    assert run_cli("roster", "status", home=home, env=env).stdout.decode().startswith("21 clients, from IT")
    forced = run_cli("roster", "clear", "--force", home=home, env=env)
    assert forced.returncode == 0 and "fetched again at the next refresh" in forced.stdout.decode()


def test_sync_without_a_roster_bundle_in_the_policy_says_so(tmp_path):
    result = clientsafe("roster", "sync", home=tmp_path)
    assert result.returncode == 3 and "names no roster bundle (roster_bundle)" in result.stderr.decode()


def test_key_install_keeps_the_organisation_key_and_refuses_a_file_that_is_not_one(tmp_path):
    (tmp_path / "org.key").write_text("# comment\n" + "ab" * 32 + "\n")
    installed = clientsafe("roster", "key", "install", str(tmp_path / "org.key"), home=tmp_path)
    assert installed.returncode == 0 and "roster hashing key" in installed.stdout.decode()
    assert (tmp_path / "data" / "roster-org-key").read_text().strip() == "ab" * 32
    (tmp_path / "bad.key").write_text("hello\n")
    refused = clientsafe("roster", "key", "install", str(tmp_path / "bad.key"), home=tmp_path)
    assert refused.returncode == 3 and "is not a ClientSafe roster hashing key" in refused.stderr.decode()
