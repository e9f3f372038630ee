"""A broken JSON file is described in the reader's language: each phrase Python's json module uses is one we
have words for (clientsafe/json_errors.py), so a Spanish policy problem carries no English fragment."""

from __future__ import annotations

import json

import pytest

from clientsafe import json_errors
from clientsafe.policy.files import PolicyFileError, parse
from clientsafe.say import Said, in_language

BROKEN = {
    "Expecting value": "",
    "Expecting property name enclosed in double quotes": "{language: 1}",
    "Expecting ':' delimiter": '{"language" "es"}',
    "Expecting ',' delimiter": '{"language": "es" "fail_mode": "warn"}',
    "Unterminated string starting at": '{"language": "es}',
    "Invalid control character at": '{"language": "e\ns"}',
    "Invalid \\escape": '{"language": "\\q"}',
    "Invalid \\uXXXX escape": '{"language": "\\u12"}',
    "Extra data": '{"language": "es"} {}',
}


@pytest.mark.parametrize("phrase", sorted(BROKEN))
def test_each_phrase_python_uses_has_our_words(phrase):
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(BROKEN[phrase])
    assert caught.value.msg == phrase  # the table is keyed by what this Python really says
    assert isinstance(json_errors.reason(caught.value), Said)


def test_a_policy_file_that_is_not_json_is_described_in_spanish_without_pythons_english():
    with pytest.raises(PolicyFileError) as caught:
        parse(b'{language: "es"}', "policy.json")
    (problem,) = caught.value.problems
    spanish = in_language(problem, "es")
    assert "comillas dobles" in spanish and "línea 1" in spanish
    assert "Expecting" not in spanish and "double quotes" not in spanish
