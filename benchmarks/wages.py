"""Speed and yield of the wage extractor against spaCy's blank English tokenizer.

    .venv/bin/python benchmarks/wages.py [--data CSV] [--limit N] [--repeat R]

Texts are title + company_profile + description + requirements + benefits of each ad. Prints ads/s of
the tokenizer alone and of the wage extractor alone (on already tokenized docs, least CPU time of R runs), the
extractor's cost as a share of tokenizing, and how many wages it finds (in how many ads, by label,
with a currency, a period, a ratio to the reference wage). No ad text is printed.
The docs' text is built once before timing (in the pipeline the cue component builds it, `doc_text`).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from validator.facts.context import Context
from validator.facts.wages import extract
from validator.nlp import doc_text, get_nlp

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"
TEXT_COLUMNS = ("title", "company_profile", "description", "requirements", "benefits")


def load(path: Path, limit: int | None) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            ("\n".join(row.get(c) or "" for c in TEXT_COLUMNS), row.get("fraudulent", "")) for row in csv.DictReader(fh)
        ]
    return rows[:limit] if limit else rows


def best_of(repeat: int, fn) -> float:
    """Least CPU time of `repeat` runs (CPU time, not wall time: steadier on a shared machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = load(args.data, args.limit)
    texts = [text for text, _ in rows]
    tokenizer = get_nlp("en").tokenizer
    docs = [tokenizer(text) for text in texts]
    for doc in docs:
        doc_text(doc)
    ctx = Context(language="en")
    extract(docs[0], ctx)  # build the patterns outside the timing

    t_tok = best_of(args.repeat, lambda: [tokenizer(text) for text in texts])
    t_wag = best_of(args.repeat, lambda: [extract(doc, Context(language="en")) for doc in docs])
    found = [extract(doc, Context(language="en")) for doc in docs]

    n = len(texts)
    wages = [w for ws in found for w in ws]
    by_label = Counter(label for (_, label), ws in zip(rows, found, strict=True) if ws)
    print(f"ads: {n}")
    print(f"tokenizer:       {n / t_tok:8.0f} ads/s")
    print(f"wage extractor:  {n / t_wag:8.0f} ads/s  ({t_wag / t_tok:.1%} of tokenizer time)")
    print(f"wages found:     {len(wages)} in {sum(1 for ws in found if ws)} ads")
    print(f"  ads with a wage, by label (fraudulent): {dict(by_label)}")
    print(f"  with currency: {sum(1 for w in wages if w.currency)}")
    print(f"  with period:   {sum(1 for w in wages if w.period)}")
    print(f"  'up to':       {sum(1 for w in wages if w.up_to)}")
    print(f"  EUR/month:     {sum(1 for w in wages if w.eur_per_month is not None)}")
    print(f"  with ratio:    {sum(1 for w in wages if w.ratio_to_min_wage is not None)}")


if __name__ == "__main__":
    main()
