"""Employer address, postcode and registration number in each pack language, and the honest
"no employer address" sign: it fires only when none of them is in the ad."""

from __future__ import annotations

import pytest

from validator.assessment import Employer
from validator.facts import Context, employer
from validator.nlp import analyse, get_nlp


def run(text: str, lang: str) -> Employer:
    doc = analyse(get_nlp(lang), text)
    found = employer.extract(doc, Context(language=lang, structured={}))
    for ev in found.evidence:
        assert text[ev.start : ev.end] == ev.text
    return found


@pytest.mark.parametrize(
    ("lang", "text", "address"),
    [
        ("bg", "Офис: бул. „Марица“ 22, Пловдив", "бул. „Марица“ 22, Пловдив"),
        ("bg", "Заповядайте на ул. „Шипка“ № 5 в София.", "ул. „Шипка“ № 5"),
        ("ro", "Sediul: Str. Mihai Viteazu nr. 10, Cluj-Napoca", "Str. Mihai Viteazu nr. 10, Cluj-Napoca"),
        ("ro", "Interviu la B-dul Unirii 15, București.", "B-dul Unirii 15, București"),
        ("ro", "Depozit în Apahida, Str Industriilor nr 1B Parc Logistic", "Str Industriilor nr 1B"),
        ("pl", "Zapraszamy: plac Jana Pawła II 6, 41-709 Ruda Śląska", "plac Jana Pawła II 6, 41-709 Ruda Śląska"),
        ("pl", "Biuro przy ul. Długiej 12/3 w Gdańsku.", "ul. Długiej 12/3"),
        ("uk", "м. Київ, вул. Хрещатик, буд. 22", "вул. Хрещатик, буд. 22"),
        ("uk", "Офіс на просп. Перемоги 37 у Києві.", "просп. Перемоги 37"),
        ("ru", "Приходите: ул. Ленина, д. 5, Москва", "ул. Ленина, д. 5, Москва"),
        ("ru", "Склад на Варшавском шоссе 1.", "Варшавском шоссе 1"),
        ("ru", "Адрес: Приморский проспект, дом 52", "Приморский проспект, дом 52"),
        ("uk", "Магазин (Київ, проспект Оболонський,12)", "проспект Оболонський,12"),
        ("lv", "Darba vieta: Joglas iela Nr. 2, Ungurpils", "Joglas iela Nr. 2, Ungurpils"),
        ("lv", "Rimi veikals Ikšķilē, Peldu ielā 2, aicina darbā", "Peldu ielā 2"),
        ("lt", "Darbo vieta: Savanorių pr. 123, Kaunas", "Savanorių pr. 123, Kaunas"),
        ("lt", "Mūsų biuras yra Gedimino gatvė 9 Vilniuje.", "Gedimino gatvė 9"),
        ("de", "Frankfurter Straße 98-102\n63599 Biebergemünd", "Frankfurter Straße 98-102"),
        ("de", "Köpenicker Str. 40c | 10179 Berlin", "Köpenicker Str. 40c"),
        ("fr", "Agence : 12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris"),
        ("es", "Oficina en C/ Mayor, 5 Madrid", "C/ Mayor, 5"),
        ("es", "Estamos en Avda. de América 10, Madrid.", "Avda. de América 10, Madrid"),
        ("it", "Sede in Via Roma 3, Milano", "Via Roma 3, Milano"),
        ("it", "Colloqui in Piazza Garibaldi 1.", "Piazza Garibaldi 1"),
        ("en", "Visit us at 221B Baker Street, London NW1 6XE.", "221B Baker Street, London NW1 6XE"),
    ],
)  # fmt: skip
def test_street_addresses(lang, text, address):
    assert run(text, lang).address == address


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Contact via WhatsApp 24/7."),
        ("en", "The str Value 5 is a string."),
        ("en", "Earn 2000 Euro per month, 5 years experience."),
        ("it", "Lavoro 5 giorni, invio CV via email 3 volte."),
        ("ru", "знание СП, СанПин и пр. 2 года опыта"),
        ("lt", "Pvz. 5 metai patirties, e.g. 3 kalbos."),
        ("pl", "Praca od pon. do pt. 8 godzin, ul. 3 dni."),
        ("de", "Wir bieten 30 Tage Urlaub und 1 Weg zur Arbeit."),
        ("ru", "Офис у метро \"Ленинский проспект\"; 5 дней в неделю."),
        ("fr", "Il y a 3 route vers le site."),
    ],
)
def test_no_street(lang, text):
    assert run(text, lang).address is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Lieu : Paris - 2ème arrondissement"),  # an ordinal, no house number
        ("fr", "Lieu : notre site de Faverges (74)"),  # a département in brackets
        ("ru", "Адрес: ст. м. Шипиловская, 2 мин от метро"),  # a time
        ("en", "Address: Leeds city centre"),  # a town, no number
    ],
)
def test_labelled_address_needs_a_house_number_or_postcode(lang, text):
    found = run(text, lang)
    assert (found.address, found.postcode) == (None, None)


@pytest.mark.parametrize(
    ("lang", "text", "postcode"),
    [
        ("de", "Vollzeit\n83624 Otterfing, Deutschland\nBerufserfahrene", "83624"),
        ("de", "Standort: 22297 Hamburg\nIhre Aufgaben", "22297"),
        ("fr", "Localisation : 75009 Paris", "75009"),
        ("fr", "Lieu de travail : Annecy 74000\nHoraires", "74000"),
        ("es", "Ubicación: 28046 Madrid", "28046"),
        ("it", "Sede di lavoro: 00184 Roma", "00184"),
        ("pl", "Miejsce pracy: 00-590 Warszawa", "00-590"),
        ("lv", "Darba vieta Rēzeknē, LV-4604.", "LV-4604"),
        ("lt", "Adresas LT-01103 Vilnius", "LT-01103"),
        ("ro", "Cod poștal: 010061", "010061"),
        ("en", "Hiring in Southold, NY 11971", "NY 11971"),
        ("en", "Zip Code: 37154", "37154"),
        ("bg", "Офис в 1000 София", "1000"),
    ],
)
def test_postcodes_next_to_their_town(lang, text, postcode):
    assert run(text, lang).postcode == postcode


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We pay 2000 Euro per month."),
        ("en", "Since 2019 Berlin has been our home."),
        ("en", "Call 0888 123 456 before 12.05.2024."),
        ("de", "Gehalt 45000 Brutto jährlich"),
        ("de", "Wir haben 10000 Mitarbeitende weltweit"),
        ("de", "Zertifiziert nach ISO 9001, 45001 Arbeitsschutz"),
        ("de", "Gehalt 40000 - 55000 Euro"),
        ("fr", "Salaire 25000 Euros brut par an"),
        ("lv", "Atalgojums no 1800 EUR līdz 2400 EUR"),
        ("bg", "Заплата 2000 Лева на месец"),
        ("ro", "Salariu 3000 Lei net"),
        ("pl", "Wynagrodzenie 5000 Zł brutto, 2024 Kraków"),
    ],
)
def test_no_postcode_in_amounts_dates_and_phones(lang, text):
    found = run(text, lang)
    assert (found.address, found.postcode) == (None, None)


@pytest.mark.parametrize(
    ("lang", "text", "numbers"),
    [
        ("lv", "SIA RIMI LATVIA reģ.Nr.40003053029 aicina darbā", ["40003053029"]),
        ("lv", "Valsts kase (Reģ. nr. 90000597275) ir iestāde", ["90000597275"]),
        ("lt", "UAB Alfa, įmonės kodas 123456789", ["123456789"]),
        ("pl", "Agencja, nr KRS: 0000012345, NIP 526-000-12-46", ["0000012345", "526-000-12-46"]),
        ("ro", "SC Alfa SRL, CUI RO12345678, J40/1234/2015", ["RO12345678", "J40/1234/2015"]),
        ("bg", "Агро Стар ЕООД, ЕИК 123456789", ["123456789"]),
        ("uk", "ТОВ «Альфа», код ЄДРПОУ 12345678", ["12345678"]),
        ("ru", "ООО «Альфа», ИНН 7707083893, ОГРН 1027700132195", ["7707083893", "1027700132195"]),
        ("de", "Amtsgericht München HRB 12345, USt-IdNr. DE123456789", ["HRB 12345", "DE123456789"]),
        ("fr", "SARL Alpha, SIRET 123 456 789 00012", ["123 456 789 00012"]),
        ("es", "Alfa S.L., CIF B-86997947", ["B-86997947"]),
        ("it", "Alfa S.r.l. - P.IVA 01234567890", ["01234567890"]),
        ("en", "Registered in England and Wales, Company No. 01234567.", ["01234567"]),
    ],
)
def test_registration_numbers(lang, text, numbers):
    assert run(text, lang).registration_numbers == numbers


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lv", "Pieredze vismaz 2 gadi, profesijas kods 2341 01."),
        ("pl", "Wynagrodzenie 5000 zł, tel. 512 345 678."),
        ("de", "Gehalt 45.000 Euro, Kennziffer REF2679J"),
        ("ru", "Зарплата 120000 руб., опыт 3 года."),
        ("en", "VAT included in the price of 20%."),
    ],
)
def test_no_registration_number(lang, text):
    assert run(text, lang).registration_numbers == []


def _fires(text: str, lang: str) -> bool:
    from validator import assess

    ids = {hit.id for hit in assess(text, language=lang).indicators}
    return "finetune.no_employer_address" in ids


@pytest.mark.parametrize(
    ("lang", "text", "fires"),
    [
        ("bg", "Агро Стар ЕООД търси берачи. Офис: бул. „Марица“ 22, Пловдив. Тел. 0888 123 456.", False),
        ("lv", "SIA Alfa (reģ.Nr.40003053029) aicina darbā pārdevēju.", False),
        ("de", "Wir suchen Lagerhelfer.\n22297 Hamburg\nBewirb dich jetzt.", False),
        ("en", "Farm workers wanted in Spain. 2000 Euro per month. Call +44 7700 900123.", True),
        ("pl", "Praca w Niemczech, 5000 zł, od zaraz, tel. 512 345 678.", True),
    ],
)
def test_no_employer_address_sign_is_true_when_it_fires(lang, text, fires):
    assert _fires(text, lang) is fires
