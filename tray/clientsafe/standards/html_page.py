"""A Community Standards page as one self-contained HTML file: no script, no remote style or font, every policy
value escaped, headings in order and the page's language declared, so screen readers read it right."""

from __future__ import annotations

from html import escape

from clientsafe.standards.page import Link, Page

_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;"
    "color:#1a1a1a;background:#fff}h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem}a{color:#0645ad}"
)


def _link(link: Link) -> str:
    label = f"{escape(link.label)}: " if link.label else ""
    if link.url is None:
        return label + escape(link.text)
    return f'{label}<a href="{escape(link.url, quote=True)}">{escape(link.text)}</a>'


def render(page: Page) -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(page.lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(page.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(page.title)}</h1>",
        f"<p>{escape(page.intro)}</p>",
        f"<h2>{escape(page.responsible_heading)}</h2>",
        f"<p>{escape(page.responsible)}</p>",
        f"<h2>{escape(page.removed_heading)}</h2>",
    ]
    if page.removed:
        out += [
            f"<p>{escape(page.removed_intro)}</p>",
            "<ul>",
            *(f"<li><strong>{escape(what)}</strong>: {escape(why)}</li>" for what, why in page.removed),
            "</ul>",
        ]
    out += [f"<p>{escape(page.removed_after)}</p>"]
    if page.youth_heading and page.youth:
        out += [f"<h2>{escape(page.youth_heading)}</h2>", f"<p>{escape(page.youth)}</p>"]
    out += [f"<h2>{escape(page.contact_heading)}</h2>", f"<p>{escape(page.contact_intro)}</p>"]
    if page.contacts:
        out += ["<ul>", *(f"<li>{_link(c)}</li>" for c in page.contacts), "</ul>"]
    if page.privacy_heading and page.privacy and page.privacy_link:
        out += [f"<h2>{escape(page.privacy_heading)}</h2>", f"<p>{escape(page.privacy)} {_link(page.privacy_link)}</p>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
