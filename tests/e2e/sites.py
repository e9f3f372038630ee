"""The look-alike sites the browser tests serve, and the real host names each one answers on.

Each site is a folder `fixtures/sites/<site>/` with an `index.html` served for ANY path on its hosts, plus
(for all but Mastodon) a bundle built by `make fixtures` from `src/main.js` into `fixtures/build/<site>.js`
and served on the same host at `/__fixture/<site>.js`. Selectors and sources: fixtures/sites/SELECTORS.md.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SITES_DIR = FIXTURES / "sites"
BUILD_DIR = FIXTURES / "build"

SITES: dict[str, tuple[str, ...]] = {
    "mastodon": ("mastodon.social",),
    "facebook": ("www.facebook.com",),
    "instagram": ("www.instagram.com",),
    "threads": ("www.threads.net", "www.threads.com"),
    "x": ("x.com", "twitter.com"),
    "linkedin": ("www.linkedin.com",),
    "bluesky": ("bsky.app",),
    "reddit": ("www.reddit.com",),
    "youtube": ("www.youtube.com",),
    "nextdoor": ("nextdoor.com",),
    "tiktok": ("www.tiktok.com",),
    "generic": ("forum.example.org",),
}

HOSTS: dict[str, str] = {host: name for name, hosts in SITES.items() for host in hosts}


def page_for(host: str) -> Path | None:
    site = HOSTS.get(host)
    return None if site is None else SITES_DIR / site / "index.html"


def bundle_for(host: str, request_path: str) -> Path | None:
    """The built script for `/__fixture/<site>.js`, only on that site's own hosts."""
    site = HOSTS.get(host)
    if site is None or request_path.split("?")[0] != f"/__fixture/{site}.js":
        return None
    return BUILD_DIR / f"{site}.js"


def missing_bundles() -> list[str]:
    return [name for name in SITES if (SITES_DIR / name / "src").is_dir() and not (BUILD_DIR / f"{name}.js").exists()]
