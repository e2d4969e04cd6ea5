"""Saving and loading a model directory without executing code.

A model directory holds:

    risk_model.skops   the model (skops format: no pickle; only the reviewed types below are loaded)
    manifest.json      version, training-data sha256, and the sha256 and size of every file
    metrics.json       cross-validated metrics, thresholds and their precision/recall
    MODEL_CARD.md      intended use, data, metrics, limits

Loading reads the bytes once, checks them against the manifest's sha256, refuses any type outside
TRUSTED_TYPES, and only then builds the objects: a changed or unexpected file raises ModelError.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from validator.errors import ModelError
from validator.model.heads import Head
from validator.model.risk_model import RiskModel

MODEL_FILE = "risk_model.skops"
MANIFEST = "manifest.json"
METRICS = "metrics.json"
FORMAT = 1
MAX_BYTES = 5_000_000

# every type beyond skops' defaults a risk-model file may hold, reviewed: plain numbers and arrays
# (the TF-IDF vectoriser is stored as its parameters, terms and idf weights, and rebuilt on load)
TRUSTED_TYPES = frozenset({"numpy.dtype", "numpy.float64", "numpy.int64", "numpy.ndarray", "builtins.tuple"})
# vectoriser parameters kept (plain values only); the vocabulary is fixed, so frequency cut-offs do not apply
VECTORIZER_PARAMS = ("lowercase", "ngram_range", "token_pattern", "analyzer", "norm", "use_idf")
VECTORIZER_PARAMS += ("smooth_idf", "sublinear_tf", "strip_accents", "binary")


def _vectorizer_state(vec) -> dict[str, Any] | None:
    if vec is None:
        return None
    params = vec.get_params()
    terms = vec.get_feature_names_out().tolist()
    if any("\n" in t for t in terms):
        raise ModelError("a vocabulary term holds a line break")
    return {
        "params": json.dumps({k: params[k] for k in VECTORIZER_PARAMS}),
        "terms": "\n".join(terms),
        "idf": np.asarray(vec.idf_, dtype=float),
    }


def _vectorizer_from_state(state: dict[str, Any] | None):
    if state is None:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer

    params = json.loads(state["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    terms = state["terms"].split("\n")
    vec = TfidfVectorizer(**params, vocabulary={t: i for i, t in enumerate(terms)})
    vec.idf_ = np.asarray(state["idf"], dtype=float)
    return vec


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def save(model: RiskModel, directory: str | Path, *, extra_files: dict[str, str] | None = None) -> Path:
    """Write the model, the given text files (metrics.json, MODEL_CARD.md ...) and the manifest."""
    import skops.io as sio

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = {
        "format": FORMAT,
        "version": model.version,
        "text_language": model.text_language,
        "train_prevalence": float(model.train_prevalence),
        "deployment_prevalence": float(model.deployment_prevalence),
        "info": json.dumps(model.info, sort_keys=True),
        "heads": {name: head.to_state() for name, head in model.heads.items()},
        "vectorizer": _vectorizer_state(model.vectorizer),
    }
    data = sio.dumps(state)
    if len(data) > MAX_BYTES:
        raise ModelError(f"the model file would be {len(data)} bytes, over the {MAX_BYTES} limit")
    (out / MODEL_FILE).write_bytes(data)
    files = {MODEL_FILE: data}
    for name, text in (extra_files or {}).items():
        raw = text.encode("utf-8")
        (out / name).write_bytes(raw)
        files[name] = raw
    manifest = {
        "model": "risk-model",
        "version": model.version,
        "format": FORMAT,
        "training_data_sha256": model.info.get("training_data_sha256"),
        "files": {name: {"sha256": sha256_bytes(raw), "bytes": len(raw)} for name, raw in sorted(files.items())},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return out / MODEL_FILE


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST
    if not path.is_file():
        raise ModelError(f"the model in {directory} has no {MANIFEST}: refusing to load it")
    try:
        manifest = json.loads(path.read_text("utf-8"))
        expected = manifest["files"][MODEL_FILE]["sha256"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the model manifest in {directory} is unreadable") from exc
    if not isinstance(expected, str):
        raise ModelError(f"the model manifest in {directory} is unreadable")
    return manifest


def load(directory: str | Path) -> RiskModel:
    """The model in `directory`, after its integrity and type checks (ModelError when they fail)."""
    import skops.io as sio

    folder = Path(directory)
    path = folder / MODEL_FILE
    if not path.is_file():
        raise ModelError(f"no model file {MODEL_FILE} in {folder}")
    manifest = read_manifest(folder)
    data = path.read_bytes()
    if len(data) > MAX_BYTES or sha256_bytes(data) != manifest["files"][MODEL_FILE]["sha256"]:
        raise ModelError(f"{path} does not match its manifest (changed or damaged): refusing to load it")
    try:
        untrusted = set(sio.get_untrusted_types(data=data))
    except Exception as exc:  # noqa: BLE001 - any parse failure means an unusable file
        raise ModelError(f"{path} is not a readable skops file") from exc
    unexpected = untrusted - TRUSTED_TYPES
    if unexpected:
        raise ModelError(f"{path} holds types that are not on the trusted list: {', '.join(sorted(unexpected))}")
    try:
        state = sio.loads(data, trusted=sorted(untrusted))
        if state.get("format") != FORMAT:
            raise ModelError(f"{path} has model format {state.get('format')!r}, expected {FORMAT}")
        return RiskModel(
            version=str(state["version"]),
            heads={name: Head.from_state(h) for name, h in state["heads"].items()},
            vectorizer=_vectorizer_from_state(state["vectorizer"]),
            text_language=str(state["text_language"]),
            train_prevalence=float(state["train_prevalence"]),
            deployment_prevalence=float(state["deployment_prevalence"]),
            info=json.loads(state["info"]),
        )
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ModelError(f"{path} could not be loaded: {type(exc).__name__}") from exc
