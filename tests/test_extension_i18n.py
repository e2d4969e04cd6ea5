"""The extension popup in the languages of the people most at risk (bg, ro, uk, pl), in Debian's chromium:
started with --lang=xx, it shows its own messages in xx, asks the server for the warning signs' wording
in xx, and shows that wording; no English message is left on screen."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from test_extension import (  # noqa: F401 (fixtures)
    TOP_SIGNS,
    Browser,
    Servers,
    chromium_with_extension,
    english_left,
    messages,
    playwright,
    servers,
    squash,
    wait_for_end,
)

pytestmark = pytest.mark.browser
LANGS = ("bg", "ro", "uk", "pl")


@pytest.fixture(params=LANGS)
def browser_in(
    request: pytest.FixtureRequest, playwright: Any, chromium_executable: str, tmp_path_factory: pytest.TempPathFactory  # noqa: F811
) -> Iterator[tuple[str, Browser]]:
    lang = request.param
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")} | {"LANGUAGE": lang}
    profile = tmp_path_factory.mktemp(f"chromium-profile-{lang}")
    with chromium_with_extension(playwright, chromium_executable, profile, (f"--lang={lang}",), env) as opened:
        yield lang, opened


def test_popup_speaks_the_browsers_language_and_asks_for_its_wording(
    browser_in: tuple[str, Browser], servers: Servers  # noqa: F811
) -> None:
    from validator.indicators.i18n import wording

    lang, browser = browser_in
    mine = messages(lang)
    browser.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, _ = browser.popup_for(f"{servers.site}/job")
    assert popup.evaluate("document.documentElement.lang") == lang
    assert popup.title() == mine["ext_name"]["message"]
    assert popup.inner_text("#check") == mine["popup_check"]["message"]
    assert english_left(popup, lang) == []

    popup.click("#check")
    assert wait_for_end(popup) == "result"
    sent = servers.api_log.requests[before:]
    assert json.loads(sent[0]["body"])["ui_language"] == lang
    result = json.loads(sent[0]["response"])
    translated = wording(lang)
    shown = popup.inner_text("#signs")
    assert result["indicators"]
    for hit in result["indicators"]:  # the server worded every sign in the popup's language
        assert hit["title"] == translated[hit["id"]]["title"]
    listed = [hit for hit in result["indicators"] if hit["title"] in shown]
    assert len(listed) >= min(TOP_SIGNS, len(result["indicators"]))
    assert popup.input_value("#full-result-lang") == lang  # the full result page opens in the same language
    assert english_left(popup, lang) == []
    page.close()
    popup.close()
