"""The documented rule-based risk score: the fallback when no trained model is available. Its band is
the model band that validator.bands combines with the signs band (the higher of the two, or
"insufficient").

    logit = BASE_LOGIT + sum(weight of each indicator raised)
    score = 1 / (1 + exp(-logit))

Bands: low below 0.35, medium below 0.70, high at or above 0.70 — and "high" also needs at least
three indicators from at least two families, so no single warning sign (the heaviest weighs 1.6,
giving 0.20) can make an ad "high" (Volodko et al. 2019: 98.4 % of ordinary ads show at least one).
Each indicator's `contribution` is its weight, so the contributions add up to `logit - BASE_LOGIT`.
"""

from __future__ import annotations

import math

from validator.assessment import IndicatorHit, Risk

BASE_LOGIT = -3.0
MEDIUM_AT = 0.35
HIGH_AT = 0.70
HIGH_MIN_INDICATORS = 3
HIGH_MIN_FAMILIES = 2
RULES_MODEL_NAME = "rules 1"


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def band_for(
    score: float, hits: list[IndicatorHit], medium_at: float = MEDIUM_AT, high_at: float = HIGH_AT
) -> str:
    """The band of a score, with the guard that one or two warning signs never make "high"."""
    if (
        score >= high_at
        and len(hits) >= HIGH_MIN_INDICATORS
        and len({h.family for h in hits}) >= HIGH_MIN_FAMILIES
    ):
        return "high"
    return "medium" if score >= medium_at else "low"


def rule_score(hits: list[IndicatorHit]) -> Risk:
    for hit in hits:
        hit.contribution = round(hit.weight, 4)
    logit = BASE_LOGIT + sum(hit.weight for hit in hits)
    score = sigmoid(logit)
    contributions = [
        {"feature": f"indicator:{hit.id}", "kind": "indicator", "value": round(hit.weight, 4)} for hit in hits
    ]
    return Risk(
        score=round(score, 4),
        band=band_for(score, hits),
        model=RULES_MODEL_NAME,
        calibrated=False,
        logit=round(logit, 4),
        base_logit=BASE_LOGIT,
        contributions=contributions,
    )
