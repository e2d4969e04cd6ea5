"""Batch mode: score exports of job ads (CSV/TSV, JSONL, Parquet) at any size, link ads that share
contacts or templates, and write a ranked file, a links file and a self-contained HTML report.

`score_frame(pandas.DataFrame) -> pandas.DataFrame` is the pure scoring function the engines map over
chunks; it is imported lazily so that `validator --help` does not load pandas.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ScoreOptions", "score_frame"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from validator.batch import scoring

        return getattr(scoring, name)
    raise AttributeError(name)
