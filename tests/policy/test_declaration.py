"""Every policy setting is declared once; the published schema, docs/policy.md and the examples follow it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from clientsafe.policy import POLICY, PolicyStore, validate
from clientsafe.policy.declaration import DEFAULT_POLICY_TITLES, rule_codes
from clientsafe.policy.publish import DOC_FILE, SCHEMA_FILE, doc_text, schema_text
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("policy-*.json"))
DOC = DOC_FILE.read_text(encoding="utf-8")


def test_the_published_schema_is_generated_from_the_declaration():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "run: .venv/bin/python -m clientsafe.policy.publish"
    )


def test_the_settings_reference_in_docs_policy_md_is_generated_from_the_declaration():
    assert doc_text(DOC) == DOC, "run: .venv/bin/python -m clientsafe.policy.publish"


@pytest.mark.parametrize("setting", POLICY, ids=lambda s: s.name)
def test_each_setting_is_documented_with_its_default_and_help(setting):
    row = next(line for line in DOC.splitlines() if line.startswith(f"| `{setting.name}` |"))
    assert f"`{json.dumps(setting.default)}`" in row
    assert setting.help.split(":")[0].split(".")[0] in row
    assert validate({setting.name: setting.default}) == []


def test_every_default_is_valid_against_the_schema():
    assert validate({s.name: s.default for s in POLICY}) == []


def test_every_policy_ref_a_rule_cites_has_a_default_title():
    refs = {r["policy_ref"] for r in json.loads((ROOT / "tray/clientsafe/checker/rules.json").read_text())["rules"]}
    assert refs <= set(DEFAULT_POLICY_TITLES)
    # Reasons for posts come from the rules; the two for friend and follow requests from the relationship check.
    relationship = {"RELATIONSHIP_CLIENT", "RELATIONSHIP_CLIENT_MINOR", "RELATIONSHIP_GUARDIAN"}
    from clientsafe.checker.engine import LEARNED_POLICY_REFS

    assert set(LEARNED_POLICY_REFS.values()) <= set(DEFAULT_POLICY_TITLES)
    assert set(rule_codes()) | relationship | set(LEARNED_POLICY_REFS) == set(
        json.loads((ROOT / "shared" / "reasons.json").read_text())
    )
    assert {"social-media-boundaries", "boundaries-minors"} <= set(DEFAULT_POLICY_TITLES)


def test_there_are_two_example_policies():
    assert [p.name for p in EXAMPLES] == ["policy-health-clinic.json", "policy-youth-services.json"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_each_example_policy_is_valid_against_the_published_schema_and_loads_cleanly(example, system_file):
    document = json.loads(example.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))).validate(document)
    system_file.parent.mkdir(parents=True)
    system_file.write_bytes(example.read_bytes())
    policy = PolicyStore().load()
    assert policy.problems == () and policy.ignored == ()
    assert policy.org_profile().name == document["organisation"]["name"]
    for ref, link in document["policy_links"].items():
        assert policy.policy_links()[ref] == {"url": link["url"], "title": link["title"]}
