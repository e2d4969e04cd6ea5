"""False alarms on real ordinary ads and fraud recall on EMSCAD, with the bands the engine uses.

Real ads (`validator.evaluation.real_ads`, outside the repository): every ad is assessed as a pasted
ad (HTML through the HTML ingest); the share of each band is counted per language of the set's `lang`
column. The model's calibrated logit per head is kept, so the thresholds that would flag a given share
of the ads of the worst language can be read off (`suggest_thresholds`).

EMSCAD (labelled fraud, outside the repository): grouped k-fold cross-validation of the shipped
recipe; each held-out ad gets its band exactly as the engine gives it (signs band, model band with the
thresholds of data/risk_bands.toml, abstention), so "recall at medium+" counts an abstention as a miss.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from validator.assessment import IndicatorHit, Risk
from validator.bands import config, decide, model_thresholds
from validator.model.features import normalise_text, structured_features

BANDS = ("low", "medium", "high", "insufficient")


@dataclass
class Judged:
    """What the band of one ad needs, read once: its signs, length, language and model inputs."""

    language: str
    language_status: str
    words: int
    hits: list[IndicatorHit]
    features: dict[str, float]
    text: str
    group: str = ""  # the evaluation group (language of the set, or the label)
    logits: dict[str, float] = field(default_factory=dict)  # head -> calibrated logit (training prior)
    head: str = ""


def judge(text: str, *, html: bool = False, metadata: dict | None = None) -> Judged:
    """The engine's reading of one ad, with the model switched off (it is applied afterwards)."""
    from validator.engine import assess_input, default_settings, read_language
    from validator.ingest import load

    settings = default_settings().with_(model_dir=Path(os.devnull))
    ad = load(None, html=text, settings=settings) if html else load(text, settings=settings)
    a = assess_input(ad, metadata=dict(metadata or {}), settings=settings)
    _, status = read_language(ad.text, None, [], settings.default_language)
    return Judged(
        language=a.language,
        language_status=status,
        words=a.facts.job.word_count,
        hits=a.indicators,
        features=structured_features(a.facts, a.indicators, metadata),
        text=a.text,
    )


def band_of(j: Judged, model_band: str) -> Risk:
    """The engine's final decision for an ad whose model band is `model_band`."""
    risk = Risk(score=0.0, band=model_band, model="", calibrated=False)
    return decide(risk, j.hits, words=j.words, language_status=j.language_status)


def band_from_thresholds(z: float, thresholds: dict[str, float]) -> str:
    return "high" if z >= thresholds["high"] else "medium" if z >= thresholds["medium"] else "low"


def score_with_model(judged: list[Judged], model) -> list[str]:
    """Each ad's model band from the shipped model (its logits per head are kept on the ad)."""
    bands = []
    for j in judged:
        head = model.select_head(j.language, j.features)
        j.head = head.name
        for name, h in model.heads.items():
            if h.meta_columns and not all(f"meta:{c}" in j.features for c in h.meta_columns):
                continue
            if h.uses_text and j.language != model.text_language:
                continue
            x = h.matrix([j.features])
            tfidf = model.vectorizer.transform([normalise_text(j.text)]) if h.uses_text else None
            j.logits[name] = float(h.calibrated_logit(h.raw(x, tfidf))[0])
        bands.append(model.band_of(head, j.logits[head.name]))
    return bands


def band_shares(groups: Iterable[str], bands: Iterable[str]) -> dict[str, dict[str, float]]:
    """Per group: n and the share of each band, plus medium_or_above."""
    counts: dict[str, Counter] = {}
    for g, b in zip(groups, bands, strict=True):
        counts.setdefault(g, Counter())[b] += 1
    out = {}
    for g, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        row = {"n": n, **{b: c[b] / n for b in BANDS}}
        row["medium_or_above"] = (c["medium"] + c["high"]) / n
        out[g] = row
    return out


def lowest_threshold(z: Iterable[float], share: float, digits: int = 2) -> float:
    """The lowest threshold, rounded up to `digits` decimals, at or above which at most `share` of the
    logits `z` lie (tied logits are flagged together, so a quantile alone could flag more)."""
    ranked = np.sort(np.asarray(list(z), dtype=float))[::-1]
    k = min(int(np.floor(share * len(ranked))), len(ranked) - 1)
    step = 10.0**-digits
    t = float(np.ceil(ranked[k] / step - 1e-9) * step)
    return round(t if t > ranked[k] else t + step, digits)


def suggest_thresholds(
    judged: list[Judged], min_ads: int = 50, aim: tuple[float, float] | None = None
) -> dict[str, dict[str, float]]:
    """Per head, the lowest logits (two decimals) that flag at most the target shares (`aim`: medium or
    above, high; default the `aim_*` targets of risk_bands.toml) of the ads of every group with at least
    `min_ads` ads scored by that head (ads that abstain are left out)."""
    targets = config()["targets"]
    aim_medium, aim_high = aim or (targets["aim_medium_or_above"], targets["aim_high"])
    out: dict[str, dict[str, float]] = {}
    heads = sorted({j.head for j in judged if j.head})
    for head in heads:
        worst = {"medium": -np.inf, "high": -np.inf}
        for g in sorted({j.group for j in judged}):
            z = [j.logits[head] for j in judged if j.group == g and j.head == head and not _abstains(j)]
            if len(z) < min_ads:
                continue
            worst["medium"] = max(worst["medium"], lowest_threshold(z, aim_medium))
            worst["high"] = max(worst["high"], lowest_threshold(z, aim_high))
        if np.isfinite(worst["medium"]):
            out[head] = worst
    return out


def _abstains(j: Judged) -> bool:
    return band_of(j, "low").band == "insufficient"


def real_ads_shares(judged: list[Judged], thresholds: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Band shares per group of the real ads (scored by `score_with_model`) with other model thresholds."""
    bands = [band_of(j, band_from_thresholds(j.logits[j.head], thresholds[j.head])).band for j in judged]
    return band_shares([j.group for j in judged], bands)


def emscad_cv(
    path: str,
    *,
    folds: int = 5,
    seed: int = 0,
    progress: bool = False,
    model_name: str | None = None,
    threshold_sets: dict[str, dict[str, dict[str, float]]] | None = None,
) -> dict:
    """Grouped k-fold CV of the shipped heads on a labelled file; bands as the engine gives them.

    `threshold_sets` (label -> head -> medium/high thresholds; a "+meta" head takes those of the head it
    extends): the same held-out logits banded with each set as well, under "trade_off"."""
    from sklearn.model_selection import StratifiedGroupKFold

    from validator.model.data import read_table
    from validator.model.features import model_names
    from validator.model.fitting import SHIPPED_HEADS, fit_head
    from validator.model.risk_model import DEFAULT_PREVALENCE

    table = read_table(path)
    judged = [judge(t, metadata=m) for t, m in zip(table.texts, table.metadata, strict=True)]
    y = table.labels
    rows = [j.features for j in judged]
    texts = [normalise_text(j.text) for j in judged]
    english = Counter(j.language for j in judged).most_common(1)[0][0]
    base = model_names()
    meta = [c for c in table.meta_columns if all(f"meta:{c}" in r for r in rows)]
    specs = [s for s in SHIPPED_HEADS if meta or not s.meta]
    routes = {"pasted ad": ("combined", "structured"), "export with metadata": ("combined+meta", "structured+meta")}
    # per route and ad: the head, its held-out logit and the fold's own validation thresholds
    held_out: dict[str, list] = {route: [None] * len(y) for route in routes if meta or route == "pasted ad"}
    splits = list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(rows, y, table.groups))
    if progress:
        from tqdm import tqdm

        splits = tqdm(splits, desc="EMSCAD folds", unit="fold", leave=False)
    for train, test in splits:
        fitted = {}
        for spec in specs:
            head, vec, _ = fit_head(
                spec,
                base,
                meta,
                [rows[i] for i in train],
                [texts[i] for i in train],
                y[train],
                table.groups[train],
                deploy_prev=DEFAULT_PREVALENCE,
                seed=seed,
            )
            fitted[spec.name] = (head, vec)
        for route, logits in held_out.items():
            for i in test:
                name = routes[route][0] if judged[i].language == english else routes[route][1]
                head, vec = fitted[name]
                x = head.matrix([rows[i]])
                tfidf = vec.transform([texts[i]]) if head.uses_text else None
                logits[i] = (name, float(head.calibrated_logit(head.raw(x, tfidf))[0]), head.thresholds)

    def recall(route: str, thresholds_of) -> dict[str, float]:
        b = np.array([band_of(j, band_from_thresholds(z, thresholds_of(name, own))).band
                      for j, (name, z, own) in zip(judged, held_out[route], strict=True)])
        flagged = np.isin(b, ("medium", "high"))
        return {
            "recall_medium_or_above": float(flagged[y == 1].mean()),
            "recall_high": float((b == "high")[y == 1].mean()),
            "fraud_insufficient": float((b == "insufficient")[y == 1].mean()),
            "genuine_medium_or_above": float(flagged[y == 0].mean()),
        }

    def shipped(name: str, own: dict[str, float]) -> dict[str, float]:
        return (model_name and model_thresholds(model_name, name)) or own

    out = {"ads": int(len(y)), "fraudulent": int(y.sum()), "folds": folds, "seed": seed}
    out["routes"] = {route: recall(route, shipped) for route in held_out}
    if threshold_sets:
        out["trade_off"] = {
            label: recall("pasted ad", lambda name, _own, th=th: th[name.removesuffix("+meta")])
            for label, th in threshold_sets.items()
        }
    return out
