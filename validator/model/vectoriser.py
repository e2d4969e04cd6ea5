"""TF-IDF of word n-grams over a fixed vocabulary: a fitted sklearn TfidfVectorizer's `transform`
reproduced with the standard library and numpy, so that scoring needs neither sklearn nor scipy.

Supported (everything the shipped model uses): word analyser, `lowercase`, `token_pattern` (at most
one capturing group), `ngram_range`, `sublinear_tf`, `use_idf` (the fitted idf weights) and `norm`
"l2" or None. For a text, with the terms of the vocabulary only:

    tf    = count, or 1 + log(count) when sublinear_tf
    value = tf * idf[term]                    (tf alone without idf)
    row   = values / ||values||_2             (no scaling when norm is None)

`TextVectoriser.from_sklearn(vec)` converts a fitted vectoriser (training, saving) and refuses the
parameters it would not reproduce (accent stripping, binary counts, stop words, char analysers ...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # sklearn's default
# the same tokens, found faster: a greedy \w\w+ only ever starts a match at the start of a run of word
# characters and takes the whole run, so the word boundaries add nothing
EQUIVALENT_PATTERNS = {DEFAULT_TOKEN_PATTERN: r"(?u)\w\w+"}
NORMS = ("l2", None)


class UnsupportedVectoriser(ValueError):
    """A vectoriser parameter this module does not reproduce."""


@dataclass(eq=False)
class TextVectoriser:
    """TF-IDF rows of texts over a fixed vocabulary (see the module docstring)."""

    terms: list[str] = field(repr=False)  # vocabulary, by column
    idf: np.ndarray | None = field(repr=False)  # weight per column; None: no idf weighting (use_idf=False)
    lowercase: bool = True
    token_pattern: str = DEFAULT_TOKEN_PATTERN
    ngram_range: tuple[int, int] = (1, 1)
    sublinear_tf: bool = False
    norm: str | None = "l2"
    _vocab: dict[str, int] = field(init=False, repr=False, compare=False)
    _findall: Any = field(init=False, repr=False, compare=False)
    _index: WordPairIndex | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        self.ngram_range = (int(self.ngram_range[0]), int(self.ngram_range[1]))
        min_n, max_n = self.ngram_range
        if not 1 <= min_n <= max_n:
            raise UnsupportedVectoriser(f"ngram_range {self.ngram_range}: need 1 <= min_n <= max_n")
        if self.norm not in NORMS:
            raise UnsupportedVectoriser(f"norm {self.norm!r}: only 'l2' or None are supported")
        pattern = re.compile(self.token_pattern)
        if pattern.groups > 1:
            raise UnsupportedVectoriser("the token pattern has more than one capturing group")
        self._findall = re.compile(EQUIVALENT_PATTERNS.get(self.token_pattern, self.token_pattern)).findall
        self.terms = list(self.terms)
        self._vocab = dict(zip(self.terms, range(len(self.terms)), strict=True))
        if len(self._vocab) != len(self.terms):
            raise ValueError("the vocabulary holds a term twice")
        if self.idf is not None:
            self.idf = np.asarray(self.idf, dtype=np.float64)
            if self.idf.shape != (len(self.terms),):
                raise ValueError(f"idf weights of shape {self.idf.shape} for {len(self.terms)} terms")

    @property
    def use_idf(self) -> bool:
        return self.idf is not None

    @classmethod
    def from_sklearn(cls, vec: Any) -> TextVectoriser:
        """The equivalent of a fitted sklearn TfidfVectorizer (UnsupportedVectoriser otherwise)."""
        if not hasattr(vec, "vocabulary_"):
            raise ValueError("the vectoriser is not fitted")
        p = vec.get_params()
        unsupported = {
            "analyzer": p.get("analyzer") != "word",
            "input": p.get("input", "content") != "content",
            "preprocessor": p.get("preprocessor") is not None,
            "tokenizer": p.get("tokenizer") is not None,
            "token_pattern": not isinstance(p.get("token_pattern"), str),
            "strip_accents": bool(p.get("strip_accents")),
            "stop_words": p.get("stop_words") is not None,
            "binary": bool(p.get("binary")),
            "dtype": np.dtype(p.get("dtype", np.float64)) != np.float64,
            "norm": p.get("norm") not in NORMS,
        }
        bad = [name for name, flag in unsupported.items() if flag]
        if bad:
            shown = ", ".join(f"{name}={p.get(name)!r}" for name in bad)
            raise UnsupportedVectoriser(f"TextVectoriser cannot reproduce a vectoriser with {shown}")
        use_idf = bool(p.get("use_idf", True))
        return cls(
            terms=[str(t) for t in vec.get_feature_names_out()],
            idf=np.asarray(vec.idf_, dtype=np.float64) if use_idf else None,
            lowercase=bool(p["lowercase"]),
            token_pattern=p["token_pattern"],
            ngram_range=tuple(p["ngram_range"]),
            sublinear_tf=bool(p["sublinear_tf"]),
            norm=p["norm"],
        )

    def params(self) -> dict[str, Any]:
        """The non-array parameters (JSON-safe)."""
        return {
            "lowercase": self.lowercase,
            "token_pattern": self.token_pattern,
            "ngram_range": list(self.ngram_range),
            "sublinear_tf": self.sublinear_tf,
            "use_idf": self.use_idf,
            "norm": self.norm,
        }

    def grams(self, text: str) -> list[str]:
        """The text's word n-grams, in sklearn's order (all unigrams, then all pairs ...)."""
        tokens = self._findall(text.lower() if self.lowercase else text)
        min_n, max_n = self.ngram_range
        out = tokens if min_n == 1 else []
        for n in range(max(min_n, 2), max_n + 1):
            out = out + list(map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False)))
        return out

    def _counts(self, text: str) -> Counter[int]:
        """Column -> count of the text's n-grams in the vocabulary (in order of first occurrence)."""
        counts = Counter(map(self._vocab.get, self.grams(text), repeat(-1)))
        counts.pop(-1, None)
        return counts

    def _weigh(self, cols: np.ndarray, vals: np.ndarray) -> np.ndarray:
        """tf (counts) to tf-idf values of one row, before the norm."""
        if self.sublinear_tf:
            vals = 1.0 + np.log(vals)
        if self.idf is not None:
            vals = vals * self.idf[cols]
        return vals

    def _row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, counts) of the text's n-grams in the vocabulary: by word numbers for words and word
        pairs (columns ascending), else by counting the n-gram strings (in order of first occurrence).
        Word numbers need words without spaces: sklearn's default token pattern."""
        if self.ngram_range[1] <= 2 and self.token_pattern == DEFAULT_TOKEN_PATTERN:
            if self._index is None:
                self._index = WordPairIndex(self.terms)
            tokens = self._findall(text.lower() if self.lowercase else text)
            return self._index.counts(tokens, pairs=self.ngram_range[1] == 2, singles=self.ngram_range[0] == 1)
        counter = self._counts(text)
        n = len(counter)
        cols = np.fromiter(counter.keys(), dtype=np.int64, count=n)
        return cols, np.fromiter(counter.values(), dtype=np.int64, count=n)

    def one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one text (columns ascending for words and word pairs,
        else in order of first occurrence)."""
        cols, counts = self._row(text)
        vals = self._weigh(cols, counts.astype(np.float64))
        n = len(cols)
        if self.norm == "l2" and n:
            norm = np.sqrt(np.sum(vals * vals))
            vals = vals / norm if norm else vals
        return cols, vals

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        """The TF-IDF rows of many texts as a scipy.sparse CSR matrix (sorted column indices)."""
        from scipy import sparse

        if isinstance(texts, str):
            raise TypeError("transform takes a sequence of texts, not one string")
        indptr = [0]
        cols: list[np.ndarray] = []
        counts: list[np.ndarray] = []
        for text in texts:
            row_cols, row_counts = self._row(text)
            cols.append(row_cols)
            counts.append(row_counts)
            indptr.append(indptr[-1] + len(row_cols))
        col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        vals = self._weigh(col, np.concatenate(counts).astype(np.float64) if counts else np.zeros(0))
        rows = len(indptr) - 1
        if self.norm == "l2" and len(vals):
            lengths = np.diff(indptr)
            row_of = np.repeat(np.arange(rows), lengths)
            norms = np.sqrt(np.bincount(row_of, weights=vals * vals, minlength=rows))
            norms[norms == 0.0] = 1.0  # as sklearn: an all-zero row stays zero
            vals = vals / norms[row_of]
        matrix = sparse.csr_matrix((vals, col, np.asarray(indptr, dtype=np.int64)), shape=(rows, len(self.terms)))
        matrix.sort_indices()
        return matrix


class WordPairIndex:
    """The columns of single words and word pairs, looked up by word number: a text's pairs are found
    with numpy on the numbers of its words instead of building and hashing a string per pair."""

    def __init__(self, terms: list[str]) -> None:
        words: dict[str, int] = {}
        singles: dict[int, int] = {}
        pair_keys: list[int] = []
        pair_cols: list[int] = []
        for col, term in enumerate(terms):
            parts = [words.setdefault(w, len(words)) for w in term.split(" ")]
            if len(parts) == 1:
                singles[parts[0]] = col
            elif len(parts) == 2:
                pair_keys.append(parts[0] * (1 << 32) + parts[1])
                pair_cols.append(col)
        self.words = words
        self.single_col = np.full(len(words) + 1, -1, dtype=np.int64)  # the last entry: unknown words
        for word, col in singles.items():
            self.single_col[word] = col
        order = np.argsort(np.asarray(pair_keys, dtype=np.int64), kind="stable")
        self.pair_keys = np.asarray(pair_keys, dtype=np.int64)[order]
        self.pair_cols = np.asarray(pair_cols, dtype=np.int64)[order]

    def counts(self, tokens: list[str], *, pairs: bool, singles: bool) -> tuple[np.ndarray, np.ndarray]:
        """(columns ascending, counts) of the tokens' words and adjacent pairs in the vocabulary."""
        unknown = len(self.words)
        ids = np.fromiter(map(self.words.get, tokens, repeat(unknown)), dtype=np.int64, count=len(tokens))
        found = [self.single_col[ids]] if singles else []
        if pairs and len(ids) > 1 and len(self.pair_keys):
            first, second = ids[:-1], ids[1:]
            known = (first != unknown) & (second != unknown)
            # sorted, numpy's binary search narrows each search by the previous one: half the time
            keys = np.sort(first[known] * (1 << 32) + second[known])
            pos = np.minimum(np.searchsorted(self.pair_keys, keys), len(self.pair_keys) - 1)
            hit = self.pair_keys[pos] == keys
            found.append(self.pair_cols[pos[hit]])
        cols = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
        cols = cols[cols >= 0]
        return np.unique(cols, return_counts=True)
