"""Facts read from real job-board ads, compared with the boards' own fields.

    .venv/bin/python benchmarks/extraction.py [--data DIR] [--source NAME] [--limit N] [--misses FIELD] [--by-language]
        [--titles]

Data: `../shared/data/real-ads-dev` (or VALIDATOR_REAL_ADS), never part of this repository.
Per source it prints, for employer, city and wage: recall on rows where the board's value occurs in
the ad text ("scorable"), and precision of what was returned (a returned employer name or wage that
matches the board's value, on rows where the board gives one; for cities, the share of rows whose
returned places include the board's city). "prec. | in text" is the employer precision on the rows
where the board's name occurs in the text: elsewhere the ad often names another party (the client of
an agency, a brand of the board's company), which the board's field cannot confirm. Then how often
each absence sign fires: on all ads, and "no employer name" on the ads that do state their employer.
`--by-language` groups the rows by the ad's detected language instead of its source (the same targets
hold on boards we have not seen, in every pack language).
`--titles` also reads each ad as a job seeker pastes it, with the board's title as its first line (an
h1 in HTML), and prints per group how often a job title is returned and how often it is the board's
title (same words, case and punctuation aside). The data's texts leave the title out.
`--misses employer|city|wage` lists the missed and wrong values (for development; ad texts are not
printed); with `wage`, also the ads on which "Pay far above the going rate" fires, with the wage texts
and ratios.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from validator import assess  # noqa: E402
from validator.evaluation import real_ads  # noqa: E402
from validator.evaluation.real_ads import RealAd, data_dir, load, same_amount, same_name, same_place  # noqa: E402

ABSENCE_SIGNS = ("dinicola.no_employer_name", "finetune.no_employer_address", "finetune.no_hours", "finetune.vague_job",
                 "dinicola.no_destination", "dinicola.too_general")
MIN_ROWS = 20
NON_WORD = re.compile(r"[\W_]+")
HIGH_PAY = "finetune.high_pay_unskilled"


def facts_of(ad: RealAd) -> tuple[dict, set[str]]:
    a = assess(html=ad.text) if ad.is_html else assess(ad.text)
    d = a.to_dict()
    return d["facts"], {hit["id"] for hit in d["indicators"]}


def ratio(hits: int, n: int) -> str:
    return f"{hits / n:5.2f} ({hits:>3}/{n:<3})" if n else "    –         "


def table_row(label: str, n: int, c: Counter) -> str:
    pairs = [("emp_hit", "emp_n"), ("emp_ok", "emp_ret"), ("emp_ok_in", "emp_ret_in"), ("city_hit", "city_n"),
             ("city_ok", "city_ret"), ("wage_hit", "wage_n"), ("wage_ok", "wage_ret"), ("named_fired", "named_n")]
    return f"{label[:32]:32} {n:>4}  " + " ".join(ratio(c[hits], c[of]) for hits, of in pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--source", default=None, help="only sources whose folder name contains this")
    ap.add_argument("--limit", type=int, default=None, help="at most N ads per source")
    ap.add_argument("--misses", choices=("employer", "city", "wage"), default=None)
    ap.add_argument("--by-language", action="store_true", help="one row per detected language, not per source")
    ap.add_argument("--titles", action="store_true", help="job titles of the ads pasted with their board title")
    args = ap.parse_args()
    directory = args.data or data_dir()
    if not directory.is_dir():
        print(f"real-ads data not found at {directory} (set VALIDATOR_REAL_ADS)", file=sys.stderr)
        return 2
    ads = load(directory)
    if args.source:
        ads = [a for a in ads if args.source in a.source]
    group = "language" if args.by_language else "source"
    header = f"{group:32} {'n':>4}  {'employer recall':15} {'employer prec.':15} {'prec. | in text':15} " \
             f"{'city recall':15} {'city in places':15} {'wage recall':15} {'wage prec.':15} {'no-name | named':15}"
    print(header)
    totals: Counter = Counter()
    fired: Counter = Counter()
    t0 = time.perf_counter()
    count = 0
    groups = [(label, rows[: args.limit]) for label, rows in (real_ads.by_language if args.by_language else
                                                              real_ads.by_source)(ads)]
    for source, rows in groups:
        c: Counter = Counter()
        for ad in rows:
            facts, ids = facts_of(ad)
            count += 1
            for sign in ABSENCE_SIGNS:
                fired[sign] += sign in ids
            name = facts["employer"]["name"]
            if ad.employer:
                if ad.employer_in_text:
                    c["emp_n"] += 1
                    c["emp_hit"] += bool(name and same_name(name, ad.employer))
                    c["named_n"] += 1
                    c["named_fired"] += "dinicola.no_employer_name" in ids
                if name:
                    c["emp_ret"] += 1
                    ok = same_name(name, ad.employer)
                    c["emp_ok"] += ok
                    c["emp_ret_in"] += ad.employer_in_text
                    c["emp_ok_in"] += ok and ad.employer_in_text
                    if args.misses == "employer" and not ok:
                        print(f"  WRONG {ad.id}: {name!r} board={ad.employer!r}")
                elif args.misses == "employer" and ad.employer_in_text:
                    print(f"  MISSED {ad.id}: board={ad.employer!r}")
            places = [p.get("name") or p["text"] for p in facts["locations"]] + [p["text"] for p in facts["locations"]]
            if ad.city:
                found = any(same_place(p, ad.city) for p in places)
                c["city_ret"] += bool(places)
                c["city_ok"] += bool(places) and found
                if ad.city_in_text:
                    c["city_n"] += 1
                    c["city_hit"] += found
                    if args.misses == "city" and not found:
                        print(f"  MISSED {ad.id}: board={ad.city!r} found={sorted(set(places))[:6]}")
            if ad.salary:
                amounts = [w.get(k) for w in facts["wages"] for k in ("min", "max")]
                match = [same_amount(v, ad.salary) for v in amounts if v is not None]
                if ad.salary_in_text:
                    c["wage_n"] += 1
                    c["wage_hit"] += all(any(same_amount(v, (t,)) for v in amounts) for t in ad.salary)
                    if args.misses == "wage" and not c["wage_hit"] - c["wage_hit_prev"]:
                        print(f"  MISSED {ad.id}: board={ad.salary} found={[w['text'] for w in facts['wages']]}")
                    c["wage_hit_prev"] = c["wage_hit"]
                if match:
                    c["wage_ret"] += 1
                    c["wage_ok"] += any(match)
                    if args.misses == "wage" and not any(match):
                        found = [(w["min"], w["max"], w["currency"], w["period"]) for w in facts["wages"]]
                        print(f"  WRONG {ad.id}: board={ad.salary} in_text={int(ad.salary_in_text)} found={found}")
            if args.misses == "wage" and HIGH_PAY in ids:
                print(f"  {HIGH_PAY} {ad.id}: {[(w['text'], w.get('ratio_to_min_wage')) for w in facts['wages']]}")
            c["high_pay"] += HIGH_PAY in ids
        totals.update(c)
        print(table_row(source, len(rows), c))
    c = totals
    print(table_row("ALL", count, c))
    print(f"\nabsence signs fired, share of all {count} ads:")
    for sign in ABSENCE_SIGNS:
        print(f"  {sign:34} {fired[sign] / max(count, 1):6.1%}")
    print(f"  {HIGH_PAY:34} {c['high_pay'] / max(count, 1):6.1%} ({c['high_pay']} ads; not an absence sign)")
    print(f"\n{count} ads in {time.perf_counter() - t0:.1f} s")
    if args.titles:
        print_titles(groups)
    return 0


def same_words(a: str, b: str) -> bool:
    return NON_WORD.sub(" ", a.casefold()).split() == NON_WORD.sub(" ", b.casefold()).split()


def print_titles(groups: list[tuple[str, list[RealAd]]]) -> None:
    """Job titles of the ads pasted with the board's title as their first line."""
    print(f"\n{'job title (pasted with it)':32} {'n':>4}  {'returned':15} {'board title':15}")
    total: Counter = Counter()
    for label, rows in groups:
        c: Counter = Counter()
        for ad in rows:
            if not ad.title:
                continue
            if ad.is_html:
                title = assess(html=f"<h1>{html.escape(ad.title)}</h1>\n{ad.text}").facts.job.title
            else:
                title = assess(f"{ad.title}\n{ad.text}").facts.job.title
            c["n"] += 1
            c["returned"] += bool(title)
            c["same"] += bool(title) and same_words(title, ad.title)
        total.update(c)
        print(f"{label[:32]:32} {c['n']:>4}  {ratio(c['returned'], c['n'])} {ratio(c['same'], c['n'])}")
    print(f"{'ALL':32} {total['n']:>4}  {ratio(total['returned'], total['n'])} {ratio(total['same'], total['n'])}")


if __name__ == "__main__":
    sys.exit(main())
