"""`validator train` and `validator evaluate` (registered by validator/cli.py)."""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np

from validator.errors import DataError, ModelError, UsageError


def _data_args(p: argparse.ArgumentParser) -> None:
    from validator.model import data

    p.add_argument("--data", required=True, help="labelled ads: .csv, .tsv, .jsonl or .parquet")
    p.add_argument("--label-column", default=data.DEFAULT_LABEL, help="0/1 label (default: %(default)s)")
    p.add_argument("--id-column", default=data.DEFAULT_ID, help="ad id (default: %(default)s; else row number)")
    p.add_argument(
        "--text-columns",
        nargs="+",
        default=list(data.DEFAULT_TEXT_COLUMNS),
        metavar="COL",
        help="columns joined into the ad text (default: %(default)s)",
    )
    p.add_argument(
        "--metadata-columns",
        nargs="*",
        default=list(data.DEFAULT_META_COLUMNS),
        metavar="COL",
        help="optional 0/1 export columns, used when present (default: %(default)s; none: give the flag alone)",
    )
    p.add_argument(
        "--group-column",
        default=data.DEFAULT_GROUP,
        help="ads with the same value are one template (default: %(default)s, else the whole text)",
    )
    p.add_argument("--prevalence", type=float, help="deployment prevalence of fraud (default: 0.048)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--bootstrap", type=int, default=500, help="bootstrap resamples for the 95 %% intervals")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bars")


def register(subparsers) -> None:
    train = subparsers.add_parser(
        "train",
        help="train the risk model on labelled ads",
        description="Train the risk model on labelled ads, cross-validate it against a TF-IDF baseline, "
        "and write the model, manifest, metrics.json and MODEL_CARD.md to a directory.",
    )
    _data_args(train)
    train.add_argument("-o", "--output", required=True, help="model directory to write")
    train.add_argument("--version", help="model version (default: the date, YYYY.MM.DD)")
    train.add_argument("--cv-folds", type=int, default=5)
    train.add_argument("--cv-repeats", type=int, default=3)
    train.add_argument("--no-cv", action="store_true", help="skip the cross-validation (no metrics)")
    train.set_defaults(func=cmd_train)

    ev = subparsers.add_parser(
        "evaluate",
        help="score labelled ads with a model and print metrics (or run the CV protocol with --cv)",
    )
    _data_args(ev)
    ev.add_argument("--model", help="model directory (default: the shipped model / VALIDATOR_MODEL_DIR)")
    ev.add_argument("--predictions", metavar="OUT.csv", help="write id, label, risk_score, risk_band per ad")
    ev.add_argument("--cv", action="store_true", help="cross-validate on the data instead of using a model")
    ev.add_argument("--cv-folds", type=int, default=5)
    ev.add_argument("--cv-repeats", type=int, default=3)
    ev.set_defaults(func=cmd_evaluate)


def _prevalence(args) -> float:
    from validator.model.risk_model import DEFAULT_PREVALENCE

    value = DEFAULT_PREVALENCE if args.prevalence is None else args.prevalence
    if not 0.0 < value < 1.0:
        raise UsageError("--prevalence must be between 0 and 1")
    return value


def _read(args, require_labels: bool = True):
    from validator.model.data import read_table

    return read_table(
        args.data,
        label_column=args.label_column,
        id_column=args.id_column,
        text_columns=args.text_columns,
        meta_columns=args.metadata_columns,
        group_column=args.group_column,
        require_labels=require_labels,
    )


def _check_cv(args) -> None:
    if args.cv_folds < 2 or args.cv_repeats < 1:
        raise UsageError("--cv-folds must be at least 2 and --cv-repeats at least 1")


def cmd_train(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from validator.model import clear_cache, store
    from validator.model.card import render_card
    from validator.model.training import cross_validate, fit_model, prepare

    _check_cv(args)
    prev = _prevalence(args)
    table = _read(args)
    prep = prepare(table, progress=not args.quiet)
    for w in table.warnings:
        print(f"validator: {w}", file=sys.stderr)
    version = args.version or datetime.now(UTC).strftime("%Y.%m.%d")
    model, validation = fit_model(prep, version=version, deploy_prev=prev, seed=args.seed)
    cv = None
    if not args.no_cv:
        cv = cross_validate(
            prep,
            folds=args.cv_folds,
            repeats=args.cv_repeats,
            seed=args.seed,
            deploy_prev=prev,
            progress=not args.quiet,
            bootstrap=args.bootstrap,
        )
    metrics = {
        "model": model.name,
        "data_file": Path(args.data).name,
        "training_data_sha256": table.sha256,
        "text_columns": [c for c in args.text_columns],
        "deployment_prevalence": prev,
        "training_prevalence": model.train_prevalence,
        "text_language": model.text_language,
        "metadata_columns": prep.meta_columns,
        "final_model": validation,
        "cross_validation": cv,
        "command": "validator " + " ".join(sys.argv[1:]) if sys.argv and "train" in sys.argv else "validator train",
    }
    metrics_text = json.dumps(_clean(metrics), indent=2) + "\n"
    store.save(model, args.output, extra_files={"metrics.json": metrics_text, "MODEL_CARD.md": render_card(metrics)})
    clear_cache()
    if args.json:
        sys.stdout.write(metrics_text)
    else:
        sys.stdout.write(
            f"model {model.name} written to {args.output} ({len(prep.y)} ads, {int(prep.y.sum())} positive)\n"
        )
        if cv:
            sys.stdout.write(_cv_table(cv))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.cv:
        return _evaluate_cv(args)
    from validator.model import clear_cache, get_model, model_dir
    from validator.model.analysis import analyse_all
    from validator.model.metrics import score_metrics
    from validator.settings import Settings

    settings = Settings.from_env()
    if args.model:
        settings = settings.with_(model_dir=Path(args.model))
    prev = _prevalence(args)
    settings = settings.with_(deployment_prevalence=prev)
    clear_cache()
    model = get_model(settings)
    if model is None:
        raise ModelError(f"no model found in {model_dir(settings)} (train one with `validator train`)")
    table = _read(args)
    if table.labels is None:
        raise DataError("evaluation needs labelled ads")
    analysed = analyse_all(table.texts, table.metadata, progress=not args.quiet)
    pred = model.predict([a.features for a in analysed], [a.text for a in analysed], [a.language for a in analysed])
    y = table.labels
    z = np.array(pred["train_logit"])
    shown = np.array(pred["score"])
    if 0 < y.mean() < 1:
        own = 1 / (
            1
            + np.exp(
                -(
                    z
                    + math.log(y.mean() / (1 - y.mean()))
                    - math.log(model.train_prevalence / (1 - model.train_prevalence))
                )
            )
        )
    else:
        own = shown
    result = {
        "model": model.name,
        "data_file": Path(args.data).name,
        "data_sha256": table.sha256,
        "deployment_prevalence": prev,
        "heads_used": {h: pred["head"].count(h) for h in sorted(set(pred["head"]))},
        "metrics": score_metrics(y, own, pred["band"], prev),
        "calibration_note": "brier and ece are computed after moving the scores to this file's own "
        "fraud rate; risk_score in --predictions is the score at the deployment prevalence",
        "warnings": table.warnings,
    }
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([table.id_column, "label", "risk_score", "risk_band"])
            for i, ad_id in enumerate(table.ids):
                writer.writerow([ad_id, int(y[i]), f"{shown[i]:.4f}", pred["band"][i]])
    if args.json:
        sys.stdout.write(json.dumps(_clean(result), indent=2) + "\n")
    else:
        m = result["metrics"]
        sys.stdout.write(
            f"{result['model']} on {result['data_file']}: {m['n']} ads, {m['positives']} positive\n"
            f"  ROC-AUC {m['roc_auc']:.3f}  PR-AUC {m['pr_auc']:.3f}  Brier {m['brier']:.3f}  ECE {m['ece']:.3f}\n"
        )
        for band in ("medium_or_high", "high"):
            d = m[band]
            sys.stdout.write(
                f"  {band:<15} precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}"
                f"  (precision at {prev:.1%} prevalence {d['precision_at_deployment_prevalence']:.3f})\n"
            )
    return 0


def _evaluate_cv(args) -> int:
    from validator.model.training import cross_validate, prepare

    _check_cv(args)
    table = _read(args)
    prep = prepare(table, progress=not args.quiet)
    cv = cross_validate(
        prep,
        folds=args.cv_folds,
        repeats=args.cv_repeats,
        seed=args.seed,
        deploy_prev=_prevalence(args),
        progress=not args.quiet,
        bootstrap=args.bootstrap,
    )
    if args.json:
        sys.stdout.write(json.dumps(_clean(cv), indent=2) + "\n")
    else:
        sys.stdout.write(_cv_table(cv))
    return 0


def _cv_table(cv: dict) -> str:
    p = cv["protocol"]
    lines = [
        f"cross-validation: {p['folds']} folds x {p['repeats']} repeats, grouped by template, seed {p['seed']}",
        f"{'head':<22} {'ROC-AUC':>15} {'PR-AUC':>15} {'Brier':>7} {'ECE':>7} {'P(high)':>8} {'R(high)':>8}",
    ]
    for name, h in cv["heads"].items():
        lines.append(
            f"{name:<22} {h['roc_auc']['mean']:.3f}±{h['roc_auc']['sd']:.3f}    "
            f"{h['pr_auc']['mean']:.3f}±{h['pr_auc']['sd']:.3f}  {h['brier']['mean']:.3f}   {h['ece']['mean']:.3f}"
            f"    {h['high']['precision']:.3f}    {h['high']['recall']:.3f}"
        )
    d = cv["shipped_vs_baseline_pr_auc"]
    lines.append(
        f"shipped - baseline PR-AUC: {d['difference']:+.3f} (95 % CI {d['ci95'][0]:+.3f} .. {d['ci95'][1]:+.3f})"
    )
    return "\n".join(lines) + "\n"


def _clean(obj):
    """JSON-safe: numpy scalars to floats, NaN to None, tuples to lists, floats to 6 digits."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, float | np.floating):
        value = float(obj)
        return None if math.isnan(value) else round(value, 6)
    return obj
