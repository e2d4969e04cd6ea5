"""Load test of the web app: `validator serve` (gunicorn, 2 workers) on 127.0.0.1, N concurrent clients
POSTing realistic ads to /api/v1/assess for a while; prints requests/s, latency percentiles, errors
and the memory (RSS) of each worker.

    .venv/bin/python benchmarks/web_load.py [--seconds 30] [--clients 20] [--workers 2]

Ads: the shared EMSCAD sample when present (VALIDATOR_EMSCAD or ../shared/data/...), read in memory
only; otherwise a few built-in ads. The rate limit is switched off for the run (one client address).
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EMSCAD = Path(os.environ.get("VALIDATOR_EMSCAD", ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"))
BUILT_IN = [
    "URGENT! Farm workers wanted in Denmark. No experience needed, 3000 EUR per month. Free accommodation "
    "and transport to work provided. Registration fee of 200 EUR for the visa. Contact only on WhatsApp "
    "+359888123456.",
    "Nordhavn Logistics ApS, Sundkrogsgade 21, 2100 Copenhagen, Denmark, is hiring a warehouse operative. "
    "Duties: receiving goods, picking and packing orders, operating a pallet truck. Hours: 37 per week, "
    "Monday to Friday. Pay: 190 DKK per hour gross. Apply at careers@nordhavn-logistics.dk.",
    "Cleaning staff for hotels in Germany, earn up to 4000 euro monthly, no German needed, we arrange "
    "travel and shared housing, costs deducted from salary. Send passport copy to jobs.de.work@gmail.com",
    "Senior Python developer, remote within the EU. You will design APIs, review code and mentor two "
    "junior developers. 40 hours per week, salary 65,000-80,000 EUR per year, 30 days of holiday. "
    "Acme Software GmbH, Hauptstrasse 5, 10115 Berlin.",
]


def load_ads(limit: int = 400) -> list[str]:
    if not EMSCAD.exists():
        return BUILT_IN
    ads = []
    with EMSCAD.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parts = [
                row.get(k) or ""
                for k in ("title", "location", "company_profile", "description", "requirements", "benefits")
            ]
            text = "\n".join(p for p in parts if p.strip())
            if 200 <= len(text) <= 20_000:
                ads.append(text)
            if len(ads) >= limit:
                break
    return ads or BUILT_IN


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "VALIDATOR_RATELIMIT_ENABLED": "0"}
    cmd = [
        sys.executable,
        "-m",
        "validator.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(port: int, process: subprocess.Popen, workers: int, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if process.poll() is not None:
            raise SystemExit("validator serve exited during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200 and len(psutil.Process(process.pid).children()) >= workers:
                # every worker warms up at start: give the others time to finish
                time.sleep(2)
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("validator serve did not start")


def worker_rss(process: subprocess.Popen) -> list[float]:
    return [round(child.memory_info().rss / 2**20, 1) for child in psutil.Process(process.pid).children()]


def client(
    port: int,
    bodies: list[bytes],
    stop_at: float,
    latencies: list[float],
    errors: list[str],
    seed: int,
    think: float = 0.0,
) -> None:
    rnd = random.Random(seed)
    while time.monotonic() < stop_at:
        if think > 0:  # a person reading the last result before checking the next ad
            time.sleep(max(0.0, min(rnd.expovariate(1 / think), stop_at - time.monotonic())))
            if time.monotonic() >= stop_at:
                break
        body = rnd.choice(bodies)
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", "/api/v1/assess", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status != 200:
                errors.append(str(response.status))
                continue
        except OSError as exc:
            errors.append(type(exc).__name__)
            continue
        latencies.append(time.perf_counter() - started)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 10) - 1] if len(values) > 1 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean pause (s) of each client between requests; 0: back to back"
    )
    args = parser.parse_args()

    ads = load_ads()
    bodies = [json.dumps({"text": ad}).encode() for ad in ads]
    port = free_port()
    server = start_server(port, args.workers)
    try:
        wait_ready(port, server, args.workers)
        rss_idle = worker_rss(server)
        latencies: list[float] = []
        errors: list[str] = []
        stop_at = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(port, bodies, stop_at, latencies, errors, i, args.think))
            for i in range(args.clients)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        rss_loaded = worker_rss(server)
    finally:
        server.terminate()
        server.wait(timeout=30)

    lat_ms = [x * 1000 for x in latencies]
    source = f"EMSCAD sample ({len(ads)} ads)" if EMSCAD.exists() else f"{len(ads)} built-in ads"
    mean_chars = statistics.mean(len(a) for a in ads)
    print(
        f"web load: gunicorn {args.workers} {os.environ.get('VALIDATOR_WORKER_CLASS', 'gevent')} workers, "
        f"{args.clients} clients"
        f"{f' (think {args.think:g} s)' if args.think else ''}, {elapsed:.1f} s, "
        f"POST /api/v1/assess, {source}, mean {mean_chars:.0f} chars/ad, {os.cpu_count()} CPUs"
    )
    print(
        f"requests: {len(latencies)} ok, {len(errors)} errors"
        + (f" ({', '.join(sorted(set(errors)))})" if errors else "")
    )
    print(f"throughput: {len(latencies) / elapsed:.1f} requests/s")
    if lat_ms:
        print(
            f"latency ms: p50 {percentile(lat_ms, 50):.1f}  p95 {percentile(lat_ms, 95):.1f}  "
            f"p99 {percentile(lat_ms, 99):.1f}  max {max(lat_ms):.1f}"
        )
    print(f"worker RSS MiB: after warm-up {rss_idle}, after load {rss_loaded}")


if __name__ == "__main__":
    main()
