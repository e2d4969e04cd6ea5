"""Saving and loading a model directory without executing code (no pickle, no sklearn).

A model directory holds:

    risk_model.npz     the model: a numpy .npz archive of plain arrays, read with allow_pickle=False
    manifest.json      version, training-data sha256, and the sha256 and size of every file
    metrics.json       cross-validated metrics, thresholds and their precision/recall
    MODEL_CARD.md      intended use, data, metrics, limits

Members of risk_model.npz (all 1-d float64 unless noted):

    state              0-d unicode array: JSON with the format, version, prevalences, info, the heads'
                       names, feature names, calibration and thresholds, and the vectoriser's parameters
    terms              uint8: the vectoriser's vocabulary, UTF-8, one term per line, in column order
    idf                the vectoriser's idf weights (when it uses them)
    head<i>.mean, head<i>.coef, head<i>.text_coef (text heads only): head i of state["heads"]

Loading reads the bytes once, checks their size and their sha256 against the manifest, and only then
parses them: the archive must hold exactly the members the state announces, with the expected types
and shapes and finite values. A changed, damaged or unexpected file raises ModelError.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from validator.errors import ModelError
from validator.model.heads import Head
from validator.model.risk_model import RiskModel
from validator.model.vectoriser import TextVectoriser

MODEL_FILE = "risk_model.npz"
OLD_MODEL_FILE = "risk_model.skops"  # format 1, no longer read: a directory holding only it is refused
MANIFEST = "manifest.json"
METRICS = "metrics.json"
FORMAT = 2  # 1: risk_model.skops (skops); 2: risk_model.npz
MAX_BYTES = 5_000_000  # the model file
MAX_UNPACKED = 4 * MAX_BYTES  # all members once decompressed
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the same model gives the same bytes
STATE_KEYS = {"format", "version", "text_language", "train_prevalence", "deployment_prevalence", "info", "heads"}
STATE_KEYS |= {"vectoriser"}
VECTORISER_TYPES: dict[str, type | tuple[type, ...]] = {
    "lowercase": bool,
    "token_pattern": str,
    "ngram_range": list,
    "sublinear_tf": bool,
    "use_idf": bool,
    "norm": (str, type(None)),
    "terms": int,
}
VECTORISER_KEYS = set(VECTORISER_TYPES)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pack(model: RiskModel) -> bytes:
    """The model as .npz bytes (members as in the module docstring)."""
    arrays: dict[str, np.ndarray] = {}
    heads = []
    for i, head in enumerate(model.heads.values()):
        values, head_arrays = head.to_state()
        heads.append(values)
        arrays.update({f"head{i}.{k}": v for k, v in head_arrays.items()})
    vectoriser = None
    vec = model.vectorizer
    if vec is not None:
        if any("\n" in t for t in vec.terms):
            raise ModelError("a vocabulary term holds a line break")
        vectoriser = {**vec.params(), "terms": len(vec.terms)}
        arrays["terms"] = np.frombuffer("\n".join(vec.terms).encode("utf-8"), dtype=np.uint8)
        if vec.idf is not None:
            arrays["idf"] = np.asarray(vec.idf, dtype=np.float64)
    state = {
        "format": FORMAT,
        "version": model.version,
        "text_language": model.text_language,
        "train_prevalence": float(model.train_prevalence),
        "deployment_prevalence": float(model.deployment_prevalence),
        "info": model.info,
        "heads": heads,
        "vectoriser": vectoriser,
    }
    members = {"state": np.array(json.dumps(state, sort_keys=True)), **arrays}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in members.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as fh:
                np.lib.format.write_array(fh, np.asarray(array, order="C"), allow_pickle=False)
    return buffer.getvalue()


def save(model: RiskModel, directory: str | Path, *, extra_files: dict[str, str] | None = None) -> Path:
    """Write the model, the given text files (metrics.json, MODEL_CARD.md ...) and the manifest."""
    out = Path(directory)
    data = _pack(model)
    if len(data) > MAX_BYTES:
        raise ModelError(f"the model file would be {len(data)} bytes, over the {MAX_BYTES} limit")
    out.mkdir(parents=True, exist_ok=True)
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
    """The model in `directory`, after its integrity and format checks (ModelError when they fail)."""
    folder = Path(directory)
    path = folder / MODEL_FILE
    if not path.is_file():
        raise ModelError(f"no model file {MODEL_FILE} in {folder}")
    manifest = read_manifest(folder)
    if path.stat().st_size > MAX_BYTES:
        raise ModelError(f"{path} is over the {MAX_BYTES} bytes limit: refusing to load it")
    data = path.read_bytes()
    if len(data) > MAX_BYTES or sha256_bytes(data) != manifest["files"][MODEL_FILE]["sha256"]:
        raise ModelError(f"{path} does not match its manifest (changed or damaged): refusing to load it")
    try:
        return _unpack(data)
    except ModelError as exc:
        raise ModelError(f"{path}: {exc.message}") from exc
    except Exception as exc:  # noqa: BLE001 - any parse failure means an unusable file
        raise ModelError(f"{path} is not a readable model file ({type(exc).__name__}: {exc})") from exc


def _members(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of an .npz archive, refusing pickled objects and oversized or odd members."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    if len(set(names)) != len(names) or not all(n.endswith(".npy") and "/" not in n for n in names):
        raise ModelError("the archive holds members that are not arrays")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise ModelError(f"the archive unpacks to more than {MAX_UNPACKED} bytes")
    out = {}
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        for name in npz.files:
            try:
                out[name] = npz[name]
            except ValueError as exc:  # an object array (would need pickle) or a damaged header
                raise ModelError(f"member {name} is refused: {exc}") from exc
    return out


def _floats(arrays: dict[str, np.ndarray], name: str, size: int | None = None) -> np.ndarray:
    array = arrays.get(name)
    if array is None:
        raise ModelError(f"member {name} is missing")
    if array.dtype != np.float64 or array.ndim != 1 or (size is not None and array.shape[0] != size):
        raise ModelError(f"member {name} is not a float64 vector of the expected length")
    if not np.isfinite(array).all():
        raise ModelError(f"member {name} holds values that are not finite")
    return array


def _typed(values: dict[str, Any], types: dict[str, type | tuple[type, ...]]) -> bool:
    return all(isinstance(values[k], t) for k, t in types.items())


def _unpack(data: bytes) -> RiskModel:
    arrays = _members(data)
    raw_state = arrays.get("state")
    if raw_state is None or raw_state.dtype.kind != "U" or raw_state.ndim != 0:
        raise ModelError("the archive has no state text")
    state = json.loads(str(raw_state[()]))
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        found = state.get("format") if isinstance(state, dict) else None
        raise ModelError(f"model format {found!r}, expected {FORMAT}")
    if set(state) != STATE_KEYS:
        raise ModelError(f"unexpected state fields: {', '.join(sorted(set(state) ^ STATE_KEYS))}")
    expected = {"state"}
    vectoriser = None
    spec = state["vectoriser"]
    if spec is not None:
        if not isinstance(spec, dict) or set(spec) != VECTORISER_KEYS or not _typed(spec, VECTORISER_TYPES):
            raise ModelError("the vectoriser parameters are incomplete, unexpected or of the wrong type")
        terms_raw = arrays.get("terms")
        if terms_raw is None or terms_raw.dtype != np.uint8 or terms_raw.ndim != 1:
            raise ModelError("member terms is missing or not UTF-8 bytes")
        terms = terms_raw.tobytes().decode("utf-8").split("\n") if spec["terms"] else []
        if len(terms) != spec["terms"]:
            raise ModelError(f"{len(terms)} vocabulary terms, the state announces {spec['terms']}")
        expected.add("terms")
        idf = None
        if spec["use_idf"]:
            idf = _floats(arrays, "idf", len(terms))
            expected.add("idf")
        params = {k: v for k, v in spec.items() if k not in ("terms", "use_idf")}
        try:
            vectoriser = TextVectoriser(terms=terms, idf=idf, **params)
        except (TypeError, ValueError) as exc:
            raise ModelError(f"unusable vectoriser: {exc}") from exc
    heads: dict[str, Head] = {}
    if not isinstance(state["heads"], list) or not state["heads"]:
        raise ModelError("the model has no heads")
    for i, values in enumerate(state["heads"]):
        if not isinstance(values, dict):
            raise ModelError(f"head {i} is not a table")
        n = len(values.get("features") or [])
        head_arrays = {"mean": _floats(arrays, f"head{i}.mean", n), "coef": _floats(arrays, f"head{i}.coef", n)}
        expected |= {f"head{i}.mean", f"head{i}.coef"}
        if values.get("uses_text") is True:
            if vectoriser is None:
                raise ModelError(f"head {i} reads text but the model has no vectoriser")
            head_arrays["text_coef"] = _floats(arrays, f"head{i}.text_coef", len(vectoriser.terms))
            expected.add(f"head{i}.text_coef")
        try:
            head = Head.from_state(values, head_arrays)
        except (TypeError, ValueError) as exc:
            raise ModelError(f"unusable head {i}: {exc}") from exc
        if head.name in heads:
            raise ModelError(f"two heads are named {head.name}")
        heads[head.name] = head
    extra = set(arrays) - expected
    if extra:
        raise ModelError(f"unexpected members: {', '.join(sorted(extra))}")
    return RiskModel(
        version=str(state["version"]),
        heads=heads,
        vectorizer=vectoriser,
        text_language=str(state["text_language"]),
        train_prevalence=float(state["train_prevalence"]),
        deployment_prevalence=float(state["deployment_prevalence"]),
        info=dict(state["info"]),
    )
