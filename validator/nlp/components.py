"""Our registered spaCy components. Findings are kept as spans in `doc.spans` (serialisable)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as re_constants
from re import _parser as re_parser
from re._casefix import _EXTRA_CASES

import numpy as np
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_UPPER, LENGTH, LOWER, ORTH, SPACY, SUFFIX
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from validator.resources import load_jsonl, load_toml

CLAUSE_BREAKS = {".", ";", "!", "?", ":", "|", "•", "·", "–", "—"}


class Negation:
    """Marks cue spans as negated when a trigger of the pack's lexicon governs them.

    A trigger counts when it lies within `window` tokens before the cue (or `after_window` after it),
    in the same clause (no sentence punctuation or line break between) and not inside another cue
    (so the "no" of "no experience needed" does not negate the next cue).
    """

    def __init__(self, lang: str):
        lexicon = load_toml("lang", lang, "lexicon.toml").get("negation", {})
        self.before = [tuple(t.lower().split()) for t in lexicon.get("before", [])]
        self.after = [tuple(t.lower().split()) for t in lexicon.get("after", [])]
        self.clause_words = {w.lower() for w in lexicon.get("clause_breaks", [])}
        self.window = int(lexicon.get("window", 5))
        self.after_window = int(lexicon.get("after_window", 4))
        # hashes of the words a trigger begins with: a cue with none of them near it is not negated
        self.before_first = {hash_string(t[0]) for t in self.before if t}
        self.after_first = {hash_string(t[0]) for t in self.after if t}

    def __call__(self, doc: Doc) -> Doc:
        cues = list(doc.spans.get("cues", []))
        if not cues or not (self.before or self.after):
            doc.spans["negated_cues"] = []
            return doc
        covered = set()
        for span in cues:
            covered.update(range(span.start, span.end))
        lowers = token_table(doc)[LOWER].tolist()
        kept, negated = [], []
        for span in cues:
            near = not self.before_first.isdisjoint(lowers[max(0, span.start - self.window) : span.start])
            near = near or (span.end < len(lowers) and lowers[span.end] in self.after_first)
            (negated if near and self._is_negated(doc, span, covered) else kept).append(span)
        doc.spans["cues"] = kept
        doc.spans["negated_cues"] = negated
        return doc

    def _breaks(self, token) -> bool:
        return (
            token.text in CLAUSE_BREAKS
            or "\n" in token.text_with_ws[:-1]
            or token.lower_ in self.clause_words
        )

    def _is_negated(self, doc: Doc, span: Span, covered: set[int]) -> bool:
        own = (span.start, span.end)  # the cue's own tokens never block its trigger
        words: list[tuple[int, str]] = []
        i = span.start - 1
        while i >= 0 and span.start - i <= self.window:
            tok = doc[i]
            if self._breaks(tok) or "\n" in tok.whitespace_:
                break
            words.insert(0, (i, tok.lower_))
            i -= 1
        if self._match_any(words, self.before, covered, own):
            return True
        words = []
        i = span.end
        while i < len(doc) and i - span.end < self.after_window:
            tok = doc[i]
            if self._breaks(tok):
                break
            words.append((i, tok.lower_))
            if "\n" in tok.whitespace_:
                break
            i += 1
        return self._match_any(words, self.after, covered, own, anchored=True)

    @staticmethod
    def _match_any(
        words, triggers, covered: set[int], own: tuple[int, int], anchored: bool = False
    ) -> bool:
        """A trigger among `words` whose tokens lie in no other cue (`covered` outside `own`)."""
        texts = [w for _, w in words]
        start, end = own
        for trig in triggers:
            n = len(trig)
            starts = [0] if anchored else range(len(texts) - n + 1)
            for s in starts:
                if tuple(texts[s : s + n]) == trig and not any(
                    words[s + k][0] in covered and not start <= words[s + k][0] < end for k in range(n)
                ):
                    return True
        return False


# the lexeme attributes our components and extractors read: the only ones computed for a new word
LEXEME_ATTRS = (LOWER, SUFFIX, IS_SPACE, IS_LOWER, IS_UPPER, IS_ALPHA, IS_PUNCT, IS_DIGIT)
TABLE_ATTRS = (ORTH, SPACY, LENGTH, *LEXEME_ATTRS)


def token_table(doc: Doc) -> dict[int, np.ndarray]:
    """The token attributes our components and extractors read (attribute id -> one value per token),
    read from the doc once: `doc.to_array` costs about 15 us per attribute for an ad of 450 tokens."""
    table = doc.user_data.get("token_table")
    if table is None:
        arr = doc.to_array(list(TABLE_ATTRS)).reshape(len(doc), len(TABLE_ATTRS))
        table = doc.user_data["token_table"] = {attr: arr[:, i] for i, attr in enumerate(TABLE_ATTRS)}
    return table


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per doc (spaCy rebuilds the string from the tokens on every access)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


_BOUNDARY = re.compile(r"\b")
# a digit that begins a word: `\b\d` found at the speed of a search for `\d` (the look-behind is
# checked only at digits, and after it: one character before the digit)
_WORD_DIGIT = re.compile(r"\d(?<!\w\d)")
_DIGIT_CHARS = frozenset("0123456789")
MIN_PREFIX = 3  # shorter leading words ("de", "od") are too common for the candidate path to gain
MAX_PREFIXES = 24


def _heads(items) -> list[str] | None:
    """The literal strings every match of a parsed pattern begins with, or None when there are too many."""
    prefixes = [""]
    for op, arg in items:
        if op is re_constants.LITERAL:
            prefixes = [p + chr(arg) for p in prefixes]
        elif op is re_constants.IN and all(o is re_constants.LITERAL for o, _ in arg) and len(arg) <= 4:
            prefixes = [p + chr(a) for p in prefixes for _, a in arg]
        elif op is re_constants.BRANCH or (op is re_constants.SUBPATTERN and not arg[1] and not arg[2]):
            heads = [_heads(branch) for branch in (arg[1] if op is re_constants.BRANCH else [arg[3]])]
            if any(h is None for h in heads):
                return None
            prefixes = [p + h for p in prefixes for head in heads for h in head]
            break  # what follows a group may be reached from a shorter branch: stop here
        else:
            break
        if len(prefixes) > MAX_PREFIXES:
            return None
    return prefixes if len(prefixes) <= MAX_PREFIXES else None


def _literal_prefixes(items) -> list[str] | None:
    """The literal words (lower case) every match of a parsed pattern begins with, or None when a match
    may begin otherwise or a word is shorter than MIN_PREFIX."""
    prefixes = _heads(items)
    if prefixes is None:
        return None
    lowered = [p.lower() for p in prefixes]
    if any(len(p) < MIN_PREFIX or len(p) != len(q) for p, q in zip(lowered, prefixes, strict=True)):
        return None
    return lowered


def _digit_led(items) -> bool:
    """True when every match of a parsed pattern begins with a digit (`\\d` or an ASCII digit)."""
    if not items:
        return False
    op, arg = items[0]
    if op is re_constants.LITERAL:
        return chr(arg) in _DIGIT_CHARS
    if op is re_constants.IN:
        return bool(arg) and all(
            (o is re_constants.LITERAL and chr(a) in _DIGIT_CHARS)
            or (o is re_constants.RANGE and chr(a[0]) in _DIGIT_CHARS and chr(a[1]) in _DIGIT_CHARS)
            or (o is re_constants.CATEGORY and a is re_constants.CATEGORY_DIGIT)
            for o, a in arg
        )
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
        return arg[0] >= 1 and _digit_led(list(arg[2]))
    if op is re_constants.SUBPATTERN:
        return _digit_led(list(arg[3]))
    if op is re_constants.BRANCH:
        return all(_digit_led(list(branch)) for branch in arg[1])
    return False


_LAST_DIGITS: list[tuple[str, list[int]]] = [("", [])]  # the last text read and its word-initial digits


def _word_digits(text: str) -> list[int]:
    """Offsets of the digits that begin a word (`\\b\\d`), listed once for the patterns of one text
    (the text and its list are replaced together: threads may share the entry)."""
    last, starts = _LAST_DIGITS[0]
    if last is not text:
        starts = [m.start() for m in _WORD_DIGIT.finditer(text)]
        _LAST_DIGITS[0] = (text, starts)
    return starts


class FastRegex:
    """A compiled pattern with `finditer` quicker than `re`'s on long texts, with the same matches (tested).

    - A pattern that begins with literal words (`(?:aged|between)\\s+...`, case-insensitive): the
      words are found with `str.find` in the lower-cased text and the pattern is only tried there.
      Falls back to `re` when lower-casing changes the text's length ("İ") or the text holds a
      character `re` folds onto one of the words' letters that `str.lower` does not ("ſ" for "s").
    - Else, a leading `\\b`: `re` skips ahead quickly only in a pattern that begins with a literal or
      a character class, which a leading `\\b` hides. The pattern without it is searched and the
      boundary checked at each match start, resuming one character later when it fails; when every
      match begins with a digit, it is only tried at the digits that begin a word, listed once per
      text for all such patterns.
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.rx = re.compile(pattern, flags)
        parsed = list(re_parser.parse(pattern, flags))
        leading = len(parsed) > 1 and parsed[0] == (re_constants.AT, re_constants.AT_BOUNDARY)
        self.body = re.compile(pattern[2:], flags) if leading and pattern.startswith("\\b") else None
        self.boundary = self.body is not None
        body = parsed[1:] if self.boundary else parsed
        self.prefixes = _literal_prefixes(body) if flags & re.IGNORECASE else None
        self.digit_led = self.boundary and _digit_led(body)
        if self.prefixes is not None:
            self.body = self.body or self.rx
            folds = {chr(c) for p in self.prefixes for ch in p for c in _EXTRA_CASES.get(ord(ch), ())}
            self.folds = "".join(sorted(folds))

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """Matches in `text`, as `re.finditer`; `lowered` is `text.lower()` when the caller has it."""
        if self.prefixes is not None:
            lowered = text.lower() if lowered is None else lowered
            if len(lowered) == len(text) and not any(ch in lowered for ch in self.folds):
                yield from self._at_prefixes(text, lowered)
                return
        if self.body is None or not self.boundary:
            yield from self.rx.finditer(text)
            return
        if self.digit_led:
            end = 0
            for at in _word_digits(text):
                if at >= end:
                    m = self.body.match(text, at)
                    if m is not None:
                        yield m
                        end = max(m.end(), at + 1)
            return
        pos = 0
        while pos <= len(text):
            m = self.body.search(text, pos)
            if m is None:
                return
            if _BOUNDARY.match(text, m.start()) is None:
                pos = m.start() + 1
                continue
            yield m
            pos = max(m.end(), m.start() + 1)

    def _at_prefixes(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        starts: set[int] = set()
        for prefix in self.prefixes:
            at = lowered.find(prefix)
            while at >= 0:
                starts.add(at)
                at = lowered.find(prefix, at + 1)
        end = 0
        for at in sorted(starts):
            if at < end or (self.boundary and _BOUNDARY.match(text, at) is None):
                continue
            m = self.body.match(text, at)
            if m is not None:
                yield m
                end = max(m.end(), at + 1)


class RegexCues:
    """Adds the pack's regular-expression cues (`{"label", "regex", "id"?}` rows) to `doc.spans["cues"]`."""

    def __init__(self, lang: str):
        rows = [row for row in load_jsonl("lang", lang, "cues.jsonl") if "regex" in row]
        self.patterns = [
            (FastRegex(row["regex"], re.IGNORECASE), row["label"], row.get("id", "")) for row in rows
        ]

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get("cues", []))
        text = doc_text(doc)
        lowered = text.lower()
        for rx, label, span_id in self.patterns:
            for m in rx.finditer(text, lowered):
                span = doc.char_span(m.start(), m.end(), label=label, span_id=span_id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["cues"] = spans
        return doc


@Language.factory("jobad_regex_cues", assigns=["doc.spans"], default_config={"lang": "en"})
def make_regex_cues(nlp: Language, name: str, lang: str) -> RegexCues:
    return RegexCues(lang)


@Language.factory("jobad_negation", assigns=["doc.spans"], default_config={"lang": "en"})
def make_negation(nlp: Language, name: str, lang: str) -> Negation:
    return Negation(lang)


@Language.factory("jobad_places", assigns=["doc.spans"], default_config={"lang": "en"})
def make_places(nlp: Language, name: str, lang: str):
    from validator.facts.gazetteer import PlaceMatcher

    return PlaceMatcher(nlp, lang)
