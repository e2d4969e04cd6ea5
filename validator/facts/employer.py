"""Employer: name, legal form, street address, postcode, registration numbers and website.

Sources, most trusted first: the schema.org `hiringOrganization` of the page, labelled lines
("Employer: ...", "Address: ..."), then patterns in the text (a legal-form suffix after capitalised
name words, a house number next to a street word, postcode formats, registration-number formats).
Language-independent data lives in data/common/, the words of a language in data/lang/<lang>/employer.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from spacy.attrs import IS_DIGIT, ORTH, SUFFIX
from spacy.tokens import Doc

from validator.assessment import Employer, Evidence
from validator.facts import contacts, employer_name
from validator.facts.context import Context
from validator.nlp import get_nlp
from validator.nlp.components import doc_text, token_table
from validator.resources import load_toml

MAX_NAME_WORDS = 6
MAX_LABEL_VALUE = 120
MAX_NAME_CHARS = 80
MAX_LABEL_NAME_WORDS = 8
VALUE_END = re.compile(r"(?<=[^\W\d_]{4})[.!?](?=\s+[A-Z]|\s*$)|[!?](?:\s|$)|\s+[|•·]\s+|;|\t|\s{3,}")
NAME_WORD = re.compile(r"^(?:[A-Z0-9À-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐΑ-Ω][\w'’&.+/-]*|(?:[A-Z]\.)+)$")
ABBREV_WORD = re.compile(r"^(?:(?:[A-Z]\.)+|Co\.|Bros\.|Intl\.|Int\.|St\.)$")
QUOTES = "\"'«»„“”‘’"
NUMBER_AFTER = re.compile(r"[ \t]+\d")
CAMEL_WORD = re.compile(r"^[a-z]{1,4}[A-Z][\w&-]*$")
NEXT_WORD = re.compile(r"[ \t]+(\w+)")
GLUED_NUMBER = re.compile(r"(?<=[^\W\d_])\d{6,}")
NO_WORD = re.match("()", "")
CAP = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐ"
NEXT_LETTER = re.compile(r"[ \t]+([^\W\d_])[\w-]")
QUOTED_NAME = re.compile(r"[ \t]*[\"«„“']([^\"»“”'\n]{2,60})[\"»“”']")
CAPITALISED_NAME = re.compile(r"[ \t]+((?:[" + CAP + r"](?:\.(?!\w)|[\w'’&-]*)[ \t]?){1,4})")  # initials: "И. И."
QUANTITY_BEFORE = re.compile(r"\d[ \t]*\Z")
WORD_BEFORE = re.compile(r"(?<!\S)([^\W\d_][\w'’-]*)[ \t]+\Z")
LOWER_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# the rest of an address after the street: ", 10115 Berlin", ", London NW1 6XE", ", LT-01103 Vilnius"
ADDRESS_TAIL = re.compile(
    r"(?:[ \t]+(?:[NS][EW]?|[EW])(?=,))?"
    r"(?:,[ \t]*(?:[A-Z]{2}[ \t]\d{5}(?:-\d{4})?|"
    r"(?:(?:[A-Z]{1,2}-)?\d[\dA-Z -]{2,8}[ \t]+)?[CAP][^\W\d_]+(?:[ \t-][CAP][^\W\d_]+){0,2}"
    r"(?:[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[ \t]+[A-Z]{1,3}(?!\w))?)(?=[,\n.;)]|[ \t]*$)){0,3}".replace(
        "CAP", CAP
    )
)
# around a postcode found off the address lines: its town after it (same line), the end of that town
# (end of line or punctuation, not more words: "10000 Menschen arbeiten"), a town before it, and what
# shows a number is no postcode (a list of numbers, a currency, a reference label)
TOWN_AFTER = re.compile(r"[ \t\u00a0]+([" + CAP + r"][^\W\d_]{2,}(?:[ \t\u00a0-][" + CAP + r"][^\W\d_]+){0,2})")
TOWN_END = re.compile(r"[ \t\u00a0]*(?:$|[,;|/()·•–—\n]|-[ \t])", re.M)
TOWN_BEFORE = re.compile(r"(?<=\w)[ \t\u00a0]*,?[ \t\u00a0]*\Z")
NUMBER_BEFORE = re.compile(
    r"(?:\d{4}[ \t\u00a0]*[-–,.;:/+]?[ \t\u00a0]*|\d[ \t\u00a0]*[-–.:+][ \t\u00a0]*|[€$£#№][ \t\u00a0]*"
    r"|(?i:iso|din|en|nr|no|id|ref|art|tel|fax|n°)\.?[ \t\u00a0:]*)\Z"
)  # a house number before it is fine: "Stiftsbergstrasse 1 74172 Neckarsulm", "Römermauer 3 / 54634 Bitburg"
YEAR = re.compile(r"(?:19|20)\d\d")
DIGIT_RUN_ANY = re.compile(r"\d+")
DIGIT_RUN = re.compile(r"\d(?:[ /.-]?\d){3,}")
# something a registration number needs near it: an upper-case label or prefix, or a label word
REG_HINT = re.compile(
    r"[A-ZÄÖÜА-ЯЄІЇ]{2}|(?i:\bno\b|number|nr|reg|reģ|kod|код|vat|tax|licen[cs]e|code|\bid\b|№|kvk|ič)"
)
SPACE = r"[ \t\u00a0]"  # a space inside one line (web pages write no-break spaces)
# between a registration label and its number: "KRS: 123", "reģ.Nr.4000", "Company No. - 0123"
REG_AFTER_LABEL = r"(?:(?<=\.)|(?!\w))\.?[ \t\u00a0]*(?:[:#]|-[ \t])?[ \t\u00a0]*"
REG_VALUE = r"(?P<value>(?:[A-Z]{1,3}[ -]?)?\d(?:[\d /.-]?\d){4,18})(?![\w/-])"


@dataclass(frozen=True)
class LegalForm:
    name: str
    countries: tuple[str, ...]
    position: str  # suffix | prefix | both
    languages: tuple[str, ...] = ()  # ad languages where it is at home (read before a capitalised name)
    # words that join the activity words of a name before the form, with commas ("Termelő, Kereskedelmi
    # és Szolgáltató Kft.")
    conjunctions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StreetRule:
    """A street pattern, searched only in a window around a trigger token (or a regex trigger)."""

    pattern: re.Pattern[str]
    before: int
    after: int
    trigger: re.Pattern[str] | None = None
    tokens: frozenset[int] = frozenset()  # hashes of `attr` (ORTH: the token, SUFFIX: its last 3 chars)
    attr: int = ORTH
    # words checked against `not_places`: the name words between the number and the street word, or
    # (number first) all words after the street word
    name_words: tuple[int, int | None] = (1, -1)


@dataclass(frozen=True)
class PostcodeRule:
    """A country's postcode format and what it needs around it (data/common/addresses.toml)."""

    country: str
    pattern: re.Pattern[str]
    needs_place: bool  # a town after it on an address line
    needs_known_place: bool  # off address lines: a gazetteer town next to it


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns for one language (common data + the language's words)."""

    lang: str
    forms: dict[str, LegalForm]  # variant -> form
    form_re: re.Pattern[str]
    form_first: frozenset[int]  # ORTH hashes of the first token of each spelling (cheap trigger)
    triggers: np.ndarray  # sorted ORTH hashes of all token triggers
    suffix_triggers: np.ndarray  # sorted SUFFIX hashes (glued street words: "Hauptstraße")
    ambiguous: frozenset[str]
    not_before: frozenset[str]
    name_label_re: re.Pattern[str] | None
    next_label_re: re.Pattern[str] | None  # any label followed by ":" (ends the previous value)
    address_label_re: re.Pattern[str] | None
    stopwords: frozenset[str]
    undisclosed: frozenset[str]  # label values that hide the employer ("Confidential")
    connectors: frozenset[str]
    name_enders: frozenset[str]  # words that end a name read after a prefix form ("SIA Acme Reg. Nr.")
    article_name_re: re.Pattern[str] | None  # an article and a lower-case name before a form ("Die zooplus SE")
    not_lowercase_names: frozenset[str]  # words of that name that show it is none ("bei einer GmbH")
    home_countries: frozenset[str]  # where ads in this language are written (lang/<lang>/pack.toml)
    adjective_endings: tuple[str, ...]  # ... endings of an adjective before a form ("die neu gegründete GmbH")
    verbs: frozenset[str]  # words that follow a name written after a prefix form ("ieško", "ищет")
    lowercase_after: int  # lower-case words a name after a prefix form may take ("UAB Šiaurės logistika")
    not_places: frozenset[str]
    streets: tuple[StreetRule, ...]
    postcodes: tuple[PostcodeRule, ...]
    registration: tuple[re.Pattern[str], ...]
    postcode_label_re: re.Pattern[str] | None  # "PLZ: 10115", "Code postal : 75001"
    postcode_label_words: tuple[str, ...]  # the labels, case-folded: the pattern runs only if one is there
    house_number_re: re.Pattern[str]  # a house number or postcode in a labelled address


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _first_tokens(lang: str, phrases, *, any_case: bool = False) -> frozenset[int]:
    """ORTH hashes of the tokens a phrase can start with, however the tokenizer splits what follows;
    with `any_case`, also its lower-case, Capitalised and UPPER-CASE spellings."""
    nlp = get_nlp(lang)
    out = set()
    for phrase in phrases:
        word = phrase.split()[0]
        for form in {nlp.make_doc(phrase)[0].text, word, word.rstrip("."), word.rstrip(".") + "."}:
            cases = {form, form.lower(), form[:1].upper() + form[1:], form.upper()} if any_case else {form}
            out.update(nlp.vocab.strings.add(c) for c in cases if c)
    return frozenset(out)


class TokenIndex:
    """The tokens of a doc that can start a legal form or a street, found in one vectorised pass over
    the ORTH and SUFFIX hashes (much cheaper than a regex over hundreds of spellings)."""

    def __init__(self, doc: Doc, orth_triggers: np.ndarray, suffix_triggers: np.ndarray):
        self.doc = doc
        self.hits: dict[int, list[tuple[int, int]]] = {ORTH: [], SUFFIX: []}  # attr -> (hash, token index)
        if not len(doc):
            return
        arr = token_table(doc)
        # a glued street word ("Hauptstraße 5") is followed by its number, maybe after a "."
        digit = arr[IS_DIGIT].astype(bool)
        number_follows = np.zeros(len(doc), dtype=bool)
        for gap in (1, 2, 3):  # "Hauptstraße 5", "Hauptstr. 5", "Hauptstr.\u00a05"
            number_follows[:-gap] |= digit[gap:]
        for attr, triggers in ((ORTH, orth_triggers), (SUFFIX, suffix_triggers)):
            if len(triggers):
                values = arr[attr]
                pos = np.minimum(np.searchsorted(triggers, values), len(triggers) - 1)
                found = triggers[pos] == values
                if attr == SUFFIX:
                    found &= number_follows
                self.hits[attr] = [(int(values[i]), int(i)) for i in np.flatnonzero(found)]

    def offsets(self, hashes: frozenset[int], attr: int = ORTH) -> list[int]:
        """Character offsets of the tokens whose `attr` hash is in `hashes`."""
        offsets = employer_name.token_offsets(self.doc)
        return [int(offsets[i]) for h, i in self.hits[attr] if h in hashes]


def _next_label_re(labels: list[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    return re.compile(r"[,;|]?[ \t]*(?<!\w)(?i:" + _alternation(labels) + r")[ \t]*:")


def _label_re(labels: list[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    return re.compile(
        r"(?im)^[ \t]*(?:[-*•·▪►✓✔]\s*)?(?:" + _alternation(labels) + r")[ \t]*(?::|[-–—][ \t])[ \t]*"
        r"(?P<value>[^\n]{2," + str(MAX_LABEL_VALUE) + r"})"
    )


def _forms(common: dict[str, Any], lang: str) -> dict[str, LegalForm]:
    """Spelling -> legal form for ads in `lang`: forms kept to their own languages are left out
    elsewhere, and a spelling of two forms (AS) goes to the one at home in `lang`."""
    forms: dict[str, LegalForm] = {}
    for row in common.get("form", []):
        languages = tuple(row.get("languages", []))
        if row.get("only_languages") and lang not in languages:
            continue
        form = LegalForm(row["name"], tuple(row.get("countries", [])), row.get("position", "suffix"), languages,
                         frozenset(row.get("conjunctions", [])))
        for variant in row.get("variants", []):
            if variant in forms and lang in forms[variant].languages and lang not in languages:
                continue
            forms[variant] = form
    return forms


def _label_alternation(labels) -> str:
    """Labels as a regex alternation where a space after a dot may be left out ("reģ.Nr.", "Reg. No")."""
    parts = []
    for label in sorted(set(labels), key=len, reverse=True):
        words = [re.escape(w) for w in label.split()]
        parts.append("".join(w + (SPACE + ("*" if w.endswith(".") else "+") if i < len(words) - 1 else "")
                             for i, w in enumerate(words)))
    return "|".join(parts)


def _street_rules(lang: str, addr: dict[str, Any], en_streets: list[str]) -> list[StreetRule]:
    """The street patterns of one language: street word after the name ("221B Baker Street",
    "Hauptstraße 5", "Brīvības iela 1"), before it ("ul. Marszałkowska 10", "бул. „Марица“ 22") or after
    the number ("12 rue de l'Industrie")."""
    streets = []
    cap = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐ]"
    # a house number: not a time ("24/7") or a year ("Dz. U. 2024")
    number = r"(?!24/7|(?:19|20)\d\d(?!\d))\d{1,4}[a-zA-Zа-яА-Я]?(?:[-–/]\d{1,4}[a-zA-Z]?)?(?![\d/:%,.]\d|[\d/:%])"
    markers = _alternation(addr.get("house_markers", [])) or "(?!)"
    house = r"(?:," + SPACE + r"*|" + SPACE + r"+)(?:(?i:" + markers + r")\.?" + SPACE + r"*)?" + number
    if en_streets:  # "221B Baker Street": found from the street word's token
        streets.append(StreetRule(
            re.compile(
                r"(?<![\w.,])\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5}[A-Za-z]?)?,?" + SPACE + "+(?:" + cap + r"[\w'’.-]*"
                + SPACE + "+){1,4}(?:" + _alternation({*en_streets, *(w.upper() for w in en_streets)}) + r")(?!\w)"
            ),
            70, 12, tokens=_first_tokens(lang, [*en_streets, *(w.upper() for w in en_streets)]),
        ))  # fmt: skip
    if addr.get("glued_suffixes"):  # "Hauptstraße 5", "Alfred-Keller-Straße 5": the suffix is inside a token
        alt = _alternation({v for w in addr["glued_suffixes"] for v in (w, "-" + w[:1].upper() + w[1:])})
        ends = {e for w in addr["glued_suffixes"] for e in (w[-3:], w.rstrip(".")[-3:])}
        streets.append(StreetRule(
            re.compile(r"(?<![\w-])" + cap + r"[\w'’-]*?(?:" + alt + r")" + house),
            40, 24, tokens=frozenset(get_nlp(lang).vocab.strings.add(e) for e in ends), attr=SUFFIX,
        ))  # fmt: skip
    if addr.get("word_suffixes"):  # "Brīvības iela 1", "Völklinger Straße 1"
        variants = {v for w in addr["word_suffixes"] for v in (w, w[:1].upper() + w[1:])}
        streets.append(StreetRule(
            re.compile(
                r"(?<!\w)(?:" + cap + r"[\w'’.-]*" + SPACE + r"+){1,3}(?:" + _alternation(variants) + r")" + house
            ),
            60, 14, tokens=_first_tokens(lang, addr["word_suffixes"], any_case=True),
        ))  # fmt: skip
    particles = _alternation(addr.get("particles", [])) or "(?!)"
    # a name word, maybe after an elided article or in quotes: "Industria", "dell'Industria", "„Марица“"
    word = r"(?:[a-zà-öø-ÿ]{1,5}['’])?" + cap + r"[\w'’.-]*"
    quoted = r"[\"„“«][^\"“”»\n]{2,40}[\"“”»]"
    if addr.get("prefixes"):  # "ul. Marszałkowska 10", "Via dell'Industria 12", "бул. „Марица“ 22"
        variants = {v for w in addr["prefixes"] for v in (w, w[:1].upper() + w[1:], w.upper())}
        streets.append(StreetRule(
            re.compile(
                r"(?<!\w)(?:" + _alternation(variants) + r")" + SPACE + r"*(?<=[\s.\u00a0/])(?:" + quoted
                + "|(?:(?:[a-z]{1,3}|" + particles + "|" + word + r")" + SPACE + r"+){0,3}" + word + r")" + house
            ),
            1, 90, tokens=_first_tokens(lang, addr["prefixes"], any_case=True),
        ))  # fmt: skip
    if addr.get("number_first"):  # "12 rue de l'Industrie", "3 bis avenue Jean Jaurès"
        variants = {v for w in addr["number_first"] for v in (w, w[:1].upper() + w[1:])}
        name_word = r"(?:[a-zà-öø-ÿ]{1,5}['’])?" + cap + r"[\w'’-]*"
        small = r"(?:[a-z]{1,3}|" + particles + r")" + SPACE + "+"
        streets.append(StreetRule(
            re.compile(
                r"(?<![\w.,/-])\d{1,4}(?:" + SPACE + r"?(?:bis|ter|[A-Da-d])(?!\w))?,?" + SPACE + r"+(?:"
                + _alternation(variants) + r")" + SPACE + r"+(?:" + small + r"){0,3}" + name_word
                + r"(?:" + SPACE + r"+(?:" + small + r"){0,2}" + name_word + r"){0,3}"
            ),
            14, 80, tokens=_first_tokens(lang, addr["number_first"], any_case=True), name_words=(2, None),
        ))  # fmt: skip
    return streets


@cache
def patterns(lang: str) -> Patterns:
    common = load_toml("common", "legal_forms.toml")
    forms = _forms(common, lang)
    form_re = re.compile(r"(?<![\w.&/-])(?:" + _alternation(forms) + r")(?![\w/]|\.\w)")
    words = load_toml("lang", lang, "employer.toml")
    labels = words.get("labels", {})
    addr = load_toml("common", "addresses.toml")
    lang_addr = words.get("address", {})
    streets = _street_rules(lang, addr, lang_addr.get("street_types", []))
    postcodes = tuple(
        PostcodeRule(country, re.compile(spec["pattern"]), bool(spec.get("needs_place")),
                     bool(spec.get("needs_known_place")))
        for country, spec in addr.get("postcodes", {}).items()
    )  # fmt: skip
    registration = [re.compile(row["pattern"]) for row in load_toml("common", "registration.toml").get("id", [])]
    reg_labels = words.get("registration", {}).get("labels", [])
    if reg_labels:
        label = r"(?<!\w)(?i:" + _label_alternation(reg_labels) + r")"
        registration.append(re.compile(label + REG_AFTER_LABEL + REG_VALUE))
    postcode_labels = lang_addr.get("postcode_labels", [])
    names = words.get("names", {})
    return Patterns(
        lang=lang,
        forms=forms,
        form_re=form_re,
        ambiguous=frozenset(common.get("ambiguous", [])),
        name_label_re=_label_re(labels.get("name", [])),
        next_label_re=_next_label_re(
            [*labels.get("name", []), *labels.get("address", []), *labels.get("contact", []), *reg_labels]
        ),
        address_label_re=_label_re(labels.get("address", [])),
        stopwords=frozenset(names.get("stopwords", [])),
        undisclosed=frozenset(w.lower() for w in labels.get("undisclosed", [])),
        connectors=frozenset(names.get("connectors", [])) | frozenset(common.get("connectors", [])),
        name_enders=frozenset(w.lower() for w in common.get("name_enders", [])),
        article_name_re=re.compile(
            r"(?:^[ \t]*|(?:^|(?<=[\s(]))(?P<article>" + _alternation(common["articles"]) + r")[ \t]+)"
            r"(?P<name>[a-z][\w&+-]{2,}(?:[ \t]+[a-z][\w&+-]{2,})?[ \t]+)\Z",
            re.M,
        ) if common.get("articles") else None,  # fmt: skip
        not_lowercase_names=frozenset(common.get("not_lowercase_names", [])),
        home_countries=frozenset(
            () if lang in common.get("lingua_franca", []) else load_toml("lang", lang, "pack.toml").get("countries", [])
        ),
        adjective_endings=tuple(names.get("adjective_endings", [])),
        verbs=frozenset(w.lower() for w in names.get("verbs", [])),
        lowercase_after=int(names.get("lowercase_after_prefix", 0)),
        not_before=frozenset(w.lower() for w in common.get("not_before", [])),
        not_places=frozenset(w.lower() for w in [*addr.get("not_places", []), *lang_addr.get("not_places", [])]),
        streets=tuple(streets),
        form_first=(form_first := _first_tokens(lang, forms)),
        triggers=np.array(sorted(form_first.union(*(r.tokens for r in streets if r.attr == ORTH))), dtype=np.uint64),
        suffix_triggers=np.array(
            sorted(frozenset().union(*(r.tokens for r in streets if r.attr == SUFFIX))), dtype=np.uint64
        ),
        postcodes=postcodes,
        registration=tuple(registration),
        house_number_re=re.compile(
            r"(?<![\d(])\d{1,6}(?!\d|\)|(?:" + _alternation(addr.get("ordinal_endings", [])) + r")(?!\w)|" + SPACE
            + r"*(?:" + _alternation(addr.get("number_units", [])) + r")(?!\w))"
        ),
        postcode_label_re=re.compile(
            r"(?<!\w)(?i:" + _alternation(postcode_labels) + r")" + SPACE + r"*[:.]?" + SPACE
            + r"*(?P<code>[A-Z]{0,2}-?\d[\d -]{2,7}\d)\b"
        ) if postcode_labels else None,
        postcode_label_words=tuple(sorted({w.casefold() for w in postcode_labels})),
    )


def _clip_value(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a labelled value at the end of its sentence and trim punctuation and spaces."""
    value = text[start:end]
    m = VALUE_END.search(value)
    if m:
        value = value[: m.start()]
    stripped = value.rstrip(" \t,;:-–—")
    lead = len(stripped) - len(stripped.lstrip(" \t"))
    return start + lead, start + len(stripped)


def _name_before(
    text: str, pos: int, p: Patterns, ambiguous: bool = False, conjunctions: frozenset[str] = frozenset()
) -> int | None:
    """Start offset of the capitalised name words ending at `pos` (same line), or None. With the
    `conjunctions` of the form, activity words listed with commas belong to the name ("BIOLLA Termelő,
    Kereskedelmi és Szolgáltató Kft.")."""
    line_start = text.rfind("\n", 0, pos) + 1
    segment = text[max(line_start, pos - 100) : pos]
    base = pos - len(segment)
    tokens = [(m.start() + base, m.group(0)) for m in re.finditer(r"\S+", segment)]
    start = None
    count = 0
    listed = False  # a conjunction was met: commas may separate the words before it
    limit = MAX_NAME_WORDS + (3 if conjunctions else 0)
    for i in range(len(tokens) - 1, -1, -1):
        tok_start, tok = tokens[i]
        word = tok
        last = i == len(tokens) - 1
        if last and word.endswith(",") and not ambiguous:
            word = word[:-1]
        elif listed and word.endswith(",") and word[:1].isupper():
            word = word[:-1]  # "Termelő, Kereskedelmi és ..."
        stripped = word.strip(QUOTES)
        if not stripped:
            break
        if stripped != word and word[0] in QUOTES and i != len(tokens) - 1 and start is None:
            break
        if start is not None and stripped in conjunctions:
            listed = True
            continue
        if (
            stripped.lower() in p.connectors
            and start is not None
            and (stripped.islower() or not stripped[0].isalpha() or stripped in p.stopwords)
        ):
            continue
        if word[-1] in ".,:;!?" and not ABBREV_WORD.match(word) and word[-1] not in QUOTES:
            break
        lower = stripped[0].islower()
        camel = lower and CAMEL_WORD.match(stripped) is not None  # "doTERRA Europe Services Kft."
        if stripped in p.stopwords or not (camel or not lower and NAME_WORD.match(stripped)):
            break  # (NAME_WORD's Latin Extended-A range holds lower-case letters too: "šo SIA")
        if start is not None and not (stripped.isascii() and text[start : start + 12].isascii()) and _script(
            stripped
        ) != _script(text[start : start + 12]):
            break  # "... ΕΡΓΑ ΤΗΣ NOVATEX SOLUTIONS LTD.": a name keeps to one script
        if stripped.isdigit() and not last:
            break
        start = tok_start
        count += 1
        if count >= limit:
            break
    if start is None:
        return None
    # drop leading connectors and bare numbers ("in 2019 Acme Ltd" -> "Acme Ltd")
    while True:
        m = re.match(r"\S+\s*", text[start:pos])
        if not m or m.end() >= pos - start:
            break
        first = m.group(0).strip().strip(QUOTES)
        if (first.lower() in p.connectors and (first.islower() or first in p.stopwords)) or first.isdigit():
            start += m.end()
        else:
            break
    return start


def _script(word: str) -> str:
    """The script of a word's letters: Cyrillic, Greek or Latin (anything else)."""
    for ch in word:
        if "\u0400" <= ch <= "\u04ff":
            return "cyrillic"
        if "\u0370" <= ch <= "\u03ff":
            return "greek"
        if ch.isalpha():
            return "latin"
    return "latin"


def _name_after(text: str, pos: int, p: Patterns) -> tuple[int, int] | None:
    """A quoted or capitalised name after a prefix legal form: ООО "Ромашка", UAB Alfa; in languages
    whose names go on in lower case after one capitalised word, that many more words unless a verb
    follows ("UAB Šiaurės logistika ieško")."""
    m = QUOTED_NAME.match(text, pos)
    if m:
        return m.start(1), m.end(0)
    m = CAPITALISED_NAME.match(text, pos)
    if not m:
        return None
    start, end = m.start(1), m.start(1) + len(m.group(1).rstrip())
    if m.group(1).strip().isupper() and len(m.group(1).split()) == 1:
        quoted = QUOTED_NAME.match(text, end)
        if quoted:  # 'ООО ПКФ "Ромашка"': the short form of the trade before the quoted name
            return start, quoted.end(0)
    for w in re.finditer(r"\S+", text[start:end]):
        word = w.group(0)
        if word.lower().rstrip(".:") in p.name_enders or (
            w.start() and (word in p.stopwords or word.lower() in p.verbs)
        ):  # "SIA Stafline Reg Nr 4010...", "SIA DKNB GROUP Meklējam ..." (a capitalised verb after the name)
            end = start + len(text[start : start + w.start()].rstrip())
            break
        glued = GLUED_NUMBER.search(word)
        if glued:  # "SIA AgroVoss40203623925 Aicina": a registration number run into the name
            end = start + w.start() + glued.start()
            break
    if end <= start:
        return None
    if p.lowercase_after and len(m.group(1).split()) == 1:
        for _ in range(p.lowercase_after):
            nxt = LOWER_WORD.match(text, end)
            word = nxt.group(1) if nxt else ""
            if not word[:1].islower() or word in p.verbs or word in p.connectors:
                break
            end = nxt.end()
    return start, end


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def _name_word_before(text: str, pos: int, p: Patterns) -> bool:
    """Whether a capitalised word stands right before `pos` ("Faza II Pitești", "Ставка АО Москва"):
    a short form there is part of a phrase, not the start of a company name."""
    m = WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return bool(m) and m.group(1)[0].isupper() and m.group(1) not in p.stopwords


def _legal_form_names(text: str, p: Patterns, offsets: list[int]) -> list[tuple[int, int, str, LegalForm]]:
    """(start, end, form variant, form) of company names written with a legal form."""
    found = []
    for offset in offsets:
        m = p.form_re.match(text, offset)
        if not m:
            continue
        variant = m.group(0)
        form = p.forms[variant]
        ambiguous = variant in p.ambiguous
        # a prefix form in its own language may head a name in capitals ("SIA FINCONSULTING GROUP aicina")
        home_prefix = ambiguous and form.position != "suffix" and p.lang in form.languages
        if ambiguous and (
            (not home_prefix and _mostly_upper(text[max(0, m.start() - 40) : m.end() + 40]))
            or (NEXT_WORD.match(text, m.end()) or NO_WORD).group(1).lower() in p.not_before
        ):
            continue
        if ambiguous and QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "5 MB", "2 AS"
        if ambiguous and NUMBER_AFTER.match(text, m.end()):
            continue  # "Java SE 11", "AS 400": a version or a model
        nxt = NEXT_LETTER.match(text, m.end())
        if ambiguous and nxt and nxt.group(1).isupper():
            # "SIA Baltic Workforce": a prefix form in its own languages; elsewhere no form ("SIA Licence")
            prefix = (
                form.position != "suffix" and p.lang in form.languages and not _name_word_before(text, m.start(), p)
            )
            after = _name_after(text, m.end(), p) if prefix else None
            if after:
                found.append((m.start(), after[1], variant, form))
            continue
        at_home = not ambiguous or p.lang in form.languages
        if form.position != "suffix" and at_home and QUOTED_NAME.match(text, m.end()):
            after = _name_after(text, m.end(), p)  # 'RP SIA "Rīgas satiksme"': the quoted name is the name
            if after:
                found.append((m.start(), after[1], variant, form))
                continue
        start = (
            _name_before(text, m.start(), p, ambiguous, form.conjunctions) if form.position != "prefix" else None
        )
        if start is None and form.position != "prefix" and p.article_name_re is not None:
            start = _lowercase_name(text, m.start(), p)  # "Die zooplus SE wurde ...", "Wir bei autofox GmbH"
        elif start is not None and p.adjective_endings:
            start = _lowercase_lead(text, start, p)  # "Die item Industrietechnik GmbH ist ..."
        if start is not None and any(c.isalpha() for c in text[start : m.start()]):
            found.append((start, m.end(), variant, form))
        elif form.position != "suffix":
            after = _name_after(text, m.end(), p)
            if after:
                found.append((m.start(), after[1], variant, form))
    return found


def _lowercase_name(text: str, pos: int, p: Patterns) -> int | None:
    """Start of a brand written in lower case before its legal form at `pos`: one or two words after
    an article, a workplace preposition or the line start ("Die zooplus SE", "bei top itservices AG",
    "jobvector GmbH is ..."), none of them a function word, nor an inflected adjective after an article
    in the middle of a sentence ("in die neu gegründete GmbH"; "Die parsionate GmbH" opens one)."""
    m = p.article_name_re.search(text, max(0, pos - 40), pos) if p.article_name_re else None
    if not m:
        return None
    mid_sentence = (m.group("article") or "A")[0].islower()
    for word in m.group("name").split():
        if word in p.not_lowercase_names or (
            mid_sentence and len(word) > 4 and word.endswith(p.adjective_endings)
        ):
            return None
    return m.start("name")


def _lowercase_lead(text: str, start: int, p: Patterns) -> int:
    """Where a name written with a legal form starts when one lower-case word stands between it and the
    article opening the sentence ("Die item Industrietechnik GmbH"): at that word, unless it is a function
    word or ends like an inflected adjective ("Die neue Acme GmbH", "Die erfahrene Acme AG")."""
    m = p.article_name_re.search(text, max(0, start - 30), start)
    if not m or not (m.group("article") or "a")[0].isupper() or len(m.group("name").split()) != 1:
        return start
    word = m.group("name").strip()
    if word in p.not_lowercase_names or word.endswith(p.adjective_endings):
        return start
    return m.start("name")


def _foreign_spans(forms: list[tuple[int, int, str, LegalForm]], p: Patterns) -> set[tuple[int, int]]:
    """The names read only with an ambiguous spelling of the legal form of countries where ads in this
    language are not written ("Grille AS" in a French ad, "LR, DNV, BV" in a Latvian one): weaker
    evidence of a name. Ads in a lingua franca (English) take every country's forms."""
    if not p.home_countries:
        return set()
    foreign: set[tuple[int, int]] = set()
    home: set[tuple[int, int]] = set()
    for start, end, variant, form in forms:
        weak = variant in p.ambiguous and p.lang not in form.languages and p.home_countries.isdisjoint(form.countries)
        (foreign if weak else home).add((start, end))
    return foreign - home  # "Acme GmbH & Co. KG": read with "GmbH" too


def _structured_org(ctx: Context) -> dict[str, Any]:
    org = ctx.structured.get("hiringOrganization") if ctx.structured else None
    if isinstance(org, list):
        org = org[0] if org else None
    if isinstance(org, str):
        return {"name": org}
    return org if isinstance(org, dict) else {}


def _find(text: str, value: str) -> tuple[int, int] | None:
    i = text.lower().find(value.lower())
    return (i, i + len(value)) if i >= 0 and value else None


def _form_in(name: str, p: Patterns) -> str | None:
    for m in p.form_re.finditer(name):
        return p.forms[m.group(0)].name
    return None


def _labelled(text: str, pattern: re.Pattern[str] | None, p: Patterns) -> list[tuple[int, int]]:
    """Values of labelled fields, cut at the end of the sentence or where the next label starts."""
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        start, end = _clip_value(text, m.start("value"), m.end("value"))
        nxt = p.next_label_re.search(text, start, end) if p.next_label_re else None
        if nxt:
            start, end = _clip_value(text, start, nxt.start())
        value = text[start:end].strip(QUOTES + " ")
        if end > start and value.lower() not in p.undisclosed:
            out.append((start, end))
    return out


def _labelled_name_end(
    text: str, start: int, end: int, p: Patterns, forms: list[tuple[int, int, str, LegalForm]]
) -> int:
    """Where a labelled name ends: with the company name written with a legal form that starts the value
    ("Darba devējs: SIA Baltic Workforce meklē ..."), else at the first comma after its legal form
    ("Работодател: Агро Труд ООД, гр. Пловдив")."""
    for f_start, f_end, _, _ in forms:
        if f_start == start and f_end <= end:
            return f_end
    m = p.form_re.search(text, start, end)
    comma = text.find(",", m.end(), end) if m else -1
    return start + len(text[start:comma].rstrip()) if comma > 0 else end


def _postcode(
    text: str, p: Patterns, address_lines: list[tuple[int, int]], doc: Doc, address: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A postcode on an address line (labelled address, street, employer name or registration line),
    the one inside the address first; else a labelled postcode, else a postcode next to its town."""
    places = doc.spans.get("places", [])
    place_starts = {span.start_char for span in places}
    windows = _digit_windows(text)
    found: list[tuple[int, int]] = []
    for lo, hi in sorted(set(address_lines)):
        # a line can be the whole ad: its postcodes are searched only near its digits, as below
        parts = [(max(lo, w_lo), min(hi, w_hi)) for w_lo, w_hi in windows if w_lo < hi and w_hi > lo]
        for rule in p.postcodes:
            for m in (m for w_lo, w_hi in parts for m in rule.pattern.finditer(text, w_lo, w_hi)):
                if address and m.start() == address[0] and text[m.start()].isdigit():
                    continue  # the house number
                if rule.needs_place and not _place_follows(text, m, p):
                    continue
                if address and address[0] <= m.start() < address[1]:
                    return m.start(), m.end()
                found.append((m.start(), m.end()))
    if found:
        return min(found)
    folded = text.casefold()
    if p.postcode_label_re and any(w in folded for w in p.postcode_label_words):
        m = p.postcode_label_re.search(text)
        if m:
            return m.start("code"), m.end("code")
    place_ends = {span.end_char for span in places}
    for rule in p.postcodes:
        for m in (m for lo, hi in windows for m in rule.pattern.finditer(text, lo, hi)):
            if address and m.start() == address[0]:
                continue  # the house number: "11810 Grand Park Ave"
            if _postcode_with_town(text, m, rule, p, place_starts, place_ends):
                found.append((m.start(), m.end()))
                break
    return min(found) if found else None


def _digit_windows(text: str, reach: int = 12) -> list[tuple[int, int]]:
    """Stretches of the text around its digits, merged: every postcode format has digits, and none
    reaches more than `reach` characters from them, so the formats are searched only there."""
    windows: list[tuple[int, int]] = []
    for m in DIGIT_RUN_ANY.finditer(text):
        lo, hi = max(0, m.start() - reach), min(len(text), m.end() + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _place_follows(text: str, m: re.Match[str], p: Patterns) -> bool:
    """A town after a bare number on an address line ("10115 Berlin"): a capitalised word that is no
    unit or currency, after a number that is no year."""
    nxt = re.match(r"[ \t\u00a0,]*([A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐ][^\W\d_]+)", text[m.end() : m.end() + 40])
    if not nxt or nxt.group(1).lower() in p.not_places:
        return False
    return not YEAR.fullmatch(m.group(0))  # "the 2019 America's Best Hospitals List"


def _postcode_with_town(
    text: str, m: re.Match[str], rule: PostcodeRule, p: Patterns, place_starts: set[int], place_ends: set[int]
) -> bool:
    """Whether a postcode outside the address lines stands next to its town: "22297 Hamburg" ending its
    line, "63599 Biebergemünd, Germany", "Rumilly 74150" (a gazetteer town before the code)."""
    if not rule.needs_place:
        return True
    if NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return False  # "ISO 9001, 45001", "€ 45000", "Ref. 12345", "30000 - 45000"
    if YEAR.fullmatch(m.group(0)):
        return False  # "Since 2019 Berlin has been our home"
    town = TOWN_AFTER.match(text, m.end())
    if town and town.group(1).lower() not in p.not_places and town.group(1) not in p.stopwords:
        if town.start(1) in place_starts:
            return True
        if not rule.needs_known_place and TOWN_END.match(text, town.end()):
            return True
    before = TOWN_BEFORE.search(text, max(0, m.start() - 3), m.start())
    return bool(before) and before.start() in place_ends and bool(TOWN_END.match(text, m.end()))


def _street(text: str, p: Patterns, index: TokenIndex) -> tuple[int, int] | None:
    """The first street with a house number, found from cheap triggers then checked in a window."""
    best = None
    for rule in p.streets:
        if rule.trigger is not None:
            hits = [m.start() for m in rule.trigger.finditer(text)]
        else:
            hits = index.offsets(rule.tokens, rule.attr)
        for hit in hits:
            if best and hit > best[1]:
                break
            lo, hi = max(0, hit - rule.before), min(len(text), hit + rule.after + 20)
            m = next((m for m in rule.pattern.finditer(text, lo, hi) if m.start() <= hit < m.end()), None)
            if m and not p.not_places.isdisjoint(
                w.lower() for w in m.group(0).split()[slice(*rule.name_words)] if w[:1].isupper()
            ):
                m = None  # "3 Best Place", "6 Days Way": a number and words, no street
            if m:
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end())
                break
    return best


def _registrations(text: str, p: Patterns) -> list[tuple[int, int, str]]:
    """(start, end, value) of registration and tax numbers, searched around runs of digits."""
    out: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    hits = [m.start() for m in DIGIT_RUN.finditer(text)]
    for lo, hi in contacts.windows(text, hits, 60, 30):
        if not REG_HINT.search(text, lo, hi):
            continue
        for pattern in p.registration:
            for m in pattern.finditer(text, lo, hi):
                value = m.group("value").strip()
                key = re.sub(r"[\s./-]", "", value)
                if key in seen:
                    continue
                seen.add(key)
                out.append((m.start(), m.start("value") + len(value), value))
    out.sort()
    return out


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, line_end if line_end >= 0 else len(text)


def _website(links, org: dict[str, Any]) -> tuple[str, Any] | None:
    domains = contacts.domain_lists()
    blocked = [
        *domains.get("job_boards", []),
        *domains.get("social", []),
        *domains.get("shorteners", []),
        *domains.get("free_hosts", []),
        *domains.get("messenger_links", {}),
    ]
    for link in links:
        if link.messenger or not link.host or link.host.replace(".", "").isdigit():
            continue
        if not contacts.host_matches(link.host, blocked):
            return link.domain, link
    for key in ("url", "sameAs"):
        value = org.get(key)
        for url in value if isinstance(value, list) else [value]:
            if isinstance(url, str) and url:
                link = contacts.parse_link(url, 0)
                if link and link.host and not link.messenger and not contacts.host_matches(link.host, blocked):
                    return link.domain, None
    return None


def extract(doc: Doc, ctx: Context) -> Employer:
    """The employer facts of one ad, each with its evidence span."""
    text = doc_text(doc)
    p = patterns(ctx.language)
    emp = Employer()
    ev = emp.evidence
    org = _structured_org(ctx)

    # name: structured data, then a labelled line, then a name written with a legal form
    name_span = None
    org_name = org.get("name")
    if isinstance(org_name, str) and org_name.strip():
        emp.name = org_name.strip()
        name_span = _find(text, emp.name)
    index = TokenIndex(doc, p.triggers, p.suffix_triggers)
    forms = _legal_form_names(text, p, index.offsets(p.form_first))
    if emp.name is None:
        for start, end in _labelled(text, p.name_label_re, p):
            end = start + len(text[start:end].split(":", 1)[0].rstrip())
            end = _labelled_name_end(text, start, end, p, forms)
            value = text[start:end]
            if len(value) > MAX_NAME_CHARS or len(value.split()) > MAX_LABEL_NAME_WORDS:
                continue
            if value[:1].isupper() or value[:1].isdigit() or value[:1] in QUOTES:
                emp.name, name_span = (value.strip(QUOTES) if value[:1] in QUOTES else value), (start, end)
                break
    _, emails, links, scrubbed = contacts.scan(text)
    if emp.name is None:  # the name as the ad states it: cue words, legal forms, the e-mail/web domain
        name_span = employer_name.find(
            text, doc, ctx.language, form_names=[(f[0], f[1]) for f in forms], scrubbed=scrubbed,
            foreign_forms=_foreign_spans(forms, p),
            domains=employer_name.company_domains(emails, links), form_re=p.form_re,
        )  # fmt: skip
        if name_span:  # its legal form only when the name was read with one ("Агро Труд ЕТ" has none)
            emp.name = text[name_span[0] : name_span[1]]
            emp.legal_form = next((f[3].name for f in forms if f[0] <= name_span[0] and name_span[1] <= f[1]), None)
    elif emp.name:
        emp.legal_form = _form_in(emp.name, p)
    if emp.legal_form is None and forms:
        emp.legal_form = forms[0][3].name
        ev.append(Evidence(forms[0][0], forms[0][1], text[forms[0][0] : forms[0][1]], "legal_form"))
    if name_span:
        ev.append(Evidence(name_span[0], name_span[1], text[name_span[0] : name_span[1]], "employer_name"))

    # address: a labelled line, else a street with a house number
    labelled = [(s, e) for s, e in _labelled(text, p.address_label_re, p) if p.house_number_re.search(text, s, e)]
    address_span = labelled[0] if labelled else None
    if address_span is None:
        address_span = _street(scrubbed, p, index)
    address_lines = [_line_of(text, s, e) for s, e in labelled]
    if address_span:
        if not labelled:
            address_lines.append(_line_of(text, *address_span))
            # take the rest of the address on the same line ("..., London NW1 6XE")
            tail = ADDRESS_TAIL.match(text, address_span[1])
            if tail and tail.group(0):
                address_span = (address_span[0], tail.end())
        emp.address = text[address_span[0] : address_span[1]]
        ev.append(Evidence(address_span[0], address_span[1], emp.address, "address"))
    elif isinstance(org.get("address"), dict | str):
        emp.address = _structured_address(org["address"])

    registrations = _registrations(scrubbed, p)
    if name_span:
        address_lines.append(_line_of(text, *name_span))
    address_lines += [_line_of(text, s, e) for s, e, _ in registrations]
    postcode = _postcode(scrubbed, p, address_lines, doc, address_span)
    if postcode:
        emp.postcode = text[postcode[0] : postcode[1]]
        ev.append(Evidence(postcode[0], postcode[1], emp.postcode, "postcode"))

    for start, end, value in registrations:
        emp.registration_numbers.append(value)
        ev.append(Evidence(start, end, text[start:end], "registration_number"))

    site = _website(links, org)
    if site:
        emp.website, link = site
        if link is not None:
            ev.append(Evidence(link.start, link.end, text[link.start : link.end], "website"))
    ev.sort(key=lambda e: (e.start, e.end))
    return emp


def _structured_address(address: dict[str, Any] | str) -> str | None:
    if isinstance(address, str):
        return address.strip() or None
    parts = [
        address.get(k) for k in ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry")
    ]
    text = ", ".join(str(v).strip() for v in parts if isinstance(v, str) and v.strip())
    return text or None
