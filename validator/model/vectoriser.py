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

    def one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one text (columns in order of first occurrence)."""
        counts = self._counts(text)
        n = len(counts)
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=n)
        vals = self._weigh(cols, np.fromiter(counts.values(), dtype=np.float64, count=n))
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
        cols: list[int] = []
        counts: list[int] = []
        for text in texts:
            row = self._counts(text)
            cols.extend(row.keys())
            counts.extend(row.values())
            indptr.append(len(cols))
        col = np.asarray(cols, dtype=np.int64)
        vals = self._weigh(col, np.asarray(counts, dtype=np.float64))
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
