"""Employer names as real ads state them (validator/facts/employer_name.py): cue words of each pack
language, names after company nouns and in quotes, e-mail domains, legal forms; nothing when unsure."""

from __future__ import annotations

import pytest

from validator.facts import Context, employer
from validator.facts.employer_name import company_domains, cues
from validator.nlp import get_nlp
from validator.resources import language_packs


def run(text: str, lang: str = "en"):
    found = employer.extract(get_nlp(lang)(text), Context(language=lang))
    for ev in found.evidence:
        assert text[ev.start : ev.end] == ev.text
    return found


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Brightwave Analytics is hiring a data engineer to join our team.", "Brightwave Analytics"),
        ("en", "Join Corvell Systems and help us build safer bridges.", "Corvell Systems"),
        ("en", "About Tarrow Foods:\nWe make bread.", "Tarrow Foods"),
        ("en", "Pellan Health, a leader in home care, is looking for nurses.", "Pellan Health"),
        ("en", "At Quillmore, we value curiosity. Quillmore is a global studio.", "Quillmore"),
        ("fr", "Pour renforcer son équipe, Ravelio recrute un comptable en CDI.", "Ravelio"),
        ("fr", "Rejoignez Maison Drevet et participez à nos projets.", "Maison Drevet"),
        ("fr", "Travailler chez Boulangerie Sorel, c'est rejoindre une équipe soudée.", "Boulangerie Sorel"),
        ("de", "Die Kessler Logistik sucht ab sofort Lagerhelfer (m/w/d).", "Kessler Logistik"),
        ("de", "Wir bei Nordwerk Digital suchen Verstärkung.", "Nordwerk Digital"),
        ("es", "Desde Talvera Consulting buscamos un analista de datos.", "Talvera Consulting"),
        ("es", "Únete a Mirabel Energía y crece con nosotros.", "Mirabel Energía"),
        ("it", "Ferrandi Impianti cerca un elettricista con esperienza.", "Ferrandi Impianti"),
        ("it", "Unisciti a Lumeria Tech e lavora con noi.", "Lumeria Tech"),
        ("pl", "Dołącz do Wolkan Logistics i rozwijaj się z nami.", "Wolkan Logistics"),
        ("pl", "Firma Bartex zatrudni magazyniera.", "Bartex"),
        ("ro", "Compania Dacorom angajează operatori.", "Dacorom"),
        ("ro", "Alătură-te Verdana Soft și crește cu noi.", "Verdana Soft"),
        ("ru", "Компания «Северный Ветер» ищет водителя.", "Северный Ветер"),
        ("ru", "Присоединяйтесь к Техностар и растите вместе с нами.", "Техностар"),
        ("uk", "Компанія «Зоряна Пекарня» шукає пекаря.", "Зоряна Пекарня"),
        ("uk", "Приєднуйтесь до Світанок Груп і зростайте з нами.", "Світанок Груп"),
        ("bg", "Компания „Слънчев Бряг Ойл“ търси шофьори.", "Слънчев Бряг Ойл"),
        ("bg", "Присъединете се към Балкан Софт и растете с нас.", "Балкан Софт"),
        ("lt", "Bendrovė „Rytų Vėjas“ ieško vairuotojų.", "Rytų Vėjas"),
        ("lt", "Prisijunk prie Baltijos Duona komandos.", "Baltijos Duona"),
        ("lv", "Uzņēmums „Zaļā Lapa” meklē pārdevēju.", "Zaļā Lapa"),
        ("lv", "Pievienojies Rīgas Maiznīca komandai!", "Rīgas Maiznīca"),
    ],
)
def test_name_next_to_cue_words(lang, text, name):
    found = run(text, lang)
    assert found.name == name
    assert found.legal_form is None  # a name without a legal form is still a name
    assert any(ev.cue == "employer_name" and ev.text == name for ev in found.evidence)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We are hiring pickers for a farm in Denmark."),
        ("en", "Our team is looking for a driver. Apply now."),
        ("en", "In London, we offer good pay."),
        ("en", "The Data Engineering team is looking for a senior engineer."),
        ("fr", "Le cabinet de Recrutement recherche pour son client un cariste."),
        ("fr", "En tant que Responsable, vous managez une équipe. Responsable de site."),
        ("fr", "Hôtel situé à Saint Gervais recrute un valet."),
        ("de", "Für unseren Standort suchen wir Mitarbeiter."),
        ("de", "Zum nächstmöglichen Zeitpunkt suchen wir Verstärkung."),
        ("es", "Buscamos un analista de datos con experiencia en SQL."),
        ("it", "Cerchiamo un elettricista con esperienza."),
        ("pl", "Szukamy kierowcy kat. C."),
        ("ro", "Căutăm operatori pentru fabrica din Cluj."),
        ("ru", "Мы ищем водителя на полный день."),
        ("uk", "Ми шукаємо пекаря на повний день."),
        ("bg", "Ние търсим шофьори за България."),
        ("lt", "Mes ieškome vairuotojų."),
        ("lv", "Mēs meklējam pārdevēju."),
        ("en", "ABOUT THE ROLE: REPAIRS AND MAINTENANCE OF EQUIPMENT IS HIRING NOW"),
    ],
)
def test_no_name_without_evidence(lang, text):
    assert run(text, lang).name is None


def test_weak_cue_alone_is_not_enough():
    assert run("Driver wanted. Quillmore offers good pay.").name is None
    assert run("Driver wanted. At Quillmore, we offer good pay.").name == "Quillmore"


def test_repeated_name_with_cue_beats_a_single_mention():
    text = "Join the Tarrow team. Harlow Farms is hiring. Harlow Farms grows apples; Harlow Farms pays weekly."
    assert run(text).name == "Harlow Farms"


def test_name_matching_the_email_domain():
    text = "Warehouse work in Leeds.\nBrackenridge Freight pays 12 GBP an hour.\nSend your CV to jobs@brackenridge.co.uk"
    assert run(text).name == "Brackenridge Freight"
    assert run("Warehouse work in Leeds. Brackenridge Freight pays well. jobs@gmail.com").name is None


def test_umlaut_domain():
    text = "Lagerhelfer gesucht.\nDer Würth Handel bietet gute Arbeit.\nBewerbung an personal@wuerth.de"
    assert run(text, "de").name == "Würth Handel"


def test_legal_form_name_keeps_its_form_and_cue_counts_for_it():
    found = run("Hayes Robotics Ltd is hiring. Join Hayes Robotics Ltd!")
    assert (found.name, found.legal_form) == ("Hayes Robotics Ltd", "Ltd")


def test_company_domains_skip_free_mail_and_job_boards():
    from validator.facts.contacts import scan

    _, emails, links, _ = scan("Mail jobs@acme-freight.co.uk or a@gmail.com, see https://www.linkedin.com/jobs/1")
    assert company_domains(emails, links) == ["acme-freight"]


@pytest.mark.parametrize("lang", language_packs())
def test_every_pack_has_cue_words(lang):
    c = cues(lang)
    assert {"after_strong", "before_strong", "nouns", "headings"} <= set(c.kinds)
    assert c.determiners


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "Descripción\nGesvanta, consultoría tecnológica con 30 años de experiencia, precisa un analista.", "Gesvanta"),
        ("es", "En Rolvex Consulting trabajamos para impulsar tu carrera.", "Rolvex Consulting"),
        ("fr", "Chez Dumarel, nous fabriquons des meubles.", "Dumarel"),
        ("it", "In Belcora crediamo nelle persone.", "Belcora"),
        ("en", "Walt Harlow Studios (WHS) is looking for an animator.", "Walt Harlow Studios"),
        ("en", "Learn more about Quillmore's award-winning products. At Quillmore, we build.", "Quillmore"),
    ],
)
def test_apposition_we_verbs_short_forms_and_possessives(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Descripción de la empresa, consultoría tecnológica."),  # no name before the comma
        ("es", "En resumen trabajamos mucho."),  # lower case: no name
        ("fr", "Chez nous, on travaille bien."),
    ],
)
def test_no_name_from_apposition_or_we_verb_alone(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name", "form"),
    [
        ("lv", 'Sabiedrība ar ierobežotu atbildību "Kalna Ceļš" aicina darbā.', 'Sabiedrība ar ierobežotu atbildību "Kalna Ceļš"', "SIA"),
        ("lv", 'Akciju sabiedrība "Rīgas Tilti" meklē.', 'Akciju sabiedrība "Rīgas Tilti"', "AS"),
        ("pl", "Mostar Budowa spółka z ograniczoną odpowiedzialnością zatrudni.", "Mostar Budowa spółka z ograniczoną odpowiedzialnością", "Sp. z o.o."),
        ("ru", "Общество с ограниченной ответственностью «Заря» приглашает.", "Общество с ограниченной ответственностью «Заря»", "ООО"),
        ("ru", "Я директор ТОО «Алма Дизайн». Мы ищем дизайнера.", "ТОО «Алма Дизайн»", "ТОО"),
        ("uk", "Товариство з обмеженою відповідальністю «Ранок» запрошує.", "Товариство з обмеженою відповідальністю «Ранок»", "ТОВ"),
        ("en", "A(z) Kovacs Cargo Korlátolt Felelősségű Társaság keres.", "Kovacs Cargo Korlátolt Felelősségű Társaság", "Kft"),
    ],
)
def test_spelled_out_legal_forms(lang, text, name, form):
    found = run(text, lang)
    assert (found.name, found.legal_form) == (name, form)


def test_acronym_spelled_out_in_the_ad_gives_the_full_name():
    text = "About Harlow Skilled Nursing Care\nHarlow SNC is hiring nurses. Harlow SNC offers good pay."
    assert run(text).name == "Harlow Skilled Nursing Care"
    assert run("Harlow SNC is hiring nurses. Harlow SNC offers good pay.").name == "Harlow SNC"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lv", "Juridiskā adrese: Rīga, Carnikavas iela 5A, LV-1034 aicina darbā direktoru."),
        ("lv", "Darbs Rīgā. KSK, SIA aicina darbā elektriķus."),
        ("pl", "Zakres obowiązków: Pracodawca poszukuje pomocnika elektryka."),
        ("uk", "Зараз шукаємо в команду розробника."),
        ("en", "We build search for the LexisNexis platform. Mail jobs@lexisnexis.com"),
    ],
)
def test_no_name_from_places_postcodes_bare_forms_or_adverbs(lang, text):
    assert run(text, lang).name is None


def test_often_repeated_subject_counts_but_a_repeated_object_does_not():
    text = "Driver wanted.\nCision employs 500 people. Cision is everywhere; Cision pays well."
    assert run(text).name == "Cision"
    assert run("Skills in SQL. Reports in SQL. Data in SQL. Pay: good.", "es").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Irouda Évasion à Cluses recherche 3 conducteurs.", "Irouda Évasion"),
        ("pl", "Firma Budex w Krakowie zatrudni murarzy.", "Budex"),
        ("ru", "Компания Техностар в Казани ищет инженера.", "Техностар"),
    ],
)
def test_name_before_a_place_and_its_verb(lang, text, name):
    assert run(text, lang).name == name


def test_a_place_after_a_lower_case_word_is_no_name():
    assert run("Hôtel situé à Saint Gervais recrute un valet.", "fr").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "Мегаполис Строй - лидер продаж плитки в регионе.", "Мегаполис Строй"),
        ("uk", "Зелений Кит — провідна компанія з доставки.", "Зелений Кит"),
        ("en", "Harlow Labs — a leading maker of sensors.", "Harlow Labs"),
    ],
)
def test_name_then_dash_and_a_company_noun(lang, text, name):
    assert run(text, lang).name == name


def test_dash_without_a_company_noun_is_not_enough():
    assert run("Архитектор - это творческая специальность.", "ru").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Unter der Führung der Kessler Bank AG wächst die Gruppe.", "Kessler Bank AG"),
        ("de", "Bei der Nordwerk AG machen Menschen den Unterschied.", "Nordwerk AG"),
        ("de", "Müller und Söhne OHG sucht Helfer.", "Müller und Söhne OHG"),
    ],
)
def test_german_form_name_starts_after_its_article(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize("text", ["Skills: Python, SAS, SQL.", "Tools: R, SAS and Excel."])
def test_sas_in_a_list_is_software(text):
    assert run(text).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "À propos d’ORVALIS ORVALIS est un acteur majeur du conseil.", "ORVALIS"),
        ("fr", "Qui sommes-nous ? Ecovalor est un éco-organisme engagé.", "Ecovalor"),
        ("fr", "En quelques mots Cherry Lune est à la recherche d'un analyste.", "Cherry Lune"),
    ],
)
def test_french_headings_and_elided_cues(lang, text, name):
    assert run(text, lang).name == name
