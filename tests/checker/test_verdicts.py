"""The checker as a person meets it: what warns, what does not, and where the highlights land."""

import itertools
import json
from pathlib import Path

import jsonschema
import pytest

from clientsafe.checker import InputError
from tests.conftest import ROOT, utf16_slice

SCHEMA = json.loads((ROOT / "shared" / "verdict.schema.json").read_text(encoding="utf-8"))


def spans(text, verdict, kind=None):
    return [utf16_slice(text, f.start, f.end) for f in verdict.findings if kind is None or f.type == kind]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Join Dana Whitfield and Mayor Janet Holloway at 2140 Alder Street on May 3! Call (541) 555-0142", "org"),
        ("Thanks to Cascade Credit Union and the Hartley Family Foundation for sponsoring our gala 🎉", "org"),
        ("So proud of my daughter Grace, 14, who made honor roll at Lincoln Middle!! 📚", "personal"),
        ("Mom's chemo starts Monday, prayers appreciated 🙏", "personal"),
        ("Long day at work but I love what I do 💙", "personal"),
        ("Hope everyone has a great weekend! Will post pics later", "personal"),
        ("Need someone to talk to? Our 24/7 line is 1-800-555-0199 or email info@riverbendyfs.org", "org"),
        ("Congrats Keisha Brown on the new job!", "personal"),  # a name alone is not a breach
        ("Our residents on Jasper Road want the speed bumps back!", "personal"),
        ("", "personal"),
        ("   \n  ", "personal"),
    ],
)
def test_when_post_is_harmless_then_it_is_allowed(checker, text, account):
    verdict = checker.check(text, account=account)
    assert verdict.action == "allow", [r.code for r in verdict.reasons]
    assert verdict.reasons == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("So proud of Maria from our youth shelter 💙", "CLIENT_IDENTIFIED"),
        ("Congrats to Luis on finishing the Next Steps program! 🎓", "CLIENT_IDENTIFIED"),
        ("Maria from group was hospitalized again", "CLIENT_HEALTH_DETAIL"),
        ("Medicaid ID PX48291753 finally went through!", "ID_NUMBER"),
        ("her SSN is 421-70-6384 for the application", "ID_NUMBER"),
        ("Josué, 17, Thurston High, just aged out of foster care and has nowhere to go", "MINOR_SENSITIVE_DETAIL"),
        ("Dropping donations at the shelter on 42nd & Daisy St. tonight", "SHELTER_LOCATION"),
    ],
)
def test_when_client_is_identified_then_post_is_blocked_with_reason(checker, text, code):
    verdict = checker.check(text)
    assert verdict.action == "block"
    assert code in [r.code for r in verdict.reasons]


@pytest.mark.parametrize(
    "text",
    [
        "One of my clients relapsed this week, heartbreaking",
        "a kid on my caseload told me nobody ever said happy birthday to them",
        "Call Rosa at 541-555-0187 if you can give her a ride",
    ],
)
def test_when_post_is_risky_but_not_identifying_then_it_warns(checker, text):
    assert checker.check(text).action == "warn"


def test_every_reason_has_a_message_an_example_and_a_policy_reference(checker):
    verdict = checker.check("my client Jose, 15, relapsed; his MRN 00482913")
    assert verdict.reasons
    for reason in verdict.reasons:
        assert len(reason.message) > 40 and reason.policy_ref and reason.example


def test_when_emoji_precede_a_name_then_offsets_are_utf16_as_javascript_counts(checker):
    text = "🎉🎉 So proud of Maria from our youth shelter 💙"
    verdict = checker.check(text)
    assert "Maria" in spans(text, verdict, "PERSON")
    suggestion = verdict.suggestions[0]
    assert utf16_slice(text, suggestion.start, suggestion.end) == "Maria"


def test_when_name_is_split_by_zero_width_space_then_it_is_still_found_and_spans_the_original(checker):
    text = "Ma\u200bria from group was hospitalized again"
    verdict = checker.check(text)
    assert verdict.action == "block"
    assert "Ma\u200bria" in spans(text, verdict, "PERSON")


def test_when_letters_are_homoglyphs_then_the_phrase_is_still_found(checker):
    text = "оne of my сlients relapsed"  # Cyrillic о and с
    assert checker.check(text).action == "warn"


def test_when_post_is_lower_case_then_client_name_is_still_found(checker):
    assert checker.check("shoutout to tyler from the drop in, 90 days sober").action == "block"


def test_when_text_is_too_long_then_a_clear_error_says_what_to_do(checker):
    with pytest.raises(InputError, match="Split it into shorter posts"):
        checker.check("a" * 1_000_001)


def test_when_text_has_lone_surrogates_then_a_verdict_is_still_given(checker):
    verdict = checker.check("my client \ud800 Jose relapsed")
    assert verdict.action == "block"


def test_when_account_is_unknown_then_the_error_names_the_choices(checker):
    with pytest.raises(InputError, match="personal, org"):
        checker.check("hello", account="work")


def test_when_long_post_is_checked_then_verdict_still_matches_schema(checker):
    text = ("We had a wonderful season at the community garden. " * 90) + "My client Jose relapsed."
    verdict = checker.check(text)
    jsonschema.validate(verdict.to_dict(), SCHEMA)
    assert verdict.action == "block"


def test_verdict_matches_the_published_schema(checker):
    verdict = checker.check("So proud of Maria, 15, from our youth shelter 💙 call her at 541-555-0187")
    jsonschema.validate(verdict.to_dict(), SCHEMA)


def test_suggestions_do_not_overlap_and_make_the_post_pass(checker):
    from clientsafe.checker.verdict import apply_suggestions

    text = "So proud of Maria from our youth shelter for making the honor roll 💙"
    verdict = checker.check(text)
    ends = [(s.start, s.end) for s in verdict.suggestions]
    assert ends and all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
    rewritten = apply_suggestions(text, verdict)
    assert "Maria" not in rewritten and "shelter" not in rewritten
    # The rewrite is offered only because it checks clear (issue 11: a safe rewrite).
    assert checker.check(rewritten).action == "allow"
    # Where the rewrite would still be held or warned, none is offered and the panel says what to edit.
    held = "So proud of Maria from our youth shelter, she just turned 15!"
    unsafe = checker.check(held)
    assert unsafe.suggestions == [] or checker.check(apply_suggestions(held, unsafe)).action == "allow"


def test_checker_module_does_not_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, clientsafe.checker, clientsafe.cli; print([m for m in sys.modules if 'PySide' in m or 'Qt' in m])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_reason_messages_exist_for_every_rule(checker):
    reasons = json.loads(Path(ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
    assert {r.code for r in checker.rules.rules} <= set(reasons)
