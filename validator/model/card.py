"""MODEL_CARD.md, written by `validator train` from the run's metrics (so a retrained model has one)."""

from __future__ import annotations

from typing import Any

from validator.model.fitting import HIGH_PRECISION, MEDIUM_RECALL

HEAD_TEXT = {
    "combined": "indicators + facts + text (pasted English ads)",
    "combined+meta": "indicators + facts + text + export metadata",
    "structured": "indicators + facts only (ads in other languages)",
    "structured+meta": "indicators + facts + export metadata (other languages, exports)",
    "text": "text only (ablation, not shipped)",
    "shipped": "the shipped routing for a pasted ad (no metadata)",
    "shipped+meta": "the shipped routing for an export with metadata",
    "baseline_tfidf_logreg": "baseline: plain TF-IDF + logistic regression (sklearn defaults)",
}


def _f(value: Any, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _cv_section(cv: dict[str, Any] | None) -> list[str]:
    if not cv:
        return ["No cross-validation was run for this model (`--no-cv`).", ""]
    p, d = cv["protocol"], cv["data"]
    lines = [
        f"{p['folds']}-fold stratified group cross-validation, {p['repeats']} repeats (seed {p['seed']}), "
        f"grouped by template ({d['template_groups']} groups in {d['rows']} ads, {d['positives']} positive). "
        f"Inside every training fold: {p['inner_selection']}. Means over repeats (± sd); 95 % intervals: "
        f"{p['ci95']}. Brier and ECE at {p['calibration_metrics_at']}.",
        "",
        "| features | ROC-AUC | 95 % CI | PR-AUC | 95 % CI | Brier | ECE | high: precision | high: recall | "
        "medium+: recall |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, h in cv["heads"].items():
        mh = h.get("medium_or_high", {})
        ci_roc, ci_pr = h["ci95"]["roc_auc"], h["ci95"]["pr_auc"]
        lines.append(
            f"| {HEAD_TEXT.get(name, name)} | {_f(h['roc_auc']['mean'])} ± {_f(h['roc_auc']['sd'])} | "
            f"{_f(ci_roc[0])}–{_f(ci_roc[1])} | {_f(h['pr_auc']['mean'])} ± {_f(h['pr_auc']['sd'])} | "
            f"{_f(ci_pr[0])}–{_f(ci_pr[1])} | {_f(h['brier']['mean'])} | {_f(h['ece']['mean'])} | "
            f"{_f(h['high']['precision'])} | {_f(h['high']['recall'])} | {_f(mh.get('recall'))} |"
        )
    diff = cv["shipped_vs_baseline_pr_auc"]
    lines += [
        "",
        f"Shipped model minus baseline, PR-AUC: {diff['difference']:+.3f} "
        f"(95 % CI {diff['ci95'][0]:+.3f} to {diff['ci95'][1]:+.3f}, paired bootstrap over template groups). "
        "The baseline's decisions are at probability 0.5 (its 'high' column).",
        "",
    ]
    return lines


def _bands_section(metrics: dict[str, Any]) -> list[str]:
    prev = metrics["deployment_prevalence"]
    lines = [
        "| head | band | from score (at the deployment prevalence) | precision | recall | "
        f"precision at {prev:.1%} prevalence |",
        "|---|---|---|---|---|---|",
    ]
    for name, v in metrics["final_model"].items():
        inner = v["inner_cv"]
        for band, key in (("medium", "medium_or_high"), ("high", "high")):
            d = inner[key]
            t = v["thresholds"][band]["probability_at_deployment_prevalence"]
            lines.append(
                f"| {name} | {band} or above | {_f(t)} | {_f(d['precision'])} | {_f(d['recall'])} | "
                f"{_f(d['precision_at_deployment_prevalence'])} |"
            )
    return lines + [""]


def _engine_bands_section(metrics: dict[str, Any]) -> list[str]:
    """How the engine turns this model's score into a band (validator/bands.py, data/risk_bands.toml)."""
    from validator.bands import config

    cfg = config()
    listed = cfg.get("model", {}).get(metrics["model"], {})
    t = cfg["targets"]
    lines = [
        "## How the engine uses this model: the band",
        "",
        "The band an ad gets is the higher of two: an exploitation-signs band, set by stated rules from",
        "the severity tier of each warning sign (indicators.toml `severity`: one severe sign — fees, debt,",
        "documents kept, deception, young women sought for hostess work — gives medium, two give high;",
        "absence signs never count), and this model's fraud band. The model can raise the band but never",
        "cancel a severe sign, and each severe sign contributes at least its tier's floor to the score",
        "(contributions of kind `sign`). Too little to judge (too few words, a language without a pack or",
        "not told reliably, only absence signs on a short text) gives `insufficient`, unless a severe sign",
        "is present.",
        "",
        "The fraud band's thresholds are chosen against false alarms on real ordinary job-board ads",
        f"(`validator evaluate-real`; aim: at most {t['aim_medium_or_above']:.0%} medium or above and "
        f"{t['aim_high']:.0%} high per language,",
        f"promise {t['max_medium_or_above']:.0%} and {t['max_high']:.0%}), not for recall on this data set: "
        "fraud postings of EMSCAD are",
        "caught less often than by the validation thresholds below (see README, \"How the band is decided\").",
        "",
    ]
    if listed:
        lines += ["| head | medium from (calibrated logit at the training prevalence) | high from |", "|---|---|---|"]
        lines += [f"| {head} | {v['medium']:.2f} | {v['high']:.2f} |" for head, v in listed.items()]
        lines.append("")
    else:
        lines += ["This model is not listed in data/risk_bands.toml: its validation thresholds below are used.", ""]
    return lines


def _exclusions_lines() -> list[str]:
    """What the model leaves out of the engine's output (data/model_features.toml)."""
    from validator.model.features import exclusions

    ex = exclusions()
    parts = [f"{', '.join(sorted(ex['tiers']))}-tier signs (and families holding only them)"] if ex["tiers"] else []
    parts += [f"the facts {', '.join(sorted(ex['facts']))}"] if ex["facts"] else []
    if not parts:
        return []
    return [
        f"Left out: {' and '.join(parts)}.",
        "In EMSCAD they stood for the data set's format (an empty company-profile field, masked contacts),",
        "so real ordinary ads read as fraud; data/model_features.toml gives the reasons.",
    ]


def render_card(metrics: dict[str, Any]) -> str:
    prev = metrics["deployment_prevalence"]
    train_prev = metrics["training_prevalence"]
    cv = metrics.get("cross_validation")
    out = [
        f"# Model card: {metrics['model']}",
        "",
        "## Intended use",
        "",
        "Ranks online job ads by how strongly they show the warning signs of fraudulent recruitment, as a",
        "prompt to check an ad before answering it (job seekers) or to prioritise review (inspectors, NGOs).",
        "It is not a verdict about an ad, an employer or a person: every score comes with the indicators,",
        "facts and words that moved it. Do not use it to take action against anyone without human review.",
        "",
        "## Data",
        "",
        f"Trained on `{metrics['data_file']}` (sha256 `{metrics['training_data_sha256']}`), "
        f"text columns {', '.join(metrics['text_columns'])} joined by blank lines; metadata columns used: "
        f"{', '.join(metrics['metadata_columns']) or 'none'}. Fraud rate in the training data: "
        f"{train_prev:.1%}. The shipped model is trained on the EMSCAD sample (Vidros et al. 2017, "
        "*Future Internet* 9(1):6): real 2012–2014 postings of an applicant-tracking system, mostly US and "
        "English, labelled *fraudulent posting*.",
        "",
        "## How it scores",
        "",
        "Logistic-regression heads over the engine's output: every catalogue indicator (0/1), indicator",
        "counts per family, facts (wage ratio to the reference wage, employer name/address/legal form,",
        "contact kinds, free-mail, messenger-only, counts, hours/duties stated), TF-IDF words",
        "and word pairs (contacts and digits normalised), and — only when an export has them — metadata",
        "columns. Each head chooses its regularisation by inner grouped CV, is Platt-calibrated on",
        "out-of-fold logits, and gets band thresholds from the same out-of-fold predictions.",
        *_exclusions_lines(),
        "",
        f"- Pasted ad in the training language ({metrics['text_language']}): head `combined`.",
        f"- Ad in another language: head `structured`, which has no text block — {metrics['text_language']}",
        "  n-grams never move its score; it is trained and calibrated on its own.",
        "- `+meta` heads only when the ad carries every metadata column (e.g. a CSV export);",
        "  a pasted ad never has them. The table below reports both, so the drop is visible.",
        "",
        f"score = sigmoid(logit), logit = a·raw + b + log(π/(1−π)) − log(π₀/(1−π₀)), with π₀ = {train_prev:.3f}",
        f"the training fraud rate and π the deployment prevalence (default {prev:.1%}, the full EMSCAD",
        "rate; set VALIDATOR_PREVALENCE). Contributions: a·coef·(x − training mean) per feature; text terms",
        "individually for the strongest words, the rest in one entry; base_logit + Σ contributions = logit.",
        "Bands compare the logit before the prior shift with the thresholds below, so the prevalence",
        "setting changes the score shown, not the band.",
        "",
        "## Cross-validated metrics (one run)",
        "",
        f"Command: `{metrics['command']}`",
        "",
        *_cv_section(cv),
        *_engine_bands_section(metrics),
        "## Validation thresholds of this model",
        "",
        "Used for the model band only when data/risk_bands.toml lists no thresholds for this model.",
        f"Medium: the highest threshold keeping recall ≥ {MEDIUM_RECALL:.2f}; high: the lowest threshold with "
        f"precision ≥ {HIGH_PRECISION:.2f}",
        f"at the {prev:.1%} deployment prevalence (estimated from the true- and false-positive rates; for a",
        "head that cannot reach it, 0.65 then 0.5, else the F1-best threshold). Scores are shown at the",
        "deployment prevalence, so a 'high' ad can show a score well under 50 %: at a low prevalence even",
        "strong evidence leaves doubt.",
        "Figures from the inner out-of-fold predictions of the final training run:",
        "",
        *_bands_section(metrics),
        "## Limits",
        "",
        "- Weights whose direction the literature fixes are sign-constrained (validator/model/features.py",
        "  `FACT_SIGNS`): indicators, families, messenger-only, mobile or foreign phones, free-mail, waived",
        "  requirements may only raise the risk; a named, addressed, registered employer and stated duties",
        "  and hours may only lower it. In EMSCAD several warning signs (recruitment fees, listed benefits,",
        "  mobile numbers, messengers) are as common in genuine US postings, so the data alone would have",
        "  made them reassuring. The TF-IDF words are not constrained and carry EMSCAD's vocabulary.",
        "- Fraud is not trafficking: the label is *fraudulent posting*, a proxy. Trafficking-linked ads",
        "  that look like ordinary low-skilled ads may score low; the indicators still show what they state.",
        "- US-centric 2012–2014 postings of one platform: language, pay levels, platforms and scam",
        "  patterns differ in Europe today. Retrain on local confirmed cases (`validator train`).",
        "- Languages: only the English text head has seen text; other languages are scored from",
        "  indicators and facts alone, with the weaker figures of the `structured` rows above, and those",
        "  figures were measured on English ads.",
        "- The training sample is biased towards fraud; scores are moved to the deployment prevalence,",
        "  which is itself an estimate. Precision at that prevalence is an extrapolation.",
        "- Templates: near-duplicates were grouped by identical description only.",
        "",
        "## Fairness",
        "",
        "No protected attribute of a person is a feature: the features describe the ad (its indicators,",
        "facts and words). Indicators about targeting (age, gender) describe what the ad asks for. Text",
        "features can still carry proxies (e.g. place names); the explanation lists the words that weighed.",
        "",
    ]
    return "\n".join(out)
