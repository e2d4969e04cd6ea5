"""A head: one calibrated logistic regression over a block of features, stored as plain arrays.

    raw   = intercept + sum_i coef_i * (x_i - mean_i) + sum_j text_coef_j * tfidf_j
    logit = a * raw + b + prior_shift          (Platt calibration, then prior correction)
    score = 1 / (1 + exp(-logit))

so each structured feature contributes exactly a * coef_i * (x_i - mean_i) to the logit, the text
block a * (text_coef . tfidf - text_mean), and the rest (a * (intercept + text_mean) + b + prior_shift)
is the base logit: the logit of an ad whose features all sit at the training mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Head:
    name: str
    features: list[str]  # structured feature names, in column order
    mean: np.ndarray
    coef: np.ndarray  # log-odds per unit of each structured feature (before calibration)
    intercept: float
    uses_text: bool = False
    text_coef: np.ndarray | None = None  # per TF-IDF column
    text_mean: float = 0.0  # mean of text_coef . tfidf over the training ads
    calib_a: float = 1.0
    calib_b: float = 0.0
    thresholds: dict[str, float] = field(default_factory=dict)  # band -> calibrated logit at train prior
    meta_columns: list[str] = field(default_factory=list)
    C: float = 1.0
    struct_weight: float = 1.0  # scale of the standardised structured block when fitted (already in coef)

    def matrix(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Dense structured matrix of the rows for this head's features."""
        out = np.zeros((len(rows), len(self.features)))
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = {name: j for j, name in enumerate(self.features)}
        for i, row in enumerate(rows):
            for name, value in row.items():
                j = index.get(name)
                if j is not None:
                    out[i, j] = value
        return out

    def raw(self, x: np.ndarray, tfidf=None) -> np.ndarray:
        """Uncalibrated logits of a structured matrix (and TF-IDF matrix when the head reads text)."""
        out = self.intercept + (x - self.mean) @ self.coef
        if self.uses_text and tfidf is not None:
            out = out + np.asarray(tfidf @ self.text_coef).ravel()
        return out

    def calibrated_logit(self, raw: np.ndarray) -> np.ndarray:
        """Logits calibrated at the training data's prevalence."""
        return self.calib_a * raw + self.calib_b

    def band(self, calibrated_logit: float) -> str:
        if calibrated_logit >= self.thresholds["high"]:
            return "high"
        return "medium" if calibrated_logit >= self.thresholds["medium"] else "low"

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """The head as JSON-safe values and float arrays (`from_state` rebuilds it)."""
        values = {
            "name": self.name,
            "features": list(self.features),
            "intercept": float(self.intercept),
            "uses_text": bool(self.uses_text),
            "text_mean": float(self.text_mean),
            "calib_a": float(self.calib_a),
            "calib_b": float(self.calib_b),
            "thresholds": {k: float(v) for k, v in self.thresholds.items()},
            "meta_columns": list(self.meta_columns),
            "C": float(self.C),
            "struct_weight": float(self.struct_weight),
        }
        arrays = {"mean": np.asarray(self.mean, dtype=np.float64), "coef": np.asarray(self.coef, dtype=np.float64)}
        if self.uses_text:
            if self.text_coef is None:
                raise ValueError(f"the text head {self.name} has no text coefficients")
            arrays["text_coef"] = np.asarray(self.text_coef, dtype=np.float64)
        return values, arrays

    @classmethod
    def from_state(cls, values: dict[str, Any], arrays: dict[str, np.ndarray]) -> Head:
        """The head of `to_state`'s output (ValueError when the arrays do not fit the features)."""
        head = cls(**values, **{k: np.asarray(v, dtype=np.float64) for k, v in arrays.items()})
        n = len(head.features)
        if head.mean.shape != (n,) or head.coef.shape != (n,):
            raise ValueError(f"head {head.name}: {n} features but arrays of shape {head.mean.shape}, {head.coef.shape}")
        if head.uses_text != (head.text_coef is not None):
            raise ValueError(f"head {head.name}: text coefficients do not match uses_text")
        if set(head.thresholds) != {"medium", "high"}:
            raise ValueError(f"head {head.name}: thresholds must be 'medium' and 'high'")
        return head
