"""Locations named in an ad and the destination country of the work.

Places come from the gazetteer spans (`doc.spans["places"]`: countries, regions, cities, areas,
nationalities), from location lines in the EMSCAD/export style ("US, NY, New York" alone on a line)
and from the VAGUE_DESTINATION cues ("abroad", "in Europe", "overseas"). Areas of several countries
("Scandinavia", "the Middle East") and vague cues are returned with kind "vague" and no country.

A city or region names its country. For a name shared by several countries: "City, Region" or
"City, Country" pairs agree ("Atlanta, Georgia" is the US state, "Paris, Texas" the US town); a
name whose largest namesake dominates keeps that country ("Athens" is GR) unless a location line
or the page's jobLocation names another of its countries; an open name ("Valencia": ES or VE)
takes the country that another unambiguous place in the ad names, else the one it leans to (the
pack's home country, else the one European country: ES), else none. Each location keeps its text as
written and the gazetteer's `name` ("Warszawa" for "Warszawie", "Annecy" for "ANNECY").
Cities of 100,000 people or more are also read inside longer words: the head of a city-district
compound ("Hamburg-Barmbek"), words glued by a scraper ("LocationHamburgEmployment") and, in packs
with adjective rules (place_inflection.toml [adjectives]), city adjectives ("смоленский офис").

Destination rule, first that applies:
1. the addressCountry of the page's schema.org JobPosting `jobLocation`, when it names one country
   (else the country of a `location` metadata column of an export: "US, NY, New York", "Germany");
2. the country of the first location line ("US, NY, New York");
3. a score per country over the places in the text: 2 for a place in work context (right after
   "in", "to", "work in", "based in", "relocate to" ... in the same clause), 1 for a bare mention;
   places named as the worker's origin ("from Romania", "citizens of Moldova", the items of a list
   after such a trigger) score nothing, and a country also named as an origin keeps only its
   work-context points. The country with the highest score is the destination; a tie for first
   place, or no scored country, gives None.
Nationalities ("for Bulgarian citizens") are never locations: they only tell the origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, IS_UPPER, LENGTH, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from validator.assessment import Location
from validator.facts.context import Context
from validator.facts.gazetteer import Place, PlaceLexicon, get_lexicon
from validator.nlp.components import doc_text, token_table
from validator.resources import data_path, load_toml

KIND = {"COUNTRY": "country", "REGION": "region", "CITY": "city", "AREA": "vague"}
CLAUSE_BREAKS = {".", ";", "!", "?", ":", "|", "•", "·", "(", ")"}
LIST_WORDS = {",", "and", "or", "&", "/", "-", "–", "as", "well"}
SKIP_WORDS = {"the", "a", "beautiful", "sunny", "northern", "southern", "eastern", "western", "central"}
# "US, NY, New York" / "GB, LND, London" / "US, ," / "US" on a line of its own
LOCATION_LINE = re.compile(
    r"(?P<cc>[A-Z]{2})[ \t]*(?:,[ \t]*(?P<region>[A-Za-z0-9]{0,4})[ \t]*(?:,[ \t]*(?P<city>[^,\n]*?))?)?[ \t]*"
)
BARE_CODE_MAX_LINE = 3  # a two-letter code alone on a line counts only among the first lines
HASH_MASK = (1 << 20) - 1  # city adjectives are looked up by the low 20 bits of a word's hash first
MIN_STEM = 2  # letters of a city's name left before an adjective ending
MIN_PART = 4  # letters of a city read inside a longer word ("Hamburg-Barmbek", "смоленский")
# hashes of capitalised words with no other capital ("Python"): not read again by _word_parts
_PLAIN_WORDS: set[int] = set()
MAX_PLAIN_WORDS = 200_000
MIN_GLUED = 6  # letters of a city glued to other words ("DüsseldorfYou"; not "BudaPart", "EasyVista")


@dataclass
class _Mention:
    start: int  # char offsets
    end: int
    text: str
    kind: str
    place: Place | None
    country: str | None = None
    role: str = "mention"  # mention | work | origin | field
    tok_start: int = -1
    tok_end: int = -1
    name: str | None = None  # the gazetteer's name ("Warszawa" for "Warszawie")


@dataclass(frozen=True)
class _Triggers:
    origin: frozenset[tuple[str, ...]]
    work: frozenset[tuple[str, ...]]
    longest: int
    window: int
    origin_after: frozenset[str]


@cache
def _triggers(lang: str) -> _Triggers:
    """The context words of the language pack (none for a language without a pack)."""
    conf = load_toml("lang", lang, "places.toml").get("context", {})
    origin = frozenset(tuple(w.lower().split()) for w in conf.get("origin_before", []))
    work = frozenset(tuple(w.lower().split()) for w in conf.get("work_before", []))
    longest = max((len(p) for p in origin | work), default=0)
    after = frozenset(w.lower() for w in conf.get("origin_after", []))
    return _Triggers(origin, work, longest, int(conf.get("window", 4)), after)


def extract(doc: Doc, ctx: Context) -> tuple[list[Location], str | None]:
    """The places named in the ad (with offsets) and the destination country, or None."""
    lex = get_lexicon(ctx.language)
    triggers = _triggers(ctx.language)
    mentions, field_country = _field_lines(doc, lex)
    taken = [(m.start, m.end) for m in mentions]
    nationality_spans: list[Span] = []
    for span in doc.spans.get("places", []):
        if span.label_ == "NATIONALITY":
            nationality_spans.append(span)
            continue
        start, end = span.start_char, span.end_char
        if any(start < e and s < end for s, e in taken):
            continue
        name = span.id_ or lex.name_of(span.text)
        place = lex.exact.get(name) if name else None
        kind = KIND.get(span.label_)
        if kind is None:
            continue
        mention = _Mention(start, end, span.text, kind, place, tok_start=span.start, tok_end=span.end)
        mention.name = name if place is not None else None
        mentions.append(mention)
    mentions += _word_parts(doc, lex, mentions) + _adjectives(doc, lex, ctx.language, mentions)
    mentions = _add_vague_cues(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    _assign_roles(doc, mentions, triggers)
    origins = _nationality_origins(doc, nationality_spans, triggers)
    given = _structured_country(ctx, lex)
    strong, anchors = _anchors(mentions, given)
    _resolve_pairs(doc, mentions)
    for m in mentions:
        if m.country is None and m.place is not None:
            m.country = _resolve(m.place, strong, anchors)
            if m.kind == "country" and m.country != m.place.countries[0]:
                m.kind = "region"  # "Georgia" read as the US state
    destination = given or field_country or _score(mentions, origins)
    locations = [Location(m.text, m.country, m.kind, m.start, m.end, m.name) for m in mentions]
    return locations, destination


# ---------------------------------------------------------------- sources of mentions


def _line_starts(doc: Doc) -> list[tuple[int, str]]:
    """(char offset, line text) of the lines that begin with a two-letter upper-case token.

    Read from the token arrays, so that the whole `doc.text` is not rebuilt for every ad."""
    arr = token_table(doc)
    codes = np.flatnonzero((arr[LENGTH] == 2) & (arr[IS_UPPER] == 1) & (arr[IS_ALPHA] == 1)).tolist()
    if not codes:
        return []
    strings = doc.vocab.strings
    orth, is_space = arr[ORTH].tolist(), arr[IS_SPACE].tolist()
    lines = []
    for i in codes:
        if i > 0 and not (is_space[i - 1] and "\n" in strings[orth[i - 1]]) and not (i == 1 and is_space[0]):
            continue
        k = i + 1
        while k < len(orth) and not (is_space[k] and "\n" in strings[orth[k]]):
            k += 1
        lines.append((doc[i].idx, doc[i:k].text))
    return lines


def _field_lines(doc: Doc, lex: PlaceLexicon) -> tuple[list[_Mention], str | None]:
    """Location lines "CC, REGION, City": the code as a country, the city with that country."""
    common = load_toml("common", "places.toml").get("codes", {})
    bare_excluded = set(common.get("bare_alpha2_excluded", []))
    mentions: list[_Mention] = []
    first: str | None = None
    for offset, line in _line_starts(doc):
        m = LOCATION_LINE.fullmatch(line)
        if m is None:
            continue
        cc = m.group("cc")
        if cc not in lex.country_codes:
            continue
        bare = m.group("region") is None  # the code alone on its line
        if bare and (cc in bare_excluded or doc_text(doc)[:offset].count("\n") >= BARE_CODE_MAX_LINE):
            continue
        first = first or cc
        mentions.append(_Mention(offset + m.start("cc"), offset + m.end("cc"), cc, "country", None, cc, "field"))
        city = m.group("city")
        if city:
            # the third field is the city, whatever else the name can be ("New York" the state)
            start, end = offset + m.start("city"), offset + m.end("city")
            name = lex.name_of(city)
            place = lex.exact[name] if name else None
            mentions.append(_Mention(start, end, city, "city", place, cc, "field", name=name))
    return mentions, first


def _city_part(lex: PlaceLexicon, part: str, least: int = MIN_PART) -> Place | None:
    """The city a part of a word names, when it is one of 100,000 people or more."""
    place = lex.exact.get(part) if len(part) >= least else None
    return place if place is not None and place.label == "CITY" and not place.minor else None


def _word_parts(doc: Doc, lex: PlaceLexicon, mentions: list[_Mention]) -> list[_Mention]:
    """Cities inside longer words: the head of a city-district compound ("Hamburg-Barmbek") and a
    part of words glued by a scraper ("LocationHamburgEmployment", "DüsseldorfYou"): a part begins
    where an upper-case letter follows a lower-case one. Only cities of 100,000 people or more, and
    not in e-mail addresses or links ("AbadanTrading@gmail.com"), nor before a lower-case tail ("Nice-to-have")."""
    arr = token_table(doc)
    cand = (arr[IS_LOWER] == 0) & (arr[IS_UPPER] == 0) & (arr[IS_PUNCT] == 0) & (arr[IS_SPACE] == 0)
    cand &= arr[LENGTH] > MIN_PART
    taken = {i for m in mentions if m.tok_start >= 0 for i in range(m.tok_start, m.tok_end)}
    strings = doc.vocab.strings
    found: list[_Mention] = []
    if len(_PLAIN_WORDS) > MAX_PLAIN_WORDS:
        _PLAIN_WORDS.clear()
    for i, key in zip(np.flatnonzero(cand).tolist(), arr[ORTH][cand].tolist(), strict=True):
        if key in _PLAIN_WORDS:
            continue
        s = strings[key]
        if s[1:].islower():
            _PLAIN_WORDS.add(key)
            continue
        if i in taken or not s[:1].isalpha() or "@" in s or "." in s or "/" in s:
            continue
        if "-" in s:
            head, tail = s.split("-", 1)
            parts, least = ([(0, head)] if tail[:1].isupper() and tail[1:2].islower() else []), MIN_PART
        else:
            cuts = [0, *(k for k in range(1, len(s)) if s[k].isupper() and s[k - 1].islower()), len(s)]
            parts, least = [(a, s[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)], MIN_GLUED
        for offset, part in parts:
            place = _city_part(lex, part, least)
            if place is None:
                continue
            start = doc[i].idx + offset
            found.append(_Mention(start, start + len(part), part, "city", place, tok_start=i, tok_end=i + 1, name=part))
    return found


@dataclass(frozen=True)
class _AdjectiveRules:
    forms: dict[str, str]  # lower-case adjective form -> the city's listed name
    hashes: frozenset[int]  # their hashes
    bits: np.ndarray  # a flag per low bits of those hashes: one look-up over the doc's LOWER column
    not_before: frozenset[str]  # words after it that make it no city ("область", "straße")
    not_after: frozenset[str]  # words before it that make it no city ("м.", "ул.")
    names_after: bool  # a capitalised word after makes it part of a longer name


@cache
def _adjective_rules(lang: str) -> _AdjectiveRules:
    """City adjectives of the pack (place_inflection.toml [adjectives]), made once from the cities
    of 100,000 people or more of the pack's home countries: each `endings` key replaces one
    of its listed name endings ("смоленск" -> "смоленский"; "Düsseldorf" -> "Düsseldorfer");
    `stems` adds irregular forms ("московск" -> Москва)."""
    path = data_path("lang", lang, "place_inflection.toml")
    conf = load_toml("lang", lang, "place_inflection.toml").get("adjectives", {}) if path.exists() else {}
    forms: dict[str, str] = {}
    endings = conf.get("endings", {})
    if endings:
        lex = get_lexicon(lang)
        home = set(load_toml("lang", lang, "places.toml").get("home", {}).get("countries", []))
        cities = [n for n, p in lex.exact.items() if _city_part(lex, n) is not None and p.countries[0] in home]
        for ending, bases in endings.items():
            for base in bases:  # the first listed name ending wins ("казанский": Казань, not Казан)
                for name in cities:
                    stem = name[: len(name) - len(base)]
                    if name.endswith(base) and len(stem) >= MIN_STEM and _cyrillic(name) == _cyrillic(ending):
                        forms.setdefault((stem + ending).lower(), name)
        for form in conf.get("not_forms", []):
            forms.pop(form.lower(), None)
    lex = get_lexicon(lang)
    stems = {stem: name for stem, name in conf.get("stems", {}).items() if name in lex.exact}
    forms.update({stem + e: name for stem, name in stems.items() for e in endings})
    hashes = frozenset(hash_string(f) for f in forms)
    bits = np.zeros(HASH_MASK + 1, dtype=bool)
    bits[[h & HASH_MASK for h in hashes]] = True
    not_before, not_after = frozenset(conf.get("not_before", [])), frozenset(conf.get("not_after", []))
    return _AdjectiveRules(forms, hashes, bits, not_before, not_after, bool(conf.get("names_after", False)))


def _adjectives(doc: Doc, lex: PlaceLexicon, lang: str, mentions: list[_Mention]) -> list[_Mention]:
    """Cities named by their adjective ("смоленский офис" -> Смоленск, "львівська компанія" -> Львів,
    "Düsseldorfer Büro" -> Düsseldorf), for cities of 100,000 people or more; not next to a region or
    street noun ("Московская область", "Frankfurter Straße", "м. Киевская")."""
    rules = _adjective_rules(lang)
    if not rules.forms:
        return []
    lowers = token_table(doc)[LOWER]
    maybe = np.flatnonzero(rules.bits[lowers & HASH_MASK])
    cand = [i for i, h in zip(maybe.tolist(), lowers[maybe].tolist(), strict=True) if h in rules.hashes]
    taken = {i for m in mentions if m.tok_start >= 0 for i in range(m.tok_start, m.tok_end)}
    found: list[_Mention] = []
    for i in cand:
        tok = doc[i]
        if i in taken or _not_city_adjective(doc, i, rules):
            continue
        name = rules.forms[tok.lower_]
        start, place = tok.idx, lex.exact[name]
        found.append(_Mention(start, start + len(tok), tok.text, "city", place, tok_start=i, tok_end=i + 1, name=name))
    return found


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[-1:] <= "\u04ff" or "\u0400" <= word[:1] <= "\u04ff"


def _not_city_adjective(doc: Doc, i: int, rules: _AdjectiveRules) -> bool:
    """Whether token `i` is part of a region, street or metro station name ("Московская область",
    "Kölner Landstraße", "м. Киевская") or, where `names_after`, of a longer proper name
    ("Петропавловская Борщаговка"; not "IT компания")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.lower_ in rules.not_before:
        return True
    if rules.names_after and after is not None and after.text[:1].isupper() and not after.is_upper:
        return True
    before = doc[i - 1].lower_ if i > 0 else ""
    return before in rules.not_after or (before == "." and i > 1 and doc[i - 2].lower_ + "." in rules.not_after)


def _add_vague_cues(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """VAGUE_DESTINATION cues as vague places; an area inside a cue ("in Europe") gives way to it."""
    cues = [s for s in doc.spans.get("cues", []) if s.label_ == "VAGUE_DESTINATION"]
    if not cues:
        return mentions
    # overlapping cues ("work abroad" and "abroad"): keep the longest
    cues.sort(key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    kept: list[Span] = []
    for span in cues:
        if kept and span.start_char < kept[-1].end_char:
            continue
        kept.append(span)
    out = [
        m
        for m in mentions
        if not (m.kind == "vague" and any(c.start_char < m.end and m.start < c.end_char for c in kept))
    ]
    for span in kept:
        if any(m.start < span.end_char and span.start_char < m.end for m in out):
            continue  # a named place there already ("in the EU" next to a country name)
        out.append(
            _Mention(span.start_char, span.end_char, span.text, "vague", None, tok_start=span.start, tok_end=span.end)
        )
    return out


# ---------------------------------------------------------------- roles and countries


def _words_before(doc: Doc, start: int, window: int) -> list[str]:
    """Lower-cased words before token `start` in the same clause and line, filler words skipped."""
    words: list[str] = []
    i = start - 1
    while i >= 0 and len(words) < window:
        tok = doc[i]
        if tok.text in CLAUSE_BREAKS or "\n" in tok.whitespace_ or tok.is_space:
            break
        if tok.lower_ not in SKIP_WORDS:
            words.insert(0, tok.lower_)
        i -= 1
    return words


def _ends_with(words: list[str], phrases: frozenset[tuple[str, ...]], longest: int) -> bool:
    return any(tuple(words[-k:]) in phrases for k in range(1, min(longest, len(words)) + 1))


def _assign_roles(doc: Doc, mentions: list[_Mention], t: _Triggers) -> None:
    previous: _Mention | None = None
    for m in mentions:
        if m.role == "field" or m.tok_start < 0:
            continue
        words = _words_before(doc, m.tok_start, t.window)
        if _ends_with(words, t.origin, t.longest):
            m.role = "origin"
        elif _ends_with(words, t.work, t.longest):
            m.role = "work"
        elif previous is not None and previous.role in {"origin", "work"} and _listed_after(doc, previous, m):
            m.role = previous.role  # "from Bulgaria, Romania and Moldova"
        previous = m


def _listed_after(doc: Doc, previous: _Mention, m: _Mention) -> bool:
    between = doc[previous.tok_end : m.tok_start]
    return len(between) <= 3 and all(t.lower_ in LIST_WORDS for t in between) and "\n" not in between.text


def _nationality_origins(doc: Doc, spans: list[Span], t: _Triggers) -> set[str]:
    """Countries of nationalities used for the workers ("Bulgarian citizens", "Polish, Romanian workers")."""
    after = t.origin_after
    origins: set[str] = set()
    chain: list[str] = []  # nationalities waiting for their noun ("Bulgarian and Romanian citizens")
    for k, span in enumerate(spans):
        if span.kb_id_:
            chain.append(span.kb_id_)
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in after:
            origins.update(chain)
            chain = []
            continue
        following = spans[k + 1] if k + 1 < len(spans) else None
        if following is None or not all(t.lower_ in LIST_WORDS for t in doc[span.end : following.start]):
            chain = []
    return origins


def _anchors(mentions: list[_Mention], given: str | None) -> tuple[set[str], set[str]]:
    """Countries the ad settles: strong (location lines, jobLocation) and all (plus unambiguous names)."""
    strong = {m.country for m in mentions if m.role == "field" and m.country}
    if given:
        strong.add(given)
    anchors = set(strong)
    for m in mentions:
        if m.place is not None and m.place.settled and len(m.place.countries) == 1:
            anchors.add(m.place.countries[0])
    return strong, anchors


def _resolve_pairs(doc: Doc, mentions: list[_Mention]) -> None:
    """ "Atlanta, Georgia" / "Victoria, Australia" / "Paris, Texas": a place followed by a comma and a
    region or country lies in that country (the one both names share, when they share one)."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.place is None or b.place is None or a.tok_start < 0 or b.tok_start < 0:
            continue
        if a.place.label not in {"CITY", "REGION"} or b.place.label not in {"COUNTRY", "REGION"} or a.role == "field":
            continue
        between = doc[a.tok_end : b.tok_start]
        if len(between) != 1 or between[0].text != ",":
            continue
        shared = [c for c in b.place.countries if c in a.place.countries]
        code = shared[0] if shared else b.place.country
        if code is None:
            continue
        a.country = code
        if b.place.country != code:
            b.country = code
            if b.kind == "country":
                b.kind = "region"


def _resolve(place: Place, strong: set[str], anchors: set[str]) -> str | None:
    """The country of a place: its own when settled (unless a location line says otherwise), else
    the one other places in the ad settle."""
    if len(place.countries) > 1:
        if place.settled and place.countries[0] not in strong:
            return next((c for c in place.countries[1:] if c in strong), place.countries[0])
        if not place.settled:
            fallback = place.countries[0] if place.preferred else None  # "Valencia": ES
            return next((c for c in place.countries if c in anchors), fallback)
    return place.country


def _score(mentions: list[_Mention], origins: set[str]) -> str | None:
    scores: dict[str, int] = {}
    origin_only: set[str] = set(origins)
    for m in mentions:
        if not m.country or m.kind == "vague":
            continue
        if m.role == "origin":
            origin_only.add(m.country)
            continue
        scores[m.country] = scores.get(m.country, 0) + (2 if m.role == "work" else 1)
    for code in list(scores):
        # a country named as the origin counts only through work-context mentions
        if code in origin_only:
            work = sum(2 for m in mentions if m.country == code and m.role == "work")
            if work:
                scores[code] = work
            else:
                del scores[code]
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


# ---------------------------------------------------------------- schema.org jobLocation


def _address_countries(value: Any) -> list[Any]:
    found: list[Any] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "addressCountry":
                found.append(item)
            else:
                found.extend(_address_countries(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_address_countries(item))
    return found


def _country_code(value: Any, lex: PlaceLexicon) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("identifier")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if len(value) == 2 and value.upper() in lex.country_codes:
        return value.upper()
    place = lex.get(value)
    return place.country if place is not None and place.label == "COUNTRY" else None


def _structured_country(ctx: Context, lex: PlaceLexicon) -> str | None:
    """The one country of the page's JobPosting jobLocation, if it names exactly one."""
    location = ctx.structured.get("jobLocation") if ctx.structured else None
    if not location:
        return _metadata_country(ctx, lex)
    codes = {_country_code(v, lex) for v in _address_countries(location)} - {None}
    return codes.pop() if len(codes) == 1 else None


def _metadata_country(ctx: Context, lex: PlaceLexicon) -> str | None:
    """The country of an export's `location` column ("US, NY, New York" or a country name)."""
    value = ctx.metadata.get("location") if ctx.metadata else None
    if not isinstance(value, str) or not value.strip():
        return None
    m = LOCATION_LINE.fullmatch(value.strip())
    if m and m.group("cc") in lex.country_codes:
        return m.group("cc")
    return _country_code(value, lex)
