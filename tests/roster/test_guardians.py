"""Guardians in the roster: the optional guardian columns of a roster CSV, what the hashed roster then knows (a
client's parent or guardian, never whose), the friend-request answer for one, decline scripts from the policy in
English and Spanish, and IT's bundle carrying guardians while old bundles still load."""

from __future__ import annotations

import pytest
import requests

from clientsafe.policy import Policy
from clientsafe.policy.declaration import defaults
from clientsafe.roster import Roster, RosterError, store
from clientsafe.roster.bundle import verify
from clientsafe.roster.match import PersonMatch
from clientsafe.roster.relationship import BUILT_IN, advise, answer_language
from tests.api.conftest import start
from tests.roster.conftest import import_into, key_in
from tests.roster.it_roster import NOW, it_keys

CSV = (
    "Client Name,Minor,Guardian name(s),Parent/Guardian consent,Program\n"
    "Tamika Reyes,yes,Denise Reyes; Carlos Reyes,yes,Drop-In\n"
    "Jordan Blake,yes,Parent: Morgan Ellison-Blake,yes,Mentoring\n"
    "Eve Martin,no,,no,Housing\n"
    "Sam Ortiz,yes,12345,no,Tutoring\n"
    "Lena Park,yes,Grace,no,Tutoring\n"
)


def _csv(tmp_path, text=CSV, name="roster.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def guardian_roster(tmp_path) -> Roster:
    import_into(tmp_path, _csv(tmp_path))
    return Roster(tmp_path / "roster.bin", key_in(tmp_path))


def test_when_the_csv_has_guardian_columns_then_guardian_names_are_imported_and_reported(tmp_path):
    report = import_into(tmp_path, _csv(tmp_path))
    assert report.imported == 5 and report.guardians == 3
    assert report.columns["guardians"] == ["Guardian name(s)"]
    # "Parent/Guardian consent" is a fact about a guardian, not a name: not read as guardians.
    assert "Guardian name(s)" not in report.ignored_columns and "Parent/Guardian consent" in report.ignored_columns
    header, _ = store.read_header(tmp_path / "roster.bin")
    assert header["guardians"] == 3 and header["clients"] == 5


def test_a_bad_guardian_value_is_reported_by_line_and_the_client_on_that_row_is_still_imported(tmp_path):
    report = import_into(tmp_path, _csv(tmp_path))
    assert [(e.line, e.reason) for e in report.bad_rows] == [
        (5, "guardian: a name has no letters"),
        (6, "guardian: give a first and last name"),
    ]
    roster = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    assert roster.person("Sam Ortiz").client and roster.person("Lena Park").client
    assert not roster.person("Grace").guardian  # a first name alone is never stored


def test_a_listed_guardian_is_recognised_as_a_guardian_not_as_a_client(guardian_roster):
    for shown in ("Denise Reyes", "Carlos Reyes 🌻", "Morgan Ellison-Blake", "Morgan Blake"):
        person = guardian_roster.person(shown)
        assert person.guardian and not person.client and not person.minor, shown
    assert guardian_roster.person("Denise Smith") == PersonMatch(client=False)


def test_a_guardian_named_in_a_post_is_not_a_client_named_in_it(guardian_roster):
    assert guardian_roster.find("Thanks to Denise Reyes for the cookies!") == []
    assert [m.kind for m in guardian_roster.find("Tamika Reyes won the prize")] == ["name"]


def test_an_old_csv_without_guardian_columns_imports_exactly_as_before(tmp_path):
    report = import_into(tmp_path)
    assert report.guardians == 0 and "guardians" not in report.columns
    header, entries = store.read_header(tmp_path / "roster.bin")[0], store.read(tmp_path / "roster.bin")[1]
    assert "guardians" not in header
    assert not any(flags & store.GUARDIAN for flags, _ in entries.values())


def test_a_guardian_column_titled_as_a_handle_is_refused_and_the_roster_in_force_stays(tmp_path):
    import_into(tmp_path, _csv(tmp_path))
    before = (tmp_path / "roster.bin").read_bytes()
    bad = _csv(tmp_path, "Name,Guardian Instagram\nTamika Reyes,@denise.r\n", "bad.csv")
    with pytest.raises(RosterError, match=r"would be read as the clients' own handles.*previous roster is still"):
        import_into(tmp_path, bad)
    assert (tmp_path / "roster.bin").read_bytes() == before


def test_someone_who_is_both_a_client_and_a_guardian_is_answered_as_the_client(tmp_path):
    import_into(tmp_path, _csv(tmp_path, "Name,Minor,Guardian\nDenise Reyes,no,\nTamika Reyes,yes,Denise Reyes\n"))
    person = Roster(tmp_path / "roster.bin", key_in(tmp_path)).person("Denise Reyes")
    assert person.client and person.guardian
    assert advise(person, "incoming_request").code == "RELATIONSHIP_CLIENT"


@pytest.mark.parametrize(
    ("kind", "action"),
    [("incoming_request", "block"), ("outgoing_request", "block"), ("message_request", "warn")],
)
def test_a_guardians_request_is_held_with_its_own_reason_and_script(kind, action):
    advice = advise(PersonMatch(client=False, guardian=True), kind)
    assert (advice.action, advice.code, advice.policy_ref) == (
        action,
        "RELATIONSHIP_GUARDIAN",
        "social-media-boundaries",
    )
    assert advice.decline_script == BUILT_IN["guardian"][kind]["en"]
    assert "families of people we serve" in advice.decline_script or "your family" in advice.decline_script


def test_decline_scripts_come_from_the_policy_per_person_and_language():
    scripts = {"client": {"en": "Thanks! Find me at work.", "es": "¡Gracias! Búscame en el trabajo."}}
    client = PersonMatch(client=True)
    assert advise(client, "incoming_request", "en", scripts).decline_script == "Thanks! Find me at work."
    assert advise(client, "incoming_request", "es", scripts).decline_script == "¡Gracias! Búscame en el trabajo."
    # Not set for a guardian, or not in this language: the built-in script in the language asked for.
    guardian = PersonMatch(client=False, guardian=True)
    assert (
        advise(guardian, "incoming_request", "es", scripts).decline_script
        == BUILT_IN["guardian"]["incoming_request"]["es"]
    )
    only_english = {"minor": {"en": "Not on my own account, sorry!"}}
    young = PersonMatch(client=True, minor=True)
    assert advise(young, "outgoing_request", "es", only_english).decline_script.startswith("¡Me dio gusto verte!")


def test_every_built_in_script_exists_in_both_languages_and_differs_between_them():
    for who, kinds in BUILT_IN.items():
        for kind, texts in kinds.items():
            assert texts["en"] and texts["es"] and texts["en"] != texts["es"], (who, kind)


@pytest.mark.parametrize(
    ("requested", "policy", "env", "expected"),
    [
        ("es-MX", {"language": "en"}, "en_US.UTF-8", "es"),  # the browser's language first
        ("fr-FR", {"language": "es"}, "en_US.UTF-8", "es"),  # no French scripts: the policy's language
        (None, {}, "es_ES.UTF-8", "es"),  # then the system's
        (None, {}, "de_DE.UTF-8", "en"),  # else English
        ("EN", {"language": "es"}, "es_ES.UTF-8", "en"),
    ],
)
def test_the_answer_language_is_the_browsers_then_the_policys_then_the_systems(
    requested, policy, env, expected, monkeypatch
):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", env)
    assert answer_language(requested, policy) == expected


# -- the service ------------------------------------------------------------------------------------------------


@pytest.fixture
def guardian_service(checker, tmp_path):
    import_into(tmp_path, _csv(tmp_path))
    svc, server = start(checker, tmp_path, relationship_checks_per_minute=20)
    state = svc.app.app.state
    state.roster = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    scripts = {"guardian": {"es": "¡Gracias! Por política no conecto con familias en mi cuenta personal."}}
    state.policy = Policy(values={**defaults(), "decline_scripts": {**scripts, "language": "en"}})
    yield svc
    server.should_exit = True


def ask(svc, **body):
    payload = {"name": "", "site": "facebook", "kind": "incoming_request", **body}
    return requests.post(f"{svc.base}/v1/relationship", json=payload, headers=svc.auth(), timeout=10)


def test_the_service_holds_a_guardians_friend_request_without_saying_whose_guardian(guardian_service):
    r = ask(guardian_service, name="Denise Reyes")
    body = r.json()
    assert r.status_code == 200
    assert body["client"] is False and body["minor"] is False and body["action"] == "block"
    assert body["reason"]["code"] == "RELATIONSHIP_GUARDIAN" and body["check_id"]
    assert body["decline_script"] == BUILT_IN["guardian"]["incoming_request"]["en"]
    assert "Tamika" not in r.text  # which client is never said


def test_the_service_answers_in_the_language_asked_with_the_policys_own_script(guardian_service):
    body = ask(guardian_service, name="Denise Reyes", lang="es-US").json()
    assert body["decline_script"] == "¡Gracias! Por política no conecto con familias en mi cuenta personal."
    assert body["reason"]["message"].startswith("La lista de clientes indica")
    client = ask(guardian_service, name="Tamika Reyes", lang="es").json()
    assert client["decline_script"] == BUILT_IN["minor"]["incoming_request"]["es"]


def test_a_stranger_is_still_allowed_and_a_bad_lang_is_refused_plainly(guardian_service):
    assert ask(guardian_service, name="Denise Smith", lang="es").json()["action"] == "allow"
    r = ask(guardian_service, name="Denise Reyes", lang="x" * 40)
    assert r.status_code == 400 and "lang" in r.text and "Traceback" not in r.text


# -- IT's bundle ------------------------------------------------------------------------------------------------


def test_a_bundle_carries_guardians_as_format_2_and_a_machine_recognises_them(tmp_path):
    keys = it_keys(tmp_path / "it")
    data = keys.bundle(_csv(tmp_path))
    bundle = verify(data, keys.public_key, now=NOW)
    assert bundle.header["format"] == 2 and bundle.header["guardians"] == 3
    # The same records an import with the organisation's key writes, guardians included.
    machine = tmp_path / "machine"
    machine.mkdir()
    (machine / "roster-key").write_text(keys.hash_key.hex())
    import_into(machine, _csv(tmp_path))
    assert store.read(machine / "roster.bin")[1] == bundle.entries
    roster = Roster(machine / "roster.bin", key_in(machine))
    assert roster.person("Denise Reyes").guardian and not roster.person("Denise Reyes").client


def test_a_bundle_without_guardians_stays_format_1_so_older_machines_still_read_it(tmp_path):
    keys = it_keys(tmp_path / "it")
    bundle = verify(keys.bundle(), keys.public_key, now=NOW)
    assert bundle.header["format"] == 1 and "guardians" not in bundle.header


def test_roster_import_says_how_many_guardians_and_that_a_skipped_guardian_kept_its_client(tmp_path):
    from tests.cli.test_roster_cli import clientsafe

    result = clientsafe("roster", "import", str(_csv(tmp_path)), home=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "guardian names             <- 'Guardian name(s)'" in out
    assert "Imported 5 clients from 5 rows" in out
    assert "Imported 3 parent or guardian names (not linked to which client).\n" in out
    assert "  line 5: guardian: a name has no letters\n  line 6: guardian: give a first and last name\n" in out
    assert "the client on that row was imported" in out
    assert "Denise" not in out and "Reyes" not in out  # the report names nobody
