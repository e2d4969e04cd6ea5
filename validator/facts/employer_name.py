"""The employer's name as real ads state it, when no structured field or label gives it.

Candidate spans are capitalised words (or a quoted name) next to cue words of the ad's language
(data/lang/<lang>/employer_names.toml): the subject of "Acme is hiring" / "Acme recrute" / "Acme ищет",
the object of "Join Acme" / "Rejoignez Acme" / "Desde Acme", a name after a company noun
("компания «Ромашка»"), a name written with a legal form, a name matching the ad's e-mail or web
domain. Evidence is added up per name (repetition and an early position help a little) and the best
name is returned only when its score reaches the threshold of common/employer_names.toml: a wrong
name shown to a job seeker is worse than none. Cue words are found from token hashes (LOWER) in one
vectorised pass, then checked with a regular expression at each hit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np
from spacy.attrs import LENGTH, LOWER, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc

from validator.facts import contacts
from validator.nlp import get_nlp
from validator.nlp.components import token_table
from validator.resources import load_toml

QUOTES_OPEN = "\"«„“'‘"
QUOTES_CLOSE = "\"»“”'’"
HEADING_GAP = re.compile(r"[ \t]*(?:\.{3}|…|[:?!\-–—])?[ \t]*(?:\r?\n[ \t]*){0,4}")  # "Who We Are...\n"
QUOTE_PAIRS = {'"': '"', "»": "«", "”": "“„", "“": "„", "’": "‘"}  # closing -> its opening marks (no apostrophes)
QUOTED = re.compile(r"[ \t]*([\"«„“])([^\"«»„“”\n]{2,60}?)([\"»“”])")
TOKEN = re.compile(r"\S+")
GLUED = re.compile(r"[^\w'’&.+/-]|[A-ZÀ-Þ]{4}[a-zß-ÿ]")  # "AVIATAR!Contact", "AUDIBLEAt" run together; "ITExpert"
# Cyrillic and Latin words run together where a scraper dropped a space: "УкраїніUGPSодна"
SCRIPT_GLUE = re.compile(r"[а-яёіїєґ]{2}[A-Z][A-Za-z]|[A-Za-z]{2}[а-яёіїєґ]{2}")
SHORT_FORM_AFTER = re.compile(r"[ \t]+\([\"'‘“]?[\w&.-]{2,20}[\"'’”]?\)\Z")
ASIDE_AFTER = re.compile(r"[ \t]*\([^()\n]{1,60}\)\Z")
PREP_BEFORE = re.compile(r"[ \t]+(\w+)[ \t]+\Z")
NON_WORD = re.compile(r"[\W_]+")
EDGE_PUNCT = ",.:;!?()[]|/–—-*•·"
LEAD_PUNCT = EDGE_PUNCT + QUOTES_OPEN + "@"  # ... before a word, and a handle's "@" ("En @Ayesa crecemos")
MAX_WORDS = 6
LANGUAGE_INDEPENDENT = "xx"
MAX_HEAD_WORDS = 8  # words of an institution name besides its head
MAX_HEAD_LOWER = 5  # ... of which lower-case ("Centar za pružanje usluga u zajednici Zemunik")
ABBREVIATION = re.compile(r"(?:[A-ZÀ-Þ]\.){1,3}|Dr\.|St\.")  # "Dr. Piróth Endre ... Intézmény"
ADDRESS_NEXT = re.compile(r"(?<![\d.,/:-])\d{1,5}(?![\d.,/:%])")  # a house number or postcode
# a capital run into a lower-case letter, where a scraper dropped a line break: "DüsseldorfAt Vodafone",
# "компанияЮЛА", or into the end of the sentence before: "... berücksichtigt. .Arbeiten bei Acme" (the
# capital comes first in the pattern: most characters fail it at once)
GLUE_POINT = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ](?<=[a-zß-öø-ÿа-яёєіїґ.;!?].)[a-zß-öø-ÿа-яёєіїґ]*")
MAX_GLUED_CUE = 16  # characters of a company noun run into a name ("компания")
GLUED_WORD = re.compile(r"(?<=\w\w)[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ](?=[a-zß-öø-ÿа-яёєіїґ])")  # "AGLufthansa", "GmbHKöln"
GLUED_COMMA = re.compile(r"[,;](?=[^\W\d_])")  # a comma run into the next word: "Acme,we"
GLUED_HEADING = re.compile(r"(?:Us|Description|Overview|Summary)(?=[A-Z][a-z]|[a-z]{3})")
COMMA_AFTER = re.compile(r"[ \t\u00a0]?,")  # "At Acme, we", "Chez Acme , nous" (a space left by an HTML tag)
# the rest of a clause that opens a sentence before the subject: "Founded in 1999, ", "With over 1,800
# staff, " (a comma or dot between digits belongs to a number)
CLAUSE_TO_COMMA = re.compile(r"(?:[^,.!?;:\n]|(?<=\d)[,.](?=\d)){0,160}?,[ \t\u00a0]+")
FRONTED_KEY = -1  # the hit key of a `fronted` cue (found by pattern, not by a token hash)
# where a sentence opens: a line break or a sentence's end, then spaces and opening quotes (the pattern
# starts with a character class, which the regex engine scans for quickly)
OPENING = r"[\n.!?:;•-][ \t\u00a0\"'«„“]*"
ARTICLE = re.compile(r"([^\W\d_]{1,3}['’]?)[ \t]*(?<=['’ \t])")  # "the ", "la ", "l'" before a name
# lower-case words completing a company noun, then a quoted name with a capital: "сеть магазинов
# натуральных продуктов «Эко-Лавка»", "firma budowlana „Kowalski”"
COMPLEMENT_QUOTED = re.compile(
    r"(?:[ \t]+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ][\w'’-]*){1,6}[ \t]*[\"«„“]([A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ0-9][^\"«»„“”\n]{1,59}?)[\"»“”]"
)
CYRILLIC_NAME = re.compile(r"(?<![\w-])[А-ЯЁЄІЇҐ][а-яёєіїґА-ЯЁЄІЇҐ]{3,}(?![\w-])")  # a capitalised Cyrillic word
SENTENCE_OPEN_OR_START = re.compile(r"(?:^|[\n.!?])[ \t\u00a0]*\Z")
SENTENCE_OPEN = re.compile(r"(?:[\n.!?:;•]|--)[ \t\u00a0\"'«„“]*\Z")
BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-–•*·▪►][ \t]*\Z")
POSSESSIVE = ("’s", "'s")
ELIDED = re.compile(r"[a-zà-ÿ]{1,4}['’](?=[A-ZÀ-Þ])")  # "d'", "l'", "dell'" before a capital
ITEM_BEFORE = re.compile(r"(?:^|[:;])[ \t]*\Z", re.M)  # a line or a list item starts here
HEAD_STOP = re.compile(r"[,.;:!?()\[\]|•·\"«»„“”]")
REACH = 90  # characters searched on either side of a cue
KINDS = (
    "after_strong", "after_weak", "apposition", "before_strong", "before_weak", "nouns", "headings", "framed", "fronted"
)
AFTER_KINDS = frozenset({"after_strong", "after_weak", "apposition"})
LEAD_KINDS = ("before_strong", "before_weak", "nouns", "headings")
CONNECTOR_WORDS = frozenset(
    {"&", "and", "of", "for", "und", "für", "de", "du", "des", "et", "y", "del", "di", "e", "i", "и", "і", "un", "ir"}
)
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"})  # acme.co.uk
LETTER_FOLDS = {"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss"}


@dataclass(frozen=True)
class Cues:
    """The compiled cue words of one language."""

    lang: str
    # kind -> (regex matched at a trigger token, LOWER hashes of the triggers, weight)
    kinds: dict[str, tuple[re.Pattern[str], frozenset[int], float]]
    triggers: np.ndarray  # sorted LOWER hashes of the first token of every cue phrase
    by_trigger: dict[int, tuple[str, ...]]  # LOWER hash -> the kinds of cue that can start with it
    heads_by_trigger: dict[int, tuple[str, ...]]  # LOWER hash -> the kinds of institution head starting with it
    stopwords: frozenset[str]  # lower-cased words that are no name (nor start one)
    determiners: frozenset[str]  # lower-case words before a capitalised common noun or place ("à Annecy")
    connectors: frozenset[str]
    leads: frozenset[str]  # lower-cased last words of the `before` and `nouns` cues ("société", "bei")
    capitalised_nouns: bool
    place_prepositions: frozenset[str]  # "à", "in", "w": a place may stand between a name and its verb
    we_verb: re.Pattern[str] | None  # a verb of "we" right after a name: "En Acme trabajamos ..."
    weights: dict[str, float] = field(default_factory=dict)
    # institution heads: kind ("first": "Opća bolnica Varaždin", "last": "Rīgas Tehniskā universitāte")
    # -> (regex matched at a trigger token, LOWER hashes of the triggers)
    heads: dict[str, tuple[re.Pattern[str], frozenset[int]]] = field(default_factory=dict)
    end_words: frozenset[str] = frozenset()  # words that end a name after its head ("raspisuje")
    head_lower: int = MAX_HEAD_LOWER  # lower-case words a name may hold besides its head and connectors
    opening_only: frozenset[str] = frozenset()  # `before_weak` cues that count only opening a sentence ("En")
    company_prepositions: frozenset[str] = frozenset()  # `before_weak` cues of a workplace ("chez", "bei")
    place_nouns: frozenset[str] = frozenset()  # a capitalised word before one is a place ("Ленинском районе")
    by_first: dict[tuple[str, int], re.Pattern[str]] = field(default_factory=dict)  # (kind, trigger) -> its phrases
    # a name made only of these words is a trade, a field or a department ("Boulangerie Pâtisserie",
    # "Data Science"), and one ending in a job title names the job ("The Charge Nurse is ...")
    generic_words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    glued_ends: frozenset[str] = frozenset()  # last three letters of the one-word cues a name may follow
    framed_closing: re.Pattern[str] | None = None  # what must follow a name after a `framed` verb ("zu den")
    glued_words: frozenset[str] = frozenset()  # first words of the cues a name may follow, in lower case
    # the `fronted` cues where they open the text or a sentence (see OPENING)
    fronted_re: re.Pattern[str] | None = None
    # company nouns that end a cue and may stand before the name, capitalised ("l'aventure Groupe Acme"):
    # the last words (five letters or more) of company-noun cues and of longer cues, but no word that is a
    # cue of its own ("Somos")
    noun_leads: frozenset[str] = frozenset()
    # cue words a lower-case brand may follow ("At tesa", "bei tesa", "Rejoignez dataroom"): workplace
    # prepositions and one-word strong cues, not any preposition ("to fresh", "of fresh")
    brand_leads: frozenset[str] = frozenset()


@dataclass
class Candidate:
    name: str
    start: int
    end: int
    words: tuple[str, ...]
    score: float = 0.0
    cues: set[str] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)  # kind -> the weight it added


def _phrase_re(phrases: Iterable[str]) -> str:
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in alts)


def _triggers(lang: str, phrases: Iterable[str]) -> np.ndarray:
    """LOWER hashes of the token each phrase starts with (as the pack's tokenizer splits it)."""
    nlp = get_nlp(lang)
    out = set()
    for phrase in phrases:
        doc = nlp.make_doc(phrase)
        if len(doc):
            out.add(nlp.vocab.strings.add(doc[0].lower_))
    return np.array(sorted(out), dtype=np.uint64)


@cache
def cues(lang: str) -> Cues:
    common = load_toml("common", "employer_names.toml")
    words = load_toml("lang", lang, "employer_names.toml")
    if lang == LANGUAGE_INDEPENDENT:  # cue words of languages without a pack (common/employer_names.toml)
        words = {**common.get("language_independent", {}), **words}
    base = load_toml("lang", lang, "employer.toml").get("names", {})
    weights = {k: float(v) for k, v in common.get("weights", {}).items()}
    kinds = {}
    by_first: dict[tuple[str, int], re.Pattern[str]] = {}
    fronted_re = None
    for kind in KINDS:
        phrases = words.get(kind, [])
        if phrases:
            body = _phrase_re(phrases)
            pattern = re.compile(r"(?i:" + body + r")(?:(?<=['’])|(?!\w))")  # "à propos d’ALTEN"
            if kind == "fronted":  # found by one pattern at sentence openings, not from token hits
                kinds[kind] = (pattern, frozenset(), weights.get(kind, 1.0))
                fronted_re = re.compile(OPENING + r"(?P<cue>(?i:" + body + r"))(?:(?<=['’])|(?!\w))")
                continue
            kinds[kind] = (pattern, frozenset(int(h) for h in _triggers(lang, phrases)), weights.get(kind, 1.0))
            groups: dict[int, list[str]] = {}
            for phrase in phrases:
                for h in _triggers(lang, [phrase]):
                    groups.setdefault(int(h), []).append(phrase)
            for h, group in groups.items():  # the phrases a trigger token can start: a small pattern per token
                by_first[kind, h] = re.compile(r"(?i:" + _phrase_re(group) + r")(?:(?<=['’])|(?!\w))")
    heads = {}
    for kind, phrases in _institution_heads(lang, words, common).items():
        if phrases:
            pattern = re.compile(r"(?i:" + _phrase_re(phrases) + r")(?!\w)")
            heads[kind] = (pattern, frozenset(int(h) for h in _triggers(lang, phrases)))
    every = frozenset().union(*(k[1] for k in kinds.values()), *(h[1] for h in heads.values()))
    stop = {w.lower() for w in (*base.get("stopwords", []), *words.get("stopwords", []), *common.get("stopwords", []))}
    return Cues(
        lang=lang,
        kinds=kinds,
        by_first=by_first,
        triggers=np.array(sorted(every), dtype=np.uint64),
        by_trigger={h: tuple(k for k, v in kinds.items() if h in v[1]) for h in every} | {FRONTED_KEY: ("fronted",)},
        heads_by_trigger={h: tuple(k for k, v in heads.items() if h in v[1]) for h in every} | {FRONTED_KEY: ()},
        fronted_re=fronted_re,
        stopwords=frozenset(stop),
        determiners=frozenset(words.get("determiners", [])),
        connectors=frozenset(base.get("connectors", [])) | frozenset(words.get("connectors", [])),
        leads=frozenset(
            p.split()[-1].lower() for k in LEAD_KINDS for p in words.get(k, []) if p.strip()
        ),
        capitalised_nouns=bool(words.get("capitalised_nouns", False)),
        place_prepositions=frozenset(words.get("place_prepositions", [])),
        we_verb=re.compile(r",?[ \t]+(?:[^\W\d_]+(?:" + _phrase_re(words["we_verb_endings"]) + r")|(?i:"
                           + _phrase_re(words.get("we_words", [])) + r"))(?!\w)")
        if words.get("we_verb_endings") else None,
        weights=weights,
        heads=heads,
        head_lower=int(words.get("institution_lower_words", MAX_HEAD_LOWER)),
        opening_only=frozenset(
            w.lower() for key in ("before_weak_opening_only", "before_strong_opening_only") for w in words.get(key, [])
        ),
        place_nouns=frozenset(w.lower() for w in words.get("place_nouns", [])),
        generic_words=frozenset(w.lower() for w in words.get("generic_words", [])),
        brand_leads=frozenset(w.lower() for w in words.get("company_prepositions", []))
        | frozenset(p.strip().lower() for p in words.get("before_strong", []) if len(p.split()) == 1),
        framed_closing=re.compile(r"[ \t]+(?i:" + _phrase_re(words["framed_closing"]) + r")(?!\w)")
        if words.get("framed_closing") else None,
        noun_leads=frozenset(
            w for k in LEAD_KINDS for p in words.get(k, []) if len(p.split()) > 1 or k == "nouns"
            if len(w := p.split()[-1].lower()) >= 5
        ) - frozenset(p.strip().lower() for k in LEAD_KINDS for p in words.get(k, []) if len(p.split()) == 1
                      and k != "nouns"),
        glued_words=frozenset(p.split()[0].lower() for k in LEAD_KINDS for p in words.get(k, []) if p.strip()),
        glued_ends=frozenset(
            p.strip().lower()[-3:] for k in LEAD_KINDS for p in words.get(k, []) if len(p.split()) == 1
        ),
        title_words=frozenset(w.lower() for w in words.get("title_words", [])),
        company_prepositions=frozenset(w.lower() for w in words.get("company_prepositions", [])),
        end_words=frozenset(
            w.lower()
            for w in (*words.get("institution_end_words", []), *_common_institutions(lang, common, "end_words"))
        ),
    )


def _common_institutions(lang: str, common: dict[str, Any], key: str) -> list[str]:
    """Words of common/employer_names.toml [institutions.<code>] for languages without a pack, all read
    by the language-independent pipeline (`xx`)."""
    if lang != LANGUAGE_INDEPENDENT:
        return []
    return [w for table in common.get("institutions", {}).values() for w in table.get(key, [])]


def _institution_heads(lang: str, words: dict[str, Any], common: dict[str, Any]) -> dict[str, list[str]]:
    return {
        kind: [*words.get(f"institutions_{kind}", []), *_common_institutions(lang, common, kind)]
        for kind in ("first", "last")
    }


def _is_name_word(word: str, first: bool) -> bool:
    """A word that can be part of a name: capitalised, upper-case, mixed case (eBay) or a number
    after the first word ("Atelier 963")."""
    if not word:
        return False
    c = word[0]
    if word.isdigit():
        return not first and len(word) <= 6  # "L'Atelier 963 souhaite ..."
    if not word.isalpha() and sum(map(str.isdigit, word)) * 2 > len(word):
        return False  # "LV-1034", "Nr.4090"
    if c.isupper():
        return GLUED.search(word) is None and SCRIPT_GLUE.search(word) is None
    if c.isdigit():
        return not first and len(word) <= 6
    # eBay, iPhone, amoCRM
    return c.islower() and len(word) > 2 and word.isalnum() and (word[1].isupper() or sum(map(str.isupper, word)) >= 2)


def _strip(word: str) -> tuple[str, str, str]:
    """(leading punctuation, the word, trailing punctuation)."""
    core = word.lstrip(LEAD_PUNCT)
    lead = word[: len(word) - len(core)]
    core2 = core.rstrip(EDGE_PUNCT + QUOTES_CLOSE)
    if "-" in core2:
        stem, _, ending = core2.rpartition("-")
        if len(stem) >= 2 and stem[-2:].isupper() and 1 <= len(ending) <= 3 and ending.isalpha() and ending.islower():
            core2 = stem  # a case ending after a name in capitals: "HAMAG-BICRO-a", "HZZO-u"
    # keep the dot of an abbreviation or initials ("Co.", "J.P.")
    if core2 != core and core[len(core2)] == "." and (len(core2) <= 3 and core2[:1].isupper()) and (
        len(core2) == 1 or "." in core2 or core2[1:].islower()
    ):  # ... not an acronym ending a sentence ("en CDI.", "A&M. Inclusive")
        core2 += "."
    return lead, core2, core[len(core2) :]


def _boundary_ok(text: str, start: int, c: Cues, cue_before: bool) -> bool:
    """Whether the word before a name starts it plausibly: line or sentence start, punctuation, a cue,
    a stop word; not an ordinary lower-case word ("unseren Standort sucht"), and in languages that
    capitalise nouns, no determiner before a single word ("die Stelle ist")."""
    if cue_before:
        return True
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before or before[-1] in "\n.!?:;,()[]|•·-–—*>\"«„“'" or before[-1].isdigit():
        return True
    raw = before.split()[-1].strip(EDGE_PUNCT + QUOTES_OPEN + QUOTES_CLOSE)
    word = raw.lower()
    if word in c.leads:
        return True
    if raw in c.determiners or (raw.isupper() and word in c.determiners):  # "à Annecy", "DE LA HAUTE-SAVOIE"
        return False
    if raw[:1].isupper() and word in c.determiners:  # "The CINTELLIC Consulting Group is ...": opening article
        rest = before[: len(before) - len(before.split()[-1])].rstrip(" \t")
        return not rest or rest[-1] in "\n.!?:;"
    return word in c.stopwords


def name_before(text: str, pos: int, c: Cues, allow_comma: bool = True) -> tuple[int, int] | None:
    """The capitalised words (or a quoted name) ending right before `pos` on the same line."""
    line_start = text.rfind("\n", 0, pos) + 1
    lo = max(line_start, pos - REACH)
    segment = text[lo:pos]
    stripped = segment.rstrip(" \t")
    if stripped.endswith(":"):
        return None  # "Innovation: We develop ...": a heading or a label, not the subject
    if allow_comma and stripped.endswith((",", "—", "–", " -")):
        stripped = stripped[:-1].rstrip(" \t")
    short = SHORT_FORM_AFTER.search(stripped)
    if short:  # "Walt Disney Imagineering (WDI) is ...": the name before its short form
        stripped = stripped[: short.start()]
    elif stripped.endswith(")"):
        aside = ASIDE_AFTER.search(stripped)
        if aside:  # "un cliente en Madrid (Zona Las Rozas) precisa": the words in brackets are an aside
            stripped = stripped[: aside.start()]
    opening = QUOTE_PAIRS.get(stripped[-1:], "")
    if opening:  # a quoted name: its own marks, no apostrophes ("de l'amélioration continue de l'")
        open_at = max(stripped.rfind(q, 0, len(stripped) - 1) for q in opening)
        if open_at >= 0 and 2 <= len(stripped) - open_at - 2 <= 60:
            return lo + open_at + 1, lo + len(stripped) - 1
    tokens = _last_tokens(stripped, lo, MAX_WORDS + 2)  # (a name reads at most MAX_WORDS of them)
    words: list[tuple[int, int, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        start, tok = tokens[i]
        if "--" in tok:  # a line break a scraper wrote as "--": "Польща.--COLUMB TRADE"
            cut = tok.rindex("--")
            start, tok = start + cut, tok[cut:]
        elif tok[:1].islower() and not tok.islower() and (cut := _glued_cue_end(tok, c)):
            rest = tok[cut:]  # "компанияЛУНА МАРТ ищет": the company noun run into the name
            if _is_name_word(rest, False):
                words.append((start + cut, start + len(tok), rest))
            break
        lead, word, trail = _strip(tok)
        if trail and i != len(tokens) - 1:
            break
        if not word:
            break
        low = word.lower()
        if low in c.connectors and words and not word[:1].isupper():
            words.append((start + len(lead), start + len(lead) + len(word), word))
            if lead:
                break
            continue
        if not _is_name_word(word, False) or (
            low in c.stopwords and not ((words or word.isupper()) and _name_word_at(tokens, i - 1, c))
        ):
            break  # a stop word inside a name is part of it: "World Software Services es ...", "ACCESS IT est ..."
        words.append((start + len(lead), start + len(lead) + len(word), word))
        if lead or len(words) >= MAX_WORDS:
            break
    number_first = (
        len(words) >= 2 and len(words[-1][2]) <= 2 and words[-1][2].isdigit() and words[-2][2][:1].isupper()
        and SENTENCE_OPEN_OR_START.search(text, max(0, words[-1][0] - 8), words[-1][0]) is not None
    )  # "5 Degrés est une agence" opening the ad or a sentence
    while words and words[-1][2].isdigit() and not number_first:
        words.pop()  # leading numbers ("in 2019 Acme"; "3Logic Group" keeps its digit)
    if not words or words[-1][2].lower() in c.connectors:
        return None  # "Cabinet de Recrutement recherche": the name is cut (a stop word before "de")
    before = text[lo : words[-1][0]].rstrip(" \t")
    opening = QUOTE_PAIRS.get(before[-1:], "")
    if opening:  # 'Le "Grenier Al'Pain" Boulangerie Pâtisserie recherche': the quoted name
        open_at = max(before.rfind(q, 0, len(before) - 1) for q in opening)
        if open_at >= 0 and 2 <= len(before) - open_at - 2 <= 60:
            return lo + open_at + 1, lo + len(before) - 1
    return words[-1][0], words[0][1]


def _last_tokens(segment: str, offset: int, k: int) -> list[tuple[int, str]]:
    """(offset, token) of the last `k` whitespace-separated tokens of a segment, found from its end."""
    parts = segment.rsplit(None, k)
    if len(parts) > k:
        parts = parts[1:]
    out = []
    pos = len(segment)
    for tok in reversed(parts):
        pos = segment.rfind(tok, 0, pos)
        out.append((pos + offset, tok))
    out.reverse()
    return out


def _name_word_at(tokens: list[tuple[int, str]], i: int, c: Cues) -> bool:
    """Whether token `i` is a capitalised name word that is no stop word (and ends in no punctuation)."""
    if i < 0:
        return False
    lead, word, trail = _strip(tokens[i][1])
    return not trail and word[:1].isupper() and word.lower() not in c.stopwords and _is_name_word(word, False)


def name_after(text: str, pos: int, c: Cues, form_re: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """A quoted name or the capitalised words starting right after `pos` on the same line, with a
    legal form that follows them."""
    m = QUOTED.match(text, pos)
    if m and m.group(2).strip():
        quoted = m.group(2).split()
        if len(quoted) >= 2 and all(w[:1].islower() for w in quoted):
            return None  # a phrase in quotes: "работа «от звонка до звонка»"
        return m.start(2), m.end(2)
    line_end = text.find("\n", pos)
    hi = min(len(text), pos + REACH, line_end if line_end >= 0 else len(text))
    words: list[tuple[int, int, str]] = []
    skipped = False
    for m in TOKEN.finditer(text, pos, hi):
        tok = m.group(0)
        if "--" in tok:  # a line break a scraper wrote as "--": "Flummox Group--Если ТЫ ..."
            tok = tok[: tok.index("--") + 2]
        comma = GLUED_COMMA.search(tok) if "," in tok or ";" in tok else None
        lead, word, trail = _strip(tok[: comma.end()] if comma else tok)  # "МАМА,уже": the name ends at the comma
        if len(word) > 3 and word.endswith(POSSESSIVE) and word[0].isupper():
            word, trail = word[:-2], word[-2:] + trail  # "part of Leeds’s biggest ...": the name ends there
        if (lead and words) or not word or "(" in lead or "[" in lead:
            break  # ... or a word in brackets: "Comité Social et Économique (CSE)"
        start = m.start() + len(lead)
        low = word.lower()
        if words and low in c.connectors and not trail:
            words.append((start, start + len(word), word))
            continue
        glued = GLUED_WORD.search(word) if words and form_re is not None and not word.istitle() else None
        if glued and form_re.fullmatch(word, 0, glued.start()):  # "Acme AGAcme is ...": its legal form ends it
            word, trail = word[: glued.start()], "."
        elif not (words or trail or skipped) and low in c.noun_leads and low in c.stopwords and word[:1].isupper():
            skipped = True  # "Rejoignez l'aventure Groupe Acme": a company noun before the name
            continue
        elif low in c.stopwords or not _is_name_word(word, not words) or (words and low == words[-1][2].lower()):
            break  # ... or the heading's name repeated ("À propos d'ALTEN ALTEN est ...")
        words.append((start, start + len(word), word))
        if trail or len(words) >= MAX_WORDS or (len(words) > 1 and form_re is not None and form_re.fullmatch(word)):
            break  # ... or a legal form ends the name: "A(z) Acme AG Kereskedelmi tervező munkatársat keres"
    while words and words[-1][2].lower() in c.connectors:
        words.pop()
    if not words:
        return None
    end = words[-1][1]
    if form_re is not None:
        f = form_re.match(text, end + 1) if text[end : end + 1] in " ," else None
        if f:
            end = f.end()
    return words[0][0], end


def _hits(doc: Doc, triggers: np.ndarray) -> list[tuple[int, int]]:
    """(LOWER hash, character offset) of the tokens that can start a cue, in one vectorised pass."""
    if not len(doc) or not len(triggers):
        return []
    values = token_table(doc)[LOWER]
    pos = np.minimum(np.searchsorted(triggers, values), len(triggers) - 1)
    found = np.flatnonzero(triggers[pos] == values)
    idx = token_offsets(doc)
    return list(zip(values[found].tolist(), idx[found].tolist(), strict=True))


def token_offsets(doc: Doc) -> np.ndarray:
    """The character offset of every token, from the token table (no Token objects), computed once."""
    offsets = doc.user_data.get("token_offsets")
    if offsets is None:
        table = token_table(doc)
        ends = np.cumsum(table[LENGTH].astype(np.int64) + table[SPACY].astype(np.int64))
        offsets = doc.user_data["token_offsets"] = np.concatenate(([0], ends[:-1]))
    return offsets


def _fold(value: str) -> str:
    value = value.lower()
    for k, v in LETTER_FOLDS.items():
        value = value.replace(k, v)
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


@lru_cache(maxsize=1024)
def _domain_re(label: str) -> re.Pattern[str] | None:
    """A name in the text spelled like a domain label: "wuerth" -> Würth, "hamagbicro" -> HAMAG-BICRO,
    "safety-kleen" -> Safety-Kleen."""
    label = label.replace("-", "")
    if len(label) < 3 or not label.isalnum():
        return None
    parts = []
    i = 0
    while i < len(label):
        pair = label[i : i + 2]
        umlaut = {"ue": "ü", "oe": "ö", "ae": "ä", "ss": "ß"}.get(pair)
        if umlaut:
            parts.append(f"(?:{pair}|{umlaut})")
            i += 2
        else:
            parts.append(re.escape(label[i]))
            i += 1
    return re.compile(r"(?<![\w.@/])(?i:" + r"[-–. &]?".join(parts) + r")")


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in NON_WORD.split(name.casefold()) if w)


def _add(found: dict[str, Candidate], text: str, span: tuple[int, int], kind: str, weight: float) -> None:
    name = text[span[0] : span[1]]
    if name.endswith(("'s", "’s")):  # "Cision's award-winning solutions"
        span = (span[0], span[1] - 2)
        name = name[:-2]
    name = name.strip()
    if ":" in name or "€" in name:
        return  # "Aux. de Puer : 2094 €": a label and its value
    half = len(name) // 2
    if len(name) >= 8 and name[:half] == name[half:]:  # "Munich ElectrificationMunich Electrification"
        span, name = (span[0], span[0] + half), name[:half]
    glued = GLUED_HEADING.match(name)
    if glued:  # "About UsInfosys is ...", "Company Descriptiondatapine is ...": a heading run into the name
        span = (span[0] + glued.end(), span[1])
        name = name[glued.end() :]
    if len(name) < 2 or not any(ch.isalpha() for ch in name):
        return
    words = _words(name)
    key = "".join(words)  # "Hayes-Corp" and "Hayes Corp" are one name
    if not key:
        return
    cand = found.get(key)
    if cand is None:
        cand = found[key] = Candidate(name, span[0], span[1], words)
    old = cand.weights.get(kind)
    if old is None or weight > old:  # each kind of cue counts once per name, with its best weight
        cand.score += weight - (old or 0.0)
        cand.weights[kind] = weight
        cand.cues.add(kind)


def _may_name(text: str, kind: str, at: int, end: int) -> bool:
    """Cheap test before reading a name: the word next to the cue starts with a capital, a digit or
    a quote (most cue words stand next to ordinary lower-case words)."""
    if kind == "fronted":
        return True  # the name follows the clause's comma
    if kind == "nouns" and COMPLEMENT_QUOTED.match(text, end):
        return True  # "сеть магазинов натуральных продуктов «Эко-Лавка»"
    if kind in AFTER_KINDS:
        before = text[max(0, at - 60) : at].rstrip(" \t,—–-")
        i = max(before.rfind(" "), before.rfind("\t"), before.rfind("\n")) + 1
        word = before[i:].lstrip("(\"'«„“‘")
    else:
        word = text[end : end + 12].lstrip(" \t:?!-–—\n")
    return bool(word) and (
        word[0].isupper() or word[0].isdigit() or word[0] in QUOTES_OPEN or not word[1:8].islower()
    )  # "amoCRM - крупнейшая ..."


def _whole_brand(text: str, span: tuple[int, int], m: re.Match[str]) -> bool:
    """A name in capitals spelled like the whole domain label, after a lower-case word: "na mrežnoj
    stranici HAMAG-BICRO-a (hamagbicro.hr)" (a capitalised word there may be a town or a surname)."""
    return span[1] == m.end() and text[span[0] : span[1]].isupper() and _word_before(text, span[0] - 1)[:1].islower()


def _lowercase_brand(text: str, m: re.Match[str], c: Cues) -> bool:
    """Whether a lower-case word spelled like the whole company domain stands right after a cue word
    ("At tesa, we", "bei tesa", "Rejoignez dataroom"): a brand written in lower case."""
    if text[m.end() : m.end() + 1].isalnum() or text[m.start() - 1 : m.start()] not in (" ", "\t"):
        return False
    return _word_before(text, m.start() - 1).lower() in c.brand_leads


def _word_before(text: str, end: int) -> str:
    """The word ending at `end` (on its line)."""
    start = max(text.rfind(" ", 0, end), text.rfind("\t", 0, end), text.rfind("\n", 0, end)) + 1
    return text[start:end]


def _near_cue(text: str, kind: str, at: int, m: re.Match[str], c: Cues, form_re) -> tuple[tuple[int, int] | None, bool]:
    """The name a cue points to, and whether the cue word stands right before it."""
    if kind.startswith("after") or kind == "apposition":
        return name_before(text, at, c), False
    if kind == "fronted":  # "Founded in 1999, Acme ...": the subject after the clause that opens the sentence
        if at and not SENTENCE_OPEN.search(text, max(0, at - 6), at) and text[:at].strip():
            return None, True
        rest = CLAUSE_TO_COMMA.match(text, m.end())
        if rest is None:
            return None, True
        pos = rest.end()
        noun = c.kinds["nouns"][0].match(text, pos) if "nouns" in c.kinds else None
        article = noun or ARTICLE.match(text, pos)
        if article and (noun or article.group(1).lower() in c.determiners):
            pos = article.end()  # "Founded in 1999, the Acme Group ...", "Depuis 1990, la société Acme ..."
        return name_after(text, pos, c, form_re), True
    if kind == "headings":  # "About us\nAcme is ..." : the name starting the next line or sentence
        if at >= 2 and text[at - 1] in " \t" and text[at - 2].isalpha() and _word_before(text, at - 1)[:1].islower():
            return None, True  # after a lower-case word: "... le chiffre d'affaires de l'entreprise\nGérer ..."
        rest = HEADING_GAP.match(text, m.end())  # "Company Description\r\n\nStoryblok makes ..."
        return name_after(text, rest.end() if rest else m.end(), c, form_re), True
    span = name_after(text, m.end(), c, form_re)
    if span is None and kind == "nouns":
        complement = COMPLEMENT_QUOTED.match(text, m.end())
        if complement:  # "компания по производству мебели «Ромашка»": the quoted name after the noun's complement
            return (complement.start(1), complement.end(1)), True
    return span, True


def find(
    text: str,
    doc: Doc,
    lang: str,
    *,
    form_names: Sequence[tuple[int, int]] = (),
    foreign_forms: Collection[tuple[int, int]] = (),
    domains: Sequence[str] = (),
    scrubbed: str | None = None,
    form_re: re.Pattern[str] | None = None,
) -> tuple[int, int] | None:
    """Span of the employer name the ad states, or None when the evidence is too weak."""
    c = cues(lang)
    w = c.weights
    found: dict[str, Candidate] = {}
    place_spans = {(s.start_char, s.end_char) for s in doc.spans["places"]} if "places" in doc.spans else set()
    forms = [_trim_form_name(text, span, c) for span in form_names]
    for raw, span in zip(form_names, forms, strict=True):  # a foreign ambiguous spelling weighs less
        weight = w.get("foreign_legal_form" if raw in foreign_forms else "legal_form", 2.0)
        _add(found, text, span, "legal_form", weight)
        if _signs(text, span):
            _add(found, text, span, "signature", w.get("signature", 1.0))
    first = len(text) - len(text.lstrip())  # a name that opens the ad ("Acme propose ...") counts as a cue
    if text[first : first + 1] in QUOTES_OPEN:
        first += 1  # "«Аксиом Групп» является ..."
    named: list[tuple[tuple[int, int], str, float]] = []
    institutions: list[tuple[int, int]] = []
    hits = [(h, at, None, False) for h, at in _hits(doc, c.triggers)] + _glued_hits(text, c)
    if c.fronted_re is not None:  # "Founded in 1999, Acme ...": one pattern at sentence openings
        opening = c.fronted_re.match("\n" + text[:80])
        hits += [(FRONTED_KEY, m.start("cue") - 1, None, False) for m in ([opening] if opening else [])]
        hits += [(FRONTED_KEY, m.start("cue"), None, False) for m in c.fronted_re.finditer(text)]
        hits.sort(key=lambda hit: hit[1])
    for h, at, cue_end, glued in hits:
        if not glued and at and text[at - 1].isalnum():
            continue
        for kind in () if glued else c.heads_by_trigger[h]:
            span = _institution(text, at, kind, c)
            if span and span not in place_spans:
                institutions.append(span)
        for kind in c.by_trigger[h]:
            if glued and kind in AFTER_KINDS:
                continue
            pattern, _, weight = c.kinds[kind]
            m = c.by_first.get((kind, h), pattern).match(text, at, cue_end or len(text))
            if not m or (cue_end and m.end() != cue_end) or not _may_name(text, kind, at, m.end()):
                continue
            needs_we = False
            if text[at].islower() and kind.startswith("before") and m.group(0).lower() in c.opening_only:
                if kind == "before_weak":
                    needs_we = True  # "experiencia en Oracle"; only "(en) Acme trabajamos" names the employer
                else:
                    kind, weight = "before_weak", w.get("before_weak", 1.0)  # "attitudes about Nature": weak
            elif kind == "before_weak" and m.group(0).lower() in c.company_prepositions:
                kind = "before_company"  # "chez", "bei": weak, but a name repeated after them is the employer
            span, cue_before = _near_cue(text, kind, at, m, c, form_re)
            if kind == "framed" and not (span and c.framed_closing and c.framed_closing.match(text, span[1])):
                continue  # "zählt Acme zu den ...": the name between the verb and its closing words
            if span and not cue_before and (span in place_spans or not _boundary_ok(text, span[0], c, False)):
                span = _name_before_place(text, span[0], c)  # "Irouda Evasion à Cluses recherche"
            brand = span is None and kind == "after_strong"
            if brand:
                span = _line_brand(text, at, c, place_spans)  # "Manpower CABINET DE RECRUTEMENT recherche"
            if span is None or span in place_spans:
                continue
            if needs_we and not (c.we_verb and c.we_verb.match(text, span[1])):
                continue
            if form_re is not None and form_re.fullmatch(text, span[0], span[1]):
                continue  # "KSK SYSTEMS, SIA aicina": a legal form alone is no name
            if _single_common_noun(text, span, c) or (_shouting(text, span) and not brand) or _before_place_noun(
                text, span, c
            ) or _generic(text, span, c) or _noun_of_place(text, span, c):
                continue
            weight_here = weight
            if kind.startswith("before") and (text[at].isupper() or needs_we) and (
                COMMA_AFTER.match(text, span[1]) or (c.we_verb and c.we_verb.match(text, span[1]))
            ):  # "At Acme, we ...", "Chez Acme, nous ...", "En Acme trabajamos ...", "Desde Boycor, buscamos"
                weight_here += w.get("opening_comma", 1.0)
            if kind == "apposition" and not text[max(0, at - 3) : at].rstrip().endswith((",", "—", "–", " -")):
                continue  # "Gesein, consultoría ...", "Treeum — продуктова компанія": after a comma or a dash
            if text[span[0] - 1 : span[0]] in QUOTES_OPEN and (kind == "nouns" or text[span[0] - 1] in "«„"):
                weight_here += w.get("quoted", 1.0)  # "компания «Ромашка»", "«Аксиом Групп» является ..."
            elif kind != "before_strong" and c.capitalised_nouns and _one_title_word(text[span[0] : span[1]]):
                weight_here *= 0.5  # one capitalised word may be any noun in German
            named.append((span, kind, weight_here))
    # an institution named by two heads ("... Iskola és Kollégium") is the longer name
    institutions = [s for s in institutions if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in institutions)]
    if len(institutions) > 1:  # a body right before another is its parent: "Sveučilište u Zagrebu\nFakultet ..."
        institutions = [s for s in institutions if not any(_parent_of(text, s, o) for o in institutions)]
    for span in institutions:
        named.append((span, "institution", w.get("institution", 2.0)))
        if _signs(text, span):
            named.append((span, "signature", w.get("signature", 1.0)))
    bodies = forms + institutions
    for span, kind, weight_here in named:
        # a cue next to a name written with its legal form or its head counts for that name
        body = next((f for f in bodies if f[0] <= span[0] and span[1] <= f[1]), None) if bodies else None
        span = body or _brand_only(text, _without_lead(text, span, c), form_re)
        _add(found, text, span, kind, weight_here)
        if span[0] == first:
            _add(found, text, span, "start", w.get("start", 1.0))
    source = scrubbed if scrubbed is not None else text
    for label in domains:
        pattern = _domain_re(label)
        if pattern is None:
            continue
        for m in pattern.finditer(source):
            if not text[m.start()].isupper():
                if _lowercase_brand(text, m, c):  # "At tesa, we ...": the domain's word in lower case after a cue
                    _add(found, text, (m.start(), m.end()), "domain", w.get("domain", 2.0))
                    break
                continue
            span = name_after(text, m.start(), c, form_re)
            if span and span[0] == m.start() and span not in place_spans and (
                _boundary_ok(text, span[0], c, False) or _whole_brand(text, span, m)
            ):
                _add(found, text, span, "domain", w.get("domain", 2.0))
                break
    if domains and CYRILLIC_NAME.search(source):
        _add_transliterated(found, text, source, domains, c, form_re, place_spans)
    if not found:
        return None
    return _best(found, text, w, domains)


@cache
def _transliteration() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    table = load_toml("common", "employer_names.toml").get("transliteration", {})
    letters = {ord(k): v for k, v in table.get("letters", {}).items()}
    return letters, tuple((a, b) for a, b in table.get("folds", []))


def _latin_key(word: str) -> str:
    """A word written in Latin letters and reduced to a spelling key: "Домклик" and "domclick" -> "domklik"."""
    letters, folds = _transliteration()
    key = word.lower().translate(letters)
    for a, b in folds:
        key = key.replace(a, b)
    return NON_WORD.sub("", key)


def _add_transliterated(
    found: dict[str, Candidate], text: str, source: str, domains: Sequence[str], c: Cues, form_re,
    place_spans: set[tuple[int, int]],
) -> None:
    """A Cyrillic name spelled like the ad's domain label ("Домклик — domclick.ru")."""
    keys = {k for k in (_latin_key(label) for label in domains) if len(k) >= 4}
    for m in CYRILLIC_NAME.finditer(source):
        if _latin_key(m.group(0)) not in keys:
            continue
        span = name_after(text, m.start(), c, form_re)
        if span and span[0] == m.start() and span not in place_spans and _boundary_ok(text, span[0], c, False):
            _add(found, text, span, "domain", c.weights.get("domain", 2.0))
            return


def _glued_cue_end(tok: str, c: Cues) -> int:
    """Where a cue word run into the next word ends inside one token ("компанияЛУНА" -> 8), else 0."""
    m = GLUE_POINT.search(tok)
    return m.start() if m and get_string_id(tok[: m.start()].lower()) in c.by_trigger else 0


def _glued_hits(text: str, c: Cues) -> list[tuple[int, int, int | None, bool]]:
    """(LOWER hash, offset, end, True) of the cue words a scraper ran into the word before or after
    them, which the tokenizer keeps in one token: a cue after the glue ("DüsseldorfAt Vodafone", its
    end free) or a cue before it ("компанияЮЛА МАМА", its end at the glue)."""
    out: list[tuple[int, int, int | None, bool]] = []
    for m in GLUE_POINT.finditer(text):
        at = m.start()
        word = m.group(0).lower()
        if word in c.glued_words and (h := get_string_id(word)) in c.by_trigger:
            out.append((h, at, None, True))
        if text[max(0, at - 3) : at].lower() not in c.glued_ends:
            continue
        lo = max(0, at - MAX_GLUED_CUE)
        space = max(text.rfind(" ", lo, at), text.rfind("\n", lo, at))
        if space < 0 and lo:
            continue  # a longer word than any cue
        h = get_string_id(text[space + 1 : at].lower())
        if h in c.by_trigger:
            out.append((h, space + 1, at, True))
    return out


def company_domains(emails: Iterable[Any], links: Iterable[Any]) -> list[str]:
    """The main label of each company e-mail or web domain ("wuerth" of personal@wuerth.com); free
    mail, job boards, social networks and link shorteners are left out."""
    lists = contacts.domain_lists()
    blocked = [*lists.get("job_boards", []), *lists.get("social", []), *lists.get("shorteners", []),
               *lists.get("free_hosts", []), *lists.get("messenger_links", {})]  # fmt: skip
    hosts = [e.domain for e in emails if e.domain and not e.free_provider]
    hosts += [lk.domain or lk.host for lk in links if not lk.messenger and (lk.domain or lk.host)]
    out: list[str] = []
    for host in hosts:
        if contacts.host_matches(host, blocked):
            continue
        parts = host.lower().split(".")
        if len(parts) < 2:
            continue
        label = parts[-3] if len(parts) >= 3 and parts[-2] in SECOND_LEVEL else parts[-2]
        if label not in out:
            out.append(label)
    return out


def _without_lead(text: str, span: tuple[int, int], c: Cues) -> tuple[int, int]:
    """A name without the company noun it was read with: "L'agence Adecco recrute" -> "Adecco"."""
    heading = c.kinds.get("headings")
    h = heading[0].match(text, span[0], span[1]) if heading else None
    if h and h.end() < span[1] and text[h.end()].isspace():  # "Company Description Inetum est ..."
        rest = TOKEN.search(text, h.end(), span[1])
        if rest and rest.group(0)[:1].isupper():
            return rest.start(), span[1]
    m = TOKEN.match(text, span[0])
    if m and m.end() < span[1] and m.group(0).lower().strip(EDGE_PUNCT) in c.leads:
        rest = TOKEN.search(text, m.end(), span[1])
        if rest and rest.group(0)[:1].isupper():
            return rest.start(), span[1]
    return span


REPEATABLE = frozenset({"after_weak", "headings", "before_company"})  # weak cues a repeated name may rest on


def _opening_name(cand: Candidate, count: int) -> bool:
    """A name opening the ad before a verb is the employer when it is repeated, or when it does not look
    like a job title or a common noun (one capitalised word: "Архитектор - это ..."): "LHH accompagne",
    "Technology & Strategy accompagne"."""
    if any(ch.isdigit() or ch in ":€$£" for ch in cand.name):
        return False
    return count >= 2 or len(cand.words) >= 2 or not cand.name.istitle()


def _before_place_noun(text: str, span: tuple[int, int], c: Cues) -> bool:
    """Whether a place noun follows the name: "работа в Ленинском районе" names a district."""
    if not c.place_nouns:
        return False
    m = TOKEN.match(text, span[1] + 1) if text[span[1] : span[1] + 1] == " " else None
    return bool(m) and m.group(0).lower().strip(EDGE_PUNCT) in c.place_nouns


def _line_brand(text: str, at: int, c: Cues, place_spans: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The capitalised brand opening a line whose subject goes on with words in capitals or a place
    before the verb: "Manpower CABINET DE RECRUTEMENT DE LA HAUTE-SAVOIE recherche", "Job Concept Alby
    sur Chéran recherche" (a known place) -> the brand."""
    line_start = text.rfind("\n", 0, at) + 1
    if at - line_start > REACH:
        return None
    tokens = list(TOKEN.finditer(text, line_start, at))
    brand_end = None
    for i, t in enumerate(tokens):
        word = t.group(0)
        if i == 0 and (not word[:1].isupper() or word.isupper() or word.lower() in c.stopwords):
            return None
        starts_place = any(p[0] == t.start() and p[1] <= at for p in place_spans)
        if i and (word.isupper() and len(word) > 1 or starts_place):
            brand_end = tokens[i - 1].end()
            rest = text[t.start() : at].split()
            ok = starts_place and any(p[0] == t.start() and not text[p[1] : at].strip() for p in place_spans)
            capitals = len(rest) >= 2 and all(w.isupper() or not w.isalpha() for w in rest)
            if ok or (capitals and rest[0].lower() not in c.determiners):
                return line_start, brand_end  # ("Boulangerie DE LA GARE": a complement, not a branch)
            return None
        if not word[:1].isupper() or i >= 3:
            return None
    return None


def _brand_only(text: str, span: tuple[int, int], form_re: re.Pattern[str] | None) -> tuple[int, int]:
    """A capitalised brand without the words in capitals after it (a branch, a town, a trade; two
    words at least, none a legal form): "Manpower RUMILLY GRANDS COMPTES recherche" -> "Manpower";
    "Harlow SNC" stays."""
    first = TOKEN.match(text, span[0])
    if not first or first.end() >= span[1] or first.group(0).isupper() or not first.group(0)[:1].isupper():
        return span
    caps = [t for t in TOKEN.finditer(text, first.end(), span[1])]
    for i, t in enumerate(caps[:-1]):
        words = [x.group(0).strip(EDGE_PUNCT) for x in caps[i : i + 2]]
        if all(len(x) >= 2 and x.isupper() and x.isalpha() for x in words) and not (
            form_re and any(form_re.fullmatch(x) for x in words)
        ):
            return span[0], span[0] + len(text[span[0] : t.start()].rstrip())
    return span


def _signs(text: str, span: tuple[int, int]) -> bool:
    """Whether a name heads an address, as in a signature or contact block: it ends its line (or a
    comma or bar follows it) and a postcode or house number comes within the next lines."""
    tail = text[span[1] : span[1] + 160]
    rest = tail.split("\n", 1)[0].strip(" \t\u00a0")
    if rest and rest[0] not in ",|·•–-":
        return False
    return ADDRESS_NEXT.search(tail) is not None


def _name_token(word: str) -> str:
    return word.strip(EDGE_PUNCT + QUOTES_OPEN + QUOTES_CLOSE)


def _institution(text: str, at: int, kind: str, c: Cues) -> tuple[int, int] | None:
    """An institution named by its head: the head first and the words after it ("Klinički bolnički centar
    Split", "Sveučilište u Dubrovniku"), or the words before a final head ("Rīgas Tehniskā universitāte",
    "Kanizsai Dorottya Kórház"). The head is written capitalised (or in capitals) when it comes first;
    the name stays on one line, ends at punctuation, and a name all in capitals stays in capitals."""
    pattern, _ = c.heads[kind]
    m = pattern.match(text, at)
    if not m:
        return None
    head = m.group(0)
    if not c.head_lower and (not head[0].isupper() or head.isupper()):
        return None  # English: "Completed university", "PROGRAMMING UNIVERSITY" name no body
    if kind == "first":
        if not head[0].isupper() or HEAD_STOP.search(head):
            return None
        if BULLET_BEFORE.search(text, max(0, at - 8), at):
            return None  # "- Srednja škola tehničkog usmjerenja": a requirement in a list
        end = _words_after_head(text, m.end(), c, head.isupper() and len(head) > 1)
        if end > m.end() and _kind_of_body(text, at, m.end(), end):
            return None  # "Što tražimo: Srednja škola tehničkog usmjerenja": a kind of school, capitalised as an item
        # a head of three capitalised words is a name of its own: "Powiatowy Urząd Pracy"
        alone = len(head.split()) >= 3 and all(w[0].isupper() for w in head.split())
        return (at, end) if end > m.end() or alone else None
    j = len(text[:at].rstrip(" \t")) - 1
    if j < 0 or not text[j].isalnum():
        return None  # no word before the head on its line
    if not c.head_lower and not text[text.rfind(" ", 0, j) + 1].isupper():
        return None  # "a University", "the Hospital": no name before (a quick test before reading words)
    start = _words_before_head(text, at, c, head.isupper() and len(head) > 1)
    if start is not None and not c.head_lower and len(text[start:at].split()) < 2:
        return None  # English: "Technical University" may be any; "Saint Vincent Hospital" is one
    return (start, m.end()) if start is not None else None


def _kind_of_body(text: str, at: int, head_end: int, end: int) -> bool:
    """Whether a head and lower-case words after it start a line or a list item and head no address: a
    kind of institution written as a requirement ("Što tražimo: Srednja škola tehničkog usmjerenja"),
    not a name ("na adresu:\nHrvatska matica iseljenika, Trg ... 3")."""
    if text[at:head_end].isupper() or any(w[:1].isupper() for w in text[head_end:end].split()):
        return False
    return bool(ITEM_BEFORE.search(text, max(0, at - 8), at)) and not _signs(text, (at, end))


def _parent_of(text: str, parent: tuple[int, int], unit: tuple[int, int]) -> bool:
    """Whether an institution's name stands right before another's (not the same name repeated): the
    university before its faculty, the municipality before its school."""
    if unit[0] < parent[1] or text[parent[1] : unit[0]].strip():
        return False
    return not text[unit[0] : unit[1]].lower().startswith(text[parent[0] : parent[1]].lower())


def _joins(word: str, c: Cues) -> bool:
    """A connector inside a name ("i", "és", "un", "&")."""
    low = word.lower()
    return low in c.connectors or low in CONNECTOR_WORDS


def _words_after_head(text: str, pos: int, c: Cues, capitals: bool) -> int:
    """Where the words naming an institution after its head end: at punctuation, the end of the line,
    a word of `end_words`, a word out of capitals in a name written in capitals, or a lower-case word
    after a capitalised one ("Opća bolnica Nova Gradiška pridržava ..."). Never on a connector."""
    line_end = text.find("\n", pos)
    hi = min(len(text), pos + 120, line_end if line_end >= 0 else len(text))
    end = pos
    seen_cap = False
    count = lower = 0
    for t in TOKEN.finditer(text, pos, hi):
        tok = t.group(0)
        if tok[0] in "([" + QUOTES_OPEN:
            break
        full = _name_token(tok)
        elided = ELIDED.match(full)  # "Clinique d'Argonay", "Istituto dell'Industria": the word after the article
        word = full[elided.end() :] if elided else full
        if not word or word.lower() in c.end_words or (word[0].isupper() and word.lower() in c.stopwords):
            break
        joins = _joins(word, c)
        if capitals and not word.isupper():
            break
        if word[0].isdigit():
            break  # a house number: "Powiatowy Urząd Pracy w Opocznie Rolna 6"
        if word[0].isupper():
            if c.heads["first"][0].match(text, t.start()):
                break  # "Sveučilište u Zagrebu Fakultet ...": the next body's name
            seen_cap = True
        elif not joins:
            if seen_cap or lower >= c.head_lower or not word.replace("-", "").isalpha():
                break
            lower += 1
        if not joins:
            end = t.start() + len(full) + (len(tok) - len(tok.lstrip(EDGE_PUNCT + QUOTES_OPEN)))
        count += not joins
        if count >= MAX_HEAD_WORDS or full != tok:
            break  # punctuation after the word ends the name
    return end


def _words_before_head(text: str, pos: int, c: Cues, capitals: bool) -> int | None:
    """Where the name before a final head starts: the first of the capitalised (and at most
    `Cues.head_lower` lower-case) words before it on its line, after punctuation, a stop word or the
    line start; the name starts with a capitalised word. A comma may separate listed words
    ("Termelő, Kereskedelmi és ...")."""
    line_start = text.rfind("\n", 0, pos) + 1
    lo = max(line_start, pos - 160)
    tokens = list(TOKEN.finditer(text, lo, pos))
    start = None
    count = lower = 0
    for t in reversed(tokens):
        tok = t.group(0)
        word = _name_token(tok)
        if not word or "(" in tok or ")" in tok:
            break
        listed = tok[-1] == "," and start is not None and word[0].isupper()  # "Termelő, Kereskedelmi és ..."
        if tok[-1] in ",.;:!?" and not listed and not (tok[-1] == "." and ABBREVIATION.fullmatch(tok)):
            break
        if word.islower() and word in c.end_words:
            break  # "... MINISTRIJA ir vadošā valsts pārvaldes iestāde"
        joins = _joins(word, c)
        stop = word.lower() in c.stopwords if word[0].isupper() else word in c.determiners
        if stop and not joins:
            break
        if capitals and not word.isupper() and not joins:
            break
        if word[0].isupper() or word[0].isdigit():
            start = t.start() + (len(tok) - len(tok.lstrip(EDGE_PUNCT + QUOTES_OPEN)))
        elif not joins:
            if lower >= c.head_lower or not word.replace("-", "").isalpha():
                break
            lower += 1
        count += not joins
        if count >= MAX_HEAD_WORDS or tok[0] in QUOTES_OPEN:
            break
    return start


def _shouting(text: str, span: tuple[int, int]) -> bool:
    """Whether the name stands in a stretch written in capitals, where any word looks like a name."""
    window = text[max(0, span[0] - 60) : span[1] + 60]
    upper = sum(map(str.isupper, window))
    if upper < 12:
        return False
    letters = sum(map(str.isalpha, window))
    return letters > 20 and upper / letters > 0.6


def _name_before_place(text: str, start: int, c: Cues) -> tuple[int, int] | None:
    """The name before "à Cluses", "in Leeds" when a place stands between the name and its verb."""
    m = PREP_BEFORE.search(text, max(0, start - 30), start)
    if not m or m.group(1) not in c.place_prepositions:
        return None
    span = name_before(text, m.start(), c, allow_comma=False)
    return span if span and _boundary_ok(text, span[0], c, False) else None


def _trim_form_name(text: str, span: tuple[int, int], c: Cues) -> tuple[int, int]:
    """In languages that capitalise nouns, a name read back from its legal form starts after the
    last article in it: "Unter der Führung der Degussa Bank AG" -> "Degussa Bank AG"."""
    if not c.capitalised_nouns:
        return span
    start = span[0]
    for m in TOKEN.finditer(text, span[0], span[1]):
        if m.group(0) in c.determiners:
            start = m.end()
    while start < span[1] and text[start].isspace():
        start += 1
    return (start, span[1]) if start < span[1] else span


def _generic(text: str, span: tuple[int, int], c: Cues) -> bool:
    """Whether the words read as a name are a trade, a field or a department ("Boulangerie Pâtisserie",
    "Data Science", "Отдел") or end in a job title ("Inpatient Services Charge Nurse is ...")."""
    if not (c.generic_words or c.title_words):
        return False
    tokens = text[span[0] : span[1]].split()
    last = _name_token(tokens[-1]).lower() if tokens else ""
    if last in c.title_words:
        return True
    if last not in c.generic_words:
        return False  # (the last word of a name is no connector)
    words = (_name_token(t).lower() for t in tokens[:-1])
    return all(w in c.generic_words or w in c.connectors or w in CONNECTOR_WORDS for w in words if w)


def _noun_of_place(text: str, span: tuple[int, int], c: Cues) -> bool:
    """Whether the words read as a name are a company noun and a lower-case complement ("L’agence de
    Lille recrute", "La société du Mans"): no name."""
    m = TOKEN.match(text, span[0])
    if not m or m.end() >= span[1] or m.group(0).lower().strip(EDGE_PUNCT) not in c.leads:
        return False
    rest = TOKEN.search(text, m.end(), span[1])
    return bool(rest) and rest.group(0)[:1].islower()


def _one_title_word(name: str) -> bool:
    return name.istitle() and " " not in name


def _single_common_noun(text: str, span: tuple[int, int], c: Cues) -> bool:
    """In languages that capitalise nouns, one Title-case word after a determiner is a common noun."""
    if not c.capitalised_nouns:
        return False
    name = text[span[0] : span[1]]
    if " " in name or not name.istitle():
        return False
    before = text[max(0, span[0] - 30) : span[0]].split()
    return bool(before) and before[-1].lower().strip(EDGE_PUNCT) in c.determiners


def _best(found: dict[str, Candidate], text: str, w: dict[str, Any], domains: Sequence[str]) -> tuple[int, int] | None:
    folded_domains = [d for d in (_fold(x) for x in domains) if len(d) >= 3]
    scored = []
    weak_only = {"after_weak", "before_weak", "before_company", "nouns", "headings", "start", "fronted"}
    lower = text.lower()
    for key, cand in found.items():
        score = cand.score
        # "FIDERIM" and "Fiderim" are one name; short names count as written ("IT" is no "it")
        count = lower.count(cand.name.lower()) if len(cand.name) >= 5 else text.count(cand.name)
        # a shorter name that starts a longer candidate shares its evidence ("Uber" / "Uber Retail")
        n = len(cand.words)
        share = w.get("prefix_share", 0.5) * sum(
            other.score for other_key, other in found.items() if other_key != key and len(other.words) > n
            and other.words[:n] == cand.words
        )  # fmt: skip
        f = _fold(cand.name) if folded_domains and "domain" not in cand.cues else ""
        domain = bool(f) and any(d.startswith(f) or f.startswith(d) for d in folded_domains if min(len(d), len(f)) >= 3)
        if (
            cand.cues <= weak_only
            and not domain
            and score + share < w.get("threshold", 2.0)
            and (count < w.get("weak_repeat_min", 3) or not cand.cues & REPEATABLE)  # "chez Magnolia" thrice
            and not ({"start", "after_weak"} <= cand.cues and _opening_name(cand, count))  # "LHH accompagne ..."
            and not ("headings" in cand.cues and count >= 2 and _opening_name(cand, count))  # "About us\nAcme ..."
        ):
            continue  # weak cues need each other, or the name is the subject and often repeated ("Cision helps")
        score += share
        score += w.get("repeat", 0.5) * min(max(count - 1, 0), int(w.get("repeat_cap", 2)))
        if cand.start < w.get("early_chars", 300):
            score += w.get("early", 0.5)
        if domain:
            score += w.get("domain", 2.0)
        scored.append((score, -cand.start, cand))
    if not scored:
        return None
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    score, _, best = scored[0]
    if score < w.get("threshold", 2.0):
        return None
    return _expanded(text, best, CONNECTOR_WORDS) or (best.start, best.end)


@lru_cache(maxsize=1024)
def _acronym_re(head_words: tuple[str, ...], short: str, connectors: frozenset[str]) -> re.Pattern[str]:
    head = r"[ \t]+".join(re.escape(x) for x in head_words)
    link = r"(?:[ \t]+(?:" + "|".join(re.escape(x) for x in sorted(connectors)) + r"))?[ \t]+"
    body = link.join(re.escape(ch) + r"[\w'’-]+" for ch in short)
    return re.compile(r"(?<![\w-])" + (head + r"[ \t]+" if head else "") + body + r"(?![\w-])")


@lru_cache(maxsize=32)
def _capitalised_run(first: str) -> re.Pattern[str]:
    """Two to five capitalised words, the first starting with `first` ("Equity LifeStyle Properties")."""
    word = r"[A-Z][a-z][\w'’-]*"
    link = r"[ \t]+(?:(?:of|and|&)[ \t]+)?"
    return re.compile(r"(?<![\w&'’-])" + re.escape(first) + r"[a-z][\w'’-]*(?:" + link + word + "){1,4}")


def _expanded(text: str, cand: Candidate, connectors: frozenset[str]) -> tuple[int, int] | None:
    """The full name an acronym stands for, when the ad spells it out: "ELS" -> "Equity LifeStyle
    Properties", "Thrive SPC" -> "Thrive Skilled Pediatric Care"."""
    words = cand.name.split()
    short = words[-1]
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return None
    m = _acronym_re(tuple(words[:-1]), short, connectors).search(text)
    if m:
        return m.start(), m.end()
    if len(words) > 1 or len(short) < 3:
        return None
    for run in _capitalised_run(short[0]).finditer(text):  # "Equity LifeStyle Properties": inner capitals count
        inner = "".join(w[0] + "".join(ch for ch in w[1:] if ch.isupper()) for w in run.group(0).split()
                        if w.lower() not in connectors)  # fmt: skip
        if inner == short or (inner.startswith(short) and inner[0] == run.group(0)[0]):
            return run.start(), run.end()
    return None
