"""French shop nouns before a name (lang/fr/employer_names.toml `nouns`): "notre magasin GiFi",
"notre enseigne Optima" are weak cues that count with another one; a shop noun before a lower-case
word or alone names nothing."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vous souhaitez contribuer à l'organisation de notre magasin Ventoux à Sallanches ? Rejoignez-nous "
         "chez Ventoux, enseigne de décoration.", "Ventoux"),
        ("Notre enseigne Optivia recrute un vendeur en optique (H/F) en CDI.", "Optivia"),
    ],
)
def test_shop_nouns_with_another_cue(text, name):
    assert run(text, "fr").name == name


@pytest.mark.parametrize(
    "text",
    [
        "Vous travaillerez dans notre magasin de bricolage du centre-ville.",
        "Le magasin Ventoux ouvre ses portes en mars.",
    ],
)
def test_shop_nouns_alone_or_before_lower_case_words(text):
    assert run(text, "fr").name is None
