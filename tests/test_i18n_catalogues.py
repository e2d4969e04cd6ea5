"""The wording of every surface in the twelve pack languages: the four kinds of catalogue (web UI,
indicators, engine warnings, extension) hold every English key with the same placeholders and are
translated, not copied; one list of UI languages serves the web, the API and the CLI; country names,
helplines and errors follow the reader's language."""

from __future__ import annotations

import json
import re
import string
import tomllib
from pathlib import Path

import pytest
from babel import Locale

from validator.indicators import catalogue as indicator_catalogue
from validator.indicators.i18n import AUTO, FIELDS, resolve_ui_language, ui_languages, wording
from validator.notices import _templates
from validator.resources import data_path, language_packs
from webapp import create_app
from webapp import i18n as web_i18n
from webapp.config import HELPLINES_FILE, load_helplines

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "webapp" / "translations"
LOCALES = ROOT / "browser_extension" / "src" / "_locales"
OTHERS = sorted(set(language_packs()) - {"en"})
# strings this short may read the same in two languages (names, codes, "Sources")
SHORT = 24


def _format_fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _copied(english: str, other: str) -> bool:
    """A long text left in English: identical, with at least four words and not only placeholders."""
    bare = re.sub(r"\{\w*\}|\$\w+\$", "", english)
    return other == english and len(bare) >= SHORT and len(bare.split()) >= 4


def _web(lang: str) -> dict[str, str]:
    return json.loads((WEB / f"{lang}.json").read_text("utf-8"))


def _extension(lang: str) -> dict[str, dict]:
    return json.loads((LOCALES / lang / "messages.json").read_text("utf-8"))


def _indicators_en() -> dict[str, dict[str, str]]:
    return {ind.id: {k: v for k in FIELDS if (v := ind.describe().get(k))} for ind in indicator_catalogue()}


def test_the_languages_are_the_twelve_packs() -> None:
    assert len(language_packs()) == 12 and "en" in language_packs()


@pytest.mark.parametrize("lang", OTHERS)
def test_every_kind_of_file_exists(lang: str) -> None:
    missing = [
        str(path.relative_to(ROOT))
        for path in (
            WEB / f"{lang}.json",
            data_path("i18n") / f"indicators.{lang}.toml",
            data_path("i18n") / f"notices.{lang}.toml",
            LOCALES / lang / "messages.json",
        )
        if not path.exists()
    ]
    assert missing == []


@pytest.mark.parametrize("lang", OTHERS)
def test_web_catalogue_is_complete_with_the_same_placeholders(lang: str) -> None:
    english, other = _web("en"), _web(lang)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"
    assert {k: _format_fields(v) for k, v in other.items()} == {k: _format_fields(v) for k, v in english.items()}
    assert [k for k in english if _copied(english[k], other[k])] == [], "left in English"
    assert all(v.strip() for v in other.values())


@pytest.mark.parametrize("lang", OTHERS)
def test_indicator_wording_is_complete(lang: str) -> None:
    english = _indicators_en()
    with (data_path("i18n") / f"indicators.{lang}.toml").open("rb") as fh:
        other = tomllib.load(fh)
    assert sorted(set(english) - set(other)) == [], "indicators without wording"
    assert sorted(set(other) - set(english)) == [], "ids not in the catalogue"
    for ind_id, fields in english.items():
        assert set(other[ind_id]) == set(fields), ind_id  # looked_for exactly where English has one
        assert all(isinstance(v, str) and v.strip() and "{" not in v for v in other[ind_id].values()), ind_id
        assert [f for f in fields if _copied(fields[f], other[ind_id][f])] == [], ind_id


@pytest.mark.parametrize("lang", OTHERS)
def test_notices_are_complete_with_the_same_placeholders(lang: str) -> None:
    english, other = _templates("en"), _templates(lang)
    assert set(other) == set(english)
    for code, text in english.items():
        assert _format_fields(other[code]) == _format_fields(text), code
        assert not _copied(text, other[code]), code


@pytest.mark.parametrize("lang", OTHERS)
def test_extension_messages_are_complete_with_the_same_placeholders(lang: str) -> None:
    english, other = _extension("en"), _extension(lang)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"

    def named(entry: dict) -> set[str]:
        return {n.lower() for n in re.findall(r"\$(\w+)\$", entry["message"])}

    for key, entry in english.items():
        mine = other[key]
        assert mine["message"].strip(), key
        assert named(mine) == named(entry), key
        assert mine.get("placeholders", {}) == entry.get("placeholders", {}), key
        assert not re.search(r"\$\d", re.sub(r"\$\w+\$", "", mine["message"])), key
        assert not _copied(entry["message"], mine["message"]), key
    assert other["ui_language"]["message"] == lang
    assert len(other["ext_short_name"]["message"]) <= 12  # store limits
    assert len(other["ext_description"]["message"]) <= 132


def test_one_list_of_ui_languages_for_web_api_and_cli() -> None:
    from validator.cli import build_parser
    from webapp.api import openapi_document

    langs = ui_languages()
    assert langs == web_i18n.languages() == tuple(sorted(language_packs()))
    check = build_parser()._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    choices = next(a.choices for a in check._actions if "--ui-language" in a.option_strings)
    assert tuple(choices) == (*langs, AUTO)
    schema = json.dumps(openapi_document())
    assert f'"enum": {json.dumps([*langs, AUTO, None])}' in schema


def test_auto_means_the_ads_language_and_absent_means_english() -> None:
    assert resolve_ui_language(AUTO, "ro") == "ro"
    assert resolve_ui_language(AUTO, "nl") == "en"  # no interface wording in Dutch
    assert resolve_ui_language(None, "ro") == "en"
    assert resolve_ui_language("pl", "ro") == "pl"


@pytest.fixture(scope="module")
def client():
    return create_app({"WARMUP": False, "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False}).test_client()


def test_api_ui_language_auto_words_the_result_in_the_ads_language(client) -> None:
    ad = (
        "Praca w Niemczech na farmie, 3000 EUR miesięcznie, bez doświadczenia, darmowe zakwaterowanie. "
        "Opłata rekrutacyjna 200 EUR. Kontakt tylko przez WhatsApp +48 600 123 456."
    )
    english = client.post("/api/v1/assess", json={"text": ad}).get_json()
    auto = client.post("/api/v1/assess", json={"text": ad, "ui_language": "auto"}).get_json()
    assert auto["language"] == english["language"] == "pl"
    polish = wording("pl")
    assert english["indicators"] and [h["id"] for h in auto["indicators"]] == [h["id"] for h in english["indicators"]]
    for hit, plain in zip(auto["indicators"], english["indicators"], strict=True):
        assert hit["title"] == polish[hit["id"]]["title"] != plain["title"]
        assert hit["evidence"] == plain["evidence"]  # quotes stay as written


def test_browser_language_with_region_picks_the_ui_and_the_form_lists_every_pack(client) -> None:
    page = client.get("/", headers={"Accept-Language": "ro-RO,ro;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ro"' in page
    listed = re.findall(r'<option value="(\w\w)" lang="\w\w">([^<]+)</option>', page)
    assert sorted(code for code, _ in listed) == sorted(language_packs())
    assert ("bg", "Български") in listed and ("uk", "Українська") in listed


def test_country_names_helplines_and_errors_follow_the_reader(client) -> None:
    app = client.application
    with app.test_request_context("/", headers={"Accept-Language": "fr-FR"}):
        assert web_i18n.ui_language() == "fr"
        assert web_i18n.country_name("DE") == "Allemagne"
        assert web_i18n.label("facts.address") == "Adresse\u202f:"
    with app.test_request_context("/", headers={"Accept-Language": "ro"}):
        from webapp.helplines import for_result

        first, more = for_result(app.config["HELPLINES"], "DE")
        countries = [h["country"] for h in first]
        # the destination's lines, then the reader's country (ro -> Romania), then Europe-wide ones
        assert countries[0] == "Germania" and "România" in countries and countries[-1] == ""
        assert countries.index("România") > countries.index("Germania")
        romanian = next(h for h in first if h["country"] == "România" and h["phone"])
        assert romanian["name"].startswith("Agenția Națională") and romanian["lang"] == "ro"
        assert romanian["description"] == web_i18n.catalogue("ro")["help.kind.trafficking"]
        assert more and not {h["country"] for h in more} & {"Germania", "România"}
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        first, _ = for_result(app.config["HELPLINES"], "RO")
        assert first[0]["name"] == "National Agency against Trafficking in Persons (ANITP)"
    page = client.post(
        "/check?lang=fr", data={"url": "ftp://example.org/ad"}, headers={"Accept-Language": "fr"}
    ).get_data(as_text=True)
    assert web_i18n.catalogue("fr")["error.code.url_refused"].replace("'", "&#39;") in page


def test_every_helpline_has_a_country_kind_source_and_https_address() -> None:
    with HELPLINES_FILE.open("rb") as fh:
        raw = tomllib.load(fh)["helpline"]
    entries = load_helplines()
    assert len(entries) == len(raw)
    kinds = {k.removeprefix("help.kind.") for k in _web("en") if k.startswith("help.kind.")}
    territories = Locale.parse("en").territories
    for entry in entries:
        assert entry["url"].startswith("https://"), entry
        assert entry.get("source"), entry
        assert entry.get("kind") in kinds, entry
        assert entry["country"] == "EU" or entry["country"] in territories, entry
        assert entry.get("name") or entry.get("name_key") in _web("en"), entry
    # every pack country with a national line: the countries whose people read the packs
    covered = {e["country"] for e in entries}
    assert {"BG", "RO", "PL", "LT", "LV", "DE", "FR", "ES", "IT", "UA", "GB", "RU"} <= covered


def test_french_puts_a_narrow_no_break_space_before_double_punctuation() -> None:
    french = _web("fr")
    plain_space = {k: v for k, v in french.items() if re.search(r" [:;?!»]|« ", v)}
    assert plain_space == {}
    indicators = wording("fr")
    assert [(i, f) for i, fields in indicators.items() for f, v in fields.items() if re.search(r" [:;?!»]|« ", v)] == []
    extension = {k: e["message"] for k, e in _extension("fr").items()}
    assert {k: v for k, v in extension.items() if re.search(r"[ \u00a0][:;?!»]|«[ \u00a0]", v)} == {}
    assert french["facts.none"] == "aucune indication"  # one form for every field, whatever its gender


def _visible_text(page: str) -> str:
    """The page's text outside the ad itself (quotes stay in the ad's language) and outside code samples."""
    page = re.sub(r'<div class="ad-text">.*?</div>', " ", page, flags=re.S)
    page = re.sub(r"<(script|style|pre|code)\b.*?</\1>", " ", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", page)
    text = text.replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _english_left(text: str, lang: str) -> list[str]:
    english, other = _web("en"), _web(lang)
    indicators, translated = _indicators_en(), wording(lang)
    candidates = [v for k, v in english.items() if _copied(v, v) and other.get(k) != v]
    candidates += [
        v for ind_id, fields in indicators.items() for f, v in fields.items()
        if _copied(v, v) and translated.get(ind_id, {}).get(f) != v
    ]
    return [v for v in candidates if "{" not in v and " ".join(v.split()) in text]


@pytest.mark.parametrize("lang", OTHERS)
def test_home_result_and_method_pages_have_no_english_left(client, lang: str) -> None:
    from test_webapp_support import RISKY_AD

    home = client.get(f"/?lang={lang}")
    result = client.post("/check", data={"text": RISKY_AD, "lang": lang})
    method = client.get(f"/method?lang={lang}")
    for response in (home, result, method):
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in page
        assert _english_left(_visible_text(page), lang) == []
    assert 'class="sign' in result.get_data(as_text=True)  # the result lists warning signs to check


def test_without_a_language_we_have_the_result_follows_the_ads_language(client) -> None:
    ad = (
        "Muncă în Germania la fermă, 3000 EUR pe lună, fără experiență, cazare gratuită. "
        "Taxă de înscriere 200 EUR. Contact doar pe WhatsApp +40 722 123 456."
    )
    unknown = {"Accept-Language": "tr-TR,tr;q=0.9"}  # a browser language the interface does not have
    home = client.get("/", headers=unknown).get_data(as_text=True)
    assert '<html lang="en"' in home and 'name="lang"' not in home  # no choice made: none carried
    result = client.post("/check", data={"text": ad}, headers=unknown).get_data(as_text=True)
    assert '<html lang="ro"' in result
    assert web_i18n.catalogue("ro")["result.title"] in result
    chosen = client.post("/check", data={"text": ad, "lang": "en"}, headers=unknown).get_data(as_text=True)
    assert '<html lang="en"' in chosen  # a chosen language is kept
    browser = client.post("/check", data={"text": ad}, headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="de"' in browser  # so is the browser's
