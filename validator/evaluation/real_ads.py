"""Read the real-ads development set (`groundtruth.csv` per source folder) and compare facts with it.

The set lives outside the project (`../shared/data/real-ads-dev`, or `VALIDATOR_REAL_ADS`); it is test
data only and is never copied into the repository. Rows are de-duplicated by text across sources.
"""

from __future__ import annotations

import csv
import html
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from validator.resources import load_toml

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT.parent / "shared/data/real-ads-dev"
TAG = re.compile(r"<[^>]+>")
NON_WORD = re.compile(r"[\W_]+")
# legal-form words dropped before names are compared ("Acme GmbH" == "ACME")
LEGAL_WORDS = frozenset(
    [
        "a", "ab", "ag", "ao", "aps", "as", "bv", "co", "corp", "corporation", "d", "doo", "eood", "eurl", "gmbh",
        "group", "inc", "kft", "kg", "limited", "llc", "ltd", "nv", "o", "oao", "ood", "ooo", "ou", "oy", "p",
        "pao", "plc", "s", "sa", "sarl", "sas", "sasu", "sau", "se", "sia", "sl", "slu", "sp", "spa", "srl", "uab",
        "z", "zao", "zrt", "ад", "ао", "еоод", "зао", "ип", "оод", "ооо", "пао", "тов", "фоп",
        # the word "group" ("Grupo Oesía" is Oesía)
        "grupo", "groupe", "gruppe", "gruppo", "grupa", "група", "группа", "гк",
    ]
)

TRUNCATED_AT = 50  # EURES cuts employer names at 50 characters
PLACEHOLDERS = frozenset({"no data available", "non renseigné", "n/a", "not specified", "confidential"})


def data_dir() -> Path:
    return Path(os.environ.get("VALIDATOR_REAL_ADS", DEFAULT_DIR))


@dataclass(frozen=True)
class RealAd:
    source: str
    id: str
    lang: str
    text: str
    is_html: bool
    title: str
    employer: str
    city: str
    country: str
    salary: tuple[float, ...]
    employer_in_text: bool
    city_in_text: bool
    salary_in_text: bool


def _num(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def load(directory: Path | None = None) -> list[RealAd]:
    """Every ad of every source folder, first occurrence of each text kept."""
    directory = directory or data_dir()
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    ads: list[RealAd] = []
    for path in sorted(directory.glob("*/groundtruth.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row["text"]
                key = " ".join(text.split())
                if not key or key in seen:
                    continue
                seen.add(key)
                salary = tuple(v for v in (_num(row["salary_min"]), _num(row["salary_max"])) if v is not None)
                ads.append(
                    RealAd(
                        source=path.parent.name,
                        id=row["id"],
                        lang=row["lang"] or "?",
                        text=text,
                        is_html=row["text_format"] == "html" or bool(TAG.search(text[:2000])),
                        title=row["title"].strip(),
                        employer=_employer(row["employer"]),
                        city=row["city"].strip(),
                        country=row["country"].strip(),
                        salary=salary,
                        employer_in_text=row["employer_in_text"] == "1",
                        city_in_text=row["city_in_text"] == "1",
                        salary_in_text=row["salary_in_text"] == "1",
                    )
                )
    return ads


ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")  # only full entities: "M&GT" is no "M>"


def _employer(value: str) -> str:
    """The board's employer value; a placeholder ("no data available") is no value."""
    value = value.strip()
    return "" if value.casefold() in PLACEHOLDERS else value


def norm(value: str) -> str:
    value = ENTITY.sub(lambda m: html.unescape(m.group(0)), value)
    value = unicodedata.normalize("NFKC", value).casefold().replace("ё", "е")
    return " ".join(NON_WORD.sub(" ", value).split())


@cache
def _legal_phrases() -> tuple[tuple[str, ...], ...]:
    """Every spelling of every legal form (data/common/legal_forms.toml) as normalised words, longest
    first: "Sabiedrība ar ierobežotu atbildību" is SIA."""
    table = load_toml("common", "legal_forms.toml")
    spellings = {v for row in table.get("form", []) for v in (row["name"], *row.get("variants", []))}
    phrases = {tuple(_fold(norm(s)).split()) for s in spellings} - {()}
    return tuple(sorted(phrases, key=len, reverse=True))


def _fold(value: str) -> str:
    """Without accents: "Tecnológicas" is "Tecnologicas" (boards and ads drop them in capitals)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.combining(ch))


LEADING_ARTICLES = frozenset({"the", "l", "la", "le", "les", "il", "lo", "el", "los", "las", "der", "die", "das"})


def name_words(value: str, truncated: bool = False) -> list[str]:
    """The words of a name without its legal form, spelled out or abbreviated, and without accents. A
    `truncated` value (cut by the board) loses its last, maybe partial, word, and a legal form cut short
    at its end."""
    words = _fold(norm(value)).split()
    if words[:1] and words[0] in LEADING_ARTICLES and len(words) > 1:
        words = words[1:]  # "The Retail Odyssey Company" is "Retail Odyssey Company", "L'Atelier 963" "Atelier 963"
    if truncated and len(words) > 1:
        words = words[:-1]
    phrases = _legal_phrases()
    out: list[str] = []
    i = 0
    while i < len(words):
        hit = next((len(p) for p in phrases if len(p) > 1 and tuple(words[i : i + len(p)]) == p), 0)
        if hit:
            i += hit
            continue
        if truncated and any(len(p) > 1 and tuple(words[i:]) == p[: len(words) - i] for p in phrases):
            break  # "... sabiedrība ar ierobežotu" (atbildību cut off)
        if words[i] not in LEGAL_WORDS and (words[i],) not in phrases:
            out.append(words[i])
        i += 1
    return out


PARENTHESES = re.compile(r"\(([^()]{2,60})\)")
CYRILLIC_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"],
    strict=True,
))  # fmt: skip


def _script(value: str) -> str:
    return "cyrillic" if any("\u0400" <= ch <= "\u04ff" for ch in value) else "other"


def _latin(value: str) -> list[str]:
    """A name's words in Latin letters, Cyrillic transliterated, without legal forms: ["vitagor", "stroy"]."""
    words = ("".join(CYRILLIC_LATIN.get(ch, ch) for ch in w) for w in norm(value).split())
    return [w for w in (_fold(x) for x in words) if w and w not in LEGAL_WORDS]


def _acronym_of(short: str, full: str) -> bool:
    """Whether `short` (2 to 6 capitals) spells the initials of `full`'s words without its legal form,
    inner capitals included ("HCSG": HealthCare Services Group)."""
    short = short.strip()
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return False
    words = [w for w in NON_WORD.sub(" ", full).split() if w.casefold() not in LEGAL_WORDS and w.casefold() != "the"]
    plain = "".join(w[0] for w in words).upper()
    inner = "".join(ch for w in words for ch in w[0] + "".join(c for c in w[1:] if c.isupper())).upper()
    return len(words) >= 2 and (short in (plain, inner) or len(short) >= 3 and inner.startswith(short))


def same_name(found: str, truth: str) -> bool:
    """Same organisation name: equal words once legal forms (abbreviated or spelled out) are dropped, or
    one name's words start the other's. A board value of `TRUNCATED_AT` characters was cut: the found
    name only has to start with what is left of it."""
    if norm(found) == norm(truth):
        return True  # "Sabiedrība ar ierobežotu atbildību "Q&V"" is no name without its legal form
    head, _, kind = truth.partition(", ")
    if kind[:1].islower() and head and same_name(found, head):
        return True  # "Біле-Сухе, мережа магазинів": the board adds what the employer is
    inner = PARENTHESES.search(truth)
    if inner and (same_name(found, inner.group(1)) or same_name(found, PARENTHESES.sub(" ", truth))):
        return True  # "АпТрейдер (UpTrader)", "Б1 (B1)": the board's other spelling in parentheses
    if _script(found) != _script(truth):
        a, b = _latin(found), _latin(truth)
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if short and long_[: len(short)] == short and len("".join(short)) >= 3:
            return True  # "Витагор-строй" is "Vitagor Stroy"
    parts = [part for part in truth.split(",") if len(part.split()) >= 2]
    if len(parts) >= 2 and any(same_name(found, part) for part in parts):
        return True  # "Sveučilište u Osijeku, Filozofski fakultet": the parent body, then the employing unit
    truncated = len(truth) >= TRUNCATED_AT
    a, b = name_words(found), name_words(truth, truncated)
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True  # "M&GT Consulting" == "M & GT Consulting", "Grupo NS" == "NS"
    if _acronym_of(found, truth) or _acronym_of(truth, found):
        return True  # "ELS" is "Equity LifeStyle Properties", "GDIT" "General Dynamics Information Technology"
    if truncated and len(a) >= len(b):
        return a[: len(b)] == b and len("".join(b)) >= 3
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[: len(short)] == short and len("".join(short)) >= 3


def same_place(found: str, truth: str) -> bool:
    a, b = norm(found), norm(truth)
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ") or a.split()[0] == b.split()[0] and len(a) > 3


def same_amount(value: float | None, truth: tuple[float, ...]) -> bool:
    return value is not None and any(abs(value - t) <= max(1.0, 0.005 * t) for t in truth)


def by_source(ads: list[RealAd]) -> Iterator[tuple[str, list[RealAd]]]:
    yield from _grouped(ads, lambda ad: ad.source)


def by_language(ads: list[RealAd]) -> Iterator[tuple[str, list[RealAd]]]:
    """The ads grouped by their detected language ("?" where the data gives none)."""
    yield from _grouped(ads, lambda ad: ad.lang or "?")


def _grouped(ads: list[RealAd], key: Callable[[RealAd], str]) -> Iterator[tuple[str, list[RealAd]]]:
    groups: dict[str, list[RealAd]] = {}
    for ad in ads:
        groups.setdefault(key(ad), []).append(ad)
    yield from sorted(groups.items())
