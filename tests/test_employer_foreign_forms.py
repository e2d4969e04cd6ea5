"""Legal forms as evidence of an employer name (data/common/legal_forms.toml): an ambiguous spelling of
another country's form weighs less in ads of a national language (`lingua_franca` ads take every
country's forms); "mbH" ends the name of a German "...gesellschaft mbH"; German "e.V.", "KGaA", "AöR" and "KöR"."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a pay grade, a list of classification societies, a technology: no company
        ("fr", "Classement CCN 1966 : Annexe 4 / Grille AS en internat. Entre 2048 et 2610 euros brut."),
        ("lv", "Veikt tehnisko uzraudzību atbilstoši klasifikācijas sabiedrību prasībām (LR, DNV, BV u.c.)."),
        ("ro", "Cunoștințe despre interfețe HAN, dispozitive IoT Comunicații PLC, GSM/GPRS."),
        ("de", "Sie kennen die Abrechnung nach Tarif AS und die Dienstpläne der Station."),
    ],
)
def test_foreign_ambiguous_forms_alone_name_no_employer(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # the same spellings at home, in English ads, or with a cue of their own
        ("en", "Nordvik AS is a shipyard in Bergen. We build ferries.", "Nordvik AS"),
        ("en", "Please send your application to Kessel Logistik AG, Hauptstraße 5, 80331 München.", "Kessel Logistik AG"),
        ("fr", "Nordvik AS recrute un soudeur pour son chantier de Bergen.", "Nordvik AS"),
        ("fr", "Envoyez votre candidature à Lumeris SAS, 12 rue des Lilas, 69003 Lyon.", "Lumeris SAS"),
        ("fr", "Contact : Hager Électro GmbH & Co. KG, Blieskastel.", "Hager Électro GmbH & Co. KG"),
        ("fr", "Envoyez votre CV à Lumeris SASU, 12 rue des Lilas, 69003 Lyon.", "Lumeris SASU"),
        # German associations, partnerships limited by shares and public-law bodies
        ("de", "Der Lebenshilfe Nordheide e.V. sucht Pflegekräfte.", "Lebenshilfe Nordheide e.V."),
        ("de", "Kontakt: Brenntag Holding KGaA, Essen.", "Brenntag Holding KGaA"),
        ("de", "Bewerbung an: Hochschul-Dienste.nrw KöR, Speditionstraße 2, 40221 Düsseldorf",
         "Hochschul-Dienste.nrw KöR"),
        # "...gesellschaft mbH"
        ("de", "Die Nordbahn Dienstleistungsgesellschaft mbH (NDG) sucht einen Planer.",
         "Nordbahn Dienstleistungsgesellschaft mbH"),
    ],
)
def test_legal_forms_at_home_or_with_a_cue(lang, text, name):
    assert run(text, lang).name == name
