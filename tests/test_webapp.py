"""Pages, widget, security headers, CSRF, translations and privacy, with Flask's test client."""

from __future__ import annotations

import logging
import re

import pytest
from test_webapp_support import PLAIN_AD, RISKY_AD

from validator.assessment import Assessment, Contacts, Employer, Evidence, Facts, Handle, IndicatorHit, Location, Risk
from validator.cli import build_parser
from webapp import create_app, formatting
from webapp.commands import ACCESS_LOG_FORMAT, gunicorn_options
from webapp.highlight import evidence_links, evidence_numbers, pieces

NGO = "http://ngo.example"


@pytest.fixture(scope="module")
def app():
    return create_app({"WARMUP": False, "RATELIMIT_ENABLED": False, "WIDGET_ALLOWED_ORIGINS": [NGO]})


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(client, path: str = "/") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_home_explains_and_offers_the_form(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'name="text"' in page and 'name="url"' in page and 'name="csrf_token"' in page
    assert "cannot tell you for certain" in page


def test_result_page_highlights_evidence_with_text_labels(client):
    response = client.post("/check", data={"text": RISKY_AD, "csrf_token": csrf_token(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    marks = re.findall(r'<mark id="ev-(\d+)" class="evidence">([^<]+)</mark>', page)
    assert marks, page
    assert any("WhatsApp" in text for _, text in marks)
    # each highlight is followed by one label: the numbers of its warning signs in the sign list, each a
    # link to the explanation, named by the sign's title
    tags = re.findall(r'<a class="ev-tag" href="#(ind-[\w-]+)"[^>]*aria-label="(\d+): ([^"]+)">(\d+)</a>', page)
    assert tags
    signs = re.findall(r'<li class="sign [^"]*" id="(ind-[\w-]+)"', page)
    for target, number, _title, shown in tags:
        assert number == shown and signs[int(number) - 1] == target  # numbered like the sign list
    assert page.count("</mark>") == page.count('<span class="ev-tags">')
    # band in words, not only colour
    assert re.search(r'class="band-word">(Low|Medium|High)<', page)
    assert "What to do next" in page and "Never pay a fee" in page
    assert "EU Anti-Trafficking" in page  # default helpline links


def test_form_post_needs_csrf_token(client):
    response = client.post("/check", data={"text": RISKY_AD})
    assert response.status_code == 400
    assert RISKY_AD not in response.get_data(as_text=True)


def test_empty_form_shows_the_error_on_the_home_page(client):
    response = client.post("/check", data={"text": "  ", "csrf_token": csrf_token(client)})
    assert response.status_code == 422
    assert 'role="alert"' in response.get_data(as_text=True)


def test_both_text_and_url_is_refused(client):
    data = {"text": PLAIN_AD, "url": "https://example.org/", "csrf_token": csrf_token(client)}
    response = client.post("/check", data=data)
    assert response.status_code == 422
    assert "not both" in response.get_data(as_text=True)


def test_get_on_check_redirects_home(client):
    assert client.get("/check").status_code == 302


def test_ad_text_never_goes_in_a_url(client):
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'<form class="check" method="post"', page)
    result = client.post("/check", data={"text": RISKY_AD, "csrf_token": csrf_token(client)})
    for href in re.findall(r'href="([^"]+)"', result.get_data(as_text=True)):
        assert "WhatsApp" not in href and "359888" not in href


def test_french_ui(client):
    page = client.get("/?lang=fr").get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert "Vérifier cette annonce" in page
    page = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert '<html lang="fr"' in page
    token = csrf_token(client, "/?lang=fr")
    result = client.post("/check", data={"text": RISKY_AD, "lang": "fr", "csrf_token": token})
    assert "Que faire ensuite" in result.get_data(as_text=True)
    # the engine's warnings are shown in French too
    unclear = "Xyz qwerty uiop asdf ghjk zxcv bnm poiu"
    result = client.post("/check", data={"text": unclear, "lang": "fr", "csrf_token": token}).get_data(as_text=True)
    assert "la langue n&#39;a pas pu être déterminée" in result or "la langue n'a pas pu être déterminée" in result
    assert "could not be told" not in result


def test_translations_have_the_same_keys():
    from webapp.i18n import catalogue, languages

    assert {"en", "fr"} <= set(languages())
    reference = set(catalogue("en"))
    for lang in languages():
        assert set(catalogue(lang)) == reference, lang


def test_method_page_lists_the_catalogue(client):
    page = client.get("/method").get_data(as_text=True)
    assert "What is stored" in page
    assert "You are asked to pay a fee" in page


@pytest.mark.parametrize("path", ["/", "/method", "/api/v1/health", "/widget/demo"])
def test_framing_refused_and_strict_csp_everywhere_but_the_widget(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_widget_may_be_framed_by_configured_origins_only(client):
    response = client.get(f"/widget?parent={NGO}&lang=fr&theme=dark")
    csp = response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    assert re.search(r"frame-ancestors 'self' http://ngo\.example(;|$)", csp)
    assert "unsafe-inline" not in csp
    page = response.get_data(as_text=True)
    assert f'data-parent-origin="{NGO}"' in page
    assert "theme-dark" in page and 'lang="fr"' in page
    assert "<script>" not in page and "style=" not in page


def test_widget_ignores_a_parent_origin_not_allowed(client):
    page = client.get("/widget?parent=http://evil.example").get_data(as_text=True)
    assert "data-parent-origin" not in page


def test_widget_post_checks_origin(client):
    ok = client.post("/widget", data={"text": RISKY_AD, "parent": NGO}, headers={"Origin": "http://localhost"})
    assert ok.status_code == 200
    page = ok.get_data(as_text=True)
    assert 'class="band-word"' in page and "See the full result" in page
    assert f'data-parent-origin="{NGO}"' in page
    forged = client.post("/widget", data={"text": RISKY_AD}, headers={"Origin": "http://evil.example"})
    assert forged.status_code == 403
    cross_site = client.post("/widget", data={"text": RISKY_AD}, headers={"Sec-Fetch-Site": "cross-site"})
    assert cross_site.status_code == 403


def widget_token(client) -> str:
    page = client.get("/widget").get_data(as_text=True)
    return re.search(r'name="widget_token" value="([^"]+)"', page).group(1)


def test_sandboxed_widget_posts_with_its_signed_token(client):
    """The sandboxed widget's forms send `Origin: null`: accepted with a token of a served widget page."""
    null = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    token = widget_token(client)
    ok = client.post("/widget", data={"text": RISKY_AD, "widget_token": token}, headers=null)
    assert ok.status_code == 200 and 'class="band-word"' in ok.get_data(as_text=True)
    full = client.post("/widget/result", data={"text": RISKY_AD, "widget_token": token}, headers=null)
    assert full.status_code == 200 and "<mark" in full.get_data(as_text=True)
    for bad in ("", "forged", token[:-2] + "xx"):
        refused = client.post("/widget", data={"text": RISKY_AD, "widget_token": bad}, headers=null)
        assert refused.status_code == 400
        page = refused.get_data(as_text=True)
        assert "The form expired" in page and 'class="band-word"' not in page
        assert (
            client.post("/widget/result", data={"text": RISKY_AD, "widget_token": bad}, headers=null).status_code == 400
        )


def test_the_extension_gets_a_form_token_for_the_full_result(client):
    response = client.get("/widget/token")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "Access-Control-Allow-Origin" not in response.headers  # other sites cannot read it
    token = response.get_json()["token"]
    null = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    full = client.post("/widget/result", data={"text": RISKY_AD, "widget_token": token, "lang": "fr"}, headers=null)
    assert full.status_code == 200 and "<mark" in full.get_data(as_text=True)


def test_the_extension_may_post_its_ad_to_the_full_result(client):
    for origin in ("chrome-extension://abcdefghijklmnop", "moz-extension://1234-5678"):
        response = client.post("/widget/result", data={"text": RISKY_AD, "lang": "fr"}, headers={"Origin": origin})
        assert response.status_code == 200 and "<mark" in response.get_data(as_text=True)
        assert client.post("/widget", data={"text": RISKY_AD}, headers={"Origin": origin}).status_code == 403


def test_widget_full_result(client):
    response = client.post("/widget/result", data={"text": RISKY_AD}, headers={"Origin": "http://localhost"})
    assert response.status_code == 200
    assert '<mark id="ev-1"' in response.get_data(as_text=True)
    assert response.headers["X-Frame-Options"] == "DENY"
    forged = client.post("/widget/result", data={"text": RISKY_AD}, headers={"Origin": "http://evil.example"})
    assert forged.status_code == 403


def test_embed_loader(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    script = response.get_data(as_text=True)
    # messages are taken from the widget's own iframe window only (its sandboxed origin is "null")
    assert "event.source !== frame.contentWindow" in script and "event.origin !== widgetOrigin" in script
    assert "'*'" not in script and '"*"' not in script
    # sandboxed without allow-same-origin: with allow-scripts it would let the widget lift its sandbox
    sandbox = re.search(r'setAttribute\("sandbox", "([^"]+)"\)', script).group(1).split()
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox


def test_widget_script_posts_to_the_exact_parent_origin(client):
    script = client.get("/static/widget.js").get_data(as_text=True)
    assert "postMessage(" in script and "parentOrigin)" in script
    assert "event.origin !== parentOrigin" in script


def test_no_ad_text_in_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    token = csrf_token(client)
    client.post("/check", data={"text": RISKY_AD, "csrf_token": token})
    client.post("/api/v1/assess", json={"text": RISKY_AD})
    client.post("/api/v1/assess", json={"url": "http://127.0.0.1:9/secret-ad/job/1"})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert (
        "WhatsApp" not in logged
        and "359888" not in logged
        and "secret-ad" not in logged
        and "127.0.0.1:9" not in logged
    )


def test_unexpected_error_is_a_500_problem_without_input(app, caplog, monkeypatch):
    import webapp.assessing

    def boom(**kwargs):
        raise RuntimeError(f"bug while reading {kwargs}")

    monkeypatch.setattr(webapp.assessing, "run", boom)
    response = app.test_client().post("/api/v1/assess", json={"text": "secret ad words"})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert "secret ad words" not in response.get_data(as_text=True)
    assert "secret ad words" not in caplog.text


def test_highlight_merges_overlapping_evidence():
    text = "Pay the fee on WhatsApp now"
    hits = [
        IndicatorHit("a.fee", "fees_or_debt", "Fee", "", "", [], 1.0, [Evidence(4, 11, "the fee")]),
        IndicatorHit("b.msg", "weak_contact", "Messenger", "", "", [], 1.0, [Evidence(8, 23, "fee on WhatsApp")]),
        IndicatorHit("c.now", "pressure_urgency", "Urgency", "", "", [], 1.0, [Evidence(24, 27, "now")]),
        IndicatorHit("d.none", "vague_job", "Vague", "", "", [], 1.0, []),
    ]
    a = Assessment(text, "en", Risk(0.5, "medium", "rules 1", False), hits, Facts())
    out = pieces(a)
    assert "".join(p.text for p in out) == text
    marked = [p for p in out if p.number]
    assert [p.text for p in marked] == ["the fee on WhatsApp", "now"]
    # one label per passage, its signs numbered as in the sign list (order_signs: here by id)
    assert [(m.number, m.id) for m in marked[0].marks] == [(1, "a.fee"), (2, "b.msg")]
    assert evidence_numbers(out) == {"a.fee": [1], "b.msg": [1], "c.now": [2]}
    # each sign links to its passage with its own words only, not the whole merged passage
    assert evidence_links(a, out) == {
        "a.fee": [(1, "the fee")],
        "b.msg": [(1, "fee on WhatsApp")],
        "c.now": [(2, "now")],
    }


def test_one_label_per_passage_numbered_like_the_sign_list():
    text = "URGENT: pay a fee, write on WhatsApp"
    hits = [
        IndicatorHit("u.urgent", "pressure_urgency", "Urgency", "", "", [], 1.0, [Evidence(0, 6, "URGENT")]),
        IndicatorHit(
            "f.fee",
            "fees_or_debt",
            "Fee",
            "",
            "",
            [],
            1.0,
            [Evidence(8, 17, "pay a fee"), Evidence(14, 17, "fee")],
            severity="severe",
        ),
        IndicatorHit(
            "m.msg", "weak_contact", "Messenger", "", "", [], 1.0, [Evidence(28, 36, "WhatsApp")], severity="strong"
        ),
        IndicatorHit("p.phone", "weak_contact", "Phone", "", "", [], 1.0, [Evidence(28, 36, "WhatsApp")]),
    ]
    a = Assessment(text, "en", Risk(0.5, "medium", "rules 1", False), hits, Facts())
    marked = [p for p in pieces(a) if p.number]
    assert [[m.number for m in p.marks] for p in marked] == [[4], [1], [2, 3]]


def test_every_fact_is_shown_once(client):
    ad = (
        "Lagerarbeiter in Hamburg gesucht, 2500 EUR brutto pro Monat. Arbeitsort Hamburg, 2500 EUR brutto pro "
        "Monat. Nord GmbH, Hafenstraße 5, 20095 Hamburg, HRB 12345, www.nord-gmbh.de, Tel. +49 40 123456. "
        "Bewerbung an jobs@nord-gmbh.de."
    )
    page = client.post("/check", data={"text": ad, "csrf_token": csrf_token(client)}).get_data(as_text=True)
    facts = page[page.index('class="facts"') :]
    facts = facts[: facts.index("</section>")]
    assert "Registration number: HRB 12345" in facts and "Website: nord-gmbh.de" in facts
    assert facts.count("Hamburg (Germany)") == 1 and facts.count("2,500 EUR per month") == 1
    assert "Postcode" not in facts  # already in the address


def test_a_postcode_outside_the_address_and_messengers_by_name(app):
    facts = Facts(
        locations=[
            Location("Hamburg", "DE", "city"),
            Location("Hamburgu", "DE", "city", name="Hamburg"),
            Location("Germany", "DE", "country"),
        ],
        employer=Employer(postcode="20095"),
        contacts=Contacts(messengers=["whatsapp"], handles=[Handle("whatsapp", "+49 151 000", 0, 1)]),
    )
    with app.test_request_context("/?lang=en"):
        assert formatting.places(facts.locations) == ["Hamburg (Germany)"]
        assert formatting.postcode_to_show("20095", None) == "20095"
        assert formatting.contact_lines(facts.contacts) == [("facts.messengers", ["WhatsApp (WhatsApp +49 151 000)"])]


def test_serve_command_is_registered():
    args = build_parser().parse_args(["serve", "--port", "8123", "--workers", "2"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8123, 2)
    options = gunicorn_options(args.host, args.port, args.workers)
    assert options["bind"] == "127.0.0.1:8123" and options["workers"] == 2


def test_access_log_format_has_no_query_string_or_client_address():
    assert "%(U)s" in ACCESS_LOG_FORMAT
    for leaky in ("%(q)s", "%(r)s", "%(h)s", "%(f)s", "%(a)s"):
        assert leaky not in ACCESS_LOG_FORMAT


def test_plain_ad_result_page(client):
    response = client.post("/check", data={"text": PLAIN_AD, "csrf_token": csrf_token(client)})
    assert response.status_code == 200
    assert "Nordhavn" in response.get_data(as_text=True)


def test_too_large_form_is_413_page():
    app = create_app({"WARMUP": False, "RATELIMIT_ENABLED": False, "MAX_CONTENT_LENGTH": 10_000})
    client = app.test_client()
    response = client.post("/check", data={"text": "x" * 20_000, "csrf_token": csrf_token(client)})
    assert response.status_code == 413
    assert response.mimetype == "text/html"


def test_origin_check_behind_a_tls_proxy():
    app = create_app({"WARMUP": False, "RATELIMIT_ENABLED": False, "BEHIND_PROXY": True})
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "check.example", "Origin": "https://check.example"}
    response = app.test_client().post("/widget", data={"text": PLAIN_AD}, headers=headers)
    assert response.status_code == 200
    headers["Origin"] = "http://check.example"  # scheme differs: another origin
    assert app.test_client().post("/widget", data={"text": PLAIN_AD}, headers=headers).status_code == 403


def test_french_warning_signs(client):
    from validator.indicators import catalogue
    from validator.indicators.i18n import wording

    ids = {ind.id for ind in catalogue()}
    assert set(wording("fr")) <= ids  # no translation of an indicator that does not exist
    token = csrf_token(client, "/?lang=fr")
    page = client.post("/check", data={"text": RISKY_AD, "lang": "fr", "csrf_token": token}).get_data(as_text=True)
    assert "On vous demande de payer des frais" in page
    assert "You are asked to pay a fee" not in page


def test_form_rate_limit_is_a_429_page():
    app = create_app({"WARMUP": False, "ASSESS_RATE_LIMIT": "1 per minute"})
    client = app.test_client()
    token = csrf_token(client)
    assert client.post("/check", data={"text": PLAIN_AD, "csrf_token": token}).status_code == 200
    response = client.post("/check", data={"text": PLAIN_AD, "csrf_token": token})
    assert response.status_code == 429
    assert response.mimetype == "text/html"
    assert int(response.headers["Retry-After"]) >= 1
    assert client.get("/").status_code == 200  # pages stay readable


def test_widget_origins_are_per_app():
    one = create_app({"WARMUP": False, "WIDGET_ALLOWED_ORIGINS": ["https://one.example"]})
    two = create_app({"WARMUP": False, "WIDGET_ALLOWED_ORIGINS": ["https://two.example"]})
    csp_one = one.test_client().get("/widget").headers["Content-Security-Policy"]
    csp_two = two.test_client().get("/widget").headers["Content-Security-Policy"]
    assert "https://one.example" in csp_one and "https://two.example" not in csp_one
    assert "https://two.example" in csp_two and "https://one.example" not in csp_two


def test_serve_refuses_a_bad_port(capsys):
    from validator.cli import main

    assert main(["serve", "--port", "0"]) == 2
    assert "--port" in capsys.readouterr().err
