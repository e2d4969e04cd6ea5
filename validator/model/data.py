"""Labelled data for training and evaluation: reading CSV/JSONL/Parquet, the ad text, the template
groups, and the engine's analysis of every row.

Expected columns (names configurable on the command line):

    label column  (--label-column, default `fraudulent`)   1/0, true/false, yes/no
    id column     (--id-column, default `job_id`)          optional; the row number when absent
    text columns  (--text-columns, default title company_profile description requirements benefits)
                  joined with blank lines into the ad's text; missing columns are skipped, at least
                  one must be present (a single `text` column works too)
    metadata      (--metadata-columns, default has_company_logo has_questions telecommuting)
                  optional 0/1 columns of an export, used only when present in the file
    group column  (--group-column, default `description`, else the whole text): ads whose
                  normalised value is equal are one template and stay on one side of every split
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from validator.errors import DataError
from validator.model.features import meta_value

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_LABEL = "fraudulent"
DEFAULT_ID = "job_id"
DEFAULT_TEXT_COLUMNS = ("title", "company_profile", "description", "requirements", "benefits")
DEFAULT_META_COLUMNS = ("has_company_logo", "has_questions", "telecommuting")
DEFAULT_GROUP = "description"
MIN_PER_CLASS = 10  # training refuses data with fewer labelled ads of either class
MIN_ROWS = 40


@dataclass
class Table:
    """One labelled data file, read and checked."""

    ids: list[str]
    texts: list[str]
    labels: np.ndarray | None  # int 0/1, None when the file has no label column
    groups: np.ndarray  # int template group per row
    metadata: list[dict[str, float]]
    meta_columns: list[str]
    id_column: str
    sha256: str
    warnings: list[str] = field(default_factory=list)


def read_frame(path: str | Path) -> pd.DataFrame:
    """A CSV, JSONL (or JSON lines) or Parquet file as a DataFrame of strings/numbers."""
    import pandas as pd  # here: `validator check` registers the train/evaluate options without pandas

    p = Path(path)
    if not p.is_file():
        raise DataError(f"no such data file: {path}")
    suffix = "".join(p.suffixes[-2:]).lower()
    try:
        if suffix.endswith(".parquet") or suffix.endswith(".pq"):
            return pd.read_parquet(p)
        if suffix.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".json")):
            return pd.read_json(p, lines=True, dtype=False)
        if suffix.endswith((".csv", ".csv.gz", ".tsv")):
            return pd.read_csv(p, sep="\t" if suffix.endswith(".tsv") else ",", dtype=str, keep_default_na=False)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {p.name}: {str(exc).splitlines()[0][:200]}") from exc
    raise DataError(f"unknown data format for {p.name}: use .csv, .tsv, .jsonl or .parquet")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_label(value: Any) -> int | None:
    number = meta_value(value)
    if number is None or number not in (0.0, 1.0):
        return None
    return int(number)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def compose_text(row: dict[str, Any], columns: list[str]) -> str:
    """The ad's text: the non-empty text columns joined by blank lines, in the order given."""
    return "\n\n".join(part for c in columns if (part := _cell(row.get(c))))


_GROUP_NORM = re.compile(r"#(?:PHONE|EMAIL|URL)_[^#\s]*#|[^\w]+")


def group_key(text: str) -> str:
    return _GROUP_NORM.sub(" ", text.lower()).strip()


def read_table(
    path: str | Path,
    *,
    label_column: str | None = DEFAULT_LABEL,
    id_column: str = DEFAULT_ID,
    text_columns: list[str] | tuple[str, ...] = DEFAULT_TEXT_COLUMNS,
    meta_columns: list[str] | tuple[str, ...] = DEFAULT_META_COLUMNS,
    group_column: str | None = DEFAULT_GROUP,
    require_labels: bool = True,
) -> Table:
    """Read and check a labelled file; rows without a usable label are dropped with a warning."""
    frame = read_frame(path)
    warnings: list[str] = []
    columns = set(frame.columns)
    present_text = [c for c in text_columns if c in columns]
    if not present_text:
        raise DataError(
            f"none of the text columns {', '.join(text_columns)} is in the file "
            f"(columns: {', '.join(map(str, frame.columns[:20]))}); choose them with --text-columns"
        )
    if label_column and label_column not in columns:
        if require_labels:
            raise DataError(f"the label column '{label_column}' is not in the file (use --label-column)")
        label_column = None
    rows = frame.to_dict("records")
    labels: list[int | None] = [parse_label(r.get(label_column)) for r in rows] if label_column else []
    if label_column:
        bad = sum(v is None for v in labels)
        if bad:
            warnings.append(f"{bad} rows without a 0/1 label in '{label_column}' were left out")
    texts = [compose_text(r, present_text) for r in rows]
    keep = [i for i, t in enumerate(texts) if t and (not label_column or labels[i] is not None)]
    if len(keep) < len(rows) and (empty := sum(not t for t in texts)):
        warnings.append(f"{empty} rows with no text were left out")
    if not keep:
        raise DataError("the file holds no row with text (and a label)")
    ids = [_cell(rows[i].get(id_column)) if id_column in columns else str(i) for i in keep]
    present_meta = [c for c in meta_columns if c in columns]
    metadata = []
    for i in keep:
        values = {c: meta_value(rows[i].get(c)) for c in present_meta}
        metadata.append({c: v for c, v in values.items() if v is not None})
    gcol = group_column if group_column in columns else None
    keys = [group_key(_cell(rows[i].get(gcol)) or texts[i]) if gcol else group_key(texts[i]) for i in keep]
    _, groups = np.unique(np.array(keys, dtype=object), return_inverse=True)
    return Table(
        ids=ids,
        texts=[texts[i] for i in keep],
        labels=np.array([labels[i] for i in keep], dtype=int) if label_column else None,
        groups=groups.astype(int),
        metadata=metadata,
        meta_columns=present_meta,
        id_column=id_column,
        sha256=file_sha256(path),
        warnings=warnings,
    )


def check_trainable(labels: np.ndarray | None, min_per_class: int = MIN_PER_CLASS, min_rows: int = MIN_ROWS) -> None:
    """Refuse data that cannot train a classifier: no labels, one class, or too few of either."""
    if labels is None:
        raise DataError("the file has no label column: training needs labelled ads")
    n_pos = int(labels.sum())
    n_neg = int(len(labels) - n_pos)
    if n_pos == 0 or n_neg == 0:
        raise DataError(f"only one class in the labels ({n_neg} label 0, {n_pos} label 1): need both")
    if n_pos < min_per_class or n_neg < min_per_class or len(labels) < min_rows:
        raise DataError(
            f"too few labelled ads ({n_neg} label 0, {n_pos} label 1): need at least {min_per_class} "
            f"of each class and {min_rows} in all"
        )
