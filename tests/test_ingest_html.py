"""HTML ingest: schema.org JobPosting (JSON-LD, microdata), main content, broken input, charsets."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import validator
from validator.errors import (
    InputTooLargeError,
    NoTextInHtmlError,
    UndecodableInputError,
    ValidatorError,
)
from validator.ingest import load
from validator.ingest.html import from_html, render_salary
from validator.settings import Settings

S = Settings()

POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Strawberry picker",
    "description": "<p>Picking strawberries in greenhouses.</p><ul><li>Shared room in a house</li>"
    "<li>No experience needed</li></ul><p>Shifts of 10&nbsp;hours, six days a week.</p>",
    "hiringOrganization": {"@type": "Organization", "name": "Fynsk Bær ApS", "sameAs": "https://fynskbaer.example"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Markvej 3",
            "postalCode": "5000",
            "addressLocality": "Odense",
            "addressRegion": "Syddanmark",
            "addressCountry": "DK",
        },
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "minValue": 2000, "maxValue": 3000, "unitText": "MONTH"},
    },
    "employmentType": ["FULL_TIME", "TEMPORARY"],
    "datePosted": "2026-11-01",
    "validThrough": "2026-12-31T23:59",
}


def page(*scripts: object, body: str = "<nav>Home | Jobs</nav><h1>Jobs</h1>") -> str:
    blocks = "".join(f'<script type="application/ld+json">{json.dumps(s)}</script>' for s in scripts)
    return f"<!doctype html><html><head><title>Job</title>{blocks}</head><body>{body}</body></html>"


def test_json_ld_job_posting_fields_and_labelled_lines() -> None:
    ad = from_html(page(POSTING), S, url="https://jobs.example/1")
    assert ad.source == "html" and ad.url == "https://jobs.example/1"
    assert ad.structured["title"] == "Strawberry picker"
    assert ad.structured["baseSalary"]["value"]["minValue"] == 2000
    assert ad.structured["hiringOrganization"]["name"] == "Fynsk Bær ApS"
    assert "@context" not in ad.structured
    header, _, description = ad.text.partition("\n\n")
    assert header.splitlines() == [
        "Job title: Strawberry picker",
        "Employer: Fynsk Bær ApS",
        "Employer website: https://fynskbaer.example",
        "Address: Markvej 3, 5000 Odense",
        "Location: Odense, Syddanmark, Denmark",
        "Salary: 2000-3000 EUR per month",
        "Employment type: full time, temporary",
        "Date posted: 2026-11-01",
        "Valid through: 2026-12-31T23:59",
    ]
    assert description.splitlines() == [
        "Picking strawberries in greenhouses.",
        "Shared room in a house",
        "No experience needed",
        "Shifts of 10 hours, six days a week.",
    ]
    assert "Home | Jobs" not in ad.text  # the page around the posting is not read
    start = ad.text.index("2000-3000 EUR per month")
    assert ad.text[start : start + 23] == "2000-3000 EUR per month"


def test_json_ld_in_graph_with_type_list_and_escaped_description() -> None:
    posting = {
        "@type": ["JobPosting"],
        "title": "Cleaner",
        "description": "&lt;p&gt;Cleaning offices in Vienna.&lt;/p&gt;&lt;p&gt;Evening work.&lt;/p&gt;",
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": 14.5, "unitText": "HOUR"},
        "jobLocation": [
            {
                "@type": "Place",
                "address": {"addressLocality": "Wien", "addressCountry": {"@type": "Country", "name": "AT"}},
            },
            {"@type": "Place", "address": "Graz, Austria"},
        ],
        "hiringOrganization": "Sauber GmbH",
    }
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"}, posting]}
    ad = from_html(page(graph), S)
    assert "Salary: 14.5 EUR per hour" in ad.text
    assert "Location: Wien, Austria\nLocation: Graz, Austria" in ad.text
    assert "Employer: Sauber GmbH" in ad.text
    assert ad.text.endswith("Cleaning offices in Vienna.\nEvening work.")


def test_broken_json_ld_script_does_not_hide_a_good_one() -> None:
    html = page(POSTING).replace(
        "<script", '<script type="application/ld+json">{"@type": "JobPosting",,</script><script', 1
    )
    assert from_html(html, S).structured["title"] == "Strawberry picker"


def test_several_postings_take_the_longest_with_a_warning() -> None:
    short = {"@type": "JobPosting", "title": "Other", "description": "Short."}
    ad = from_html(page([short, POSTING]), S)
    assert ad.structured["title"] == "Strawberry picker"
    assert ad.warnings == ["the page holds 2 job postings: the longest one was read"]


def test_posting_without_description_falls_back_to_the_page_text() -> None:
    ad = from_html(page({"@type": "JobPosting", "title": "Driver"}, body="<main><p>Drive vans in Lyon.</p></main>"), S)
    assert ad.text == "Job title: Driver\n\nDrive vans in Lyon."


def test_separate_sections_follow_the_description() -> None:
    posting = dict(POSTING, responsibilities="Picking and packing.", jobBenefits=["Free housing", "Bonus"])
    ad = from_html(page(posting), S)
    assert "\n\nResponsibilities: Picking and packing.\n\nBenefits: Free housing\nBonus" in ad.text


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ({"currency": "GBP", "value": {"value": "12.50", "unitText": "HOUR"}}, "12.5 GBP per hour"),
        ({"currency": "PLN", "minValue": 5000, "maxValue": 7000, "unitText": "month"}, "5000-7000 PLN per month"),
        (
            {"currency": "EUR", "value": {"minValue": 30000, "maxValue": 30000, "unitText": "YEAR"}},
            "30000 EUR per year",
        ),
        ({"currency": "EUR", "value": {"maxValue": 4000, "unitText": "MONTH"}}, "4000 EUR per month"),
        (1800, "1800"),
        ({"currency": "EUR"}, ""),
        ([{"currency": "EUR", "value": 10, "unitText": "HOUR"}], "10 EUR per hour"),
    ],
)
def test_render_salary(salary: object, expected: str) -> None:
    assert render_salary(salary) == expected


MICRODATA = """<html><body><div class="menu"><nav>Jobs Home</nav></div>
<div itemscope itemtype="https://schema.org/JobPosting">
 <h1 itemprop="title">Cook</h1>
 <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
  <span itemprop="name">Hotel Sol SL</span></div>
 <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
  <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
   <span itemprop="addressLocality">Málaga</span> <span itemprop="addressCountry">ES</span></div></div>
 <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
  <meta itemprop="currency" content="EUR">
  <div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
   <meta itemprop="minValue" content="1400"><meta itemprop="maxValue" content="1600">
   <meta itemprop="unitText" content="MONTH"></div></div>
 <div itemprop="description"><p>Cooking breakfast for hotel guests.</p><p>Meals included.</p></div>
</div></body></html>"""


def test_microdata_job_posting() -> None:
    ad = from_html(MICRODATA, S)
    assert ad.structured["@type"] == "JobPosting"
    assert ad.structured["title"] == "Cook"
    assert ad.structured["hiringOrganization"]["name"] == "Hotel Sol SL"
    assert ad.text.splitlines()[:4] == [
        "Job title: Cook",
        "Employer: Hotel Sol SL",
        "Location: Málaga, Spain",
        "Salary: 1400-1600 EUR per month",
    ]
    assert ad.text.endswith("\n\nCooking breakfast for hotel guests.\nMeals included.")


PLAIN_PAGE = """<!DOCTYPE html><html><head><title>Warehouse job</title><style>p{color:red}</style>
<script>var tracking = "do not read me";</script></head>
<body><header><a href="/">JobBoard</a> Sign in</header>
<nav><ul><li>Home</li><li>Search</li></ul></nav>
<main><article><header><h1>Warehouse operative</h1></header>
<p>We need   pickers
 and packers in Leeds.</p><p>Pay: &pound;12.50 per hour,<br>40 hours a week.</p>
<form><input name="q"><button>Apply now</button></form></article>
<aside>Similar jobs: Driver £15/h</aside></main>
<footer>© 2026 JobBoard · Privacy</footer><noscript>Enable JS</noscript></body></html>"""


def test_page_without_structured_data_reads_main_content_only() -> None:
    ad = from_html(PLAIN_PAGE, S)
    assert ad.structured == {}
    assert ad.text == (
        "Warehouse operative\nWe need pickers and packers in Leeds.\nPay: £12.50 per hour,\n40 hours a week."
    )


def test_page_without_main_uses_body_minus_chrome() -> None:
    html = (
        "<html><body><div id='top'><nav>Menu</nav></div><div><h2>Nurse</h2><p>Care home in Cork.</p></div>"
        "<footer>Contact us</footer><div hidden>hidden text</div><p style='display: none'>invisible</p></body></html>"
    )
    assert from_html(html, S).text == "Nurse\nCare home in Cork."


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Job: welder in Gdańsk, 30 PLN per hour<div><span",  # truncated tag
        "<p>Electrician wanted <!-- unclosed comment <b>text</b>",
        "<<<>>><p>>>Chef</p></<//div>&&#xZZ;&#99999999;<p>Hotel in Nice</p>",
        "<table><tr><td>Baker<td>Lyon<tr><td>1500 EUR</table></td></tr></table></table>",
        "<p>" + "<div>" * 5000 + "deeply nested job text" + "</div>" * 10,
        "<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>XHTML job ad</p></body></html>",
        '<script type=\'application/ld+json\'>{"@type": "JobPosting", "title": [1, {"x": null}], '
        '"baseSalary": {"value": {"minValue": "lots"}}, "jobLocation": 5}</script><p>Odd data</p>',
        "\x00\x01\x02<p>control\x0bcharacters\x1f in a page</p>\ufffe",
    ],
)
def test_broken_html_does_not_crash(html: str) -> None:
    try:
        ad = from_html(html, S)
    except ValidatorError:
        return
    assert ad.text.strip()


def test_deep_nesting_text_is_read() -> None:
    assert "deeply nested job text" in from_html("<div>" * 3000 + "deeply nested job text", S).text


def test_binary_junk_bytes_are_refused_clearly() -> None:
    junk = bytes(range(256)) * 20
    with pytest.raises(UndecodableInputError):
        from_html(junk, S)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html></html>",
        "<html><head><script>var a=1</script></head><body><nav>Menu</nav></body></html>",
        "<!-- only a comment -->",
        "<br><hr><img src=x>",
    ],
)
def test_html_without_text_is_refused(html: str) -> None:
    with pytest.raises(NoTextInHtmlError):
        from_html(html, S)


def test_size_limit() -> None:
    small = S.with_(max_text_bytes=1000)
    with pytest.raises(InputTooLargeError):
        from_html("<p>" + "x" * 2000 + "</p>", small)
    with pytest.raises(InputTooLargeError):
        from_html(b"<p>" + b"x" * 2000 + b"</p>", small)


def test_meta_charset_decodes_non_utf8_bytes() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Работа в Германии</p></body></html>'
    assert from_html(html.encode("windows-1251"), S).text == "Работа в Германии"


def test_http_equiv_latin1_and_header_hint() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><p>Crème brûlée chef – Zürich</p></body></html>"
    )
    assert from_html(html.encode("cp1252"), S).text == "Crème brûlée chef – Zürich"
    plain = "<p>Kraków, wynagrodzenie 5000 zł</p>".encode("iso-8859-2")
    assert from_html(plain, S, encoding="ISO-8859-2").text == "Kraków, wynagrodzenie 5000 zł"


def test_utf8_bom_and_utf16() -> None:
    assert from_html("\ufeff<p>Köln</p>".encode(), S).text == "Köln"
    assert from_html("<p>Köln</p>".encode("utf-16"), S).text == "Köln"


def test_undeclared_non_utf8_bytes_are_refused() -> None:
    html = ("<p>" + "Ärzte für Köln gesucht, Überstunden möglich. " * 20 + "</p>").encode("cp1252")
    with pytest.raises(UndecodableInputError, match="declares no charset"):
        from_html(html, S)


def test_a_stray_invalid_byte_is_replaced_with_a_warning() -> None:
    html = ("<p>" + "Electricians wanted in Dublin. " * 100 + "</p>").encode() + b"\xff<p>End</p>"
    ad = from_html(html, S)
    assert ad.text.endswith("\ufffd\nEnd") or ad.text.endswith("\ufffdEnd")
    assert any("not valid" in w for w in ad.warnings)


def test_load_and_engine_accept_html() -> None:
    ad = load(html=page(POSTING), settings=S)
    assert ad.source == "html" and ad.structured["title"] == "Strawberry picker"
    result = validator.assess(html=page(POSTING), language="en")
    assert result.text == ad.text
    assert result.source == "html"


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_arbitrary_input_gives_text_or_a_validator_error(data: str | bytes) -> None:
    try:
        ad = from_html(data, S)
    except ValidatorError:
        return
    assert ad.text.strip()


@hsettings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<nav>",
                "Job ",
                "Pay 10 EUR ",
                '<script type="application/ld+json">',
                '{"@type": "JobPosting", "title": "T"',
                "}",
                "<br>",
                "&amp;",
                "<",
            ]
        ),
        max_size=30,
    )
)
def test_tag_soup_never_crashes(parts: list[str]) -> None:
    try:
        ad = from_html("".join(parts), S)
    except ValidatorError:
        return
    assert ad.text.strip()


def test_plain_text_description_keeps_its_lines_and_entities() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "R&amp;D technician",
        "description": "R&amp;D lab in Gent.\nShifts  8-16h.",
    }
    ad = from_html(page(posting), S)
    assert ad.text == "Job title: R&D technician\n\nR&D lab in Gent.\nShifts 8-16h."


@pytest.mark.parametrize("prefix", ["<!-- job data -->\n", "// generated by the CMS\n"])
def test_json_ld_with_a_leading_comment_is_read_through_extruct(prefix: str) -> None:
    script = prefix + json.dumps(POSTING)
    html = f'<html><head><script type="application/ld+json">{script}</script></head><body></body></html>'
    assert from_html(html, S).structured["title"] == "Strawberry picker"
