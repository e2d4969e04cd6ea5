"""The fast paths give the same results as the plain way: the tokenizer shortcut (all-letter chunks skip
the affix searches), lexemes with only the attributes we read, regexes rewritten to begin with a character
class, and the counts of the "badly written" rule."""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.facts.wages import NUMBER, lexicon
from validator.indicators.detectors import _BANG_RUN, _letter_count
from validator.nlp.components import LEXEME_ATTRS, FastRegex, token_table
from validator.nlp.pipeline import (
    _SPACE_RUNS,
    LONG_CHARS,
    LONG_RUN,
    SPACY_LANG,
    AffixSearch,
    ChunkCache,
    build_nlp,
    get_nlp,
    make_doc,
)
from validator.resources import language_packs

FIXTURES = Path(__file__).parent / "fixtures" / "ads"
LANGS = sorted(language_packs())
PACK_REGEXES = sorted(
    {
        json.loads(line)["regex"]
        for lang in LANGS
        for line in (Path(__file__).parents[1] / "validator/data/lang" / lang / "cues.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if '"regex"' in line
    }
)
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
# text made of the pieces the cue regexes look for, so random examples often match
PIECES = st.sampled_from(
    [
        "12",
        "5",
        "-",
        "–",
        " ",
        "\n",
        "hours",
        "h",
        "a",
        "per",
        "day",
        "week",
        "aged",
        "between",
        "to",
        "18",
        "35",
        "years",
        "8:00",
        "x",
        "ч",
        "годин",
        "!",
        "?",
        "$",
        "€",
        "É",
        "_",
        "AGED",
        "Girls",
        "ſ",
        "İ",
        "паспорт",
        "ПАСПОРТ",
        "ᲂ",
        "de la",
    ]
)


@cache
def _stock(lang: str):
    return spacy.blank(SPACY_LANG.get(lang, lang)).tokenizer


def _tokens(tokenizer, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in tokenizer(text)]


@pytest.mark.parametrize("lang", LANGS)
def test_example_ads_tokenize_as_stock_spacy(lang):
    stock, ours = _stock(lang), get_nlp(lang).tokenizer
    assert EXAMPLES
    for text in EXAMPLES:
        assert _tokens(ours, text) == _tokens(stock, text)


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=150, deadline=None)
@given(word=st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12))
def test_no_affix_rule_splits_an_all_letter_chunk(lang, word):
    stock = _stock(lang)
    assert stock.prefix_search is None or stock.prefix_search(word) is None
    assert stock.suffix_search is None or stock.suffix_search(word) is None
    assert stock.infix_finditer is None or not list(stock.infix_finditer(word))


def test_emscad_ads_tokenize_as_stock_spacy(emscad_csv):
    stock, ours = _stock("en"), get_nlp("en").tokenizer
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        texts = [row["description"] for row in csv.DictReader(fh)]
    assert len(texts) > 800
    assert all(_tokens(ours, t) == _tokens(stock, t) for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_texts_tokenize_as_stock_spacy_through_the_chunk_cache(lang):
    """Twice over: the second pass is served from the cache the first pass filled."""
    stock, nlp = _stock(lang), build_nlp(lang)
    texts = [*EXAMPLES, "I don't know, don't you? Mr. Smith's e.g. (cf. U.S.A.) 9 a.m. I'm we're"]
    for _ in range(2):
        for text in texts:
            assert [(t.text, t.whitespace_) for t in make_doc(nlp, text)] == _tokens(stock, text)


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["I", "don't", "don't,", "(e.g.", "U.S.", "work,", "2,000", "full-time",
                                      "we're", "a.m.", " ", "\n", "  ", "Mr.", ":)", "co-op", "x", "\xa0", " \xa0",
                                      "\u2028", "\t"]), max_size=30))
def test_random_texts_tokenize_as_stock_spacy_through_the_chunk_cache(text):
    joined = "".join(text)
    assert [(t.text, t.whitespace_) for t in make_doc(get_nlp("en"), joined)] == _tokens(_stock("en"), joined)


def test_the_chunk_cache_outgrows_spacys_default_limit(monkeypatch):
    """spaCy caches at most 10,000 chunks by default; the words of a few hundred ads are more."""
    nlp = build_nlp("en")
    words = [f"w{i}x," for i in range(12_000)]
    for i in range(0, len(words), 250):
        make_doc(nlp, " ".join(words[i : i + 250]))
    calls = []
    search = AffixSearch.__call__
    monkeypatch.setattr(AffixSearch, "__call__", lambda self, chunk: calls.append(chunk) or search(self, chunk))
    assert [t.text for t in make_doc(nlp, "I w11999x, w3x,")] == ["I", "w11999x", ",", "w3x", ","]
    assert not [c for c in calls if c.startswith("w")]


def test_the_chunk_cache_leaves_junk_to_the_tokenizer():
    cache = ChunkCache(build_nlp("en"))
    cache.fill([f"w{i}x" for i in range(ChunkCache.MAX_NEW + 1)])
    assert not cache.seen
    cache.fill(("Cleaner wanted, 2,000 EUR a month. " + "z" * (ChunkCache.MAX_CHARS + 1)).split())
    assert cache.seen == {"Cleaner", "wanted,", "2,000", "EUR", "a", "month."}


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["x" * 100, "é" * 60, "x", " ", "\n", "\u00a0", "\u2003", "\u200b", "\x1c", "\x85"]), max_size=12
    ).map("".join)
)
def test_long_runs_are_found_as_by_the_regex(text):
    assert (LONG_RUN.search(text) is None) == all(len(c) < LONG_CHARS for c in text.split())


def test_pipeline_still_serialises():
    assert get_nlp("en").to_bytes()


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_fast_regexes_match_as_re_on_example_ads():
    fast = [FastRegex(p, re.IGNORECASE) for p in PACK_REGEXES]
    assert sum(f.body is not None for f in fast) > len(fast) // 2  # a shortcut is taken
    assert sum(f.prefixes is not None for f in fast) > len(fast) // 4
    for f in fast:
        for text in EXAMPLES:
            assert _spans(f.finditer(text)) == _spans(f.rx.finditer(text))


@settings(max_examples=300, deadline=None)
@given(text=st.lists(PIECES, max_size=30).map("".join))
def test_fast_regexes_match_as_re_on_any_text(text):
    extra = [r"\bfoo|bar", r"\bx*", r"\b\w+\b", r"(?:ages?|bet)\w*", r"\bs[ae]ys?\b", r"\b\d+", r"\b(?:1\d|2)\d?h?"]
    for pattern in [*PACK_REGEXES, *extra]:
        f = FastRegex(pattern, re.IGNORECASE)
        assert _spans(f.finditer(text)) == _spans(f.rx.finditer(text))


def test_digit_led_regexes_are_tried_at_word_initial_digits_only():
    assert FastRegex(r"\b(?:5[5-9]|[6-9]\d)\s*h", re.IGNORECASE).digit_led
    assert not FastRegex(r"\b(?:5|x)h").digit_led
    assert not FastRegex(r"\b\d*h").digit_led
    f = FastRegex(r"\b\d{1,2}\s*hours")
    text = "x12 hours, 8 hours, ٣ hours, _4 hours"
    assert _spans(f.finditer(text)) == _spans(f.rx.finditer(text)) == [(11, 18), (20, 27)]


def test_a_top_level_alternation_keeps_the_plain_regex():
    assert FastRegex(r"\bfoo|bar").body is None


@settings(max_examples=300, deadline=None)
@given(text=st.lists(PIECES, max_size=30).map("".join))
def test_badly_written_counts_as_the_plain_way(text):
    plain = re.compile(r"[!?$€£]{3,}|(?:!\s*){3,}")
    assert _spans(_BANG_RUN.finditer(text)) == _spans(plain.finditer(text))
    assert _letter_count(text) == sum(ch.isalpha() for ch in text)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="0123456789 ,.'’\u00a0a+#/@\\_-", max_size=24))
def test_wage_numbers_are_found_as_with_a_leading_lookbehind(text):
    plain = re.compile(
        r"(?<![\w.,+#/\\@])"
        r"(\d{1,3}(?:(?:[,.'’]|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,4})?)"
        r"(?!\d)"
    )
    assert [m.span(1) for m in NUMBER.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


@pytest.mark.parametrize("lang", LANGS)
def test_new_words_get_every_attribute_we_read(lang):
    doc = get_nlp(lang).make_doc("Zqxwv QWERTZU 4711 ... ;; zqxwvs")
    stock = _stock(lang)(doc.text)
    for attr in LEXEME_ATTRS:
        ours = [token_table(doc)[attr][i] for i in range(len(doc))]
        theirs = list(stock.to_array([attr]))
        assert ours == theirs, attr


CURRENCY_PIECES = st.sampled_from(
    ["$", "US$", "€", "EUR", "eur", "Euro", "dollars", "lei", "zł", "kr.", "руб.", "грн", "лв", "K", "ſ", "İ", "ı"]
    + ["a", "x", "1", " ", "\u00a0", "\n", "/", ".", "-", "_", "²", "£", "CHF", "SFr.", "PLN"]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(CURRENCY_PIECES, max_size=12).map("".join), lang=st.sampled_from(sorted(language_packs())))
def test_the_currency_before_an_amount_is_found_as_without_the_start_guard(text, lang):
    guarded = lexicon(lang).cur_before
    plain = re.compile(guarded.pattern[guarded.pattern.index("((?:") :])
    for start in range(len(text) + 1):
        a, b = guarded.search(text, start), plain.search(text, start)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab \n\t\u00a0\u2003\x1c\x85\u200b", max_size=20))
def test_space_runs_are_found_as_by_the_plain_pattern(text):
    assert _SPACE_RUNS.findall(text) == re.findall(r"\s{2,}|[^\S ]", text)
