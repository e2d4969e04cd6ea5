"""Metrics of scored, labelled ads: ranking, calibration, and the bands as decisions."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

BAND_RANK = {"low": 0, "medium": 1, "high": 2}


def ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width probability bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            total += mask.mean() * abs(float(p[mask].mean()) - float(y[mask].mean()))
    return float(total)


def at_decision(y: np.ndarray, flagged: np.ndarray) -> dict[str, float]:
    tp = float(np.sum(flagged & (y == 1)))
    fp = float(np.sum(flagged & (y == 0)))
    fn = float(np.sum(~flagged & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    neg = float(np.sum(y == 0))
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_positive_rate": fp / neg if neg else 0.0,
        "flagged_share": float(flagged.mean()),
    }


def precision_at_prevalence(recall: float, fpr: float, prevalence: float) -> float:
    """Precision the same decision would have where `prevalence` of the ads are fraudulent."""
    denom = recall * prevalence + fpr * (1 - prevalence)
    return recall * prevalence / denom if denom else 0.0


def score_metrics(
    y: np.ndarray, p: np.ndarray, bands: list[str] | None = None, deploy_prev: float | None = None
) -> dict[str, float | dict]:
    """ROC-AUC, PR-AUC, Brier, ECE; with bands, precision/recall/F1 of "medium or high" and "high"."""
    out: dict[str, float | dict] = {
        "n": int(len(y)),
        "positives": int(y.sum()),
        "roc_auc": float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan"),
        "pr_auc": float(average_precision_score(y, p)) if y.sum() else float("nan"),
        "brier": float(brier_score_loss(y, p)),
        "ece": ece(y, p),
    }
    if bands is not None:
        rank = np.array([BAND_RANK[b] for b in bands])
        for name, flagged in (("medium_or_high", rank >= 1), ("high", rank >= 2)):
            decision = at_decision(y, flagged)
            if deploy_prev is not None:
                decision["precision_at_deployment_prevalence"] = precision_at_prevalence(
                    decision["recall"], decision["false_positive_rate"], deploy_prev
                )
            out[name] = decision
    return out


def _group_resamples(y: np.ndarray, groups: np.ndarray, n: int, seed: int) -> Iterator[np.ndarray]:
    """Row indices of `n` resamples of whole template groups (with replacement); resamples holding a
    single class are skipped, since ranking metrics are undefined there."""
    rng = np.random.default_rng(seed)
    unique = np.unique(groups)
    members = {g: np.flatnonzero(groups == g) for g in unique}
    for _ in range(n):
        idx = np.concatenate([members[g] for g in rng.choice(unique, size=len(unique))])
        if 0 < y[idx].sum() < len(idx):
            yield idx


def bootstrap_ci(
    y: np.ndarray, p: np.ndarray, groups: np.ndarray, metric, n: int = 500, seed: int = 0
) -> tuple[float, float]:
    """95 % percentile interval of a metric, resampling template groups with replacement."""
    values = [metric(y[idx], p[idx]) for idx in _group_resamples(y, groups, n, seed)]
    lo, hi = np.percentile(values, [2.5, 97.5])
    return float(lo), float(hi)


def paired_bootstrap_diff(
    y: np.ndarray, p1: np.ndarray, p2: np.ndarray, groups: np.ndarray, metric, n: int = 500, seed: int = 0
) -> tuple[float, float, float]:
    """metric(p1) - metric(p2) with its 95 % interval over the same group resamples."""
    diffs = [metric(y[idx], p1[idx]) - metric(y[idx], p2[idx]) for idx in _group_resamples(y, groups, n, seed)]
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(metric(y, p1) - metric(y, p2)), float(lo), float(hi)
