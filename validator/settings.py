"""Run-time settings, read from the environment once (prefix `VALIDATOR_`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip().isdigit() else default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ[name])
    except (KeyError, ValueError):
        return default


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    max_text_bytes: int = 1_000_000  # text over this is refused (default 1 MB)
    fetch_max_bytes: int = 5_000_000  # fetched page size cap (default 5 MB)
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 10.0
    fetch_total_timeout: float | None = None  # None: connect + 2 x read
    fetch_allow_private: bool = False  # only for tests serving pages from 127.0.0.1
    model_dir: Path | None = None  # None: the shipped model under models/
    deployment_prevalence: float | None = None  # None: the model's documented default
    default_language: str = "en"

    @classmethod
    def from_env(cls) -> Settings:
        model_dir = os.environ.get("VALIDATOR_MODEL_DIR")
        prevalence = os.environ.get("VALIDATOR_PREVALENCE")
        return cls(
            max_text_bytes=_env_int("VALIDATOR_MAX_TEXT_BYTES", cls.max_text_bytes),
            fetch_max_bytes=_env_int("VALIDATOR_FETCH_MAX_BYTES", cls.fetch_max_bytes),
            fetch_connect_timeout=_env_float("VALIDATOR_FETCH_CONNECT_TIMEOUT", cls.fetch_connect_timeout),
            fetch_read_timeout=_env_float("VALIDATOR_FETCH_READ_TIMEOUT", cls.fetch_read_timeout),
            fetch_total_timeout=_env_float("VALIDATOR_FETCH_TOTAL_TIMEOUT", 0.0) or None,
            fetch_allow_private=_env_bool("VALIDATOR_FETCH_ALLOW_PRIVATE"),
            model_dir=Path(model_dir) if model_dir else None,
            deployment_prevalence=float(prevalence) if prevalence else None,
        )

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
