"""US Individual Taxpayer Identification Numbers: Presidio's UsItinRecognizer, with our cue words.

An ITIN has the shape of an SSN with a 9 in front and a group of 50-65, 70-88, 90-92 or 94-99. Presidio scores
the dashed shape 0.5 and bare digits 0.3 (0.05 with mixed separators), leaving the rest to context words; ours
are "ITIN", "tax id", "taxpayer" and their Spanish forms. The SSN recognizer never reports a number starting
with 9 (the SSA does not issue them), so the two never compete.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import UsItinRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded


class ItinRecognizer(Guarded, UsItinRecognizer):
    CUES = [
        "itin",
        "tin",
        "tax id",
        "taxpayer",
        "tax payer",
        "tax number",
        "taxes",
        "contribuyente",
        "número de impuestos",
        "identificación fiscal",
    ]
    CUE_BOOST = 0.4

    def __init__(self) -> None:
        super().__init__(name="ItinRecognizer")
