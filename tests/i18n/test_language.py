"""Which language ClientSafe speaks: the policy's ``language``, else the computer's, else English; the extension
learns the policy's choice from GET /v1/config; the per-feature settings fall back to it."""

from __future__ import annotations

import pytest
import requests

from clientsafe import i18n
from clientsafe.policy import Policy
from clientsafe.policy.declaration import BY_NAME, defaults
from clientsafe.practice.session import default_language
from clientsafe.roster.match import PersonMatch
from tests.api.conftest import start

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def system(monkeypatch):
    """Set the computer's language as the environment says it (the other variables cleared)."""

    def set_to(**values: str) -> None:
        for name in LOCALE_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_to


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_US.UTF-8"}, "es"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language ClientSafe does not speak: English
        ({"LANG": "en_US.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "es"),  # LC_ALL wins over LANG
        ({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, "es"),  # the priority list wins
        ({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, "es"),  # the first one we speak
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_system_language_follows_the_locale_variables(system, env, expected):
    system(**env)
    assert i18n.system_language() == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("es-419", "es"), ("es_MX", "es"), ("Spanish_Mexico", "es"), ("EN-us", "en"), ("de", None), ("", None)],
)
def test_a_language_tag_names_english_spanish_or_neither(tag, expected):
    assert i18n.from_tag(tag) == expected


@pytest.mark.parametrize("setting", ["en", "es"])
def test_the_policy_setting_wins_over_the_system(system, setting):
    system(LANG="es_MX.UTF-8" if setting == "en" else "en_US.UTF-8")
    assert i18n.language(Policy(values={**defaults(), "language": setting})) == setting
    assert i18n.language({"language": setting}) == setting


def test_system_in_the_policy_or_no_policy_follows_the_computer(system):
    system(LANG="es_MX.UTF-8")
    assert i18n.language(Policy()) == "es"
    assert i18n.language(None) == "es"
    system(LANG="en_GB.UTF-8")
    assert i18n.language(Policy()) == "en"


def test_the_setting_is_declared_with_plain_help_and_defaults_to_the_system():
    setting = BY_NAME["language"]
    assert setting.default == "system" and setting.schema == {"enum": ["system", "en", "es"]}
    assert "Spanish" in setting.help and "English" in setting.help


def test_an_answer_to_the_browser_prefers_the_policy_then_the_browser_then_the_post(system):
    system(LANG="en_US.UTF-8")
    spanish_policy = Policy(values={**defaults(), "language": "es"})
    assert i18n.for_request(spanish_policy, "en-US", "en") == "es"
    assert i18n.for_request(Policy(), "es-419", "en") == "es"
    assert i18n.for_request(Policy(), None, "es") == "es"
    assert i18n.for_request(Policy(), "de-DE", None) == "en"


def test_practice_falls_back_to_the_policy_language(system):
    system(LANG="en_US.UTF-8")
    assert default_language(Policy(values={**defaults(), "language": "es"})) == "es"
    assert default_language() == "en"


@pytest.fixture
def service(checker, tmp_path):
    svc, server = start(checker, tmp_path)
    yield svc
    server.should_exit = True


def test_get_config_names_the_policy_language_only_when_it_sets_one(service):
    state = service.app.app.state
    state.policy = Policy(values={**defaults(), "language": "es"})
    body = requests.get(f"{service.base}/v1/config", headers=service.auth(), timeout=10).json()
    assert body["language"] == "es"
    state.policy = Policy()
    body = requests.get(f"{service.base}/v1/config", headers=service.auth(), timeout=10).json()
    assert "language" not in body  # system: the extension follows the browser's own language


def test_a_check_answers_in_the_policy_language_and_else_the_browsers(service):
    state = service.app.app.state
    post = {"text": "Medicaid ID PX48291753 finally went through!", "site": "facebook", "account": "personal"}
    state.policy = Policy()
    english = requests.post(f"{service.base}/v1/check", json={**post, "lang": "en-US"}, headers=service.auth()).json()
    spanish = requests.post(f"{service.base}/v1/check", json={**post, "lang": "es-MX"}, headers=service.auth()).json()
    assert english["reasons"][0]["title"] == "An ID number"
    assert spanish["reasons"][0]["title"] == "Un número de identificación"
    assert spanish["reasons"][0]["policy"] == {
        "ref": "confidentiality-identifiers",
        "title": "Datos de identificación y números de identificación",
        "url": None,
    }
    state.policy = Policy(values={**defaults(), "language": "es"})
    forced = requests.post(f"{service.base}/v1/check", json={**post, "lang": "en-US"}, headers=service.auth()).json()
    assert forced["reasons"][0]["message"] == spanish["reasons"][0]["message"]
    assert forced["reasons"][0]["policy_ref"] == "confidentiality-identifiers"  # the old field, for old extensions


def test_a_decline_script_without_its_own_language_follows_the_policy_language(service, system):
    system(LANG="en_US.UTF-8")
    state = service.app.app.state
    state.policy = Policy(values={**defaults(), "language": "es"})
    state.roster.person = lambda *a, **k: PersonMatch(client=True)  # on the roster, as an import would make them
    body = {"name": "Keisha Brown", "site": "facebook", "kind": "incoming_request"}
    answer = requests.post(f"{service.base}/v1/relationship", json=body, headers=service.auth(), timeout=10).json()
    assert answer["reason"]["title"] == "Esta persona está en la lista de clientes"
    assert answer["reason"]["policy"]["title"] == "Límites: conectar con clientes en las redes sociales"
    assert "gracias" in answer["decline_script"].lower()
