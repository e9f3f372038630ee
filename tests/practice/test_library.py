"""Loading and validating the scenario library and the organisation's own examples."""

from __future__ import annotations

import json

import pytest

from clientsafe.practice import LibraryError, load_library
from tests.practice.conftest import FIXTURE, fixture_items


def _write(tmp_path, items):
    path = tmp_path / "scenarios.json"
    path.write_text(json.dumps({"scenarios": items}), encoding="utf-8")
    return path


def test_when_the_fixture_loads_then_every_field_is_kept(scenarios):
    first = scenarios[0]
    assert first.id == "fx-en-01" and first.answer == "fine" and first.rewrite is None
    assert {s.lang for s in scenarios} == {"en", "es"}
    assert not any(s.from_organisation for s in scenarios)


def test_when_the_file_is_a_bare_list_then_it_loads_too(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps(fixture_items()), encoding="utf-8")
    assert len(load_library(path)) == len(fixture_items())


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("answer", "maybe", "field 'answer' must be one of fine, second_look, must_not, not 'maybe'"),
        ("lang", "fr", "field 'lang' must be one of en, es"),
        ("policy_section", "gossip", "field 'policy_section' must be one of"),
        ("text", "", "field 'text' is empty or too long"),
        ("rewrite", 3, "field 'rewrite' has the wrong type"),
    ],
)
def test_when_a_field_is_bad_then_the_error_names_the_scenario_and_field(tmp_path, field, value, words):
    items = fixture_items()
    items[3][field] = value
    with pytest.raises(LibraryError) as caught:
        load_library(_write(tmp_path, items))
    message = str(caught.value)
    assert f"scenario {items[3]['id']!r}" in message
    assert words in message
    assert "Traceback" not in message


def test_when_a_field_is_missing_then_the_error_names_it(tmp_path):
    items = fixture_items()
    del items[5]["reason"]
    with pytest.raises(LibraryError, match=r"scenario 'fx-en-06': the field 'reason' is missing"):
        load_library(_write(tmp_path, items))


def test_when_an_id_is_repeated_then_the_library_is_refused(tmp_path):
    items = fixture_items()
    items[2]["id"] = items[1]["id"]
    with pytest.raises(LibraryError, match="used twice"):
        load_library(_write(tmp_path, items))


def test_when_the_file_is_not_json_then_the_error_gives_the_line(tmp_path):
    path = tmp_path / "scenarios.json"
    path.write_text('{"scenarios": [\n{"id": }', encoding="utf-8")
    with pytest.raises(LibraryError, match="line 2: not valid JSON"):
        load_library(path)


def test_when_the_organisation_adds_examples_then_they_join_and_replace_by_id():
    own = dict(fixture_items()[0], id="org-1", text="Our own example.")
    replacing = dict(fixture_items()[1], text="The organisation's wording.")
    loaded = load_library(FIXTURE, [own, replacing])
    by_id = {s.id: s for s in loaded}
    assert by_id["org-1"].from_organisation
    assert by_id[replacing["id"]].text == "The organisation's wording."
    assert len(loaded) == len(fixture_items()) + 1


def test_when_an_organisation_example_is_bad_then_the_error_says_it_is_the_policys(tmp_path):
    bad = dict(fixture_items()[0], id="org-2", kind="tweet")
    with pytest.raises(LibraryError, match=r"practice_examples: scenario 'org-2': field 'kind' must be one of"):
        load_library(FIXTURE, [bad])


def test_when_the_policy_declares_practice_examples_then_a_bad_example_is_refused_by_the_schema():
    from jsonschema import Draft202012Validator

    from clientsafe.policy.declaration import BY_NAME

    validator = Draft202012Validator(BY_NAME["practice_examples"].schema)
    assert validator.is_valid(fixture_items())
    assert not validator.is_valid([dict(fixture_items()[0], answer="perhaps")])
    assert BY_NAME["practice_examples"].layers == "system"
    assert BY_NAME["training_interval_months"].default == 0


def test_a_spanish_scenario_names_the_persons_role_in_spanish():
    # The page shows "Usted es: <role>": a Spanish round must not switch to English there.
    shipped = load_library()
    english_roles = {s.role.lower() for s in shipped if s.lang == "en"}
    spanish = [s for s in shipped if s.lang == "es"]
    assert spanish
    assert [s.id for s in spanish if s.role.lower() in english_roles] == []
