"""TextVectoriser reproduces a fitted sklearn TfidfVectorizer's transform (1e-9), and refuses what it cannot."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from validator.model.fitting import make_vectorizer
from validator.model.vectoriser import DEFAULT_TOKEN_PATTERN, TextVectoriser, UnsupportedVectoriser

TOL = 1e-9
CORPUS = [
    "Earn big money fast! Guaranteed income of up to 5000 EUR per week, no experience needed.",
    "Contact us only on WhatsApp. A small registration fee is required before you start.",
    "Free accommodation and transport provided. Start immediately, no interview.",
    "Warehouse supervisor wanted: plan shifts, check deliveries, keep stock records up to date.",
    "Salary 28,000 GBP per year, 25 days of paid holiday and a pension scheme. Start immediately.",
    "Arbeit in Deutschland: Unterkunft kostenlos, Gehalt 2000 € netto, sofort starten, Straße 12.",
    "Работа в Польше, жильё бесплатно, зарплата 900 евро, без опыта. Работа в Польше!",
    "Travail à l'étranger, logement gratuit — l'employeur paie le voyage. Naïve café crème.",
    "İstanbul ǅemal ΣΊΣΥΦΟΣ ß straße STRASSE snake_case_word x2 a1 42 ٣٤ 東京 仕事 🚀 emoji",
    "no experience needed no experience needed no experience needed free accommodation",
]
TEXTS = CORPUS + [
    "",
    "   ",
    "!!! ... ???",
    "a b c d e",  # one-letter words only: no token with the default pattern
    "12345 678 0000 9",
    "NO EXPERIENCE NEEDED, FREE ACCOMMODATION",
    "İİİ ǅǅ ΣΣ ßß",
    "unseen words entirely: zyxwv qwerty",
    "tab\tseparated\nnew lines\r\nand  double  spaces fee fee fee",
    "x" * 5000 + " money " * 300,
]
PARAMS = [
    {},
    {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 1},
    {"ngram_range": (1, 3)},
    {"ngram_range": (2, 2)},
    {"ngram_range": (2, 3), "sublinear_tf": True},
    {"use_idf": False},
    {"norm": None},
    {"norm": None, "use_idf": False, "sublinear_tf": True},
    {"smooth_idf": False},
    {"lowercase": False},
    {"token_pattern": r"(?u)\b(\w+)\b"},  # one capturing group: the group is the token
    {"token_pattern": r"\S+", "ngram_range": (1, 2)},
    {"token_pattern": r"[a-z]+ [a-z]+"},  # tokens holding a space
    {"max_features": 15, "ngram_range": (1, 2)},
]


def assert_same(vec: TfidfVectorizer, texts: list[str]) -> TextVectoriser:
    """TextVectoriser.from_sklearn(vec) gives sklearn's rows, through transform and through one()."""
    ours = TextVectoriser.from_sklearn(vec)
    ref = vec.transform(texts).tocsr()
    ref.sort_indices()
    got = ours.transform(texts)
    assert got.shape == ref.shape
    assert np.array_equal(got.indptr, ref.indptr) and np.array_equal(got.indices, ref.indices)
    assert np.allclose(got.data, ref.data, rtol=0, atol=TOL)
    for i, text in enumerate(texts):
        cols, vals = ours.one(text)
        row = ref.getrow(i)
        order = np.argsort(cols)
        assert np.array_equal(cols[order], row.indices)
        assert np.allclose(vals[order], row.data, rtol=0, atol=TOL)
    return ours


@pytest.mark.parametrize("params", PARAMS, ids=[str(p) for p in PARAMS])
def test_equals_sklearn_on_hand_written_texts(params):
    vec = TfidfVectorizer(**params).fit(CORPUS)
    assert_same(vec, TEXTS)


def test_equals_the_shipped_training_vectoriser_on_hand_written_texts():
    vec = make_vectorizer().set_params(min_df=1, max_df=1.0).fit(CORPUS)
    ours = assert_same(vec, TEXTS)
    assert ours.params() == {
        "lowercase": True,
        "token_pattern": DEFAULT_TOKEN_PATTERN,
        "ngram_range": [1, 2],
        "sublinear_tf": True,
        "use_idf": True,
        "norm": "l2",
    }
    assert ours.terms == vec.get_feature_names_out().tolist()


def test_empty_text_and_no_known_terms_give_an_empty_row():
    ours = TextVectoriser.from_sklearn(TfidfVectorizer().fit(CORPUS))
    for text in ("", "zzz qqq", "a 1 ."):
        cols, vals = ours.one(text)
        assert cols.size == 0 and vals.size == 0 and cols.dtype == np.int64
    assert ours.transform([]).shape == (0, len(ours.terms))
    with pytest.raises(TypeError):
        ours.transform("one string")


def test_emscad_texts_equal_sklearn(emscad_csv):
    from validator.model.data import read_table
    from validator.model.features import normalise_text

    texts = [normalise_text(t) for t in read_table(emscad_csv, require_labels=False).texts]
    half = len(texts) // 2
    vec = make_vectorizer().fit(texts[:half])  # the other half holds words the vocabulary lacks
    assert_same(vec, texts)


def test_shipped_model_vectoriser_equals_sklearn_on_emscad(emscad_csv):
    """The shipped model's vectoriser against a sklearn TfidfVectorizer with its vocabulary and idf."""
    from validator.model import SHIPPED_DIR, store
    from validator.model.data import read_table
    from validator.model.features import normalise_text

    ours = store.load(SHIPPED_DIR).vectorizer
    params = ours.params()
    vec = TfidfVectorizer(
        lowercase=params["lowercase"],
        token_pattern=params["token_pattern"],
        ngram_range=tuple(params["ngram_range"]),
        sublinear_tf=params["sublinear_tf"],
        use_idf=params["use_idf"],
        norm=params["norm"],
        vocabulary={t: j for j, t in enumerate(ours.terms)},
    )
    vec.idf_ = ours.idf
    texts = [normalise_text(t) for t in read_table(emscad_csv, require_labels=False).texts] + TEXTS
    ref = vec.transform(texts)
    got = ours.transform(texts)
    assert np.array_equal(got.indices, ref.indices) and np.array_equal(got.indptr, ref.indptr)
    assert np.abs(got - ref).max() <= TOL


@pytest.mark.parametrize(
    "params, name",
    [
        ({"strip_accents": "unicode"}, "strip_accents"),
        ({"strip_accents": "ascii"}, "strip_accents"),
        ({"binary": True}, "binary"),
        ({"analyzer": "char"}, "analyzer"),
        ({"analyzer": "char_wb"}, "analyzer"),
        ({"analyzer": str.split}, "analyzer"),
        ({"norm": "l1"}, "norm"),
        ({"stop_words": "english"}, "stop_words"),
        ({"tokenizer": str.split, "token_pattern": None}, "tokenizer"),
        ({"preprocessor": str.upper}, "preprocessor"),
        ({"dtype": np.float32}, "dtype"),
    ],
)
def test_unsupported_parameters_raise(params, name):
    vec = TfidfVectorizer(**params).fit(CORPUS)
    with pytest.raises(UnsupportedVectoriser, match=name):
        TextVectoriser.from_sklearn(vec)


def test_unfitted_or_inconsistent_vectorisers_raise():
    with pytest.raises(ValueError, match="not fitted"):
        TextVectoriser.from_sklearn(TfidfVectorizer())
    with pytest.raises(UnsupportedVectoriser, match="capturing group"):
        TextVectoriser(["ab"], None, token_pattern=r"(a)(b)")
    for bad in ((0, 1), (2, 1)):
        with pytest.raises(UnsupportedVectoriser, match="ngram_range"):
            TextVectoriser(["ab"], None, ngram_range=bad)
    with pytest.raises(UnsupportedVectoriser, match="norm"):
        TextVectoriser(["ab"], None, norm="l1")
    with pytest.raises(ValueError, match="idf"):
        TextVectoriser(["ab", "cd"], np.ones(3))
    with pytest.raises(ValueError, match="twice"):
        TextVectoriser(["ab", "ab"], None)
