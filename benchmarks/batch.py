"""Batch throughput and memory: rows/s and peak memory of `validator batch` (local engine).

    .venv/bin/python benchmarks/batch.py 20000 --workers 1 2
    .venv/bin/python benchmarks/batch.py 2000 20000 --workers 2     # is memory flat in N?
    .venv/bin/python benchmarks/batch.py 100000 1000000 --finish-only  # linkage + output stage

Each run is a real `validator batch` subprocess on a synthetic CSV of N rows, built from the shared
EMSCAD sample's texts (VALIDATOR_EMSCAD, or ../shared/data/...) when present, else from generated
text; ids are unique and a random word is changed in every copy so texts are not all identical.
Peak memory is sampled every 0.1 s over the whole process tree (main process + workers), and for the
main process alone. Prints one line per run and a table at the end. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EMSCAD = Path(os.environ.get("VALIDATOR_EMSCAD", ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"))
TEXT_COLUMNS = ("title", "company_profile", "description", "requirements", "benefits")


def base_ads() -> tuple[list[dict[str, str]], str]:
    if EMSCAD.exists():
        with EMSCAD.open(encoding="utf-8", newline="") as fh:
            rows = [
                {
                    c: r.get(c) or ""
                    for c in (
                        "title",
                        "location",
                        "description",
                        "requirements",
                        "benefits",
                        "company_profile",
                        "has_company_logo",
                    )
                }
                for r in csv.DictReader(fh)
            ]
        return rows, f"EMSCAD sample ({len(rows)} ads)"
    rng = random.Random(1)
    words = [
        "work",
        "job",
        "farm",
        "hotel",
        "shift",
        "pay",
        "month",
        "week",
        "free",
        "room",
        "transport",
        "visa",
        "fee",
        "no",
        "experience",
    ]
    rows = [{"title": f"job {i}", "description": " ".join(rng.choice(words) for _ in range(150))} for i in range(500)]
    return rows, "synthetic text (EMSCAD sample absent)"


def write_input(path: Path, n: int) -> str:
    ads, origin = base_ads()
    rng = random.Random(n)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["ad_id", *ads[0].keys()])
        writer.writeheader()
        for i in range(n):
            row = dict(ads[i % len(ads)])
            words = row["description"].split()
            if words:
                words[rng.randrange(len(words))] = f"w{rng.randrange(10**6)}"
                row["description"] = " ".join(words)
            writer.writerow({"ad_id": f"ad-{i:08d}", **row})
    return origin


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    try:
        main = proc.memory_info().rss
        children = sum(c.memory_info().rss for c in proc.children(recursive=True))
    except psutil.Error:
        return 0, 0
    return main, main + children


def run(src: Path, workers: int, chunk_rows: int) -> dict[str, float]:
    out = src.with_name(f"out-{workers}.csv")
    cmd = [
        sys.executable,
        "-m",
        "validator.cli",
        "batch",
        str(src),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "--no-progress",
        "--chunk-rows",
        str(chunk_rows),
        "--links",
        str(src.with_name("links.csv")),
        "--report",
        str(src.with_name("report.html")),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_main = peak_total = 0
    while proc.poll() is None:
        main, total = tree_rss(ps)
        peak_main, peak_total = max(peak_main, main), max(peak_total, total)
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"validator batch failed ({proc.returncode}): {err}")
    with out.open(encoding="utf-8") as fh:
        rows = sum(1 for _ in csv.reader(fh)) - 1
    return {
        "rows": rows,
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "peak_main_mb": peak_main / 2**20,
        "peak_total_mb": peak_total / 2**20,
    }


def finish_stage(n: int, tmp: Path) -> None:
    """Only the last stage (linkage, output, links, report) over N already-scored rows: chunks made by
    scoring 500 ads once and repeating them with new ids (ids, contacts and band keys varied)."""
    import numpy as np

    from validator.batch.linkage import BAND_COLUMNS
    from validator.batch.runner import BatchConfig, _output_columns, finish, prepare
    from validator.batch.scoring import score_frame
    from validator.batch.store import ChunkStore

    src = tmp / "base.csv"
    write_input(src, 500)
    from validator.batch.columns import plan_columns
    from validator.batch.readers import Source

    source = Source(src)
    plan = plan_columns(source.columns)
    base = score_frame(prepare(next(source.chunks(500, plan.needed)), plan, 0))
    base["_source"] = None
    store = ChunkStore(tmp / "out.csv.work", {"bench": n}, resume=False)
    rng = np.random.default_rng(0)
    for index in range(n // 500):
        frame = base.copy()
        frame["_row"] = np.arange(index * 500 + 1, index * 500 + 501)
        frame["id"] = [f"ad-{r:08d}" for r in frame["_row"]]
        frame["phones"] = [f"+4915{rng.integers(10**7, 10**8)}" if i % 3 == 0 else None for i in range(500)]
        for col in BAND_COLUMNS:  # mostly unique texts, some repeated templates
            keys = rng.integers(-(2**62), 2**62, size=500)
            keys[::50] = 7
            frame[col] = keys
        store.write(index, frame)
    cfg = BatchConfig([src], tmp / "out.csv", links=tmp / "links.csv", report=tmp / "report.html")
    print("chunks written", flush=True)
    finish(store, cfg, "csv", _output_columns("ad_id", False), "ad_id", [source], lambda m: None)


def measure_finish(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="batch-finish-") as tmp:
        cmd = [sys.executable, __file__, "--finish-stage", str(n), "--tmp", tmp]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        ps = psutil.Process(proc.pid)
        proc.stdout.readline()  # "chunks written": measure from here
        base = ps.memory_info().rss
        start, peak = time.perf_counter(), base
        while proc.poll() is None:
            peak = max(peak, tree_rss(ps)[1])
            time.sleep(0.05)
        print(
            f"finish stage, {n:,} rows: {time.perf_counter() - start:.1f} s, memory {base / 2**20:.0f} MB "
            f"before, peak {peak / 2**20:.0f} MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[20_000], help="rows per synthetic file")
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--chunk-rows", type=int, default=500)
    parser.add_argument("--finish-only", action="store_true", help="measure only the linkage/output stage")
    parser.add_argument("--finish-stage", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.finish_stage:
        finish_stage(args.finish_stage, Path(args.tmp))
        return
    if args.finish_only:
        for n in args.sizes:
            measure_finish(n)
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        for n in args.sizes:
            src = Path(tmp) / f"ads-{n}.csv"
            origin = write_input(src, n)
            print(f"input: {n:,} rows from {origin}, {src.stat().st_size / 2**20:.1f} MB", flush=True)
            for workers in args.workers:
                r = run(src, workers, args.chunk_rows)
                r.update(n=n, workers=workers)
                results.append(r)
                print(
                    f"  {workers} worker(s): {r['rows']:,} rows in {r['seconds']:.1f} s = {r['rows_per_s']:.1f} "
                    f"rows/s ({r['rows_per_s'] * 3600:,.0f}/hour); peak memory {r['peak_total_mb']:.0f} MB "
                    f"(main process {r['peak_main_mb']:.0f} MB)",
                    flush=True,
                )
    print("\n| rows | workers | rows/s | ads/hour | peak MB (all processes) | peak MB (main) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['workers']} | {r['rows_per_s']:.1f} | {r['rows_per_s'] * 3600:,.0f} | "
            f"{r['peak_total_mb']:.0f} | {r['peak_main_mb']:.0f} |"
        )
    for workers in args.workers:
        runs = [r for r in results if r["workers"] == workers]
        if len(runs) > 1:
            lo, hi = runs[0], runs[-1]
            print(
                f"{workers} worker(s): peak memory ratio {hi['n']:,} vs {lo['n']:,} rows = "
                f"{hi['peak_total_mb'] / lo['peak_total_mb']:.2f}"
            )


if __name__ == "__main__":
    main()
