"""The OpenAPI description is valid OpenAPI 3.1 and true: schemathesis finds no 5xx and no response
that breaks it (status codes, content types, response schemas)."""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from test_webapp_support import RISKY_AD

import validator.ingest.fetch
from validator.ingest import AdInput
from webapp import create_app

APP = create_app({"WARMUP": False, "RATELIMIT_ENABLED": False})


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Generated URLs are never fetched (the API layer is under test here, fetching in test_fetch.py):
    a URL that passes the core's checks gives a fixed page."""

    def fake_fetch(url, settings):
        validator.ingest.fetch.check_url(url)  # scheme, credentials ... refused as in production
        return AdInput(text=RISKY_AD, source="url", url=url)

    monkeypatch.setattr(validator.ingest.fetch, "fetch_ad", fake_fetch)


def test_openapi_document_is_valid_3_1():
    doc = APP.test_client().get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    validate(doc)
    routes = {rule.rule for rule in APP.url_map.iter_rules() if rule.rule.startswith("/api/v1/")}
    assert routes == set(doc["paths"])


def test_real_responses_match_the_schema():
    """A realistic ad (the generator rarely writes one) goes through the same checks."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
    operation = schema["/api/v1/assess"]["POST"]
    case = operation.Case(body={"text": RISKY_AD})
    response = case.call()
    assert response.status_code == 200
    case.validate_response(response)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
schema.config.generation.update(modes=list(GenerationMode))  # valid and invalid requests


@schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_description(case):
    response = case.call()
    case.validate_response(
        response,
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
