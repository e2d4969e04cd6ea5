"""A batch run: read inputs in chunks, score them on an engine into the work directory (resumable),
then link the ads and write the output, the links file and the report, streaming chunk by chunk."""

from __future__ import annotations

import heapq
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from validator import __version__
from validator.batch import linkage
from validator.batch.columns import ColumnPlan, plan_columns
from validator.batch.engines import default_workers, run_dask, run_local
from validator.batch.pseudonymise import key_from_env, key_id, pseudonymise_frame
from validator.batch.readers import RawChunk, Source
from validator.batch.report import BAND_RANK, BINS, TOP_ADS, TOP_GROUPS, ReportData, render
from validator.batch.scoring import FACT_COLUMNS, ScoreOptions, indicator_ids
from validator.batch.store import ChunkStore, work_dir_for
from validator.batch.writers import INT_COLUMNS_EXTRA, OutputWriter, arrow_schema, output_format
from validator.errors import DataError, UsageError

DEFAULT_CHUNK_ROWS = 500
LINK_COLUMNS = ("shared_contact", "shared_contact_group", "template_reuse", "template_group")
Log = Callable[[str], None]


@dataclass
class BatchConfig:
    inputs: list[Path]
    output: Path
    format: str | None = None
    id_column: str | None = None
    text_columns: list[str] | None = None
    html_column: str | None = None
    url_column: str | None = None
    language: str | None = None
    workers: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    restart: bool = False  # discard an interrupted run's saved progress (else it is an error)
    links: Path | None = None
    report: Path | None = None
    pseudonymise: bool = False
    chunk_rows: int = DEFAULT_CHUNK_ROWS
    progress: bool | None = None  # None: only on a terminal


@dataclass
class BatchSummary:
    rows: int = 0
    errors: int = 0
    duplicates: int = 0
    contact_groups: int = 0
    template_groups: int = 0
    columns: ColumnPlan | None = None
    output_columns: list[str] = field(default_factory=list)


def _stderr(message: str) -> None:
    print(f"validator: {message}", file=sys.stderr)


def _model_metadata() -> tuple[str, ...]:
    from validator.engine import default_settings
    from validator.model import get_model

    model = get_model(default_settings())
    return tuple(getattr(model, "metadata_columns", ()) or ())


def prepare(raw: RawChunk, plan: ColumnPlan, first_row: int) -> pd.DataFrame:
    """The frame `score_frame` takes: id, text (text columns joined), html, url, read error, metadata."""
    n = len(raw.frame)
    src = raw.frame
    out = pd.DataFrame({"_row": np.arange(first_row + 1, first_row + n + 1, dtype=np.int64)})

    def column(values: list) -> pd.Series:
        return pd.Series(values, dtype=object)

    if plan.id_column:
        out["id"] = column([str(v).strip() if _value(v) else None for v in src[plan.id_column]])
    else:
        out["id"] = column([str(r) for r in out["_row"]])
    if plan.text_columns:
        cols = [src[c].tolist() for c in plan.text_columns]
        out["text"] = column(
            ["\n\n".join(str(v).strip() for v in values if _value(v)) for values in zip(*cols, strict=True)]
        )
    for key, col in (("html", plan.html_column), ("url", plan.url_column)):
        if col:
            out[key] = column(src[col].tolist())
    out["_error"] = column(raw.errors)
    for col in plan.metadata_columns:
        out["meta:" + col] = column(src[col].tolist())
    return out


def _value(v: Any) -> bool:
    """A value worth keeping: not None/NaN, not blank."""
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return False
    return bool(str(v).strip())


def _output_columns(id_name: str, extra_source: bool) -> list[str]:
    cols = [id_name]
    if id_name != "row":
        cols.append("row")
    if extra_source:
        cols.append("input_file")
    cols += [
        "risk_score",
        "risk_band",
        *indicator_ids(),
        *LINK_COLUMNS,
        "n_indicators",
        "families",
        *FACT_COLUMNS,
        "duplicate_id",
        "error",
    ]
    return cols


class Progress:
    def __init__(self, enabled: bool, total: int, unit: str):
        self.bar = None
        self.rows = 0
        if enabled:
            from tqdm import tqdm

            scale = unit == "B"
            self.bar = tqdm(
                total=total,
                unit=unit,
                unit_scale=scale,
                unit_divisor=1024 if scale else 1000,
                dynamic_ncols=True,
                desc="scoring",
                file=sys.stderr,
            )

    def read(self, position: int) -> None:
        if self.bar is not None:
            self.bar.update(max(0, position - self.bar.n))

    def scored(self, rows: int) -> None:
        self.rows += rows
        if self.bar is not None:
            elapsed = self.bar.format_dict.get("elapsed") or 0
            rate = self.rows / elapsed if elapsed else 0
            self.bar.set_postfix_str(f"{self.rows:,} rows, {rate:,.0f} rows/s", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_batch(cfg: BatchConfig, log: Log = _stderr) -> BatchSummary:
    fmt = output_format(cfg.output, cfg.format)
    if cfg.chunk_rows < 1:
        raise UsageError("--chunk-rows must be at least 1")
    if cfg.engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {cfg.engine!r}: use local or dask")
    workers = cfg.workers or default_workers()
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    sources = [Source(p) for p in cfg.inputs]
    plan = plan_columns(
        sources[0].columns,
        id_column=cfg.id_column,
        text_columns=cfg.text_columns,
        html_column=cfg.html_column,
        url_column=cfg.url_column,
        model_metadata=_model_metadata(),
    )
    for src in sources[1:]:
        missing = [c for c in plan.needed if c not in src.columns and c not in plan.metadata_columns]
        if missing:
            raise DataError(
                f"{src.path} lacks the column(s) {', '.join(map(repr, missing))} that "
                f"{sources[0].path.name} has; available: {', '.join(map(repr, src.columns))}"
            )
    if plan.chosen:
        log("using " + "; ".join(plan.chosen) + " (change with --id-column / --text-columns)")
    id_name = plan.id_column or "row"
    columns = _output_columns(id_name, len(sources) > 1)
    if plan.id_column and plan.id_column in columns[1:]:
        raise DataError(f"the id column {plan.id_column!r} has the name of an output column; rename it")
    key = key_from_env() if cfg.pseudonymise else None
    if cfg.output.resolve() in {s.path.resolve() for s in sources}:
        raise UsageError("OUTPUT is one of the inputs: choose another file name")
    if not cfg.output.parent.exists():
        raise UsageError(f"the folder of OUTPUT does not exist: {cfg.output.parent}")

    fingerprint = {
        "version": __version__,
        "inputs": [[str(s.path.resolve()), s.size, s.path.stat().st_mtime_ns] for s in sources],
        "columns": [
            plan.id_column,
            list(plan.text_columns),
            plan.html_column,
            plan.url_column,
            list(plan.metadata_columns),
        ],
        "language": cfg.language,
        "chunk_rows": cfg.chunk_rows,
        "indicators": list(indicator_ids()),
        "pseudonym_key": key_id(key) if key else None,
    }
    store = ChunkStore(work_dir_for(cfg.output), fingerprint, resume=cfg.resume, restart=cfg.restart)
    if store.done:
        log(f"resuming: {len(store.done):,} chunks ({store.rows:,} rows) already scored")
    show = sys.stderr.isatty() if cfg.progress is None else cfg.progress
    progress = Progress(
        show, sum(s.total for s in sources), "rows" if all(s.format == "parquet" for s in sources) else "B"
    )
    source_of: dict[int, str] = {}

    def chunks() -> Iterator[tuple[int, pd.DataFrame]]:
        index = row = offset = 0
        for src in sources:
            for raw in src.chunks(cfg.chunk_rows, plan.needed):
                progress.read(offset + raw.position)
                if not store.is_done(index):
                    source_of[index] = src.path.name
                    yield index, prepare(raw, plan, row)
                else:
                    progress.scored(len(raw.frame))
                index += 1
                row += len(raw.frame)
            offset += src.total
        if row == 0:
            raise DataError("the input holds no rows (only a header?)")

    def done(index: int, frame: pd.DataFrame) -> None:
        if key is not None:
            frame = pseudonymise_frame(frame, key)
        frame["_source"] = source_of.pop(index, None)
        store.write(index, frame)
        progress.scored(len(frame))

    options = ScoreOptions(language=cfg.language)
    try:
        if cfg.engine == "dask":
            run_dask(chunks(), done, options, workers, cfg.scheduler)
        else:
            run_local(chunks(), done, options, workers)
    finally:
        progress.close()
    summary = finish(store, cfg, fmt, columns, id_name, sources, log)
    summary.columns = plan
    store.remove()
    return summary


def _band_arrays(store: ChunkStore) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    for col in linkage.BAND_COLUMNS:
        values, valid = [], []
        for index in sorted(store.done):
            column = pq.read_table(store.chunk_path(index), columns=[col]).column(0)
            valid.append(column.is_valid().to_numpy(zero_copy_only=False))
            values.append(column.fill_null(0).to_numpy().astype(np.int64))
        yield np.concatenate(values), np.concatenate(valid)


def _error_kind(message: str) -> str:
    return re.sub(r"\d[\d,.]*", "N", message)[:160]


def finish(
    store: ChunkStore,
    cfg: BatchConfig,
    fmt: str,
    columns: list[str],
    id_name: str,
    sources: list[Source],
    log: Log,
) -> BatchSummary:
    """Link, then write output, links and report in one more pass over the scored chunks."""
    n_rows = store.rows
    contacts = linkage.ContactIndex()
    id_hashes = np.zeros(n_rows, dtype=np.int64)
    id_present = np.zeros(n_rows, dtype=bool)
    link_cols = ["id", "phones", "emails", "handles", "employer", "destination_country", "_job"]
    for start, frame in store.frames(link_cols):
        contacts.add(start, frame)
        ids = frame["id"].tolist()
        id_hashes[start : start + len(ids)] = [hash(i) if isinstance(i, str) else 0 for i in ids]
        id_present[start : start + len(ids)] = [isinstance(i, str) and bool(i) for i in ids]
    uniq, counts = np.unique(id_hashes[id_present], return_counts=True)
    repeated = set(uniq[counts > 1].tolist())
    contact_groups, contact_of_row = linkage.contact_groups(
        contacts,
        lambda wanted: linkage.contact_values((f for _, f in store.frames(["phones", "emails", "handles"])), wanted),
    )
    labels = linkage.template_labels(n_rows, _band_arrays(store))
    templates = linkage.template_groups(labels)

    report = ReportData([s.path.name for s in sources], id_name, pseudonymised=cfg.pseudonymise)
    from validator.indicators import catalogue

    report.titles = {ind.id: ind.title for ind in catalogue()}
    top: list[tuple[float, int, dict[str, Any]]] = []
    members_needed = {pos for g in contact_groups for pos in g.members}
    members_needed |= set(np.flatnonzero(labels).tolist())
    id_of: dict[int, str] = {}
    dup_examples: list[str] = []
    int_columns = {*indicator_ids(), *INT_COLUMNS_EXTRA}
    writer = OutputWriter(cfg.output, fmt, arrow_schema(columns, int_columns))
    duplicates = errors = 0
    try:
        for start, frame in store.frames():
            n = len(frame)
            pos = np.arange(start, start + n)
            dup = np.array([bool(id_present[p]) and int(id_hashes[p]) in repeated for p in pos], dtype=bool)
            duplicates += int(dup.sum())
            for p in pos[dup]:
                if len(dup_examples) < 5 and frame["id"].iat[p - start] not in dup_examples:
                    dup_examples.append(frame["id"].iat[p - start])
            for p in pos:
                if p in members_needed:
                    id_of[int(p)] = frame["id"].iat[p - start]
            groups_c = [contact_of_row.get(int(p)) for p in pos]
            frame["shared_contact"] = [int(bool(g)) for g in groups_c]
            frame["shared_contact_group"] = [linkage.SEP.join(g) if g else None for g in groups_c]
            t = labels[start : start + n]
            frame["template_reuse"] = (t > 0).astype(np.int64)
            frame["template_group"] = [f"T{v}" if v else None for v in t]
            frame["duplicate_id"] = dup.astype(np.int64)
            if id_name != "row":
                frame["row"] = frame["_row"]
            frame["input_file"] = frame.get("_source")
            failed = frame["error"].notna()
            for col in ("shared_contact", "template_reuse"):
                frame[col] = frame[col].where(~failed, None)
            errors += int(failed.sum())
            _collect_report(report, frame, top)
            out = frame.rename(columns={"id": id_name}) if id_name != "id" else frame
            writer.write(out[columns])
    except BaseException:
        writer.abort()
        raise
    writer.close()

    report.total, report.errors, report.duplicates = n_rows, errors, duplicates
    report.top_ads = [item for _, _, item in sorted(top, key=lambda t: (-t[0], -t[1]))]
    report.n_contact_groups, report.n_template_groups = len(contact_groups), len(templates)
    report.contact_groups = [_group_dict(g, id_of) for g in contact_groups[:TOP_GROUPS]]
    report.template_groups = [_group_dict(g, id_of) for g in templates[:TOP_GROUPS]]
    if duplicates:
        shown = ", ".join(repr(e) for e in dup_examples)
        log(
            f"{duplicates:,} rows share their {id_name!r} with another row (e.g. {shown}); they are kept "
            "and marked in the duplicate_id column"
        )
    if cfg.links:
        _write_links(cfg.links, contact_groups + templates, id_of)
    if cfg.report:
        tmp = cfg.report.with_name(f".{cfg.report.name}.tmp")
        tmp.write_text(render(report), "utf-8")
        tmp.replace(cfg.report)
    return BatchSummary(
        rows=n_rows,
        errors=errors,
        duplicates=duplicates,
        contact_groups=len(contact_groups),
        template_groups=len(templates),
        output_columns=columns,
    )


def _group_dict(group: linkage.Group, id_of: dict[int, str]) -> dict[str, Any]:
    return {
        "group_id": group.group_id,
        "kind": group.kind,
        "value": group.value,
        "size": len(group.members),
        "member_ids": [id_of.get(p, f"row {p + 1}") for p in group.members],
        "detail": group.detail,
    }


def _collect_report(report: ReportData, frame: pd.DataFrame, top: list) -> None:
    ok = frame[frame["error"].isna()]
    for message in frame.loc[frame["error"].notna(), "error"]:
        kind = _error_kind(str(message))
        report.error_kinds[kind] = report.error_kinds.get(kind, 0) + 1
    for band, count in ok["risk_band"].value_counts().items():
        report.bands[band] = report.bands.get(band, 0) + int(count)
    scores = ok["risk_score"].to_numpy(dtype=float)
    hist, _ = np.histogram(np.clip(scores, 0, 1), bins=BINS, range=(0, 1))
    report.histogram = [a + int(b) for a, b in zip(report.histogram, hist, strict=True)]
    for ind in indicator_ids():
        report.indicators[ind] = report.indicators.get(ind, 0) + int(ok[ind].fillna(0).sum())
    for fams in ok["families"]:
        for fam in linkage.split_values(fams):
            report.families[fam] = report.families.get(fam, 0) + 1
    report.models.update(m for m in ok["_model"].dropna().unique())
    # highest band first (insufficient last), then score
    ok = ok.assign(_rank=ok["risk_band"].map(BAND_RANK).fillna(0) + ok["risk_score"].astype(float))
    best = ok.nlargest(TOP_ADS, "_rank", keep="first")
    fields = [
        "id",
        "_rank",
        "_reason",
        "_row",
        "risk_score",
        "risk_band",
        "families",
        "employer",
        "destination_country",
        "_evidence",
    ]
    for d in best[fields].to_dict("records"):
        key = (float(d.get("_rank", 0)), -int(d.get("_row", 0)))
        item = {
            "id": _text(d.get("id")),
            "row": int(d.get("_row", 0)),
            "score": float(d.get("risk_score", 0)),
            "band": _text(d.get("risk_band")),
            "reason": _text(d.get("_reason")),
            "families": _text(d.get("families")),
            "employer": _text(d.get("employer")),
            "destination_country": _text(d.get("destination_country")),
            "evidence": _text(d.get("_evidence")),
        }
        entry = (key[0], key[1], item)
        if len(top) < TOP_ADS:
            heapq.heappush(top, entry)
        elif key > (top[0][0], top[0][1]):
            heapq.heapreplace(top, entry)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _write_links(path: Path, groups: list[linkage.Group], id_of: dict[int, str]) -> None:
    rows = [
        {
            "group_id": g.group_id,
            "kind": g.kind,
            "value": g.value,
            "size": len(g.members),
            "member_ids": linkage.SEP.join(str(id_of.get(p, f"row {p + 1}")) for p in g.members),
            "member_rows": linkage.SEP.join(str(p + 1) for p in g.members),
            "employers": g.detail.get("employers"),
            "places": g.detail.get("places"),
            "jobs": g.detail.get("jobs"),
        }
        for g in groups
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "group_id",
            "kind",
            "value",
            "size",
            "member_ids",
            "member_rows",
            "employers",
            "places",
            "jobs",
        ],
    )
    for col in ("employers", "places", "jobs"):
        frame[col] = pd.array(frame[col].tolist(), dtype="Int64")
    fmt = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}.get(path.suffix.lower(), "csv")
    tmp = path.with_name(f".{path.name}.tmp")
    if fmt == "parquet":
        frame.to_parquet(tmp, index=False)
    elif fmt == "jsonl":
        tmp.write_text(frame.to_json(orient="records", lines=True, force_ascii=False), "utf-8")
    else:
        frame.to_csv(tmp, index=False, sep="\t" if path.suffix.lower() == ".tsv" else ",")
    tmp.replace(path)
