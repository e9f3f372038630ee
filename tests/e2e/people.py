"""The people buttons on the look-alike sites (friend requests, follows, connections, messages). The person is
chosen by the test through the URL (?name=&handle=, or the handle in the path); pressing a button records
{action, name, handle} in window.__site.actions. Sources: fixtures/sites/SELECTORS.md."""

from __future__ import annotations

from dataclasses import dataclass

NAME = "Keisha Brown"


@dataclass(frozen=True)
class PeopleButton:
    id: str
    url: str
    button: str  # CSS selector
    action: str
    handle: str


FB_REQUESTS = "https://www.facebook.com/friends/requests?name=Keisha%20Brown&handle=keisha.b"
FB_PROFILE = "https://www.facebook.com/profile.php?id=100012345&name=Keisha%20Brown&handle=keisha.b"
IG_PROFILE = "https://www.instagram.com/keisha.b/?name=Keisha%20Brown"
LI_PROFILE = "https://www.linkedin.com/in/keisha-brown/?name=Keisha%20Brown"
X_PROFILE = "https://x.com/keisha_b?name=Keisha%20Brown"
TT_PROFILE = "https://www.tiktok.com/@keisha.b?name=Keisha%20Brown"

PEOPLE_BUTTONS: tuple[PeopleButton, ...] = (
    PeopleButton("facebook-confirm", FB_REQUESTS, 'div[role=button][aria-label="Confirm"]', "confirm", "keisha.b"),
    PeopleButton("facebook-delete", FB_REQUESTS, 'div[role=button][aria-label="Delete"]', "delete", "keisha.b"),
    PeopleButton(
        "facebook-add-friend", FB_PROFILE, 'div[role=button][aria-label="Add friend"]', "add_friend", "keisha.b"
    ),
    PeopleButton("facebook-message", FB_PROFILE, 'div[role=button][aria-label="Message"]', "message", "keisha.b"),
    PeopleButton("instagram-follow", IG_PROFILE, 'header button:text-is("Follow")', "follow", "keisha.b"),
    PeopleButton(
        "instagram-follow-back",
        IG_PROFILE + "&follows_you=1",
        'header button:text-is("Follow Back")',
        "follow",
        "keisha.b",
    ),
    PeopleButton("instagram-message", IG_PROFILE, 'header div[role=button]:text-is("Message")', "message", "keisha.b"),
    PeopleButton(
        "instagram-confirm",
        "https://www.instagram.com/accounts/activity/?name=Keisha%20Brown&handle=keisha.b",
        'button:text-is("Confirm")',
        "confirm",
        "keisha.b",
    ),
    PeopleButton(
        "threads-follow",
        "https://www.threads.net/@keisha.b?name=Keisha%20Brown",
        'div[role=button]:text-is("Follow")',
        "follow",
        "keisha.b",
    ),
    PeopleButton(
        "x-follow", X_PROFILE, 'button[data-testid$="-follow"][aria-label="Follow @keisha_b"]', "follow", "keisha_b"
    ),
    PeopleButton("x-message", X_PROFILE, "[data-testid=sendDMFromProfile]", "message", "keisha_b"),
    PeopleButton(
        "linkedin-accept",
        "https://www.linkedin.com/mynetwork/invitation-manager/?name=Keisha%20Brown&handle=keisha-brown",
        'button[aria-label="Accept Keisha Brown’s invitation"]',
        "accept",
        "keisha-brown",
    ),
    PeopleButton(
        "linkedin-connect", LI_PROFILE, 'button[aria-label="Invite Keisha Brown to connect"]', "connect", "keisha-brown"
    ),
    PeopleButton(
        "linkedin-message", LI_PROFILE, 'button[aria-label="Message Keisha Brown"]', "message", "keisha-brown"
    ),
    PeopleButton(
        "bluesky-follow",
        "https://bsky.app/profile/keisha.bsky.social?name=Keisha%20Brown",
        '[data-testid=followBtn][aria-label="Follow keisha.bsky.social"]',
        "follow",
        "keisha.bsky.social",
    ),
    PeopleButton("tiktok-follow", TT_PROFILE, "[data-e2e=follow-button]", "follow", "keisha.b"),
    PeopleButton("tiktok-message", TT_PROFILE, "[data-e2e=message-button]", "message", "keisha.b"),
)
