"""Throughput of `validator.assess` against spaCy's blank English tokenizer on the same texts.

    .venv/bin/python benchmarks/throughput.py [--data CSV] [--limit N] [--repeat R]

Prints ads per CPU-second for both, their ratio (target >= 0.7: a whole assessment costs at most 1.43 times
tokenizing), the model's share of an assessment (rules vs model), peak memory, and the cold-start
time of `validator check` (target <= 2 s).

Two ratios: on *unseen* ads (both warmed up on the even-numbered ads, then one pass over the odd-numbered
ones: new words and chunks cost what they cost in a real stream) and in the *steady state* (all ads, best
of `--repeat` passes: every word and chunk already met). The timed functions take turns every 16 ads.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"
TEXT_COLUMNS = ("title", "location", "company_profile", "description", "requirements", "benefits")


def load_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = ["\n".join(r[c] for c in TEXT_COLUMNS if r.get(c)) for r in rows]
    return [t for t in texts if t.strip()][:limit]


CHUNK = 16  # ads per turn


def seconds(fns, texts: list[str]) -> list[float]:
    """CPU seconds of this process each function spends on one pass over `texts`. The functions take
    turns every CHUNK ads, so a change of machine speed (a shared, virtual machine) touches them alike."""
    spent = [0.0] * len(fns)
    for i in range(0, len(texts), CHUNK):
        part = texts[i : i + CHUNK]
        for k, fn in enumerate(fns):
            start = time.process_time()
            for text in part:
                fn(text)
            spent[k] += time.process_time() - start
    return spent


def rates(fns, texts: list[str], repeat: int) -> list[float]:
    """Ads per CPU-second of each function, best of `repeat` passes."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        best = [min(b, s) for b, s in zip(best, seconds(fns, texts), strict=True)]
    return [len(texts) / b for b in best]


def cold_start(runs: int = 3) -> float:
    exe = ROOT / ".venv/bin/validator"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "validator.cli"]
    ad = "Free accommodation, no experience needed. Registration fee 100 EUR. Call +359 888 123 456."
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*cmd, "check", ad], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (give --data CSV with EMSCAD columns)")
    texts = load_texts(args.data, args.limit)

    import spacy

    from validator import assess
    from validator.engine import default_settings
    from validator.model import get_model

    tokenizer = spacy.blank("en")
    seen, unseen = texts[::2], texts[1::2]
    for text in seen:  # warm-up: pipelines, gazetteer, model, and the words of half the ads
        assess(text)
        tokenizer(text)
    model = get_model(default_settings())
    print(f"ads: {len(texts)} from {args.data.name}  (model: {'yes' if model else 'rules fallback'})")
    tok_rate, full_rate = rates([tokenizer, assess], unseen, 1)
    print(f"unseen ads ({len(unseen)}, one pass)")
    print(f"  spacy.blank('en') tokenizer: {tok_rate:8.1f} ads/s")
    print(f"  validator.assess           : {full_rate:8.1f} ads/s")
    print(f"  ratio assess/tokenizer     : {full_rate / tok_rate:8.2f}  (target >= 0.7)")
    rules = replace(default_settings(), model_dir=Path(tempfile.mkdtemp()))  # no model there: the rule score
    tok_rate, full_rate, rules_rate = rates(
        [tokenizer, assess, lambda text: assess(text, settings=rules)], texts, args.repeat
    )
    print(f"steady state ({len(texts)} ads, best of {args.repeat} passes)")
    print(f"  spacy.blank('en') tokenizer: {tok_rate:8.1f} ads/s")
    print(f"  validator.assess           : {full_rate:8.1f} ads/s")
    print(f"  ratio assess/tokenizer     : {full_rate / tok_rate:8.2f}  (target >= 0.7)")
    if model is not None:
        share = (1 / full_rate - 1 / rules_rate) / (1 / rules_rate)
        print(f"assess with rules only     : {rules_rate:8.1f} ads/s")
        print(f"time the model adds per ad : {share:+8.1%}  (target <= 20 %)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS)          : {peak_mb:8.1f} MB")
    print(f"cold start `validator check`: {cold_start():7.2f} s  (target <= 2 s)")


if __name__ == "__main__":
    main()
