"""How the band of an ad is decided (constants and rules in data/risk_bands.toml).

1. Signs band: each warning sign has a severity tier (indicators.toml `severity`); stated rules turn
   the tiers raised into low / medium / high (e.g. one severe sign: medium; two: high). Absence signs
   count in no rule.
2. Model band: the learned fraud score against thresholds chosen to spare real ordinary ads.
3. Band = the higher of the two, so the model can raise a band but never cancel a severe sign; every
   severe sign contributes at least its tier's floor to the score. Too little to judge (too few words,
   a language without a pack or not told reliably, only absent information on a short text) gives
   "insufficient" instead, unless a severe sign is present: then the signs band stands.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache
from typing import Any

from validator.assessment import SEVERITIES, IndicatorHit, Risk
from validator.resources import load_toml

ORDER = ("low", "medium", "high")
SIGN_KIND = "sign"
DIGITS = 6
_LETTER = re.compile(r"[^\W\d_]")
_SCRIPT_LETTERS = {
    "Latin": r"A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF",
    "Cyrillic": r"\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F",
    "Greek": r"\u0370-\u03FF\u1F00-\u1FFF",
}


@cache
def config() -> dict[str, Any]:
    """data/risk_bands.toml, read once per process."""
    return load_toml("risk_bands.toml")


def tier_rank(severity: str) -> int:
    """0 for the most serious tier; unknown tiers last."""
    order = config()["tiers"]["order"]
    return order.index(severity) if severity in order else len(order)


def sort_key(hit: IndicatorHit) -> tuple[int, int, float, str]:
    """The one order of the signs on every surface: tier, then quoted passages, then contribution."""
    weight = hit.contribution if hit.contribution is not None else hit.weight
    return (tier_rank(hit.severity), -len(hit.evidence), -weight, hit.id)


def order_signs(hits: list[IndicatorHit]) -> list[IndicatorHit]:
    return sorted(hits, key=sort_key)


def tier_counts(hits: list[IndicatorHit]) -> dict[str, int]:
    return {tier: sum(h.severity == tier for h in hits) for tier in SEVERITIES}


def signs_band(hits: list[IndicatorHit]) -> tuple[str, str | None]:
    """The exploitation-signs band and the rule that gave it (None: no rule met, band "low")."""
    for rule in config()["signs"]["rule"]:
        tiers = rule["min"]
        counted = [h for h in hits if h.severity in tiers]
        if all(sum(h.severity == tier for h in counted) >= n for tier, n in tiers.items()) and len(
            {h.family for h in counted}
        ) >= rule.get("families", 1):
            return rule["band"], rule["reason"]
    return "low", None


def apply_floors(risk: Risk, hits: list[IndicatorHit]) -> Risk:
    """Raise each sign's contribution to its tier's floor, as a contribution of kind "sign"; the score
    and logit move with it, so base_logit + sum(contributions) == logit still holds."""
    floors = config()["tiers"]["floor"]
    extra = []
    for hit in hits:
        floor = float(floors.get(hit.severity, 0.0))
        have = hit.contribution or 0.0
        if have < floor:
            gap = round(floor - have, DIGITS)
            hit.contribution = round(floor, 4)
            extra.append({"feature": f"sign:{hit.id}", "kind": SIGN_KIND, "value": gap})
    if not extra:
        return risk
    logit = (risk.logit or 0.0) + sum(c["value"] for c in extra)
    contributions = sorted(risk.contributions + extra, key=lambda c: -abs(c["value"]))
    return replace(risk, logit=round(logit, DIGITS), score=round(_sigmoid(logit), 4), contributions=contributions)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def model_thresholds(model_name: str, head: str) -> dict[str, float] | None:
    """The false-alarm thresholds of this model's head (calibrated logit at the training prevalence),
    or None when the model is not listed (it then keeps its own validation thresholds)."""
    entry = config().get("model", {}).get(model_name, {}).get(head)
    return {"medium": float(entry["medium"]), "high": float(entry["high"])} if entry else None


@cache
def _other_script_pattern() -> re.Pattern[str]:
    """Letters of no script the packs read (word characters that are no digit, no "_", no such letter)."""
    ranges = "".join(_SCRIPT_LETTERS[name] for name in config()["abstain"]["scripts"])
    return re.compile(f"[^\\W\\d_{ranges}]")


def script_supported(text: str) -> bool:
    """False when most letters of the text are in scripts no language pack reads (e.g. Japanese)."""
    cfg = config()["abstain"]
    head = text[: int(cfg["script_chars"])]
    other = len(_other_script_pattern().findall(head))
    if not other:  # the usual case, found in one scan that matches nothing
        return True
    letters = len(_LETTER.findall(head))
    return (letters - other) / letters >= float(cfg["script_min_share"])


def abstain_reason(words: int, language_status: str, hits: list[IndicatorHit]) -> str | None:
    """Why there is too little to judge ("too_short" | "language" | "absence_only"), or None."""
    cfg = config()["abstain"]
    if language_status == "unsupported":
        return "language"
    if words < int(cfg["min_words"]):
        return "too_short"
    if language_status != "ok":
        return "language"
    weak = set(cfg["weak_tiers"])
    if words < int(cfg["short_words"]) and all(h.severity in weak for h in hits):
        return "absence_only"
    return None


def decide(risk: Risk, hits: list[IndicatorHit], *, words: int, language_status: str = "ok") -> Risk:
    """The final band of an ad from its model risk (whose `band` is the model band) and its signs."""
    model_band = risk.band
    s_band, s_reason = signs_band(hits)
    counts = tier_counts(hits)
    abstain = abstain_reason(words, language_status, hits)
    if abstain and not counts["severe"]:
        band, reason = "insufficient", abstain
    elif abstain or ORDER.index(s_band) >= ORDER.index(model_band):
        band = s_band
        reason = s_reason or ("few_signs" if any(h.severity != "absence" for h in hits) else "no_signs")
    else:
        band, reason = model_band, f"model_{model_band}"
    return replace(risk, band=band, signs_band=s_band, model_band=model_band, reason=reason, signs=counts)


def describe() -> list[str]:
    """The bands actually used, in English sentences built from data/risk_bands.toml (batch report)."""
    cfg = config()

    def rule_text(rule: dict[str, Any]) -> str:
        parts = [f"{n} {tier}" for tier, n in rule["min"].items()]
        fams = rule.get("families", 1)
        return " + ".join(parts) + (f" signs from {fams} families" if fams > 1 else " sign(s)")

    lines = []
    for band in ("high", "medium"):
        rules = [rule_text(r) for r in cfg["signs"]["rule"] if r["band"] == band]
        lines.append(f"Signs band {band}: {'; or '.join(rules)}. Absence signs count in no rule.")
    models = "; ".join(
        f"{name} head {head}: medium from {t['medium']:.2f}, high from {t['high']:.2f}"
        for name, heads in cfg.get("model", {}).items()
        for head, t in heads.items()
    )
    lines.append(
        "Fraud model band: the learned score (calibrated logit at the training prevalence) against thresholds "
        f"chosen to spare real ordinary ads ({models}); other models use their own validation thresholds."
    )
    ab = cfg["abstain"]
    lines.append(
        "Band = the higher of the two. Insufficient: fewer than "
        f"{ab['min_words']} words, a language without a pack or not told reliably, or only absence signs in "
        f"fewer than {ab['short_words']} words, unless a severe sign is present."
    )
    return lines
