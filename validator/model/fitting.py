"""Fitting heads: regularisation chosen by inner grouped cross-validation, Platt calibration on the
out-of-fold logits, band thresholds chosen on the same out-of-fold predictions, then a refit on all
the training ads (the `ensemble=False` scheme of sklearn's CalibratedClassifierCV, kept by hand so
that contributions stay additive in the logit)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

from validator.model.features import sign_of
from validator.model.heads import Head

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)  # 10: the text heads chose the top of (0.1 .. 3.0)
STRUCT_WEIGHTS = (0.15, 0.4, 1.0)  # scale of the standardised block in heads that also read text
TEXT_WEIGHT = 3.0
MAX_ACTIVE_SET_ROUNDS = 8  # TF-IDF rows have unit length; this puts them on a scale near the standardised block
INNER_FOLDS = 3
MEDIUM_RECALL = 0.90  # "medium" and above catches at least this share of fraudulent ads (validation)
HIGH_PRECISION = 0.80  # "high": at least this precision at the deployment prevalence (validation)
HIGH_PRECISION_FALLBACKS = (0.65, 0.5)  # lower targets for weak heads that cannot reach it


@dataclass(frozen=True)
class HeadSpec:
    """Which feature blocks a head reads."""

    name: str
    structured: bool = True
    text: bool = False
    meta: bool = False


SHIPPED_HEADS = (
    HeadSpec("combined+meta", text=True, meta=True),
    HeadSpec("combined", text=True),
    HeadSpec("structured+meta", meta=True),
    HeadSpec("structured"),
)
ABLATION_HEADS = (HeadSpec("text", structured=False, text=True),)


def make_vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(
        lowercase=True,
        ngram_range=(1, 2),
        min_df=2,
        max_df=0.9,
        sublinear_tf=True,
        max_features=20000,
    )


def logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


def _names(spec: HeadSpec, base_names: list[str], meta_columns: list[str]) -> list[str]:
    if not spec.structured:
        return []
    names = [n for n in base_names if not n.startswith("meta:")]
    if spec.meta:
        names += [f"meta:{c}" for c in meta_columns]
    return names


def fit_linear(
    spec: HeadSpec,
    names: list[str],
    x: np.ndarray,
    tfidf: sparse.csr_matrix | None,
    y: np.ndarray,
    C: float,
    seed: int,
    struct_weight: float = 1.0,
) -> Head:
    """One uncalibrated head fitted on the rows given (`tfidf`: their TF-IDF rows, text heads only)."""
    mean = x.mean(axis=0) if x.shape[1] else np.zeros(0)
    sd = x.std(axis=0) if x.shape[1] else np.zeros(0)
    sd[sd == 0] = 1.0
    sd = sd / struct_weight  # a smaller block weight regularises the structured block harder
    p = x.shape[1]
    scaled = (x - mean) / sd
    # weights whose direction the literature fixes (features.sign_of: warning signs may add risk,
    # never remove it) are kept to that sign: a weight of the wrong sign is fixed at 0 and the rest
    # refitted (a small active-set loop)
    signs = np.array([sign_of(n) for n in names], dtype=float)
    active = np.ones(p, dtype=bool)
    for _ in range(MAX_ACTIVE_SET_ROUNDS):
        blocks = [sparse.csr_matrix(scaled * active)]
        if spec.text:
            blocks.append(tfidf * TEXT_WEIGHT)
        z = sparse.hstack(blocks, format="csr")
        clf = LogisticRegression(C=C, max_iter=5000, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(z, y)
        w = clf.coef_.ravel()
        wrong = active & (signs * w[:p] < 0)
        if not wrong.any():
            break
        active &= ~wrong
    w = w.copy()
    w[:p][~active | (signs * w[:p] < 0)] = 0.0
    head = Head(
        name=spec.name,
        features=names,
        mean=mean,
        coef=w[:p] / sd,
        intercept=float(clf.intercept_[0]),
        uses_text=spec.text,
        C=C,
    )
    if spec.text:
        head.text_coef = w[p:] * TEXT_WEIGHT
        head.text_mean = float(np.mean(tfidf @ head.text_coef))
    return head


_TFIDF_CACHE: dict[tuple[int, int], tuple] = {}


def _tfidf(spec: HeadSpec, texts: list[str], train, test=None):
    """Vectoriser fitted on the training texts, with the TF-IDF rows of train (and test).

    The text heads of one split share the result (a small per-process cache keyed on the texts)."""
    if not spec.text:
        return None, None, None
    train_texts = tuple(texts[i] for i in train)
    test_texts = tuple(texts[i] for i in test) if test is not None else ()
    key = (hash(train_texts), hash(test_texts))
    if key not in _TFIDF_CACHE:
        vec = make_vectorizer().fit(train_texts)
        t_test = vec.transform(test_texts) if test is not None else None
        if len(_TFIDF_CACHE) > 64:
            _TFIDF_CACHE.clear()
        _TFIDF_CACHE[key] = (vec, vec.transform(train_texts), t_test)
    return _TFIDF_CACHE[key]


def platt(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a sigmoid fitted to out-of-fold logits (no regularisation)."""
    clf = LogisticRegression(C=1e6, max_iter=1000).fit(raw.reshape(-1, 1), y)
    a, b = float(clf.coef_[0, 0]), float(clf.intercept_[0])
    return (a, b) if a > 0 else (1.0, 0.0)


def choose_thresholds(cal_logit: np.ndarray, y: np.ndarray, train_prev: float, deploy_prev: float) -> dict:
    """Band thresholds (calibrated logits at the training prevalence) from validation predictions.

    medium: the highest threshold that keeps recall >= MEDIUM_RECALL;
    high:   the lowest threshold whose precision, re-weighted to the deployment prevalence from its
            true- and false-positive rates, reaches HIGH_PRECISION (with at least 3 true positives);
            when none does, the next lower target of HIGH_PRECISION_FALLBACKS; else the F1-best one.
    """
    order = np.sort(np.unique(cal_logit))[::-1]
    pos = max(int(y.sum()), 1)
    neg = max(int(len(y) - y.sum()), 1)
    targets = (HIGH_PRECISION, *HIGH_PRECISION_FALLBACKS)
    lowest: dict[float, float] = {}
    best_f1, f1_threshold = -1.0, order[0]
    medium = None
    for t in order:
        pred = cal_logit >= t
        tp = float(np.sum(pred & (y == 1)))
        fp = float(np.sum(pred & (y == 0)))
        tpr, fpr = tp / pos, fp / neg
        denom = tpr * deploy_prev + fpr * (1 - deploy_prev)
        deploy_precision = tpr * deploy_prev / denom if denom else 0.0
        for target in targets:
            if deploy_precision >= target and tp >= 3:
                lowest[target] = t  # keep lowering while the precision holds
        f1 = 2 * tp / (2 * tp + fp + (pos - tp))
        if f1 > best_f1:
            best_f1, f1_threshold = f1, t
        if medium is None and tpr >= MEDIUM_RECALL:
            medium = t
    high = next((lowest[t] for t in targets if t in lowest), f1_threshold)
    medium = min(order[-1] if medium is None else medium, high)
    return {"medium": float(medium), "high": float(high)}


def fit_head(
    spec: HeadSpec,
    base_names: list[str],
    meta_columns: list[str],
    rows: list[dict[str, float]],
    texts: list[str],
    y: np.ndarray,
    groups: np.ndarray,
    *,
    deploy_prev: float,
    seed: int = 0,
    c_grid: tuple[float, ...] = C_GRID,
    inner_folds: int = INNER_FOLDS,
) -> tuple[Head, TfidfVectorizer | None, np.ndarray]:
    """Choose C on inner grouped CV, calibrate and set thresholds on its out-of-fold logits, refit.

    Returns the head, its vectoriser (text heads) and the out-of-fold calibrated logits."""
    with threadpool_limits(1):  # BLAS threads only slow these small fits down
        return _fit_head(spec, base_names, meta_columns, rows, texts, y, groups, deploy_prev, seed, c_grid, inner_folds)


def _fit_head(spec, base_names, meta_columns, rows, texts, y, groups, deploy_prev, seed, c_grid, inner_folds):
    names = _names(spec, base_names, meta_columns)
    probe = Head(spec.name, names, np.zeros(len(names)), np.zeros(len(names)), 0.0)
    x = probe.matrix(rows)
    n_splits = max(2, min(inner_folds, int(y.sum()), int(len(y) - y.sum())))
    cv = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    weights = STRUCT_WEIGHTS if spec.text and spec.structured else (1.0,)
    grid = [(C, w) for C in c_grid for w in weights]
    oof = {g: np.zeros(len(y)) for g in grid}
    for train, test in cv.split(x, y, groups):
        _, t_train, t_test = _tfidf(spec, texts, train, test)
        for C, w in grid:
            head = fit_linear(spec, names, x[train], t_train, y[train], C, seed, w)
            oof[C, w][test] = head.raw(x[test], t_test)
    best = max(grid, key=lambda g: (round(average_precision_score(y, oof[g]), 4), -g[0], g[1]))
    a, b = platt(oof[best], y)
    cal = a * oof[best] + b
    vec, t_all, _ = _tfidf(spec, texts, np.arange(len(y)))
    head = fit_linear(spec, names, x, t_all, y, best[0], seed, best[1])
    head.struct_weight = best[1]
    head.calib_a, head.calib_b = a, b
    head.meta_columns = list(meta_columns) if spec.meta else []
    head.thresholds = choose_thresholds(cal, y, float(y.mean()), deploy_prev)
    return head, vec, cal
