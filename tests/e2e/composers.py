"""Every composer on the look-alike sites: how a person reaches it, types in it and sends it, and how a script
can replace its whole text so that the site posts the new text. The extension's browser tests can drive the
same table. Sources for each selector: fixtures/sites/SELECTORS.md.

Playwright CSS selectors pierce open shadow roots, so `editor` works for Reddit's and the forum's too.
"""

from __future__ import annotations

from dataclasses import dataclass

# Editor kinds, by the library that owns the text the site posts.
LEXICAL = "lexical"  # Facebook, Instagram caption, Threads, Reddit
DRAFT = "draft"  # X, TikTok
QUILL = "quill"  # LinkedIn
PROSEMIRROR = "prosemirror"  # Bluesky (TipTap)
REACT_TEXTAREA = "react-textarea"  # Instagram comments, Nextdoor
TEXTAREA = "textarea"  # plain forms (forum, Reddit title, Mastodon)
CONTENTEDITABLE = "contenteditable"  # YouTube, the forum's rich box and role=textbox


@dataclass(frozen=True)
class Composer:
    id: str
    url: str
    kind: str
    editor: str  # CSS selector of the element a person types into
    submit: str  # a CSS selector to click, or a key ("Enter", "Control+Enter") pressed in the editor
    where: str  # what __site.received records for it
    steps: tuple[tuple[str, str], ...] = ()  # ("click", selector) or ("file", selector) before the editor exists
    newline: str = "Enter"  # key a person presses for a new line

    @property
    def submits_by_key(self) -> bool:
        return self.submit in ("Enter", "Control+Enter")


_c = Composer  # short name for the table below


FB_OPEN = (("click", "[data-pagelet=FeedComposer] [role=button]"),)
FB_EDITOR = "[role=dialog] div[contenteditable=true][role=textbox][data-lexical-editor=true]"
FB_COMMENT = (
    '[role=article] div[contenteditable=true][role=textbox][data-lexical-editor=true][aria-label="Write a comment…"]'
)
IG_CREATE = (("click", "#new-post"), ("file", "[role=dialog] input[type=file]"), ("click", "[role=dialog] .next"))
X_EDITOR = "div.public-DraftEditor-content[contenteditable=true][role=textbox][data-testid=tweetTextarea_0]"
LI_EDITOR = ".ql-editor[contenteditable=true][role=textbox]"
BSKY_EDITOR = "[role=dialog] .ProseMirror[contenteditable=true]"
REDDIT_POST = "https://www.reddit.com/r/youthwork/comments/abc123/ideas_for_a_teen_dropin_night/"
TIKTOK_VIDEO = "https://www.tiktok.com/@hopehouseyouth/video/7300000000000000000"

COMPOSERS: tuple[Composer, ...] = (
    _c(
        "facebook-post",
        "https://www.facebook.com/",
        LEXICAL,
        FB_EDITOR,
        '[role=dialog] div[role=button][aria-label="Post"]',
        "post",
        steps=FB_OPEN,
    ),
    _c(
        "facebook-page-post",
        "https://www.facebook.com/HopeHouseYouth",
        LEXICAL,
        FB_EDITOR,
        '[role=dialog] div[role=button][aria-label="Post"]',
        "post",
        steps=FB_OPEN,
    ),
    _c(
        "facebook-comment-enter",
        "https://www.facebook.com/",
        LEXICAL,
        FB_COMMENT,
        "Enter",
        "comment",
        newline="Shift+Enter",
    ),
    _c(
        "facebook-comment-button",
        "https://www.facebook.com/",
        LEXICAL,
        FB_COMMENT,
        '[role=article] div[role=button][aria-label="Comment"]',
        "comment",
        newline="Shift+Enter",
    ),
    _c(
        "instagram-caption",
        "https://www.instagram.com/",
        LEXICAL,
        '[role=dialog] div[contenteditable=true][role=textbox][aria-label="Write a caption..."]',
        '[role=dialog] .caption div[role=button]:text-is("Share")',
        "caption",
        steps=IG_CREATE,
    ),
    _c(
        "instagram-comment",
        "https://www.instagram.com/",
        REACT_TEXTAREA,
        'article form textarea[aria-label="Add a comment…"]',
        "Enter",
        "comment",
        newline="Shift+Enter",
    ),
    _c(
        "threads-post",
        "https://www.threads.net/",
        LEXICAL,
        "[role=dialog] div[contenteditable=true][role=textbox]",
        '[role=dialog] div[role=button]:text-is("Post")',
        "post",
        steps=(("click", 'div[role=button][aria-label="Create"]'),),
    ),
    _c(
        "threads-reply",
        "https://www.threads.com/",
        LEXICAL,
        "[role=dialog] div[contenteditable=true][role=textbox]",
        '[role=dialog] div[role=button]:text-is("Post")',
        "reply",
        steps=(("click", 'div[role=button][aria-label="Reply"]'),),
    ),
    _c("x-inline", "https://x.com/home", DRAFT, X_EDITOR, "[data-testid=tweetButtonInline]", "post"),
    _c("x-ctrl-enter", "https://twitter.com/home", DRAFT, X_EDITOR, "Control+Enter", "post"),
    _c(
        "x-dialog",
        "https://x.com/home",
        DRAFT,
        f"[role=dialog] {X_EDITOR}",
        "[role=dialog] [data-testid=tweetButton]",
        "post",
        steps=(("click", "[data-testid=SideNav_NewTweet_Button]"),),
    ),
    _c(
        "x-reply",
        "https://x.com/jordanlee/status/1790000000000000000",
        DRAFT,
        X_EDITOR,
        "[data-testid=tweetButtonInline]",
        "reply",
    ),
    _c(
        "linkedin-post",
        "https://www.linkedin.com/feed/",
        QUILL,
        f"[role=dialog] {LI_EDITOR}",
        "button.share-actions__primary-action",
        "post",
        steps=(("click", "button.share-box-feed-entry__trigger"),),
    ),
    _c(
        "linkedin-comment",
        "https://www.linkedin.com/feed/",
        QUILL,
        f"form.comments-comment-box__form {LI_EDITOR}",
        "button.comments-comment-box__submit-button",
        "comment",
    ),
    _c(
        "bluesky-post",
        "https://bsky.app/",
        PROSEMIRROR,
        BSKY_EDITOR,
        "[data-testid=composerPublishBtn]",
        "post",
        steps=(("click", "[data-testid=composeFAB]"),),
    ),
    _c(
        "bluesky-ctrl-enter",
        "https://bsky.app/",
        PROSEMIRROR,
        BSKY_EDITOR,
        "Control+Enter",
        "post",
        steps=(("click", "[data-testid=composeFAB]"),),
    ),
    _c(
        "bluesky-reply",
        "https://bsky.app/profile/jordan.bsky.social/post/3kabc",
        PROSEMIRROR,
        BSKY_EDITOR,
        '[data-testid=composerPublishBtn][aria-label="Publish reply"]',
        "reply",
        steps=(("click", "[data-testid=replyBtn]"),),
    ),
    _c(
        "reddit-comment-in-shadow-root",
        REDDIT_POST,
        LEXICAL,
        "shreddit-composer div[contenteditable=true][role=textbox]",
        "shreddit-composer button[slot=submit-button]",
        "comment",
        steps=(("click", "comment-composer-host [data-testid=trigger-button]"),),
    ),
    _c(
        "reddit-submit-body",
        "https://www.reddit.com/r/youthwork/submit",
        LEXICAL,
        "shreddit-composer[name=body] div[contenteditable=true][role=textbox]",
        "#submit-post-button",
        "post",
    ),
    _c(
        "youtube-comment",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        CONTENTEDITABLE,
        "ytd-commentbox #contenteditable-root[contenteditable=true]",
        "ytd-commentbox #submit-button button",
        "comment",
        steps=(("click", "ytd-comment-simplebox-renderer #placeholder-area"),),
    ),
    _c(
        "nextdoor-post",
        "https://nextdoor.com/news_feed/",
        REACT_TEXTAREA,
        "[role=dialog] textarea",
        '[role=dialog] button:text-is("Post")',
        "post",
        steps=(("click", "[role=button].prompt"),),
    ),
    _c(
        "nextdoor-reply",
        "https://nextdoor.com/news_feed/",
        REACT_TEXTAREA,
        'article textarea[aria-label="Add a reply"]',
        "article button.reply-button",
        "reply",
    ),
    _c(
        "tiktok-caption",
        "https://www.tiktok.com/tiktokstudio/upload",
        DRAFT,
        ".caption-editor .public-DraftEditor-content[contenteditable=true]",
        "button[data-e2e=post_video_button]",
        "caption",
        steps=(("file", "input[type=file][accept='video/*']"),),
    ),
    _c(
        "tiktok-comment-enter",
        TIKTOK_VIDEO,
        DRAFT,
        "[data-e2e=comment-input] [contenteditable=true]",
        "Enter",
        "comment",
        newline="Shift+Enter",
    ),
    _c(
        "tiktok-comment-button",
        TIKTOK_VIDEO,
        DRAFT,
        "[data-e2e=comment-input] [contenteditable=true]",
        "[data-e2e=comment-post]",
        "comment",
        newline="Shift+Enter",
    ),
    _c(
        "forum-textarea",
        "https://forum.example.org/t/42",
        TEXTAREA,
        "#reply-textarea textarea",
        "#reply-textarea button",
        "textarea",
    ),
    _c(
        "forum-contenteditable",
        "https://forum.example.org/t/42",
        CONTENTEDITABLE,
        "#reply-contenteditable [contenteditable=true]",
        "#reply-contenteditable button",
        "contenteditable",
    ),
    _c(
        "forum-role-textbox",
        "https://forum.example.org/t/42",
        CONTENTEDITABLE,
        "#reply-textbox div[role=textbox]",
        "#reply-textbox button",
        "textbox",
    ),
    _c(
        "forum-in-shadow-root",
        "https://forum.example.org/t/42",
        TEXTAREA,
        "forum-reply-box textarea",
        "forum-reply-box button",
        "shadow",
    ),
)

BY_ID = {c.id: c for c in COMPOSERS}

# Replace the WHOLE text of an editor so that the editor's own state (what the site posts) holds `text`.
# Each is `async (element, text) => void`, run in the page's main world on the editor element (the element
# handle also works inside open shadow roots). Which one works for which editor is tested in
# test_fixture_sites.py and written up in fixtures/sites/SELECTORS.md.
_SELECT_ALL = """
  el.focus();
  if (el.select) el.select(); else document.execCommand('selectAll');
  // Let the editor see the new selection (selectionchange is delivered asynchronously).
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
"""

REPLACE_BY_PASTE = (
    "async (el, text) => {"
    + _SELECT_ALL
    + """
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  await new Promise((r) => setTimeout(r, 0));
}"""
)

REPLACE_BY_INSERT_TEXT = (
    "async (el, text) => {"
    + _SELECT_ALL
    + """
  document.execCommand('insertText', false, text);
  await new Promise((r) => setTimeout(r, 0));
}"""
)

REPLACE_BY_VALUE_SETTER = """async (el, text) => {
  // React tracks a textarea's value itself: set it through the prototype's setter, then fire input.
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  setter.call(el, text);
  el.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise((r) => setTimeout(r, 0));
}"""

REPLACE_BY_BEFOREINPUT = (
    "async (el, text) => {"
    + _SELECT_ALL
    + """
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new InputEvent('beforeinput', {inputType: 'insertFromPaste', data: null, dataTransfer: data,
                                                  bubbles: true, cancelable: true}));
  await new Promise((r) => setTimeout(r, 0));
}"""
)

# What a careless script does: change only the DOM. The stateful editors must NOT post this.
REPLACE_DOM_ONLY = """async (el, text) => {
  if ('value' in el && el.tagName === 'TEXTAREA') el.value = text; else el.textContent = text;
  await new Promise((r) => setTimeout(r, 0));
}"""

TECHNIQUES = {
    "paste": REPLACE_BY_PASTE,
    "insertText": REPLACE_BY_INSERT_TEXT,
    "value-setter": REPLACE_BY_VALUE_SETTER,
    "beforeinput": REPLACE_BY_BEFOREINPUT,
    "dom-only": REPLACE_DOM_ONLY,
}

# The one the extension can use everywhere: a synthetic paste (what Lexical, Draft.js, Quill and ProseMirror all
# take into their own state, new lines included); where the page ignores it (textareas and plain contenteditables
# do not insert untrusted pastes), select-all + execCommand('insertText'), which fires the input events React and
# plain pages listen to. Resolves to the technique that took effect.
REPLACE_ANY = """async (el, text) => {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
  const shown = () => (el.tagName === 'TEXTAREA' ? el.value : el.innerText).replace(/\\n+/g, '\\n').replace(/\\n$/, '');
  const wanted = text.replace(/\\n+/g, '\\n');
  const selectAll = async () => {
    el.focus();
    if (el.select) el.select(); else document.execCommand('selectAll');
    await frames();
  };
  await selectAll();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  await frames();
  if (shown() === wanted) return 'paste';
  await selectAll();
  document.execCommand('insertText', false, text);
  await frames();
  return 'insertText';
}"""

TECHNIQUES["any"] = REPLACE_ANY

# Which technique REPLACE_ANY ends up using, by editor kind (checked by the tests).
ANY_USES = {
    LEXICAL: "paste",
    DRAFT: "paste",
    QUILL: "paste",
    PROSEMIRROR: "paste",
    REACT_TEXTAREA: "insertText",
    TEXTAREA: "insertText",
    CONTENTEDITABLE: "insertText",
}


# Replies to reviews from the organisation's accounts (tests/e2e/test_review_replies.py). Kept out of COMPOSERS:
# a review reply that confirms a patient is rewritten as a whole reply, not phrase by phrase, so the generic
# "Apply suggestions keeps the rest of the post" tests do not apply to them.
REVIEW_COMPOSERS: tuple[Composer, ...] = (
    _c(
        "google-business-reply",
        "https://business.google.com/reviews",
        TEXTAREA,
        '[role=dialog] textarea[jsname=YPqjbf][aria-label="Reply"]',
        "[role=dialog] button[jsname=LgbsSe]",
        "review_reply",
        steps=(("click", ".review .reply-open"),),
    ),
    _c(
        "yelp-public-comment",
        "https://biz.yelp.com/reviews",
        REACT_TEXTAREA,
        "textarea.comment-text",
        ".biz-owner-reply button.send-button",
        "review_reply",
        steps=(("click", ".review button.public"),),
    ),
    _c(
        "yelp-private-message",
        "https://biz.yelp.com/reviews",
        REACT_TEXTAREA,
        "textarea[name=message]",
        ".biz-owner-reply button.send-button",
        "private_message",
        steps=(("click", ".review button.private"),),
    ),
    _c(
        "healthgrades-response",
        "https://www.healthgrades.com/provider/reviews",
        TEXTAREA,
        'textarea[aria-label="Write a response"]',
        "button.submit-response",
        "review_reply",
    ),
)
REVIEW_BY_ID = {c.id: c for c in REVIEW_COMPOSERS}
