"""Hostile shapes of text: the tokenizer, link finder and evidence merge stay linear and exact.

Speed itself is measured by benchmarks/abuse.py; these tests check that the linear paths give the
same answers as the plain definitions they replace.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import assess
from validator.assessment import Evidence
from validator.errors import UndecodableInputError
from validator.facts import contacts
from validator.indicators.base import _dedupe
from validator.ingest import load
from validator.ingest.text import CONTROL, decode_bytes
from validator.nlp import get_nlp
from validator.nlp.pipeline import LONG_RUN, PIECE_CHARS, make_doc
from validator.settings import Settings

SYMBOLS = ["%", "$", ")", "(", "'s", "!", '"', "😀", "a.com", "-", "/", "x"]
runs = st.builds(lambda sym, n, pre, post: pre + sym * n + post, st.sampled_from(SYMBOLS),
                 st.integers(0, 700), st.text(max_size=20), st.text(max_size=20))
fuzz = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(runs)
def test_long_runs_keep_the_text_exactly(text: str) -> None:
    doc = make_doc(get_nlp("en"), text)
    assert doc.text == text
    if LONG_RUN.search(text):
        assert max(len(t) for t in doc) <= max(PIECE_CHARS, 255)


def test_short_text_is_tokenized_as_spacy_does() -> None:
    nlp = get_nlp("en")
    text = "Cleaner (m/f) wanted: 2.000 EUR/month, call +49 151 2345678!"
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_a_symbol_run_is_cut_into_pieces() -> None:
    doc = make_doc(get_nlp("en"), "Job " + "%" * 1000)
    assert doc.text == "Job " + "%" * 1000
    assert len(doc) >= 1000 // PIECE_CHARS


def _dedupe_plain(evidence: list[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for ev in sorted(evidence, key=lambda e: (e.start, -e.end)):
        if not any(k.start <= ev.start and ev.end <= k.end for k in out):
            out.append(ev)
    return out


spans = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10)), max_size=30)


@fuzz
@given(spans)
def test_evidence_merge_equals_its_definition(pairs: list[tuple[int, int]]) -> None:
    evidence = [Evidence(s, s + n, "x" * n) for s, n in pairs]
    assert _dedupe(evidence) == _dedupe_plain(evidence)


@fuzz
@given(st.lists(st.sampled_from(["a.com", "www.b.org/x", "http://c.io/p?q=1", "mail", "see", "jobs@d.eu", "\n"]),
                max_size=40).map(" ".join))
def test_links_never_overlap(text: str) -> None:
    _, _, links, _ = contacts.scan(text)
    ordered = sorted((lk.start, lk.end) for lk in links)
    for (_, e1), (s2, _) in itertools.pairwise(ordered):
        assert e1 <= s2
    for lk in links:
        assert re.sub(r"\s", "", text[lk.start : lk.end])


CONTROL_CASES = ["Cleaner wanted\x00 in Berlin", "Alert\x07 bell and \x1b[31mcolour codes in an ad", "tab\tand\nlines\r\nstay"]


@pytest.mark.parametrize("text", CONTROL_CASES)
def test_control_characters_become_spaces_with_a_warning(text: str) -> None:
    ad = load(text, settings=Settings())
    assert len(ad.text) == len(text)
    assert not CONTROL.search(ad.text)
    count = len(CONTROL.findall(text))
    assert bool(ad.warnings) == bool(count)
    if count:
        assert ad.warnings[0].startswith(f"{count} control character")


@pytest.mark.parametrize("text", ["\x00" * 50 + "job", "\x01\x02\x03\x04 ad"])
def test_mostly_control_characters_is_refused_as_binary(text: str) -> None:
    with pytest.raises(UndecodableInputError, match="binary"):
        load(text, settings=Settings())


def test_bytes_follow_the_same_rule() -> None:
    assert decode_bytes(b"Job ad\x00 text " * 20).count("\x00") == 20  # cleaned later by check_text
    with pytest.raises(UndecodableInputError):
        decode_bytes(b"\x00\x01\x02" * 100)


PATHOLOGICAL_UNITS = [
    "%", "$", ")", "(", "'s", "!", '"', "😀", "👩‍👩‍👧", "a.com ", "www.x.org/", "http://a.b/c?d=", "jobs@x.eu ",
    "+359 888 ", "1", "1.000,00 ", "\u200b", "\u202e", "#PHONE_a1#", "no fee ", "WhatsApp ", "ООО «", "€",
]
pathological = st.lists(
    st.tuples(st.sampled_from(PATHOLOGICAL_UNITS), st.integers(1, 400)), min_size=1, max_size=6
).map(lambda parts: "Job offer: " + "".join(unit * n for unit, n in parts))
nested_html = st.integers(1, 3000).map(lambda n: "<div>" * n + "Cleaner wanted, 2000 EUR a month" + "</div>" * n)


@fuzz
@given(pathological)
def test_pathological_text_is_assessed_with_true_offsets(text: str) -> None:
    a = assess(text)
    assert a.text == text.replace("\u0000", " ")
    for hit in a.indicators:
        for ev in hit.evidence:
            assert a.text[ev.start : ev.end] == ev.text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nested_html)
def test_deeply_nested_html_is_read(html: str) -> None:
    assert "Cleaner wanted" in assess(html=html).text


def test_a_table_of_amounts_is_read_only_up_to_the_cap() -> None:
    from validator.facts.wages import MAX_AMOUNTS

    a = assess("Pay table: " + "2000 EUR per month; " * (MAX_AMOUNTS * 3))
    assert 0 < len(a.facts.wages) <= MAX_AMOUNTS


def test_a_pipeline_that_took_too_many_new_words_is_rebuilt(monkeypatch) -> None:
    from validator.nlp import pipeline

    monkeypatch.setattr(pipeline, "MAX_NEW_VOCAB_STRINGS", 5000)
    monkeypatch.setattr(pipeline, "MAX_JUNK_STRINGS", 1000)
    first = pipeline.get_nlp("lv")
    pipeline.analyse(first, "Darbs noliktavā Rīgā, 1200 EUR mēnesī.")  # an ordinary text: no rebuild
    assert pipeline.get_nlp("lv") is first
    pipeline.analyse(first, " ".join(f"vārds{i}x" for i in range(1200)))  # junk: 1,200+ new words
    second = pipeline.get_nlp("lv")
    assert second is not first and pipeline.get_nlp("lv") is second
