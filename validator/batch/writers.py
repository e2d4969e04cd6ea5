"""Output files (CSV, JSONL, Parquet) written chunk by chunk to a temporary name, renamed when complete."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from validator.errors import UsageError

OUTPUT_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
INT_COLUMNS_EXTRA = ("row", "n_indicators", "shared_contact", "template_reuse", "duplicate_id")
FLOAT_COLUMNS = ("risk_score", "wage_eur_month", "wage_ratio_to_min_wage")


def output_format(path: Path, given: str | None) -> str:
    if given:
        if given not in ("csv", "jsonl", "parquet"):
            raise UsageError(f"unknown output format {given!r}: use csv, jsonl or parquet")
        return given
    fmt = OUTPUT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the output format from {path.name!r}: add --format csv|jsonl|parquet "
            "or end the name in .csv, .jsonl or .parquet"
        )
    return fmt


def arrow_schema(columns: list[str], int_columns: set[str]) -> pa.Schema:
    fields = []
    for col in columns:
        if col in int_columns:
            fields.append(pa.field(col, pa.int64()))
        elif col in FLOAT_COLUMNS:
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    return pa.schema(fields)


class OutputWriter:
    """Append frames with the same columns; `close()` renames the finished file into place."""

    def __init__(self, path: Path, fmt: str, schema: pa.Schema):
        self.path = path
        self.fmt = fmt
        self.schema = schema
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None
        self._fh = None
        self.delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        if fmt == "parquet":
            self._parquet = pq.ParquetWriter(self.tmp, schema)
        else:
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed in close/abort)

    def write(self, frame: pd.DataFrame) -> None:
        if self.fmt == "parquet":
            self._parquet.write_table(pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False))
        elif self.fmt == "csv":
            frame.to_csv(self._fh, header=self.rows == 0, index=False, sep=self.delimiter, lineterminator="\n")
        else:
            text = frame.to_json(orient="records", lines=True, force_ascii=False)
            self._fh.write(text if text.endswith("\n") or not text else text + "\n")
        self.rows += len(frame)

    def close(self) -> None:
        if self.fmt == "parquet":
            self._parquet.close()
        else:
            if self.rows == 0 and self.fmt == "csv":
                self._fh.write(self.delimiter.join(self.schema.names) + "\n")
            self._fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            if self._parquet is not None:
                self._parquet.close()
            if self._fh is not None:
                self._fh.close()
        finally:
            if self.tmp.exists():
                self.tmp.unlink()
