"""The trained risk model: calibrated heads, the text vectoriser, and `score()` for the engine.

Which head scores an ad:

- the ad's language is the training text language (English for the shipped model): a head that
  reads the text (TF-IDF words and word pairs) with the indicators and facts;
- any other language: a head over the language-independent block only (indicators, families,
  facts), trained and calibrated on its own, so English n-grams never move a non-English score;
- "+meta" heads are used only when the ad carries every metadata column they were trained on
  (an export's `has_company_logo` ...); a pasted ad has none and gets the head without them.

score = sigmoid(logit), logit = a * raw + b + log(pi/(1-pi)) - log(pi_train/(1-pi_train)), where
pi is the deployment prevalence (settings.deployment_prevalence, default 4.8 %) and pi_train the
training data's fraud rate. Bands compare the logit before the prior shift with thresholds chosen against
false alarms on real ordinary ads (data/risk_bands.toml; a model not listed there keeps the thresholds
of its own validation), so the band of an ad does not depend on the prevalence setting. This band is the
model band; validator.bands combines it with the signs band.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from validator.assessment import IndicatorHit, Risk
from validator.bands import model_thresholds
from validator.model.features import kind_of, normalise_text, structured_features
from validator.model.heads import Head
from validator.model.vectoriser import TextVectoriser
from validator.nlp.components import doc_text

DEFAULT_PREVALENCE = 0.048  # EMSCAD, full data set: 866 fraudulent of 17,880 postings
TOP_TEXT_TERMS = 8
TEXT_REST = "text:(other words, against the average ad)"
DIGITS = 6


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


@dataclass
class RiskModel:
    version: str
    heads: dict[str, Head]
    vectorizer: TextVectoriser | None  # TF-IDF of the text, shared by the text heads
    text_language: str
    train_prevalence: float
    deployment_prevalence: float = DEFAULT_PREVALENCE
    info: dict[str, Any] = field(default_factory=dict)  # training data hash, sizes, dates

    def tfidf_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one text (TextVectoriser.one)."""
        return self.vectorizer.one(text)

    def terms(self) -> list[str]:
        """The vectoriser's terms by column."""
        return self.vectorizer.terms

    @property
    def name(self) -> str:
        return f"risk-model {self.version}"

    def with_prevalence(self, prevalence: float | None) -> RiskModel:
        """The same model reporting scores at another deployment prevalence (0 < p < 1)."""
        if prevalence is None or prevalence == self.deployment_prevalence:
            return self
        if not 0.0 < prevalence < 1.0:
            raise ValueError("the deployment prevalence must be between 0 and 1")
        fields = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        return RiskModel(**{**fields, "deployment_prevalence": prevalence})

    @property
    def prior_shift(self) -> float:
        return _logit(self.deployment_prevalence) - _logit(self.train_prevalence)

    def select_head(self, language: str, features: Mapping[str, Any]) -> Head:
        """The richest head this ad's language and metadata (`meta:` features) allow."""
        text_ok = language == self.text_language and self.vectorizer is not None
        for name in ("combined+meta", "combined", "structured+meta", "structured"):
            head = self.heads.get(name)
            if head is None or (head.uses_text and not text_ok):
                continue
            if head.meta_columns and not all(f"meta:{c}" in features for c in head.meta_columns):
                continue
            return head
        raise LookupError("the model has no head for this ad")

    def band_of(self, head: Head, calibrated_logit: float) -> str:
        """The model band of a calibrated logit at the training prevalence: the false-alarm thresholds
        of data/risk_bands.toml for this model and head, else the head's own validation thresholds."""
        thresholds = model_thresholds(self.name, head.name) or head.thresholds
        if calibrated_logit >= thresholds["high"]:
            return "high"
        return "medium" if calibrated_logit >= thresholds["medium"] else "low"

    def explain(self, features: dict[str, float], text: str, language: str) -> tuple[Head, float, list[dict]]:
        """The head used, the base logit and every contribution (they add up to the logit)."""
        head = self.select_head(language, features)
        a = head.calib_a
        x = head.matrix([features])[0]
        parts = (a * head.coef * (x - head.mean)).tolist()
        kinds = head.__dict__.get("_kinds")
        if kinds is None:
            kinds = head.__dict__["_kinds"] = [kind_of(name) for name in head.features]
        contributions = [(name, kind, v) for name, kind, v in zip(head.features, kinds, parts, strict=True) if v != 0.0]
        base = a * head.intercept + head.calib_b + self.prior_shift
        if head.uses_text:
            base += a * head.text_mean
            cols, vals = self.tfidf_one(normalise_text(text))
            term_parts = a * head.text_coef[cols] * vals
            text_total = float(term_parts.sum()) - a * head.text_mean
            terms = self.terms()
            shown = 0.0
            for k in np.argsort(-np.abs(term_parts))[:TOP_TEXT_TERMS]:
                if term_parts[k] != 0.0:
                    value = float(term_parts[k])
                    contributions.append((f"text:{terms[cols[k]]}", "text", value))
                    shown += value
            contributions.append((TEXT_REST, "text", text_total - shown))
        rounded = [{"feature": f, "kind": kind, "value": round(v, DIGITS)} for f, kind, v in contributions]
        rounded.sort(key=lambda c: -abs(c["value"]))
        return head, round(base, DIGITS), rounded

    def score(self, *, doc, facts, hits: list[IndicatorHit], ctx) -> Risk:
        """The engine's entry point: a calibrated, explained Risk; sets `contribution` on every hit."""
        features = structured_features(facts, hits, ctx.metadata)
        head, base, contributions = self.explain(features, doc_text(doc), ctx.language)
        by_feature = {c["feature"]: c["value"] for c in contributions}
        family_hits: dict[str, int] = {}
        for hit in hits:
            family_hits[hit.family] = family_hits.get(hit.family, 0) + 1
        for hit in hits:
            share = by_feature.get(f"family:{hit.family}", 0.0) / family_hits[hit.family]
            hit.contribution = round(by_feature.get(f"indicator:{hit.id}", 0.0) + share, 4)
        total = base + sum(c["value"] for c in contributions)
        score = _sigmoid(total)
        band = self.band_of(head, total - self.prior_shift)
        return Risk(
            score=round(score, 4),
            band=band,
            model=f"{self.name} ({head.name})",
            calibrated=True,
            logit=round(total, DIGITS),
            base_logit=base,
            contributions=contributions,
        )

    def predict(self, features: list[dict[str, float]], texts: list[str], languages: list[str]) -> dict:
        """Scores of many analysed ads: probability at the deployment prevalence, calibrated logit at
        the training prevalence, band and head name per ad."""
        out = {"score": [], "train_logit": [], "band": [], "head": []}
        by_head: dict[str, list[int]] = {}
        for i, (f, lang) in enumerate(zip(features, languages, strict=True)):
            by_head.setdefault(self.select_head(lang, f).name, []).append(i)
        train_logit = np.zeros(len(features))
        head_of = [""] * len(features)
        for name, idx in by_head.items():
            head = self.heads[name]
            x = head.matrix([features[i] for i in idx])
            tfidf = self.vectorizer.transform([normalise_text(texts[i]) for i in idx]) if head.uses_text else None
            train_logit[idx] = head.calibrated_logit(head.raw(x, tfidf))
            for i in idx:
                head_of[i] = name
        for i, z in enumerate(train_logit):
            out["score"].append(_sigmoid(float(z) + self.prior_shift))
            out["train_logit"].append(float(z))
            out["band"].append(self.band_of(self.heads[head_of[i]], float(z)))
            out["head"].append(head_of[i])
        return out
