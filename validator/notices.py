"""The warnings an assessment carries, worded from data/i18n/notices.<lang>.toml.

`notice(code, **params)` gives the English text (what the JSON holds); `localise_notices(texts, ui)`
turns such texts into the interface language by reading the code and parameters back from the English
templates. A text no template matches, or a language without a file, stays as it is. The same files
hold the labels of the terminal report (`report_*`, `band_*`, `reason_*`), worded by `notice_in`.
"""

from __future__ import annotations

import re
from functools import cache

from validator.resources import data_path, load_toml

DEFAULT_UI = "en"
REPORT_PREFIX = "report_"  # labels of the terminal report: never read back from a warning
_FIELD = re.compile(r"\\\{(\w+)\\\}")


@cache
def _templates(lang: str) -> dict[str, str]:
    path = data_path("i18n") / f"notices.{lang}.toml"
    return load_toml("i18n", path.name) if path.exists() else {}


def notice(code: str, **params: object) -> str:
    """The English text of warning `code` (KeyError for an unknown code or a missing parameter)."""
    return _templates(DEFAULT_UI)[code].format(**params)


def notice_in(ui_lang: str | None, code: str, **params: object) -> str:
    """The text of `code` in `ui_lang`, English where that language has no file or no such code
    (KeyError for a code English lacks or a missing parameter)."""
    lang = (ui_lang or DEFAULT_UI).lower().split("-")[0]
    template = _templates(lang).get(code) or _templates(DEFAULT_UI)[code]
    return template.format(**params)


@cache
def _readers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, regex reading the parameters back) for every English template."""
    return tuple(
        (code, re.compile(_FIELD.sub(r"(?P<\1>.+?)", re.escape(text)) + r"\Z"))
        for code, text in _templates(DEFAULT_UI).items()
        if not code.startswith(REPORT_PREFIX)
    )


def localise_notices(texts: list[str], ui_lang: str | None) -> list[str]:
    """The warnings in `ui_lang` where a translation exists (English or unknown texts unchanged)."""
    lang = (ui_lang or DEFAULT_UI).lower().split("-")[0]
    target = _templates(lang) if lang != DEFAULT_UI else {}
    if not target:
        return list(texts)
    out = []
    for text in texts:
        for code, reader in _readers():
            m = reader.match(text)
            if m and code in target:
                text = target[code].format(**m.groupdict())
                break
        out.append(text)
    return out
