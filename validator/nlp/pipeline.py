"""Build a spaCy pipeline for a language from its data pack.

The pipeline is `spacy.blank(lang)` plus, in order:
- `span_ruler` named `jobad_cues`: phrase (and few token) cue patterns from `data/lang/<lang>/cues.jsonl`,
  into `doc.spans["cues"]`;
- `jobad_regex_cues`: the pack's `{"label", "regex"}` rows (numbers: ages, hours), added to the same group —
  regular expressions over the text are much faster than spaCy token patterns;
- `jobad_negation`: moves negated cues to `doc.spans["negated_cues"]` (triggers from the pack's lexicon);
- `jobad_places`: gazetteer of countries, cities and vague destinations into `doc.spans["places"]`.

The tokenizer is spaCy's own for the language with cheaper affix searches (`AffixSearch`): the tokens are
the same as stock spaCy's (tested on every example ad and the EMSCAD sample) at well under half the cost.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import re
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import spacy
from spacy import registry, util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from validator.errors import UnsupportedLanguageError
from validator.nlp import components  # noqa: F401  (registers the factories)
from validator.nlp.components import LEXEME_ATTRS
from validator.resources import load_jsonl

# Languages spaCy has no blank class for (or where `xx` is the documented choice).
SPACY_LANG = {"mt": "xx"}
# spaCy strips affixes from a chunk one at a time, re-searching the rest: a run of symbols without a
# space costs time in the square of its length ("%" * 24,000 took a minute). Runs this long are cut
# into pieces before tokenizing; the doc's text stays the original text, character for character.
LONG_CHARS = 256
LONG_RUN = re.compile(rf"\S{{{LONG_CHARS},}}")
# spaces other than one " ": `\s{2,}|[^\S ]`, written to begin with one character class, so that `re`
# skips ahead to the next space instead of trying the pattern at every character
_SPACE_RUNS = re.compile(r"\s(?:\s+|(?<=[^\S ]))")
PIECE_CHARS = 64
# Every new token string stays in the vocabulary for the life of the pipeline (with its lexeme, about
# 0.7 KB each). A job ad adds some 40 new strings (EMSCAD: median 35, at most 299); a text that adds
# more than JUNK_TEXT_STRINGS is mostly junk (or hostile). A pipeline is rebuilt once its junk texts
# have added MAX_JUNK_STRINGS, or all texts MAX_NEW_VOCAB_STRINGS: memory stays bounded (~20 MB of
# junk, ~70 MB in all) while a stream of real ads rebuilds rarely (a rebuild costs ~0.3 s).
JUNK_TEXT_STRINGS = 300
MAX_JUNK_STRINGS = 30_000
MAX_NEW_VOCAB_STRINGS = 100_000
_PIPELINES: dict[str, tuple[Language, int]] = {}  # language -> (pipeline, its vocabulary size when built)
_JUNK: dict[int, int] = {}  # id of a pipeline's vocabulary -> strings its junk texts added


class ChunkCache:
    """Fills the tokenizer's cache with the space-separated chunks of a text before it is tokenized.

    spaCy caches a chunk's tokens only until the first special case of a text ("I", "don't"): one flag
    per text, not per chunk, so a third of the chunks of a job ad were split again on every ad. A new
    chunk tokenized on its own is cached; all-letter chunks that are no special case go in one call
    (none of them sets the flag), others one by one. The tokens are the same (tested); the cache is
    spaCy's, which lives as long as the pipeline. A text with more than `MAX_NEW` new chunks (junk)
    and chunks longer than `MAX_CHARS` are left to the tokenizer alone.

    spaCy stops caching once it holds `max_cache_size` chunks (10,000 by default, fewer than the
    words of a few hundred ads): the limit is raised to CACHE_SIZE, and both caches start again
    when MAX_SEEN chunks have been filled here."""

    MAX_NEW = 300
    MAX_CHARS = 32
    MAX_SEEN = 100_000
    CACHE_SIZE = 2 * MAX_SEEN  # room for the chunks spaCy caches without us (junk texts, spaces)

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer
        self.rules = set(getattr(self.tokenizer, "rules", None) or ())
        self.seen: set[str] = set()
        if getattr(self.tokenizer, "max_cache_size", self.CACHE_SIZE) < self.CACHE_SIZE:
            self.tokenizer.max_cache_size = self.CACHE_SIZE

    def fill(self, chunks: list[str], text: str = "") -> None:
        """Cache the new ones of a text's space-separated chunks (`text.split()`) and of its runs of
        spaces other than one " " (spaCy makes them tokens: "\\n", "\\xa0 "; a " " that ends a word
        belongs to the word)."""
        seen = self.seen
        new = set(chunks)
        if text:
            for run in set(_SPACE_RUNS.findall(text)):
                new.update((run, run[1:]) if run[0] == " " else (run,))
            new.discard("")
        new = new.difference(seen)  # iterates over `new` (difference_update would walk all of `seen`)
        if not new:
            return
        new = {c for c in new if len(c) <= self.MAX_CHARS}
        if not new or len(new) > self.MAX_NEW:
            return
        if len(seen) + len(new) > self.MAX_SEEN:
            seen.clear()
            flush = getattr(self.tokenizer, "_flush_cache", None)
            if flush is not None:
                flush()
        seen.update(new)
        words = [c for c in new if c.isalpha() and c not in self.rules]
        if words:
            self.tokenizer(" ".join(words))
        for chunk in new:
            if not chunk.isalpha():
                self.tokenizer(chunk)



class AffixSearch:
    """An affix search of the tokenizer (prefix, suffix or infix rules) made cheaper, same answers:

    - an all-letter chunk gets `empty` at once (no affix rule of the packs' languages splits one;
      tested for every pack);
    - other chunks ("work,", "2,000", "full-time") recur from ad to ad, so their results are memoised
      (at most `MEMO_SIZE` chunks, then the memo starts again).

    `__self__` is the original compiled pattern, so spaCy still serialises the tokenizer's rules."""

    MEMO_SIZE = 50_000  # chunks of at most MEMO_CHARS characters: a few MB per search at most
    MEMO_CHARS = 32

    def __init__(self, search: Callable[[str], Any], *, many: bool = False) -> None:
        self.search = search
        self.many = many  # an infix finditer: results are listed so they can be replayed
        self.empty = () if many else None
        self.memo: dict[str, Any] = {}
        self.__self__ = getattr(search, "__self__", None)

    def __call__(self, chunk: str) -> Any:
        if chunk.isalpha():
            return self.empty
        found = self.memo.get(chunk, self)
        if found is self:
            found = self.search(chunk)
            if self.many:
                found = tuple(found)
            if len(chunk) <= self.MEMO_CHARS:
                if len(self.memo) >= self.MEMO_SIZE:
                    self.memo.clear()
                self.memo[chunk] = found
        return iter(found) if self.many else found


@registry.tokenizers("jobad.tokenizer.v1")
def jobad_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer for the language (its exceptions and affix rules) with the affix
    searches wrapped in `AffixSearch`; built in one go, as rebuilding spaCy's exceptions costs 0.1 s."""

    def factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefix = util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None
        suffix = util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None
        infix = util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=AffixSearch(prefix) if prefix else None,
            suffix_search=AffixSearch(suffix) if suffix else None,
            infix_finditer=AffixSearch(infix, many=True) if infix else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return factory


def _blank(lang: str) -> Language:
    """`spacy.blank(lang)`, with our tokenizer where the language uses spaCy's default one."""
    code = SPACY_LANG.get(lang, lang)
    lang_class = util.get_lang_class(code)
    if lang_class.default_config["nlp"]["tokenizer"].get("@tokenizers") == "spacy.Tokenizer.v1":
        nlp = spacy.blank(code, config={"nlp": {"tokenizer": {"@tokenizers": "jobad.tokenizer.v1"}}})
    else:
        nlp = spacy.blank(code)
    # a new word gets only the attributes we read (spaCy's word shape, number and URL tests cost more
    # than tokenizing it)
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: fn for attr, fn in getters.items() if attr in LEXEME_ATTRS}
    return nlp


def build_nlp(lang: str) -> Language:
    """A fresh pipeline for `lang`; a language without a pack gets only language-independent parts."""
    try:
        nlp = _blank(lang)
    except (ImportError, KeyError):
        raise UnsupportedLanguageError(f"'{lang}' is not a language code this tool can read") from None
    rows = load_jsonl("lang", lang, "cues.jsonl")
    patterns = [{k: v for k, v in row.items() if k in {"label", "pattern", "id"}} for row in rows if "pattern" in row]
    if patterns:
        ruler = nlp.add_pipe(
            "span_ruler",
            name="jobad_cues",
            config={"spans_key": "cues", "phrase_matcher_attr": "LOWER", "validate": False, "overwrite": False},
        )
        ruler.add_patterns(patterns)
    nlp.add_pipe("jobad_regex_cues", config={"lang": lang})
    nlp.add_pipe("jobad_negation", config={"lang": lang})
    nlp.add_pipe("jobad_places", config={"lang": lang})
    return nlp


def get_nlp(lang: str) -> Language:
    """The process-wide pipeline for `lang`: built once, rebuilt when its vocabulary has grown too big."""
    nlp, built = _PIPELINES.get(lang, (None, 0))
    if (
        nlp is None
        or len(nlp.vocab.strings) > built + MAX_NEW_VOCAB_STRINGS
        or _JUNK.get(id(nlp.vocab), 0) > MAX_JUNK_STRINGS
    ):
        if nlp is not None:
            _JUNK.pop(id(nlp.vocab), None)
        rebuilt = nlp is not None
        nlp = build_nlp(lang)
        _PIPELINES[lang] = (nlp, len(nlp.vocab.strings))
        if rebuilt:
            _return_free_memory()
    return nlp


def _return_free_memory() -> None:
    """Hand the memory of a dropped pipeline back to the system (glibc keeps freed heap pages otherwise)."""
    gc.collect()
    with suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)` in time linear in the text: runs of LONG_RUN non-space characters are
    tokenized in pieces of PIECE_CHARS (the pieces join without spaces, so `doc.text == text`)."""
    chunks = text.split()  # split on the same whitespace as `\s` in LONG_RUN (tested)
    if not chunks or max(map(len, chunks)) < LONG_CHARS:
        cache = getattr(nlp, "_jobad_chunk_cache", None)
        if cache is None or cache.tokenizer is not nlp.tokenizer:
            cache = nlp._jobad_chunk_cache = ChunkCache(nlp)
        cache.fill(chunks, text)
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []

    def add(segment: str) -> None:
        for token in nlp.make_doc(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    pos = 0
    for m in LONG_RUN.finditer(text):
        if m.start() > pos:
            add(text[pos : m.start()])
        for i in range(m.start(), m.end(), PIECE_CHARS):
            add(text[i : min(i + PIECE_CHARS, m.end())])
        pos = m.end()
    if pos < len(text):
        add(text[pos:])
    return Doc(nlp.vocab, words=words, spaces=spaces)


def analyse(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, with the text kept on the doc so components need not rebuild `doc.text`
    from the tokens (spaCy does that on every access; it cost about a fifth of tokenizing)."""
    before = len(nlp.vocab.strings)
    doc = make_doc(nlp, text)
    added = len(nlp.vocab.strings) - before
    if added > JUNK_TEXT_STRINGS:
        _JUNK[id(nlp.vocab)] = _JUNK.get(id(nlp.vocab), 0) + added
    doc.user_data["text"] = text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def add_cues(doc: Doc, other: Doc) -> None:
    """Add the cue spans another language's pipeline found in the same text (a mixed-language ad)."""
    for key in ("cues", "negated_cues"):
        spans = list(doc.spans.get(key, []))
        for span in other.spans.get(key, []):
            mapped = doc.char_span(
                span.start_char, span.end_char, label=span.label_, span_id=span.id_, alignment_mode="expand"
            )
            if mapped is not None:
                spans.append(mapped)
        doc.spans[key] = spans
