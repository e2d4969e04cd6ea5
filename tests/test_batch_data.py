"""Small job-ad exports the batch tests write themselves, with planted shared contacts and templates."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pandas as pd

SHARED_PHONE = "+49 151 23456789"
SHARED_PHONE_E164 = "+4915123456789"
WORDS = [
    "warehouse",
    "kitchen",
    "cleaning",
    "harvest",
    "picking",
    "packing",
    "driver",
    "welder",
    "painter",
    "carpenter",
    "nurse",
    "cook",
    "assistant",
    "shift",
    "morning",
    "evening",
    "contract",
    "training",
    "team",
    "friendly",
    "modern",
    "client",
    "service",
    "quality",
    "office",
    "garden",
    "hotel",
    "restaurant",
    "factory",
    "logistics",
    "delivery",
    "storage",
    "sorting",
    "loading",
    "machine",
    "tools",
    "safety",
    "uniform",
    "lunch",
    "parking",
    "bonus",
    "language",
    "english",
    "german",
    "polish",
    "week",
    "month",
    "hour",
    "daily",
    "weekend",
]
TEMPLATE = (
    "We are hiring seasonal workers for fruit picking on a large farm near the coast. No experience is "
    "needed and no language is required, we train everyone on the first day. Free accommodation in shared "
    "rooms with other workers and transport to work every morning are provided by the employer. You can "
    "start immediately, there is no interview. The pay is excellent, up to 4000 EUR per month, with a "
    "bonus for every crate. The travel will be arranged for you and the cost is deducted from the first "
    "wage. Send a copy of your passport to apply today, places are limited and the season starts next "
    "week so do not wait. Families and couples are welcome and we help with settling in, bank account and "
    "registration papers after arrival at the farm"
)


def filler(rng: random.Random, n: int = 60) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def ads(n: int = 12, seed: int = 7) -> list[dict[str, str]]:
    """`n` ads (n >= 8): ads 1-3 share a phone under different titles and employers; 4 and 5 repeat
    the template exactly, 6 repeats it with one word changed; the others are distinct."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} job {i}"
        text = f"Our company offers a {title.lower()} position. {filler(rng)}"
        if i in (1, 2, 3):
            employer = ("Nordic Berry ApS", "Baltic Build UAB", "Sunny Farms Ltd")[i - 1]
            text = f"{employer} is hiring in {('Odense', 'Vilnius', 'Leeds')[i - 1]}. {filler(rng, 30)} Call {SHARED_PHONE}."
        elif i in (4, 5):
            text = TEMPLATE
        elif i == 6:
            text = TEMPLATE.replace("excellent", "very good")
        rows.append({"job_id": f"A{i:03d}", "title": title, "description": text, "fraudulent": "0"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def write_parquet(path: Path, rows: list[dict[str, str]]) -> Path:
    pd.DataFrame(rows).to_parquet(path, index=False)
    return path


def read_output(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype={"job_id": str})
    return pd.read_csv(path, dtype={"job_id": str}, keep_default_na=False, na_values=[""])


def test_planted_template_pair_is_a_near_duplicate():
    """The fixture itself: the one-word variant stays well above the 0.8 Jaccard threshold."""
    from datasketch import MinHash

    def mh(text: str) -> MinHash:
        words = text.lower().split()
        m = MinHash(num_perm=256, seed=3)
        m.update_batch([" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)])
        return m

    rows = ads()
    assert mh(rows[3]["description"]).jaccard(mh(rows[5]["description"])) > 0.85
    assert mh(rows[3]["description"]).jaccard(mh(rows[7]["description"])) < 0.2
