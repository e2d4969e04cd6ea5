"""Run the engine (without a model) over many ads to get what the model reads from each."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.errors import DataError, ValidatorError
from validator.model.features import structured_features


@dataclass
class Analysed:
    """What the model needs from one ad: its language, its text and its structured features."""

    language: str
    text: str
    features: dict[str, float]


def analyse(text: str, metadata: Mapping[str, Any] | None = None, settings=None) -> Analysed:
    """The engine's facts and indicators of one ad as model inputs: the same flow as `assess`, with
    the model switched off (a model directory that cannot hold a model)."""
    from validator.engine import assess_input, default_settings
    from validator.ingest import load

    settings = (settings or default_settings()).with_(model_dir=Path(os.devnull))
    a = assess_input(load(text, settings=settings), metadata=dict(metadata or {}), settings=settings)
    return Analysed(a.language, a.text, structured_features(a.facts, a.indicators, metadata))


def analyse_all(
    texts: list[str], metadata: Iterable[Mapping[str, Any]] | None = None, *, progress: bool = False
) -> list[Analysed]:
    metas = list(metadata) if metadata is not None else [{}] * len(texts)
    items = zip(texts, metas, strict=True)
    if progress:
        from tqdm import tqdm

        items = tqdm(items, total=len(texts), desc="analysing ads", unit="ad", leave=False)
    out = []
    for i, (text, meta) in enumerate(items):
        try:
            out.append(analyse(text, meta))
        except ValidatorError as exc:
            raise DataError(f"ad {i + 1} of the file cannot be assessed: {exc.message}") from exc
    return out
