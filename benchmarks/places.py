"""Speed of the place gazetteer and the locations extractor against spaCy's blank English tokenizer.

    .venv/bin/python benchmarks/places.py [--data CSV] [--limit N] [--repeat R]

Texts are title + location + description + requirements + benefits of each ad. Prints ads/s of
the tokenizer alone, of the places component + extractor alone (on already tokenized docs), and
the time to get the place lexicon in a fresh process: built from the sources, and read from the
cache file.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"
TEXT_COLUMNS = ("title", "location", "description", "requirements", "benefits")
LEXICON_PROBE = (
    "import time; from validator.facts.gazetteer import get_lexicon; "
    "t = time.perf_counter(); get_lexicon('en'); print(time.perf_counter() - t)"
)
# the alternative design: a spaCy PhraseMatcher over the same names (pattern docs made by the tokenizer)
PHRASE_MATCHER_PROBE = (
    "import time, spacy; from spacy.matcher import PhraseMatcher; "
    "from validator.facts.gazetteer import get_lexicon; names = list(get_lexicon('en').exact); "
    "nlp = spacy.blank('en'); t = time.perf_counter(); m = PhraseMatcher(nlp.vocab); "
    "m.add('PLACE', list(nlp.tokenizer.pipe(names))); print(time.perf_counter() - t)"
)


def load_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = ["\n".join(r[c] for c in TEXT_COLUMNS if r.get(c)) for r in rows]
    return [t for t in texts if t.strip()][:limit]


def best_rate(fn, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return n / min(times)


def probe_seconds(probe: str, cache_dir: str) -> float:
    env = dict(os.environ, VALIDATOR_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import spacy

    from validator.facts import locations
    from validator.facts.context import Context
    from validator.facts.gazetteer import PlaceMatcher

    texts = load_texts(args.data, args.limit)
    blank = spacy.blank("en")
    matcher = PlaceMatcher(blank, "en")
    docs = [blank.make_doc(t) for t in texts]
    ctx = Context(language="en")

    def places_only() -> None:
        for doc in docs:
            locations.extract(matcher(doc), ctx)

    tok = best_rate(lambda: [blank.make_doc(t) for t in texts], len(texts), args.repeat)
    places = best_rate(places_only, len(texts), args.repeat)
    both = 1 / (1 / tok + 1 / places)
    print(f"ads: {len(texts)}")
    print(f"tokenizer (spacy.blank('en')):       {tok:8.0f} ads/s")
    print(f"places component + extractor alone: {places:8.0f} ads/s")
    print(f"tokenizer + places:                 {both:8.0f} ads/s ({both / tok:.0%} of tokenizer speed)")

    with tempfile.TemporaryDirectory() as tmp:
        cold = [probe_seconds(LEXICON_PROBE, "off") for _ in range(args.repeat)]
        probe_seconds(LEXICON_PROBE, tmp)  # writes the cache
        warm = [probe_seconds(LEXICON_PROBE, tmp) for _ in range(args.repeat)]
        phrase = probe_seconds(PHRASE_MATCHER_PROBE, tmp)
    print(f"lexicon in a fresh process, built from sources: {statistics.median(cold):.3f} s")
    print(f"lexicon in a fresh process, from the cache:     {statistics.median(warm):.3f} s")
    print(f"(a PhraseMatcher over the same names would take {phrase:.3f} s to build)")


if __name__ == "__main__":
    main()
