"""Where an assessment's time goes: CPU milliseconds per ad for each stage of `validator.assess`.

    .venv/bin/python benchmarks/stages.py [--data CSV] [--limit N]

Stages are timed by wrapping the engine's own functions (tokenizer, each pipeline component, language
id, each fact extractor, the indicators, the model) for one pass over the ads after a warm-up pass
over the same ads (steady state). Prints a table, largest first, and the stock `spacy.blank("en")`
tokenizer on the same texts for comparison. Numbers only; no text leaves the process.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from throughput import DEFAULT_DATA, load_texts

spent: dict[str, float] = defaultdict(float)


def timed(name: str, fn: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (give --data CSV with EMSCAD columns)")
    texts = load_texts(args.data, args.limit)

    import spacy

    import validator.engine as engine
    from validator import assess, facts
    from validator.nlp import get_nlp

    for text in texts:
        assess(text)  # warm-up: pipelines, caches, the words of these ads
    nlp = get_nlp("en")
    nlp.make_doc = timed("tokenizer (ours)", nlp.make_doc)
    # `nlp.pipeline` is a fresh list on each access: the components are wrapped where spaCy keeps them
    nlp._components = [(name, timed(f"component {name}", proc)) for name, proc in nlp._components]
    engine.langid.detect = timed("language id", engine.langid.detect)
    for name in ("locations", "wages", "employer", "contacts", "job"):
        module = getattr(facts, name)
        module.extract = timed(f"facts: {name}", module.extract)
    engine.detect_all = timed("indicators", engine.detect_all)
    model = engine.get_model(engine.default_settings())
    if model is not None:
        model.score = timed("model score", model.score)

    start = time.process_time()
    for text in texts:
        assess(text)
    total = time.process_time() - start
    stock = spacy.blank("en")
    for text in texts:
        stock(text)
    start = time.process_time()
    for text in texts:
        stock(text)
    stock_ms = 1000 * (time.process_time() - start) / len(texts)

    n = len(texts)
    print(f"ads: {n} from {args.data.name}, CPU ms per ad (steady state)")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {1000 * seconds / n:7.3f}")
    print(f"  {'other (ingest, Assessment ...)':32s} {1000 * (total - sum(spent.values())) / n:7.3f}")
    print(f"  {'whole assessment':32s} {1000 * total / n:7.3f}")
    print(f"  {'stock spacy.blank(en) tokenizer':32s} {stock_ms:7.3f}")


if __name__ == "__main__":
    main()
