"""Tests for bench/synthetic_identifiers.py (the recall benchmark's data generator)."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "synthetic_identifiers.py"
_spec = importlib.util.spec_from_file_location("synthetic_identifiers", _PATH)
si = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("synthetic_identifiers", si)
_spec.loader.exec_module(si)

N = 60


@pytest.fixture(scope="module")
def samples():
    return si.generate(n_per_type=N, seed=1)


def _spans(samples, typ):
    return [s for item in samples for s in item["spans"] if s["type"] == typ]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def test_deterministic_for_a_seed():
    assert si.generate(20, seed=7) == si.generate(20, seed=7)


def test_different_seeds_differ():
    a = [x["text"] for x in si.generate(20, seed=1)]
    b = [x["text"] for x in si.generate(20, seed=2)]
    assert a != b
    assert sum(x == y for x, y in zip(a, b, strict=True)) < len(a) // 10


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_offsets_exact_and_spans_well_formed(seed):
    for item in si.generate(N, seed=seed):
        text = item["text"]
        assert set(item) == {"text", "spans"}
        prev_end = 0
        for s in sorted(item["spans"], key=lambda s: s["start"]):
            assert s["type"] in si.TYPES
            assert 0 <= s["start"] < s["end"] <= len(text)
            assert text[s["start"] : s["end"]] == s["value"]
            assert s["value"] == s["value"].strip()
            assert s["start"] >= prev_end, "spans must not overlap"
            prev_end = s["end"]


def test_every_type_present_n_times(samples):
    assert len(samples) == N * len(si.TYPES)
    for typ in si.TYPES:
        assert len(_spans(samples, typ)) >= N, typ
        assert sum(any(s["type"] == typ for s in x["spans"]) for x in samples) >= N, typ


def test_at_least_12_templates_per_type():
    for typ in si.TYPES:
        assert len(set(si.TEMPLATES[typ])) >= 12, typ


def test_ssns_valid(samples):
    famous = {"123456789", "078051120", "219099999"}
    for s in _spans(samples, "SSN"):
        assert re.fullmatch(r"\d{3}([- ]?)\d{2}\1\d{4}", s["value"]), s["value"]
        d = re.sub(r"\D", "", s["value"])
        area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
        assert area != 0 and area != 666 and area < 900, d
        assert group != 0 and serial != 0, d
        assert d not in famous
    formats = {re.sub(r"\d", "9", s["value"]) for s in _spans(samples, "SSN")}
    assert {"999-99-9999", "999999999", "999 99 9999"} <= formats


def test_cards_luhn_valid_with_brand_lengths(samples):
    brands = set()
    for s in _spans(samples, "CARD"):
        assert re.fullmatch(r"[\d -]+", s["value"]), s["value"]
        d = re.sub(r"\D", "", s["value"])
        assert _luhn_ok(d), s["value"]
        if d.startswith("4"):
            brands.add("visa")
            assert len(d) == 16
        elif d[:2] in {"34", "37"}:
            brands.add("amex")
            assert len(d) == 15
        elif 51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720:
            brands.add("mc")
            assert len(d) == 16
        elif d.startswith(("6011", "65")) or 644 <= int(d[:3]) <= 649:
            brands.add("discover")
            assert len(d) == 16
        else:
            pytest.fail(f"unknown card brand: {s['value']}")
    assert brands == {"visa", "mc", "amex", "discover"}


def test_phones_realistic(samples):
    for s in _spans(samples, "PHONE"):
        number = re.split(r"\s*(?:ext\.?|x)\s*\d+$", s["value"], flags=re.I)[0]
        d = re.sub(r"\D", "", number)
        if len(d) == 11:
            assert d[0] == "1", s["value"]
            d = d[1:]
        assert len(d) == 10, s["value"]
        assert d[0] not in "01" and d[3] not in "01", s["value"]


def test_name_variety(samples):
    names = [s["value"] for s in _spans(samples, "NAME")]
    assert any(n == n.lower() for n in names), "some lower-case names"
    assert any(" " not in n for n in names), "some single first names"
    words = {"Hope", "Grace", "Faith", "Joy", "Will", "Mark", "Chase", "Rose", "Summer", "Hunter"}
    assert any(n.split()[0].capitalize() in words for n in names), "some word-like names"


def test_age_ranges(samples):
    ages = [int(re.search(r"\d+", s["value"]).group()) for s in _spans(samples, "AGE")]
    assert any(10 <= a <= 17 for a in ages)
    assert any(18 <= a <= 89 for a in ages)
    assert any(a >= 90 for a in ages)


def _perfect(samples):
    by_text = {x["text"]: x["spans"] for x in samples}
    return lambda text: [(s["start"], s["end"], s["type"]) for s in by_text[text]]


def test_recall_perfect_and_empty(samples):
    perfect = si.recall(samples, _perfect(samples))
    assert set(perfect) == {*si.TYPES, "ALL"}
    for key, row in perfect.items():
        assert row["recall"] == 1.0, key
        assert row["hit"] == row["gold"] > 0
    empty = si.recall(samples, lambda text: [])
    for key, row in empty.items():
        assert row["recall"] == 0.0 and row["hit"] == 0, key
    assert empty["ALL"]["gold"] == sum(empty[t]["gold"] for t in si.TYPES)


def test_recall_half_overlap_rule():
    # gold span is 10 characters long: "0123456789" at [4, 14)
    sample = [{"text": "SSN 0123456789 ok", "spans": [{"start": 4, "end": 14, "type": "SSN", "value": "0123456789"}]}]

    def hit(pred):
        return si.recall(sample, lambda text: pred)["SSN"]["hit"]

    assert hit([(4, 8, "SSN")]) == 0  # 40 % of the gold characters
    assert hit([(10, 20, "SSN")]) == 0  # 40 % from the right
    assert hit([(4, 9, "SSN")]) == 1  # exactly half counts
    assert hit([(0, 17, "SSN")]) == 1  # covering more than the span is fine
    assert hit([(4, 14, "CARD")]) == 0  # wrong type
    assert hit([(4, 8, "SSN"), (8, 12, "SSN")]) == 0  # two partial spans are not combined
    assert hit([(0, 3, "SSN"), (5, 13, "SSN")]) == 1


def test_new_safe_harbor_types_are_well_formed(samples):
    for s in _spans(samples, "BANK"):
        value = s["value"].replace(" ", "")
        if value[:2].isalpha():  # an IBAN: ISO 7064 mod 97 over the rearranged characters is 1
            assert int("".join(str(int(c, 36)) for c in value[4:] + value[:4])) % 97 == 1, value
        else:
            assert value.isdigit() and 8 <= len(value) <= 14, value
    for s in _spans(samples, "DEVICE"):
        digits = s["value"]
        if digits.isdigit():
            assert len(digits) == 15 and _luhn_ok(digits), digits  # an IMEI
    for s in _spans(samples, "GOV_ID"):
        m = re.fullmatch(r"9\d\d[- ]?(\d\d)[- ]?\d{4}", s["value"])
        if m and len(re.sub(r"\D", "", s["value"])) == 9 and s["value"][3] in "- ":
            group = int(m.group(1))
            assert 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or 94 <= group <= 99
    for s in _spans(samples, "PHONE_INTL"):
        assert s["value"].startswith(("+", "011 ")) and not s["value"].startswith("+1"), s["value"]
    for s in _spans(samples, "ZIP"):
        assert re.fullmatch(r"\d{5}(-\d{4})?", s["value"]), s["value"]
