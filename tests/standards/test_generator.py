"""The Community Standards page as the organisation publishes it: what it says, in both languages and formats."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from clientsafe.standards import StandardsError, generate

POLICY = {
    "organisation": {"name": "Hillside Teen Center"},
    "community_standards": {
        "values": [{"en": "kind", "es": "amables"}, "useful"],
        "contact": {
            "private_channel": {"en": "Message our page", "es": "Escribe a nuestra página"},
            "phone": "(555) 010-0199",
            "email": "hello@hillside.example.org",
            "url": "https://hillside.example.org/contact",
        },
    },
    "policy_links": {
        "confidentiality-clients": {"url": "https://intranet.hillside.example.org/policy#4", "title": "Handbook 4"},
        "privacy": {"url": "https://hillside.example.org/privacy", "title": "Hillside Privacy Policy"},
    },
}


class _Outline(HTMLParser):
    """Headings in order, the html element's lang, and anything that would fetch or run something."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.lang: str | None = None
        self.fetches: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)
        if tag == "script" or any(name.startswith("on") for name in attributes):
            self.scripts += 1
        if "src" in attributes or tag == "link":
            self.fetches.append(tag)


def outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    return parser


def test_when_the_policy_names_values_then_the_page_fills_them_into_its_sentence():
    assert "We want these pages to be kind and useful." in generate(POLICY, "md", "en")
    assert "Queremos que estas páginas sean amables y useful." in generate(POLICY, "md", "es")


def test_when_the_policy_names_no_values_then_the_built_in_ones_are_used():
    page = generate({"organisation": {"name": "Hillside"}}, "md", "es")
    assert "sean respetuosas, informativas, solidarias y seguras para todas las personas." in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "# Hillside Teen Center Community Standards",
                "You are responsible for what you post here.",
                "Posting your own private information here makes it public too",
                "**Health information**",
                "**Naming the people we serve**",
                "**Photos of young people**",
                "**Harassment and bullying**",
                "**Spam and scams**",
                "## Extra protection for young people",
                "even if they posted it themselves",
                "Never share personal details in a comment.",
                "- Message our page",
                "- Phone: [(555) 010-0199](<tel:5550100199>)",
                "- E-mail: [hello@hillside.example.org](<mailto:hello@hillside.example.org>)",
                "[Hillside Privacy Policy](<https://hillside.example.org/privacy>)",
            ],
        ),
        (
            "es",
            [
                "# Normas de la comunidad de Hillside Teen Center",
                "Eres responsable de lo que publicas aquí.",
                "Si publicas tu propia información privada aquí, también se vuelve pública",
                "**Información de salud**",
                "**Fotos de personas jóvenes**",
                "## Protección adicional para personas jóvenes",
                "aunque la haya publicado ella misma",
                "Nunca compartas datos personales en un comentario.",
                "- Escribe a nuestra página",
                "- Teléfono: [(555) 010-0199](<tel:5550100199>)",
                "## Nuestra política de privacidad",
            ],
        ),
    ],
)
def test_the_page_says_each_thing_the_standards_must_say_in_both_languages(lang, expected):
    page = generate(POLICY, "md", lang)
    for line in expected:
        assert line in page, line


def test_the_privacy_policy_link_prefers_the_public_privacy_page_over_an_intranet_section():
    page = generate(POLICY, "md", "en")
    assert "intranet" not in page
    only_intranet = {
        **POLICY,
        "policy_links": {"confidentiality-clients": POLICY["policy_links"]["confidentiality-clients"]},
    }
    assert "[Handbook 4](<https://intranet.hillside.example.org/policy#4>)" in generate(only_intranet, "md", "en")
    without = {**POLICY, "policy_links": {}}
    assert "privacy policy" not in generate(without, "md", "en").lower()


def test_when_youth_protection_is_off_then_the_youth_section_is_left_out():
    policy = {**POLICY, "community_standards": {"youth_extra_protection": False}}
    page = generate(policy, "md", "en")
    assert "## Extra protection for young people" not in page and "even if they posted it themselves" not in page
    assert "## Extra protection for young people" in generate(POLICY, "md", "en")


def test_only_the_removed_kinds_the_policy_lists_appear_and_its_own_items_follow_them():
    policy = {
        "organisation": {"name": "Eastside Clinic"},
        "community_standards": {
            "removed": ["spam", "health"],
            "removed_extra": [{"what": {"en": "Questions about your care"}, "why": "We answer privately."}],
        },
    }
    page = generate(policy, "md", "es")
    items = [line for line in page.splitlines() if line.startswith("- **")]
    # Spanish is missing for the organisation's own item: its English is shown rather than nothing.
    assert items == [
        "- **Información de salud**: Diagnósticos, tratamientos, medicamentos, embarazo, salud mental o consumo de "
        "sustancias, tuyos o de otra persona: una vez publicado no se puede recuperar.",
        "- **Spam y estafas**: Publicaciones repetidas, enlaces engañosos y peticiones de dinero o datos personales.",
        "- **Questions about your care**: We answer privately.",
    ]


def test_without_contact_details_the_page_still_says_to_write_privately():
    page = generate({"organisation": {"name": "Hillside"}}, "md", "en")
    assert "send us a private message instead." in page


def test_the_html_page_is_self_contained_declares_its_language_and_keeps_headings_in_order():
    for lang in ("en", "es"):
        html = generate(POLICY, "html", lang)
        found = outline(html)
        assert found.lang == lang
        assert found.headings[0] == "h1" and found.headings.count("h1") == 1
        assert set(found.headings[1:]) == {"h2"} and len(found.headings) == 6
        assert found.fetches == [] and found.scripts == 0
        assert '<meta charset="utf-8">' in html


def test_values_from_the_policy_are_escaped_in_html_and_cannot_make_markdown_links():
    hostile = {
        "organisation": {"name": 'Bad <script>alert(1)</script> & "Co"'},
        "community_standards": {
            "values": ["[click](javascript:alert(1))", "<img src=x onerror=alert(1)>"],
            "contact": {"private_channel": '"><script>x()</script>'},
        },
    }
    html = generate(hostile, "html", "en")
    found = outline(html)
    assert found.scripts == 0 and found.fetches == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;" in html
    md = generate(hostile, "md", "en")
    assert "\\[click\\](javascript:alert(1))" in md
    assert "\\<img src=x onerror=alert(1)\\>" in md and "\\<script\\>" in md
    assert re.search(r"(?<!\\)<(img|script)", md) is None


def test_when_the_policy_has_no_organisation_name_then_the_error_says_what_to_set():
    with pytest.raises(StandardsError, match=r"Set organisation\.name in the policy"):
        generate({"organisation": {}}, "md", "en")


def test_an_unknown_language_or_format_is_refused_in_plain_words():
    with pytest.raises(StandardsError, match="Choose one of: en, es"):
        generate(POLICY, "md", "fr")
    with pytest.raises(StandardsError, match="Choose md"):
        generate(POLICY, "pdf", "en")


def test_the_page_language_defaults_to_the_policy_language():
    policy = {**POLICY, "community_standards": {**POLICY["community_standards"], "language": "es"}}
    assert generate(policy, "md").startswith("# Normas de la comunidad de Hillside Teen Center")
    assert generate(POLICY, "md").startswith("# Hillside Teen Center Community Standards")


def test_an_empty_removed_list_keeps_only_the_organisations_own_items():
    only_own = {
        "organisation": {"name": "Eastside Clinic"},
        "community_standards": {"removed": [], "removed_extra": [{"what": "Fundraising", "why": "Ask us first."}]},
    }
    items = [line for line in generate(only_own, "md", "en").splitlines() if line.startswith("- **")]
    assert items == ["- **Fundraising**: Ask us first."]
    nothing = {"organisation": {"name": "Eastside Clinic"}, "community_standards": {"removed": []}}
    for fmt in ("md", "html"):
        page = generate(nothing, fmt, "en")
        assert "We hide or remove posts and comments that include" not in page and "<ul>\n</ul>" not in page
