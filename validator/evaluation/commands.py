"""`validator evaluate-real`: the bands on real ordinary ads per language, and EMSCAD fraud recall."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from validator.errors import DataError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate-real",
        help="share of real ordinary ads per band and language, and EMSCAD fraud recall (held-out folds)",
        description="Assess the real-ads development set (ordinary job-board ads, outside the repository) "
        "and print per language the share of ads at low / medium / high / insufficient, against the "
        "targets of data/risk_bands.toml; then cross-validate the shipped recipe on EMSCAD and print the "
        "fraud recall at medium or above with the same bands.",
    )
    p.add_argument("--real-ads", help="the real-ads folder (default: VALIDATOR_REAL_ADS, else the shared set)")
    p.add_argument("--emscad", help="labelled EMSCAD file (default: VALIDATOR_EMSCAD, else the shared sample)")
    p.add_argument("--no-emscad", action="store_true", help="skip the EMSCAD cross-validation")
    p.add_argument("--folds", type=int, default=5, help="EMSCAD folds (default: %(default)s)")
    p.add_argument(
        "--trade-off",
        action="store_true",
        help="also print, for each false-alarm aim of risk_bands.toml (trade_off_aims), the thresholds, the "
        "worst language's shares on the real ads and the EMSCAD fraud recall they would give",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_evaluate_real)


def _emscad_path(arg: str | None) -> Path:
    from validator.evaluation.real_ads import ROOT

    default = ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"
    return Path(arg or os.environ.get("VALIDATOR_EMSCAD", default))


def cmd_evaluate_real(args: argparse.Namespace) -> int:
    from validator.bands import config
    from validator.engine import default_settings
    from validator.evaluation import false_alarms as fa
    from validator.evaluation.real_ads import data_dir, load
    from validator.model import get_model

    path = None if args.no_emscad else _emscad_path(args.emscad)
    if path is not None and not path.is_file():  # before the real ads' minutes of work
        raise DataError(f"no EMSCAD file at {path} (set --emscad or VALIDATOR_EMSCAD, or --no-emscad)")
    directory = Path(args.real_ads) if args.real_ads else data_dir()
    if not directory.is_dir():
        raise DataError(f"no real-ads folder at {directory} (set --real-ads or VALIDATOR_REAL_ADS)")
    ads = load(directory)
    if not ads:
        raise DataError(f"no groundtruth.csv with ads under {directory}")
    items = ads
    if not args.quiet:
        from tqdm import tqdm

        items = tqdm(ads, desc="real ads", unit="ad", leave=False)
    judged = []
    for ad in items:
        j = fa.judge(ad.text, html=ad.is_html)
        j.group = ad.lang
        judged.append(j)
    model = get_model(default_settings())
    if model is not None:
        model_bands = fa.score_with_model(judged, model)
    else:
        from validator.scoring import rule_score

        model_bands = [rule_score(j.hits).band for j in judged]
    bands = [fa.band_of(j, b).band for j, b in zip(judged, model_bands, strict=True)]
    result = {
        "model": model.name if model else "rules",
        "real_ads": {"ads": len(ads), "by_language": fa.band_shares([j.group for j in judged], bands)},
        "targets": config()["targets"],
        "suggested_thresholds": fa.suggest_thresholds(judged),
    }
    trade_off = _trade_off(judged) if args.trade_off and model is not None else {}
    if trade_off:
        result["trade_off"] = trade_off
    if path is not None:
        result["emscad"] = fa.emscad_cv(
            str(path),
            folds=args.folds,
            progress=not args.quiet,
            model_name=model.name if model else None,
            threshold_sets={label: row["thresholds"] for label, row in trade_off.items()},
        )
    if args.json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    else:
        sys.stdout.write(render(result))
    return 0


HEADS_SHOWN = ("combined", "structured")


def _trade_off(judged) -> dict[str, dict]:
    """Per aim of `trade_off_aims`: the thresholds per head and the worst language's shares with them."""
    from validator.bands import config
    from validator.evaluation import false_alarms as fa

    out = {}
    for medium, high in config()["targets"].get("trade_off_aims", []):
        thresholds = fa.suggest_thresholds(judged, aim=(medium, high))
        shares = {g: r for g, r in fa.real_ads_shares(judged, thresholds).items() if r["n"] >= 50}
        worst_medium = max(shares, key=lambda g: shares[g]["medium_or_above"])
        worst_high = max(shares, key=lambda g: shares[g]["high"])
        out[f"{medium:.0%} / {high:.1%}"] = {
            "thresholds": thresholds,
            "worst_medium_or_above": [worst_medium, shares[worst_medium]["medium_or_above"]],
            "worst_high": [worst_high, shares[worst_high]["high"]],
        }
    return out


def render(result: dict) -> str:
    t = result["targets"]
    lines = [
        f"bands of {result['model']} on {result['real_ads']['ads']} real ordinary ads (de-duplicated), by language",
        f"targets: medium or above <= {t['max_medium_or_above']:.0%}, high <= {t['max_high']:.0%} per language",
        f"{'lang':<5} {'ads':>5} {'low':>7} {'medium':>7} {'high':>7} {'insuff.':>8} {'med+':>7}  check",
    ]
    for lang, r in result["real_ads"]["by_language"].items():
        ok = r["medium_or_above"] <= t["max_medium_or_above"] and r["high"] <= t["max_high"]
        lines.append(
            f"{lang:<5} {r['n']:>5} {r['low']:>7.1%} {r['medium']:>7.1%} {r['high']:>7.1%} "
            f"{r['insufficient']:>8.1%} {r['medium_or_above']:>7.1%}  {'ok' if ok else 'OVER'}"
        )
    for head, th in result["suggested_thresholds"].items():
        lines.append(
            f"thresholds flagging at most {t['aim_medium_or_above']:.0%} / {t['aim_high']:.0%} of every language "
            f"(head {head}): medium {th['medium']:.2f}, high {th['high']:.2f}"
        )
    if "emscad" in result:
        e = result["emscad"]
        lines.append(
            f"EMSCAD, {e['folds']}-fold grouped CV, {e['ads']} ads ({e['fraudulent']} fraudulent), held-out bands:"
        )
        for route, r in e["routes"].items():
            ok = r["recall_medium_or_above"] >= t["min_fraud_recall"]
            lines.append(
                f"  {route:<22} fraud at medium+ {r['recall_medium_or_above']:.1%} ({'ok' if ok else 'UNDER'} "
                f">= {t['min_fraud_recall']:.0%}), high {r['recall_high']:.1%}, insufficient "
                f"{r['fraud_insufficient']:.1%}; genuine at medium+ {r['genuine_medium_or_above']:.1%}"
            )
    if "trade_off" in result:
        lines.append("trade-off (aim per language: thresholds chosen on the real ads; EMSCAD recall as pasted ads):")
        lines.append(f"  {'aim med+ / high':<16} {'combined':>13} {'structured':>13} {'worst med+':>14} "
                     f"{'worst high':>14} {'EMSCAD med+':>12}")
        for label, row in result["trade_off"].items():
            th = row["thresholds"]
            heads = [f"{th[k]['medium']:.2f}/{th[k]['high']:.2f}" if k in th else "-" for k in HEADS_SHOWN]
            (gm, m), (gh, h) = row["worst_medium_or_above"], row["worst_high"]
            recall = result.get("emscad", {}).get("trade_off", {}).get(label, {}).get("recall_medium_or_above")
            lines.append(f"  {label:<16} {heads[0]:>13} {heads[1]:>13} {m:>8.1%} ({gm}) {h:>8.1%} ({gh}) "
                         f"{'-' if recall is None else f'{recall:.1%}':>12}")
    return "\n".join(lines) + "\n"
