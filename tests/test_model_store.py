"""The npz model file: round trip, deterministic bytes, and refusal of tampered or unexpected files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from validator.errors import ModelError
from validator.model import store
from validator.model.heads import Head
from validator.model.risk_model import RiskModel
from validator.model.vectoriser import TextVectoriser

TERMS = ["fee", "free", "free accommodation", "no experience", "passport", "salary", "ünïcode wörd"]


def small_model(version: str = "t.1") -> RiskModel:
    rng = np.random.default_rng(3)
    vec = TextVectoriser(terms=TERMS, idf=1 + rng.random(len(TERMS)), ngram_range=(1, 2), sublinear_tf=True)
    features = ["indicator:fees_or_debt", "family:deception", "fact:has_wage"]
    heads = {}
    for name, text in (("combined", True), ("structured", False)):
        heads[name] = Head(
            name=name,
            features=features,
            mean=rng.random(3),
            coef=rng.normal(size=3),
            intercept=-1.5,
            uses_text=text,
            text_coef=rng.normal(size=len(TERMS)) if text else None,
            text_mean=0.25 if text else 0.0,
            calib_a=0.9,
            calib_b=-0.1,
            thresholds={"medium": -2.0, "high": 0.5},
            C=0.3,
            struct_weight=0.4,
        )
    return RiskModel(
        version=version,
        heads=heads,
        vectorizer=vec,
        text_language="en",
        train_prevalence=0.2,
        deployment_prevalence=0.048,
        info={"training_data_sha256": "0" * 64, "rows": 60, "metadata_columns": []},
    )


@pytest.fixture()
def saved(tmp_path) -> Path:
    store.save(small_model(), tmp_path / "m", extra_files={"metrics.json": "{}\n"})
    return tmp_path / "m"


def members(folder: Path) -> dict[str, np.ndarray]:
    with np.load(folder / store.MODEL_FILE, allow_pickle=False) as npz:
        return {name: npz[name] for name in npz.files}


def write_signed(folder: Path, data: bytes) -> None:
    """Replace the model file and give the manifest its new sha256: only the format checks remain."""
    (folder / store.MODEL_FILE).write_bytes(data)
    manifest = json.loads((folder / store.MANIFEST).read_text())
    manifest["files"][store.MODEL_FILE] = {"sha256": store.sha256_bytes(data), "bytes": len(data)}
    (folder / store.MANIFEST).write_text(json.dumps(manifest))


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_round_trip_keeps_every_value(saved):
    model, back = small_model(), store.load(saved)
    assert (back.version, back.text_language, back.info) == (model.version, model.text_language, model.info)
    assert (back.train_prevalence, back.deployment_prevalence) == (model.train_prevalence, model.deployment_prevalence)
    assert list(back.heads) == list(model.heads)
    for name, head in model.heads.items():
        other = back.heads[name]
        for attr in ("features", "intercept", "uses_text", "text_mean", "calib_a", "calib_b", "thresholds", "C"):
            assert getattr(other, attr) == getattr(head, attr)
        assert np.array_equal(other.mean, head.mean) and np.array_equal(other.coef, head.coef)
        assert (other.text_coef is None) == (head.text_coef is None)
        if head.text_coef is not None:
            assert np.array_equal(other.text_coef, head.text_coef)
    assert back.terms() == TERMS
    assert back.vectorizer.params() == model.vectorizer.params()
    assert np.array_equal(back.vectorizer.idf, model.vectorizer.idf)
    text = "Free accommodation, no experience: pay the fee. Ünïcode wörd!"
    for got, want in zip(back.tfidf_one(text), model.tfidf_one(text), strict=True):
        assert np.array_equal(got, want)
    features = [{"indicator:fees_or_debt": 1.0, "fact:has_wage": 0.0}] * 2
    assert back.predict(features, [text, ""], ["en", "de"]) == model.predict(features, [text, ""], ["en", "de"])


def test_the_file_holds_arrays_and_json_only(saved):
    with zipfile.ZipFile(saved / store.MODEL_FILE) as archive:
        names = archive.namelist()
    assert all(n.endswith(".npy") for n in names)
    arrays = members(saved)
    assert all(a.dtype != object for a in arrays.values())
    state = json.loads(str(arrays["state"][()]))
    assert state["format"] == store.FORMAT and [h["name"] for h in state["heads"]] == ["combined", "structured"]
    manifest = json.loads((saved / store.MANIFEST).read_text())
    assert manifest["format"] == store.FORMAT
    assert set(manifest["files"]) == {store.MODEL_FILE, "metrics.json"}


def test_saving_twice_gives_the_same_bytes(saved, tmp_path):
    store.save(small_model(), tmp_path / "again")
    assert (tmp_path / "again" / store.MODEL_FILE).read_bytes() == (saved / store.MODEL_FILE).read_bytes()


def test_a_model_without_vectoriser_round_trips(tmp_path):
    model = small_model()
    model.heads.pop("combined")
    model.vectorizer = None
    store.save(model, tmp_path)
    back = store.load(tmp_path)
    assert back.vectorizer is None and list(back.heads) == ["structured"]
    assert "terms" not in members(tmp_path)


def test_a_changed_byte_is_refused_before_parsing(saved):
    data = bytearray((saved / store.MODEL_FILE).read_bytes())
    data[len(data) // 3] ^= 0x01
    (saved / store.MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its manifest"):
        store.load(saved)


def test_a_changed_manifest_entry_is_refused(saved):
    manifest = json.loads((saved / store.MANIFEST).read_text())
    manifest["files"][store.MODEL_FILE]["sha256"] = "0" * 64
    (saved / store.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="does not match its manifest"):
        store.load(saved)
    manifest["files"] = {}
    (saved / store.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="unreadable"):
        store.load(saved)


def test_an_oversized_file_is_refused(saved, monkeypatch):
    monkeypatch.setattr(store, "MAX_BYTES", 1000)
    with pytest.raises(ModelError, match="limit"):
        store.load(saved)
    with pytest.raises(ModelError, match="limit"):
        store.save(small_model(), saved.parent / "big")


def test_an_object_array_is_refused_even_with_a_matching_manifest(saved):
    arrays = members(saved)
    arrays["head0.coef"] = np.array([print, 1.0, 2.0], dtype=object)
    write_signed(saved, npz_bytes(arrays))
    with pytest.raises(ModelError, match="allow_pickle"):
        store.load(saved)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda a: a.update({"extra": np.zeros(3)}), "unexpected members: extra"),
        (lambda a: a.pop("head1.coef"), "head1.coef is missing"),
        (lambda a: a.pop("idf"), "idf is missing"),
        (lambda a: a.pop("state"), "no state"),
        (lambda a: a.update({"head0.coef": np.array([1.0, np.nan, 0.0])}), "not finite"),
        (lambda a: a.update({"head0.coef": np.zeros(3, dtype=np.float32)}), "float64"),
        (lambda a: a.update({"head0.text_coef": np.zeros(2)}), "expected length"),
        (lambda a: a.update({"terms": np.frombuffer(b"fee\nfree", dtype=np.uint8)}), "vocabulary terms"),
        (lambda a: a.update({"terms": np.array(["fee"])}), "UTF-8"),
        (lambda a: a.update({"state": np.array("{not json")}), "JSONDecodeError"),
    ],
)
def test_unexpected_content_is_refused_even_with_a_matching_manifest(saved, change, message):
    arrays = members(saved)
    change(arrays)
    write_signed(saved, npz_bytes(arrays))
    with pytest.raises(ModelError, match=message):
        store.load(saved)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda s: s.update({"format": 1}), "format 1"),
        (lambda s: s.update({"pickle": True}), "unexpected state fields: pickle"),
        (lambda s: s["vectoriser"].update({"lowercase": "yes"}), "wrong type"),
        (lambda s: s["vectoriser"].update({"norm": "l1"}), "norm"),
        (lambda s: s["heads"][0].update({"run": "code"}), "unusable head 0"),
        (lambda s: s["heads"][0].update({"features": ["a"]}), "expected length"),
        (lambda s: s["heads"][1].update({"name": "combined"}), "two heads"),
        (lambda s: s["heads"][1].update({"thresholds": {}}), "thresholds"),
    ],
)
def test_an_inconsistent_state_is_refused(saved, change, message):
    arrays = members(saved)
    state = json.loads(str(arrays["state"][()]))
    change(state)
    arrays["state"] = np.array(json.dumps(state))
    write_signed(saved, npz_bytes(arrays))
    with pytest.raises(ModelError, match=message):
        store.load(saved)


def test_a_file_that_is_not_an_npz_archive_is_refused(saved):
    write_signed(saved, b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError, match="not a readable model file"):
        store.load(saved)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("state.npy", b"x")
        archive.writestr("script.py", b"print('hi')")
    write_signed(saved, buffer.getvalue())
    with pytest.raises(ModelError, match="not arrays"):
        store.load(saved)


def test_a_decompression_bomb_is_refused(saved, monkeypatch):
    monkeypatch.setattr(store, "MAX_UNPACKED", 1000)
    with pytest.raises(ModelError, match="unpacks to more than"):
        store.load(saved)


def test_a_term_with_a_line_break_cannot_be_saved(tmp_path):
    model = small_model()
    model.vectorizer = TextVectoriser(terms=["a\nb", "cd"], idf=np.ones(2))
    model.heads["combined"].text_coef = np.zeros(2)
    with pytest.raises(ModelError, match="line break"):
        store.save(model, tmp_path)
