"""Hostile input and hostile clients: seconds per 100 KB for the worst text shapes, worker memory
after many hostile requests, and health/honest latency under a slowloris.

    .venv/bin/python benchmarks/abuse.py [--requests 1000] [--slow 50] [--honest 20] [--seconds 20]

Part 1 runs in this process. Parts 2 and 3 start `validator serve` (gunicorn, 2 workers, rate limit
off) on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from web_load import BUILT_IN, client, free_port, percentile, start_server, wait_ready, worker_rss  # noqa: E402

SIZE = 100_000
SHAPES = {
    "percent run": "%",
    "dollar run": "$",
    "closing parens": ")",
    "apostrophe s": "'s",
    "quotes": '"',
    "emoji": "😀",
    "bare domains": "a.com ",
    "www links": "see www.a.com ",
    "e-mails": "jobs@a.com ",
    "phone numbers": "+359 888 123 456 ",
    "cue words": "free accommodation ",
    "html tags": "<b>",
    "digits": "1",
    "long word": "x",
}


def text_of(unit: str) -> str:
    return "Job offer " + unit * (SIZE // len(unit.encode("utf-8")))


def part_shapes() -> None:
    import validator

    validator.assess("Warm-up: a cleaner job in Berlin, 2,000 EUR a month.")
    print(f"{'shape (100 KB)':22} seconds")
    for name, unit in SHAPES.items():
        text = text_of(unit)
        started = time.perf_counter()
        if unit == "<b>":
            validator.assess(html=text)
        else:
            validator.assess(text)
        print(f"{name:22} {time.perf_counter() - started:6.2f}")


def post(port: int, body: bytes, timeout: float = 60) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("POST", "/api/v1/assess", body=body, headers={"Content-Type": "application/json"})
    status = conn.getresponse().status
    conn.close()
    return status


def part_memory(port: int, process, requests: int) -> None:
    bodies = [json.dumps({"text": text_of(unit)[:20_000] + f" {i}"}).encode() for i, unit in enumerate(SHAPES.values())]
    before = worker_rss(process)
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    for i in range(requests):
        # unique words every time: the vocabulary grows unless it is bounded
        body = json.dumps({"text": f"Job {i} " + " ".join(f"w{i}x{j}😀{j}" for j in range(400))}).encode()
        status = post(port, body if i % 2 else bodies[i % len(bodies)])
        statuses[status] = statuses.get(status, 0) + 1
    print(f"\n{requests} hostile requests in {time.perf_counter() - started:.0f} s, statuses {statuses}")
    print(f"worker RSS MB before {before}, after {worker_rss(process)}")


def slow_client(port: int, stop_at: float) -> None:
    """Opens a connection and sends one header line every 5 s (slowloris)."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        sock.sendall(b"POST /api/v1/assess HTTP/1.1\r\nHost: x\r\n")
        while time.monotonic() < stop_at:
            time.sleep(5)
            sock.sendall(b"X-Slow: 1\r\n")
    except OSError:
        pass


def part_slowloris(port: int, slow: int, honest: int, seconds: float) -> None:
    stop_at = time.monotonic() + seconds
    threads = [threading.Thread(target=slow_client, args=(port, stop_at), daemon=True) for _ in range(slow)]
    for t in threads:
        t.start()
    time.sleep(1)
    latencies: list[float] = []
    errors: list[str] = []
    bodies = [json.dumps({"text": ad}).encode() for ad in BUILT_IN]
    honest_threads = [
        threading.Thread(target=client, args=(port, bodies, stop_at, latencies, errors, i, 0.2), daemon=True)
        for i in range(honest)
    ]
    for t in honest_threads:
        t.start()
    health: list[float] = []
    while time.monotonic() < stop_at - 1:
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/api/v1/health")
            conn.getresponse().read()
            health.append(time.perf_counter() - started)
        except OSError:
            health.append(float("inf"))
        time.sleep(0.5)
    for t in honest_threads:
        t.join()
    print(f"\nslowloris: {slow} slow connections, {honest} honest clients, {seconds:.0f} s")
    worst, median = max(health) * 1000, statistics.median(health) * 1000
    print(f"health: {len(health)} checks, max {worst:.0f} ms, median {median:.0f} ms")
    if latencies:
        print(f"honest: {len(latencies)} requests, p50 {percentile(latencies, 50) * 1000:.0f} ms, "
              f"p95 {percentile(latencies, 95) * 1000:.0f} ms, errors {len(errors)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--slow", type=int, default=50)
    ap.add_argument("--honest", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--skip-shapes", action="store_true")
    args = ap.parse_args()
    if not args.skip_shapes:
        part_shapes()
    port = free_port()
    process = start_server(port, 2)
    try:
        wait_ready(port, process, 2)
        part_memory(port, process, args.requests)
        part_slowloris(port, args.slow, args.honest, args.seconds)
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
