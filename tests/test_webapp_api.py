"""The JSON API with Flask's test client: the Assessment JSON and every problem+json status."""

from __future__ import annotations

import json

import pytest
from test_webapp_support import PLAIN_AD, RISKY_AD, page_server

from validator.settings import Settings
from webapp import create_app

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def app():
    settings = Settings(fetch_connect_timeout=1.0, fetch_read_timeout=0.5)
    return create_app(
        {
            "WARMUP": False,
            "RATELIMIT_ENABLED": False,
            "VALIDATOR_SETTINGS": settings,
            "FETCH_ALLOW_PRIVATE": True,
            "MAX_CONTENT_LENGTH": 200_000,
        }
    )


@pytest.fixture
def client(app):
    return app.test_client()


def assert_problem(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"].startswith("urn:jobad-validator:problem:")
    assert body["title"]
    if code:
        assert body["code"] == code
    return body


def test_assess_text_returns_the_assessment(client):
    response = client.post("/api/v1/assess", json={"text": RISKY_AD, "language": "en"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["schema_version"] == "1"
    assert data["text"] == RISKY_AD
    assert data["risk"]["band"] in {"low", "medium", "high"}
    ids = {hit["id"] for hit in data["indicators"]}
    assert "ilo.recruitment_fee" in ids
    for hit in data["indicators"]:
        for ev in hit["evidence"]:
            assert data["text"][ev["start"] : ev["end"]] == ev["text"]


def test_risky_ad_scores_above_plain_ad(client):
    risky = client.post("/api/v1/assess", json={"text": RISKY_AD}).get_json()
    plain = client.post("/api/v1/assess", json={"text": PLAIN_AD}).get_json()
    assert risky["risk"]["score"] > plain["risk"]["score"]
    assert len(risky["indicators"]) > len(plain["indicators"])


def test_assess_html(client):
    html = f"<html><body><main><p>{RISKY_AD}</p></main></body></html>"
    data = client.post("/api/v1/assess", json={"html": html}).get_json()
    assert data["source"] == "html"
    assert "WhatsApp" in data["text"]


def test_assess_url_from_local_server(client):
    with page_server() as base:
        response = client.post("/api/v1/assess", json={"url": f"{base}/ad"})
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["source"] == "url"
    assert "Farm workers wanted" in data["text"]


def test_broken_json_is_400(client):
    response = client.post("/api/v1/assess", data='{"text": "abc"', content_type="application/json")
    assert_problem(response, 400, "bad_json")


def test_deeply_nested_json_is_not_a_500(client):
    response = client.post("/api/v1/assess", data="[" * 100_000, content_type="application/json")
    assert_problem(response, 400, "bad_json")


def test_too_large_request_is_413(client):
    response = client.post("/api/v1/assess", json={"text": "a" * 300_000})
    assert_problem(response, 413)


def test_text_over_the_engine_limit_is_413(app):
    small = create_app(
        {"WARMUP": False, "RATELIMIT_ENABLED": False, "VALIDATOR_SETTINGS": Settings(max_text_bytes=1000)}
    )
    response = small.test_client().post("/api/v1/assess", json={"text": "work " * 500})
    assert_problem(response, 413, "input_too_large")


@pytest.mark.parametrize(
    ("data", "content_type"),
    [("text=hello", "application/x-www-form-urlencoded"), ("hello", "text/plain"), ("{}", None)],
)
def test_wrong_content_type_is_415(client, data, content_type):
    response = client.post("/api/v1/assess", data=data, content_type=content_type)
    assert_problem(response, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "usage_error"),
        ({"text": ""}, "empty_input"),
        ({"text": "   \n\t "}, "empty_input"),
        ({"text": None}, "usage_error"),
        ({"text": 42}, "usage_error"),
        ({"text": ["a"]}, "usage_error"),
        ({"text": "a", "url": "https://example.org/"}, "usage_error"),
        ({"text": "a", "colour": "red"}, "usage_error"),
        ({"text": "job", "language": "english"}, "usage_error"),
        ({"text": "job", "language": 7}, "usage_error"),
        ({"text": "job", "ui_language": "ja"}, "usage_error"),
        ({"text": "job", "ui_language": ["fr"]}, "usage_error"),
        ({"html": "<html><body><script>x()</script></body></html>"}, "no_text_in_html"),
        ({"url": "ftp://example.org/ad"}, "url_refused"),
        ({"url": "file:///etc/passwd"}, "url_refused"),
        ({"url": "not a url"}, "url_refused"),
    ],
)
def test_invalid_fields_are_422(client, body, code):
    response = client.post("/api/v1/assess", json=body)
    assert_problem(response, 422, code)


@pytest.mark.parametrize("body", ["[]", '"text"', "42", "null"])
def test_non_object_json_is_422(client, body):
    response = client.post("/api/v1/assess", data=body, content_type="application/json")
    assert_problem(response, 422)


def test_private_address_is_refused_by_default():
    app = create_app({"WARMUP": False, "RATELIMIT_ENABLED": False, "VALIDATOR_SETTINGS": Settings()})
    with page_server() as base:
        response = app.test_client().post("/api/v1/assess", json={"url": f"{base}/ad"})
    assert_problem(response, 422, "url_refused")


def test_fetch_failure_is_502(client):
    with page_server() as base:
        assert_problem(client.post("/api/v1/assess", json={"url": f"{base}/missing"}), 502)
        assert_problem(client.post("/api/v1/assess", json={"url": f"{base}/image"}), 502)


def test_fetch_timeout_is_504(client):
    with page_server() as base:
        response = client.post("/api/v1/assess", json={"url": f"{base}/slow"})
    assert_problem(response, 504, "fetch_timeout")


def test_rate_limit_is_429_with_retry_after():
    app = create_app({"WARMUP": False, "ASSESS_RATE_LIMIT": "2 per minute", "RATELIMIT_STORAGE_URI": "memory://"})
    client = app.test_client()
    for _ in range(2):
        assert client.post("/api/v1/assess", json={"text": PLAIN_AD}).status_code == 200
    response = client.post("/api/v1/assess", json={"text": PLAIN_AD})
    assert_problem(response, 429, "rate_limited")
    assert int(response.headers["Retry-After"]) >= 1
    # reading endpoints are not limited
    assert client.get("/api/v1/indicators").status_code == 200


def test_unknown_route_and_method_are_problems(client):
    assert_problem(client.get("/api/v1/nothing"), 404)
    response = client.get("/api/v1/assess")
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_indicators(client):
    data = client.get("/api/v1/indicators").get_json()
    assert len(data) > 10
    assert {"id", "family", "title", "explanation", "advice", "sources"} <= set(data[0])


def test_health_names_the_model_and_the_fallback(client):
    data = client.get("/api/v1/health").get_json()
    assert data["status"] == "ok"
    assert isinstance(data["model"], str) and data["model"]
    assert data["rule_fallback"] is (data["model"] == "rules 1")
    assert "en" in data["languages"]


def test_api_sets_no_cookie_and_needs_no_csrf(client):
    response = client.post("/api/v1/assess", json={"text": PLAIN_AD})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_problem_bodies_are_json(client):
    response = client.post("/api/v1/assess", data="{", content_type="application/json")
    assert json.loads(response.get_data(as_text=True))["status"] == 400


def test_ui_language_words_indicators_and_warnings_in_french(client):
    english = client.post("/api/v1/assess", json={"text": RISKY_AD}).get_json()
    french = client.post("/api/v1/assess", json={"text": RISKY_AD, "ui_language": "fr"}).get_json()
    assert [h["id"] for h in french["indicators"]] == [h["id"] for h in english["indicators"]]
    assert [h["evidence"] for h in french["indicators"]] == [h["evidence"] for h in english["indicators"]]
    assert french["risk"] == english["risk"] and french["facts"] == english["facts"]
    assert all(f["title"] != e["title"] for f, e in zip(french["indicators"], english["indicators"], strict=True))
    unclear = client.post("/api/v1/assess", json={"text": "Xyz qwerty uiop asdf ghjk zxcv bnm poiu", "ui_language": "fr"})
    assert unclear.get_json()["warnings"][0].startswith("la langue n'a pas pu être déterminée")


def test_api_docs_page_renders_the_openapi_document_without_a_cdn(client) -> None:
    response = client.get("/api/v1/docs")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "POST /api/v1/assess" in html and 'id="schema-Assessment"' in html
    assert "<script" not in html and "cdn" not in html.lower()


def test_favicon(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.data[:4] == b"\x00\x00\x01\x00"


def test_problem_titles_are_written_for_people(client) -> None:
    data = client.post("/api/v1/assess", json={"text": ""}).get_json()
    assert data["title"] == "The text is empty" and data["code"] == "empty_input"


def test_a_too_long_url_is_414_problem_json(client) -> None:
    response = client.get("/api/v1/health?x=" + "a" * 5000)
    assert response.status_code == 414 and response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == "uri_too_long"


@pytest.mark.parametrize("language", ["zz", "ja", "hr"])
def test_a_language_without_a_pack_cannot_be_judged_the_same_way_everywhere(client, language) -> None:
    """One rule in API, CLI and batch: a well-formed code without a pack is read language-independently."""
    data = client.post("/api/v1/assess", json={"text": "Warehouse job, 1,200 EUR a month", "language": language}).get_json()
    assert data["language"] == language and data["risk"]["band"] == "insufficient"
    assert any(language in w for w in data["warnings"])
