"""What a verdict says to a person, put together once: headline, marked phrases, each reason with its title,
message, teaching example and policy section (title and link), and the rewrite or what is still to edit.

The command line (``display.py``), the tray's Check a draft window and the browser extension (through the reason
items the service adds to ``/v1/check`` and ``/v1/relationship``) all show this, so they cannot drift apart
again: before issue 16 the tray showed "Policy: hipaa-minimum-necessary" where the browser showed the handbook's
title. The words come from ``shared/reasons.json`` and ``shared/policy_sections.json``, in English or Spanish.
No Qt, no engine import: the service renders with this while the engine is still warming up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clientsafe import i18n
from clientsafe.checker.normalise import index_from_utf16
from clientsafe.checker.reasons import localised, policy_section_titles, reasons
from clientsafe.checker.verdict import Verdict, apply_suggestions

# Finding categories whose phrases are marked in the post (family and place words are context, not the risk).
MARKED = frozenset({"identifier", "relationship", "sensitive", "youth"})

# The verdict in one word, then in one sentence; colour and layout only repeat it.
VERDICT_WORD = {
    "en": {"allow": "ALLOW", "warn": "WARN", "block": "BLOCK", "error": "ERROR"},
    "es": {"allow": "PERMITIDA", "warn": "AVISO", "block": "RETENIDA", "error": "ERROR"},
}
HEADLINES = {
    "en": {
        "allow": "OK to post: nothing here looks like client information.",
        "warn": "Check before posting: this may identify someone you serve.",
        "block": "Hold this post: it would breach client confidentiality.",
        "error": "Could not check this post.",
    },
    "es": {
        "allow": "Se puede publicar: nada aquí parece información de clientes.",
        "warn": "Revise antes de publicar: esto podría identificar a alguien a quien atiende su organización.",
        "block": "No publique esto: rompería la confidencialidad de los clientes.",
        "error": "No se pudo revisar esta publicación.",
    },
}
# Said under an allow, where there are no reasons to list.
NOTHING_FOUND = {
    "en": "Nothing here looks like client information.",
    "es": "Nada aquí parece información de clientes.",
}
_STILL_TO_EDIT = {
    "en": "No safe rewrite could be suggested: edit these details yourself first: {details}.",
    "es": "No se pudo sugerir una versión segura: primero cambie usted estos datos: {details}.",
}


@dataclass(frozen=True)
class PolicySection:
    ref: str
    title: str  # the organisation's own heading when its policy_links gives one, else the handbook's
    url: str | None  # the organisation's page for this section (policy_links); None when it has not given one

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class ReasonItem:
    code: str
    title: str
    message: str
    example: str
    policy: PolicySection | None

    def to_dict(self) -> dict[str, Any]:
        """The verdict's reason as the service returns it: the old fields (code, message, policy_ref, example) that
        older extensions read, plus title and policy {ref, title, url}."""
        return {
            "code": self.code,
            "message": self.message,
            "policy_ref": self.policy.ref if self.policy else "",
            "example": self.example,
            "title": self.title,
            "policy": self.policy.to_dict() if self.policy else None,
        }


@dataclass(frozen=True)
class Explanation:
    lang: str
    action: str
    word: str  # "BLOCK" / "RETENIDA"
    headline: str  # the sentence after the word
    spans: tuple[tuple[int, int], ...]  # the phrases to mark, as Python string ranges into the text
    reasons: tuple[ReasonItem, ...]
    rewrite: str  # the suggested rewrite (only ever a safe one), or ""
    still_to_edit: str  # why no rewrite is offered, or ""

    @property
    def banner(self) -> str:
        return f"{self.word}: {self.headline}"


def _policy_links(policy: Any) -> Mapping[str, Any]:
    if policy is None:
        return {}
    values = policy if isinstance(policy, Mapping) else getattr(policy, "values", {})
    links = values.get("policy_links") if isinstance(values, Mapping) else None
    return links if isinstance(links, Mapping) else {}


def policy_section(ref: str, lang: str, policy: Any = None) -> PolicySection | None:
    """The section a reason cites: the organisation's link and heading when given, else the handbook's title."""
    if not ref:
        return None
    link = _policy_links(policy).get(ref) or {}
    titles = policy_section_titles().get(ref, {})
    # An unknown ref (a newer rule table than this copy knows) still shows something, never nothing.
    title = link.get("title") or titles.get(lang) or titles.get("en") or ref
    return PolicySection(ref, str(title), link.get("url") or None)


def reason_item(
    code: str, policy_ref: str, lang: str, policy: Any = None, message: str = "", example: str = ""
) -> ReasonItem:
    """One reason in ``lang``; ``message``/``example`` are used only for a code reasons.json does not have."""
    info = localised(reasons().get(code, {}), lang)
    return ReasonItem(
        code=code,
        title=str(info.get("title", "")),
        message=str(info.get("message") or message or code),
        example=str(info.get("example", example) or ""),
        policy=policy_section(policy_ref, lang, policy),
    )


def reason_items(items: Iterable[Any], lang: str, policy: Any = None) -> list[dict[str, Any]]:
    """The service's reason dicts (or ``Reason`` objects) re-rendered in ``lang`` with title and policy section."""
    out = []
    for r in items:
        get = r.get if isinstance(r, Mapping) else lambda k, d="", r=r: getattr(r, k, d)
        item = reason_item(get("code", ""), get("policy_ref", ""), lang, policy, get("message", ""), get("example", ""))
        out.append(item.to_dict())
    return out


def marked_spans(text: str, verdict: Verdict) -> list[tuple[int, int]]:
    """The phrases to mark, merged, as Python string ranges (the verdict's offsets are UTF-16 units)."""
    spans = sorted(
        (index_from_utf16(text, f.start), index_from_utf16(text, f.end))
        for f in verdict.findings
        if f.category in MARKED
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def still_to_edit(verdict: Verdict, lang: str) -> str:
    """Why no rewrite is offered and what to edit (empty when there is a safe rewrite, or nothing to edit)."""
    rewrite = verdict.rewrite or {}
    details = rewrite.get("still_to_edit") or []
    if rewrite.get("safe", True) or not details:
        return ""
    quoted = ", ".join(f"\u201c{d['text']}\u201d" for d in details)
    return _STILL_TO_EDIT[lang].format(details=quoted)


def explain(verdict: Verdict, text: str, policy: Any = None, lang: str | None = None) -> Explanation:
    """Everything a person reads about ``verdict`` on ``text``, in ``lang`` (default: ``i18n.language(policy)``)."""
    lang = lang if lang in i18n.LANGUAGES else i18n.language(policy)
    action = verdict.action if verdict.action in HEADLINES[lang] else "error"
    show_marks = verdict.action != "allow" and bool(text.strip())
    return Explanation(
        lang=lang,
        action=action,
        word=VERDICT_WORD[lang][action],
        headline=HEADLINES[lang][action],
        spans=tuple(marked_spans(text, verdict)) if show_marks else (),
        reasons=tuple(reason_item(r.code, r.policy_ref, lang, policy, r.message, r.example) for r in verdict.reasons),
        rewrite=apply_suggestions(text, verdict) if verdict.suggestions else "",
        still_to_edit=still_to_edit(verdict, lang),
    )
