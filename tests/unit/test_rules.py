from clientsafe.checker.context import Hit
from clientsafe.checker.rules import RuleTable

TABLE = {
    "groups": {"who": ["PERSON", "AGE_MINOR"], "rel": ["CLIENT_MENTION"], "family": ["FAMILY"]},
    "rules": [
        {
            "code": "STRONG",
            "all": ["rel", "who", "HEALTH"],
            "window": 50,
            "action": {"personal": "block", "org": "block"},
            "policy_ref": "p1",
            "replaces": ["WEAK"],
        },
        {
            "code": "WEAK",
            "all": ["rel", "who"],
            "window": 50,
            "action": {"personal": "warn", "org": "warn"},
            "policy_ref": "p2",
        },
        {
            "code": "ORG_ONLY",
            "all": ["AGE_MINOR"],
            "none": ["family"],
            "action": {"personal": "allow", "org": "warn"},
            "policy_ref": "p3",
        },
    ],
}


def hit(kind, start, end):
    return Hit(kind, "x", start, end, 0.8, "test")


def codes(hits, account="personal"):
    return [f.rule.code for f in RuleTable(TABLE).evaluate(hits, account)]


def test_when_all_parts_are_close_then_rule_fires_and_hides_the_rule_it_replaces():
    assert codes([hit("CLIENT_MENTION", 0, 9), hit("PERSON", 10, 15), hit("HEALTH", 20, 28)]) == ["STRONG"]


def test_when_parts_are_further_apart_than_the_window_then_rule_does_not_fire():
    assert codes([hit("CLIENT_MENTION", 0, 9), hit("PERSON", 200, 205)]) == []


def test_when_a_part_is_missing_then_only_the_weaker_rule_fires():
    assert codes([hit("CLIENT_MENTION", 0, 9), hit("AGE_MINOR", 12, 14)], "org") == ["WEAK", "ORG_ONLY"]


def test_when_account_action_is_allow_then_rule_is_skipped():
    assert codes([hit("AGE_MINOR", 0, 2)], "personal") == []
    assert codes([hit("AGE_MINOR", 0, 2)], "org") == ["ORG_ONLY"]


def test_when_a_blocker_is_anywhere_in_the_post_then_rule_does_not_fire():
    assert codes([hit("AGE_MINOR", 0, 2), hit("FAMILY", 500, 510)], "org") == []


def test_shipped_rule_table_is_consistent():
    table = RuleTable.default()
    known_codes = {r.code for r in table.rules}
    for rule in table.rules:
        assert rule.action.keys() == {"personal", "org"}, rule.code
        assert set(rule.replaces) <= known_codes, rule.code
        assert all(table.members(name) for name in rule.all)
