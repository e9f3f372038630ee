"""The layout variants of each site (tests/e2e/fixtures/variants/<site>/<variant>/): look-alike pages written by
people who never saw the extension's code, from the real sites' published markup of different years and
languages, each with the cases a person would go through on it (cases.json) and where its markup came from
(SOURCES.md). A page asks for its variant with the X-Fixture-Variant header (tests/e2e/sites.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import quote

from tests.e2e.sites import VARIANTS_DIR


@dataclass(frozen=True)
class VariantCase:
    variant: str  # "<site>/<variant>"
    id: str
    language: str
    url: str
    steps: tuple[tuple[str, str], ...] = ()
    hostile: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return f"{self.variant}:{self.id}"


@dataclass(frozen=True)
class VariantComposer(VariantCase):
    editor: str = ""
    submit: str = ""
    where: str = ""
    kind: str = ""

    @property
    def submits_by_key(self) -> bool:
        return self.submit in ("Enter", "Control+Enter", "Meta+Enter")


@dataclass(frozen=True)
class VariantPeople(VariantCase):
    button: str = ""
    action: str = ""
    kind: str = ""
    handle: str = ""

    def for_person(self, name: str, handle: str) -> tuple[str, str]:
        """(url, button selector) for this person: the page shows ?name=&handle=; selectors that name the
        example person (a row picked by its link or label) are rewritten for this one."""
        url = self.url.replace("{handle}", handle)
        url += ("&" if "?" in url else "?") + f"name={quote(name)}&handle={quote(handle)}"
        button = self.button.replace(self.handle, handle).replace("Keisha Brown", name)
        return url, button


def _steps(raw) -> tuple[tuple[str, str], ...]:
    return tuple((str(s[0]), str(s[1])) for s in raw or ())


def load() -> tuple[list[VariantComposer], list[VariantPeople]]:
    composers: list[VariantComposer] = []
    people: list[VariantPeople] = []
    for path in sorted(VARIANTS_DIR.glob("*/*/cases.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("synthetic"):  # a made-up redesign for the adapter-update tests, not a real layout
            continue
        variant = f"{path.parent.parent.name}/{path.parent.name}"
        common = {"variant": variant, "language": data.get("language", "en"), "hostile": tuple(data.get("hostile", ()))}
        for c in data.get("composers", []):
            composers.append(
                VariantComposer(
                    **common,
                    id=c["id"],
                    url=c["url"],
                    steps=_steps(c.get("steps")),
                    editor=c["editor"],
                    submit=c["submit"],
                    where=c["where"],
                    kind=c.get("editor_kind", ""),
                )
            )
        for p in data.get("people", []):
            people.append(
                VariantPeople(
                    **common,
                    id=p["id"],
                    url=p["url"],
                    steps=_steps(p.get("steps")),
                    button=p["button"],
                    action=p["action"],
                    kind=p.get("kind", ""),
                    handle=p.get("handle_example", "keisha.b"),
                )
            )
    return composers, people


COMPOSERS, PEOPLE = load()
VARIANTS = sorted({c.variant for c in COMPOSERS} | {p.variant for p in PEOPLE})
