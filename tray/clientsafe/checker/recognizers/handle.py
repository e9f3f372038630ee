"""Social handles and profile links: an @mention or a profile URL points straight at a person."""

from clientsafe.checker.recognizers.base import RegexRecognizer

_SITES = (
    r"(?:facebook|fb|instagram|x|twitter|threads|tiktok|linkedin|youtube|reddit|bsky|snapchat|venmo|cash)"
    r"\.(?:com|net|app|me)"
)


class HandleRecognizer(RegexRecognizer):
    ENTITY = "SOCIAL_HANDLE"
    PATTERNS = [
        ("at", r"(?<![\w@.])@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?(?![\w@]|\.[a-z]{2,}\b)", 0.7),
        ("profile_url", r"(?:https?://)?(?:www\.|m\.)?" + _SITES + r"/(?:in/|u/|user/|@)?[a-z0-9_.\-]{2,40}", 0.75),
    ]
