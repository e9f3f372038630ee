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
    "google_business": ("business.google.com",),
    "yelp": ("biz.yelp.com",),
    "healthgrades": ("www.healthgrades.com",),
    "generic": ("forum.example.org",),
}

HOSTS: dict[str, str] = {host: name for name, hosts in SITES.items() for host in hosts}

# The organisation's own server, where IT publishes the signed adapter update (tests set what it serves).
IT_HOST = "it.example.org"


def page_for(host: str) -> Path | None:
    site = HOSTS.get(host)
    return None if site is None else SITES_DIR / site / "index.html"


def bundle_for(host: str, request_path: str) -> Path | None:
    """The built script for `/__fixture/<site>.js` (only on that site's own hosts), or the shared stylesheet."""
    site = HOSTS.get(host)
    path = request_path.split("?")[0]
    if site is not None and path == "/__fixture/look.css":
        return SITES_DIR / "shared" / "look.css"
    if site is None or path != f"/__fixture/{site}.js":
        return None
    return BUILD_DIR / f"{site}.js"


VARIANTS_DIR = FIXTURES / "variants"
VARIANT_HEADER = "X-Fixture-Variant"


def variant_folder(host: str, variant: str) -> Path | None:
    """A layout variant of the host's site, named "<site>/<variant>" by the request's X-Fixture-Variant header
    (tests set it per page): None when it names another site's variant or none that exists."""
    site = HOSTS.get(host)
    if site is None or not variant.startswith(f"{site}/") or ".." in variant:
        return None
    folder = VARIANTS_DIR / variant
    return folder if (folder / "index.html").is_file() else None


def variant_file(folder: Path, request_path: str) -> Path:
    """What a variant serves: its bundle at /__fixture/variant.js, the shared stylesheet, else its page."""
    path = request_path.split("?")[0]
    if path == "/__fixture/variant.js":
        return BUILD_DIR / "variants" / f"{folder.parent.name}/{folder.name}.js"
    if path == "/__fixture/look.css":
        return SITES_DIR / "shared" / "look.css"
    return folder / "index.html"


def missing_bundles() -> list[str]:
    sites = [name for name in SITES if (SITES_DIR / name / "src").is_dir() and not (BUILD_DIR / f"{name}.js").exists()]
    variants = [
        f"{m.parent.parent.parent.name}/{m.parent.parent.name}"
        for m in VARIANTS_DIR.glob("*/*/src/main.js")
        if not (BUILD_DIR / "variants" / m.parent.parent.parent.name / f"{m.parent.parent.name}.js").exists()
    ]
    return sites + variants
