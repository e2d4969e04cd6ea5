"""How much the risk model adds to an assessment's time (target: at most 20 %).

    .venv/bin/python benchmarks/model_overhead.py [--data CSV] [--model DIR] [--limit N] [--rounds R]

Times `validator.assess` over the same ads with the rule fallback (an empty model directory) and with
the model, taking turns every 16 ads to even out machine load, and the model's own `score()` call alone.
Prints numbers only; no text leaves the process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from throughput import seconds

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--model", help="model directory (default: the shipped models/)")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    from validator import assess
    from validator.engine import assess_input
    from validator.ingest import AdInput
    from validator.model import get_model, model_dir
    from validator.model.data import read_table
    from validator.model.store import MODEL_FILE
    from validator.settings import Settings

    if not Path(args.data).exists():
        print(f"data file not found: {args.data}", file=sys.stderr)
        return 1
    texts = read_table(args.data, require_labels=False).texts[: args.limit]
    with_model = Settings(model_dir=Path(args.model) if args.model else None)
    model = get_model(with_model)
    if model is None:
        print(f"no model in {model_dir(with_model)}", file=sys.stderr)
        return 1
    empty = tempfile.mkdtemp()
    without = Settings(model_dir=Path(empty))
    for t in texts[:20]:  # warm-up: pipelines, vectoriser, caches
        assess(t, settings=with_model)
        assess(t, settings=without)

    def one(settings: Settings):
        return lambda t: assess_input(AdInput(text=t, source="text"), settings=settings)

    # the two flows take turns every 16 ads (CPU time of this process): a change of machine speed
    # touches both alike
    rounds = [seconds([one(without), one(with_model)], texts) for _ in range(args.rounds)]
    r = statistics.median(x[0] for x in rounds)
    m = statistics.median(x[1] for x in rounds)

    from validator.engine import choose_language
    from validator.facts import Context, extract_facts
    from validator.indicators import detect_all
    from validator.nlp import get_nlp

    prepared = []
    for t in texts:
        lang = choose_language(t, None, [])
        doc = get_nlp(lang)(t)
        ctx = Context(language=lang)
        facts = extract_facts(doc, ctx)
        prepared.append((doc, facts, detect_all(doc, facts, ctx), ctx))
    start = time.process_time()
    for doc, facts, hits, ctx in prepared:
        model.score(doc=doc, facts=facts, hits=hits, ctx=ctx)
    score_only = time.process_time() - start

    n = len(texts)
    size = sum(p.stat().st_size for p in model_dir(with_model).iterdir() if p.name == MODEL_FILE)
    print(f"ads: {n}, rounds: {args.rounds} (median)")
    print(f"rule fallback : {n / r:8.1f} ads/s  {1000 * r / n:6.2f} ms/ad")
    print(f"with model    : {n / m:8.1f} ads/s  {1000 * m / n:6.2f} ms/ad")
    print(f"model score() : {1000 * score_only / n:6.2f} ms/ad")
    print(
        f"overhead      : {100 * (m - r) / r:+.1f} % (whole assessment), "
        f"{100 * score_only / r:.1f} % (score() alone vs the rule-only assessment)"
    )
    print(f"model file    : {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
