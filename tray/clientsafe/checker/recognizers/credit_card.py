"""Payment card numbers: 13-19 digits in the usual groupings that pass the Luhn check.

Kept rather than Presidio's CreditCardRecognizer: Presidio's pattern lists the brands' leading digits and has no
2-series Mastercard (2221-2720, issued since 2017), so "2221 0012 3456 7896" passes unseen; here any number that
passes Luhn in a card's length counts. On Presidio's own card test cases this finds every number Presidio finds
(tests/checker/test_presidio_parity.py).
"""

from clientsafe.checker.recognizers.base import RegexRecognizer


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


class PaymentCardRecognizer(RegexRecognizer):
    ENTITY = "CREDIT_CARD"
    PATTERNS = [
        ("grouped", r"(?<![\w-])(?:\d{4}[ -]){3}\d{1,7}(?![\w-])", 0.6),
        ("amex", r"(?<![\w-])3[47]\d{2}[ -]\d{6}[ -]\d{5}(?![\w-])", 0.6),
        ("bare", r"(?<![\w-])\d{13,19}(?![\w-])", 0.5),
    ]
    CONTEXT = ["card", "visa", "mastercard", "amex", "discover", "credit", "debit", "cc"]

    def validate(self, text: str, value: str, score: float) -> float | None:
        digits = "".join(c for c in value if c.isdigit())
        if not 13 <= len(digits) <= 19 or not luhn_ok(digits) or len(set(digits)) == 1:
            return None
        return score + 0.3
