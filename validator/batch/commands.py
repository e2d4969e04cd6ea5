"""The `validator batch` sub-command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from validator.engine import language_code
from validator.errors import DataError, UsageError

EPILOG = """examples:
  validator batch ads.csv -o scored.csv --report report.html --links links.csv
  validator batch export.jsonl -o scored.parquet --id-column ad_id --text-columns title,body
  validator batch big.csv -o scored.csv --resume            (continue after a crash or Ctrl-C)
  VALIDATOR_PSEUDONYM_KEY=... validator batch ads.csv -o out.csv --pseudonymise-contacts
  validator batch ads.parquet -o out.parquet --engine dask --scheduler tcp://10.0.0.5:8786

Scores are warning signs, not verdicts: read the evidence before acting."""


def _columns(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give one or more column names separated by commas")
    return names


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch",
        help="score a CSV/TSV, JSONL or Parquet export of many ads; link them; write a report",
        description="Score every ad of one or more exports (CSV/TSV, JSONL, Parquet), streaming in chunks. "
        "Writes one output row per input row, in input order.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files (.csv, .tsv, .jsonl, .parquet)")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="the scored file to write")
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), help="output format (default: from OUTPUT)")
    p.add_argument("--id-column", metavar="C", help="the id column (default: detected, else row numbers)")
    p.add_argument("--text-columns", type=_columns, metavar="a,b,…", help="columns holding the ad's text")
    p.add_argument("--html-column", metavar="C", help="a column holding the ad's HTML")
    p.add_argument(
        "--url-column",
        metavar="C",
        help="a column holding the ad's address (fetched only for rows without text or HTML)",
    )
    p.add_argument("--language", "-l", metavar="L", help="the ads' language (ISO 639-1), instead of detecting")
    p.add_argument("--workers", type=_positive, metavar="N", help="worker processes (default: the cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where to score (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler address (default: a local cluster)")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true", help="continue an interrupted run of the same command")
    again.add_argument(
        "--restart", action="store_true", help="discard the saved progress of an interrupted run and start again"
    )
    p.add_argument("--links", metavar="FILE", help="write the groups of linked ads (CSV, or .jsonl/.parquet)")
    p.add_argument("--report", metavar="FILE", help="write a self-contained HTML report")
    p.add_argument(
        "--pseudonymise-contacts",
        action="store_true",
        help="replace phones and e-mails by keyed hashes (key in VALIDATOR_PSEUDONYM_KEY)",
    )
    p.add_argument(
        "--chunk-rows",
        type=_positive,
        default=500,
        metavar="N",
        help="rows per chunk, the unit of work and of resume (default 500)",
    )
    progress = p.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="always show the progress bar"
    )
    progress.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="never show the progress bar (default: only on a terminal)",
    )
    p.set_defaults(func=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    from validator.batch.runner import BatchConfig, run_batch

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    cfg = BatchConfig(
        inputs=[Path(p) for p in args.inputs],
        output=Path(args.output),
        format=args.format,
        id_column=args.id_column,
        text_columns=args.text_columns,
        html_column=args.html_column,
        url_column=args.url_column,
        language=language_code(args.language),
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        resume=args.resume,
        restart=args.restart,
        links=Path(args.links) if args.links else None,
        report=Path(args.report) if args.report else None,
        pseudonymise=args.pseudonymise_contacts,
        chunk_rows=args.chunk_rows,
        progress=args.progress,
    )
    try:
        summary = run_batch(cfg)
    except OSError as exc:  # disk full, no permission ...: a plain message, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        raise DataError(f"{where}{exc.strerror or exc}") from None
    scored = summary.rows - summary.errors
    print(
        f"validator: {summary.rows:,} rows -> {cfg.output} ({scored:,} scored, {summary.errors:,} with an error; "
        f"{summary.contact_groups:,} shared-contact and {summary.template_groups:,} template groups)",
        file=sys.stderr,
    )
    return 0
