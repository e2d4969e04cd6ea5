"""The JSON API under /api/v1: assess, the indicator catalogue, health, and its OpenAPI description."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import RequestEntityTooLarge

from validator import __version__
from validator.assessment import SCHEMA_VERSION
from validator.errors import UsageError
from validator.indicators import catalogue
from validator.indicators.i18n import AUTO, localise_assessment, ui_languages
from validator.resources import language_packs
from webapp import api_docs, assessing
from webapp.problems import problem

bp = Blueprint("api", __name__, url_prefix="/api/v1")
OPENAPI_FILE = Path(__file__).parent / "openapi.json"
INPUT_FIELDS = ("text", "html", "url")
ALLOWED_FIELDS = {*INPUT_FIELDS, "language", "ui_language"}


@cache
def openapi_document() -> dict[str, Any]:
    doc = json.loads(OPENAPI_FILE.read_text("utf-8"))
    doc["info"]["version"] = __version__
    _set_ui_languages(doc)
    return doc


def _set_ui_languages(node: Any) -> None:
    """Every `ui_language` property lists the interface languages this server ships (and "auto")."""
    if isinstance(node, dict):
        prop = node.get("properties", {}).get("ui_language") if isinstance(node.get("properties"), dict) else None
        if isinstance(prop, dict) and "enum" in prop:
            prop["enum"] = [*ui_languages(), AUTO, None]
        for value in node.values():
            _set_ui_languages(value)
    elif isinstance(node, list):
        for value in node:
            _set_ui_languages(value)


def _body_bytes() -> bytes:
    """The raw body, refused with 413 past MAX_CONTENT_LENGTH also when it comes chunked (no length)."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if not limit or request.content_length is not None:
        return request.get_data(cache=False)  # a declared length is checked by Flask itself
    parts, size = [], 0
    while chunk := request.stream.read(65536):
        size += len(chunk)
        if size > limit:
            raise RequestEntityTooLarge()
        parts.append(chunk)
    return b"".join(parts)


def _read_body() -> dict[str, Any] | Response:
    """The request's JSON object, or the problem response saying what is wrong with it."""
    if not request.is_json:
        return problem(415, "unsupported_media_type", "Unsupported Media Type", "send the body as application/json")
    try:
        body = json.loads(_body_bytes())
    except (ValueError, UnicodeDecodeError, RecursionError):
        return problem(400, "bad_json", "Bad Request", "the body is not valid JSON")
    if not isinstance(body, dict):
        return problem(422, "invalid_input", "Unprocessable Content", "the body must be a JSON object")
    return body


@bp.post("/assess")
def assess() -> Response:
    body = _read_body()
    if isinstance(body, Response):
        return body
    unknown = sorted(set(body) - ALLOWED_FIELDS)
    if unknown:
        raise UsageError(f"unknown field(s): {', '.join(unknown)}")
    given = [name for name in INPUT_FIELDS if body.get(name) is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of 'text', 'html' or 'url'")
    value = body[given[0]]
    if not isinstance(value, str):
        raise UsageError(f"'{given[0]}' must be a string")
    ui = body.get("ui_language")
    if ui is not None and ui not in (*ui_languages(), AUTO):
        raise UsageError(f"'ui_language' must be one of: {', '.join((*ui_languages(), AUTO))}")
    result = assessing.run(**{given[0]: value}, language=body.get("language"))
    if ui:
        localise_assessment(result, ui)
    return jsonify(result.to_dict())


@bp.get("/indicators")
def indicators() -> Response:
    return jsonify([ind.describe() for ind in catalogue()])


@bp.get("/health")
def health() -> Response:
    info = assessing.model_info(current_app._get_current_object())
    return jsonify(
        {
            "status": "ok",
            "version": __version__,
            "schema_version": SCHEMA_VERSION,
            "model": info["model"],
            "rule_fallback": info["rule_fallback"],
            "calibrated": info["calibrated"],
            "languages": list(language_packs()),
        }
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())


@bp.get("/docs")
def docs() -> str:
    """The API described for people: the OpenAPI document rendered on the server (no CDN, no script)."""
    return render_template("api_docs.html", **api_docs.view(openapi_document()))
