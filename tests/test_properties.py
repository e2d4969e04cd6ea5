"""Property-based tests: arbitrary text and HTML never crash the engine, and every evidence span and
fact offset indexes the text it quotes."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import assess
from validator.errors import ValidatorError

AD_WORDS = [
    "fee", "no", "experience", "required", "free", "accommodation", "WhatsApp", "only", "passport", "copy",
    "salary", "up", "to", "3000", "EUR", "€", "$", "per", "month", "hour", "Ltd", "GmbH", "abroad", "Germany",
    "Berlin", "+359", "888", "123", "456", "jobs@gmail.com", "www.example.com", "#PHONE_abc#", "urgent", "!!!",
    "2k-3k", "1.800,50", "12 hours a day", "\n", ",", ".", "aged", "18-30", "not", "deducted", "from", "wages",
]
ad_like = st.lists(st.one_of(st.sampled_from(AD_WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_offsets(a) -> None:
    text = a.text
    for hit in a.indicators:
        for ev in hit.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
    for w in a.facts.wages:
        assert text[w.start : w.end] == w.text
    for item in [*a.facts.contacts.phones, *a.facts.contacts.emails, *a.facts.contacts.urls]:
        assert 0 <= item.start <= item.end <= len(text)
    for loc in a.facts.locations:
        if loc.start is not None:
            assert text[loc.start : loc.end] == loc.text
    assert 0.0 <= a.risk.score <= 1.0


@fuzz
@given(st.one_of(ad_like, st.text(max_size=400)))
def test_any_text(text: str) -> None:
    try:
        a = assess(text, language="en")
    except ValidatorError:
        return
    check_offsets(a)
    a.to_dict()


@fuzz
@given(ad_like)
def test_detected_language_never_crashes(text: str) -> None:
    with contextlib.suppress(ValidatorError):
        check_offsets(assess(text))


TAGS = ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<br>", "<nav>", "</nav>",
        '<script type="application/ld+json">', '{"@type": "JobPosting", "title": "x"}', "<html>", "<body>", "&amp;", "<"]
html_like = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(AD_WORDS), st.text(max_size=6)), max_size=50).map("".join)


@fuzz
@given(st.one_of(html_like, st.binary(max_size=300)))
def test_any_html(html) -> None:
    try:
        a = assess(html=html, language="en")
    except ValidatorError:
        return
    check_offsets(a)
