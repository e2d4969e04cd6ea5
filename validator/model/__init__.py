"""The trained risk model: `get_model(settings)` gives the engine the model to score with, or None.

The model directory is `settings.model_dir` (environment: VALIDATOR_MODEL_DIR), else the shipped
`models/` directory at the repository root. An installed (non-editable) package does not carry that
directory: point VALIDATOR_MODEL_DIR at a copy of `models/`. No model file there: None (the engine
falls back to the rule score with a warning). A model file that fails its manifest or format checks
raises ModelError, and so does a directory holding only an old-format `risk_model.skops`. Each
directory is loaded once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from validator.errors import ModelError, UsageError
from validator.settings import Settings

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "models"


def model_dir(settings: Settings) -> Path:
    return Path(settings.model_dir) if settings.model_dir else SHIPPED_DIR


@cache
def _load(directory: str):
    from validator.model.store import MODEL_FILE, OLD_MODEL_FILE, load

    if not (Path(directory) / MODEL_FILE).is_file():
        if (Path(directory) / OLD_MODEL_FILE).is_file():
            raise ModelError(
                f"{directory} holds a model in the old {OLD_MODEL_FILE} format, which is no longer read: "
                f"retrain it with `validator train` (it writes {MODEL_FILE})"
            )
        return None
    return load(directory)


@cache
def _at_prevalence(directory: str, prevalence: float | None):
    if prevalence is not None and not 0.0 < prevalence < 1.0:
        raise UsageError(f"the deployment prevalence must be between 0 and 1 (got {prevalence})")
    model = _load(directory)
    return None if model is None else model.with_prevalence(prevalence)


def get_model(settings: Settings):
    """The process-wide model for these settings (at their deployment prevalence), or None."""
    return _for_settings(settings.model_dir, settings.deployment_prevalence)


@cache
def _for_settings(directory: Path | None, prevalence: float | None):
    # resolving the path touches the file system: once per setting, not once per ad
    return _at_prevalence(str(model_dir(Settings(model_dir=directory)).resolve()), prevalence)


def clear_cache() -> None:
    """Forget loaded models (tests, or after retraining in the same process)."""
    _for_settings.cache_clear()
    _at_prevalence.cache_clear()
    _load.cache_clear()
