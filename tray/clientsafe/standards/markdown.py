"""A Community Standards page as Markdown, for a website or a page's "About" text."""

from __future__ import annotations

import re

from clientsafe.standards.page import Link, Page

# Characters that would turn a policy value into markup (a link, emphasis, a heading, raw HTML).
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _link(link: Link) -> str:
    label = f"{escape(link.label)}: " if link.label else ""
    if link.url is None:
        return label + escape(link.text)
    # <...> keeps an address with spaces or brackets whole; a ">" cannot occur in the allowed URL forms.
    return f"{label}[{escape(link.text)}](<{link.url.replace('>', '%3E')}>)"


def render(page: Page) -> str:
    out = [f"# {escape(page.title)}", "", escape(page.intro), ""]
    out += [f"## {escape(page.responsible_heading)}", "", escape(page.responsible), ""]
    out += [f"## {escape(page.removed_heading)}", ""]
    if page.removed:
        out += [escape(page.removed_intro), ""]
        out += [f"- **{escape(what)}**: {escape(why)}" for what, why in page.removed] + [""]
    out += [escape(page.removed_after), ""]
    if page.youth_heading and page.youth:
        out += [f"## {escape(page.youth_heading)}", "", escape(page.youth), ""]
    out += [f"## {escape(page.contact_heading)}", "", escape(page.contact_intro), ""]
    if page.contacts:
        out += [f"- {_link(c)}" for c in page.contacts] + [""]
    if page.privacy_heading and page.privacy and page.privacy_link:
        out += [f"## {escape(page.privacy_heading)}", "", f"{escape(page.privacy)} {_link(page.privacy_link)}", ""]
    return "\n".join(out)
