"""The risk model over the shared EMSCAD sample (skipped when the sample is absent)."""

from __future__ import annotations

import csv
import json

import pytest

from validator.cli import main
from validator.model import SHIPPED_DIR, store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shipped() -> None:
    if not (SHIPPED_DIR / store.MODEL_FILE).exists():
        pytest.fail(f"no shipped model in {SHIPPED_DIR}: run `validator train` (see models/MODEL_CARD.md)")


def test_shipped_model_is_small_and_matches_its_manifest(shipped):
    model = store.load(SHIPPED_DIR)
    assert (SHIPPED_DIR / store.MODEL_FILE).stat().st_size <= store.MAX_BYTES
    assert {"combined", "structured"} <= set(model.heads)
    metrics = json.loads((SHIPPED_DIR / "metrics.json").read_text())
    cv = metrics["cross_validation"]["heads"]
    assert cv["shipped"]["pr_auc"]["mean"] > cv["baseline_tfidf_logreg"]["pr_auc"]["mean"]


def test_evaluate_shipped_model_on_the_sample(shipped, emscad_csv, tmp_path, capsys):
    out = tmp_path / "pred.csv"
    rc = main(["evaluate", "--data", str(emscad_csv), "--json", "--quiet", "--predictions", str(out)])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    m = result["metrics"]
    assert m["n"] == 824 and m["positives"] == 183
    assert m["pr_auc"] > 0.8  # the model saw these ads: a sanity check; cross-validated figures are in metrics.json
    assert sum(result["heads_used"].values()) == 824
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 824 and list(rows[0]) == ["job_id", "label", "risk_score", "risk_band"]


def test_cross_validation_on_part_of_the_sample(emscad_csv, tmp_path, capsys):
    import pandas as pd

    frame = pd.read_csv(emscad_csv, dtype=str, keep_default_na=False)
    part = pd.concat([frame[frame.fraudulent == "1"].head(60), frame[frame.fraudulent == "0"].head(140)])
    path = tmp_path / "part.csv"
    part.to_csv(path, index=False)
    rc = main(
        [
            "evaluate",
            "--data",
            str(path),
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
    assert cv["data"]["rows"] == 200
    assert cv["heads"]["shipped"]["roc_auc"]["mean"] > 0.7
