"""Request and response models: the contract written down (shared/api/openapi.json is generated
from these). Unknown fields are refused, and types are strict: "1" is not 1."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from clientsafe.checker.verdict import Action


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class CheckRequest(Strict):
    text: str = Field(max_length=100_000, description="The draft post, as typed.")
    site: str = Field(max_length=64, description="Where it will be posted, e.g. facebook.")
    account: Literal["personal", "org"] = Field(description="The staff member's own account, or the organisation's.")
    url: str | None = Field(default=None, max_length=2048, description="Page address (used for nothing but site).")
    kind: Literal["post", "comment", "review_reply"] | None = Field(
        default=None,
        description="What the text is, when the page says: review_reply is a reply to an online review from the "
        "organisation's account, checked for confirming that the reviewer is or was a client or patient. "
        "Optional: without it the text is checked as a post.",
    )
    lang: str | None = Field(
        default=None,
        max_length=35,
        description="The browser's language, e.g. es or es-MX: the reasons are worded in it unless the policy sets "
        "a language. Other or none: the post's own language.",
    )


class PolicySection(BaseModel):
    ref: str = Field(description="The policy_ref, as rules.json cites it.")
    title: str = Field(description="The organisation's heading (policy_links) or the handbook's title, translated.")
    url: str | None = Field(description="The organisation's page for this section; null when it gave none.")


class Reason(BaseModel):
    code: str
    message: str
    policy_ref: str
    example: str = ""
    title: str = Field(default="", description="The reason's short title (shared/reasons.json), translated.")
    policy: PolicySection | None = Field(
        default=None, description="The policy section the reason cites, ready to show: title and link."
    )


class Finding(BaseModel):
    type: str
    category: str
    start: int = Field(description="UTF-16 code units, as JavaScript counts.")
    end: int
    score: float
    source: str


class Suggestion(BaseModel):
    start: int
    end: int
    replacement: str


class CheckResponse(BaseModel):
    check_id: str = Field(description="Quote it in POST /v1/decision.")
    action: Action
    reasons: list[Reason]
    findings: list[Finding]
    suggestions: list[Suggestion]
    engine: dict[str, float | str]


class DecisionRequest(Strict):
    check_id: str = Field(max_length=64)
    choice: Literal[
        "edited", "applied_suggestions", "cancelled", "posted_anyway", "request_sent_anyway", "request_not_sent"
    ] = Field(
        description="For a post: edited | applied_suggestions | cancelled | posted_anyway. For a friend, follow or "
        "message request (check_id from POST /v1/relationship): request_sent_anyway | request_not_sent."
    )
    reason: str | None = Field(
        default=None,
        max_length=500,
        description="Why the post went anyway. Checked, and every finding replaced, before the audit stores it.",
    )


class DecisionResponse(BaseModel):
    recorded: bool


class CoverageReport(Strict):
    """A site's adapter missed something on a page (POST /v1/coverage). Content-free by construction."""

    site: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]{0,63}$", description="The site key (x, facebook) or host name.")
    adapter_version: str = Field(
        pattern=r"^[0-9A-Za-z][0-9A-Za-z.:+-]{0,39}$", description="The adapter data's version."
    )
    missing: list[str] = Field(
        min_length=1,
        max_length=8,
        description="What was not found: composer, adapter (the data did not load), or <where>:submit "
        "(a composer whose submit control was not found: ClientSafe cannot hold posts from it).",
    )

    @field_validator("missing")
    @classmethod
    def _parts(cls, value: list[str]) -> list[str]:
        for part in value:
            if not re.fullmatch(r"composer|adapter|(post|comment|reply|caption|message|title):submit", part):
                raise ValueError("each part is composer, adapter or <where>:submit")
        return value


class CoverageRecorded(BaseModel):
    recorded: bool = Field(description="False when the same report was recorded in the last hour (or no audit).")


class PolicySummary(BaseModel):
    fail_mode: Literal["warn", "block", "allow"] = "warn"
    override_needs_reason: bool = True
    version: str = Field(
        default="", description="The policy version; when it differs from the cached one, GET /v1/config."
    )


class PolicyLink(BaseModel):
    url: str | None = Field(description="The organisation's page for this section; null when the policy gives none.")
    title: str


class OverrideRules(BaseModel):
    needs_reason: bool = Field(description="Posting anyway after a warn or block asks for a reason.")
    block_can_be_overridden: bool = Field(description="False: a block is final, the post must be edited.")


class AdapterUpdates(BaseModel):
    url: str = Field(description="HTTPS address of the signed update (shared/adapters.md).")
    public_key: str = Field(description="Base64 SPKI of the ECDSA P-256 key the update is signed with.")


class ConfigResponse(BaseModel):
    """The extension-facing part of the organisation policy (GET /v1/config)."""

    version: str = Field(description="Changes whenever the policy in force changes; cache the config under it.")
    organisation_name: str
    fail_mode: Literal["warn", "block", "allow"] = Field(description="What to do when the app cannot be reached.")
    org_accounts: dict[str, list[str]] = Field(description="Site -> the organisation's handles or page URLs.")
    generic_domains: list[str] = Field(description="Extra host names for the generic adapter.")
    mastodon_instances: list[str] = Field(description="Mastodon host names besides mastodon.social.")
    review_sites: list[str] = Field(
        default=["google_business", "yelp", "facebook"],
        description="Review sites whose reply boxes the extension watches (google_business, yelp, facebook, "
        "healthgrades); a reply there is checked as a review reply.",
    )
    overrides: OverrideRules
    media_release_reminder: bool
    policy_links: dict[str, PolicyLink] = Field(description="policy_ref (as in each verdict reason) -> link.")
    community_standards_url: str | None
    adapter_updates: AdapterUpdates | None = Field(
        default=None, description="IT's signed adapter update: where to fetch it and the key it is signed with."
    )
    language: Literal["en", "es"] | None = Field(
        default=None,
        description="The language the policy sets for everything ClientSafe shows; absent: follow the browser's.",
    )


StatusProblem = Literal["audit_not_written", "keyring_unavailable"]


class StatusResponse(BaseModel):
    version: str
    engine_ready: bool
    roster_loaded: bool
    policy: PolicySummary
    browser: str = Field(description="The name this browser was paired under.")
    problems: list[StatusProblem] = Field(
        default_factory=list,
        description="What is wrong on this machine while checks still answer; empty when nothing is. "
        "audit_not_written: the audit log cannot be written (a full disk?): events wait in memory and are "
        "written when the disk accepts them again. keyring_unavailable: ClientSafe cannot read its keyring "
        "(locked?): paired browsers are kept and it tries again every few seconds; the client roster may not "
        "be in force meanwhile (roster_loaded says). The tray app says the same in plain words.",
    )


class PairRequest(Strict):
    client_name: str = Field(
        min_length=1, max_length=80, description="Shown to the person approving, e.g. 'Chrome on LAPTOP-7'."
    )


class PairStarted(BaseModel):
    pairing_id: str = Field(description="Secret: poll GET /v1/pair/{pairing_id} with it.")
    code: str = Field(description="Six digits the person compares with the ClientSafe app before approving.")
    expires_in: int


class PairStatus(BaseModel):
    status: Literal["pending", "approved", "denied", "expired"]
    token: str | None = Field(default=None, description="Only once, when approved: send as 'Authorization: Bearer'.")


class RelationshipRequest(Strict):
    name: str = Field(
        default="", max_length=200, description="The person's display name as the site shows it (may be empty)."
    )
    handle: str | None = Field(default=None, max_length=200, description="Their handle, with or without '@'.")
    profile_url: str | None = Field(default=None, max_length=2048, description="Their profile page address.")
    site: str = Field(max_length=64, description="e.g. facebook, instagram.")
    kind: Literal["incoming_request", "outgoing_request", "message_request"] = Field(
        description="A request to you, one you are about to send (Add friend / Follow), or a message request."
    )
    lang: str | None = Field(
        default=None,
        max_length=35,
        description="The language for decline_script, e.g. es or es-MX (the browser's). Scripts exist in en and es; "
        "other or none: the policy's decline_scripts.language, else the system's language, else en.",
    )

    @model_validator(mode="after")
    def _someone(self) -> RelationshipRequest:
        if not (self.name.strip() or (self.handle or "").strip() or (self.profile_url or "").strip()):
            raise ValueError("give at least one of name, handle or profile_url")
        return self


class RelationshipResponse(BaseModel):
    client: bool = Field(description="This person appears to be on the organisation's client roster.")
    minor: bool = Field(description="...and is a minor (always false when client is false).")
    action: Literal["allow", "warn", "block"] = Field(
        description="allow: go ahead; warn: show the reason, one click to go on; block: hold the click."
    )
    reason: Reason | None = Field(
        description="Why, in plain language, with policy_ref; null when allowed. Code RELATIONSHIP_GUARDIAN: the "
        "roster lists this person as a client's parent or guardian (client stays false; which client is never said)."
    )
    decline_script: str | None = Field(
        description="A short, kind reply the person can copy (the policy's decline_scripts, or built in), in the "
        "language asked for with lang; null when allowed."
    )
    check_id: str | None = Field(
        default=None,
        description="When the request is held (warn or block): report what the person chose with POST /v1/decision.",
    )
    roster_loaded: bool = Field(description="False: no roster is imported, so nobody can be recognised.")


class ErrorBody(BaseModel):
    error: str
    detail: str | None = None
