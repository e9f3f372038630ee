"""Risk rules as data: ``rules.json`` (documented in docs/rules.md) turns findings into a verdict.

A rule fires when, for each entry in ``all``, some finding of that type or group lies within ``window``
characters of the others, and no finding listed in ``none`` is anywhere in the post. A rule that
fires hides the rules it ``replaces``. Its action depends on the
account (personal or org); the verdict takes the strongest action of the rules that fired.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from clientsafe.checker.context import Hit


@dataclass(frozen=True)
class Rule:
    code: str
    all: tuple[str, ...]
    none: tuple[str, ...]
    window: int
    action: dict[str, str]
    policy_ref: str
    suggest: tuple[str, ...]
    replaces: tuple[str, ...]


@dataclass(frozen=True)
class Fired:
    rule: Rule
    action: str
    hits: tuple[Hit, ...]


class RuleTable:
    def __init__(self, data: dict[str, Any]) -> None:
        self.groups: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in data["groups"].items()}
        self.rules = tuple(
            Rule(
                code=r["code"],
                all=tuple(r["all"]),
                none=tuple(r.get("none", ())),
                window=int(r.get("window", 100_000)),
                action=dict(r["action"]),
                policy_ref=r["policy_ref"],
                suggest=tuple(r.get("suggest", ())),
                replaces=tuple(r.get("replaces", ())),
            )
            for r in data["rules"]
        )
        self.replacements: dict[str, str] = dict(data.get("replacements", {}))
        # Rewrites in other languages ("replacements_es"): a Spanish post is rewritten in Spanish.
        self._replacements_by_language = {
            key.removeprefix("replacements_"): {**self.replacements, **value}
            for key, value in data.items()
            if key.startswith("replacements_")
        }

    @classmethod
    def default(cls) -> RuleTable:
        text = (resources.files("clientsafe.checker") / "rules.json").read_text(encoding="utf-8")
        return cls(json.loads(text))

    def replacements_for(self, language: str) -> dict[str, str]:
        return self._replacements_by_language.get(language, self.replacements)

    def policy_ref(self, code: str, default: str) -> str:
        """The policy section of the first rule with this code (the learned layer reuses the rules' codes)."""
        return next((r.policy_ref for r in self.rules if r.code == code), default)

    def members(self, name: str) -> frozenset[str]:
        return self.groups.get(name, frozenset({name}))

    def evaluate(self, hits: list[Hit], account: str, replace: bool = True) -> list[Fired]:
        fired = []
        for rule in self.rules:
            action = rule.action.get(account, "allow")
            if action == "allow":
                continue
            match = self._match(rule, hits)
            if match is not None:
                fired.append(Fired(rule, action, match))
        return self.drop_replaced(fired) if replace else fired

    @staticmethod
    def drop_replaced(fired: list[Fired]) -> list[Fired]:
        """A more specific rule says everything a weaker one would ("client + health detail + name" covers
        "client + name"), so the weaker reason is not shown twice. Only rules that apply replace others: a
        phrase rule the learned layer set aside must not take a hard-evidence rule with it."""
        replaced = {code for f in fired for code in f.rule.replaces}
        return [f for f in fired if f.rule.code not in replaced]

    def _match(self, rule: Rule, hits: list[Hit]) -> tuple[Hit, ...] | None:
        candidates = []
        for name in rule.all:
            wanted = self.members(name)
            found = [h for h in hits if h.type in wanted]
            if not found:
                return None
            candidates.append(found[:12])  # enough for any real post; bounds the product below
        # A blocker (e.g. "my daughter") anywhere in the post cancels the rule: the post is about family.
        if any(h.type in self.members(n) for h in hits for n in rule.none):
            return None
        best: tuple[Hit, ...] | None = None
        for combo in itertools.product(*candidates):
            if max(h.end for h in combo) - min(h.start for h in combo) <= rule.window:
                best = combo
                break
        if best is None:
            return None
        # Report every finding of the rule's types in the matched stretch, not just one of each.
        lo = min(h.start for h in best) - rule.window // 2
        hi = max(h.end for h in best) + rule.window // 2
        wanted_all = frozenset().union(*(self.members(n) for n in rule.all))
        return tuple(h for h in hits if h.type in wanted_all and lo <= h.start and h.end <= hi)
