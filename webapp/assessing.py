"""The web app's one way to call the engine: settings from the app config, inputs checked first."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app

import validator
from validator.assessment import Assessment
from validator.engine import language_code
from validator.errors import UsageError
from validator.scoring import RULES_MODEL_NAME
from webapp.config import effective_settings

WARMUP_TEXT = (
    "Warehouse worker wanted in Rotterdam, Netherlands. Duties: picking and packing orders. "
    "Hours: 40 per week. Pay: 14 EUR per hour gross. Contact: jobs@example.com"
)


def run(
    *, text: str | None = None, html: str | None = None, url: str | None = None, language: Any = None
) -> Assessment:
    given = [v for v in (text, html, url) if v is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of 'text', 'html' or 'url'")
    settings = effective_settings(current_app.config)
    return validator.assess(text, html=html, url=url, language=language_code(language), settings=settings)


def warm_up(app: Flask) -> dict[str, Any]:
    """One assessment so the pipeline and the model load now (once per worker), and what scored it."""
    with app.app_context():
        risk = run(text=WARMUP_TEXT).risk
    return {"model": risk.model, "rule_fallback": risk.model == RULES_MODEL_NAME, "calibrated": risk.calibrated}


def model_info(app: Flask) -> dict[str, Any]:
    info = app.extensions.get("jobad_model_info")
    if info is None:
        info = app.extensions["jobad_model_info"] = warm_up(app)
    return info
