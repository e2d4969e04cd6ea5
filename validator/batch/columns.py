"""Which input columns hold the id, the ad's text, HTML, URL and the metadata the model knows.

Given columns are checked (a misspelled name lists the available columns and suggests the closest);
columns not given are found by the common names of job-board exports in data/batch/columns.toml.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from validator.errors import DataError
from validator.model.data import DEFAULT_TEXT_COLUMNS
from validator.resources import load_toml


@dataclass(frozen=True)
class ColumnPlan:
    id_column: str | None  # None: the 1-based row number is the id
    text_columns: tuple[str, ...] = ()
    html_column: str | None = None
    url_column: str | None = None
    metadata_columns: tuple[str, ...] = ()
    chosen: tuple[str, ...] = field(default=(), compare=False)  # what was detected (for the user)

    @property
    def needed(self) -> tuple[str, ...]:
        """Every input column the run reads, without repeats."""
        names = [
            self.id_column,
            *self.text_columns,
            self.html_column,
            self.url_column,
            *self.metadata_columns,
        ]
        return tuple(dict.fromkeys(n for n in names if n))

    def describe(self) -> str:
        parts = [f"id column {self.id_column!r}" if self.id_column else "row numbers as ids"]
        if self.text_columns:
            parts.append("text columns " + ", ".join(repr(c) for c in self.text_columns))
        if self.html_column:
            parts.append(f"HTML column {self.html_column!r}")
        if self.url_column:
            parts.append(f"URL column {self.url_column!r}")
        return "; ".join(parts)


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", str(name).strip().lower())


def _names(kind: str) -> tuple[str, ...]:
    return tuple(_norm(n) for n in load_toml("batch", "columns.toml").get(kind, []))


def _check(name: str, available: list[str], option: str) -> str:
    if name in available:
        return name
    # tolerate case and separators, but only when that is unambiguous
    same = [c for c in available if _norm(c) == _norm(name)]
    if len(same) == 1:
        return same[0]
    close = difflib.get_close_matches(name, available, n=1, cutoff=0.6) or difflib.get_close_matches(
        _norm(name), [_norm(c) for c in available], n=1, cutoff=0.6
    )
    hint = ""
    if close:
        match = next((c for c in available if c == close[0] or _norm(c) == close[0]), close[0])
        hint = f" Did you mean {match!r}?"
    raise DataError(
        f"{option}: no column {name!r} in the input.{hint} Available columns: " + ", ".join(repr(c) for c in available)
    )


def plan_columns(
    available: list[str],
    *,
    id_column: str | None = None,
    text_columns: list[str] | None = None,
    html_column: str | None = None,
    url_column: str | None = None,
    model_metadata: tuple[str, ...] = (),
) -> ColumnPlan:
    """The columns to use, checked against `available` (the input's columns, in file order)."""
    available = [str(c) for c in available]
    by_norm: dict[str, str] = {}
    for col in available:
        by_norm.setdefault(_norm(col), col)
    labels = set(_names("labels"))
    chosen: list[str] = []

    if id_column is not None:
        idc: str | None = _check(id_column, available, "--id-column")
    else:
        idc = next((by_norm[n] for n in _names("id") if n in by_norm), None)
        chosen.append(f"id column {idc!r}" if idc else "row numbers as ids (no id column found)")

    if text_columns:
        texts = tuple(_check(c, available, "--text-columns") for c in text_columns)
    else:
        training = [by_norm.get(_norm(c)) for c in DEFAULT_TEXT_COLUMNS]
        if all(training):  # the layout the model was trained on: its text, composed the same way
            texts = tuple(c for c in training if c)
        else:
            wanted = set(_names("text"))
            texts = tuple(c for c in available if _norm(c) in wanted and c != idc)
        if texts:
            chosen.append("text columns " + ", ".join(repr(c) for c in texts))

    html = _check(html_column, available, "--html-column") if html_column else None
    if html is None and not texts:
        html = next((by_norm[n] for n in _names("html") if n in by_norm), None)
        if html:
            chosen.append(f"HTML column {html!r}")
    url = _check(url_column, available, "--url-column") if url_column else None
    if url is None and url_column is None:
        url = next((by_norm[n] for n in _names("url") if n in by_norm), None)
        if url:
            chosen.append(f"URL column {url!r} (fetched only for rows without text)")

    if not texts and html is None and url is None:
        raise DataError(
            "no text column found: name the columns holding the ad with --text-columns a,b "
            "(or --html-column / --url-column). Available columns: " + ", ".join(repr(c) for c in available)
        )
    meta_wanted = set(_names("metadata")) | {_norm(m) for m in model_metadata}
    metadata = tuple(
        c for c in available if _norm(c) in meta_wanted and _norm(c) not in labels and c not in (idc, html, url)
    )
    return ColumnPlan(idc, texts, html, url, metadata, tuple(chosen))
