"""Streaming readers for CSV/TSV, JSONL and Parquet: chunks of rows, never the whole file.

A row that cannot be read (bad bytes, too many fields, a JSONL line that is not an object) becomes a
row with a read error, so it reaches the output with its message; a file that cannot be read at all
raises `DataError` with a plain message.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from validator.errors import DataError
from validator.ingest.text import CONTROL_BYTES, looks_binary

FORMATS = ("csv", "jsonl", "parquet")
SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
SAMPLE_BYTES = 1 << 16
DELIMITERS = ",;\t|"
BAD_BYTES = "the row holds bytes that are not UTF-8 text (save the file as UTF-8)"
# a quoted field longer than this means an unterminated quote (one ad is rarely over 20 KB)
FIELD_LIMIT = 16 * 1024 * 1024
BAD_LINE_SHARE = 0.25  # above this share of undecodable lines in the first 64 KB, the file is refused


@dataclass
class RawChunk:
    """Rows as read: the needed columns (absent values None), one read error (or None) per row."""

    frame: pd.DataFrame
    errors: list[str | None]
    position: int  # bytes (CSV, JSONL) or rows (Parquet) consumed so far, for the progress bar


class _Rows:
    """The rows of the chunk being read, each with its read error; undecodable text is cleaned and
    flagged."""

    def __init__(self, columns: list[str]):
        self.columns = columns
        self.rows: list[list[Any]] = []
        self.errors: list[str | None] = []

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, values: list[Any], error: str | None) -> None:
        if any(has_surrogates(v) for v in values):
            error = error or BAD_BYTES
            values = [clean(v) for v in values]
        self.rows.append(values)
        self.errors.append(error)

    def take(self, position: int) -> RawChunk:
        chunk = RawChunk(pd.DataFrame(self.rows, columns=self.columns, dtype=object), self.errors, position)
        self.rows, self.errors = [], []
        return chunk


def _shape(value: str) -> str:
    """The look of an id: letters -> a, digit runs -> 9 ("JOB-0012" -> "a-9")."""
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", value.strip()))


def _swallowed_records(fields: list[str], width: int, delimiter: str) -> list[list[str]]:
    """Records of the file read into a field of this row: a line inside a field that splits into
    exactly `width` fields and starts with a value shaped like this row's first field (an id).
    An unclosed quote makes the csv module read on into the next record."""
    if width < 2 or not fields or not fields[0].strip():
        return []
    shape = _shape(fields[0])
    found: list[list[str]] = []
    for value in fields:
        if "\n" not in value:
            continue
        for line in value.splitlines()[1:]:
            record = next(csv.reader([line], delimiter=delimiter), [])
            if len(record) == width and record[0].strip() and _shape(record[0]) == shape:
                found.append(record)
    return found


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def clean(value: Any) -> Any:
    """Undecodable bytes (kept as surrogates while reading) as U+FFFD, so the row can be written."""
    if has_surrogates(value):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


def has_surrogates(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _format_of(path: Path, head: bytes) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in SUFFIXES:
        return SUFFIXES[suffixes[-1]]
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    raise DataError(f"cannot tell the format of {path.name}: use a .csv, .tsv, .jsonl or .parquet file name")


class Source:
    """One input file: its format, size and column names, read in chunks on demand."""

    def __init__(self, path: str | Path, fmt: str | None = None):
        self.path = Path(path)
        if not self.path.exists():
            raise DataError(f"no such file: {path}")
        if not self.path.is_file():
            raise DataError(f"not a file: {path}")
        self.size = self.path.stat().st_size
        if self.size == 0:
            raise DataError(f"{path} is empty")
        with self.path.open("rb") as fh:
            head = fh.read(SAMPLE_BYTES)
        self.format = fmt or _format_of(self.path, head)
        if self.format not in FORMATS:
            raise DataError(f"unknown input format {self.format!r}: use csv, jsonl or parquet")
        self.delimiter = ","
        if self.format == "parquet":
            self.columns = self._parquet_columns()
        else:
            self._check_text_sample(head)
            self.columns = self._csv_columns(head) if self.format == "csv" else self._jsonl_columns()
        if not self.columns:
            raise DataError(f"{path} has no columns")

    # --- checks and headers -------------------------------------------------------------------
    def _check_text_sample(self, head: bytes) -> None:
        if looks_binary(len(CONTROL_BYTES.findall(head)), len(head)):
            raise DataError(f"{self.path} looks binary, not {self.format.upper()} text")
        # a few bad bytes make error rows; a file mostly in another encoding is refused at once
        lines = [line for line in head.splitlines() if line.strip()]
        if len(head) >= SAMPLE_BYTES and len(lines) > 1:
            lines = lines[:-1]  # the last line may be cut in the middle of a character
        bad = sum(1 for line in lines if not _is_utf8(line))
        if lines and (not _is_utf8(lines[0]) or bad / len(lines) > BAD_LINE_SHARE):
            raise DataError(
                f"{self.path} is not UTF-8 text ({bad} of the first {len(lines)} lines); convert it first, "
                f"e.g. iconv -f WINDOWS-1252 -t UTF-8 {self.path.name} > converted{self.path.suffix}"
            )
        if not head.strip(b"\xef\xbb\xbf \t\r\n"):
            raise DataError(f"{self.path} is empty")

    def _csv_columns(self, head: bytes) -> list[str]:
        text = head.decode("utf-8-sig", "surrogateescape")
        first = text.splitlines()[0] if text.splitlines() else ""
        if self.path.suffix.lower() in (".tsv", ".tab"):
            self.delimiter = "\t"
        else:
            try:
                self.delimiter = csv.Sniffer().sniff(first, delimiters=DELIMITERS).delimiter
            except csv.Error:
                counts = {d: first.count(d) for d in DELIMITERS}
                best = max(counts, key=counts.get)
                self.delimiter = best if counts[best] else ","
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter), [])
        header = [h.strip() for h in header]
        repeated = sorted({h for h in header if header.count(h) > 1})
        if repeated:
            raise DataError(f"{self.path}: column names repeated in the header: {', '.join(repeated)}")
        return header

    def _jsonl_columns(self) -> list[str]:
        names: dict[str, None] = {}
        with self.path.open("rb") as fh:
            for n, raw in enumerate(fh):
                if n >= 1000:
                    break
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    names.update(dict.fromkeys(str(k) for k in obj))
        if not names:
            if self.path.read_bytes()[:SAMPLE_BYTES].lstrip().startswith(b"["):
                raise DataError(f"{self.path} is a JSON array: give one JSON object per line (JSONL)")
            raise DataError(f"{self.path}: no JSON object found in the first lines (expected JSONL)")
        return list(names)

    def _parquet_file(self):
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(self.path)
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise DataError(f"{self.path} is not a readable Parquet file ({type(exc).__name__})") from None

    def _parquet_columns(self) -> list[str]:
        return list(self._parquet_file().schema_arrow.names)

    @property
    def total(self) -> int:
        """The progress total: bytes for text formats, rows for Parquet."""
        return self._parquet_file().metadata.num_rows if self.format == "parquet" else self.size

    # --- chunks --------------------------------------------------------------------------------
    def chunks(self, size: int, needed: tuple[str, ...]) -> Iterator[RawChunk]:
        reader = {"csv": self._csv_chunks, "jsonl": self._jsonl_chunks, "parquet": self._parquet_chunks}
        yield from reader[self.format](size, list(needed))

    def _csv_chunks(self, size: int, needed: list[str]) -> Iterator[RawChunk]:
        previous = csv.field_size_limit(min(FIELD_LIMIT, sys.maxsize))  # a process-wide setting:
        try:  # put back when the file is read
            yield from self._csv_rows(size, needed)
        finally:
            csv.field_size_limit(previous)

    def _csv_rows(self, size: int, needed: list[str]) -> Iterator[RawChunk]:
        index = {c: i for i, c in enumerate(self.columns)}
        width = len(self.columns)
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
            reader = csv.reader(text, delimiter=self.delimiter)
            try:
                next(reader)  # header
                rows = _Rows(needed)
                for fields in reader:
                    if not fields:
                        continue  # a blank line is not a row
                    error = None
                    if len(fields) > width:
                        error = (
                            f"malformed row near line {reader.line_num}: {len(fields)} fields, the header has {width}"
                        )
                    swallowed = _swallowed_records(fields, width, self.delimiter)
                    if swallowed:
                        ids = ", ".join(repr(r[0]) for r in swallowed)
                        error = error or (
                            f"row near line {reader.line_num} also holds the next record(s) {ids}: "
                            "look for an unclosed quote"
                        )
                    rows.add([fields[index[c]] if index[c] < len(fields) else None for c in needed], error)
                    for record in swallowed:  # each swallowed record still gets its own (error) row
                        rows.add(
                            [record[index[c]] if index[c] < len(record) else None for c in needed],
                            f"record taken into the row {fields[0]!r} near line {reader.line_num} by an unclosed quote",
                        )
                    if len(rows) >= size:
                        yield rows.take(raw.tell())
            except csv.Error as exc:
                raise DataError(
                    f"{self.path}: the row near line {reader.line_num} cannot be read ({exc}); "
                    "look for an unterminated quote"
                ) from None
            if rows:
                yield rows.take(raw.tell())

    def _jsonl_chunks(self, size: int, needed: list[str]) -> Iterator[RawChunk]:
        with self.path.open("rb") as fh:
            rows = _Rows(needed)
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                error = None
                obj: Any = None
                try:
                    obj = json.loads(line.decode("utf-8-sig"))
                except UnicodeDecodeError:
                    error = BAD_BYTES
                    try:
                        obj = json.loads(line.decode("utf-8", "replace"))
                    except ValueError:
                        obj = None
                except ValueError:
                    error = f"line {lineno} is not valid JSON"
                if not isinstance(obj, dict):
                    error = error or f"line {lineno} is not a JSON object"
                    obj = {}
                rows.add([_scalar(obj.get(c)) for c in needed], error)
                if len(rows) >= size:
                    yield rows.take(fh.tell())
            if rows:
                yield rows.take(fh.tell())

    def _parquet_chunks(self, size: int, needed: list[str]) -> Iterator[RawChunk]:
        pf = self._parquet_file()
        present = [c for c in needed if c in self.columns]
        done = 0
        for batch in pf.iter_batches(batch_size=size, columns=present):
            values = {name: [_scalar(v) for v in batch.column(name).to_pylist()] for name in present}
            n = batch.num_rows
            frame = pd.DataFrame({c: values.get(c, [None] * n) for c in needed}, dtype=object)
            done += n
            yield RawChunk(frame, [None] * n, done)


def _scalar(value: Any) -> Any:
    """JSON/Parquet values as the frame keeps them: scalars as they are, lists and maps as JSON."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value
