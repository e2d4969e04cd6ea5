"""Places as real ads write them: inflected names, small towns in a place context, the gazetteer's
name of each place and a destination country in every pack language."""

from __future__ import annotations

import pytest

from validator.facts import gazetteer, locations
from validator.facts.context import Context
from validator.nlp import get_nlp
from validator.resources import data_path, load_toml


def places(lang: str, text: str):
    doc = get_nlp(lang)(text)
    found, destination = locations.extract(doc, Context(language=lang))
    for loc in found:
        assert loc.text == doc.text[loc.start : loc.end]
    return found, destination


def city(found, text: str):
    return next((loc for loc in found if loc.text == text), None)


@pytest.mark.parametrize(
    ("lang", "text", "written", "name", "country"),
    [
        ("ru", "Работа в офисе в Москве, полный день.", "Москве", "Москва", "RU"),
        ("ru", "Стажировка в офисе в Санкт-Петербурге.", "Санкт-Петербурге", "Санкт-Петербург", "RU"),
        ("ru", "Доставка сотрудников из Новосибирска.", "Новосибирска", "Новосибирск", "RU"),
        ("ru", "Офис находится в Казани.", "Казани", "Казань", "RU"),
        ("ru", "Приглашаем на работу в Бишкеке.", "Бишкеке", "Бишкек", "KG"),
        ("uk", "Робота у Києві, повний день.", "Києві", "Київ", "UA"),
        ("uk", "Наш офіс у Львові шукає менеджера.", "Львові", "Львів", "UA"),
        ("uk", "Робота в Одесі для водіїв.", "Одесі", "Одеса", "UA"),
        ("uk", "Виїзд до Варшави щотижня.", "Варшави", "Варшава", "PL"),
        ("pl", "Praca w Warszawie od zaraz.", "Warszawie", "Warszawa", "PL"),
        ("pl", "Szukamy magazyniera w Krakowie.", "Krakowie", "Kraków", "PL"),
        ("pl", "Oferta pracy we Wrocławiu.", "Wrocławiu", "Wrocław", "PL"),
        ("pl", "Biuro w Poznaniu zatrudni księgową.", "Poznaniu", "Poznań", "PL"),
        ("pl", "Dojazd do Gdańska zapewniony.", "Gdańska", "Gdańsk", "PL"),
        ("lt", "Darbas Vilniuje, pilnu etatu.", "Vilniuje", "Vilnius", "LT"),
        ("lt", "Ieškome vairuotojo Kaune.", "Kaune", "Kaunas", "LT"),
        ("lt", "Darbo vieta Klaipėdoje.", "Klaipėdoje", "Klaipėda", "LT"),
        ("lt", "Sandėlis Šiauliuose ieško darbuotojų.", "Šiauliuose", "Šiauliai", "LT"),
        ("lv", "Darbs Rīgā, pilna slodze.", "Rīgā", "Rīga", "LV"),
        ("lv", "Meklējam pavāru Daugavpilī.", "Daugavpilī", "Daugavpils", "LV"),
        ("lv", "Darba vieta Liepājā.", "Liepājā", "Liepāja", "LV"),
        ("lv", "Birojs atrodas Jelgavā.", "Jelgavā", "Jelgava", "LV"),
        ("ro", "Oferte de muncă pe teritoriul Ciprului.", "Ciprului", "Cipru", "CY"),
        ("ro", "Primăria Brașovului angajează.", "Brașovului", "Brașov", "RO"),
        ("bg", "Работа във Варна за сезона.", "Варна", "Варна", "BG"),
        ("bg", "Офис в София търси счетоводител.", "София", "София", "BG"),
    ],
)
def test_inflected_place_has_its_name(lang, text, written, name, country):
    found, _ = places(lang, text)
    loc = city(found, written)
    assert loc is not None, found
    assert (loc.name, loc.country) == (name, country)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Mogą aplikować osoby bez planu."),  # "Mogą" is not Moga (IN), "planu" not Plano
        ("pl", "Współpraca z Bankiem Pekao."),
        ("lt", "Kitos pareigos pagal poreikį."),  # "Kitos" is not Kita (JP)
        ("ru", "Офис в Ленинском районе."),  # an adjective, not the town Ленинск
        ("ru", "Кофе и чай бесплатно."),
        ("ru", "Работа для того, кто хочет расти."),  # "того" is not Togo
        ("uk", "Мати досвід роботи від року."),
        ("de", "Wir arbeiten in Ihren Räumen."),
        ("de", "Erfahrung im Markt für Rechtsberatung."),
        ("de", "Vermitteln von Wissen zu Lean Management."),
        ("fr", "Recherche un Conducteur de Ligne."),
        ("fr", "Pendant les vacances de Toussaint."),
        ("en", "Fluent in English and German."),
        ("en", "Excellent knowledge of Excel required."),
        ("es", "Grado en Ingeniería Informática."),
        ("es", "Equipo de IT de Banca."),
        ("it", "PREPARAZIONE DOLCI DA FORNO."),
        ("lv", "Darba vieta: Sabiles ielā 13."),  # a street named after the town
        ("ro", "Gama de produse este variată."),
    ],
)
def test_words_are_not_places(lang, text):
    found, destination = places(lang, text)
    assert [loc for loc in found if loc.kind in {"city", "country"}] == []
    assert destination is None


@pytest.mark.parametrize(
    ("lang", "text", "written", "name", "country"),
    [
        ("fr", "Poste basé à Sevrier (74).", "Sevrier", "Sevrier", "FR"),
        ("fr", "Localisation : Sevrier", "Sevrier", "Sevrier", "FR"),
        ("fr", "Rejoignez l'agence d'Annemasse.", "Annemasse", "Annemasse", "FR"),
        ("fr", "Adresse : 10 avenue de Genève, 74000 ANNECY", "ANNECY", "Annecy", "FR"),
        ("fr", "Site : Rumilly 74150", "Rumilly", "Rumilly", "FR"),
        ("de", "Steuerberater für eine Kanzlei in Mittelstetten", "Mittelstetten", "Mittelstetten", "DE"),
        ("de", "Standort: Oppenheim", "Oppenheim", "Oppenheim", "DE"),
        ("de", "Büros in Berlin, Fulda oder Düsseldorf", "Fulda", "Fulda", "DE"),
        ("en", "Ranger in Gettysburg, Pennsylvania.", "Gettysburg", "Gettysburg", "US"),
        ("en", "Location: Troisdorf", "Troisdorf", "Troisdorf", "DE"),
        ("en", "Location\nWiesloch", "Wiesloch", "Wiesloch", "DE"),
        ("en", "Location:\nTroisdorf\nStart: now", "Troisdorf", "Troisdorf", "DE"),
        ("en", "Ranger wanted in Hackett, AR.", "Hackett", "Hackett", "US"),
        ("en", "We are hiring for the Unterföhring location.", "Unterföhring", "Unterföhring", "DE"),
        ("es", "Empresa logística ubicada en Coslada.", "Coslada", "Coslada", "ES"),
        ("it", "Lavoro nella zona del comune di Palestrina.", "Palestrina", "Palestrina", "IT"),
        ("pl", "Miejsce pracy: Bochnia", "Bochnia", "Bochnia", "PL"),
        ("ro", "Lucru la sediile clienților din Botoșani.", "Botoșani", "Botoșani", "RO"),
        ("ru", "Место работы: г. Долгопрудный", "Долгопрудный", "Долгопрудный", "RU"),
        ("uk", "Шукаємо кандидатів: м. Переяслав", "Переяслав", "Переяслав", "UA"),
        ("bg", "Месторабота: гр. Русе", "Русе", "Русе", "BG"),
        ("lt", "Darbo vieta - Jonava.", "Jonava", "Jonava", "LT"),
        ("lv", "Darba vieta Madonā.", "Madonā", "Madona", "LV"),
    ],
)
def test_small_towns_in_a_place_context(lang, text, written, name, country):
    found, _ = places(lang, text)
    loc = city(found, written)
    assert loc is not None, found
    assert (loc.name, loc.country) == (name, country)


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("fr", "Un esprit Ardent et Montriond pour la saison", "Montriond"),  # a small town with no place context
        ("de", "Mittelstetten sucht Steuerberater", "Mittelstetten"),
        ("en", "Hackett and Pepe Jeans", "Hackett"),
        ("en", "Brands: Pepe Jeans London, Hackett, and others", "Hackett"),  # a list, but a small US town needs more
        ("en", "In 2020, Hackett grew by ten percent.", "Hackett"),  # a year is not a postcode
        ("en", "Tools: Hackett, MS SQL Server", "Hackett"),  # "MS SQL" is not "<town>, <state>"
        (
            "en",
            "Our team works in the office\nHackett is a brand we sell",
            "Hackett",
        ),  # the line before is not its context
        ("en", "Fluent Hackett, German is a plus", "Hackett"),  # a nationality is not the town's country
        ("pl", "Bochnia sprzedaje", "Bochnia"),
    ],
)
def test_small_towns_without_context_are_not_places(lang, text, word):
    found, _ = places(lang, text)
    assert word in text
    assert city(found, word) is None


@pytest.mark.parametrize(
    ("lang", "text", "destination"),
    [
        ("en", "Fruit picking jobs in Valencia. Good pay.", "ES"),
        ("es", "Trabajo en Valencia, salario 1500 euros al mes.", "ES"),
        ("ro", "Lucru în Valencia, salariu 1500 euro.", "ES"),
        ("ro", "Angajăm muncitori pentru Cipru, plecare din București.", "CY"),
        ("ro", "Oferte de muncă pe teritoriul Ciprului.", "CY"),
        ("pl", "Praca na Cyprze dla kelnerów.", "CY"),
        ("lt", "Darbas Kipre viešbutyje.", "CY"),
        ("lv", "Darbs Kiprā viesnīcā.", "CY"),
        ("bg", "Работа в Кипър за сезона.", "CY"),
        ("ru", "Работа на Кипре в отеле.", "CY"),
        ("uk", "Робота на Кіпрі в готелі.", "CY"),
        ("de", "Arbeit auf Zypern im Hotel.", "CY"),
        ("fr", "Travail à Chypre dans un hôtel.", "CY"),
        ("it", "Lavoro a Cipro in albergo.", "CY"),
        ("es", "Trabajo en Chipre en un hotel.", "CY"),
        ("en", "Hotel work in Cyprus.", "CY"),
        ("ru", "Требуются сотрудники в Варшаве, проживание.", "PL"),
        ("uk", "Робота в Німеччині: склад у Берліні.", "DE"),
        ("pl", "Praca w Niemczech, magazyn w Berlinie.", "DE"),
    ],
)
def test_destination_in_every_pack_language(lang, text, destination):
    assert places(lang, text)[1] == destination


def test_open_name_takes_the_country_the_ad_names():
    """A name shared by several countries still follows another place in the ad."""
    found, destination = places("en", "Office in Valencia, Venezuela.")
    assert city(found, "Valencia").country == "VE"
    assert destination == "VE"


def test_spans_carry_the_gazetteers_name():
    doc = get_nlp("pl")("Praca w Krakowie i w Warszawie.")
    assert [(s.text, s.id_, s.kb_id_) for s in doc.spans["places"]] == [
        ("Krakowie", "Kraków", "PL"),
        ("Warszawie", "Warszawa", "PL"),
    ]


def test_location_name_in_the_assessment_json():
    from validator import assess

    facts = assess("Oferta pracy w Krakowie dla magazynierów, wynagrodzenie 5000 zł.").to_dict()["facts"]
    assert {"text": "Krakowie", "name": "Kraków"}.items() <= facts["locations"][0].items()


@pytest.mark.parametrize("lang", ["ru", "uk", "pl", "lt", "lv", "ro", "bg"])
def test_inflection_rules_are_well_formed(lang):
    assert data_path("lang", lang, "place_inflection.toml").exists()
    rules = load_toml("lang", lang, "place_inflection.toml")["endings"]
    for ending, bases in rules.items():
        assert ending == ending.lower() and ending.strip() == ending
        assert isinstance(bases, list) and all(isinstance(b, str) for b in bases)
        assert ending not in bases


@pytest.mark.parametrize(("lang", "written", "name"), [("pl", "WARSZAWIE", "Warszawa"), ("ru", "МОСКВЕ", "Москва")])
def test_inflected_all_caps(lang, written, name):
    assert gazetteer.get_lexicon(lang).name_of(written) == name


def test_every_pack_names_home_countries():
    for lang in ("en", "bg", "ro", "lt", "lv", "pl", "uk", "ru", "de", "fr", "es", "it"):
        home = load_toml("lang", lang, "places.toml")["home"]["countries"]
        assert home and all(len(c) == 2 and c.isupper() for c in home)


def test_cache_key_covers_the_common_stoplist():
    files = gazetteer._source_files("fr")
    assert data_path("common", "place_stoplist.txt") in files
    assert data_path("lang", "fr", "places.toml") in files


@pytest.mark.parametrize(
    ("lang", "written", "name"),
    [("ru", "СПб", "Санкт-Петербург"), ("ru", "Питер", "Санкт-Петербург"), ("en", "NYC", "New York")],
)
def test_short_forms_take_the_usual_name(lang, written, name):
    assert gazetteer.get_lexicon(lang).name_of(written) == name
