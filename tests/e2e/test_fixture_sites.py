"""The look-alike sites behave like the real ones, in real Chromium without the extension: a person types with the
keyboard and sends the site's way, and the site receives exactly the typed text (emoji and new lines included),
read from the editor's own state; people buttons record what was pressed; and a script can replace an editor's
whole text so that the site posts the new text (the techniques the extension's "Apply suggestions" uses)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, chromium_args
from tests.e2e.composers import (
    ANY_USES,
    BY_ID,
    COMPOSERS,
    CONTENTEDITABLE,
    DRAFT,
    LEXICAL,
    PROSEMIRROR,
    QUILL,
    REACT_TEXTAREA,
    TECHNIQUES,
    TEXTAREA,
    Composer,
)
from tests.e2e.conftest import resolver_rules, serve_fixture_sites
from tests.e2e.people import NAME, PEOPLE_BUTTONS

TYPED = "Maria (15) 🎉 starts at Hope House on Monday\nsecond line: call 555-0142 👍🏽 ok"
DRAFT_TEXT = "So proud of Maria Lopez, 15, from our shelter\nShe lives on Elm Street 🏠"
REPLACEMENT = "So proud of a young person from our programme 🎉\nThanks to everyone who helped!"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000"
    "1ff5cc1a4a90000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    server = serve_fixture_sites(tmp_path_factory.mktemp("sites"))
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def browser(browser_type, fixture_server):
    args = [f"--host-resolver-rules={resolver_rules(fixture_server.server_address[1])}", "--ignore-certificate-errors"]
    chromium = browser_type.launch(executable_path=CHROMIUM, headless=False, args=chromium_args(args))
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"the page threw: {errors}"


def site(page):
    return page.evaluate("window.__site")


def open_composer(page, composer: Composer):
    page.goto(composer.url)
    for action, selector in composer.steps:
        if action == "click":
            page.locator(selector).first.click()
        else:
            page.locator(selector).first.set_input_files({"name": "photo.png", "mimeType": "image/png", "buffer": PNG})
    editor = page.locator(composer.editor).first
    editor.wait_for(state="visible", timeout=10_000)
    return editor


def type_like_a_person(page, composer: Composer, editor, text: str):
    editor.click()
    for number, line in enumerate(text.split("\n")):
        if number:
            page.keyboard.press(composer.newline)
        page.keyboard.type(line)


def send(page, composer: Composer, editor):
    if composer.submits_by_key:
        editor.press(composer.submit)
    else:
        page.locator(composer.submit).first.click()
    page.wait_for_function("window.__site.submits > 0", timeout=5_000)


def editor_is_empty_or_gone(page, composer: Composer) -> bool:
    editor = page.locator(composer.editor)
    if editor.count() == 0:  # a dialog composer closes after posting
        return True
    return editor.first.evaluate("el => (el.tagName === 'TEXTAREA' ? el.value : el.innerText).trim() === ''")


@pytest.mark.parametrize("composer", COMPOSERS, ids=lambda c: c.id)
def test_typed_text_reaches_the_site_exactly_and_the_editor_is_cleared(page, composer):
    editor = open_composer(page, composer)
    type_like_a_person(page, composer, editor, TYPED)
    send(page, composer, editor)
    assert site(page)["received"] == [{"where": composer.where, "text": TYPED}]
    assert editor_is_empty_or_gone(page, composer)


def replace_then_send(page, composer: Composer, technique: str):
    editor = open_composer(page, composer)
    type_like_a_person(page, composer, editor, DRAFT_TEXT)
    used = editor.evaluate(TECHNIQUES[technique], REPLACEMENT)
    send(page, composer, page.locator(composer.editor).first)
    return used, site(page)["received"]


@pytest.mark.parametrize("composer", COMPOSERS, ids=lambda c: c.id)
def test_a_script_can_replace_the_whole_text_and_the_site_posts_the_new_text(page, composer):
    used, received = replace_then_send(page, composer, "any")
    assert received == [{"where": composer.where, "text": REPLACEMENT}]
    assert used == ANY_USES[composer.kind]


# Other techniques that also work, per editor (see SELECTORS.md, "Replacing the text").
ALSO_WORKS = [
    ("facebook-post", "paste"),
    ("x-inline", "paste"),
    ("linkedin-post", "insertText"),
    ("linkedin-comment", "insertText"),
    ("bluesky-post", "insertText"),
    ("instagram-comment", "value-setter"),
    ("nextdoor-post", "value-setter"),
    ("forum-textarea", "value-setter"),
    ("forum-in-shadow-root", "value-setter"),
    ("youtube-comment", "insertText"),
    ("forum-role-textbox", "insertText"),
]


@pytest.mark.parametrize(("composer_id", "technique"), ALSO_WORKS, ids=[f"{c}-{t}" for c, t in ALSO_WORKS])
def test_other_working_replacement_techniques(page, composer_id, technique):
    composer = BY_ID[composer_id]
    _, received = replace_then_send(page, composer, technique)
    assert received == [{"where": composer.where, "text": REPLACEMENT}]


# The traps: each of these changes what the page SHOWS but not what the site POSTS (or not all of it).
TRAPS = [
    ("facebook-post", "dom-only"),  # Lexical re-renders from its own state
    ("reddit-comment-in-shadow-root", "dom-only"),
    ("x-inline", "dom-only"),  # Draft.js likewise
    ("tiktok-comment-button", "dom-only"),
    ("instagram-comment", "dom-only"),  # React keeps the textarea's value in state
    ("nextdoor-reply", "dom-only"),
    ("facebook-post", "beforeinput"),  # a synthetic beforeinput is ignored by Lexical
    ("x-inline", "beforeinput"),
]


@pytest.mark.parametrize(("composer_id", "technique"), TRAPS, ids=[f"{c}-{t}" for c, t in TRAPS])
def test_changing_only_the_page_does_not_change_what_the_site_posts(page, composer_id, technique):
    composer = BY_ID[composer_id]
    _, received = replace_then_send(page, composer, technique)
    assert received == [{"where": composer.where, "text": DRAFT_TEXT}]


@pytest.mark.parametrize("composer_id", ["facebook-post", "threads-post", "reddit-submit-body"])
def test_insert_text_into_lexical_loses_the_new_lines(page, composer_id):
    composer = BY_ID[composer_id]
    _, received = replace_then_send(page, composer, "insertText")
    assert received == [{"where": composer.where, "text": REPLACEMENT.replace("\n", "")}]


def test_every_editor_kind_is_covered():
    kinds = {c.kind for c in COMPOSERS}
    assert kinds == {LEXICAL, DRAFT, QUILL, PROSEMIRROR, REACT_TEXTAREA, TEXTAREA, CONTENTEDITABLE}


@pytest.mark.parametrize("button", PEOPLE_BUTTONS, ids=lambda b: b.id)
def test_people_buttons_record_who_and_what(page, button):
    page.goto(button.url)
    assert NAME in page.locator("body").inner_text()
    page.locator(button.button).click()
    assert site(page)["actions"] == [{"action": button.action, "name": NAME, "handle": button.handle}]


ACTING = [
    ("https://www.facebook.com/", "Sam Rivera", "#acting-account"),
    ("https://www.facebook.com/HopeHouseYouth", "Hope House Youth", "#acting-account"),
    ("https://x.com/home", "@samrivera", "[data-testid=SideNav_AccountSwitcher_Button]"),
    ("https://x.com/HopeHouseYouth", "@HopeHouseYouth", "[data-testid=SideNav_AccountSwitcher_Button]"),
    ("https://www.instagram.com/hopehouseyouth/", "hopehouseyouth", "#acting-account"),
    ("https://www.linkedin.com/company/hopehouseyouth/admin/", "Hope House Youth", "#acting-account"),
]


@pytest.mark.parametrize(("url", "account", "shown_in"), ACTING, ids=[a[0] for a in ACTING])
def test_the_page_shows_which_account_is_posting(page, url, account, shown_in):
    page.goto(url)
    assert site(page)["actingAs"] == account
    assert account in page.locator(shown_in).inner_text()


def test_posting_as_the_organisation_names_it_in_the_composer(page):
    editor = open_composer(page, BY_ID["facebook-page-post"])
    assert "Hope House Youth" in page.locator("[role=dialog]").inner_text()
    editor.click()
    page.keyboard.type("Open day on Saturday!")
    page.locator('[role=dialog] div[role=button][aria-label="Post"]').click()
    assert site(page)["received"] == [{"where": "post", "text": "Open day on Saturday!"}]
    assert site(page)["actingAs"] == "Hope House Youth"


MEDIA = [
    ("facebook-post", "[role=dialog] input[type=file]", "[role=dialog] .attachments img"),
    ("x-inline", "input[data-testid=fileInput]", "[data-testid=attachments] img"),
    ("threads-post", "[role=dialog] input[type=file]", "[role=dialog] .attachments img"),
    ("linkedin-post", "[role=dialog] input[type=file]", ".share-creation-state__media img"),
    ("bluesky-post", "[role=dialog] input[type=file]", "[role=dialog] .gallery img"),
]


@pytest.mark.parametrize(("composer_id", "file_input", "preview"), MEDIA, ids=[m[0] for m in MEDIA])
def test_attaching_a_photo_shows_a_preview(page, composer_id, file_input, preview):
    open_composer(page, BY_ID[composer_id])
    page.locator(file_input).set_input_files({"name": "photo.png", "mimeType": "image/png", "buffer": PNG})
    assert page.locator(preview).get_attribute("alt") == "photo.png"


def test_instagram_caption_comes_after_the_photo_is_chosen(page):
    page.goto("https://www.instagram.com/")
    page.locator("#new-post").click()
    assert page.locator('[aria-label="Write a caption..."]').count() == 0
    open_composer(page, BY_ID["instagram-caption"])  # chooses the photo, then Next
    assert page.locator("[role=dialog] .preview img").get_attribute("alt") == "photo.png"


def test_youtube_comments_arrive_after_the_page_has_loaded(page):
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { window.__commentsAtReady ="
        " document.querySelectorAll('ytd-comments').length; })"
    )
    page.goto("https://www.youtube.com/watch?v=dQw4w9WgXcQ", wait_until="load")
    assert page.evaluate("window.__commentsAtReady") == 0
    page.locator("ytd-comment-simplebox-renderer #placeholder-area").wait_for(timeout=5_000)
    assert page.locator("ytd-commentbox").count() == 0  # the real box appears only when the placeholder is clicked


@pytest.mark.parametrize(
    ("composer_id", "host", "inside"),
    [
        ("reddit-comment-in-shadow-root", "shreddit-composer", "[data-lexical-editor=true]"),
        ("forum-in-shadow-root", "forum-reply-box", "textarea"),
    ],
)
def test_these_composers_live_in_an_open_shadow_root(page, composer_id, host, inside):
    open_composer(page, BY_ID[composer_id])
    assert page.evaluate(f"document.querySelector('{host}').querySelectorAll('{inside}').length") == 0
    assert page.evaluate(f"document.querySelector('{host}').shadowRoot.querySelectorAll('{inside}').length") == 1


def test_reddit_submit_sends_the_title_from_its_shadow_root_and_the_body(page):
    composer = BY_ID["reddit-submit-body"]
    open_composer(page, composer)
    page.locator("faceplate-textarea-input textarea").click()
    page.keyboard.type("Ideas for our drop-in night 💡")
    page.locator(composer.editor).click()
    page.keyboard.type("Board games?")
    page.keyboard.press("Enter")
    page.keyboard.type("Pizza!")
    page.locator(composer.submit).click()
    assert site(page)["received"] == [
        {"where": "title", "text": "Ideas for our drop-in night 💡"},
        {"where": "post", "text": "Board games?\nPizza!"},
    ]
    assert site(page)["submits"] == 1


def test_an_empty_post_is_not_sent(page):
    composer = BY_ID["x-inline"]
    open_composer(page, composer)
    page.locator(composer.submit).click()
    assert site(page)["submits"] == 1 and site(page)["received"] == []
