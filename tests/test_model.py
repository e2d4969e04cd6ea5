"""The risk model: training on a small fixture written here, storage, scoring and explanations, CLI."""

from __future__ import annotations

import csv
import json
import math
import random
import shutil
from pathlib import Path

import numpy as np
import pytest

from validator import assess
from validator.cli import main
from validator.errors import ModelError
from validator.model import clear_cache, get_model, store
from validator.model.data import read_table
from validator.settings import Settings

FRAUD = (
    "Earn big money fast! Guaranteed income of up to 5000 EUR per week, no experience needed.",
    "Contact us only on WhatsApp. A small registration fee is required before you start.",
    "Free accommodation and transport provided. Start immediately, no interview.",
    "Send a copy of your passport and your bank details to apply.",
    "Work from home and make easy money, unlimited earnings for everyone.",
)
ORDINARY = (
    "Acme Logistics Ltd, 12 High Street, Leeds LS1 4AB, is hiring a warehouse supervisor.",
    "Duties: plan shifts, check deliveries and keep stock records up to date.",
    "Hours: 37.5 hours a week, Monday to Friday, 8:00 to 16:00.",
    "Requirements: two years of experience in logistics and a forklift licence.",
    "Salary 28,000 GBP per year, 25 days of paid holiday and a pension scheme.",
)
WORDS = ("apple", "river", "stone", "cloud", "forest", "garden", "window", "bridge", "meadow", "candle", "harbour")
FRAUD_AD = " ".join(FRAUD)
ORDINARY_AD = " ".join(ORDINARY)


def fixture_rows(n: int = 30, seed: int = 7) -> list[dict]:
    """2n short synthetic ads: odd rows carry clear fraud cues, even rows are ordinary."""
    rng = random.Random(seed)
    rows = []
    for i in range(2 * n):
        fraud = i % 2
        parts = rng.sample(FRAUD if fraud else ORDINARY, 4)
        parts.append("Keywords: " + " ".join(rng.sample(WORDS, 4)) + f" ref {i}.")
        logo = 1 - fraud if rng.random() > 0.2 else fraud
        rows.append(
            {
                "job_id": f"ad{i}",
                "title": "Job offer" if fraud else "Warehouse supervisor",
                "description": " ".join(parts),
                "has_company_logo": logo,
                "fraudulent": fraud,
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def data_csv(tmp_path_factory) -> Path:
    return write_csv(tmp_path_factory.mktemp("data") / "ads.csv", fixture_rows())


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, data_csv) -> Path:
    out = tmp_path_factory.mktemp("model")
    rc = main(["train", "--data", str(data_csv), "-o", str(out), "--no-cv", "--quiet", "--version", "test.1"])
    assert rc == 0
    return out


@pytest.fixture()
def settings(model_dir) -> Settings:
    return Settings(model_dir=model_dir)


def test_training_writes_model_manifest_metrics_and_card(model_dir):
    files = {p.name for p in model_dir.iterdir()}
    assert {"risk_model.npz", "manifest.json", "metrics.json", "MODEL_CARD.md"} <= files
    manifest = json.loads((model_dir / "manifest.json").read_text())
    data = (model_dir / "risk_model.npz").read_bytes()
    assert manifest["files"]["risk_model.npz"]["sha256"] == store.sha256_bytes(data)
    assert manifest["version"] == "test.1" and len(manifest["training_data_sha256"]) == 64
    assert len(data) <= store.MAX_BYTES
    metrics = json.loads((model_dir / "metrics.json").read_text())
    assert set(metrics["final_model"]) == {"combined+meta", "combined", "structured+meta", "structured"}
    assert metrics["metadata_columns"] == ["has_company_logo"]
    assert "risk-model test.1" in (model_dir / "MODEL_CARD.md").read_text()


def test_training_is_deterministic(tmp_path, data_csv, model_dir):
    rc = main(["train", "--data", str(data_csv), "-o", str(tmp_path), "--no-cv", "--quiet", "--version", "test.1"])
    assert rc == 0
    first, second = store.load(model_dir), store.load(tmp_path)
    for name, head in first.heads.items():
        assert np.array_equal(head.coef, second.heads[name].coef)
        assert head.thresholds == second.heads[name].thresholds
    assert (tmp_path / store.MODEL_FILE).read_bytes() == (model_dir / store.MODEL_FILE).read_bytes()


def test_round_trip_scores_with_the_model(settings):
    fraud = assess(FRAUD_AD, settings=settings)
    ordinary = assess(ORDINARY_AD, settings=settings)
    for a in (fraud, ordinary):
        assert a.risk.model.startswith("risk-model test.1")
        assert a.risk.calibrated is True
        assert 0.0 <= a.risk.score <= 1.0
        assert a.risk.band in ("low", "medium", "high", "insufficient")
        assert not any("no trained model" in w for w in a.warnings)
    assert fraud.risk.score > ordinary.risk.score


@pytest.mark.parametrize("text", [FRAUD_AD, ORDINARY_AD, FRAUD[0] + " " + ORDINARY[2]])
def test_contributions_add_up_to_the_logit(settings, text):
    a = assess(text, settings=settings)
    risk = a.risk
    total = risk.base_logit + sum(c["value"] for c in risk.contributions)
    assert total == pytest.approx(risk.logit, abs=1e-4)
    assert risk.score == pytest.approx(1 / (1 + math.exp(-risk.logit)), abs=1e-4)
    # "sign": the part of a sign's tier floor (data/risk_bands.toml) the learned weight did not reach
    assert {c["kind"] for c in risk.contributions} <= {"indicator", "fact", "text", "metadata", "sign"}
    values = [abs(c["value"]) for c in risk.contributions]
    assert values == sorted(values, reverse=True)
    by_feature = {c["feature"]: c["value"] for c in risk.contributions}
    for hit in a.indicators:
        assert hit.contribution is not None
        same_family = sum(h.family == hit.family for h in a.indicators)
        expected = (
            by_feature.get(f"indicator:{hit.id}", 0.0)
            + by_feature.get(f"family:{hit.family}", 0.0) / same_family
            + by_feature.get(f"sign:{hit.id}", 0.0)
        )
        assert hit.contribution == pytest.approx(expected, abs=1e-3)
        if hit.severity == "severe":
            assert hit.contribution > 0


def test_other_languages_get_no_text_features(settings):
    a = assess(FRAUD_AD, language="de", settings=settings)
    assert "(structured)" in a.risk.model
    assert not any(c["kind"] == "text" for c in a.risk.contributions)
    english = assess(FRAUD_AD, settings=settings)
    assert "(combined)" in english.risk.model
    assert any(c["kind"] == "text" for c in english.risk.contributions)


def test_metadata_selects_the_metadata_head(settings):
    a = assess(FRAUD_AD, metadata={"has_company_logo": 0}, settings=settings)
    assert "(combined+meta)" in a.risk.model
    assert any(c["kind"] == "metadata" for c in a.risk.contributions)


def test_prevalence_moves_the_score_not_the_band(model_dir):
    low = assess(FRAUD_AD, settings=Settings(model_dir=model_dir, deployment_prevalence=0.01))
    high = assess(FRAUD_AD, settings=Settings(model_dir=model_dir, deployment_prevalence=0.5))
    assert low.risk.logit < high.risk.logit
    assert low.risk.logit - low.risk.base_logit == pytest.approx(high.risk.logit - high.risk.base_logit, abs=1e-4)
    assert low.risk.band == high.risk.band


def test_model_is_loaded_once_per_directory(settings):
    assert get_model(settings) is get_model(settings)


def test_missing_model_falls_back_to_rules(tmp_path):
    a = assess(FRAUD_AD, settings=Settings(model_dir=tmp_path))
    assert a.risk.model.startswith("rules")
    assert any("no trained model" in w for w in a.warnings)


def _copy(model_dir: Path, dest: Path) -> Path:
    shutil.copytree(model_dir, dest)
    clear_cache()
    return dest


def test_tampered_model_file_is_refused(tmp_path, model_dir):
    bad = _copy(model_dir, tmp_path / "bad")
    data = bytearray((bad / "risk_model.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad / "risk_model.npz").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="manifest"):
        get_model(Settings(model_dir=bad))
    assert main(["evaluate", "--data", str(tmp_path / "x.csv"), "--model", str(bad)]) == 12


def test_missing_manifest_is_refused(tmp_path, model_dir):
    bad = _copy(model_dir, tmp_path / "nomanifest")
    (bad / "manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest"):
        get_model(Settings(model_dir=bad))


def test_pickled_objects_are_refused_even_with_a_matching_manifest(tmp_path, model_dir):
    import io

    bad = _copy(model_dir, tmp_path / "untrusted")
    with np.load(bad / "risk_model.npz", allow_pickle=False) as npz:
        members = {name: npz[name] for name in npz.files}
    members["head0.mean"] = np.array([{"not": "an array of numbers"}], dtype=object)
    buffer = io.BytesIO()
    np.savez(buffer, **members)  # an object array can only be stored pickled
    data = buffer.getvalue()
    (bad / "risk_model.npz").write_bytes(data)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["files"]["risk_model.npz"]["sha256"] = store.sha256_bytes(data)
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="allow_pickle"):
        get_model(Settings(model_dir=bad))


def test_an_old_skops_model_is_refused_with_a_hint(tmp_path, model_dir):
    old = _copy(model_dir, tmp_path / "old")
    (old / "risk_model.npz").rename(old / "risk_model.skops")
    with pytest.raises(ModelError, match="old risk_model.skops format"):
        get_model(Settings(model_dir=old))


def test_evaluate_json_and_predictions(tmp_path, data_csv, model_dir, capsys):
    out = tmp_path / "pred.csv"
    rc = main(
        ["evaluate", "--data", str(data_csv), "--model", str(model_dir), "--json", "--quiet", "--predictions", str(out)]
    )
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    m = result["metrics"]
    assert m["n"] == 60 and m["positives"] == 30
    for key in ("roc_auc", "pr_auc", "brier", "ece"):
        assert 0.0 <= m[key] <= 1.0
    for band in ("medium_or_high", "high"):
        assert {"precision", "recall", "f1", "precision_at_deployment_prevalence"} <= set(m[band])
    assert m["roc_auc"] > 0.9  # in-sample, clear cues: a sanity check, not a measure
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["job_id", "label", "risk_score", "risk_band"]
    assert [r["job_id"] for r in rows] == [f"ad{i}" for i in range(60)]
    assert all(0.0 <= float(r["risk_score"]) <= 1.0 and r["risk_band"] in ("low", "medium", "high") for r in rows)
    assert {r["label"] for r in rows} == {"0", "1"}


def test_cross_validation_protocol_on_the_fixture(data_csv, capsys):
    rc = main(
        [
            "evaluate",
            "--data",
            str(data_csv),
            "--cv",
            "--cv-folds",
            "2",
            "--cv-repeats",
            "1",
            "--json",
            "--quiet",
            "--bootstrap",
            "50",
        ]
    )
    assert rc == 0
    cv = json.loads(capsys.readouterr().out)
    heads = cv["heads"]
    assert {"combined", "structured", "text", "shipped", "shipped+meta", "baseline_tfidf_logreg"} <= set(heads)
    for h in heads.values():
        assert 0.0 <= h["pr_auc"]["mean"] <= 1.0
        lo, hi = h["ci95"]["pr_auc"]
        assert lo <= hi
    assert cv["protocol"]["folds"] == 2 and cv["data"]["rows"] == 60
    assert "difference" in cv["shipped_vs_baseline_pr_auc"]


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{**r, "fraudulent": 0} for r in fixture_rows()], "only one class"),
        (fixture_rows(n=6), "too few"),
        ([{k: v for k, v in r.items() if k != "fraudulent"} for r in fixture_rows()], "label column"),
    ],
)
def test_training_refuses_unusable_labels(tmp_path, capsys, rows, message):
    path = write_csv(tmp_path / "bad.csv", rows)
    rc = main(["train", "--data", str(path), "-o", str(tmp_path / "m"), "--no-cv", "--quiet"])
    assert rc == 13
    assert message in capsys.readouterr().err
    assert not (tmp_path / "m" / "risk_model.npz").exists()


def test_missing_text_columns_are_a_data_error(tmp_path, capsys):
    path = write_csv(tmp_path / "t.csv", [{"x": "a", "fraudulent": 1}])
    assert main(["train", "--data", str(path), "-o", str(tmp_path / "m"), "--quiet"]) == 13
    assert "--text-columns" in capsys.readouterr().err


def test_jsonl_and_parquet_read_like_csv(tmp_path, data_csv):
    import pandas as pd

    frame = pd.read_csv(data_csv)
    frame.to_json(tmp_path / "ads.jsonl", orient="records", lines=True, force_ascii=False)
    frame.to_parquet(tmp_path / "ads.parquet")
    base = read_table(data_csv)
    for name in ("ads.jsonl", "ads.parquet"):
        other = read_table(tmp_path / name)
        assert other.texts == base.texts
        assert other.labels.tolist() == base.labels.tolist()
        assert other.ids == base.ids
        assert other.metadata == base.metadata


def test_template_groups_keep_same_descriptions_together(tmp_path):
    rows = fixture_rows(n=10)
    rows[1]["description"] = rows[3]["description"] = "Same  text, SAME template."
    table = read_table(write_csv(tmp_path / "g.csv", rows))
    assert table.groups[1] == table.groups[3]
    assert len(set(table.groups.tolist())) == 19


def test_fast_tfidf_equals_the_vectoriser(settings):
    from validator.model.features import normalise_text

    model = get_model(settings)
    texts = [FRAUD_AD, ORDINARY_AD, "", "#PHONE_abc# 123 apple river apple", FRAUD[1] + " " + WORDS[0]]
    texts = [normalise_text(t) for t in texts]
    matrix = model.vectorizer.transform(texts).toarray()
    assert matrix.shape == (len(texts), len(model.terms()))
    for text, row in zip(texts, matrix, strict=True):
        cols, vals = model.tfidf_one(text)
        dense = np.zeros(len(model.terms()))
        dense[cols] = vals
        assert np.allclose(dense, row, rtol=0, atol=1e-12)


def test_the_model_leaves_out_what_stood_for_emscads_format():
    """data/model_features.toml: absence signs (and families of only them) and the listed facts are no
    model features, for a new model and for the shipped one; the engine still raises and reports them."""
    from validator.indicators import catalogue
    from validator.model.features import exclusions, model_names

    ex = exclusions()
    names = set(model_names())
    left_out = {f"indicator:{i.id}" for i in catalogue() if i.severity in ex["tiers"]}
    left_out |= {f"fact:{f}" for f in ex["facts"]}
    assert ex["tiers"] == {"absence"} and "log_word_count" in ex["facts"]
    assert left_out and not names & left_out
    assert "family:hidden_employer" not in names  # only absence signs
    assert {"family:vague_job", "indicator:ilo.recruitment_fee", "fact:email_free"} <= names
    shipped = get_model(Settings())
    if shipped is not None:
        for head in shipped.heads.values():
            assert not set(head.features) & left_out


def test_suggested_thresholds_keep_tied_logits_together():
    from validator.evaluation.false_alarms import lowest_threshold

    assert lowest_threshold([1.0] * 4 + [0.0] * 6, 0.05) == 1.01  # flagging the tie would be 40 %
    z = np.linspace(0, 9.9, 100)
    t = lowest_threshold(z, 0.05)
    assert np.mean(z >= t) <= 0.05 and np.mean(z >= t - 0.01) > 0.05


def test_trade_off_thresholds_flag_at_most_each_aim_of_every_language():
    """`validator evaluate-real --trade-off`: thresholds per aim from the real ads' logits, and the band
    shares they give (every language at or under the aim; a looser aim flags more)."""
    from validator.evaluation.false_alarms import Judged, real_ads_shares, suggest_thresholds

    judged = []
    for group, shift in (("en", 1.0), ("fr", 0.0)):
        for z in np.linspace(-3, 3, 200) + shift:
            j = Judged(language=group, language_status="ok", words=200, hits=[], features={}, text="", group=group)
            j.head, j.logits = "combined", {"combined": float(z)}
            judged.append(j)
    flagged = []
    for aim in ((0.05, 0.01), (0.20, 0.04)):
        thresholds = suggest_thresholds(judged, aim=aim)
        shares = real_ads_shares(judged, thresholds)
        assert all(r["medium_or_above"] <= aim[0] and r["high"] <= aim[1] for r in shares.values())
        assert shares["en"]["medium_or_above"] > aim[0] - 0.01  # the worst language binds
        flagged.append(shares["fr"]["medium_or_above"])
    assert flagged[1] > flagged[0]
