"""Training and the cross-validation protocol.

Protocol: ads sharing a template (same normalised description) form one group; repeated stratified
group k-fold (StratifiedGroupKFold, a new shuffle seed per repeat). In every outer training fold each
head chooses its regularisation by inner grouped CV, is calibrated (Platt) and gets its band
thresholds from the inner out-of-fold predictions, then scores the outer test fold. A plain TF-IDF +
logistic regression baseline (sklearn defaults) runs on the same folds. Reported per head and for the
routing the shipped model applies to a pasted English ad ("shipped") and to an export with metadata
("shipped+meta").
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

from validator.model.analysis import analyse_all
from validator.model.data import Table, check_trainable
from validator.model.features import model_names, normalise_text
from validator.model.fitting import ABLATION_HEADS, SHIPPED_HEADS, HeadSpec, fit_head
from validator.model.metrics import bootstrap_ci, paired_bootstrap_diff, score_metrics
from validator.model.risk_model import DEFAULT_PREVALENCE, RiskModel
from validator.model.vectoriser import TextVectoriser

METRIC_KEYS = ("roc_auc", "pr_auc", "brier", "ece")


@dataclass
class Prepared:
    """A labelled table with the engine's analysis of every ad."""

    table: Table
    rows: list[dict[str, float]]
    texts: list[str]  # normalised, for the TF-IDF block
    languages: list[str]
    y: np.ndarray
    groups: np.ndarray
    base_names: list[str]
    meta_columns: list[str]
    text_language: str


def prepare(table: Table, *, progress: bool = False) -> Prepared:
    check_trainable(table.labels)
    analysed = analyse_all(table.texts, table.metadata, progress=progress)
    rows = [a.features for a in analysed]
    meta = [c for c in table.meta_columns if all(f"meta:{c}" in r for r in rows)]
    dropped = sorted(set(table.meta_columns) - set(meta))
    if dropped:
        table.warnings.append(f"metadata columns with missing values were not used: {', '.join(dropped)}")
    languages = [a.language for a in analysed]
    return Prepared(
        table=table,
        rows=rows,
        texts=[normalise_text(a.text) for a in analysed],
        languages=languages,
        y=table.labels,
        groups=table.groups,
        base_names=model_names(),
        meta_columns=meta,
        text_language=Counter(languages).most_common(1)[0][0],
    )


def _specs(prep: Prepared, include_ablations: bool) -> list[HeadSpec]:
    specs = [s for s in SHIPPED_HEADS if prep.meta_columns or not s.meta]
    return specs + list(ABLATION_HEADS) if include_ablations else specs


def fit_model(
    prep: Prepared, *, version: str, deploy_prev: float = DEFAULT_PREVALENCE, seed: int = 0
) -> tuple[RiskModel, dict]:
    """The model trained on all the ads, and validation figures of its bands (inner out-of-fold)."""
    heads, vectorizer, validation = {}, None, {}
    for spec in _specs(prep, include_ablations=False):
        head, vec, cal = fit_head(
            spec,
            prep.base_names,
            prep.meta_columns,
            prep.rows,
            prep.texts,
            prep.y,
            prep.groups,
            deploy_prev=deploy_prev,
            seed=seed,
        )
        heads[spec.name] = head
        vectorizer = vec if vec is not None else vectorizer
        p = 1.0 / (1.0 + np.exp(-cal))
        bands = [head.band(float(z)) for z in cal]
        validation[spec.name] = {
            "C": head.C,
            "structured_block_weight": head.struct_weight,
            "thresholds": _threshold_table(head.thresholds, float(prep.y.mean()), deploy_prev),
            "inner_cv": score_metrics(prep.y, p, bands, deploy_prev),
        }
    info = {
        "training_data_sha256": prep.table.sha256,
        "rows": len(prep.y),
        "positives": int(prep.y.sum()),
        "template_groups": int(len(np.unique(prep.groups))),
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "metadata_columns": prep.meta_columns,
    }
    model = RiskModel(
        version=version,
        heads=heads,
        vectorizer=TextVectoriser.from_sklearn(vectorizer) if vectorizer is not None else None,
        text_language=prep.text_language,
        train_prevalence=float(prep.y.mean()),
        deployment_prevalence=deploy_prev,
        info=info,
    )
    return model, validation


def _threshold_table(thresholds: dict[str, float], train_prev: float, deploy_prev: float) -> dict:
    shift = math.log(deploy_prev / (1 - deploy_prev)) - math.log(train_prev / (1 - train_prev))
    return {
        band: {
            "calibrated_logit_at_training_prevalence": round(z, 4),
            "probability_at_training_prevalence": round(1 / (1 + math.exp(-z)), 4),
            "probability_at_deployment_prevalence": round(1 / (1 + math.exp(-(z + shift))), 4),
        }
        for band, z in thresholds.items()
    }


def _baseline(train_texts: list[str], y: np.ndarray, test_texts: list[str], seed: int) -> np.ndarray:
    vec = TfidfVectorizer()
    clf = LogisticRegression(random_state=seed, max_iter=1000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(vec.fit_transform(train_texts), y)
    return clf.predict_proba(vec.transform(test_texts))[:, 1]


def cross_validate(
    prep: Prepared,
    *,
    folds: int = 5,
    repeats: int = 3,
    seed: int = 0,
    deploy_prev: float = DEFAULT_PREVALENCE,
    include_ablations: bool = True,
    progress: bool = False,
    bootstrap: int = 500,
) -> dict:
    """The protocol of the module docstring; returns the metrics block of metrics.json."""
    y, groups = prep.y, prep.groups
    specs = _specs(prep, include_ablations)
    names = [s.name for s in specs] + ["shipped"] + (["shipped+meta"] if prep.meta_columns else [])
    names.append("baseline_tfidf_logreg")
    probs = {n: np.zeros((repeats, len(y))) for n in names}
    bands = {n: [[""] * len(y) for _ in range(repeats)] for n in names if n != "baseline_tfidf_logreg"}
    raw_texts = prep.table.texts
    steps = [
        (r, k, tr, te)
        for r in range(repeats)
        for k, (tr, te) in enumerate(
            StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed + r).split(prep.rows, y, groups)
        )
    ]
    if progress:
        from tqdm import tqdm

        steps = tqdm(steps, desc="cross-validation", unit="fold", leave=False)
    with threadpool_limits(1):
        for r, _k, train, test in steps:
            _cv_step(prep, specs, probs, bands, r, train, test, seed, deploy_prev, raw_texts)
    return _summarise(prep, probs, bands, folds, repeats, seed, deploy_prev, bootstrap)


def _cv_step(prep, specs, probs, bands, r, train, test, seed, deploy_prev, raw_texts) -> None:
    """One outer fold of one repeat: every head and the baseline fitted on train, scored on test."""
    y = prep.y
    sub = _subset(prep, train)
    for spec in specs:
        head, vec, _ = fit_head(
            spec,
            prep.base_names,
            prep.meta_columns,
            sub.rows,
            sub.texts,
            sub.y,
            sub.groups,
            deploy_prev=deploy_prev,
            seed=seed + r,
        )
        x = head.matrix([prep.rows[i] for i in test])
        tfidf = vec.transform([prep.texts[i] for i in test]) if head.uses_text else None
        z = head.calibrated_logit(head.raw(x, tfidf))
        probs[spec.name][r, test] = 1 / (1 + np.exp(-z))
        for i, zi in zip(test, z, strict=True):
            bands[spec.name][r][i] = head.band(float(zi))
    for i in test:
        english = prep.languages[i] == prep.text_language
        routes = [("shipped", "combined" if english else "structured")]
        if prep.meta_columns:
            routes.append(("shipped+meta", "combined+meta" if english else "structured+meta"))
        for route, src in routes:
            probs[route][r, i] = probs[src][r, i]
            bands[route][r][i] = bands[src][r][i]
    probs["baseline_tfidf_logreg"][r, test] = _baseline(
        [raw_texts[i] for i in train], y[train], [raw_texts[i] for i in test], seed + r
    )


def _subset(prep: Prepared, index: np.ndarray) -> Prepared:
    return Prepared(
        table=prep.table,
        rows=[prep.rows[i] for i in index],
        texts=[prep.texts[i] for i in index],
        languages=[prep.languages[i] for i in index],
        y=prep.y[index],
        groups=prep.groups[index],
        base_names=prep.base_names,
        meta_columns=prep.meta_columns,
        text_language=prep.text_language,
    )


def _summarise(prep, probs, bands, folds, repeats, seed, deploy_prev, bootstrap) -> dict:
    y, groups = prep.y, prep.groups
    results = {}
    for name, p in probs.items():
        per_repeat = []
        for r in range(repeats):
            b = bands[name][r] if name in bands else ["high" if v >= 0.5 else "low" for v in p[r]]
            per_repeat.append(score_metrics(y, p[r], b, deploy_prev))
        summary = {
            key: {
                "mean": float(np.mean([m[key] for m in per_repeat])),
                "sd": float(np.std([m[key] for m in per_repeat])),
            }
            for key in METRIC_KEYS
        }
        for decision in ("medium_or_high", "high"):
            summary[decision] = {
                k: float(np.mean([m[decision][k] for m in per_repeat])) for k in per_repeat[0][decision]
            }
        if name == "baseline_tfidf_logreg":
            summary["decision_note"] = "baseline decisions at probability 0.5 (reported as 'high')"
            del summary["medium_or_high"]
        mean_p = p.mean(axis=0)
        summary["ci95"] = {
            "roc_auc": bootstrap_ci(y, mean_p, groups, roc_auc_score, n=bootstrap, seed=seed),
            "pr_auc": bootstrap_ci(y, mean_p, groups, average_precision_score, n=bootstrap, seed=seed),
        }
        results[name] = summary
    shipped_p = probs["shipped"].mean(axis=0)
    base_p = probs["baseline_tfidf_logreg"].mean(axis=0)
    diff = paired_bootstrap_diff(y, shipped_p, base_p, groups, average_precision_score, n=bootstrap, seed=seed)
    return {
        "protocol": {
            "split": "StratifiedGroupKFold by template (same normalised description)",
            "folds": folds,
            "repeats": repeats,
            "seed": seed,
            "inner_selection": "C by inner 3-fold grouped CV (PR-AUC), Platt calibration and band "
            "thresholds on the inner out-of-fold predictions",
            "ci95": f"percentile bootstrap over template groups ({bootstrap} resamples) of the "
            "repeat-averaged out-of-fold predictions",
            "calibration_metrics_at": "the training data's prevalence (no prior shift)",
        },
        "data": {
            "rows": int(len(y)),
            "positives": int(y.sum()),
            "prevalence": float(y.mean()),
            "template_groups": int(len(np.unique(groups))),
            "languages": dict(Counter(prep.languages)),
        },
        "heads": results,
        "shipped_vs_baseline_pr_auc": {"difference": diff[0], "ci95": [diff[1], diff[2]]},
    }
