"""Every UI language in Debian's chromium (Playwright): a browser whose language is set (Accept-Language)
gets the home, result and method pages in that language, with no English left and no serious
accessibility violation (axe)."""

from __future__ import annotations

import re

import pytest
from test_browser_web import app_server, browser, ngo_server, serious_violations  # noqa: F401 (fixtures)
from test_i18n_catalogues import OTHERS, _english_left, _visible_text
from test_webapp_support import RISKY_AD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", OTHERS)
def test_each_ui_language_renders_home_result_and_method(app_server, browser, lang: str) -> None:  # noqa: F811
    origin, _ = app_server
    context = browser.new_context(locale=lang, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{origin}/")  # no ?lang=: the browser's language decides
        assert page.evaluate("document.documentElement.lang") == lang
        assert _english_left(_visible_text(page.content()), lang) == []
        assert serious_violations(page) == []

        page.locator("#ad-text").fill(RISKY_AD)
        page.locator("form.check button[type=submit]").click()
        page.wait_for_selector("mark.evidence")
        assert page.evaluate("document.documentElement.lang") == lang
        result = page.content()
        assert _english_left(_visible_text(result), lang) == []
        assert re.search(r'<li class="sign ', result)
        assert serious_violations(page) == []

        page.goto(f"{origin}/method")
        assert page.evaluate("document.documentElement.lang") == lang
        assert _english_left(_visible_text(page.content()), lang) == []
        assert serious_violations(page) == []
    finally:
        context.close()
