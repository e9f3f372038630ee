"""The checker: a draft post in, a verdict out. The pipeline reads top to bottom in ``Checker.check``:

text -> normalise (NFKC, invisibles, confusables; offset map) -> language (en/es) -> findings (one NLP pass
per changed chunk, people, the organisation's own details, phrase lists, the roster) -> risk rules -> learned
risk layer -> verdict (UTF-16 offsets, reasons in the post's language) -> the rewrite checked again.
"""

from __future__ import annotations

import time
from importlib.metadata import version as package_version
from typing import TYPE_CHECKING

from clientsafe import __version__, settings
from clientsafe.checker import language as lang
from clientsafe.checker.analyzer import build_analyzer
from clientsafe.checker.compose import ModelCall, compose
from clientsafe.checker.context import Hit
from clientsafe.checker.findings import Finder
from clientsafe.checker.learned import Assessment, LearnedLayerError, Post, RiskModel, is_review
from clientsafe.checker.normalise import normalise
from clientsafe.checker.org import OrgProfile
from clientsafe.checker.reasons import load_reasons
from clientsafe.checker.review_reply import find_review_cues, suggested_reply
from clientsafe.checker.rules import Fired, RuleTable
from clientsafe.checker.verdict import ACTION_RANK, Verdict, apply_suggestions

if TYPE_CHECKING:
    from clientsafe.roster.match import Roster

ACCOUNTS = ("personal", "org")
# Rules on hard evidence: an ID number, the roster, contact details, a date of birth. The learned layer never
# outvotes them. The other rules (phrase lists combined) are evidence the learned layer weighs.
HARD_RULES = frozenset(
    {
        "ID_NUMBER",
        "ROSTER_CLIENT",
        "ROSTER_MINOR",
        "ROSTER_CONSENT_CHECK_SCOPE",
        "PRIVATE_CONTACT",
        "DATE_OF_BIRTH",
        "AGE_OVER_89",
        # A review reply that confirms the reviewer was served is the breach itself (HHS OCR settlements): the
        # learned layer, trained mostly on posts, does not get to set it aside.
        "REVIEW_REPLY_CONFIRMS",
    }
)
# Reasons only the learned layer gives (no rule carries them), with the policy section each cites.
LEARNED_POLICY_REFS = {"REVIEW_REPLY_CONFIRMS": "review-replies"}
# The learned layer sets a phrase rule aside only when its "risky" score is below this: even odds, not tuned
# (the held-out writers were not looked at to choose it).
VETO = 0.5


class InputError(ValueError):
    """The request cannot be checked as given; the message says why and what to do."""


def build_checker(org: OrgProfile | None = None, policy=None, **kwargs) -> Checker:  # type: ignore[no-untyped-def]
    """The one factory every caller (tray, service, CLI) uses: the checker the policy in force asks for."""
    return Checker(
        org=org if org is not None else (policy.org_profile() if policy is not None else None),
        rules=policy.rule_table() if policy is not None else None,
        consent_covers_minors=bool(policy["consent_covers_minors"]) if policy is not None else False,
        **kwargs,
    )


class Checker:
    """Build once (loads the models, a second or two), then call :meth:`check` from any thread."""

    def __init__(
        self,
        org: OrgProfile | None = None,
        rules: RuleTable | None = None,
        model: str | None = None,
        roster: Roster | None = None,
        consent_covers_minors: bool = False,
        risk_model: RiskModel | bool | None = True,
    ):
        """``roster``: the client roster to look for (default: the imported one in the data folder, re-read
        when a new import lands). ``consent_covers_minors``: whether a media release on file covers a minor
        on the client list too (the organisation policy decides; off by default). ``risk_model``: the learned
        layer (default: the shipped one; ``False``: the rules alone, said so in every verdict)."""
        self.model = model or settings.get("model")
        if roster is None:
            from clientsafe.roster.match import Roster

            roster = Roster()
        org = org or OrgProfile()
        self.rules = rules or RuleTable.default()
        self.reasons = load_reasons()
        self.max_chars = int(settings.get("max_text_chars"))
        analyzer = build_analyzer(self.model)
        self.finder = Finder(analyzer, org, roster, float(settings.get("min_score")), consent_covers_minors)
        self.learned_problem = ""
        self.risk: RiskModel | None = None
        if isinstance(risk_model, RiskModel):
            self.risk = risk_model
        elif risk_model is True:
            try:
                self.risk = RiskModel.load()
            except LearnedLayerError as e:
                self.learned_problem = str(e)
        else:
            self.learned_problem = "the learned risk layer is switched off; the rules alone decide"
        nlp = analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
        self.version = (
            f"clientsafe {__version__}; presidio-analyzer {package_version('presidio-analyzer')}; "
            f"spacy {package_version('spacy')}; {self.model} {nlp.meta.get('version', '?')}"
            + (f"; risk model {self.risk.meta.get('version', '?')}" if self.risk else "")
        )
        self.warm_up()

    @property
    def org(self) -> OrgProfile:
        return self.finder.org

    @org.setter
    def org(self, value: OrgProfile) -> None:  # a new policy in force (the service follows it)
        self.finder.org = value

    @property
    def roster(self) -> Roster:
        return self.finder.roster

    @roster.setter
    def roster(self, value: Roster) -> None:
        self.finder.roster = value

    @property
    def consent_covers_minors(self) -> bool:
        return self.finder.consent_covers_minors

    @consent_covers_minors.setter
    def consent_covers_minors(self, value: bool) -> None:
        self.finder.consent_covers_minors = value

    @property
    def learned(self) -> str:
        """``"on"``, or why the rules decide alone (shown in every verdict's ``engine`` and in the self-test)."""
        return "on" if self.risk is not None else f"off: {self.learned_problem}"

    def warm_up(self) -> None:
        """Run checks so the first real post does not pay for lazy initialisation (both languages)."""
        self.check(
            "Warm-up: Maria from our program (maria@example.org, 541-555-0100) asked about her 14-year-old's IEP."
        )
        self.check("Calentamiento: Rosa, de nuestro programa, preguntó por su cita.")

    def clear_caches(self) -> None:
        """Forget the chunks read so far (benchmarks measure posts the checker has never seen)."""
        self.finder.clear_cache()
        if self.risk is not None:
            self.risk.encoder.clear_cache()

    def check(self, text: str, account: str = "personal", site: str | None = None, kind: str | None = None) -> Verdict:
        started = time.perf_counter()
        if not isinstance(text, str):
            raise InputError("text must be a string")
        if account not in ACCOUNTS:
            raise InputError(f"account must be one of {', '.join(ACCOUNTS)}, not {account!r}")
        if len(text) > self.max_chars:
            raise InputError(
                f"The text is {len(text):,} characters; ClientSafe checks up to {self.max_chars:,}. "
                "Split it into shorter posts."
            )
        verdict, language = self._check(text, account, site, kind)
        if verdict.suggestions:
            self._verify_rewrite(verdict, text, account, site, kind)
        verdict.engine = {
            "ms": round((time.perf_counter() - started) * 1000, 2),
            "version": self.version,
            "language": language,
            "learned": self.learned,
        }
        return verdict

    def _check(self, text: str, account: str, site: str | None, kind: str | None) -> tuple[Verdict, str]:
        norm = normalise(text)
        language = lang.detect(norm.text)
        hits = self.finder.find(norm.text, language)
        review = is_review(site, kind)
        if review:  # "your appointment" is a reminder in a post and a confirmation in a reply to a review
            hits = sorted(hits + find_review_cues(norm.text, language, hits), key=lambda h: (h.start, h.end))
        fired = self.rules.evaluate(hits, account, replace=False)
        applied, call = self._learned_layer(norm.text, hits, fired, account, review, language)
        applied = self.rules.drop_replaced(applied)
        verdict = compose(norm, hits, applied, self.rules, self.reasons, language, call)
        if review and any(r.code == "REVIEW_REPLY_CONFIRMS" for r in verdict.reasons):
            # Taking words out cannot undo a confirmation: the rewrite is a whole reply that confirms nothing.
            verdict.suggestions = suggested_reply(text, self.reasons, language)
        return verdict, language

    # -- the learned layer ---------------------------------------------------------------------------

    def _learned_layer(
        self,
        text: str,
        hits: list[Hit],
        fired: list[Fired],
        account: str,
        review: bool,
        language: str,
    ) -> tuple[list[Fired], ModelCall | None]:
        """Which rules apply, and the learned layer's call. Without the layer every rule applies (as said in
        the verdict's ``engine``); with it, the hard-evidence rules apply and the phrase rules only explain."""
        if self.risk is None or not text.strip():
            return fired, None
        hard = [f for f in fired if f.rule.code in HARD_RULES]
        soft = [f for f in fired if f.rule.code not in HARD_RULES]
        codes = {f.rule.code for f in fired}
        post = Post(text, hits, codes, account, review, language, self.rules.members("id_number"))
        a = self.risk.assess(post)
        action = self.risk.action(a, account)
        if action == "allow":
            # Below its warn line the layer is not sure the post is harmless: the phrase rules still apply unless
            # it is (VETO). It sets aside phrase rules only on posts it reads as clearly harmless.
            return (hard, None) if a.risky < VETO else (fired, None)
        # The layer decides whether the post is risky; once it is, the phrase rules that fired apply at their own
        # strength (a named client with a service is held even when the layer alone would only warn) and explain
        # the call. The reason the layer itself gives is added only when none fired.
        explaining = list(soft)
        code = next((f.rule.code for f in sorted(explaining, key=lambda f: -ACTION_RANK[f.action])), "")
        evidence: tuple[Hit, ...] = ()
        if not code:
            code = _reason_for(a, action, review, self.rules.members("detail"))
            shown = {h.category for h in hits}
            if not shown & {"relationship", "sensitive", "youth"}:
                span = self.risk.relied_on(post)
                if span is not None:
                    evidence = (Hit("RISK_CONTEXT", "context", span[0], span[1], round(a.risky, 2), "model"),)
        call = ModelCall(
            action,
            code,
            self.rules.policy_ref(code, LEARNED_POLICY_REFS.get(code, "confidentiality-clients")),
            evidence,
        )
        return hard + explaining, call

    # -- the rewrite is only offered when it is safe ----------------------------------------------------

    def _verify_rewrite(self, verdict: Verdict, text: str, account: str, site: str | None, kind: str | None) -> None:
        """Check the suggested rewrite again; offer it only when it comes back ``allow``, and otherwise say
        which details still need editing."""
        from clientsafe.checker.normalise import index_from_utf16

        rewritten = apply_suggestions(text, verdict)
        again, _ = self._check(rewritten, account, site, kind)
        if again.action == "allow":
            verdict.rewrite = {"safe": True, "text": rewritten, "still_to_edit": []}
            return
        still = []
        for f in again.findings:
            if f.category in {"identifier", "relationship", "sensitive", "youth", "context"}:
                value = rewritten[index_from_utf16(rewritten, f.start) : index_from_utf16(rewritten, f.end)]
                if value.strip() and not value.startswith("["):
                    still.append({"type": f.type, "text": value})
        if not still:  # the layer alone still reads it as risky: point at the whole rewritten story
            still = [{"type": "RISK_CONTEXT", "text": rewritten.strip()[:200]}]
        verdict.rewrite = {"safe": False, "text": "", "still_to_edit": still[:8]}
        verdict.suggestions = []


def _reason_for(a: Assessment, action: str, review: bool, details: frozenset[str]) -> str:
    """The plain-language reason for a call the learned layer made on its own, from what it read."""
    cats = {c for c, p in a.categories.items() if p >= 0.5}
    if review:
        return "REVIEW_REPLY_CONFIRMS"
    if action == "block":
        if cats & {"SHELTER", "LOCATION"}:
            return "SHELTER_LOCATION"
        if "YOUTH" in cats and cats & details:
            return "MINOR_SENSITIVE_DETAIL"
        return "CLIENT_HEALTH_DETAIL" if cats & details else "CLIENT_IDENTIFIED"
    return "CLIENT_SENSITIVE_DETAIL" if cats & details else "CLIENT_STORY"
