"""Cities as scraped job-board ads write them: inside longer words (a city-district compound, words
glued together by a scraper) and as city adjectives ("смоленский офис"). Invented sentences."""

from __future__ import annotations

import pytest

from validator.facts import locations
from validator.facts.context import Context
from validator.nlp import get_nlp


def places(lang: str, text: str) -> list:
    doc = get_nlp(lang)(text)
    found, _ = locations.extract(doc, Context(language=lang))
    for loc in found:
        assert loc.text == doc.text[loc.start : loc.end]
    return found


def names(lang: str, text: str) -> set[str]:
    return {loc.name or loc.text for loc in places(lang, text)}


@pytest.mark.parametrize(
    ("lang", "text", "written", "name"),
    [
        ("de", "Unser Büro liegt in Hamburg-Eppendorf direkt am Park.", "Hamburg", "Hamburg"),
        ("de", "Arbeitsplatz im neuen Loft in München-Pasing.", "München", "München"),
        ("de", "Wir sitzen in Berlin-Kreuzberg und wachsen.", "Berlin", "Berlin"),
        ("de", "KontaktMusterweg 1210115 BerlinTelefon 030 123456", "Berlin", "Berlin"),
        ("en", "FactsLocationHamburgEmployment levelEntry", "Hamburg", "Hamburg"),
        ("en", "About usMunich-based Acme builds satellites.", "Munich", "Munich"),
        ("en", "Acme GmbH, Musterstrasse 5, 75001 StuttgartPhone +49 711 000", "Stuttgart", "Stuttgart"),
        ("fr", "Poste basé à Lyon-Vaise, au sein de notre agence.", "Lyon", "Lyon"),
        ("es", "Oficina en el centroMadridHorario flexible.", "Madrid", "Madrid"),
        ("it", "Sede di lavoroMilanoContratto a tempo pieno.", "Milano", "Milano"),
        ("ru", "ООО Ромашка, смоленский офис ищет бухгалтера.", "смоленский", "Смоленск"),
        ("ru", "Красноярская продуктовая IT компания ищет разработчика.", "Красноярская", "Красноярск"),
        ("ru", "Приглашаем в казанский филиал компании.", "казанский", "Казань"),
        ("ru", "Самарская компания ищет водителя.", "Самарская", "Самара"),
        ("ru", "Работа в московском офисе компании.", "московском", "Москва"),
        ("ru", "Наш петербургский офис ждёт тебя.", "петербургский", "Санкт-Петербург"),
        ("uk", "Львівська IT компанія шукає тестувальника.", "Львівська", "Львів"),
        ("de", "Du wirst Teil unseres Düsseldorfer Büros.", "Düsseldorfer", "Düsseldorf"),
        ("de", "Vom kleinen Münchner Start-up zum Konzern.", "Münchner", "München"),
        ("de", "Das Kölner Team freut sich auf dich.", "Kölner", "Köln"),
        ("de", "Unser Bremer Standort wächst.", "Bremer", "Bremen"),
        ("fr", "Sur les marchés lyonnais, nous sommes leaders.", "lyonnais", "Lyon"),
        ("fr", "Rejoignez notre agence Niortaise.", "Niortaise", "Niort"),
        ("fr", "Poste basé dans la métropole lilloise.", "lilloise", "Lille"),
        ("uk", "Запрошуємо до одеського офісу.", "одеського", "Одеса"),
        ("uk", "Харківський офіс шукає менеджера.", "Харківський", "Харків"),
    ],
)
def test_city_inside_a_longer_word_or_as_an_adjective(lang: str, text: str, written: str, name: str) -> None:
    found = {(loc.text, loc.name) for loc in places(lang, text)}
    assert (written, name) in found


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        # a lower-case tail: a word, not a district ("Nice-to-have")
        ("en", "Nice-to-have: experience with Docker.", "Nice"),
        ("de", "Nice-to-have: Erfahrung mit SQL.", "Nice"),
        ("fr", "Centre Pare-brise recrute un technicien.", "Pare"),
        # a short city glued to a word: a brand ("BudaPart Gate", "EasyVista")
        ("en", "Our office is in the BudaPart Gate building.", "Buda"),
        ("es", "Experiencia con EasyVista y Jira.", "Vista"),
        # an e-mail address or a link
        ("en", "Write to AbadanTrading@gmail.com today.", "Abadan"),
        ("de", "Schreib an SBV-Sindelfingen@example.com.", "Sindelfingen"),
        # a small town is not read inside a word
        ("de", "Kontakt: Musterweg 1 OffenburgTelefon 0781 000", "Offenburg"),
        # a region, a street or a metro station named by the adjective
        ("ru", "Работа в Московской области, вахта.", "Москва"),
        ("ru", "Красноярский край, работа вахтой.", "Красноярск"),
        ("ru", "Адрес: Самара, Николаевский проспект, 2.", "Николаевский"),
        ("ru", "Офис у метро м. Киевская, гибрид.", "Киев"),
        ("ru", "Локация — Петропавловская Борщаговка.", "Петропавловск"),
        ("ru", "Советский район, работа рядом с домом.", "Советск"),
        ("uk", "Робота в Київській області.", "Київ"),
        # a street named after a city, a word spelled like an adjective
        ("de", "Anschrift: Kölner Landstraße 40, 40591 Düsseldorf", "Köln"),
        ("de", "Besuchen Sie uns in der Frankfurter Straße 98.", "Frankfurt"),
        ("de", "Werkzeug wie Hammer und Zange wird gestellt.", "Hamm"),
        ("fr", "Client du Crédit Lyonnais depuis dix ans.", "Lyon"),
        ("fr", "Adresse : 12 rue Parisienne, Annecy.", "Paris"),
        ("uk", "Адреса: вул. Харківська, 5.", "Харків"),
    ],
)
def test_no_city_inside_words_that_are_not_places(lang: str, text: str, absent: str) -> None:
    assert absent not in names(lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "town", "found"),
    [
        # a regional adjective between the locative word and a small town
        ("de", "Der Sitz der Firma ist im badischen Offenburg.", "Offenburg", True),
        ("de", "Wir arbeiten im schwäbischen Aalen.", "Aalen", True),
        ("de", "Erfahrung im technischen Bereich, gern in Aalen.", "Bereich", False),
        # not any lower-case word: a small town that is also a word needs the locative right before it
        ("de", "Wir sind ein Team mit Sitz und Lage in schöner Lage.", "Lage", False),
        # Italian place nouns before "di"
        ("it", "Lavoro presso il porto di Civitavecchia.", "Civitavecchia", True),
        ("it", "Turni nei pressi di Civitavecchia.", "Civitavecchia", True),
        ("it", "Civitavecchia e dintorni: cerchiamo personale.", "Civitavecchia", False),
        # a small town before a list word and a place that needs no context
        ("fr", "Lieu de travail : Bonneville ou Contamine-sur-Arve", "Bonneville", True),
        ("de", "Einsatz wahlweise Fulda oder Berlin.", "Fulda", True),
        ("de", "Einsatz wahlweise Fulda oder Deutsch als Sprache.", "Fulda", False),
        ("en", "Garner and Davis wrote the review.", "Garner", False),
        # former English names of large cities
        ("en", "Support our Bangalore office.", "Bangalore", True),
        ("en", "Teams in Gurgaon and Pune.", "Gurgaon", True),
    ],
)
def test_town_in_a_place_context(lang: str, text: str, town: str, found: bool) -> None:
    assert (town in {loc.text for loc in places(lang, text)}) is found
